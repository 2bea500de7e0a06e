import ThaiAnnotator

/// Entity scores accumulated over documents: exact-match and overlap-match precision, recall and
/// F1 per type and micro-averaged, date-value accuracy on exact DATE matches, and a count and
/// examples of each kind of error.
///
/// ```swift
/// var evaluation = Evaluation()
/// for gold in try CorpusGold(folder: "corpus").documents {
///     evaluation.add(gold, annotatedBy: annotator)
/// }
/// print(evaluation.micro.exact.f1, evaluation.table())
/// ```
///
/// Evaluations of separate parts (folds, shards, threads) combine with ``merge(_:)``.
public struct Evaluation: Sendable {
    /// Counts per type name.
    public private(set) var byType: [String: SpanCounts] = [:]
    /// Gold DATE spans predicted exactly.
    public private(set) var dateMatches = 0
    /// Exact DATE matches whose predicted value equals the gold value.
    public private(set) var dateValuesCorrect = 0
    /// Errors by kind.
    public private(set) var errors = ErrorCounts()
    /// The first ``exampleLimit`` errors, in the order they were found.
    public private(set) var examples: [ErrorExample] = []
    /// How many error examples to keep.
    public var exampleLimit: Int
    /// Role-link scores (person, role and body), for gold that has role links.
    public var roles: RoleEvaluation

    /// An empty evaluation keeping up to `exampleLimit` error examples (and as many role-link ones).
    public init(exampleLimit: Int = 100_000) {
        self.exampleLimit = exampleLimit
        roles = RoleEvaluation(exampleLimit: exampleLimit)
    }

    /// The counts of all types together.
    public var micro: SpanCounts { byType.values.reduce(SpanCounts(), +) }

    /// The share of exact DATE matches with the right value, or nil when there were none.
    public var dateValueAccuracy: Double? {
        dateMatches == 0 ? nil : Double(dateValuesCorrect) / Double(dateMatches)
    }

    /// Scores one document's predictions against its gold spans. `text` is the document's text
    /// (for the error examples) and `document` its name.
    public mutating func add(gold: [ScoredSpan], predicted: [ScoredSpan], text: String, document: String) {
        let scalars = Array(text.unicodeScalars)
        func surface(_ span: ScoredSpan) -> String {
            let end = min(span.end, scalars.count)
            return String(String.UnicodeScalarView(scalars[min(span.start, end)..<end]))
        }
        func note(_ kind: ErrorExample.Kind, _ span: ScoredSpan, predicted: String? = nil) {
            if examples.count < exampleLimit {
                examples.append(ErrorExample(document: document, kind: kind, type: span.type, text: surface(span),
                                             predicted: predicted))
            }
        }
        for span in gold { byType[span.type, default: SpanCounts()].gold += 1 }
        for span in predicted { byType[span.type, default: SpanCounts()].predicted += 1 }
        let predictedPositions = Set(predicted.map(\.position))
        for span in gold {
            let exact = predictedPositions.contains(span.position)
            if exact {
                byType[span.type]!.exactMatches += 1
                if span.type == EntityType.date.rawValue {
                    dateMatches += 1
                    if predicted.first(where: { $0.position == span.position })?.value == span.value { dateValuesCorrect += 1 }
                }
            }
            if predicted.contains(where: { $0.type == span.type && $0.overlaps(span) }) { byType[span.type]!.goldOverlapped += 1 }
            let overlapping = predicted.filter { $0.overlaps(span) }
            if overlapping.isEmpty {
                errors.missed += 1
                note(.miss, span)
            } else if !exact {
                if let sameEdges = overlapping.first(where: { $0.start == span.start && $0.end == span.end }) {
                    errors.type += 1
                    note(.type, span, predicted: sameEdges.type)
                } else if let sameType = overlapping.first(where: { $0.type == span.type }) {
                    errors.boundary += 1
                    note(.boundary, span, predicted: surface(sameType))
                }
            }
        }
        for span in predicted {
            if gold.contains(where: { $0.type == span.type && $0.overlaps(span) }) { byType[span.type]!.predictedOverlapping += 1 }
            if !gold.contains(where: { $0.overlaps(span) }) {
                errors.spurious += 1
                note(.spurious, span)
            }
        }
    }

    /// Adds another evaluation's counts and examples (up to this one's ``exampleLimit``).
    public mutating func merge(_ other: Evaluation) {
        byType.merge(other.byType, uniquingKeysWith: +)
        dateMatches += other.dateMatches
        dateValuesCorrect += other.dateValuesCorrect
        errors = errors + other.errors
        examples += other.examples.prefix(max(0, exampleLimit - examples.count))
        roles.merge(other.roles)
    }
}
