/// A named entity found by the recogniser, in UTF-16 offsets; the pipeline turns it into an
/// `Entity` with String indices and scalar offsets.
public struct EntityMention: Sendable, Hashable {
    /// The entity's type (never DATE).
    public var type: EntityType
    /// Where it is, in UTF-16 code units.
    public var utf16Range: Range<Int>
    /// The canonical entry, for gazetteer hits and in-document aliases.
    public var link: EntityLink?
    /// The expansion, for ACRONYM mentions.
    public var acronym: AcronymExpansion?

    /// Creates a mention.
    public init(type: EntityType, utf16Range: Range<Int>, link: EntityLink? = nil, acronym: AcronymExpansion? = nil) {
        self.type = type
        self.utf16Range = utf16Range
        self.link = link
        self.acronym = acronym
    }
}
