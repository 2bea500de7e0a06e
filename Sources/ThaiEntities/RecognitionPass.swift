import ThaiSegmentation

/// The recogniser's work on one document.
struct RecognitionPass {
    let recognizer: EntityRecognizer
    let units: UnsafeBufferPointer<UInt16>
    let tokens: [Token]
    private let tokenStarts: PositionSet

    /// A possible mention before overlaps are resolved. It refers to its gazetteer entry and
    /// acronym definition by index, and holds no strings, so that the many candidates of a
    /// document are cheap to copy and sort; `documentMentions` turns the kept ones into mentions.
    struct Candidate {
        var range: Range<Int>
        var type: EntityType
        /// The index of the gazetteer entry it links to, or -1.
        var entry: Int32 = -1
        /// For ACRONYM: where its expansion comes from.
        var expansion = Expansion.none
        /// For PERSON: where the given name is, to link later mentions of it.
        var givenName: Range<Int>?
        var hasFamilyName = false
    }

    /// Where an ACRONYM's expansion comes from.
    enum Expansion {
        case none
        /// The canonical name of the candidate's gazetteer entry.
        case entry
        /// The long form of the document's definition at this index (see `Definition`).
        case definition(Int)
    }

    init(recognizer: EntityRecognizer, units: UnsafeBufferPointer<UInt16>, tokens: [Token]) {
        self.recognizer = recognizer
        self.units = units
        self.tokens = tokens
        var tokenStarts = PositionSet(count: units.count)
        for token in tokens {
            tokenStarts.insert(token.utf16Offsets.lowerBound)
            // An administrative abbreviation ICU glued to the word before it starts a word (อ.ตากใบ|จ.นราธิวาส).
            for position in token.utf16Offsets.dropFirst() where recognizer.startsGluedAdministrativeAbbreviation(units, at: position) {
                tokenStarts.insert(position)
            }
        }
        self.tokenStarts = tokenStarts
    }

    func isTokenBoundary(_ position: Int) -> Bool {
        position >= units.count || tokenStarts.contains(position)
    }

    func run() -> [EntityMention] {
        var candidates: [Candidate] = []
        for (index, token) in tokens.enumerated() where token.kind != .whitespace {
            let range = token.utf16Offsets
            collectCandidates(at: range.lowerBound, tokenIndex: index, into: &candidates)
            // ICU keeps dotted abbreviations glued to the next word (รมว.สาธารณสุข, กสอ.และSMRJ): start
            // after each dot, at a glued administrative abbreviation (ใบ|จ.), and where the script
            // changes from Thai to Latin or back, too.
            var position = range.lowerBound + 1
            while position < range.upperBound {
                let unit = units[position], before = units[position - 1]
                // Most units are in the script of the one before, after no dot and not at a glued
                // administrative abbreviation: no test below holds.
                if before != 0x2E, CharacterClass.isThai(unit) == CharacterClass.isThai(before), !isTokenBoundary(position) {
                    position += 1
                    continue
                }
                if before == 0x2E && position < range.upperBound - 1 || isTokenBoundary(position)
                    || CharacterClass.isLatinLetter(unit) && CharacterClass.isThai(before)
                    || CharacterClass.isThai(unit) && CharacterClass.isLatinLetter(before) {
                    collectCandidates(at: position, tokenIndex: index, into: &candidates)
                }
                position += 1
            }
            // ผู้ว่าการรถไฟฟ้า...: the การ of ผู้ว่าการ (governor) also starts the body's name.
            if units[range.upperBound - 1] == 0x0E23, range.count >= Words.governorOf.count,
               matches(Words.governorOf, at: range.upperBound - Words.governorOf.count) {
                collectCandidates(at: range.upperBound - 3, tokenIndex: index, into: &candidates)
            }
            // ผู้อำนวยการกองกลาง: ICU cuts ผู้|อำนวย|การก|อง|กลาง; the unit's name starts after the position.
            if range.count > Words.ofAct.count, matches(Words.ofAct, at: range.lowerBound),
               followsUnitPosition(range.lowerBound + Words.ofAct.count) {
                collectCandidates(at: range.lowerBound + Words.ofAct.count, tokenIndex: index, into: &candidates)
            }
        }
        collectGluedAbbreviations(into: &candidates)
        // The page-title prefix is page furniture: nothing in it is marked.
        let furniture = pageFurnitureEnd()
        if furniture > 0 { candidates.removeAll { $0.range.lowerBound < furniture } }
        var mentions = documentMentions(adding: resolve(candidates, occupied: nil))
        if furniture > 0 { mentions.removeAll { $0.utf16Range.lowerBound < furniture } }
        for index in mentions.indices where mentions[index].type == .person {
            // A name shortened with ฯ keeps it (GUIDELINES, convention 9): พล.อ.ประวิตรฯ, นายเทวัญ ฯ.
            let end = mentions[index].utf16Range.upperBound
            let mark = end < units.count && units[end] == 0x20 ? end + 1 : end
            if mark < units.count, units[mark] == 0x0E2F, mark + 1 == units.count || units[mark + 1] != 0x0E25,
               index + 1 == mentions.count || mentions[index + 1].utf16Range.lowerBound > mark {
                mentions[index].utf16Range = mentions[index].utf16Range.lowerBound..<(mark + 1)
            }
        }
        mentions = extendingPlaces(joiningOrganizationParts(mentions))
        for index in mentions.indices where mentions[index].type == .location && !recognizer.followsThaiNERSpans {
            let range = mentions[index].utf16Range
            // In a governor's title จังหวัด belongs to the title: ผู้ว่าราชการจังหวัด[ลำปาง] (GUIDELINES,
            // LOCATION); so in a provincial officer's.
            if range.count > Words.province.count, matches(Words.province, at: range.lowerBound),
               followsProvincialOfficer(range.lowerBound) {
                mentions[index].utf16Range = (range.lowerBound + Words.province.count)..<range.upperBound
            }
            // And in a district chief's, อำเภอ: นายอำเภอ[แม่ริม].
            if range.count > Words.district.count, matches(Words.district, at: range.lowerBound),
               matches(Words.mister, at: range.lowerBound - Words.mister.count) {
                mentions[index].utf16Range = (range.lowerBound + Words.district.count)..<range.upperBound
            }
        }
        mentions = joiningAreaOffices(mentions)
        return recognizer.followsThaiNERSpans ? mentions : droppingClassNames(splittingMinistryAcronyms(mentions))
    }

