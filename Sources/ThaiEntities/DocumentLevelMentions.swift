import ThaiSegmentation

/// What the recogniser learns from a document as a whole: acronyms it defines, and the people
/// it names in full and then by given name alone.
extension RecognitionPass {
    /// An acronym defined in the document: กรมส่งเสริมอุตสาหกรรม (กสอ.).
    struct Definition {
        var short: [UInt16]
        var expansion: String
        var refersTo: EntityType
        /// The long form's gazetteer entry, or -1.
        var entry: Int32
    }

    /// The mentions of the document: `selected` (resolved candidates) and what the document
    /// adds to them (acronyms it defines, people by given name), with their links.
    func documentMentions(adding selected: [Candidate]) -> [EntityMention] {
        var kept = selected
        var definitions: [Definition] = []
        var extra: [Candidate] = []
        for candidate in kept {
            switch candidate.type {
            case .organization, .ministry, .location: break
            default: continue
            }
            if let short = bracketedAcronym(after: candidate.range.upperBound),
               startsWithFirstConsonant(short, of: candidate.range) || skipsHeadWords(short, of: candidate.range) {
                definitions.append(Definition(short: Array(units[short]), expansion: string(candidate.range),
                                              refersTo: candidate.type, entry: candidate.entry))
            }
        }
        for definition in bracketDefinitions(kept) {
            extra.append(definition.longForm)
            definitions.append(definition.definition)
        }
        // A long form replaces a shorter name that starts where it does (คณะกรรมการพัฒนายุทธศาสตร์
        // before จังหวัด (กพยจ.)).
        if !extra.isEmpty {
            kept.removeAll { candidate in
                candidate.type != .person && candidate.type != .acronym && extra.contains {
                    $0.range.lowerBound == candidate.range.lowerBound && $0.range.upperBound > candidate.range.upperBound
                }
            }
        }
        // Gazetteer acronyms take their document definition's expansion (the first one's).
        var definitionByShort: [[UInt16]: Int] = [:]
        for (index, definition) in definitions.enumerated() where definitionByShort[definition.short] == nil {
            definitionByShort[definition.short] = index
        }
        for (index, candidate) in kept.enumerated() where candidate.type == .acronym {
            if let definition = definitionByShort[Array(units[candidate.range])] {
                kept[index].expansion = .definition(definition)
            }
        }
        extra += acronymOccurrences(of: definitions)
        kept = resolve(extra, occupied: kept)
        kept = resolve(givenNameMentions(in: kept), occupied: kept)
        return mentions(kept, definitions: definitions)
    }

    // MARK: Acronyms

    /// `(กสอ.)` or `(EEC)` right after `position`: the acronym's range.
    private func bracketedAcronym(after position: Int) -> Range<Int>? {
        let open = skipSpaces(position, limit: 2)
        guard open < units.count, units[open] == 0x28 else { return nil }
        let start = skipSpaces(open + 1, limit: 1)
        var end = start
        while end < units.count, end - start <= 14, units[end] != 0x29 { end += 1 }
        guard end < units.count, units[end] == 0x29 else { return nil }
        var shortEnd = end
        while shortEnd > start, CharacterClass.isSpace(units[shortEnd - 1]) { shortEnd -= 1 }
        return isAcronymShaped(start..<shortEnd) ? start..<shortEnd : nil
    }

    /// Whether a Thai acronym starts with the long form's first consonant (กสอ. for
    /// กรมส่งเสริมอุตสาหกรรม, รพ. for โรงพยาบาล; not รฟม. for ประเทศไทย). Its other letters may be
    /// dropped or taken from inside words, so they are not checked; Latin acronyms of Thai names
    /// are not checked at all.
    func startsWithFirstConsonant(_ short: Range<Int>, of long: Range<Int>) -> Bool {
        guard let letter = units[short].first(where: CharacterClass.isThaiConsonant) else { return true }
        return units[long].first(where: CharacterClass.isThaiConsonant).map { $0 == letter } ?? true
    }

    /// Whether a Thai acronym's letters leave out the head words its long form opens with
    /// (สทพ. for คณะกรรมการการส่งเสริมความเท่าเทียมระหว่างเพศ, ท.ท.ช. for คณะกรรมการนโยบายการท่องเที่ยวแห่งชาติ):
    /// the long form starts with a head word (`longFormHeads`), and the acronym's consonants
    /// appear in it in order, the first at a word start after that head word. Under the guidelines'
    /// conventions only: ThaiNER has no ACRONYM type, and its 5-fold CV lost DATE and ORGANIZATION F1.
    func skipsHeadWords(_ short: Range<Int>, of long: Range<Int>) -> Bool {
        guard !recognizer.followsThaiNERSpans, let head = Self.longFormHeads.first(where: { matches($0, at: long.lowerBound) }) else { return false }
        let letters = units[short].filter(CharacterClass.isThaiConsonant)
        guard let first = letters.first else { return false }
        var start = long.lowerBound + head.count
        while start < long.upperBound {
            defer { start += 1 }
            guard units[start] == first, start == long.lowerBound + head.count || isTokenBoundary(start) else { continue }
            var next = 1
            var index = start + 1
            while index < long.upperBound, next < letters.count {
                if units[index] == letters[next] { next += 1 }
                index += 1
            }
            return next == letters.count
        }
        return false
    }

