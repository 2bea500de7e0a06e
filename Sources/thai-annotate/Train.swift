import ArgumentParser
import Foundation
import ThaiAnnotator
import ThaiEvaluation
import ThaiTraining

/// `thai-annotate train`: trains the sequence model from ThaiNER-format files, through `ThaiTraining`.
struct Train: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Train the sequence model (PERSON, ORGANIZATION, LOCATION) from ThaiNER-format files; deterministic.")

    @Argument(help: "ThaiNER-format training files (inline [TYPE]...[/TYPE] tags, one paragraph a line).")
    var files: [String]

    @Option(help: "Where to write the model (binary), or with --base64 the text the package embeds (Resources/model/tagger.txt).")
    var output: String

    @Flag(help: "Write the model as base64 text, the form embedded in the binary.")
    var base64 = false

    @Option(help: "Training epochs.")
    var epochs: Int = TaggerTraining.defaultEpochs

    @OptionGroup var learner: LearnerOptions

    @Option(help: "Feature hash buckets.")
    var buckets: Int = TaggerTraining.defaultBuckets

    @Option(help: "Parts for jackknifed list features (lists mined without each part supply its features).")
    var parts: Int = 5

    @Option(help: "Also train on the `train` documents of this gold corpus (documents/, gold/, manifest.tsv), in the tables whose recipe has the corpus (--thainer-corpus-weight, --guidelines-corpus-weight).")
    var corpus: String?

    @Option(name: .customLong("thainer-unit"), help: "Build each ThaiNER training sequence from an article (its lines joined, as eval annotates by default) or from a line.")
    var thaiNERUnit: ThaiNERUnit = .article

    func run() throws {
        var lines: [ThaiNERLine] = []
        for file in files { lines += try ThaiNERLine.read(file) }
        var training = learner.training(buckets: buckets, epochs: epochs)
        training.parts = parts
        training.unit = thaiNERUnit
        let thaiNER = try training.sequences(lines)
        printError("\(thaiNER.sequences.count) sequences, \(thaiNER.spans) gold spans, \(thaiNER.misaligned) span edges inside a token")
        var paragraphs: [TrainingSequence] = []
        if let corpus {
            paragraphs = try training.corpusSequences(folder: corpus, split: "train", thaiNERLines: lines)
            printError("\(paragraphs.count) corpus sequences (the paragraphs of the split train documents)")
        }
        for convention in TaggerTraining.sourceConventions {
            printError("\(convention.rawValue) table: \(training.recipe(for: convention).summary(corpus: !paragraphs.isEmpty))")
        }
        let models = training.train(thaiNER: thaiNER.sequences, corpus: paragraphs) { conventions, epoch, summary in
            printError("\(conventions) epoch \(epoch): \(summary)")
        }
        let bytes = models.serialized()
        let data = base64 ? Data(Base64.encode(bytes).utf8) : Data(bytes)
        try data.write(to: URL(fileURLWithPath: output))
        printError("wrote \(output): \(data.count) bytes")
    }
}

/// The learner options of the commands that train (`train`, and `eval --cross-validate`).
struct LearnerOptions: ParsableArguments {
    /// The learners by name.
    enum Name: String, ExpressibleByArgument, CaseIterable { case perceptron, crf }

    @Option(name: .customLong("learner"), help: "How the sequence model learns: perceptron (structured averaged perceptron) or crf (linear-chain CRF, L2-regularised likelihood).")
    var name: Name = .crf

    @Option(help: "With --learner crf: the L2 coefficient (larger pulls weights harder towards zero).")
    var l2: Double = TaggerTraining.defaultL2

    @Option(help: "Feature dropout: the chance that a gold mention of a --dropout-types type is shown to the model in training as a name no list holds.")
    var listDropout: Double = TaggerTraining.defaultDropout.listRate

    @Option(help: "Feature dropout: the chance that a gold mention of a --dropout-types type hides its words in training.")
    var wordDropout: Double = TaggerTraining.defaultDropout.wordRate

    @Option(help: "The gold mention types feature dropout applies to, comma-separated (PERSON,ORGANIZATION,LOCATION).")
    var dropoutTypes: String = TaggerTraining.defaultDropout.types.map(\.rawValue).joined(separator: ",")

    @Option(name: .customLong("thainer-corpus-weight"), help: "The thainer table's recipe (what ThaiNER-format CVs train): how many times each corpus document is seen per epoch for each time a ThaiNER document is, 0 for ThaiNER alone (see --dropout-copies).")
    var thaiNERCorpusWeight: Int = TaggerTraining.defaultThaiNERRecipe.corpusWeight

