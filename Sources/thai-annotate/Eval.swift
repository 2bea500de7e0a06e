import ArgumentParser
import Foundation
import ThaiAnnotator

/// `thai-annotate eval`: scores the annotator against gold data.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the annotator on gold data: the corpus (standoff JSON), ThaiNER's inline format, or |-separated segmentation.")

    @Argument(help: "A corpus folder (documents/ and gold/), or a ThaiNER or segmentation file.")
    var path: String = "corpus"

    @Option(name: .customLong("gold-format"), help: "corpus (standoff JSON), thainer (inline tags) or segmentation (|-separated tokens).")
    var goldFormat: GoldFormat = .corpus

    @Option(help: "Output: text (tables) or json.")
    var format: Format = .text

    @Option(name: .customLong("errors"), help: "Also print up to N error examples (missed, spurious, boundary, type).")
    var errorExamples: Int = 0

    @Option(help: "With a corpus: score only the documents of this split (manifest.tsv: train or test).")
    var split: String?

    @Option(name: .customLong("cross-validate"), help: "With --gold-format thainer: k-fold cross-validation over the file's documents; each fold is scored by the rules with lists mined without it, and by the rules and a model trained without it.")
    var crossValidate: Int = 0

    @Flag(name: .customLong("no-model"), help: "Rules and gazetteers alone, without the sequence model.")
    var noModel = false

    @Option(name: .customLong("model"), help: "A model file written by `thai-annotate train`, instead of the bundled one.")
    var modelFile: String?

    @Option(help: "Training epochs for --cross-validate.")
    var epochs: Int = TaggerTraining.defaultEpochs

    enum GoldFormat: String, ExpressibleByArgument, CaseIterable { case corpus, thainer, segmentation }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        if crossValidate > 0 {
            guard goldFormat == .thainer, crossValidate >= 2 else {
                throw ValidationError("--cross-validate needs --gold-format thainer and k >= 2")
            }
            return try runCrossValidation()
        }
        var configuration = Annotator.Configuration()
        // ThaiNER gold is scored under ThaiNER's own span conventions.
        if goldFormat == .thainer { configuration.spanConvention = .thaiNER }
        if noModel { configuration.tagger = .off } else if let modelFile { configuration.tagger = .file(modelFile) }
        let annotator = try Annotator(configuration: configuration)
        var evaluation = Evaluation()
        var unseen = UnseenNameRecall()
        switch goldFormat {
        case .corpus: try evaluateCorpus(annotator, &evaluation)
        case .thainer:
            let known = try KnownPersonNames(gazetteers: Gazetteer.bundled())
            for (number, line) in try ThaiNERLine.read(path).enumerated() {
                let predicted = scoreThaiNER(annotator, line, name: "line \(number + 1)", &evaluation)
                unseen.add(line, predicted: predicted, known: known)
            }
        case .segmentation: return try evaluateSegmentation(annotator.segmenter)
        }
        print(format == .json ? evaluation.json() : evaluation.table(), terminator: format == .json ? "" : "\n")
        if goldFormat == .thainer, format == .text { print(unseen.summary) }
        for example in evaluation.examples.prefix(errorExamples) { print(example) }
    }

    /// k folds of whole documents; for each, lists mined and a model trained on the other folds.
    private func runCrossValidation() throws {
        let lines = try ThaiNERLine.read(path)
        let folds = ThaiNERLine.folds(lines, k: crossValidate)
        let base = try TaggerTraining.baseGazetteers()
        var rulesEvaluation = Evaluation(), modelEvaluation = Evaluation()
        var rulesUnseen = UnseenNameRecall(), modelUnseen = UnseenNameRecall()
        for (number, fold) in folds.enumerated() {
            let training = lines.indices.filter { !fold.contains($0) }.map { lines[$0] }
            let mined = ThaiNERListMiner.mine(training[...], base: base)
            let rules = try TaggerTraining.rulesAnnotator(mined: mined.gazetteers)
            let (sequences, _, _) = try TaggerTraining.sequences(
                training, parts: TaggerTraining.parts(training, count: crossValidate - 1), buckets: TaggerTraining.defaultBuckets)
            let model = TaggerTraining.train(sequences, buckets: TaggerTraining.defaultBuckets, epochs: epochs, verbose: false)
            let withModel = try TaggerTraining.rulesAnnotator(mined: mined.gazetteers, tagger: .model(model))
            let known = KnownPersonNames(gazetteers: base + mined.gazetteers)
            for index in fold {
                let name = "fold \(number + 1) line \(index + 1)"
                rulesUnseen.add(lines[index], predicted: scoreThaiNER(rules, lines[index], name: name, &rulesEvaluation), known: known)
                modelUnseen.add(lines[index], predicted: scoreThaiNER(withModel, lines[index], name: name, &modelEvaluation), known: known)
            }
            printError("fold \(number + 1)/\(folds.count): lines \(fold.lowerBound + 1)-\(fold.upperBound), \(mined.persons.count) persons, \(mined.organizations.count) organisations, \(mined.locations.count) places mined from the rest")
        }
        if format == .json {
            print("{\"rules\":\(rulesEvaluation.json().dropLast()),\"model\":\(modelEvaluation.json().dropLast()),"
                  + "\"unseenPersonRecall\":{\"gold\":\(modelUnseen.gold),\"rules\":\(rulesUnseen.recall),\"model\":\(modelUnseen.recall)}}")
            return
        }
        print("\(crossValidate)-fold cross-validation over \(lines.count) lines (lists mined and model trained without each fold)")
        print("\nrules and gazetteers alone:\n" + rulesEvaluation.table())
        print(rulesUnseen.summary)
        print("\nwith the sequence model:\n" + modelEvaluation.table())
        print(modelUnseen.summary)
        for example in modelEvaluation.examples.prefix(errorExamples) { print(example) }
    }

    /// The gold file format of corpus/gold/NAME.json.
    struct GoldDocument: Decodable {
        struct GoldEntity: Decodable {
            var type: String
            var start: Int
            var end: Int
            var value: String?
        }
        var document: String
        var entities: [GoldEntity]
    }

    private func evaluateCorpus(_ annotator: Annotator, _ evaluation: inout Evaluation) throws {
        let root = URL(fileURLWithPath: path)
        let goldFolder = root.appendingPathComponent("gold")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: goldFolder.path) else {
            printError("thai-annotate: no gold/ folder in \(path)")
            throw Exit.noInput
        }
        let wanted = try split.map { Set(try CorpusManifest.documents(path, split: $0)) }
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() where wanted?.contains(String(name.dropLast(5))) ?? true {
            let gold = try JSONDecoder().decode(GoldDocument.self, from: Data(contentsOf: goldFolder.appendingPathComponent(name)))
            let text = try String(contentsOf: root.appendingPathComponent("documents/\(gold.document).txt"), encoding: .utf8)
            let document = annotator.annotate(text)
            let goldSpans = gold.entities.map {
                ScoredSpan(type: $0.type, start: $0.start, end: $0.end, value: $0.type == "DATE" ? ($0.value ?? "null") : nil)
            }
            let predicted = document.entities.map {
                ScoredSpan(type: $0.type.rawValue, start: $0.scalarOffsets.lowerBound, end: $0.scalarOffsets.upperBound,
                           value: $0.type == .date ? ($0.date?.value?.iso ?? "null") : nil)
            }
            evaluation.add(gold: goldSpans, predicted: predicted, text: Array(text.unicodeScalars), name: gold.document)
        }
    }

    /// ThaiNER's types, scored as ours: FACILITY is LOCATION; MINISTRY, ORGANIZATION and
    /// organisation acronyms are ORGANIZATION. Returns the predicted spans.
    @discardableResult
    func scoreThaiNER(_ annotator: Annotator, _ line: ThaiNERLine, name: String, _ evaluation: inout Evaluation) -> [ScoredSpan] {
        let kept: [String: String] = ["PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "LOCATION": "LOCATION",
                                      "FACILITY": "LOCATION", "DATE": "DATE"]
        let gold = line.spans.compactMap { span in kept[span.type].map { ScoredSpan(type: $0, start: span.start, end: span.end) } }
        let document = annotator.annotate(line.string)
        let predicted = document.entities.map { entity -> ScoredSpan in
            let type: String
            switch entity.type {
            case .ministry, .organization: type = "ORGANIZATION"
            case .acronym:
                switch entity.acronym?.refersTo {
                case .location?: type = "LOCATION"
                case .person?: type = "PERSON"
                default: type = "ORGANIZATION"
                }
            default: type = entity.type.rawValue
            }
            return ScoredSpan(type: type, start: entity.scalarOffsets.lowerBound, end: entity.scalarOffsets.upperBound)
        }
        evaluation.add(gold: gold, predicted: predicted, text: line.text, name: name)
        return predicted
    }

    /// Word-level precision, recall and F1 against `|`-separated gold tokens (whitespace ignored).
    private func evaluateSegmentation(_ segmenter: WordSegmenter) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var gold = 0, predicted = 0, correct = 0
        for line in text.split(separator: "\n") {
            var words: Set<Range<Int>> = []
            var offset = 0
            for word in line.split(separator: "|", omittingEmptySubsequences: true) {
                let length = word.unicodeScalars.count
                if !word.allSatisfy(\.isWhitespace) { words.insert(offset..<(offset + length)) }
                offset += length
            }
            let plain = line.split(separator: "|", omittingEmptySubsequences: true).joined()
            let tokens = segmenter.tokens(in: plain).filter { $0.kind != .whitespace }.map(\.scalarOffsets)
            gold += words.count
            predicted += tokens.count
            correct += tokens.filter(words.contains).count
        }
        let (precision, recall, f1) = Evaluation.prf(correct, gold, predicted)
        if format == .json {
            print("{\"gold\":\(gold),\"predicted\":\(predicted),\"precision\":\(precision),\"recall\":\(recall),\"f1\":\(f1)}")
        } else {
            print("words: gold \(gold), predicted \(predicted), correct \(correct); P \(precision) R \(recall) F1 \(f1)")
        }
    }
}