    /// Whether a provincial officer's title, standing as a word of its own (or after รอง), ends at
    /// `position`: ผู้ว่าราชการ, ศึกษาธิการ, พาณิชย์ ... (not ภาคอุตสาหกรรม).
    func followsProvincialOfficer(_ position: Int) -> Bool {
        for title in recognizer.provincialOfficers where matches(title, at: position - title.count) {
            let start = position - title.count
            if start == 0 || !CharacterClass.isThai(units[start - 1]) || matches(Words.deputy, at: start - Words.deputy.count)
                || title == Words.governor {
                return true
            }
        }
        return false
    }

    // MARK: Candidates at one position

    /// A title found in the lexicon: where it ends, and whether it is strong (see `PersonLexicon`).
    typealias TitleMatch = (end: Int, strong: Bool)

    /// What the lexicon holds at one position: the longest acceptable gazetteer form, and the
    /// longest title, organisation head word and district head word.
    struct LexiconHits {
        /// The longest acceptable gazetteer form: its end and its index in `patterns`.
        var gazetteer: (end: Int, pattern: Int)?
        var title: TitleMatch?
        var organizationHeadEnd: Int?
        var districtHeadEnd: Int?
        var shortRoleEnd: Int?
        var placeHeadEnd: Int?
        var unitHeadEnd: Int?
        var ruleHead: EntityRecognizer.RuleHead?
    }

    func collectCandidates(at start: Int, tokenIndex: Int, into candidates: inout [Candidate]) {
        let hits = lexiconHits(at: start)
        if let form = hits.gazetteer { candidates.append(gazetteerCandidate(start..<form.end, pattern: form.pattern)) }
        if let title = hits.title, let person = titledPerson(at: start, title: title) { candidates.append(person) }
        if let person = untitledPerson(at: start) { candidates.append(person) }
        if units[start] &- 0x41 < 26, let english = englishOrganization(at: start) { candidates.append(english) }
        switch hits.ruleHead {
        case .ministry?:
            if !recognizer.followsThaiNERSpans, let ministry = foreignMinistry(at: start) { candidates.append(ministry) }
        case .company?: if let company = company(at: start) { candidates.append(company) }
        case .faculty?: if let faculty = faculty(at: start) { candidates.append(faculty) }
        case .mission?: if let mission = diplomaticMission(at: start) { candidates.append(mission) }
        case nil: break
        }
        // A name the gazetteer knows is not extended by the head-word rule (องค์การอนามัยโลกกังวล...).
        if hits.gazetteer == nil, let headEnd = hits.placeHeadEnd, let place = headedPlace(at: start, headEnd: headEnd, tokenIndex: tokenIndex) {
            candidates.append(place)
        }
        if hits.gazetteer == nil, let headEnd = hits.unitHeadEnd, hits.organizationHeadEnd.map({ $0 < headEnd }) ?? true,
           let unit = anchoredUnit(at: start, headEnd: headEnd, tokenIndex: tokenIndex) {
            candidates.append(unit)
        }
        // A place head longer than the organisation head it starts with makes a site (ศูนย์ประชุม...).
        if hits.gazetteer == nil, let headEnd = hits.organizationHeadEnd, hits.placeHeadEnd.map({ $0 <= headEnd }) ?? true,
           let organization = headedOrganization(at: start, headEnd: headEnd, tokenIndex: tokenIndex) {
            candidates.append(organization)
        }
        if let headEnd = hits.districtHeadEnd, let district = district(at: start, headEnd: headEnd) {
            candidates.append(district)
        }
        if let roleEnd = hits.shortRoleEnd, let person = nameAfterShortRole(roleEnd) { candidates.append(person) }
    }