    @Flag(name: .customLong("thainer-adapt-sources"), inversion: .prefixedNo,
          help: "The thainer table's recipe, with --learner crf and the corpus: learn weights of ThaiNER's own and the corpus's own beside the shared ones; the table is shared + ThaiNER's.")
    var thaiNERAdapts: Bool = TaggerTraining.defaultThaiNERRecipe.adaptsToSources

    @Option(name: .customLong("guidelines-corpus-weight"), help: "The guidelines table's recipe (what the corpus CV trains): the corpus weight, as --thainer-corpus-weight.")
    var guidelinesCorpusWeight: Int = TaggerTraining.defaultGuidelinesRecipe.corpusWeight

    @Flag(name: .customLong("guidelines-adapt-sources"), inversion: .prefixedNo,
          help: "The guidelines table's recipe: as --thainer-adapt-sources; the table is shared + the corpus's.")
    var guidelinesAdapts: Bool = TaggerTraining.defaultGuidelinesRecipe.adaptsToSources

    @Option(name: .customLong("source-l2"), help: "With --thainer-adapt-sources or --guidelines-adapt-sources: the L2 coefficient of the sources' own weights (default: --l2).")
    var sourceL2: Double?

    @Option(help: "Feature dropout: 0 hides features of the ThaiNER documents themselves; n > 0 keeps them whole and adds n copies that hide them.")
    var dropoutCopies: Int = TaggerTraining.defaultDropout.copies

    func validate() throws {
        guard thaiNERCorpusWeight >= 0, guidelinesCorpusWeight >= 0 else {
            throw ValidationError("--thainer-corpus-weight and --guidelines-corpus-weight take 0 or more")
        }
        let unknown = dropoutTypes.split(separator: ",").filter { EntityType(rawValue: String($0)) == nil }
        guard unknown.isEmpty else {
            throw ValidationError("--dropout-types: unknown type \(unknown.joined(separator: ", ")) (PERSON, ORGANIZATION, LOCATION)")
        }
    }

    /// The training configuration's feature dropout.
    private var dropout: TaggerTraining.Dropout {
        TaggerTraining.Dropout(listRate: listDropout, wordRate: wordDropout,
                               types: dropoutTypes.split(separator: ",").compactMap { EntityType(rawValue: String($0)) },
                               copies: dropoutCopies)
    }

    /// The training settings of these options, with the command's own table size and epochs (the
    /// library's defaults for the rest). A recipe that does not adapt ignores --source-l2
    /// (`TaggerTraining.Recipe`).
    func training(buckets: Int, epochs: Int) -> TaggerTraining {
        TaggerTraining(buckets: buckets, epochs: epochs, learner: value, dropout: dropout,
                       thaiNERRecipe: TaggerTraining.Recipe(corpusWeight: thaiNERCorpusWeight, adaptsToSources: thaiNERAdapts,
                                                            sourceL2: sourceL2),
                       guidelinesRecipe: TaggerTraining.Recipe(corpusWeight: guidelinesCorpusWeight, adaptsToSources: guidelinesAdapts,
                                                               sourceL2: sourceL2))
    }

    /// The training configuration's learner.
    private var value: TaggerTraining.Learner {
        switch name {
        case .perceptron: .perceptron
        case .crf: .crf(l2: l2)
        }
    }
}

/// `thai-annotate mine-lists`: rebuilds the lists mined from ThaiNER, through `ThaiTraining`.
struct MineLists: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "mine-lists",
        abstract: "Rebuild persons-thainer.tsv, organizations-thainer.tsv and locations-thainer.tsv from a ThaiNER train file.")

    @Argument(help: "A ThaiNER-format train file.")
    var file: String

    @Option(name: .customLong("output-dir"), help: "Where to write the three files.")
    var outputDirectory: String = "Resources/gazetteers"

    func run() throws {
        let lines = try ThaiNERLine.read(file)
        let mined = ThaiNERListMiner.mine(lines[...], base: try TaggerTraining.baseGazetteers())
        for (file, entries) in zip(mined.files, [mined.persons.count, mined.organizations.count, mined.locations.count]) {
            let path = outputDirectory + "/" + file.name
            try file.text.write(toFile: path, atomically: true, encoding: .utf8)
            printError("wrote \(path): \(entries) entries")
        }
    }
}
