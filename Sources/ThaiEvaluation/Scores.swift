/// Precision, recall and their harmonic mean.
public struct PrecisionRecall: Sendable, Hashable {
    /// The share of predictions that are correct (0 when nothing was predicted).
    public var precision: Double
    /// The share of gold items that were found (0 when there is no gold).
    public var recall: Double
    /// The harmonic mean of precision and recall (0 when both are 0).
    public var f1: Double

    /// Scores from a precision and a recall.
    public init(precision: Double, recall: Double) {
        self.precision = precision
        self.recall = recall
        f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
    }

    /// Scores from counts: `correct` of `predicted` predictions match one of `gold` gold items.
    public init(correct: Int, gold: Int, predicted: Int) {
        self.init(correct: correct, of: predicted, found: correct, of: gold)
    }

    /// Scores where precision and recall count different matches: `correctPredictions` of
    /// `predicted` predictions are right, and `foundGold` of `gold` gold items were found (as in
    /// overlap matching, where one prediction can overlap two gold spans).
    public init(correct correctPredictions: Int, of predicted: Int, found foundGold: Int, of gold: Int) {
        self.init(precision: predicted == 0 ? 0 : Double(correctPredictions) / Double(predicted),
                  recall: gold == 0 ? 0 : Double(foundGold) / Double(gold))
    }
}

/// Span counts for one type (or all types together), from which exact and overlap scores follow.
public struct SpanCounts: Sendable, Hashable {
    /// Gold spans.
    public var gold = 0
    /// Predicted spans.
    public var predicted = 0
    /// Gold spans predicted with the same type, start and end.
    public var exactMatches = 0
    /// Gold spans overlapped by a prediction of their type.
    public var goldOverlapped = 0
    /// Predictions overlapping a gold span of their type.
    public var predictedOverlapping = 0

    /// No spans.
    public init() {}

    /// Exact-match precision, recall and F1.
    public var exact: PrecisionRecall { PrecisionRecall(correct: exactMatches, gold: gold, predicted: predicted) }

    /// Overlap-match precision (predictions overlapping a gold span of their type), recall (gold
    /// spans overlapped by a prediction of their type) and F1.
    public var overlap: PrecisionRecall {
        PrecisionRecall(correct: predictedOverlapping, of: predicted, found: goldOverlapped, of: gold)
    }

    /// The counts of both.
    public static func + (lhs: SpanCounts, rhs: SpanCounts) -> SpanCounts {
        var sum = lhs
        sum.gold += rhs.gold
        sum.predicted += rhs.predicted
        sum.exactMatches += rhs.exactMatches
        sum.goldOverlapped += rhs.goldOverlapped
        sum.predictedOverlapping += rhs.predictedOverlapping
        return sum
    }
}

/// How many gold spans went wrong, and how.
public struct ErrorCounts: Sendable, Hashable {
    /// Gold spans overlapped by a prediction of their type, but not with the same edges.
    public var boundary = 0
    /// Gold spans whose exact edges were predicted, but with another type.
    public var type = 0
    /// Gold spans no prediction overlaps.
    public var missed = 0
    /// Predictions that overlap no gold span.
    public var spurious = 0

    /// No errors.
    public init() {}

    /// The counts of both.
    public static func + (lhs: ErrorCounts, rhs: ErrorCounts) -> ErrorCounts {
        var sum = lhs
        sum.boundary += rhs.boundary
        sum.type += rhs.type
        sum.missed += rhs.missed
        sum.spurious += rhs.spurious
        return sum
    }
}

/// One scoring error, for reading: where, what kind, the gold (or spurious) span's type and
/// text, and what was predicted instead.
public struct ErrorExample: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of error.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A gold span no prediction overlaps.
        case miss
        /// A gold span predicted with the same edges and another type.
        case type
        /// A gold span predicted with the same type and other edges.
        case boundary
        /// A prediction overlapping no gold span.
        case spurious
    }

    /// The document's name (or the gold file's line).
    public var document: String
    /// What went wrong.
    public var kind: Kind
    /// The gold span's type (a spurious prediction's own type).
    public var type: String
    /// The gold span's text (a spurious prediction's own text).
    public var text: String
    /// The predicted type (type errors) or text (boundary errors).
    public var predicted: String?

    /// Creates an example.
    public init(document: String, kind: Kind, type: String, text: String, predicted: String? = nil) {
        self.document = document
        self.kind = kind
        self.type = type
        self.text = text
        self.predicted = predicted
    }

    /// One tab-separated line: `thaigov-007	boundary  PERSON นายก predicted นายกฯ`.
    public var description: String {
        let kindColumn = kind.rawValue + String(repeating: " ", count: max(0, 10 - kind.rawValue.count))
        return "\(document)\t\(kindColumn)\(type) \(text)" + (predicted.map { " predicted \($0)" } ?? "")
    }
}