    /// A known given name right after a short role, glued or after one space, with ฯ or a family
    /// name after it when written: ปลัดสรนิต, รองปลัดฯ ภานุวัฒน์, รมช.สาธิต ปิตุเตชะ. The role is no
    /// part of the PERSON.
    func nameAfterShortRole(_ roleEnd: Int) -> Candidate? {
        let nameStart = skipSpaces(roleEnd, limit: 1)
        guard nameStart < units.count, CharacterClass.startsThaiWord(units[nameStart]),
              recognizer.lexicon.longestMatch(in: units, at: nameStart) == nil || isTokenBoundary(nameStart) else { return nil }
        // The longest known given name from here that ends the run, or is followed by ฯ or by a verb
        // glued to it (ปลัดสรนิตนำทีม...).
        let limit = thaiRunEnd(nameStart)
        var givenEnd: Int?
        recognizer.people.givenNames.forEachMatch(in: units, at: nameStart) { end, _ in
            if end <= limit, end - nameStart >= 3, end == limit || units[end] == 0x0E2F || startsWithNonName(end) { givenEnd = end }
        }
        guard let end = givenEnd, longestGazetteerForm(at: nameStart).map({ $0.end < end }) ?? true else { return nil }
        let marked = end < units.count && units[end] == 0x0E2F && (end + 1 == units.count || units[end + 1] != 0x0E25)
        let given = nameStart..<end
        let runEnd = marked ? end + 1 : end
        var candidate = Candidate(range: nameStart..<runEnd, type: .person, givenName: given)
        if !marked, let familyEnd = familyName(after: runEnd, knownGiven: true),
           recognizer.people.familyNames.payload(exactly: skipSpaces(runEnd, limit: 2)..<familyEnd, in: units) != nil {
            candidate.range = nameStart..<familyEnd
            candidate.hasFamilyName = true
        }
        return candidate
    }

    /// Dotted abbreviations that ICU glued to the word before them (ของกกต. → ขอ|งกกต.): for
    /// every dot after a Thai consonant, the gazetteer abbreviations of three letters or more that
    /// start inside the token before it and reach the dot. (Shorter ones are word endings too:
    /// ทร. in โทร.)
    func collectGluedAbbreviations(into candidates: inout [Candidate]) {
        var dot = nextOffset(of: 0x2E, from: 3)
        while dot < units.count {
            defer { dot = nextOffset(of: 0x2E, from: dot + 1) }
            guard CharacterClass.isThaiConsonant(units[dot - 1]) else { continue }
            for start in stride(from: max(1, dot - 8), through: dot - 3, by: 1) where !isTokenBoundary(start) && CharacterClass.isThaiConsonant(units[start])
                && CharacterClass.isThai(units[start - 1]) && units[start - 1] != 0x2E
                && !CharacterClass.isThaiLeadingVowel(units[start - 1]) {
                var found: (end: Int, pattern: Int)?
                recognizer.lexicon.forEachMatch(in: units, at: start) { end, payload in
                    let pattern = Int(recognizer.keyRoles[Int(payload)].pattern)
                    guard end > dot, pattern >= 0, recognizer.patterns[pattern].form == .abbreviation,
                          accepts(start..<end, pattern: recognizer.patterns[pattern]) else { return }
                    found = (end, pattern)
                }
                if let found { candidates.append(gazetteerCandidate(start..<found.end, pattern: found.pattern)) }
            }
        }
    }

    /// One walk of the lexicon at `start`.
    func lexiconHits(at start: Int) -> LexiconHits {
        var hits = LexiconHits()
        guard recognizer.lexicon.mayStartKey(in: units, at: start) else { return hits }
        recognizer.lexicon.forEachMatch(in: units, at: start) { end, payload in
            let roles = recognizer.keyRoles[Int(payload)]
            if roles.title >= 0 { hits.title = (end, roles.title == 1) }
            if roles.isOrganizationHead { hits.organizationHeadEnd = end }
            if roles.isDistrictHead { hits.districtHeadEnd = end }
            if roles.isShortRole { hits.shortRoleEnd = end }
            if roles.isPlaceHead { hits.placeHeadEnd = end }
            if roles.isUnitHead { hits.unitHeadEnd = end }
            if let head = roles.ruleHead { hits.ruleHead = head }
            if roles.pattern >= 0, accepts(start..<end, pattern: recognizer.patterns[Int(roles.pattern)]) {
                hits.gazetteer = (end, Int(roles.pattern))
            }
        }
        return hits
    }

    /// Whether the boundaries and the context accept a gazetteer form at `range`.
    func accepts(_ range: Range<Int>, pattern: EntityRecognizer.Pattern) -> Bool {
        guard acceptsBoundaries(range) else { return false }
        switch pattern.form {
        case .name:
            guard recognizer.entryTypes[Int(pattern.entry)] == .location else { return true }
            return !followsNationalityWord(range.lowerBound) && recognizer.ambiguousPlaces.payload(exactly: range, in: units) == nil
                && !isGluedCountryModifier(range, entry: pattern.entry)
        case .abbreviation:
            // ตร. inside ตร.ม. (square metres): a dotted form goes on with another letter and dot.
            if units[range.upperBound - 1] == 0x2E, range.upperBound + 1 < units.count,
               CharacterClass.isThaiConsonant(units[range.upperBound]), units[range.upperBound + 1] == 0x2E {
                return false
            }
            return !looksLikeDatePart(range)
        case .ministerShortForm:
            return followsMinisterTitle(range.lowerBound)
        }
    }

