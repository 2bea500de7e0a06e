import ArgumentParser
import Foundation
import ThaiAnnotator

/// `thai-annotate count-words`: rebuilds the word-frequency table the sequence model reads
/// (Resources/frequencies/thaigov-words.tsv) from unlabelled JSONL documents; deterministic.
struct CountWords: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "count-words",
        abstract: "Count the segmenter's Thai and Latin words in JSONL documents: the model's word-frequency table.")

    @Argument(help: "JSONL files ({\"id\", \"text\"} a line), e.g. the thaigov documents, decompressed.")
    var files: [String]

    @Option(help: "Where to write the table.")
    var output: String = "Resources/" + WordFrequencies.bundledPath

    @Option(name: .customLong("minimum-count"), help: "Leave out words counted fewer times.")
    var minimumCount: Int = 2

    func run() throws {
        var counter = WordCounter(segmenter: try WordSegmenter())
        var documents = 0
        for path in files {
            guard let file = InputFile(path: path).open() else {
                printError("thai-annotate: cannot read \(path)")
                throw Exit.noInput
            }
            defer { fclose(file) }
            var reader = LineReader(file: file)
            while true {
                let lines = reader.nextChunk(maxLines: 256, maxBytes: 1 << 22)
                if lines.isEmpty { break }
                for line in lines where !line.isEmpty {
                    guard case .success(let record) = JSONLRecord.parse(line) else {
                        printError("thai-annotate: \(path): a line is not a JSONL document")
                        throw Exit.dataError
                    }
                    counter.add(record.text)
                    documents += 1
                }
            }
        }
        let names = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let comment = [
            "Word frequencies for the sequence model (features 50-59): the segmenter's Thai and Latin words",
            "counted over \(documents) documents (\(names)), words counted \(minimumCount) times or more.",
            "Rebuild: thai-annotate count-words <the documents, decompressed> --output Resources/\(WordFrequencies.bundledPath)",
            "Source and licence: Resources/SOURCES.md. Columns: word, count.",
        ]
        try counter.tsv(minimumCount: minimumCount, comment: comment).write(toFile: output, atomically: true, encoding: .utf8)
        printError("wrote \(output)")
    }
}
