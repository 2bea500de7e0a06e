@_exported import ThaiDates
@_exported import ThaiEntities
@_exported import ThaiRoles
@_exported import ThaiSegmentation
@_exported import ThaiTagger

/// A normalised date.
public struct DateAnnotation: Sendable, Hashable {
    /// The value, or nil when it cannot be resolved (a relative date without a reference date)
    /// or the date does not exist (31 กุมภาพันธ์ 2561).
    public var value: DateValue?
    /// The value's grain (kept when the value is nil, from the expression's form).
    public var grain: DateGrain
    /// The Buddhist-era year as written (2560 for "7 มิถุนายน 2560", 2560 for "มิ.ย.60").
    public var buddhistEraYear: Int?
    /// Whether the text named a weekday that disagrees with the date.
    public var weekdayMismatch: Bool
    /// Whether the expression names a day that does not exist.
    public var isImpossible: Bool
    /// Where the weekday disagrees, the repair: the one nearby reading (the year one off, or one
    /// digit of the year or day changed) that falls on the stated weekday; nil when none or several do.
    /// With `Annotator.Configuration.repairDates` it is also the `value`.
    public var suggestedValue: DateValue?

    /// Creates a date payload.
    public init(value: DateValue?, grain: DateGrain, buddhistEraYear: Int? = nil,
                weekdayMismatch: Bool = false, isImpossible: Bool = false, suggestedValue: DateValue? = nil) {
        self.value = value
        self.grain = grain
        self.buddhistEraYear = buddhistEraYear
        self.weekdayMismatch = weekdayMismatch
        self.isImpossible = isImpossible
        self.suggestedValue = suggestedValue
    }
}

/// A span of a document's text recognised as an entity.
public struct Entity: Sendable, Hashable {
    /// The entity's type.
    public var type: EntityType
    /// Where the entity is in the document's text.
    public var range: Range<String.Index>
    /// Half-open offsets in Unicode scalars (what Python's `str` indexing counts).
    public var scalarOffsets: Range<Int>
    /// The text between the offsets, exactly.
    public var text: String
    /// The canonical entry, for gazetteer hits and in-document aliases.
    public var link: EntityLink?
    /// The expansion, for ACRONYM entities.
    public var acronym: AcronymExpansion?
    /// The normalised value, for DATE entities.
    public var date: DateAnnotation?

    /// Creates an entity.
    public init(type: EntityType, range: Range<String.Index>, scalarOffsets: Range<Int>, text: String,
                link: EntityLink? = nil, acronym: AcronymExpansion? = nil, date: DateAnnotation? = nil) {
        self.type = type
        self.range = range
        self.scalarOffsets = scalarOffsets
        self.text = text
        self.link = link
        self.acronym = acronym
        self.date = date
    }
}
