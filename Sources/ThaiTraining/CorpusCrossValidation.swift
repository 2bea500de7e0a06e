import ThaiAnnotator
import ThaiEvaluation

/// k-fold cross-validation of the sequence model over gold corpus documents, so that the corpus
/// can score a model that learns from the corpus: each fold's model is trained as the shipped
/// `guidelines` table is (ThaiNER train lines and the corpus `train` documents, by
/// ``TaggerTraining/guidelinesRecipe``), without the fold's documents, and scores only them, under
/// the guidelines with the bundled lists.
///
/// ```swift
/// let documents = try CorpusGold(folder: "corpus", split: "train").documents
/// let result = try CorpusCrossValidation(documents, training: documents, thaiNERLines: lines, k: 5)
/// print(result.model.table())
/// ```
public struct CorpusCrossValidation: Sendable {
    /// The rules and gazetteers alone, over all folds.
    public private(set) var rules: Evaluation
    /// The rules with each fold's model, over all folds.
    public private(set) var model: Evaluation

    /// Scores `documents` in k folds (document i in fold i mod k). Each fold's model learns from
    /// `thaiNERLines` and from the documents of `training` that are not in the fold, by `settings`'
    /// ``TaggerTraining/guidelinesRecipe`` (only its table is trained). `only` names the folds to run (from 1; nil:
    /// all k), for a quicker look at a part. `foldDone`
    /// is called after each fold with its number (from 1), the documents scored and the corpus
    /// documents trained on.
    public init(_ documents: [GoldDocument], training: [GoldDocument], thaiNERLines: [ThaiNERLine], k: Int,
                settings: TaggerTraining = TaggerTraining(), only: Set<Int>? = nil, exampleLimit: Int = 0,
                foldDone: ((_ fold: Int, _ scored: Int, _ trainedOn: Int) -> Void)? = nil) throws {
        precondition(k >= 2, "cross-validation needs k >= 2")
        rules = Evaluation(exampleLimit: 0)
        model = Evaluation(exampleLimit: exampleLimit)
        let thaiNER = try settings.sequences(thaiNERLines).sequences
        let byRules = try Annotator(configuration: { var rulesAlone = Annotator.Configuration(); rulesAlone.tagger = .off; return rulesAlone }())
        for fold in 0..<k where only?.contains(fold + 1) ?? true {
            let scored = Set(documents.indices.filter { $0 % k == fold }.map { documents[$0].document })
            let others = training.filter { !scored.contains($0.document) }
            let corpusPart = settings.guidelinesRecipe.corpusWeight == 0 ? [] : try settings.corpusSequences(others, thaiNERLines: thaiNERLines)
            let trained = settings.train(thaiNER: thaiNER, corpus: corpusPart, conventions: [.guidelines])
            var configuration = Annotator.Configuration()
            configuration.tagger = .model(try trained.model(for: .guidelines))
            let byModel = try Annotator(configuration: configuration)
            for document in documents where scored.contains(document.document) {
                rules.add(document, annotatedBy: byRules)
                model.add(document, annotatedBy: byModel)
            }
            foldDone?(fold + 1, scored.count, others.count)
        }
    }
}