    /// Thai: 2-12 units of consonants and dots, starting with a consonant, at least two
    /// consonants (กสอ., ก.ล.ต.). Latin: 2-10 letters and digits with at least two capitals (SMRJ).
    func isAcronymShaped(_ range: Range<Int>) -> Bool {
        guard (2...12).contains(range.count) else { return false }
        let slice = units[range]
        if CharacterClass.isThaiConsonant(slice.first!) {
            var consonants = 0
            for unit in slice {
                if CharacterClass.isThaiConsonant(unit) { consonants += 1 } else if unit != 0x2E && unit != 0x0E2F { return false }
            }
            return consonants >= 2 && (slice.contains(0x2E) || consonants <= 5)
        }
        var capitals = 0
        for unit in slice {
            if unit &- 0x41 < 26 { capitals += 1 } else if !(CharacterClass.isLatinLetter(unit) || CharacterClass.isDigit(unit) || unit == 0x26 || unit == 0x2D) {
                return false
            }
        }
        return capitals >= 2 && range.count <= 10
    }

    /// Definitions with no recognised long form before the bracket:
    /// a Thai long form found by the acronym's letters, in the manner of Schwartz and Hearst
    /// (ส่งเสริมวิสาหกิจขนาดกลางและขนาดย่อม (สสว.)), or a Latin one inside the bracket
    /// ((Organization for SME and Regional Innovation of Japan - SMRJ)).
    private func bracketDefinitions(_ kept: [Candidate]) -> [(longForm: Candidate, definition: Definition)] {
        var found: [(Candidate, Definition)] = []
        var position = nextOffset(of: 0x28, from: 0)
        while position < units.count {
            defer { position = nextOffset(of: 0x28, from: position + 1) }
            var close = position + 1
            while close < units.count, close - position < 160, units[close] != 0x29, units[close] != 0x0A { close += 1 }
            guard close < units.count, units[close] == 0x29 else { continue }
            let inside = position + 1..<close
            if let latin = latinDefinition(inside) {
                if overlapping(latin.0.range, in: kept).isEmpty { found.append(latin) }
                continue
            }
            var contentEnd = close
            while contentEnd > inside.lowerBound, CharacterClass.isSpace(units[contentEnd - 1]) { contentEnd -= 1 }
            let shortStart = skipSpaces(inside.lowerBound, limit: 1)
            guard shortStart < contentEnd else { continue }
            let short = shortStart..<contentEnd
            guard short.count >= 2, isAcronymShaped(short), CharacterClass.isThaiConsonant(units[short.lowerBound]) else { continue }
            var longEnd = position
            while longEnd > 0, CharacterClass.isSpace(units[longEnd - 1]) { longEnd -= 1 }
            if longEnd > 0, overlapping(longEnd - 1..<longEnd, in: kept).contains(where: {
                $0.range.upperBound == longEnd && $0.type != .person && $0.type != .acronym
            }) { continue }
            guard let letterStart = thaiLongFormStart(for: short, endingAt: longEnd) else { continue }
            var longStart = includingHeadWords(letterStart)
            if let earlier = overlapping(longStart..<longEnd, in: kept).first(where: { $0.range.lowerBound < longStart }) {
                // A name the rules cut short, its head word left out by the letters (คณะกรรมการการส่งเสริม
                // ความเท่าเทียม + ระหว่างเพศ (สทพ.)), is the long form through the bracket.
                guard earlier.type == .organization || earlier.type == .ministry,
                      skipsHeadWords(short, of: earlier.range.lowerBound..<longEnd) else { continue }
                longStart = earlier.range.lowerBound
            }
            let long = longStart..<longEnd
            let type: EntityType = matches(EntityRecognizer.ministryHead, at: longStart) ? .ministry : .organization
            found.append((Candidate(range: long, type: type),
                          Definition(short: Array(units[short]), expansion: string(long), refersTo: type, entry: -1)))
        }
        return found
    }