    /// The candidate for an accepted gazetteer form.
    func gazetteerCandidate(_ range: Range<Int>, pattern index: Int) -> Candidate {
        let pattern = recognizer.patterns[index]
        let type = recognizer.entryTypes[Int(pattern.entry)]
        switch pattern.form {
        case .name:
            var candidate = Candidate(range: range, type: type, entry: pattern.entry)
            if type == .person {
                candidate.givenName = range.lowerBound..<min(range.upperBound, thaiRunEnd(range.lowerBound))
                candidate.hasFamilyName = true
                if let titleStart = titleEnding(at: range.lowerBound) { candidate.range = titleStart..<range.upperBound }
            }
            return candidate
        case .abbreviation:
            return Candidate(range: range, type: .acronym, entry: pattern.entry, expansion: .entry)
        case .ministerShortForm:
            return Candidate(range: range, type: type, entry: pattern.entry)
        }
    }

    /// The longest gazetteer form (of any type) at `start`, ignoring context.
    func longestGazetteerForm(at start: Int) -> (end: Int, type: EntityType)? {
        var found: (end: Int, type: EntityType)?
        recognizer.lexicon.forEachMatch(in: units, at: start) { end, payload in
            let pattern = recognizer.keyRoles[Int(payload)].pattern
            if pattern >= 0 { found = (end, recognizer.entryTypes[Int(recognizer.patterns[Int(pattern)].entry)]) }
        }
        return found
    }

    /// A match must not cut a syllable or a Latin word, and a short Thai form must end where ICU
    /// ends a word (so ไทย does not match inside ไทยรัฐ).
    func acceptsBoundaries(_ range: Range<Int>) -> Bool {
        let first = units[range.lowerBound]
        let last = units[range.upperBound - 1]
        if CharacterClass.isLatinLetter(first) || CharacterClass.isDigit(first), range.lowerBound > 0 {
            let before = units[range.lowerBound - 1]
            if CharacterClass.isLatinLetter(before) || CharacterClass.isDigit(before) { return false }
        }
        guard range.upperBound < units.count else { return true }
        let next = units[range.upperBound]
        if CharacterClass.isThaiCombining(next) { return false }
        if CharacterClass.isLatinLetter(last) || CharacterClass.isDigit(last) {
            return !(CharacterClass.isLatinLetter(next) || CharacterClass.isDigit(next))
        }
        if CharacterClass.isThai(last), CharacterClass.isThai(next), range.count < 6 {
            return isTokenBoundary(range.upperBound)
        }
        return true
    }

    // MARK: People

    /// Title (นาย, พล.อ., ดร., Mr. ...; several in a row) + given name [+ family name].
    func titledPerson(at start: Int, title first: TitleMatch) -> Candidate? {
        // A title does not start right after a dot: ศ. inside ก.ค.ศ. is not a professor.
        if start > 0, units[start - 1] == 0x2E { return nil }
        var title = first
        var position = start
        var titleEnd = -1
        var strong = false
        var dotted = false
        for _ in 0..<3 {
            // A one-letter abbreviation (ศ.) is too ambiguous to stand for a title on its own.
            strong = strong || (title.strong && title.end - position > 2)
            dotted = units[title.end - 1] == 0x2E
            titleEnd = title.end
            position = skipSpaces(title.end, limit: 2)
            guard let next = recognizer.people.titles.longestMatch(in: units, at: position) else { break }
            title = (next.end, next.payload == 1)
        }
        let nameStart = skipSpaces(titleEnd, limit: 2)
        guard nameStart < units.count else { return nil }
        let first = units[nameStart]
        if CharacterClass.isLatinLetter(first) {
            guard let end = latinName(at: nameStart) else { return nil }
            return Candidate(range: start..<end, type: .person, givenName: nameStart..<latinWordEnd(nameStart))
        }
        guard CharacterClass.startsThaiWord(first) else { return nil }
        let givenEnd = givenNameEnd(nameStart)
        guard givenEnd - nameStart >= 2, !isNotAName(nameStart..<givenEnd) else { return nil }
        let knownGiven = recognizer.people.givenNames.payload(exactly: nameStart..<trimmedName(nameStart..<givenEnd), in: units) != nil
        if !strong && !knownGiven { return nil }
        if !dotted, nameStart == titleEnd, !isTokenBoundary(titleEnd), !knownGiven { return nil }
        var candidate = Candidate(range: start..<givenEnd, type: .person, givenName: nameStart..<trimmedName(nameStart..<givenEnd))
        // A given name shortened with ฯ stands for the whole name (พลเอกประวิตรฯ มอบหมาย): no family name follows.
        if units[givenEnd - 1] != 0x0E2F, let familyEnd = familyName(after: givenEnd, knownGiven: knownGiven) {
            candidate.range = start..<familyEnd
            candidate.hasFamilyName = true
        }
        return candidate
    }

    /// Known given name + space + known family name, with no title (ธวัชชัย ไทยเขียว).
    func untitledPerson(at start: Int) -> Candidate? {
        guard CharacterClass.isThai(units[start]), start == 0 || !CharacterClass.isThai(units[start - 1]) else { return nil }
        // Most runs after a space are phrases longer than any given name: give up on those
        // before touching the name lists.
        let longest = recognizer.people.longestGivenName
        var givenEnd = start
        while givenEnd < units.count, givenEnd - start <= longest, isNameUnit(units[givenEnd]) { givenEnd += 1 }
        guard givenEnd - start <= longest else { return nil }
        let familyStart = skipSpaces(givenEnd, limit: 2)
        guard familyStart > givenEnd, familyStart < units.count, isNameUnit(units[familyStart]),
              recognizer.people.givenNames.payload(exactly: start..<givenEnd, in: units) != nil else { return nil }
        let familyEnd = thaiRunEnd(familyStart)
        guard recognizer.people.familyNames.payload(exactly: familyStart..<familyEnd, in: units) != nil else { return nil }
        return Candidate(range: start..<familyEnd, type: .person, givenName: start..<givenEnd, hasFamilyName: true)
    }

