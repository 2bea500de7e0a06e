import ArgumentParser
import Foundation
import ThaiAnnotator
import ThaiEvaluation

/// Builds training sequences and trains the sequence model, for `train` and for
/// `eval --cross-validate`.
enum TaggerTraining {
    static let defaultBuckets = 1 << 16
    static let defaultEpochs = 12

    /// An annotator with the rules alone, the bundled lists mined from ThaiNER replaced by `mined`
    /// (nil: the bundled ones).
    static func rulesAnnotator(mined: [Gazetteer]?, convention: SpanConvention = .thaiNER,
                               tagger: Annotator.Configuration.TaggerChoice = .off) throws -> Annotator {
        var configuration = Annotator.Configuration()
        configuration.spanConvention = convention
        configuration.tagger = tagger
        if let mined {
            configuration.excludeBundledThaiNERLists = true
            configuration.gazetteers = mined
        }
        return try Annotator(configuration: configuration)
    }

    static func baseGazetteers() throws -> [Gazetteer] {
        try Gazetteer.bundled(excludingThaiNERLists: true)
    }

    /// The training sequences of `lines`. The recogniser's features for each part of the data
    /// come from lists mined without that part (jackknifing, over `parts`): otherwise every name
    /// in the training text is in a list, and the model learns to trust the lists more than it
    /// should on names it has never seen.
    static func sequences(_ lines: [ThaiNERLine], parts: [Range<Int>], buckets: Int) throws -> (sequences: [TrainingSequence], misaligned: Int, spans: Int) {
        let base = try baseGazetteers()
        var sequences: [TrainingSequence] = []
        var misaligned = 0, spans = 0
        for part in parts {
            let others = lines.indices.filter { !part.contains($0) }.map { lines[$0] }
            let mined = ThaiNERListMiner.mine(others[...], base: base)
            let annotator = try rulesAnnotator(mined: mined.gazetteers)
            for line in lines[part] {
                let text = UTF16Text(line.string)
                let tokens = annotator.segmenter.tokens(in: text)
                let rules = annotator.recognizer.mentions(in: text, tokens: tokens)
                let gold = line.goldMentions()
                let (sequence, bad) = EntityTagger.trainingSequence(
                    recognizer: annotator.recognizer, text: text, tokens: tokens, ruleMentions: rules, gold: gold,
                    types: EntityTagger.types, bucketCount: buckets)
                sequences.append(sequence)
                misaligned += bad
                spans += gold.count
            }
        }
        return (sequences, misaligned, spans)
    }

    /// The training sequences of the corpus documents of one split (manifest.tsv's `split`
    /// column), under the guidelines' conventions: MINISTRY and organisation ACRONYMs are trained
    /// as ORGANIZATION (ThaiNER's convention; the merge keeps the recogniser's finer type).
    static func corpusSequences(_ root: String, split: String, thaiNERLines: [ThaiNERLine], buckets: Int) throws -> [TrainingSequence] {
        let wanted = Set(try CorpusManifest.documents(root, split: split))
        return try corpusSequences(try CorpusGold(folder: root).documents.filter { wanted.contains($0.document) },
                                   thaiNERLines: thaiNERLines, buckets: buckets)
    }

    /// The training sequences of the given corpus documents (see the split version above).
    static func corpusSequences(_ documents: [GoldDocument], thaiNERLines: [ThaiNERLine], buckets: Int) throws -> [TrainingSequence] {
        let mined = ThaiNERListMiner.mine(thaiNERLines[...], base: try baseGazetteers())
        let annotator = try rulesAnnotator(mined: mined.gazetteers, convention: .guidelines)
        var sequences: [TrainingSequence] = []
        for document in documents {
            let text = document.text, gold = document.entities
            let utf16 = UTF16Text(text)
            var utf16Offsets = [Int](repeating: 0, count: 1)
            for scalar in text.unicodeScalars { utf16Offsets.append(utf16Offsets.last! + scalar.utf16.count) }
            let mentions: [(type: EntityType, utf16Range: Range<Int>)] = gold.compactMap { entity in
                let type: EntityType
                switch entity.type {
                case "PERSON": type = .person
                case "ORGANIZATION", "MINISTRY", "ACRONYM": type = .organization
                case "LOCATION": type = .location
                default: return nil
                }
                return (type, utf16Offsets[entity.start]..<utf16Offsets[entity.end])
            }
            let tokens = annotator.segmenter.tokens(in: utf16)
            let rules = annotator.recognizer.mentions(in: utf16, tokens: tokens)
            sequences.append(EntityTagger.trainingSequence(recognizer: annotator.recognizer, text: utf16, tokens: tokens,
                                                           ruleMentions: rules, gold: mentions, types: EntityTagger.types,
                                                           bucketCount: buckets).0)
        }
        return sequences
    }

