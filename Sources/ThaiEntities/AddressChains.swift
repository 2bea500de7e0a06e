import ThaiSegmentation

/// Addresses written without spaces (อ.ตากใบจ.นราธิวาส, ที่อ.เชียงคาน, ต.บางบ่ออ.บางบ่อ): ICU glues a
/// one-letter administrative abbreviation (จ. อ. ต.) to the word before it (ตาก|ใบจ.นราธิวาส), so
/// neither the rules nor the model could start a place there. The recogniser treats such a
/// position as a word edge and the model's units are cut there.
extension EntityRecognizer {
    /// Whether a one-letter administrative abbreviation (จ. อ. ต.) glued to the Thai word before it
    /// starts at `position`: the letter, a dot and a Thai letter of the name, with a Thai letter
    /// (not a dot or a digit) before it; not another letter and dot after it (ต.ค.), and not the
    /// end of a longer abbreviation the lexicon knows (กกต., ผวจ., รมต.).
    func startsGluedAdministrativeAbbreviation(_ units: UnsafeBufferPointer<UInt16>, at position: Int) -> Bool {
        guard position > 0, position + 2 < units.count, units[position + 1] == 0x2E else { return false }
        let letter = units[position]
        guard letter == 0x0E08 || letter == 0x0E2D || letter == 0x0E15 else { return false }  // จ อ ต
        let before = units[position - 1], next = units[position + 2]
        guard CharacterClass.isThai(before), !CharacterClass.isDigit(before), before != 0x2E,
              CharacterClass.startsThaiWord(next),
              position + 3 >= units.count || units[position + 3] != 0x2E else { return false }
        let end = position + 2
        for start in max(0, position - 6)..<position where lexicon.mayStartKey(in: units, at: start) {
            var abbreviation = false
            lexicon.forEachMatch(in: units, at: start) { keyEnd, _ in if keyEnd == end { abbreviation = true } }
            if abbreviation { return false }
        }
        return true
    }
}

/// The words that open the next part of an address written without spaces: a sub-district,
/// district or province (แขวง, เขต, ตำบล, อำเภอ, จังหวัด, จ.) and Bangkok's abbreviation (กทม).
enum AddressParts {
    static let strings = ["แขวง", "เขต", "ตำบล", "อำเภอ", "จังหวัด", "จ.", "อ.", "ต.", "กทม"]
    static let words: [[UInt16]] = strings.map { Array($0.utf16) }
}

extension RecognitionPass {
    /// Whether the next part of an address (`AddressParts`) starts at `position`, a word edge.
    func startsAddressPart(_ position: Int) -> Bool {
        AddressParts.words.contains { matches($0, at: position) }
    }
}
