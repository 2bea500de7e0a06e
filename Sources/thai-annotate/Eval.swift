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


    @Option(name: .customLong("cross-validate"), help: "With --gold-format thainer: k-fold cross-validation over the file's documents; each fold is scored by the rules with lists mined without it, and by the rules and a model trained without it. With a corpus and --thainer-train: k folds over the corpus documents (of --split), each scored by the rules and by a model trained like the shipped one (ThaiNER train + the corpus train documents) without the fold.")
    var crossValidate: Int = 0

    @Option(name: .customLong("thainer-train"), help: "With a corpus and --cross-validate: the ThaiNER train file each fold's model also learns from.")
    var thaiNERTrain: String?

    @Option(name: .customLong("model"), help: "The sequence model: `bundled` (the one shipped in the binary) or a file written by `thai-annotate train`. Without it, gazetteers and rules alone.")
    var modelFile: String?

    @Option(help: "Training epochs for --cross-validate.")
    var epochs: Int = TaggerTraining.defaultEpochs

    enum GoldFormat: String, ExpressibleByArgument, CaseIterable { case corpus, thainer, segmentation }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        if crossValidate > 0 {
            guard crossValidate >= 2, goldFormat == .thainer || goldFormat == .corpus && thaiNERTrain != nil else {
                throw ValidationError("--cross-validate needs k >= 2 and --gold-format thainer, or a corpus and --thainer-train")
            }
            return try goldFormat == .thainer ? runCrossValidation() : runCorpusCrossValidation(thaiNERTrain!)
        }
        var configuration = Annotator.Configuration()
        // ThaiNER gold is scored under ThaiNER's own span conventions.
        if goldFormat == .thainer { configuration.spanConvention = .thaiNER }
        if let modelFile { configuration.tagger = modelFile == "bundled" ? .bundled : .file(modelFile) }
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
            let known = KnownPersonNames(gazetteers: try Gazetteer.bundled())
            var unseen = UnseenNameRecall()
            for (number, line) in try readText().split(separator: "\n").enumerated() {
                let gold = ThaiNERGold(line: line)
                let predicted = annotator.annotate(gold.text).entities.map(ThaiNERGold.span(for:))
                evaluation.add(gold: gold.spans, predicted: predicted, text: gold.text, document: "line \(number + 1)")
                unseen.add(gold, predicted: predicted, known: known)
            }
            if format == .text {
                print(evaluation.table())
                print(unseen.summary)
                for example in evaluation.examples { print(example) }
                return
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

    /// k folds of whole documents; for each, lists mined and a model trained on the other folds.
    private func runCrossValidation() throws {
        let lines = ThaiNERLine.parse(try readText())
        let folds = ThaiNERLine.folds(lines, k: crossValidate)
        let base = try TaggerTraining.baseGazetteers()
        var rulesEvaluation = Evaluation(exampleLimit: 0), modelEvaluation = Evaluation(exampleLimit: errorExamples)
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
                let gold = lines[index].gold
                let byRules = rules.annotate(gold.text).entities.map(ThaiNERGold.span(for:))
                rulesEvaluation.add(gold: gold.spans, predicted: byRules, text: gold.text, document: name)
                rulesUnseen.add(gold, predicted: byRules, known: known)
                let byModel = withModel.annotate(gold.text).entities.map(ThaiNERGold.span(for:))
                modelEvaluation.add(gold: gold.spans, predicted: byModel, text: gold.text, document: name)
                modelUnseen.add(gold, predicted: byModel, known: known)
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
        for example in modelEvaluation.examples { print(example) }
    }

    /// k folds over the corpus documents of `split` (document i in fold i mod k). Each fold's model
    /// is trained as `train --corpus` trains the shipped one, on ThaiNER train and the corpus
    /// `train` documents, leaving out the fold's documents; the fold is scored with the bundled
    /// lists, under the guidelines, by the rules alone and with that model. No scored document is
    /// in the training data of the model that scores it.
    private func runCorpusCrossValidation(_ thaiNERFile: String) throws {
        let documents = try CorpusGold(folder: path, split: split).documents
        let trainDocuments = Set(try CorpusManifest.documents(path, split: "train"))
        let allDocuments = try CorpusGold(folder: path).documents
        let lines = try ThaiNERLine.read(thaiNERFile)
        let buckets = TaggerTraining.defaultBuckets
        let (thaiNERSequences, _, _) = try TaggerTraining.sequences(lines, parts: TaggerTraining.parts(lines, count: 5), buckets: buckets)
        let rules = try Annotator(configuration: Annotator.Configuration())
        var rulesEvaluation = Evaluation(exampleLimit: 0), modelEvaluation = Evaluation(exampleLimit: errorExamples)
        for fold in 0..<crossValidate {
            let scored = documents.indices.filter { $0 % crossValidate == fold }.map { documents[$0].document }
            let training = allDocuments.filter { trainDocuments.contains($0.document) && !scored.contains($0.document) }
            let corpusSequences = try TaggerTraining.corpusSequences(training, thaiNERLines: lines, buckets: buckets)
            let model = TaggerTraining.train(thaiNERSequences + corpusSequences, buckets: buckets, epochs: epochs, verbose: false)
            var configuration = Annotator.Configuration()
            configuration.tagger = .model(model)
            let withModel = try Annotator(configuration: configuration)
            for document in documents where scored.contains(document.document) {
                rulesEvaluation.add(document, annotatedBy: rules)
                modelEvaluation.add(document, annotatedBy: withModel)
            }
            printError("fold \(fold + 1)/\(crossValidate): \(scored.count) documents scored, model trained on \(training.count) corpus documents and \(lines.count) ThaiNER lines")
        }
        print("\(crossValidate)-fold cross-validation over \(documents.count) corpus documents (model trained without each fold)")
        print("\nrules and gazetteers alone:\n" + rulesEvaluation.table())
        print("\nwith the sequence model:\n" + modelEvaluation.table())
        for example in modelEvaluation.examples { print(example) }
        for example in modelEvaluation.roles.examples { print(example) }
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
