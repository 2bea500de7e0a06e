/// The kinds of entity ThaiAnnotator finds.
public enum EntityType: String, Sendable, Hashable, Codable, CaseIterable {
    /// A named person, title included: นายอุตตม สาวนายน.
    case person = "PERSON"
    /// A Thai or foreign ministry, or the Office of the Prime Minister: กระทรวงอุตสาหกรรม.
    case ministry = "MINISTRY"
    /// Any other organisation: departments, agencies, companies, parties, foreign bodies.
    case organization = "ORGANIZATION"
    /// An abbreviation that stands for a named entity: กสอ., SMRJ, EEC.
    case acronym = "ACRONYM"
    /// A named place: provinces, countries, cities, named sites.
    case location = "LOCATION"
    /// A date, month, year, range or relative date.
    case date = "DATE"
}

/// The canonical entry an entity is linked to.
public struct EntityLink: Sendable, Hashable, Codable {
    /// The entry's stable id, e.g. "ministry.industry"; document-local ids start with "doc:".
    public var id: String
    /// The entry's canonical name, e.g. "กระทรวงอุตสาหกรรม".
    public var canonical: String

    /// Creates a link.
    public init(id: String, canonical: String) {
        self.id = id
        self.canonical = canonical
    }

    /// Whether the link is to another mention of the same document (`doc:person:1`, which every
    /// person the lists do not know gets), not to a gazetteer entry.
    public var isDocumentLocal: Bool { id.utf8.starts(with: "doc:".utf8) }
}

/// What an acronym stands for.
public struct AcronymExpansion: Sendable, Hashable, Codable {
    /// The full name, from an in-document definition or the gazetteer; nil when unknown.
    public var expansion: String?
    /// The type of the thing the acronym names (MINISTRY, ORGANIZATION, ...); nil when unknown.
    public var refersTo: EntityType?

    /// Creates an acronym payload.
    public init(expansion: String?, refersTo: EntityType?) {
        self.expansion = expansion
        self.refersTo = refersTo
    }
}
