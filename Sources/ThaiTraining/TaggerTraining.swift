import ThaiAnnotator
import ThaiEvaluation

/// Trains the sequence model (PERSON, ORGANIZATION, LOCATION) from ThaiNER lines and the gold
/// corpus, deterministically: the same inputs and settings give the same model bytes.
///
/// ```swift
/// let training = TaggerTraining()
/// let lines = try ThaiNERLine.read("train.txt")
/// let thaiNER = try training.sequences(lines).sequences
/// let corpus = try training.corpusSequences(folder: "corpus", split: "train", thaiNERLines: lines)
/// let models = training.train(thaiNER: thaiNER, corpus: corpus)   // a table per convention, by its recipe
/// let model = try models.model(for: .guidelines)   // Annotator.Configuration.tagger = .model(model)
/// ```
public struct TaggerTraining: Sendable {
    /// The shipped model's feature hash buckets.
    public static let defaultBuckets = 1 << 16
    /// The shipped model's training epochs.
    public static let defaultEpochs = 16

    /// How the model's weights are learned from the training sequences.
    public enum Learner: Sendable, Equatable {
        /// The structured averaged perceptron (`PerceptronTrainer`), the shipped model's learner
        /// until the CRF scored better.
        case perceptron
        /// A linear-chain CRF trained by L2-regularised conditional likelihood (`CRFTrainer`),
        /// with this L2 coefficient.
        case crf(l2: Double)
    }

    /// The CRF's L2 coefficient, chosen by 5-fold cross-validation on ThaiNER train: 3 scored
    /// PERSON 0.876, ORGANIZATION 0.811, LOCATION 0.775, unseen-name recall 0.549; 1: 0.876,
    /// 0.809, 0.774, 0.543; 10: 0.868, 0.810, 0.773, 0.520.
    public static let defaultL2 = 3.0
    /// The shipped model's learner: the CRF, which scored above the perceptron in both
    /// cross-validations (ThaiNER train: PERSON 0.864 → 0.876, ORGANIZATION 0.803 → 0.811,
    /// LOCATION 0.767 → 0.775; the corpus: PERSON 0.918 → 0.929, LOCATION 0.904 → 0.916).
    public static let defaultLearner = Learner.crf(l2: defaultL2)

    /// Feature dropout (`FeatureDropout`): which gold mentions of the training text are shown
    /// to the model as names no list holds, or without their words, so that it learns to find
    /// names from their context, shape and frequency rather than from memory. Each mention's
    /// draws are fixed by the seed, its document's number and its own (the same inputs give the
    /// same model bytes); the model and the decoder do not change.
    public struct Dropout: Sendable, Equatable {
        /// The chance that a gold mention of ``types`` hides its list features.
        public var listRate: Double
        /// The chance that a gold mention of ``types`` hides its words.
        public var wordRate: Double
        /// The gold mention types that may hide features.
        public var types: [EntityType]
        /// The seed of the draws.
        public var seed: UInt64
        /// 0: each ThaiNER document is trained on once, with its mentions' draws; n > 0: once
        /// whole and n more times, each copy with draws of its own.
        public var copies: Int

        /// Dropout at the given rates over mentions of `types`.
        public init(listRate: Double = 0, wordRate: Double = 0, types: [EntityType] = [.person], copies: Int = 0,
                    seed: UInt64 = 0xD809) {
            self.copies = copies
            self.listRate = listRate
            self.wordRate = wordRate
            self.types = types
            self.seed = seed
        }

        /// No dropout.
        public static let none = Dropout()

