import ThaiSegmentation

/// A person's other name given right after the name: `นายสมชาย ใจดี หรือน้องชาย`, `... หรือ"เสี่ยหนุ่ม"`.
/// Thai news introduces nicknames this way (ThaiNER train: 27 PERSONs after a PERSON and หรือ,
/// against หรือไม่, หรือแม้แต่ and a few others), and the nickname is a word no list holds.
///
/// The alias starts at the first Thai word after หรือ (a space, U+FEFF or a quote between at most)
/// and runs over the words glued to it that are not common in running text (fewer than 1,000
/// times in `WordFrequencies`' text: หมู|แฮม|อายุ stops before อายุ), to a space, punctuation or
/// a word with a digit (the segmenter keeps อายุ16ปี together). It is not taken when หรือ is
/// followed by ไม่, ยัง or เปล่า (a question) or แม้ ("or even"), or when a mention already covers
/// it. (5-fold CV on ThaiNER train: PERSON 0.874 -> 0.876, unseen-name recall 326 -> 340 of 556,
/// and the aliases found again where the document repeats them.)
///
/// A nickname in quotes right before a person's name (`ดาราสาว "หนิง"ปณิตา พัฒนาหิรัญ`, glued or
/// one space between) is a PERSON too (`quotedNickname`), and so, under the guidelines'
/// conventions, is one Thai word in brackets right after the name (`นางวรนุช ภิรมย์ภักดี (นุ่น)`,
/// `bracketedNickname`; the corpus `train` gold marks all 3 of them, ThaiNER train 1 of 5). A
/// name in Latin letters in brackets right after a person is its English form, a PERSON under
/// both conventions (`bracketedLatinName`; 12 of 12 marked in the two gold sets).
extension EntityTagger {
    /// `mentions` (sorted by start) with a PERSON mention for each alias given after a PERSON or
    /// in quotes right before one, and the aliases' ranges.
    static func addingAliases(_ mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>, tokens: [Token],
                              thaiNERSpans: Bool = false,
                              frequencies: WordFrequencies = .bundled) -> (mentions: [EntityMention], aliases: [Range<Int>]) {
        guard mentions.contains(where: { $0.type == .person }) else { return (mentions, []) }
        var added: [EntityMention] = []
        var tokenIndex = 0
        for (index, mention) in mentions.enumerated() where mention.type == .person {
            if let nickname = quotedNickname(before: mention.utf16Range.lowerBound, units: units),
               index == 0 || mentions[index - 1].utf16Range.upperBound <= nickname.lowerBound - 1,
               !added.contains(where: { $0.utf16Range.overlaps(nickname) }) {
                added.append(EntityMention(type: .person, utf16Range: nickname, link: mention.link))
            }
            let end = mention.utf16Range.upperBound
            if let english = bracketedLatinName(after: end, units: units),
               index + 1 == mentions.count || mentions[index + 1].utf16Range.lowerBound > english.upperBound {
                added.append(EntityMention(type: .person, utf16Range: english, link: mention.link))
                continue
            }
            if !thaiNERSpans, let nickname = bracketedNickname(after: end, units: units),
               index + 1 == mentions.count || mentions[index + 1].utf16Range.lowerBound > nickname.upperBound {
                added.append(EntityMention(type: .person, utf16Range: nickname, link: mention.link))
                continue
            }
            while tokenIndex < tokens.count, tokens[tokenIndex].utf16Offsets.lowerBound < end { tokenIndex += 1 }
            var next = skippingBlanks(from: tokenIndex, tokens: tokens, units: units)
            guard next < tokens.count, units.hasWord(aliasWord, at: tokens[next].utf16Offsets.lowerBound),
                  tokens[next].utf16Offsets.count == aliasWord.count else { continue }
            next = skippingBlanks(from: next + 1, tokens: tokens, units: units)
            guard next < tokens.count, tokens[next].kind == .thaiWord,
                  !notAliases.contains(where: { units.hasWord($0, at: tokens[next].utf16Offsets.lowerBound) }) else { continue }
            let start = tokens[next].utf16Offsets.lowerBound
            var last = next
            while last + 1 < tokens.count, tokens[last + 1].kind == .thaiWord,
                  !tokens[last + 1].utf16Offsets.contains(where: { CharacterClass.isDigit(units[$0]) }) {
                guard frequencies.textBucket(of: tokens[last + 1].utf16Offsets, in: units) <= 3 else { break }
                last += 1
            }
            let alias = start..<tokens[last].utf16Offsets.upperBound
            guard alias.count >= 2, index + 1 == mentions.count || mentions[index + 1].utf16Range.lowerBound >= alias.upperBound,
                  !added.contains(where: { $0.utf16Range.overlaps(alias) }) else { continue }
            added.append(EntityMention(type: .person, utf16Range: alias, link: mention.link))
        }
        guard !added.isEmpty else { return (mentions, []) }
        return ((mentions + added).sorted { $0.utf16Range.lowerBound < $1.utf16Range.lowerBound }, added.map(\.utf16Range))
    }

