/// What a token is made of.
public enum TokenKind: String, Sendable, Hashable, Codable, CaseIterable {
    /// A word in Thai script, as cut by ICU's Thai dictionary.
    case thaiWord
    /// A word in Latin script (English names, acronyms such as SMRJ or EEC).
    case latinWord
    /// A number in Arabic (60, 2560, 4.0) or Thai digits (๒๕๖๐).
    case number
    /// Punctuation or a symbol: brackets, dots, dashes, quotes, slashes.
    case punctuation
    /// Spaces, no-break spaces, tabs and line breaks.
    case whitespace
    /// Anything else: emoji, other scripts, zero-width characters, lone combining marks.
    case other
}

/// One segment of a text. The tokens of a text tile it exactly: each starts where the last ended.
public struct Token: Sendable, Hashable {
    /// What the token is made of.
    public let kind: TokenKind
    /// Where the token is in the text it was cut from.
    public let range: Range<String.Index>
    private let scalarBounds: (start: Int32, end: Int32)
    private let utf8Bounds: (start: Int32, end: Int32)
    private let utf16Bounds: (start: Int32, end: Int32)

    /// Creates a token from its kind, range and offsets in the three encodings.
    public init(kind: TokenKind, range: Range<String.Index>, scalarOffsets: Range<Int>,
                utf8Offsets: Range<Int>, utf16Offsets: Range<Int>) {
        self.kind = kind
        self.range = range
        self.scalarBounds = (Int32(scalarOffsets.lowerBound), Int32(scalarOffsets.upperBound))
        self.utf8Bounds = (Int32(utf8Offsets.lowerBound), Int32(utf8Offsets.upperBound))
        self.utf16Bounds = (Int32(utf16Offsets.lowerBound), Int32(utf16Offsets.upperBound))
    }

    /// Half-open offsets in Unicode scalars, as Python's `str` counts them.
    public var scalarOffsets: Range<Int> { Int(scalarBounds.start)..<Int(scalarBounds.end) }
    /// Half-open offsets in UTF-8 bytes.
    public var utf8Offsets: Range<Int> { Int(utf8Bounds.start)..<Int(utf8Bounds.end) }
    /// Half-open offsets in UTF-16 code units, as ICU, NSString and JavaScript count them.
    public var utf16Offsets: Range<Int> { Int(utf16Bounds.start)..<Int(utf16Bounds.end) }

    /// Whether two tokens have the same kind, range and offsets.
    public static func == (lhs: Token, rhs: Token) -> Bool {
        lhs.kind == rhs.kind && lhs.range == rhs.range && lhs.scalarBounds == rhs.scalarBounds
            && lhs.utf8Bounds == rhs.utf8Bounds
    }

    /// Hashes the kind and the range.
    public func hash(into hasher: inout Hasher) {
        hasher.combine(kind)
        hasher.combine(range.lowerBound)
        hasher.combine(range.upperBound)
    }
}
