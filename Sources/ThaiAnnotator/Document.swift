/// An annotated text: the text, its tokens and its entities, in the manner of a spaCy `Doc`.
///
/// Tokens tile the text exactly. Entities are sorted by position and never overlap; a token
/// never straddles an entity boundary (tokens are split where an entity starts or ends inside
/// one), so the token stream can be read as IOB tags.
public struct Document: Sendable, Hashable {
    /// The text, exactly as given.
    public let text: String
    /// The tokens, in order, tiling the text.
    public let tokens: [Token]
    /// The entities, in order, non-overlapping.
    public let entities: [Entity]

    /// Creates a document from its parts.
    public init(text: String, tokens: [Token], entities: [Entity]) {
        self.text = text
        self.tokens = tokens
        self.entities = entities
    }

    /// The entities of one type.
    public func entities(ofType type: EntityType) -> [Entity] { entities.filter { $0.type == type } }

    /// The text of a token.
    public subscript(token: Token) -> Substring { text[token.range] }
}