    /// The Thai word in quotes that ends right before `start` (a space, U+FEFF or U+200B between
    /// at most), with no space, digit or other character inside: `"หนิง"` before ปณิตา. The opening
    /// quote must not follow Thai text or another quote: in a headline's `"เติ้ง"ดึง"สันติภาพ"`
    /// the verb between two quoted names is no nickname.
    static func quotedNickname(before start: Int, units: UnsafeBufferPointer<UInt16>) -> Range<Int>? {
        var close = start - 1
        if close >= 0, CharacterClass.isSpace(units[close]) { close -= 1 }
        while close >= 0, CharacterClass.isInvisibleBreak(units[close]) { close -= 1 }
        guard close >= 0, isQuote(units[close]) else { return nil }
        var end = close
        while end > 0, CharacterClass.isInvisibleBreak(units[end - 1]) { end -= 1 }
        var open = end - 1
        while open >= 0, CharacterClass.isThai(units[open]), !CharacterClass.isDigit(units[open]),
              end - open <= maximumNicknameLength { open -= 1 }
        guard open >= 0, isQuote(units[open]),
              open == 0 || !(CharacterClass.isThai(units[open - 1]) || isQuote(units[open - 1])) else { return nil }
        var first = open + 1
        while first < end, CharacterClass.isInvisibleBreak(units[first]) { first += 1 }
        guard end - first >= 2, CharacterClass.startsThaiWord(units[first]) else { return nil }
        return first..<end
    }

    /// The Thai word in brackets right after `end` (one space between at most), made of Thai
    /// letters only (no digit, ฯ or dot: not a role, `(รมว.วท.)`): `(นุ่น)`.
    static func bracketedNickname(after end: Int, units: UnsafeBufferPointer<UInt16>) -> Range<Int>? {
        var open = end
        if open < units.count, CharacterClass.isSpace(units[open]) { open += 1 }
        guard open < units.count, units[open] == 0x28 else { return nil }
        var close = open + 1
        while close < units.count, CharacterClass.isThai(units[close]), !CharacterClass.isDigit(units[close]),
              !CharacterClass.isPunctuation(units[close]), close - open <= maximumNicknameLength { close += 1 }
        guard close < units.count, units[close] == 0x29, close - open - 1 >= 2,
              CharacterClass.startsThaiWord(units[open + 1]) else { return nil }
        return (open + 1)..<close
    }

    /// The name in Latin letters in brackets right after `end` (one space between at most): a
    /// capital letter first, a lower-case letter somewhere (not an acronym), then letters, spaces,
    /// dots, hyphens and apostrophes only: `(Mikael Hemniti Winther)`, `(Mr. Li Keqiang)`.
    static func bracketedLatinName(after end: Int, units: UnsafeBufferPointer<UInt16>) -> Range<Int>? {
        var open = end
        if open < units.count, CharacterClass.isSpace(units[open]) { open += 1 }
        guard open + 1 < units.count, units[open] == 0x28, units[open + 1] &- 0x41 < 26 else { return nil }
        var close = open + 1
        var lowerCase = false
        while close < units.count, close - open <= maximumLatinNameLength {
            let unit = units[close]
            if unit &- 0x61 < 26 { lowerCase = true }
            guard CharacterClass.isLatinLetter(unit) || unit == 0x20 || unit == 0x2E || unit == 0x2D || unit == 0x27 else { break }
            close += 1
        }
        guard close < units.count, units[close] == 0x29, lowerCase else { return nil }
        return (open + 1)..<close
    }

    /// The longest bracketed Latin name taken, in UTF-16 units.
    static let maximumLatinNameLength = 60

    /// The longest quoted nickname taken, in UTF-16 units.
    static let maximumNicknameLength = 12

    /// Straight and curly, double and single quotes.
    static func isQuote(_ unit: UInt16) -> Bool {
        unit == 0x22 || unit == 0x27 || (unit >= 0x2018 && unit <= 0x201D && unit != 0x201A && unit != 0x201B)
    }

    /// The first token at or after `index` that is not a space, U+FEFF, U+200B or a double quote.
    static func skippingBlanks(from index: Int, tokens: [Token], units: UnsafeBufferPointer<UInt16>) -> Int {
        var index = index
        while index < tokens.count, tokens[index].utf16Offsets.allSatisfy({ unit in
            CharacterClass.isSpace(units[unit]) || CharacterClass.isInvisibleBreak(units[unit]) || units[unit] == 0x22
                || units[unit] == 0x201C || units[unit] == 0x201D
        }) { index += 1 }
        return index
    }

    /// หรือ, "or", before a person's other name.
    static let aliasWord = Array("หรือ".utf16)

    /// Words after หรือ that do not start a name: หรือไม่, หรือยัง, หรือเปล่า (questions), หรือแม้แต่ ("or even").
    static let notAliases = ["ไม่", "ยัง", "เปล่า", "แม้"].map { Array($0.utf16) }
}
