import ThaiSegmentation

/// Per-unit codes of the tagger's place-context features (templates 84-86): the kind of word
/// written right before a unit, which tells a place or a party from a modifier. A country name
/// glued after a word that takes a place or a party names the state (ของไทย, รัฐบาลไทย), after a
/// verb it is the subject or object of a headline (เชื่อไทย..., ยืนยันไทย...), after a word of
/// nationality or language it is a modifier (คนไทย, ภาษาไทย), and after another noun usually one
/// too (ไก่ไทย, อาหารไทย); a rare word after ณ or บริเวณ is usually a site. The rules decide the
/// country case with fixed lists (`RecognitionPass.isGluedCountryModifier`); these codes let the
/// model learn the classes under either convention, and for names no list holds.
///
/// - `before`: the class of the word that ends where the unit starts: 0 none (the text's start,
///   punctuation, a digit or Latin), 1 a word that takes a place or a party
///   (`PlaceAndUnitWords.stateContext` and `siteWords`), 2 a word of nationality or language
///   (`Vocabulary.nationalityPrefixes`), 3 a verb, position or function word
///   (`Vocabulary.notFamilyNames`), 4 another Thai word; a classed word must start on a unit edge.
///   After one space, 9 when the word before the space is a site word (ณ บ้านเลขที่..., บริเวณ
///   ตลาด...), else 0: over a space the other classes say little (ต่อ|มา กัปตัน บอก... is a person).
///
/// Arrays are padded like the tagger's other codes: index i + 2 is unit i.
struct PlaceContextCodes {
    var before: [UInt64]

    /// The codes of `pieces`, the tagging units of `text`.
    init(text: UnsafeBufferPointer<UInt16>, pieces: [Range<Int>], isBlank: [Bool]) {
        let count = pieces.count
        before = [UInt64](repeating: 0, count: count + 4)
        for index in 0..<count where !isBlank[index] {
            if index > 0, !isBlank[index - 1] {
                before[index + 2] = Self.wordClass(text, pieces: pieces, endingAt: index)
            } else if index > 1, isBlank[index - 1], pieces[index - 1].count == 1, !isBlank[index - 2] {
                before[index + 2] = Self.followsSiteWord(text, pieces: pieces, endingAt: index - 1) ? 1 | 8 : 0
            }
        }
    }

    /// The class of the word that ends where unit `index` of `pieces` starts and starts where an
    /// earlier unit starts (see `before`): มา is a word that takes a place, ต่อมา ("later") is not.
    /// Only the words of the last unit's letter and of a length from a unit start are compared.
    static func wordClass(_ text: UnsafeBufferPointer<UInt16>, pieces: [Range<Int>], endingAt index: Int) -> UInt64 {
        let position = pieces[index].lowerBound
        guard position > 0 else { return 0 }
        let last = text[position - 1]
        guard last >= 0x0E01, last <= 0x0E7F, !CharacterClass.isDigit(last) else { return 0 }
        let table = ClassedWords.shared
        var found: UInt64 = 4
        var earlier = index - 1
        while earlier >= 0, position - pieces[earlier].lowerBound <= table.longest {
            let start = pieces[earlier].lowerBound
            for entry in table.entries(endingWith: last, count: position - start) where entry.wordClass < found {
                var equal = true
                for offset in 0..<Int(entry.count) where table.units[Int(entry.start) + offset] != text[start + offset] {
                    equal = false
                    break
                }
                if equal { found = entry.wordClass }
            }
            earlier -= 1
        }
        return found
    }

    /// Whether a site word (`siteWords`) ends where unit `index` of `pieces` starts and starts
    /// where an earlier unit starts.
    static func followsSiteWord(_ text: UnsafeBufferPointer<UInt16>, pieces: [Range<Int>], endingAt index: Int) -> Bool {
        let end = pieces[index].lowerBound
        var earlier = index - 1
        while earlier >= 0, end - pieces[earlier].lowerBound <= longestSiteWord {
            let start = pieces[earlier].lowerBound
            if siteWordUnits.contains(where: { $0.count == end - start && text.hasWord($0, at: start) }) { return true }
            earlier -= 1
        }
        return false
    }

    /// Words after which a rare word is usually a site: ณ, บริเวณ, ย่าน, ริม.
    static let siteWords = ["ณ", "บริเวณ", "ย่าน", "ริม", "ภายใน", "แถบ", "แถว", "ใกล้"]
    static let siteWordUnits = siteWords.map { Array($0.utf16) }
    static let longestSiteWord = siteWordUnits.map(\.count).max()!

}

/// The words of classes 1-3 of `PlaceContextCodes`, grouped by their last UTF-16 unit (a Thai
/// letter) and their length, in flat arrays: the look-up on every unit copies no array and
/// compares only words that could end there.
struct ClassedWords: Sendable {
    struct Entry: Sendable {
        var start: Int32
        var count: Int32
        var wordClass: UInt64
    }
    /// The words' units, one after another.
    let units: [UInt16]
    /// The words, grouped by last unit and length (`slot(_:count:)`).
    let entries: [Entry]
    /// `slots[k]..<slots[k + 1]` are the entries of slot k.
    let slots: [Int32]
    /// The longest word's length in UTF-16 units.
    let longest: Int

    static let shared = ClassedWords([
        (PlaceAndUnitWords.stateContext + PlaceContextCodes.siteWords, 1), (Vocabulary.nationalityPrefixes, 2),
        (Vocabulary.notFamilyNames.sorted(), 3),
    ])

    init(_ classes: [(words: [String], wordClass: UInt64)]) {
        let words = classes.flatMap { words, wordClass in words.map { (word: Array($0.utf16), wordClass: wordClass) } }
            .filter { !$0.word.isEmpty && (0x0E01...0x0E7F).contains($0.word.last!) }
        let longest = words.map(\.word.count).max() ?? 0
        // In slot order, words of one slot in the order given.
        let slotted = words.indices.map { (slot: Self.slot(words[$0].word.last!, count: words[$0].word.count, longest: longest), index: $0) }
            .sorted { ($0.slot, $0.index) < ($1.slot, $1.index) }
        var units: [UInt16] = [], entries: [Entry] = []
        var slots = [Int32](repeating: 0, count: 128 * (longest + 1) + 1)
        var next = 0
        for slot in 0..<(128 * (longest + 1)) {
            slots[slot] = Int32(entries.count)
            while next < slotted.count, slotted[next].slot == slot {
                let (word, wordClass) = words[slotted[next].index]
                entries.append(Entry(start: Int32(units.count), count: Int32(word.count), wordClass: wordClass))
                units += word
                next += 1
            }
        }
        slots[128 * (longest + 1)] = Int32(entries.count)
        self.longest = longest
        self.units = units
        self.entries = entries
        self.slots = slots
    }

    /// The slot of the words that end with `last` (U+0E00 ... U+0E7F) and are `count` units long.
    static func slot(_ last: UInt16, count: Int, longest: Int) -> Int { Int(last - 0x0E00) * (longest + 1) + count }

    /// The words that end with `last` (U+0E00 ... U+0E7F) and are `count` units long (at most `longest`), in the order given.
    func entries(endingWith last: UInt16, count: Int) -> ArraySlice<Entry> {
        let slot = Self.slot(last, count: count, longest: longest)
        return entries[Int(slots[slot])..<Int(slots[slot + 1])]
    }
}