    /// The end of a family name after a given name, if one follows.
    func familyName(after givenEnd: Int, knownGiven: Bool) -> Int? {
        let familyStart = skipSpaces(givenEnd, limit: 2)
        guard familyStart > givenEnd, familyStart < units.count else { return nil }
        let first = units[familyStart]
        guard CharacterClass.startsThaiWord(first) else { return nil }
        let familyEnd = givenNameEnd(familyStart)
        guard familyEnd - familyStart >= 2 else { return nil }
        // A word with a dot glued after it is an abbreviation (ดร.สุวิทย์ รมว.อว.), not a family name.
        if familyEnd < units.count, units[familyEnd] == 0x2E { return nil }
        if recognizer.people.familyNames.payload(exactly: familyStart..<familyEnd, in: units) == nil {
            // Unknown family name: accept unless the next word is a verb, a position or a function word.
            if startsWithNonName(familyStart) { return nil }
            if recognizer.people.titles.longestMatch(in: units, at: familyStart) != nil { return nil }
            if longestGazetteerForm(at: familyStart) != nil { return nil }
        }
        // Royal-lineage family names go on with ณ and a place: อิศรางกูร ณ อยุธยา.
        let lineage = skipSpaces(familyEnd, limit: 1)
        if lineage > familyEnd, matches(Words.lineageMark, at: lineage), lineage + 1 < units.count, CharacterClass.isSpace(units[lineage + 1]) {
            let placeStart = skipSpaces(lineage + 1, limit: 1)
            let placeEnd = thaiRunEnd(placeStart)
            if placeEnd - placeStart >= 3, !startsWithNonName(placeStart) { return placeEnd }
        }
        return familyEnd
    }

    /// The end of a given name: the Thai run, cut before a verb or function word glued to it
    /// (นายเนวินกล่าวว่า → นายเนวิน), where ICU cuts a word.
    func givenNameEnd(_ start: Int) -> Int {
        let runEnd = thaiRunEnd(start)
        var position = start + 2
        while position < runEnd {
            if isTokenBoundary(position), startsWithNonName(position) { return position }
            position += 1
        }
        return runEnd
    }

    /// Title words glued to a noun (นายก, นายอำเภอ, นางพยาบาล, คุณภาพ).
    func isNotAName(_ run: Range<Int>) -> Bool {
        if recognizer.notNameRuns.payload(exactly: run, in: units) != nil { return true }
        guard let match = recognizer.notNameStarts.longestMatch(in: units, at: run.lowerBound) else { return false }
        return match.end == run.upperBound || isTokenBoundary(match.end)
    }

    func startsWithNonName(_ position: Int) -> Bool {
        guard let match = recognizer.notFamilyWords.longestMatch(in: units, at: position) else { return false }
        return isTokenBoundary(match.end) || !CharacterClass.isThai(units[match.end])
    }

    /// A strong title that ends at `position` (directly or before one space), for gazetteer names.
    func titleEnding(at position: Int) -> Int? {
        recognizer.people.titleStart(endingAt: position, in: units, strongOnly: true)
    }

    /// One to four capitalised Latin words: Hiroshi Takada, Shinzo Abe.
    func latinName(at start: Int) -> Int? {
        var end = start
        var words = 0
        var position = start
        while words < 4, position < units.count, units[position] &- 0x41 < 26 {
            let wordEnd = latinWordEnd(position)
            guard wordEnd - position >= 2 else { break }
            end = wordEnd
            words += 1
            guard wordEnd + 1 < units.count, units[wordEnd] == 0x20 else { break }
            position = wordEnd + 1
        }
        return words > 0 ? end : nil
    }

    func latinWordEnd(_ start: Int) -> Int {
        var end = start
        while end < units.count, CharacterClass.isLatinLetter(units[end]) || units[end] == 0x2D || units[end] == 0x27 {
            end += 1
        }
        return end
    }

    /// The end of a run of Thai letters (a name in Thai is written without inner spaces); a
    /// closing ฯ (the abbreviation mark) belongs to the run.
    func thaiRunEnd(_ start: Int) -> Int {
        var end = start
        while end < units.count, isNameUnit(units[end]) { end += 1 }
        if end < units.count, units[end] == 0x0E2F { end += 1 }
        return end
    }

    /// A Thai letter, vowel or tone mark: not a digit, ฯ or ๆ.
    func isNameUnit(_ unit: UInt16) -> Bool {
        CharacterClass.isThai(unit) && !CharacterClass.isDigit(unit) && unit != 0x0E2F && unit != 0x0E46
    }

    func trimmedName(_ run: Range<Int>) -> Int {
        run.upperBound > run.lowerBound && units[run.upperBound - 1] == 0x0E2F ? run.upperBound - 1 : run.upperBound
    }

    // MARK: Organisations

