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
/// - `before`: the class of the word that ends where the unit starts, or, when one space is
///   between them, of the word before the space (plus 8): 0 none (the text's start, punctuation,
///   a digit or Latin), 1 a word that takes a place or a party (`PlaceAndUnitWords.stateContext`
///   and `siteWords`), 2 a word of nationality or language (`Vocabulary.nationalityPrefixes`), 3 a
///   verb, position or function word (`Vocabulary.notFamilyNames`), 4 another Thai word.
///
/// Arrays are padded like the tagger's other codes: index i + 2 is unit i.
struct PlaceContextCodes {
    var before: [UInt64]

    /// The codes of `pieces`, the tagging units of `text`.
    init(text: UnsafeBufferPointer<UInt16>, pieces: [Range<Int>], isBlank: [Bool]) {
        let count = pieces.count
        before = [UInt64](repeating: 0, count: count + 4)
        for index in 0..<count where !isBlank[index] {
            let start = pieces[index].lowerBound
            if index > 0, !isBlank[index - 1] {
                before[index + 2] = Self.wordClass(text, endingAt: start)
            } else if index > 1, isBlank[index - 1], pieces[index - 1].count == 1, !isBlank[index - 2] {
                let word = Self.wordClass(text, endingAt: pieces[index - 1].lowerBound)
                before[index + 2] = word == 0 ? 0 : word | 8
            }
        }
    }

    /// The class of the word that ends at `position` (see `before`).
    static func wordClass(_ text: UnsafeBufferPointer<UInt16>, endingAt position: Int) -> UInt64 {
        guard position > 0 else { return 0 }
        let last = text[position - 1]
        guard CharacterClass.isThai(last), !CharacterClass.isDigit(last) else { return 0 }
        var found: UInt64 = 4
        for (word, wordClass) in wordsByLastUnit[last] ?? [] where wordClass < found
            && position >= word.count && text.hasWord(word, at: position - word.count) {
            found = wordClass
        }
        return found
    }

    /// Words after which a rare word is usually a site: ณ, บริเวณ, ย่าน, ริม.
    static let siteWords = ["ณ", "บริเวณ", "ย่าน", "ริม", "ภายใน", "แถบ", "แถว", "ใกล้"]

    /// The words of classes 1-3, by their last UTF-16 unit, with their class.
    static let wordsByLastUnit: [UInt16: [(word: [UInt16], wordClass: UInt64)]] = {
        let classes: [(words: [String], wordClass: UInt64)] = [
            (PlaceAndUnitWords.stateContext + siteWords, 1), (Vocabulary.nationalityPrefixes, 2), (Array(Vocabulary.notFamilyNames), 3),
        ]
        let words = classes.flatMap { words, wordClass in words.map { (word: Array($0.utf16), wordClass: wordClass) } }
            .filter { !$0.word.isEmpty && CharacterClass.isThai($0.word.last!) }
        return Dictionary(grouping: words) { $0.word.last! }
    }()
}
