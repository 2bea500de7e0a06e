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

    @Option(name: .customLong("names"), parsing: .upToNextOption, help: "Name lists (one name a line, # comments), whose words are counted apart.")
    var nameLists: [String] = []

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
        var names = 0
        for path in nameLists {
            guard let bytes = InputFile(path: path).readAll() else {
                printError("thai-annotate: cannot read \(path)")
                throw Exit.noInput
            }
            for line in String(decoding: bytes, as: UTF8.self).split(separator: "\n") where line.first != "#" {
                counter.add(String(line), isName: true)
                names += 1
            }
        }
        let sources = files.map { ($0 as NSString).lastPathComponent }.joined(separator: ", ")
        let comment = [
            "Word frequencies for the sequence model (features 50-59): the segmenter's Thai and Latin words",
            "counted over \(documents) documents (\(sources)) and inside \(names) names",
            "(\(nameLists.map { ($0 as NSString).lastPathComponent }.joined(separator: ", "))); words counted \(minimumCount) times or more in either.",
            "Rebuild: thai-annotate count-words <the documents, decompressed> --names Resources/names/{given,family}-names{,-pythainlp}.txt",
            "Source and licence: Resources/SOURCES.md. Columns: word, count in the documents, count in the names.",
        ]
        try counter.tsv(minimumCount: minimumCount, comment: comment).write(toFile: output, atomically: true, encoding: .utf8)
        printError("wrote \(output)")
    }
}
