import ThaiAnnotator
import ThaiEvaluation

/// k-fold cross-validation over the documents of a ThaiNER file: each fold is scored by the
/// rules with lists mined without it, and by the rules and a model trained without it, under
/// ThaiNER's span conventions. Each fold's model is trained by the recipe of the `thainer` table
/// (``TaggerTraining/thaiNERRecipe``), which may also learn from gold corpus documents.
///
/// ```swift
/// let lines = try ThaiNERLine.read("train.txt")
/// let result = try CrossValidation(lines, k: 5)
/// print(result.model.table())
/// print(result.modelUnseen.summary)
/// // A thainer recipe with the corpus: its train documents at the recipe's weight.
/// let corpus = try CorpusGold(folder: "corpus", split: "train").documents
/// let training = TaggerTraining(thaiNERRecipe: .init(corpusWeight: 1, adaptsToSources: true))
/// let adapted = try CrossValidation(lines, k: 5, training: training, corpus: corpus)
/// ```
public struct CrossValidation: Sendable {
    /// One fold: its lines and the sizes of the lists mined from the other folds.
    public struct Fold: Sendable {
        /// The fold's number, from 1.
        public var number: Int
        /// The fold's line indices.
        public var lines: Range<Int>
        /// People mined without the fold.
        public var persons: Int
        /// Organisations mined without the fold.
        public var organizations: Int
        /// Places mined without the fold.
        public var places: Int
    }

    /// The folds, in file order.
    public private(set) var folds: [Fold] = []
    /// The rules and gazetteers alone, over all folds.
    public private(set) var rules: Evaluation
    /// The rules with the sequence model, over all folds.
    public private(set) var model: Evaluation
    /// Unseen-name PERSON recall of the rules alone.
    public private(set) var rulesUnseen = UnseenNameRecall()
    /// Unseen-name PERSON recall with the model.
    public private(set) var modelUnseen: UnseenNameRecall

    /// Runs the k folds (k >= 2) of whole documents (``ThaiNERLine/folds(_:k:)``). The model of
    /// each fold is trained with `training`'s buckets, epochs and unit on the other folds, its list
    /// features jackknifed over k - 1 parts; the fold is annotated in the same unit (each line, or
    /// each article as one document) and every line scored against its own gold. The model is
    /// trained by `training`'s ``TaggerTraining/thaiNERRecipe``, as `train` builds the shipped
    /// `thainer` table: when the recipe has the corpus, also from the `corpus` documents (none by
    /// default: ThaiNER alone), their list features from the lists mined without the fold. `only` names the folds to run (from 1; nil:
    /// all k), for a quicker look at a part. `exampleLimit` bounds the model's error examples
    /// (named `fold F line L`, L counted in the file); `foldDone` is called after each fold.
    public init(_ lines: [ThaiNERLine], k: Int, training: TaggerTraining = TaggerTraining(), corpus: [GoldDocument] = [],
                only: Set<Int>? = nil, exampleLimit: Int = 0, foldDone: ((Fold) -> Void)? = nil) throws {
        precondition(k >= 2, "cross-validation needs k >= 2")
        var training = training
        training.parts = k - 1
        rules = Evaluation(exampleLimit: 0)
        model = Evaluation(exampleLimit: exampleLimit)
        modelUnseen = UnseenNameRecall(exampleLimit: exampleLimit)
        let base = try TaggerTraining.baseGazetteers()
        for (number, fold) in ThaiNERLine.folds(lines, k: k).enumerated() where only?.contains(number + 1) ?? true {
            let others = lines.indices.filter { !fold.contains($0) }.map { lines[$0] }
            let mined = ThaiNERListMiner.mine(others[...], base: base)
            let byRules = try TaggerTraining.annotator(mined: mined)
            let sequences = try training.sequences(others).sequences
            let recipe = training.thaiNERRecipe
            let corpusSequences = corpus.isEmpty || recipe.corpusWeight == 0 ? [] : try training.corpusSequences(corpus, thaiNERLines: others)
            let trained = training.train(thaiNER: sequences, corpus: corpusSequences, conventions: [.thaiNER])
            let byModel = try TaggerTraining.annotator(mined: mined, tagger: .model(try trained.model(for: .thaiNER)))
            let known = KnownPersonNames(gazetteers: base + mined.gazetteers)
            let golds = lines[fold].map(\.gold)
            let name = { (line: Int) in "fold \(number + 1) line \(fold.lowerBound + line + 1)" }
            rules.add(golds, unit: training.unit, annotatedBy: byRules, unseen: &rulesUnseen, known: known, name: name)
            model.add(golds, unit: training.unit, annotatedBy: byModel, unseen: &modelUnseen, known: known, name: name)
            let summary = Fold(number: number + 1, lines: fold, persons: mined.persons.count, organizations: mined.organizations.count,
                               places: mined.locations.count)
            folds.append(summary)
            foldDone?(summary)
        }
    }
}
