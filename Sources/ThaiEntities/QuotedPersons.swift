import ThaiSegmentation

/// A person named in quotes is the whole quote: a PERSON that starts right after an opening quote
/// ends at the closing one (`"โคฟี อันนัน" อดีตเลขาฯ`, where the model stopped after โคฟี;
/// `‘เบิร์ต เรย์โนลส์’ ดาราฮอลลีวูด`, where it ran on past the quote). In ThaiNER train, of the
/// PERSONs right after an opening quote (one not after Thai text or another quote) whose quote
/// closes within ``maximumQuotedName`` UTF-16 units, 108 end at the closing quote and 2 do not
/// (`"สมคิด-เนวิน"`, two people; a space before the closing quote).
extension EntityTagger {
    /// The longest quoted name mended, in UTF-16 units from the name's start to the closing quote.
    static let maximumQuotedName = 40

    /// `mentions` (sorted by start) with each PERSON that starts right after an opening quote (a
    /// U+FEFF or U+200B between at most) ending where its quote closes: cut there when it runs past
    /// the quote, and taken on to it when only letters, spaces and dots are left before the quote
    /// and no other mention is there.
    static func endingAtClosingQuotes(_ mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result = mentions
        for index in result.indices where result[index].type == .person {
            let range = result[index].utf16Range
            var quote = range.lowerBound - 1
            while quote >= 0, CharacterClass.isInvisibleBreak(units[quote]) { quote -= 1 }
            guard quote >= 0, let closing = closingQuote(for: units[quote]),
                  quote == 0 || !(CharacterClass.isThai(units[quote - 1]) || isQuote(units[quote - 1])) else { continue }
            var close = range.lowerBound + 1
            let limit = min(units.count, range.lowerBound + maximumQuotedName)
            while close < limit, units[close] != closing, units[close] != 0x0A { close += 1 }
            guard close < limit, units[close] == closing else { continue }
            var end = close
            while end > range.lowerBound, CharacterClass.isInvisibleBreak(units[end - 1]) || CharacterClass.isWhitespace(units[end - 1]) { end -= 1 }
            guard end > range.lowerBound, end != range.upperBound else { continue }
            if end > range.upperBound {
                guard (range.upperBound..<end).allSatisfy({ isNameText(units[$0]) }),
                      index + 1 == result.count || result[index + 1].utf16Range.lowerBound >= close else { continue }
            }
            result[index].utf16Range = range.lowerBound..<end
        }
        return result
    }

    /// The quote that closes one opened by `unit`, or nil when `unit` opens none.
    static func closingQuote(for unit: UInt16) -> UInt16? {
        switch unit {
        case 0x22: 0x22
        case 0x201C: 0x201D
        case 0x2018: 0x2019
        default: nil
        }
    }

    /// A character a name's words are written with: a Thai or Latin letter, a space or a dot.
    static func isNameText(_ unit: UInt16) -> Bool {
        CharacterClass.isThai(unit) || CharacterClass.isLatinLetter(unit) || unit == 0x20 || unit == 0x2E || CharacterClass.isInvisibleBreak(unit)
    }
}