    /// `count` parts of whole documents (see `ThaiNERLine.folds`).
    static func parts(_ lines: [ThaiNERLine], count: Int) -> [Range<Int>] { ThaiNERLine.folds(lines, k: count) }

    static func train(_ sequences: [TrainingSequence], buckets: Int, epochs: Int, verbose: Bool) -> SequenceModel {
        PerceptronTrainer(epochs: epochs).train(sequences, types: EntityTagger.types.map(\.rawValue), bucketCount: buckets) {
            epoch, mistakes in
            if verbose { printError("epoch \(epoch): \(mistakes) of \(sequences.count) sequences wrong") }
        }
    }
}

/// `thai-annotate train`: trains the sequence model from ThaiNER-format files.
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

    @Option(help: "Feature hash buckets.")
    var buckets: Int = TaggerTraining.defaultBuckets

    @Option(help: "Parts for jackknifed list features (lists mined without each part supply its features).")
    var parts: Int = 5

    @Option(help: "Also train on the `train` documents of this gold corpus (documents/, gold/, manifest.tsv).")
    var corpus: String?

    func run() throws {
        var lines: [ThaiNERLine] = []
        for file in files { lines += try ThaiNERLine.read(file) }
        var (sequences, misaligned, spans) = try TaggerTraining.sequences(lines, parts: TaggerTraining.parts(lines, count: parts), buckets: buckets)
        printError("\(sequences.count) sequences, \(spans) gold spans, \(misaligned) span edges inside a token")
        if let corpus {
            let documents = try TaggerTraining.corpusSequences(corpus, split: "train", thaiNERLines: lines, buckets: buckets)
            printError("\(documents.count) corpus documents (split train)")
            sequences += documents
        }
        let model = TaggerTraining.train(sequences, buckets: buckets, epochs: epochs, verbose: true)
        let bytes = model.serialized()
        let data = base64 ? Data(Base64.encode(bytes).utf8) : Data(bytes)
        try data.write(to: URL(fileURLWithPath: output))
        printError("wrote \(output): \(data.count) bytes")
    }
}

/// `thai-annotate mine-lists`: rebuilds the lists mined from ThaiNER.
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
        let outputs = [
            ("persons-thainer.tsv", mined.persons, "PERSON spans with a Thai given and family name, titles removed, not in persons.tsv; a given name is a short form when it is unique, has 3+ letters, occurs 3+ times and 90 % of them inside PERSON spans."),
            ("organizations-thainer.tsv", mined.organizations, "ORGANIZATION spans seen at least twice (and more often as ORGANIZATION than as LOCATION/FACILITY), not in the other gazetteers; acronyms bracketed after a name are its abbreviations."),
            ("locations-thainer.tsv", mined.locations, "LOCATION and FACILITY spans seen at least twice (more often than as ORGANIZATION), not in the other gazetteers; schools, hospitals, universities, rooms and addresses left out."),
        ]
        for (name, entries, description) in outputs {
            let path = outputDirectory + "/" + name
            try ThaiNERListMiner.tsv(entries, description: description).write(toFile: path, atomically: true, encoding: .utf8)
            printError("wrote \(path): \(entries.count) entries")
        }
    }
}

/// The gold corpus's manifest and gold files.
enum CorpusManifest {
    /// The documents of a split, in manifest order.
    static func documents(_ root: String, split: String) throws -> [String] {
        let manifest = try String(contentsOfFile: root + "/manifest.tsv", encoding: .utf8)
        let rows = manifest.split(separator: "\n").map { $0.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) }
        guard let header = rows.first, let documentColumn = header.firstIndex(of: "document"),
              let splitColumn = header.firstIndex(of: "split") else { throw ValidationError("\(root)/manifest.tsv has no document and split columns") }
        return rows.dropFirst().filter { $0.count > splitColumn && $0[splitColumn] == split }.map { $0[documentColumn] }
    }

}
