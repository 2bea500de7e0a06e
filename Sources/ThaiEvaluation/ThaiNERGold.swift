import ThaiAnnotator

/// ThaiNER's inline gold format, one sentence a line:
/// `[PERSON]นายจุรินทร์ ลักษณวิศิษฏ์[/PERSON] ...`, and the mapping between its types and
/// ThaiAnnotator's. ThaiNER's FACILITY is scored as LOCATION; MINISTRY, ORGANIZATION and
/// organisation acronyms as ThaiNER's ORGANIZATION; types with no counterpart (TIME, MONEY, ...)
/// are not scored. Score with an annotator whose span convention is `.thaiNER`.
public struct ThaiNERGold: Sendable {
    /// The line's text without its tags.
    public var text: String
    /// The tagged spans under ThaiNER's own type names, in Unicode-scalar offsets of ``text``.
    public var taggedSpans: [ScoredSpan]

    /// ThaiNER's types that are scored, and the names they are scored under.
    public static let scoredTypes: [String: String] = [
        "PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "LOCATION": "LOCATION", "FACILITY": "LOCATION", "DATE": "DATE",
    ]

    /// Reads one line. A leading byte-order mark is dropped; tags that do not pair up stay in
    /// the text. A span's edges are trimmed of spaces and invisible characters: ThaiNER often
    /// closes a tag after a stray U+FEFF or U+200B (`[PERSON]นายสมัคร\u{FEFF}[/PERSON]`), which
    /// is no part of the name and which no annotator could be asked to reproduce.
    public init(line: Substring) {
        var scalars = line.unicodeScalars
        if scalars.first == "\u{FEFF}" { scalars.removeFirst() }
        let input = Array(scalars)
        var output: [Unicode.Scalar] = []
        var spans: [ScoredSpan] = []
        var open: (type: String, start: Int)?
        var index = 0
        while index < input.count {
            if input[index] == "[", let close = input[index...].prefix(20).firstIndex(of: "]") {
                let inner = String(String.UnicodeScalarView(input[(index + 1)..<close]))
                let isClosing = inner.hasPrefix("/")
                let name = isClosing ? String(inner.dropFirst()) : inner
                if !name.isEmpty, name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == "_" }) {
                    if isClosing, let current = open, current.type == name {
                        var start = current.start, end = output.count
                        while start < end, Self.isBlankOrInvisible(output[start]) { start += 1 }
                        while end > start, Self.isBlankOrInvisible(output[end - 1]) { end -= 1 }
                        if start < end { spans.append(ScoredSpan(type: name, start: start, end: end)) }
                        open = nil
                        index = close + 1
                        continue
                    }
                    if !isClosing, open == nil {
                        open = (name, output.count)
                        index = close + 1
                        continue
                    }
                }
            }
            output.append(input[index])
            index += 1
        }
        text = String(String.UnicodeScalarView(output))
        taggedSpans = spans
    }

    /// The tagged spans of scored types, under the names they are scored as.
    public var spans: [ScoredSpan] {
        taggedSpans.compactMap { span in
            Self.scoredTypes[span.type].map { ScoredSpan(type: $0, start: span.start, end: span.end) }
        }
    }

    /// An entity as ThaiNER would type it: MINISTRY as ORGANIZATION, an acronym as the type of
    /// what it expands to (ORGANIZATION when unknown). Date values are not compared.
    public static func span(for entity: ThaiAnnotator.Entity) -> ScoredSpan {
        let type: String
        switch entity.type {
        case .ministry, .organization: type = "ORGANIZATION"
        case .acronym:
            switch entity.acronym?.refersTo {
            case .location?: type = "LOCATION"
            case .person?: type = "PERSON"
            default: type = "ORGANIZATION"
            }
        default: type = entity.type.rawValue
        }
        return ScoredSpan(type: type, start: entity.scalarOffsets.lowerBound, end: entity.scalarOffsets.upperBound)
    }

    /// Spaces, and the zero-width characters ThaiNER leaves at span edges.
    private static func isBlankOrInvisible(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x20, 0x09, 0xA0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
        default: return false
        }
    }
}

extension Evaluation {
    /// Annotates a ThaiNER line's text with `annotator` and scores the result under ThaiNER's
    /// types; `document` names the line in error examples.
    public mutating func add(_ gold: ThaiNERGold, annotatedBy annotator: Annotator, document: String) {
        let predicted = annotator.annotate(gold.text).entities.map(ThaiNERGold.span(for:))
        add(gold: gold.spans, predicted: predicted, text: gold.text, document: document)
    }
}
