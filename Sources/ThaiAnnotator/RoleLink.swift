/// A span of a document's text that is not an entity: a role's words.
public struct TextSpan: Sendable, Hashable {
    /// Where the span is in the document's text.
    public var range: Range<String.Index>
    /// Half-open offsets in Unicode scalars.
    public var scalarOffsets: Range<Int>
    /// The text between the offsets, exactly.
    public var text: String

    /// Creates a span.
    public init(range: Range<String.Index>, scalarOffsets: Range<Int>, text: String) {
        self.range = range
        self.scalarOffsets = scalarOffsets
        self.text = text
    }
}

/// A person's office, as the text states it right next to the name: `นายอุตตม สาวนายน` holds
/// `รัฐมนตรีว่าการ` of `กระทรวงอุตสาหกรรม`.
public struct RoleLink: Sendable, Hashable {
    /// The PERSON entity's index in `Document.entities`.
    public var person: Int
    /// The role's words: the position up to where the body's name begins (`รัฐมนตรีว่าการ`, `รมว.`).
    public var role: TextSpan
    /// The index in `Document.entities` of the ministry, organisation, acronym or place the
    /// office belongs to, or nil when it has none (นายกรัฐมนตรี) or it is not an entity.
    public var organization: Int?
    /// The office in full (`รัฐมนตรีว่าการกระทรวงศึกษาธิการ` for `รมว.ศธ.`), or nil when unknown.
    public var canonical: String?

    /// Creates a link.
    public init(person: Int, role: TextSpan, organization: Int?, canonical: String?) {
        self.person = person
        self.role = role
        self.organization = organization
        self.canonical = canonical
    }
}

/// A role link encodes as `{"person": 5, "role": {"start", "end", "text"}, "org": 6 or null,
/// "canonical": "..." or null}` (the JSON contract; `Document` decodes it).
extension RoleLink: Encodable {
    enum Key: String, CodingKey { case person, role, org, canonical }
    enum SpanKey: String, CodingKey { case start, end, text }

    /// Encodes the link as one contract object.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(person, forKey: .person)
        var span = container.nestedContainer(keyedBy: SpanKey.self, forKey: .role)
        try span.encode(role.scalarOffsets.lowerBound, forKey: .start)
        try span.encode(role.scalarOffsets.upperBound, forKey: .end)
        try span.encode(role.text, forKey: .text)
        try container.encode(organization, forKey: .org)
        try container.encode(canonical, forKey: .canonical)
    }
}