        /// What document `document` (numbered in training order) hides of its `gold` mentions.
        public func hiding(_ gold: [(type: EntityType, utf16Range: Range<Int>)], document: Int) -> FeatureDropout {
            let documentSeed = seed ^ UInt64(document) &* 0x9E37_79B9_7F4A_7C15
            var result = FeatureDropout(salt: documentSeed)
            guard listRate > 0 || wordRate > 0 else { return result }
            let ordered = gold.enumerated().sorted { $0.element.utf16Range.lowerBound < $1.element.utf16Range.lowerBound }
            for (number, mention) in ordered where types.contains(mention.type) {
                var generator = SplitMix64(seed: documentSeed ^ UInt64(number) &* 0xC2B2_AE3D_27D4_EB4F)
                let list = Double(generator.next() >> 11) / 0x1p53, word = Double(generator.next() >> 11) / 0x1p53
                // Mentions do not overlap in the gold data; a range that would is left out.
                if list < listRate, (result.lists.last?.upperBound ?? 0) <= mention.utf16Range.lowerBound {
                    result.lists.append(mention.utf16Range)
                }
                if word < wordRate, (result.words.last?.upperBound ?? 0) <= mention.utf16Range.lowerBound {
                    result.words.append(mention.utf16Range)
                }
            }
            return result
        }
    }

    /// The shipped model's feature dropout: each ThaiNER document once whole and once with each
    /// gold PERSON shown at 0.4 as a name no list holds (the corpus seen twice as often to keep
    /// its share). 5-fold CV on ThaiNER train against plain training and against the same copy
    /// with nothing hidden: PERSON 0.886 / 0.885 → 0.890, unseen-name recall 340 / 349 → 361 of
    /// 556, ORGANIZATION 0.810 / 0.807 → 0.808, LOCATION 0.778 / 0.774 → 0.775; corpus train CV
    /// (213 documents) against plain training: PERSON 0.931 → 0.938, ORGANIZATION 0.821 → 0.818,
    /// LOCATION 0.900 → 0.903, ACRONYM 0.879 → 0.878, ROLE 0.868 → 0.866. Hiding in place scored lower (lists 0.2:
    /// PERSON 0.886, unseen 344; 0.4: 0.884, 342), and so did hiding words (in place 0.2: 0.888,
    /// 347; 0.4: 0.881, 345; with lists 0.4 in a copy: 0.888, 360).
    public static let defaultDropout = Dropout(listRate: 0.4, copies: 1)

    /// Feature hash buckets.
    public var buckets: Int
    /// Passes of the learner over the training sequences.
    public var epochs: Int
    /// The learner.
    public var learner: Learner
    /// Feature dropout in training.
    public var dropout: Dropout
    /// Parts for jackknifed list features: the list features of each part's lines come from
    /// lists mined without that part.
    public var parts: Int

    /// How the table of one span convention is trained: from which sources, how the corpus is
    /// weighted, and whether the CRF adapts to the sources. `train` builds each convention's table
    /// with its own recipe (one table for both when the recipes are the same), and each
    /// cross-validation trains its fold models with the recipe of the convention it scores.
    public struct Recipe: Sendable, Equatable {
        /// How many times each corpus document is seen per epoch for each time a ThaiNER document is
        /// (``TaggerTraining/weighted(_:weight:)``); 0: ThaiNER alone.
        public var corpusWeight: Int
        /// Whether the CRF learns, beside the weights both sources share, weights of ThaiNER's own
        /// and of the corpus's own, and the table is the shared weights plus its convention's
        /// source's (Daumé III 2007, `CRFTrainer.train(_:types:bucketCount:sources:progress:)`);
        /// only with the corpus in training.
        public var adaptsToSources: Bool
        /// With ``adaptsToSources``: the L2 coefficient of the sources' own weights (nil: the learner's).
        public var sourceL2: Double?

        /// A recipe; the defaults train on ThaiNER alone.
        public init(corpusWeight: Int = 0, adaptsToSources: Bool = false, sourceL2: Double? = nil) {
            self.corpusWeight = corpusWeight
            self.adaptsToSources = adaptsToSources
            self.sourceL2 = sourceL2
        }

