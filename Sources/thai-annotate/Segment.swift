import ArgumentParser
import ThaiAnnotator

/// `thai-annotate segment`: word segmentation only.
struct Segment: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Cut text into words with ICU's Thai dictionary break iterator.")

    @OptionGroup var inputOptions: InputOptions

    @Option(help: "Output format: text (tokens separated by |, one output line per input line), json or jsonl (tokens with kinds and offsets).")
    var format: Format = .text

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl }

    func run() throws {
        let segmenter = try WordSegmenter()
        if inputOptions.input == .jsonl {
            let result = BatchRunner(threads: inputOptions.threads).run(inputs: inputOptions.inputFiles) { record in
                var writer = JSONWriter()
                writer.raw("{\"id\":\(record.rawID),\"tokens\":")
                writeTokens(segmenter.tokens(in: record.text), of: record.text, into: &writer)
                writer.raw("}\n")
                return .success(writer.bytes)
            }
            if result.unreadable { throw Exit.noInput }
            if result.failed { throw Exit.dataError }
            return
        }
        try forEachTextDocument(inputOptions.inputFiles) { input, text in
            let tokens = segmenter.tokens(in: text)
            var writer = JSONWriter()
            switch format {
            case .text:
                var previousWasBreak = true
                for token in tokens {
                    let piece = text[token.range]
                    if token.kind == .whitespace, piece.contains(where: \.isNewline) {
                        for character in piece where character.isNewline { writer.raw("\n") }
                        previousWasBreak = true
                        continue
                    }
                    if !previousWasBreak { writer.raw("|") }
                    writer.raw(String(piece))
                    previousWasBreak = false
                }
                if !previousWasBreak { writer.raw("\n") }
            case .json, .jsonl:
                writer.raw("{\"id\":"); writer.string(input.displayName)
                writer.raw(",\"tokens\":")
                writeTokens(tokens, of: text, into: &writer)
                writer.raw("}\n")
            }
            writeStdout(writer.bytes)
        }
    }

    private func writeTokens(_ tokens: [Token], of text: String, into writer: inout JSONWriter) {
        writer.raw("[")
        for (index, token) in tokens.enumerated() {
            if index > 0 { writer.raw(",") }
            writer.token(token, in: text)
        }
        writer.raw("]")
    }
}
