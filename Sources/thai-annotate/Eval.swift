import ArgumentParser
import ThaiAnnotator
import ThaiEvaluation
import ThaiTraining

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

    @Option(name: .customLong("errors"), help: "Also print up to N error examples (missed, spurious, boundary, type), and up to N role-link errors; with --gold-format thainer and --cross-validate, also up to N unseen-name PERSON mentions the model did not find exactly.")
    var errorExamples: Int = 0

    @Option(help: "Score only the corpus documents of one split of manifest.tsv: train or test (default: all).")
    var split: String?


    @Option(name: .customLong("cross-validate"), help: "With --gold-format thainer: k-fold cross-validation over the file's documents; each fold is scored by the rules with lists mined without it, and by the rules and a model trained without it by the thainer table's recipe (--thainer-corpus-weight, --thainer-adapt-sources; the default is the shipped one). With a corpus and --thainer-train: k folds over the corpus documents (of --split), each scored by the rules and by a model trained without the fold by the guidelines table's recipe (--guidelines-corpus-weight, --guidelines-adapt-sources; the default is the shipped one).")
    var crossValidate: Int = 0

    @Option(name: .customLong("thainer-train"), help: "With a corpus and --cross-validate: the ThaiNER train file each fold's model also learns from.")
    var thaiNERTrain: String?

    @Option(name: .customLong("model"), help: ModelArgument.help)
    var model: ModelArgument = .bundled

    @Option(help: "With --gold-format thainer and --cross-validate, when the thainer recipe has the corpus (--thainer-corpus-weight above 0; needed then): the gold corpus whose `train` documents each fold's model also learns from, as `train --corpus` trains the shipped model.")
    var corpus: String?

    @Option(help: "With --cross-validate: run only these folds (numbers from 1, comma-separated), for a quicker look; the default runs all.")
    var folds: String?

    @Option(name: .customLong("model-cache"), help: "With --cross-validate: keep each fold's model in this folder, filed under a fingerprint of its training sequences and settings, and read it back in later runs that would train the same model (quick reruns after changing the steps after decoding; a feature change trains afresh).")
    var modelCache: String?

    @Option(help: "Training epochs for --cross-validate.")
    var epochs: Int = TaggerTraining.defaultEpochs

    @OptionGroup var learner: LearnerOptions

    @Option(help: "Feature hash buckets for --cross-validate.")
    var buckets: Int = TaggerTraining.defaultBuckets

    @Option(name: .customLong("thainer-unit"), help: "With --gold-format thainer: annotate each article (its lines from one [URL] line to the next, joined) as one document, as a user would, or each line alone; either way each line is scored against its own gold. With --cross-validate the models are trained in the same unit.")
    var thaiNERUnit: ThaiNERUnit = .article

    enum GoldFormat: String, ExpressibleByArgument, CaseIterable { case corpus, thainer, segmentation }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func validate() throws {
        if let folds {
            let numbers = folds.split(separator: ",").map { Int($0) }
            guard crossValidate >= 2, numbers.allSatisfy({ $0.map { (1...crossValidate).contains($0) } ?? false }) else {
                throw ValidationError("--folds takes fold numbers from 1 to --cross-validate's K, comma-separated")
            }
        }
        guard corpus == nil || goldFormat == .thainer && crossValidate >= 2 else {
            throw ValidationError("--corpus needs --gold-format thainer and --cross-validate")
        }
        if goldFormat == .thainer, crossValidate >= 2, (corpus != nil) != (learner.thaiNERCorpusWeight > 0) {
            throw ValidationError(corpus == nil
                ? "the thainer recipe trains on the corpus (--thainer-corpus-weight \(learner.thaiNERCorpusWeight)): give --corpus DIR (corpus), or --thainer-corpus-weight 0 for fold models on ThaiNER alone (quicker; not the shipped recipe)"
                : "--corpus: the thainer recipe trains on ThaiNER alone (set --thainer-corpus-weight above 0 to add the corpus)")
        }
    }

    /// The folds `--folds` names, or nil for all.
    private var onlyFolds: Set<Int>? { folds.map { Set($0.split(separator: ",").compactMap { Int($0) }) } }

    /// How a cross-validation's heading names `--folds` ("folds 1,3 of "), or "" for all.
    private var foldsScope: String {
        onlyFolds.map { "folds \($0.sorted().map(String.init).joined(separator: ",")) of " } ?? ""
    }

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
        let annotator = try model.annotator(configuration)
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
            let golds = try readText().split(separator: "\n").map { ThaiNERGold(line: $0) }
            evaluation.add(golds, unit: thaiNERUnit, annotatedBy: annotator, unseen: &unseen, known: known) { "line \($0 + 1)" }
            if format == .text {
                print("annotated per \(thaiNERUnit.rawValue)")
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
        let documents = try corpus.map { try CorpusGold(folder: $0, split: "train").documents } ?? []
        var training = learner.training(buckets: buckets, epochs: epochs)
        training.unit = thaiNERUnit
        training.modelCache = modelCache.map(ModelCache.init(folder:))
        let result = try CrossValidation(lines, k: crossValidate, training: training, corpus: documents, only: onlyFolds,
                                         exampleLimit: errorExamples) { fold in
            printError("fold \(fold.number)/\(crossValidate): lines \(fold.lines.lowerBound + 1)-\(fold.lines.upperBound), \(fold.persons) persons, \(fold.organizations) organisations, \(fold.places) places mined from the rest")
        }
        if format == .json {
            print("{\"rules\":\(result.rules.json().dropLast()),\"model\":\(result.model.json().dropLast()),"
                  + "\"unseenPersonRecall\":{\"gold\":\(result.modelUnseen.gold),\"rules\":\(result.rulesUnseen.recall),\"model\":\(result.modelUnseen.recall)}}")
            return
        }
        print("\(foldsScope)\(crossValidate)-fold cross-validation over \(lines.count) lines, annotated per \(thaiNERUnit.rawValue) (lists mined and model trained without each fold"
              + "; the thainer recipe: \(training.thaiNERRecipe.summary(corpus: !documents.isEmpty))"
              + (documents.isEmpty ? ")" : ", \(documents.count) corpus train documents)"))
        print("\nrules and gazetteers alone:\n" + result.rules.table())
        print(result.rulesUnseen.summary)
        print("\nwith the sequence model:\n" + result.model.table())
        print(result.modelUnseen.summary)
        for example in result.model.examples { print(example) }
        for missed in result.modelUnseen.missed {
            let found = missed.overlapping.isEmpty ? "missed" : "found as " + missed.overlapping.map { "[\($0)]" }.joined(separator: " ")
            print("unseen PERSON \(missed.document): [\(missed.name)] \(found) in: \(missed.line)")
        }
    }

    /// k folds over the corpus documents of `split` (document i in fold i mod k). Each fold's model
    /// is trained as `train --corpus` trains the shipped one, on ThaiNER train and the corpus
    /// `train` documents, leaving out the fold's documents; the fold is scored with the bundled
    /// lists, under the guidelines, by the rules alone and with that model. No scored document is
    /// in the training data of the model that scores it.
    private func runCorpusCrossValidation(_ thaiNERFile: String) throws {
        let documents = try CorpusGold(folder: path, split: split).documents
        let training = try CorpusGold(folder: path, split: "train").documents
        let lines = try ThaiNERLine.read(thaiNERFile)
        var settings = learner.training(buckets: buckets, epochs: epochs)
        settings.modelCache = modelCache.map(ModelCache.init(folder:))
        let result = try CorpusCrossValidation(documents, training: training, thaiNERLines: lines, k: crossValidate,
                                               settings: settings, only: onlyFolds, exampleLimit: errorExamples) { fold, scored, trainedOn in
            printError("fold \(fold)/\(crossValidate): \(scored) documents scored, model trained on \(trainedOn) corpus documents and \(lines.count) ThaiNER lines")
        }
        if format == .json {
            print("{\"rules\":\(result.rules.json().dropLast()),\"model\":\(result.model.json().dropLast())}")
            return
        }
        print("\(foldsScope)\(crossValidate)-fold cross-validation over \(documents.count) corpus documents (model trained without each fold; the guidelines recipe: \(settings.guidelinesRecipe.summary()))")
        print("\nrules and gazetteers alone:\n" + result.rules.table())
        print("\nwith the sequence model:\n" + result.model.table())
        for example in result.model.examples { print(example) }
        for example in result.model.roles.examples { print(example) }
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
extension ThaiNERUnit: ExpressibleByArgument {}