        /// The recipe in words, for the command line's messages; `corpus`: whether the corpus is in training.
        public func summary(corpus: Bool = true) -> String {
            let effective = effective(corpusAvailable: corpus)
            guard effective.corpusWeight > 0 else { return "ThaiNER alone" }
            let adapted = effective.adaptsToSources ? ", adapted to the sources" + (sourceL2.map { " (source L2 \($0))" } ?? "") : ""
            return "ThaiNER and the corpus at weight \(effective.corpusWeight)" + adapted
        }

        /// What the recipe trains when the corpus is `available`: without it, ThaiNER alone.
        func effective(corpusAvailable available: Bool) -> Recipe {
            guard available, corpusWeight > 0 else { return Recipe() }
            return Recipe(corpusWeight: corpusWeight, adaptsToSources: adaptsToSources, sourceL2: adaptsToSources ? sourceL2 : nil)
        }
    }

    /// The recipe of the shipped `thainer` table (session 13): ThaiNER train and the corpus at
    /// weight 1, adapted to the sources (the table is the shared weights plus ThaiNER's own). 5-fold
    /// CV on ThaiNER train per article, each fold model trained by the candidate recipe, PERSON /
    /// ORGANIZATION / LOCATION / unseen-name recall of 556: adapted 0.898 / 0.808 / 0.792 / 391;
    /// ThaiNER alone 0.8997 / 0.813 / 0.784 / 378; the corpus at weight 1 unadapted (session 12's
    /// single table) 0.896 / 0.801 / 0.796 / 381. The model card has the commands and the rest.
    public static let defaultThaiNERRecipe = Recipe(corpusWeight: 1, adaptsToSources: true)

    /// The recipe of the shipped `guidelines` table (session 13): ThaiNER train and the corpus at
    /// weight 2 (1 in session 12, 3 before). Corpus train 5-fold CV, weight 1 → 2: PERSON 0.952 →
    /// 0.955, ORGANIZATION 0.829 → 0.835, LOCATION 0.883 → 0.887, MINISTRY 0.974 → 0.975, ACRONYM
    /// 0.907 → 0.907, role links 0.890 → 0.897.
    public static let defaultGuidelinesRecipe = Recipe(corpusWeight: 2)

    /// How the `thainer` table (ThaiNER's span conventions) is trained.
    public var thaiNERRecipe: Recipe
    /// How the `guidelines` table (corpus/GUIDELINES.md's span conventions) is trained.
    public var guidelinesRecipe: Recipe

    /// The recipe of `convention`'s table.
    public func recipe(for convention: SpanConvention) -> Recipe {
        convention == .thaiNER ? thaiNERRecipe : guidelinesRecipe
    }

    /// What each ThaiNER training sequence is built from: a line, or an article (its lines joined
    /// with `"\n"`), so that the rule mentions the model sees as features include what the
    /// recogniser learns from the whole article, as they do when it annotates one. Train with the
    /// unit you evaluate with; the shipped model uses `.article`.
    public var unit: ThaiNERUnit

    /// Where trained models are kept and read back (nil: always train): `train` returns the
    /// models of an earlier run with the same sequences and settings instead of training again,
    /// which makes a repeated cross-validation quick.
    public var modelCache: ModelCache?

    /// The span convention each training source follows, by `TrainingSequence.source`:
    /// ThaiNER lines are source 0, corpus documents source 1.
    public static let sourceConventions: [SpanConvention] = [.thaiNER, .guidelines]

    /// Training settings; the defaults are the shipped model's.
    public init(buckets: Int = TaggerTraining.defaultBuckets, epochs: Int = TaggerTraining.defaultEpochs, parts: Int = 5,
                unit: ThaiNERUnit = .article, learner: Learner = TaggerTraining.defaultLearner,
                dropout: Dropout = TaggerTraining.defaultDropout, thaiNERRecipe: Recipe = TaggerTraining.defaultThaiNERRecipe,
                guidelinesRecipe: Recipe = TaggerTraining.defaultGuidelinesRecipe) {
        self.thaiNERRecipe = thaiNERRecipe
        self.guidelinesRecipe = guidelinesRecipe
        self.buckets = buckets
        self.dropout = dropout
        self.epochs = epochs
        self.learner = learner
        self.parts = parts
        self.unit = unit
    }

