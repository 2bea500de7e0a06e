import ThaiSegmentation

/// Finds PERSON, MINISTRY, ORGANIZATION, ACRONYM and LOCATION mentions.
///
/// One pass of a multi-pattern trie over the text finds every gazetteer name, abbreviation and
/// title; rules then build people from titles and name lists, organisations from head words
/// (กรม..., บริษัท ... จำกัด, กระทรวง ... ของญี่ปุ่น), and acronyms from in-document definitions.
/// Overlaps resolve longest first, then by type priority.
public struct EntityRecognizer: Sendable {
    /// A gazetteer surface form.
    struct Pattern: Sendable {
        enum Form: Sendable { case name, abbreviation, ministerShortForm }
        var entry: Int32
        var form: Form
    }

    /// What a key of the lexicon is; one key can play several parts (a title that is also a
    /// gazetteer alias, say).
    struct KeyRoles: Sendable {
        /// The gazetteer form's index in `patterns`, or -1.
        var pattern: Int32 = -1
        /// 1 for a strong title, 0 for a weak one, -1 for none (see `PersonLexicon.titles`).
        var title: Int8 = -1
        var isOrganizationHead = false
        var isDistrictHead = false
        /// A short role written before a bare name (ปลัดสรนิต, รองนายกฯ วิษณุ).
        var isShortRole = false
        /// A word that opens a named place (`PlaceAndUnitWords.placeHeads`).
        var isPlaceHead = false
        /// A word that opens the name of a unit of a body (`PlaceAndUnitWords.unitHeads`).
        var isUnitHead = false
        /// The head of a rule of its own: กระทรวง (a foreign ministry), บริษัท (a company), คณะ (a
        /// faculty), สถานเอกอัครราชทูต ... (a diplomatic mission).
        var ruleHead: RuleHead?
    }

    /// Words that start a pattern rule.
    enum RuleHead: Sendable { case ministry, company, faculty, mission }

    let entries: [GazetteerEntry]
    /// `entries`' types, apart, for the per-position checks.
    let entryTypes: [EntityType]
    let patterns: [Pattern]
    /// Every gazetteer form, title and organisation and district head word, in one trie, so that
    /// one walk per text position finds them all. Payload: an index in `keyRoles`.
    let lexicon: PrefixTrie
    let keyRoles: [KeyRoles]
    let people: PersonLexicon
    let organizationHeads: PrefixTrie
    /// The words that start the rules of their own (see `RuleHead`).
    static let ministryHead = Array("กระทรวง".utf16)
    static let companyHead = Array("บริษัท".utf16)
    static let facultyHead = Array("คณะ".utf16)
    let notNameStarts = PrefixTrie(words: Vocabulary.notNamesAfterTitle)
    let notNameRuns = PrefixTrie(words: Vocabulary.notNameRuns)
    let notFamilyWords = PrefixTrie(words: Vocabulary.notFamilyNames)
    let organizationStopWords = PrefixTrie(words: Vocabulary.organizationStops)
    let genericOrganizations = PrefixTrie(words: Vocabulary.genericOrganizations)
    let socialPlatforms = PrefixTrie(words: Vocabulary.socialPlatforms)
    let monthAbbreviations = PrefixTrie(words: ["ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.", "ต.ค.", "พ.ย.", "ธ.ค.",
                                                     "มค.", "กพ.", "มีค.", "เมย.", "พค.", "มิย.", "กค.", "สค.", "กย.", "ตค.", "พย.", "ธค."])
    /// The nationality words, by their last code unit: a place name is checked only against the
    /// words that end with the unit before it.
    let nationalityWordsByLastUnit = Dictionary(grouping: Vocabulary.nationalityPrefixes.map { Array($0.utf16) }) { $0.last! }
    let ambiguousPlaces = PrefixTrie(words: Vocabulary.ambiguousPlaceNames)
    let ministerTitles = Vocabulary.ministerPrefixes.map { Array($0.utf16) }
    /// Whether spans follow ThaiNER's conventions instead of the guidelines' (see `init`).
    public let followsThaiNERSpans: Bool
    let provincialOfficers = Vocabulary.provincialOfficers.map { Array($0.utf16) }
    /// Whether each entry is a country (its id starts with `loc.country.`).
    let isCountry: [Bool]
    /// `PlaceAndUnitWords.stateContext`, by their last code unit.
    let stateContextWordsByLastUnit = Dictionary(grouping: PlaceAndUnitWords.stateContext.map { Array($0.utf16) }) { $0.last! }
    let descriptiveWords = PrefixTrie(words: PlaceAndUnitWords.descriptive)
    let bodyNameOpeners = PlaceAndUnitWords.bodyNameOpeners.map { Array($0.utf16) }
    let placeUnits = PlaceAndUnitWords.placeUnits.map { Array($0.utf16) }
    let designationWords = PlaceAndUnitWords.designationWords.map { Array($0.utf16) }
    let patronages = PrefixTrie(words: PlaceAndUnitWords.patronages)
    let bodyHeads = WordsEnding(PlaceAndUnitWords.bodyHeads)
    let stateWords = PlaceAndUnitWords.stateWords.map { Array($0.utf16) }
    let placePrefixes = PlaceAndUnitWords.placePrefixes.map { Array($0.utf16) }
    let placeParts = PlaceAndUnitWords.placeParts.map { Array($0.utf16) }
    let unitPositions = PlaceAndUnitWords.unitPositions.map { Array($0.utf16) }
    let missionHeads = PrefixTrie(words: OfficeWords.missionHeads)
    let nameCompounds = PrefixTrie(words: OfficeWords.compounds)