    /// The candidates of `kept` (sorted, not overlapping one another) that overlap `range`: a
    /// binary search, so that a document of thousands of brackets stays linear.
    private func overlapping(_ range: Range<Int>, in kept: [Candidate]) -> ArraySlice<Candidate> {
        let low = kept.firstIndex(endingAfter: range.lowerBound) { $0.range }
        var end = low
        while end < kept.count, kept[end].range.lowerBound < range.upperBound { end += 1 }
        return kept[low..<end]
    }

    /// The rightmost word start before `end`, in the same run of text, from which the
    /// acronym's consonants appear in order, the first at the word start.
    private func thaiLongFormStart(for short: Range<Int>, endingAt end: Int) -> Int? {
        let letters = units[short].filter(CharacterClass.isThaiConsonant)
        guard let firstLetter = letters.first else { return nil }
        var runStart = end
        while runStart > 0, end - runStart < 80, !CharacterClass.isWhitespace(units[runStart - 1]),
              !CharacterClass.isPunctuation(units[runStart - 1]) || units[runStart - 1] == 0x0E2F {
            runStart -= 1
        }
        var candidate = end - 1
        while candidate >= runStart {
            defer { candidate -= 1 }
            guard units[candidate] == firstLetter, isTokenBoundary(candidate) else { continue }
            var next = 1
            var index = candidate + 1
            while index < end, next < letters.count {
                if units[index] == letters[next] { next += 1 }
                index += 1
            }
            if next == letters.count, end - candidate >= letters.count * 2 { return candidate }
        }
        return nil
    }

    /// `LONG - SHORT` or `LONG, SHORT` inside a bracket, Latin, where SHORT's letters appear in
    /// LONG in order and its first letter starts a word of LONG.
    private func latinDefinition(_ inside: Range<Int>) -> (Candidate, Definition)? {
        var separator = inside.upperBound - 1
        while separator > inside.lowerBound, units[separator] != 0x2D, units[separator] != 0x2C, units[separator] != 0x2013 {
            separator -= 1
        }
        guard separator > inside.lowerBound else { return nil }
        var shortStart = separator + 1
        while shortStart < inside.upperBound, CharacterClass.isSpace(units[shortStart]) { shortStart += 1 }
        var shortEnd = inside.upperBound
        while shortEnd > shortStart, CharacterClass.isSpace(units[shortEnd - 1]) { shortEnd -= 1 }
        var longEnd = separator
        while longEnd > inside.lowerBound, CharacterClass.isSpace(units[longEnd - 1]) { longEnd -= 1 }
        var longStart = inside.lowerBound
        while longStart < longEnd, CharacterClass.isSpace(units[longStart]) { longStart += 1 }
        let short = shortStart..<shortEnd
        let long = longStart..<longEnd
        guard short.count >= 2, units[short.lowerBound] &- 0x41 < 26, isAcronymShaped(short), long.count > short.count * 2,
              units[long].allSatisfy({ CharacterClass.isLatinLetter($0) || $0 == 0x20 || $0 == 0x2D || $0 == 0x26 }),
              schwartzHearstMatch(short: short, long: long) else { return nil }
        return (Candidate(range: long, type: .organization),
                Definition(short: Array(units[short]), expansion: string(long), refersTo: .organization, entry: -1))
    }

    /// Schwartz and Hearst (2003): match the short form's letters right to left in the long
    /// form; the first must start a word.
    private func schwartzHearstMatch(short: Range<Int>, long: Range<Int>) -> Bool {
        func lower(_ unit: UInt16) -> UInt16 { unit &- 0x41 < 26 ? unit | 0x20 : unit }
        var longIndex = long.upperBound - 1
        var shortIndex = short.upperBound - 1
        while shortIndex >= short.lowerBound {
            let letter = lower(units[shortIndex])
            guard CharacterClass.isLatinLetter(letter) || CharacterClass.isDigit(letter) else { shortIndex -= 1; continue }
            while longIndex >= long.lowerBound,
                  lower(units[longIndex]) != letter
                    || (shortIndex == short.lowerBound && longIndex > long.lowerBound && units[longIndex - 1] != 0x20) {
                longIndex -= 1
            }
            if longIndex < long.lowerBound { return false }
            longIndex -= 1
            shortIndex -= 1
        }
        return true
    }

    /// Every word-bounded occurrence of a defined acronym.
    private func acronymOccurrences(of definitions: [Definition]) -> [Candidate] {
        guard !definitions.isEmpty else { return [] }
        let trie = PrefixTrie(utf16Keys: definitions.enumerated().map { (key: $0.element.short, payload: Int32($0.offset)) })
        let firstUnits = FirstUnits(definitions.lazy.map { $0.short[0] })
        var found: [Candidate] = []
        for token in tokens where token.kind != .whitespace {
            let start = token.utf16Offsets.lowerBound
            guard firstUnits.contains(units[start]), let match = trie.longestMatch(in: units, at: start), acceptsWordEnd(start..<match.end) else { continue }
            let definition = Int(match.payload)
            found.append(Candidate(range: start..<match.end, type: .acronym, entry: definitions[definition].entry,
                                   expansion: .definition(definition)))
        }
        return found
    }

