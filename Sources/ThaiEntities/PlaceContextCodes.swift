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
        var unitStarts = PositionSet(count: text.count)
        for piece in pieces { unitStarts.insert(piece.lowerBound) }
        for index in 0..<count where !isBlank[index] {
            let start = pieces[index].lowerBound
            if index > 0, !isBlank[index - 1] {
                before[index + 2] = Self.wordClass(text, endingAt: start, unitStarts: unitStarts)
            } else if index > 1, isBlank[index - 1], pieces[index - 1].count == 1, !isBlank[index - 2] {
                let end = pieces[index - 1].lowerBound
                let site = Self.siteWordUnits.contains { end >= $0.count && unitStarts.contains(end - $0.count) && text.hasWord($0, at: end - $0.count) }
                before[index + 2] = site ? 1 | 8 : 0
            }
        }
    }

    /// The class of the word that ends at `position` and starts where a unit starts (see
    /// `before`): มา is a word that takes a place, ต่อมา ("later") is not.
    static func wordClass(_ text: UnsafeBufferPointer<UInt16>, endingAt position: Int, unitStarts: PositionSet) -> UInt64 {
        guard position > 0 else { return 0 }
        let last = text[position - 1]
        guard last >= 0x0E01, last <= 0x0E7F, !CharacterClass.isDigit(last) else { return 0 }
        let table = ClassedWords.shared
        var found: UInt64 = 4
        for entry in table.entries[Int(table.slots[Int(last - 0x0E00)])..<Int(table.slots[Int(last - 0x0E00) + 1])]
        where entry.wordClass < found && position >= Int(entry.count) && unitStarts.contains(position - Int(entry.count)) {
            let start = position - Int(entry.count)
            var equal = true
            for offset in 0..<Int(entry.count) where table.units[Int(entry.start) + offset] != text[start + offset] {
                equal = false
                break
            }
            if equal { found = entry.wordClass }
        }
        return found
    }

    /// Words after which a rare word is usually a site: ณ, บริเวณ, ย่าน, ริม.
    static let siteWords = ["ณ", "บริเวณ", "ย่าน", "ริม", "ภายใน", "แถบ", "แถว", "ใกล้"]
    static let siteWordUnits = siteWords.map { Array($0.utf16) }

}

/// The words of classes 1-3 of `PlaceContextCodes`, grouped by their last UTF-16 unit (a Thai
/// letter), in flat arrays: the look-up on every unit copies no array.
struct ClassedWords: Sendable {
    struct Entry: Sendable {
        var start: Int32
        var count: Int32
        var wordClass: UInt64
    }
    /// The words' units, one after another.
    let units: [UInt16]
    /// The words, grouped by last unit; `slots[u - 0x0E00]..<slots[u - 0x0E00 + 1]` are those ending with `u`.
    let entries: [Entry]
    let slots: [Int32]

    static let shared = ClassedWords([
        (PlaceAndUnitWords.stateContext + PlaceContextCodes.siteWords, 1), (Vocabulary.nationalityPrefixes, 2),
        (Vocabulary.notFamilyNames.sorted(), 3),
    ])

    init(_ classes: [(words: [String], wordClass: UInt64)]) {
        let words = classes.flatMap { words, wordClass in words.map { (word: Array($0.utf16), wordClass: wordClass) } }
            .filter { !$0.word.isEmpty && (0x0E01...0x0E7F).contains($0.word.last!) }
        var units: [UInt16] = [], entries: [Entry] = [], slots = [Int32](repeating: 0, count: 129)
        for slot in 0..<128 {
            slots[slot] = Int32(entries.count)
            for (word, wordClass) in words where Int(word.last! - 0x0E00) == slot {
                entries.append(Entry(start: Int32(units.count), count: Int32(word.count), wordClass: wordClass))
                units += word
            }
        }
        slots[128] = Int32(entries.count)
        self.units = units
        self.entries = entries
        self.slots = slots
    }
}