    /// กระทรวง ... ของ/แห่ง <country>: a foreign ministry (กระทรวงเศรษฐกิจ การค้าและอุตสาหกรรมของญี่ปุ่น).
    func foreignMinistry(at start: Int) -> Candidate? {
        var position = start + EntityRecognizer.ministryHead.count
        var spaces = 0
        let limit = min(units.count, start + 90)
        while position < limit {
            let unit = units[position]
            if unit == 0x0A || unit == 0x0D || CharacterClass.isPunctuation(unit) { return nil }
            if CharacterClass.isSpace(unit) {
                spaces += 1
                if spaces > 2 { return nil }
            }
            for linker in Words.countryLinkers where matches(linker, at: position) {
                let placeStart = skipSpaces(position + linker.count, limit: 1)
                if let place = longestGazetteerForm(at: placeStart), place.type == .location,
                   acceptsBoundaries(placeStart..<place.end), isForeignPlace(placeStart..<place.end) {
                    return Candidate(range: start..<place.end, type: .ministry)
                }
            }
            position += 1
        }
        return nil
    }

    /// Whether the gazetteer place at `range` is outside Thailand: a ministry ...ของจ.กำแพงเพชร or
    /// ...แห่งประเทศไทย is a Thai ministry followed by other words, not a foreign ministry.
    func isForeignPlace(_ range: Range<Int>) -> Bool {
        guard let id = gazetteerEntryID(exactly: range) else { return false }
        return !id.hasPrefix("loc.th.") && id != "loc.country.th"
    }

    /// The id of the gazetteer entry whose form is exactly `range`, or nil.
    func gazetteerEntryID(exactly range: Range<Int>) -> String? {
        guard let payload = recognizer.lexicon.payload(exactly: range, in: units) else { return nil }
        let pattern = recognizer.keyRoles[Int(payload)].pattern
        return pattern >= 0 ? recognizer.entries[Int(recognizer.patterns[Int(pattern)].entry)].id : nil
    }

    /// บริษัท ... จำกัด [(มหาชน)].
    func company(at start: Int) -> Candidate? {
        let limit = min(units.count, start + 120)
        var position = start + EntityRecognizer.companyHead.count
        while position < limit {
            let unit = units[position]
            if unit == 0x0A || unit == 0x0D { return nil }
            if matches(EntityRecognizer.companyHead, at: position) { return nil }
            if matches(Words.limited, at: position) {
                var end = position + 5
                let bracket = skipSpaces(end, limit: 1)
                if matches(Words.publicCompany, at: bracket) { end = bracket + 7 }
                return Candidate(range: start..<end, type: .organization)
            }
            position += 1
        }
        return nil
    }

    /// คณะ + a discipline in ศาสตร์, glued (คณะวิทยาศาสตร์ประยุกต์และวิศวกรรมศาสตร์): a faculty.
    /// Other คณะ (a delegation, a working group) are not organisations by themselves.
    func faculty(at start: Int) -> Candidate? {
        let runEnd = thaiRunEnd(start)
        var end = -1
        var position = start + EntityRecognizer.facultyHead.count
        while position + Words.science.count <= runEnd {
            if matches(Words.science, at: position) { end = position + Words.science.count }
            position += 1
        }
        return end > 0 ? Candidate(range: start..<end, type: .organization) : nil
    }

    /// A head word (กรม, สำนักงาน, มหาวิทยาลัย ...) and the words of the name glued to it, up to
    /// a space, punctuation or a word that cannot be part of a name.
    func headedOrganization(at start: Int, headEnd: Int, tokenIndex: Int) -> Candidate? {
        // A head alone, then a Latin name after a space: สายการบิน Lufthansa, ศูนย์ EOC.
        if let latinEnd = latinNameAfterHead(headEnd) { return Candidate(range: start..<latinEnd, type: .organization) }
        guard headEnd < units.count, CharacterClass.isThai(units[headEnd]), isTokenBoundary(headEnd)
                || CharacterClass.isThaiConsonant(units[headEnd]) else { return nil }
        var end = headEnd
        var index = tokenIndex + 1
        while index < tokens.count, tokens[index].utf16Offsets.lowerBound < end { index += 1 }
        var words = 0
        while index < tokens.count {
            let token = tokens[index]
            let range = token.utf16Offsets
            guard range.lowerBound == end, token.kind == .thaiWord || token.kind == .latinWord,
                  !units[range].contains(0x2E) else { break }  // พ.ศ. in ธนาคารพ.ศ.2562 is no part of the name
            if isNameStop(range) {
                // เพื่อ right after the head opens the name when a noun made with การ, ความ or ผู้ follows,
                // glued (ธนาคารเพื่อการเกษตร..., มูลนิธิเพื่อผู้บริโภค; not ศูนย์เพื่อประสาน..., a purpose).
                if words == 0, range.lowerBound == headEnd, matches(Words.forThe, at: range.lowerBound),
                   range.count == Words.forThe.count, index + 1 < tokens.count,
                   tokens[index + 1].utf16Offsets.lowerBound == range.upperBound,
                   Words.nounMakers.contains(where: { matches($0, at: range.upperBound) }) {
                    end = range.upperBound
                    index += 1
                    continue
                }
                // และ glued between two words of one name goes on (สำนักงานนวัตกรรมและความร่วมมือ,
                // สำนักป้องกันรักษาป่าและควบคุมไฟป่า) when a word no rule stops at follows, glued too.
                guard words > 0, matches(Words.and, at: range.lowerBound), range.count == Words.and.count,
                      index + 1 < tokens.count, tokens[index + 1].utf16Offsets.lowerBound == range.upperBound,
                      tokens[index + 1].kind == .thaiWord else { break }
                let next = tokens[index + 1].utf16Offsets
                if isNameStop(next)
                    || recognizer.organizationHeads.longestMatch(in: units, at: next.lowerBound) != nil
                    || matches(EntityRecognizer.ministryHead, at: next.lowerBound)
                    || recognizer.people.titles.longestMatch(in: units, at: next.lowerBound) != nil
                    || longestGazetteerForm(at: next.lowerBound) != nil {
                    break
                }
                end = range.upperBound
                index += 1
                continue
            }
            if recognizer.organizationHeads.longestMatch(in: units, at: range.lowerBound) != nil
                || matches(EntityRecognizer.ministryHead, at: range.lowerBound)
                || recognizer.people.titles.longestMatch(in: units, at: range.lowerBound).map({ $0.end == range.upperBound }) == true {
                break
            }
            end = range.upperBound
            words += 1
            index += 1
        }
        // A kind of body (สถาบันการเงิน), with more words or not, is not one body (สถาบันการเงินประชาชน),
        // unless the kind ends with a place unit and the place follows (โรงพยาบาลส่งเสริมสุขภาพตำบล|ถ้ำลอด:
        // the office of that place, convention 4); nor is a head word with a word of size or kind
        // after it (โรงเรียนขนาดใหญ่).
        guard words > 0, end - headEnd >= 2, !startsWithDescriptiveWord(headEnd, afterBodyHead: true),
              recognizer.genericOrganizations.longestMatch(in: units, at: start).map({ $0.end > end || !isTokenBoundary($0.end) && $0.end < end
                  || $0.end < end && EntityTagger.endsWithPlaceUnit(start..<$0.end, units) }) ?? true
        else { return nil }
        // สำนักงานอุตสาหกรรมจังหวัด with no province after it is every such office: no one body.
        if end >= Words.province.count, matches(Words.province, at: end - Words.province.count) { return nil }
        return Candidate(range: start..<end, type: .organization)
    }

