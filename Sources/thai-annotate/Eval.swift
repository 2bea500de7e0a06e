import ArgumentParser
import ThaiAnnotator
import ThaiEvaluation

/// `thai-annotate eval`: scores the annotator against gold data, through `ThaiEvaluation`.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the annotator on gold data: the corpus (standoff JSON), ThaiNER's inline format, or |-separated segmentation.")

    @Argument(help: "A corpus folder (documents/ and gold/), or a ThaiNER or segmentation file.")
    var path: String = "corpus"

    @Option(name: .customLong("gold-format"), help: "corpus (standoff JSON), thainer (inline tags) or segmentation (|-separated tokens).")
    var goldFormat: GoldFormat = .corpus

    @Option(help: "Output: text (tables) or json.")
    var format: Format = .text

    @Option(name: .customLong("errors"), help: "Also print up to N error examples (missed, spurious, boundary, type), and up to N role-link errors.")
    var errorExamples: Int = 0

    @Option(help: "Score only the corpus documents of one split of manifest.tsv: train or test (default: all).")
    var split: String?

    enum GoldFormat: String, ExpressibleByArgument, CaseIterable { case corpus, thainer, segmentation }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        var configuration = Annotator.Configuration()
        // ThaiNER gold is scored under ThaiNER's own span conventions.
        if goldFormat == .thainer { configuration.spanConvention = .thaiNER }
        let annotator = try Annotator(configuration: configuration)
        var evaluation = Evaluation(exampleLimit: errorExamples)
        switch goldFormat {
        case .corpus:
            let corpus: CorpusGold
            do {
                corpus = try CorpusGold(folder: path, split: split)
            } catch let error as CorpusGoldError {
                printError("thai-annotate: \(error)")
                if case .invalidGold = error { throw Exit.dataError }
                if case .unknownSplit = error { throw ExitCode(64) }
                throw Exit.noInput
            }
            for gold in corpus.documents { evaluation.add(gold, annotatedBy: annotator) }
        case .thainer:
            for (number, line) in try readText().split(separator: "\n").enumerated() {
                evaluation.add(ThaiNERGold(line: line), annotatedBy: annotator, document: "line \(number + 1)")
            }
        case .segmentation:
            var score = SegmentationScore()
            for line in try readText().split(separator: "\n") { score.add(line: line, segmentedBy: annotator.segmenter) }
            let scores = score.scores
            if format == .json {
                print("{\"gold\":\(score.gold),\"predicted\":\(score.predicted),\"precision\":\(scores.precision),\"recall\":\(scores.recall),\"f1\":\(scores.f1)}")
            } else {
                print("words: gold \(score.gold), predicted \(score.predicted), correct \(score.correct); P \(scores.precision) R \(scores.recall) F1 \(scores.f1)")
            }
            return
        }
        print(format == .json ? evaluation.json() : evaluation.table(), terminator: format == .json ? "" : "\n")
        for example in evaluation.examples { print(example) }
        for example in evaluation.roles.examples { print(example) }
    }

    /// The gold file as UTF-8 text (66 when it cannot be read, 65 when it is not UTF-8).
    private func readText() throws -> String {
        guard let bytes = InputFile(path: path).readAll() else {
            printError("thai-annotate: cannot read \(path)")
            throw Exit.noInput
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            printError("thai-annotate: \(path): invalid UTF-8 at byte offset \(firstInvalidUTF8Offset(bytes) ?? 0)")
            throw Exit.dataError
        }
        return text
    }
}