    /// `corpus` repeated `weight` times for each time ``dropout`` has the ThaiNER documents seen
    /// (so that the corpus keeps its share), each copy in order: what joins the ThaiNER sequences
    /// in training.
    public func weighted(_ corpus: [TrainingSequence], weight: Int) -> [TrainingSequence] {
        let repeats = max(0, weight) * (1 + max(0, dropout.copies))
        return Array([[TrainingSequence]](repeating: corpus, count: repeats).joined())
    }

    /// The bundled gazetteers without the lists mined from ThaiNER: what mined lists are added to.
    public static func baseGazetteers() throws -> [Gazetteer] {
        try Gazetteer.bundled(excludingThaiNERLists: true)
    }

    /// An annotator whose bundled lists mined from ThaiNER are replaced by `mined` (nil: the
    /// bundled ones), with the rules alone unless `tagger` says otherwise.
    public static func annotator(mined: MinedLists?, convention: SpanConvention = .thaiNER,
                                 tagger: Annotator.Configuration.TaggerChoice = .off) throws -> Annotator {
        var configuration = Annotator.Configuration()
        configuration.spanConvention = convention
        configuration.tagger = tagger
        if let mined {
            configuration.excludeBundledThaiNERLists = true
            configuration.gazetteers = mined.gazetteers
        }
        return try Annotator(configuration: configuration)
    }

    /// Training sequences built from ThaiNER lines, and what did not fit.
    public struct ThaiNERSequences: Sendable {
        /// One sequence per line, in the lines' order (per article, each line's features come
        /// from the whole article: `EntityTagger.trainingSequences`).
        public var sequences: [TrainingSequence]
        /// Gold span edges that fall inside a token (those spans cannot be labelled exactly).
        public var misaligned: Int
        /// Gold PERSON, ORGANIZATION, LOCATION and FACILITY spans.
        public var spans: Int
    }

    /// The training sequences of `lines`, one per ``unit``, under ThaiNER's span conventions. The recogniser's
    /// features for each of ``parts`` parts of the lines come from lists mined without that part
    /// (jackknifing): otherwise every name in the training text is in a list, and the model
    /// learns to trust the lists more than it should on names it has never seen.
    public func sequences(_ lines: [ThaiNERLine]) throws -> ThaiNERSequences {
        let base = try Self.baseGazetteers()
        var result = ThaiNERSequences(sequences: [], misaligned: 0, spans: 0)
        var documentNumber = 0
        for part in ThaiNERLine.folds(lines, k: parts) {
            let others = lines.indices.filter { !part.contains($0) }.map { lines[$0] }
            let mined = ThaiNERListMiner.mine(others[...], base: base)
            let annotator = try Self.annotator(mined: mined)
            let golds = lines[part].map(\.gold)
            for document in unit.documents(golds) {
                let (text, _, utf16Starts) = ThaiNERGold.joined(golds[document])
                var gold: [(type: EntityType, utf16Range: Range<Int>)] = []
                for (line, start) in zip(lines[part][(part.lowerBound + document.lowerBound)...], utf16Starts) {
                    gold += line.goldMentions().map { ($0.type, ($0.utf16Range.lowerBound + start)..<($0.utf16Range.upperBound + start)) }
                }
                // Copy 0 of several is the document whole.
                for copy in 0...max(0, dropout.copies) {
                    let (sequences, misaligned) = self.sequences(UTF16Text(text), gold: gold, annotator: annotator,
                                                                 cuts: Array(utf16Starts.dropFirst()),
                                                                 document: copy == 0 && dropout.copies > 0 ? nil : documentNumber)
                    documentNumber += 1
                    result.sequences += sequences
                    if copy == 0 { result.misaligned += misaligned }
                }
                result.spans += gold.count
            }
        }
        return result
    }

