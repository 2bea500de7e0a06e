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
    /// Who holds which office: each link names a PERSON entity, the role's words and the body
    /// the office belongs to (see corpus/GUIDELINES.md, ROLE), in order of the people.
    public let roles: [RoleLink]

    /// Creates a document from its parts.
    public init(text: String, tokens: [Token], entities: [Entity], roles: [RoleLink] = []) {
        self.text = text
        self.tokens = tokens
        self.entities = entities
        self.roles = roles
    }

    /// The entities of one type.
    public func entities(ofType type: EntityType) -> [Entity] { entities.filter { $0.type == type } }

    /// The text of a token.
    public subscript(token: Token) -> Substring { text[token.range] }
}