    /// อำเภอเมือง, อ.แม่สาย, ตำบลบางจัก, เขตจตุจักร: a district head and the name glued to it
    /// (or after one space), up to a space or punctuation.
    func district(at start: Int, headEnd: Int) -> Candidate? {
        guard start == 0 || !CharacterClass.isThai(units[start - 1]) || isTokenBoundary(start) else { return nil }
        let dotted = units[headEnd - 1] == 0x2E
        let nameStart = dotted ? skipSpaces(headEnd, limit: 1) : headEnd
        guard nameStart < units.count, CharacterClass.startsThaiWord(units[nameStart]) else {
            return nil
        }
        if !dotted, !isTokenBoundary(headEnd) { return nil }
        var end = givenNameEnd(nameStart)
        // An administrative abbreviation glued to the name starts the next place (อ.ท่าตะโก|จ.นครสวรรค์).
        if let next = ((nameStart + 2)..<max(nameStart + 2, end)).first(where: { recognizer.startsGluedAdministrativeAbbreviation(units, at: $0) }) {
            end = next
        }
        // ThaiNER marks each place of a glued address apart: อ.เมือง|ชัยภูมิ, ต.คลองหนึ่ง|อ.คลองหลวง.
        if recognizer.followsThaiNERSpans { end = placeNameEnd(nameStart, end) }
        guard end - nameStart >= 3, !startsWithNonName(nameStart) else { return nil }
        return Candidate(range: start..<end, type: .location)
    }

    /// Where a district's name glued to the next place ends: before a district head, the next part
    /// of an address (`AddressParts`: คลองตัน|กทม), a glued administrative abbreviation (ตากใบ|จ.) or
    /// a Thai province or district the gazetteer knows
    /// that starts at a word edge inside the run and reaches its end (the run is `start..<end`).
    /// The provincial capital's district keeps its province: อ.เมืองขอนแก่น is one name (ThaiNER
    /// train marks 15 such whole, 7 apart).
    func placeNameEnd(_ start: Int, _ end: Int) -> Int {
        let capital = matches(Words.capitalDistrict, at: start) ? start + Words.capitalDistrict.count : nil
        for position in (start + 2)..<max(start + 2, end) where isTokenBoundary(position) {
            var startsDistrict = false
            recognizer.lexicon.forEachMatch(in: units, at: position) { keyEnd, payload in
                if recognizer.keyRoles[Int(payload)].isDistrictHead, keyEnd < end { startsDistrict = true }
            }
            if startsDistrict || startsAddressPart(position) || recognizer.startsGluedAdministrativeAbbreviation(units, at: position) {
                return position
            }
            if position != capital, gazetteerEntryID(exactly: position..<end)?.hasPrefix("loc.th.") == true { return position }
        }
        return end
    }

    // MARK: Context tests

    /// ก.พ. after a day number or before a year is a month, not the commission.
    func looksLikeDatePart(_ range: Range<Int>) -> Bool {
        guard recognizer.monthAbbreviations.payload(exactly: range, in: units) != nil else { return false }
        var before = range.lowerBound
        while before > 0, CharacterClass.isSpace(units[before - 1]) { before -= 1 }
        if before > 0, CharacterClass.isDigit(units[before - 1]) { return true }
        if before >= 5, matches(Words.month, at: before - 5) { return true }
        let after = skipSpaces(range.upperBound, limit: 2)
        return after < units.count && CharacterClass.isDigit(units[after])
    }