    /// The training sequences of the gold corpus documents of one split (manifest.tsv's `split`
    /// column), under the guidelines' conventions, with the lists mined from `thaiNERLines`.
    /// MINISTRY and organisation ACRONYMs are trained as ORGANIZATION (ThaiNER's convention;
    /// the merge keeps the recogniser's finer type).
    public func corpusSequences(folder: String, split: String, thaiNERLines: [ThaiNERLine]) throws -> [TrainingSequence] {
        try corpusSequences(try CorpusGold(folder: folder, split: split).documents, thaiNERLines: thaiNERLines)
    }

    /// The training sequences of the given gold corpus documents, as the split version builds them:
    /// each document's features from the whole document, in one sequence a paragraph (cut after
    /// each line break), as ThaiNER articles are cut into their lines. Whole documents (about
    /// 600 units, ten times a ThaiNER line) made single SGD steps so large that the CRF's training
    /// swung between epochs, and the model trained at corpus weight 1 scored below the rules alone
    /// on its own training documents.
    public func corpusSequences(_ documents: [GoldDocument], thaiNERLines: [ThaiNERLine]) throws -> [TrainingSequence] {
        let mined = ThaiNERListMiner.mine(thaiNERLines[...], base: try Self.baseGazetteers())
        let annotator = try Self.annotator(mined: mined, convention: .guidelines)
        return documents.enumerated().map { number, document in
            let text = document.text
            var utf16Offsets = [Int](repeating: 0, count: 1)
            for scalar in text.unicodeScalars { utf16Offsets.append(utf16Offsets.last! + scalar.utf16.count) }
            let gold: [(type: EntityType, utf16Range: Range<Int>)] = document.entities.compactMap { entity in
                let type: EntityType
                switch entity.type {
                case "PERSON": type = .person
                case "ORGANIZATION", "MINISTRY", "ACRONYM": type = .organization
                case "LOCATION": type = .location
                default: return nil
                }
                return (type, utf16Offsets[entity.start]..<utf16Offsets[entity.end])
            }
            let utf16 = UTF16Text(text)
            let paragraphs = utf16.units.indices.filter { utf16.units[$0] == 0x0A }.map { $0 + 1 }
            let source = Self.sourceConventions.firstIndex(of: .guidelines)!
            return sequences(utf16, gold: gold, annotator: annotator, cuts: paragraphs,
                             document: Self.corpusDocumentNumbers + number).sequences.map { sequence in
                var sequence = sequence
                sequence.source = source
                return sequence
            }
        }.flatMap { $0 }
    }

    /// Where the corpus documents' numbers start in ``Dropout``'s draws, apart from ThaiNER's.
    static let corpusDocumentNumbers = 1 << 32

    /// One text's sequences, cut at `cuts` (`EntityTagger.trainingSequences`): `annotator`'s
    /// tokens and rule mentions as features, `gold` as labels, with ``dropout``'s draws for
    /// `document` (none for nil).
    func sequences(_ text: UTF16Text, gold: [(type: EntityType, utf16Range: Range<Int>)], annotator: Annotator,
                   cuts: [Int], document: Int?) -> (sequences: [TrainingSequence], misaligned: Int) {
        let tokens = annotator.segmenter.tokens(in: text)
        let rules = annotator.recognizer.mentions(in: text, tokens: tokens)
        return EntityTagger.trainingSequences(recognizer: annotator.recognizer, text: text, tokens: tokens, ruleMentions: rules,
                                              gold: gold, types: EntityTagger.types, bucketCount: buckets, cuts: cuts,
                                              hiding: document.map { dropout.hiding(gold, document: $0) } ?? FeatureDropout())
    }