    /// Compiles the gazetteers; a later gazetteer's form wins over an earlier one's. With
    /// `thaiNERSpans`, spans follow ThaiNER 1.5 where it differs from the guidelines: a province
    /// after a provincial officer keeps จังหวัด (ผู้ว่าราชการ[จังหวัดลำปาง]), a district after นาย
    /// keeps อำเภอ, and a ministry is not extended by ของ/แห่ง and a country
    /// (กระทรวงเกษตร ของ[ฝรั่งเศส]).
    public init(gazetteers: [Gazetteer], thaiNERSpans: Bool = false) {
        followsThaiNERSpans = thaiNERSpans
        var entries: [GazetteerEntry] = []
        var patterns: [Pattern] = []
        // Keyed by UTF-16 code units: hashing a String normalises it, which is slow for Thai.
        var roleIndex: [[UInt16]: Int] = [:]
        var keyRoles: [KeyRoles] = []
        func roles(_ key: [UInt16], _ change: (inout KeyRoles) -> Void) {
            let index = roleIndex[key] ?? keyRoles.count
            if index == keyRoles.count {
                roleIndex[key] = index
                keyRoles.append(KeyRoles())
            }
            change(&keyRoles[index])
        }
        func add(_ surface: String, _ entry: Int32, _ form: Pattern.Form) {
            guard !surface.isEmpty else { return }
            roles(Array(surface.utf16)) { $0.pattern = Int32(patterns.count) }
            patterns.append(Pattern(entry: entry, form: form))
        }
        for gazetteer in gazetteers {
            for entry in gazetteer.entries {
                let index = Int32(entries.count)
                entries.append(entry)
                add(entry.canonical, index, .name)
                entry.aliases.forEach { add($0, index, .name) }
                entry.english.map { add($0, index, .name) }
                entry.abbreviations.forEach { add($0, index, .abbreviation) }
                // A person's short form is the name the press uses alone (ทักษิณ, ทรัมป์); any
                // other entry's is its form after a minister's title (รมว.อุตสาหกรรม).
                entry.shortForms.forEach { add($0, index, entry.type == .person ? .name : .ministerShortForm) }
                // A ministry's name without กระทรวง is always a short form (รมว.เกษตรและสหกรณ์).
                if entry.type == .ministry, entry.canonical.hasPrefix("กระทรวง") {
                    add(String(entry.canonical.dropFirst(7)), index, .ministerShortForm)
                }
            }
        }
        let people = PersonLexicon.bundled
        for (title, strength) in people.titleStrengths { roles(Array(title.utf16)) { $0.title = strength } }
        Vocabulary.organizationHeads.forEach { roles(Array($0.utf16)) { $0.isOrganizationHead = true } }
        Vocabulary.districtHeads.forEach { roles(Array($0.utf16)) { $0.isDistrictHead = true } }
        Vocabulary.shortRoles.forEach { roles(Array($0.utf16)) { $0.isShortRole = true } }
        PlaceAndUnitWords.placeHeads.forEach { roles(Array($0.utf16)) { $0.isPlaceHead = true } }
        PlaceAndUnitWords.unitHeads.forEach { roles(Array($0.utf16)) { $0.isUnitHead = true } }
        roles(Self.ministryHead) { $0.ruleHead = .ministry }
        roles(Self.companyHead) { $0.ruleHead = .company }
        roles(Self.facultyHead) { $0.ruleHead = .faculty }
        OfficeWords.missionHeads.forEach { roles(Array($0.utf16)) { $0.ruleHead = .mission } }
        self.entries = entries
        self.entryTypes = entries.map(\.type)
        self.isCountry = entries.map { $0.id.hasPrefix("loc.country.") }
        self.patterns = patterns
        self.keyRoles = keyRoles
        self.lexicon = PrefixTrie(utf16Keys: roleIndex.map { (key: $0.key, payload: Int32($0.value)) })
        self.people = people
        self.organizationHeads = PrefixTrie(words: Vocabulary.organizationHeads)
    }

    /// The number of gazetteer entries loaded.
    public var entryCount: Int { entries.count }

    /// Every mention in `text`, sorted, non-overlapping.
    public func mentions(in text: UTF16Text, tokens: [Token]) -> [EntityMention] {
        text.units.withUnsafeBufferPointer { units in
            RecognitionPass(recognizer: self, units: units, tokens: tokens).run()
        }
    }
}
