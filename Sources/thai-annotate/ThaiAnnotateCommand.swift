import ArgumentParser
import ThaiAnnotator

/// `thai-annotate`: the command-line surface of ThaiAnnotator.
@main
struct ThaiAnnotateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "thai-annotate",
        abstract: "Find people, ministries, organisations, acronyms, places and dates in Thai text.",
        discussion: """
            Exit status: 0 success; 64 bad usage; 65 bad input data (invalid UTF-8, a bad JSONL \
            record, a malformed gazetteer or model); 66 an input or model file could not be read.
            """,
        subcommands: [Annotate.self, Segment.self, ParseDate.self, Eval.self, Bench.self, Train.self, MineLists.self, CountWords.self],
        defaultSubcommand: Annotate.self
    )
}

/// The exit codes of sysexits.h that the tool uses.
enum Exit {
    static let dataError = ExitCode(65)
    static let noInput = ExitCode(66)
}

/// Options shared by the subcommands that read documents.
struct InputOptions: ParsableArguments {
    @Argument(help: "Input files; - or nothing reads standard input.")
    var files: [String] = []

    @Option(name: .long, help: "Input format: text (each file is one document) or jsonl (one {\"id\", \"text\", \"referenceDate\"} object a line).")
    var input: InputFormat = .text

    @Option(name: .long, help: "Worker threads for --input jsonl (default: all cores).")
    var threads: Int = OrderedBatch<[Int], Int>.defaultThreads

    func validate() throws {
        guard threads >= 1 else { throw ValidationError("--threads must be at least 1") }
    }

    var inputFiles: [InputFile] { (files.isEmpty ? ["-"] : files).map(InputFile.init) }
}

/// How input documents are given.
enum InputFormat: String, ExpressibleByArgument, CaseIterable {
    case text, jsonl
}

/// Reads text inputs, reporting unreadable files (66) and invalid UTF-8 (65) and going on with
/// the others; calls `body` with each readable document.
func forEachTextDocument(_ inputs: [InputFile], _ body: (InputFile, String) throws -> Void) throws {
    var status: ExitCode?
    for input in inputs {
        guard let bytes = input.readAll() else {
            printError("thai-annotate: cannot read \(input.displayName)")
            status = Exit.noInput
            continue
        }
        if let offset = firstInvalidUTF8Offset(bytes) {
            printError("thai-annotate: \(input.displayName): invalid UTF-8 at byte offset \(offset)")
            if status == nil { status = Exit.dataError }
            continue
        }
        try body(input, String(decoding: bytes, as: UTF8.self))
    }
    if let status { throw status }
}