    /// Trains the tables of `conventions` on the ThaiNER sequences and the corpus sequences, each
    /// by its convention's ``recipe(for:)`` (without corpus sequences, every recipe trains on
    /// ThaiNER alone), with ``learner``. Conventions whose recipes are the same share one
    /// training; when all do and it does not adapt to the sources, the file holds one table for
    /// every convention, else one named table per convention. With a ``modelCache``, models trained
    /// before on the same sequences with the same settings are read back instead. `progress` is called after each
    /// epoch with the conventions being trained, the epoch's number and a summary of it (how many
    /// sequences the perceptron got wrong, or the CRF's mean negative log-likelihood).
    public func train(thaiNER: [TrainingSequence], corpus: [TrainingSequence],
                      conventions: [SpanConvention] = TaggerTraining.sourceConventions,
                      progress: ((_ conventions: String, _ epoch: Int, _ summary: String) -> Void)? = nil) -> TaggerModels {
        guard let modelCache else { return trainAfresh(thaiNER: thaiNER, corpus: corpus, conventions: conventions, progress: progress) }
        let recipes = conventions.map { "\($0.rawValue): \(recipe(for: $0).effective(corpusAvailable: !corpus.isEmpty))" }
        let settings = "\(recipes) \(learner) \(epochs) epochs \(buckets) buckets \(TaggerModels.formatVersion)"
        let fingerprint = ModelCache.fingerprint([thaiNER, corpus], settings: settings)
        if let models = modelCache.models(fingerprint) { return models }
        let models = trainAfresh(thaiNER: thaiNER, corpus: corpus, conventions: conventions, progress: progress)
        // A cache that cannot be written costs time, not results.
        try? modelCache.store(models, fingerprint)
        return models
    }

    /// ``train(thaiNER:corpus:conventions:progress:)`` without the cache.
    private func trainAfresh(thaiNER: [TrainingSequence], corpus: [TrainingSequence], conventions: [SpanConvention],
                             progress: ((_ conventions: String, _ epoch: Int, _ summary: String) -> Void)?) -> TaggerModels {
        var groups: [(recipe: Recipe, conventions: [SpanConvention])] = []
        for convention in conventions {
            let recipe = self.recipe(for: convention).effective(corpusAvailable: !corpus.isEmpty)
            if let index = groups.firstIndex(where: { $0.recipe == recipe }) {
                groups[index].conventions.append(convention)
            } else {
                groups.append((recipe, [convention]))
            }
        }
        var tables: [(convention: String, model: SequenceModel)] = []
        for (recipe, members) in groups {
            let names = members.map(\.rawValue).joined(separator: ", ")
            let models = train(thaiNER + weighted(corpus, weight: recipe.corpusWeight), recipe: recipe) { progress?(names, $0, $1) }
            if groups.count == 1, models.count == 1 { return TaggerModels(models[0]) }
            for convention in members {
                tables.append((convention.rawValue, models.count == 1 ? models[0] : models[Self.sourceConventions.firstIndex(of: convention)!]))
            }
        }
        return TaggerModels(tables)
    }

    /// One training run by `recipe` on `sequences`: one model, or with ``Recipe/adaptsToSources``
    /// (the CRF, sequences of both sources) one per source, in ``sourceConventions`` order.
    func train(_ sequences: [TrainingSequence], recipe: Recipe, progress: @escaping (_ epoch: Int, _ summary: String) -> Void) -> [SequenceModel] {
        let types = EntityTagger.types.map(\.rawValue)
        switch learner {
        case .perceptron:
            return [PerceptronTrainer(epochs: epochs).train(sequences, types: types, bucketCount: buckets) { epoch, mistakes in
                progress(epoch, "\(mistakes) of \(sequences.count) sequences wrong")
            }]
        case .crf(let l2):
            let trainer = CRFTrainer(epochs: epochs, l2: l2, sourceL2: recipe.sourceL2)
            let report = { (epoch: Int, loss: Double) -> Void in progress(epoch, "mean negative log-likelihood \(loss)") }
            guard recipe.adaptsToSources, Set(sequences.map(\.source)).count > 1 else {
                return [trainer.train(sequences, types: types, bucketCount: buckets, progress: report)]
            }
            return trainer.train(sequences, types: types, bucketCount: buckets, sources: Self.sourceConventions.count, progress: report)
        }
    }
}
