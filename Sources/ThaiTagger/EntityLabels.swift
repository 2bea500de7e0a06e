/// The label set of the sequence model: BILOU (also called BIOES) over up to three entity types.
///
/// Label 0 is O (outside any entity); type `t`'s labels are `1 + 4t + part`, the parts being
/// B (the first unit of a span of two or more), I (inside), L (the last) and U (a span of one
/// unit). Ratinov and Roth (2009) found BILOU clearly better than BIO for a linear NER model: the
/// model learns what ends a name, and a one-word name apart from the first word of a longer one.
///
/// A valid sequence has I-X and L-X only after B-X or I-X, and B-X and I-X only before I-X or
/// L-X (so it ends with O, L-X or U-X). ``allows(_:_:)`` and ``mayEnd(_:)`` say this to the decoder.
public enum EntityLabels {
    /// The part of a span a label marks.
    public enum Part: Int, Sendable, CaseIterable {
        /// The first unit of a span of two or more.
        case begin
        /// A unit inside a span, neither its first nor its last.
        case inside
        /// The last unit of a span of two or more.
        case last
        /// A span of one unit.
        case unit
    }

    /// The most entity types the model's rows hold (13 labels in a row of 16).
    public static let maximumTypes = 3

    /// The number of labels for `types` entity types: 1 + 4 × types.
    @inline(__always)
    public static func count(types: Int) -> Int { 1 + 4 * types }

    /// The label names for `types`, in label order: "O", then B-X, I-X, L-X and U-X for each type.
    public static func names(_ types: [String]) -> [String] {
        ["O"] + types.flatMap { type in ["B", "I", "L", "U"].map { "\($0)-\(type)" } }
    }

    /// The label of `part` of a span of entity type `type`.
    @inline(__always)
    public static func label(type: Int, _ part: Part) -> Int { 1 + 4 * type + part.rawValue }

    /// The entity type index of a label, or nil for O.
    @inline(__always)
    public static func type(of label: Int) -> Int? { label == 0 ? nil : (label - 1) / 4 }

    /// The part of a span a label marks, or nil for O.
    @inline(__always)
    public static func part(of label: Int) -> Part? { label == 0 ? nil : Part(rawValue: (label - 1) % 4) }

    /// Whether a span is open after `label` (it is B-X or I-X).
    @inline(__always)
    static func continues(_ label: Int) -> Bool { label > 0 && (label - 1) % 4 < 2 }

    /// Whether label `next` may follow label `previous` (nil: the sequence start).
    @inline(__always)
    public static func allows(_ previous: Int?, _ next: Int) -> Bool {
        let open = previous.map(continues) ?? false
        guard next > 0, (next - 1) % 4 == 1 || (next - 1) % 4 == 2 else { return !open }  // O, B-X, U-X: after a closed span
        guard let previous, open else { return false }
        return type(of: previous) == type(of: next)  // I-X, L-X: after B-X or I-X
    }

    /// Whether a sequence may end with `label` (no span left open).
    @inline(__always)
    public static func mayEnd(_ label: Int) -> Bool { !continues(label) }

    /// The labels of `count` units holding `spans` (unit ranges with a type index). A span that
    /// starts inside an earlier one is skipped; empty spans are skipped.
    public static func encode(_ spans: [(type: Int, units: Range<Int>)], count: Int) -> [Int] {
        var labels = [Int](repeating: 0, count: count)
        var end = 0
        for span in spans.sorted(by: { $0.units.lowerBound < $1.units.lowerBound }) {
            let units = span.units.clamped(to: 0..<count)
            guard !units.isEmpty, units.lowerBound >= end else { continue }
            if units.count == 1 {
                labels[units.lowerBound] = label(type: span.type, .unit)
            } else {
                labels[units.lowerBound] = label(type: span.type, .begin)
                for index in (units.lowerBound + 1)..<(units.upperBound - 1) { labels[index] = label(type: span.type, .inside) }
                labels[units.upperBound - 1] = label(type: span.type, .last)
            }
            end = units.upperBound
        }
        return labels
    }

    /// The spans of a label sequence, in order. A valid sequence's spans are exact; in any other
    /// a span runs from a non-O label over the I-X and L-X of its type that follow, to an L-X.
    public static func decode(_ labels: [Int]) -> [(type: Int, units: Range<Int>)] {
        var spans: [(type: Int, units: Range<Int>)] = []
        var index = 0
        while index < labels.count {
            guard let type = type(of: labels[index]) else { index += 1; continue }
            var end = index + 1
            if continues(labels[index]) {
                while end < labels.count, Self.type(of: labels[end]) == type, let part = part(of: labels[end]),
                      part == .inside || part == .last {
                    end += 1
                    if part == .last { break }
                }
            }
            spans.append((type, index..<end))
            index = end
        }
        return spans
    }
}
