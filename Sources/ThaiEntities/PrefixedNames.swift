import ThaiSegmentation

/// Under ThaiNER's span conventions, a kin, address or trade word written as a title before a
/// given name or nickname opens a PERSON the model did not find: `น้องโด่ง`, `ครูวิภา`, `พี่บรรหาร`.
/// ThaiNER keeps these words inside the span (see `namePrefixes`), and the name after them is
/// often a nickname no list holds and that the model reads as a common word.
///
/// The word must be a segmenter token of its own (น้อง, ครู, พี่, จ่า, เสี่ย), not glued after a
/// word that makes a compound of it (รุ่น|น้อง), with a Thai word glued after it that is
/// name-shaped (`isNamePiece`): rare in running text, or uncommon in text and seen inside names.
/// The name runs on over glued words the frequency table hardly knows or short cut-off pieces
/// (`isNameRest`: เกศิ|ณี), holds no digit, is no abbreviation (a dot after it: ครู|คศ.) and
/// touches no mention. In ThaiNER train, with the segmenter's tokens, such a word before a word
/// of fewer than 100 occurrences in text starts a PERSON 56 times and does not 8 times; ยาย, ตา,
/// พ่อ, แม่ and หมอ are left out (ThaiNER marks them rarely: ตา|บวม, แม่|ไก่, หมอ|ยัน).
/// (5-fold CV on ThaiNER train with ThaiNER-alone fold models, the same models with and without
/// the step: PERSON 0.9009 -> 0.9016, 5 more right, 2 more predicted, unseen-name recall 384 -> 389
/// of 556; shipped recipe: one more right, 0.896 either way, unseen 390 -> 391.)
extension EntityTagger {
    /// The kin, address and trade words that open a name under ThaiNER's conventions, each a
    /// segmenter token: ThaiNER train marks น้อง + a rare word 42 times as the start of a PERSON,
    /// and 6 times not (น้อง|กลัว, รุ่น|น้อง|โดน; "น้อง|เต้" with the name alone marked).
    static let kinPrefixes = ["น้อง", "ครู", "พี่", "จ่า", "เสี่ย"].map { Array($0.utf16) }

    /// Words that, glued right before a kin word, make it a common noun (พี่|น้อง siblings,
    /// รุ่น|น้อง juniors, รับ|น้อง hazing, ลูก|น้อง underlings), each a segmenter token.
    static let kinCompoundHeads = ["พี่", "รุ่น", "รับ", "ลูก"].map { Array($0.utf16) }

    /// `mentions` (sorted by start) with a PERSON for each kin or trade word glued before a
    /// name-shaped word that no mention touches.
    static func addingPrefixedNames(_ mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>, tokens: [Token],
                                    frequencies: WordFrequencies = .bundled) -> [EntityMention] {
        var added: [EntityMention] = []
        var mentionIndex = 0
        var index = 0
        while index + 1 < tokens.count {
            defer { index += 1 }
            let prefix = tokens[index].utf16Offsets
            guard isToken(prefix, oneOf: kinPrefixes, units: units),
                  index == 0 || !isToken(tokens[index - 1].utf16Offsets, oneOf: kinCompoundHeads, units: units)
                      || tokens[index - 1].utf16Offsets.upperBound != prefix.lowerBound,
                  tokens[index + 1].kind == .thaiWord, tokens[index + 1].utf16Offsets.lowerBound == prefix.upperBound,
                  isNamePiece(tokens[index + 1].utf16Offsets, units: units, frequencies: frequencies) else { continue }
            var last = index + 1
            while last + 1 < tokens.count, tokens[last + 1].kind == .thaiWord,
                  isNameRest(tokens[last + 1].utf16Offsets, units: units, frequencies: frequencies) { last += 1 }
            let name = prefix.lowerBound..<tokens[last].utf16Offsets.upperBound
            guard !name.contains(where: { CharacterClass.isDigit(units[$0]) }),
                  name.upperBound == units.count || units[name.upperBound] != 0x2E else { continue }
            while mentionIndex < mentions.count, mentions[mentionIndex].utf16Range.upperBound <= name.lowerBound { mentionIndex += 1 }
            guard mentionIndex == mentions.count || mentions[mentionIndex].utf16Range.lowerBound >= name.upperBound else { continue }
            added.append(EntityMention(type: .person, utf16Range: name))
            index = last
        }
        guard !added.isEmpty else { return mentions }
        return (mentions + added).sorted { $0.utf16Range.lowerBound < $1.utf16Range.lowerBound }
    }

    /// Whether the token `units[range]` is exactly one of `words`.
    static func isToken(_ range: Range<Int>, oneOf words: [[UInt16]], units: UnsafeBufferPointer<UInt16>) -> Bool {
        words.contains { $0.count == range.count && units.hasWord($0, at: range.lowerBound) }
    }

    /// Whether the word `units[range]`, glued after a name's first word, goes on with the name:
    /// counted fewer than 2 times in `frequencies`' text, or a piece of one or two UTF-16 units
    /// counted fewer than 1,000 times (the segmenter cuts off a name's end: เกศิ|ณี, แอ๋|ม).
    static func isNameRest(_ range: Range<Int>, units: UnsafeBufferPointer<UInt16>, frequencies: WordFrequencies) -> Bool {
        let bucket = frequencies.textBucket(of: range, in: units)
        return bucket == 0 || (range.count <= 2 && bucket <= 3)
    }

    /// Whether the word `units[range]` looks like a name after a kin word: rare in running text
    /// (fewer than 10 times in `frequencies`' text), or fewer than 100 times and seen inside names.
    static func isNamePiece(_ range: Range<Int>, units: UnsafeBufferPointer<UInt16>, frequencies: WordFrequencies) -> Bool {
        let buckets = frequencies.buckets(of: range, in: units)
        return buckets.text <= 1 || (buckets.text == 2 && buckets.name >= 1)
    }
}