    func followsNationalityWord(_ start: Int) -> Bool {
        guard start > 0, let words = recognizer.nationalityWordsByLastUnit[units[start - 1]] else { return false }
        return words.contains { word in start >= word.count && matches(word, at: start - word.count) }
    }

    func followsMinisterTitle(_ start: Int) -> Bool {
        var position = start
        while position > 0, CharacterClass.isSpace(units[position - 1]) { position -= 1 }
        return recognizer.ministerTitles.contains { title in
            position >= title.count && matches(title, at: position - title.count)
        }
    }

    // MARK: Helpers

    func matches(_ word: [UInt16], at position: Int) -> Bool { units.hasWord(word, at: position) }

    /// The offset of the first `unit` at or after `position`, or `units.count`: a tight loop over
    /// a local copy of the buffer, for the whole-text scans.
    func nextOffset(of unit: UInt16, from position: Int) -> Int {
        let units = units
        var index = position
        while index < units.count, units[index] != unit { index += 1 }
        return index
    }

    func skipSpaces(_ position: Int, limit: Int = .max) -> Int {
        var index = position
        while index < units.count, index - position < limit, CharacterClass.isSpace(units[index]) { index += 1 }
        return index
    }

    func string(_ range: Range<Int>) -> String {
        UTF16Text.string(from: UnsafeBufferPointer(rebasing: units[range]))
    }

    // MARK: Resolution

    /// Longest first, then type priority, then leftmost; a candidate is kept when it overlaps
    /// nothing kept before it.
    func resolve(_ candidates: [Candidate], occupied: [Candidate]?) -> [Candidate] {
        guard !candidates.isEmpty else { return occupied ?? [] }
        var taken = PositionSet(count: units.count)
        var kept = occupied ?? []
        for candidate in kept { taken.insert(candidate.range) }
        // Sort keys apart from the candidates, which are costly to copy.
        let order = candidates.indices.map { (length: candidates[$0].range.count, priority: candidates[$0].type.priority,
                                              start: candidates[$0].range.lowerBound, index: $0) }
            .sorted { a, b in
                if a.length != b.length { return a.length > b.length }
                if a.priority != b.priority { return a.priority < b.priority }
                return a.start < b.start
            }
        for key in order {
            let range = candidates[key.index].range
            if range.contains(where: taken.contains) { continue }
            taken.insert(range)
            kept.append(candidates[key.index])
        }
        return kept.sorted { $0.range.lowerBound < $1.range.lowerBound }
    }
}

/// A set of positions in a text, as bits.
struct PositionSet {
    private var words: [UInt64]

    /// An empty set for positions 0 ... `count`.
    init(count: Int) { words = [UInt64](repeating: 0, count: count / 64 + 1) }

    func contains(_ position: Int) -> Bool { words[position >> 6] & (1 << UInt64(position & 63)) != 0 }

    mutating func insert(_ position: Int) { words[position >> 6] |= 1 << UInt64(position & 63) }

    /// Inserts every position of `range`.
    mutating func insert(_ range: Range<Int>) { for position in range { insert(position) } }
}

/// Words the rules look for, as UTF-16 once and for all.
enum Words {
    /// "Region", glued before a region's name (ภาคอีสาน).
    static let region = Array("ภาค".utf16)
    /// The word that makes ภาค "region" in general (ภูมิภาค).
    static let generalRegion = Array("ภูมิ".utf16)
    static let lineageMark = Array("ณ".utf16)
    static let limited = Array("จำกัด".utf16)
    static let publicCompany = Array("(มหาชน)".utf16)
    static let month = Array("เดือน".utf16)
    static let governorOf = Array("ว่าการ".utf16)
    /// การ, which ends a position (ผู้อำนวยการ) and which ICU glues to the next word.
    static let ofAct = Array("การ".utf16)
    static let province = Array("จังหวัด".utf16)
    static let governor = Array("ผู้ว่าราชการ".utf16)
    static let district = Array("อำเภอ".utf16)
    /// The name of a provincial capital's district (อำเภอเมือง), which takes its province after it.
    static let capitalDistrict = Array("เมือง".utf16)
    static let deputy = Array("รอง".utf16)
    static let and = Array("และ".utf16)
    /// A floor (ชั้น 8), the part of an address after a site.
    static let floor = Array("ชั้น".utf16)
    /// "for", which opens a body's name before a noun (`headedOrganization`).
    static let forThe = Array("เพื่อ".utf16)
    /// Prefixes that make a noun of a verb (การพัฒนา, ความร่วมมือ, ผู้บริโภค).
    static let nounMakers = ["การ", "ความ", "ผู้"].map { Array($0.utf16) }
    static let mister = Array("นาย".utf16)
    static let science = Array("ศาสตร์".utf16)
    static let countryLinkers = [Array("ของ".utf16), Array("แห่ง".utf16)]
}

extension EntityType {
    /// Which type wins when two candidates cover the same text.
    var priority: Int {
        switch self {
        case .person: return 0
        case .ministry: return 1
        case .organization: return 2
        case .acronym: return 3
        case .location: return 4
        case .date: return 5
        }
    }
}
