import ThaiAnnotator

/// A gold or predicted span, as scoring sees it: a type name, half-open Unicode-scalar offsets,
/// and, for dates, the normalised value.
///
/// Types are strings so that a gold standard can be scored under its own type set (ThaiNER's
/// ORGANIZATION stands for MINISTRY and ORGANIZATION, see ``ThaiNERGold``).
public struct ScoredSpan: Sendable, Hashable {
    /// The type name, such as `PERSON` or `DATE`.
    public var type: String
    /// The first Unicode scalar of the span.
    public var start: Int
    /// The scalar after the span's last.
    public var end: Int
    /// A DATE span's ISO 8601 value; nil for other types and for unresolvable dates.
    public var value: String?

    /// Creates a span.
    public init(type: String, start: Int, end: Int, value: String? = nil) {
        self.type = type
        self.start = start
        self.end = end
        self.value = value
    }

    /// The span of an annotated entity: its type, scalar offsets and date value.
    public init(_ entity: Entity) {
        self.init(type: entity.type.rawValue, start: entity.scalarOffsets.lowerBound,
                  end: entity.scalarOffsets.upperBound, value: entity.date?.value?.iso)
    }

    /// Whether the two spans share at least one scalar.
    public func overlaps(_ other: ScoredSpan) -> Bool { start < other.end && other.start < end }

    /// The span without its value: what exact matching compares.
    var position: ScoredSpan { ScoredSpan(type: type, start: start, end: end) }
}