    private func acceptsWordEnd(_ range: Range<Int>) -> Bool {
        if range.lowerBound > 0, CharacterClass.isLatinLetter(units[range.lowerBound - 1]) { return false }
        guard range.upperBound < units.count else { return true }
        let next = units[range.upperBound]
        if CharacterClass.isLatinLetter(next) || CharacterClass.isDigit(next) || CharacterClass.isThaiCombining(next) { return false }
        return units[range.upperBound - 1] == 0x2E || !CharacterClass.isThai(next) || isTokenBoundary(range.upperBound)
    }

    // MARK: People

    /// Later mentions of a person by given name alone (อุตตม after นายอุตตม สาวนายน).
    private func givenNameMentions(in kept: [Candidate]) -> [Candidate] {
        let names = kept.filter { $0.type == .person }.compactMap(\.givenName)
            .filter { $0.count >= 4 && CharacterClass.isThai(units[$0.lowerBound]) }
        guard !names.isEmpty else { return [] }
        let trie = PrefixTrie(utf16Keys: names.map { (key: Array(units[$0]), payload: 0) })
        let firstUnits = FirstUnits(names.lazy.map { units[$0.lowerBound] })
        var found: [Candidate] = []
        for token in tokens where token.kind == .thaiWord {
            let start = token.utf16Offsets.lowerBound
            guard firstUnits.contains(units[start]), let match = trie.longestMatch(in: units, at: start), isTokenBoundary(match.end) || match.end == units.count
                    || !CharacterClass.isThai(units[match.end]) || units[match.end] == 0x0E2F else { continue }
            if start > 0, CharacterClass.isThai(units[start - 1]), !isAfterTitle(start) { continue }
            var end = match.end
            if end < units.count, units[end] == 0x0E2F { end += 1 }
            found.append(Candidate(range: start..<end, type: .person, givenName: start..<match.end))
        }
        return found
    }

    private func isAfterTitle(_ start: Int) -> Bool { titleEnding(at: start) != nil }

    /// The kept candidates as mentions, with their links and expansions. Every mention of one
    /// person gets the same id: the gazetteer's, or a document-local one.
    private func mentions(_ kept: [Candidate], definitions: [Definition]) -> [EntityMention] {
        // Keyed by UTF-16 code units: hashing a String normalises it, which is slow for Thai.
        var personByGiven: [[UInt16]: EntityLink] = [:]
        var nextPerson = 1
        return kept.map { candidate in
            var mention = EntityMention(type: candidate.type, utf16Range: candidate.range)
            // The entry's fields one by one: copying a whole entry retains every string it holds.
            let entry = Int(candidate.entry)
            if entry >= 0 {
                mention.link = EntityLink(id: recognizer.entries[entry].id, canonical: recognizer.entries[entry].canonical)
            }
            switch candidate.expansion {
            case .none: break
            case .entry:
                mention.acronym = AcronymExpansion(expansion: recognizer.entries[entry].canonical, refersTo: recognizer.entryTypes[entry])
            case .definition(let index):
                mention.acronym = AcronymExpansion(expansion: definitions[index].expansion, refersTo: definitions[index].refersTo)
            }
            guard candidate.type == .person, let given = candidate.givenName.map({ Array(units[$0]) }) else { return mention }
            if let link = personByGiven[given] {
                if mention.link == nil { mention.link = link }
                return mention
            }
            if mention.link == nil {
                mention.link = EntityLink(id: "doc:person:\(nextPerson)", canonical: string(candidate.range))
                nextPerson += 1
            }
            personByGiven[given] = mention.link
            return mention
        }
    }
}

/// The first code units of a document's few acronyms or names, as a set over their low seven
/// bits: most words start none of them, and this test rules them out before a trie walk.
struct FirstUnits {
    private var low: UInt64 = 0
    private var high: UInt64 = 0

    init(_ units: some Sequence<UInt16>) {
        for unit in units {
            let bit = unit & 0x7F
            if bit < 64 { low |= 1 << UInt64(bit) } else { high |= 1 << UInt64(bit - 64) }
        }
    }

    /// False only when none of the words starts with `unit`.
    func contains(_ unit: UInt16) -> Bool {
        let bit = unit & 0x7F
        return (bit < 64 ? low >> UInt64(bit) : high >> UInt64(bit - 64)) & 1 != 0
    }
}
