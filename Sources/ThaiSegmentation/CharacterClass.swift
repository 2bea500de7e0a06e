/// Fast character tests on UTF-16 code units, for the hot loops of every stage.
public enum CharacterClass {
    /// Thai block, U+0E00 to U+0E7F (letters, vowels, tone marks, digits, symbols).
    @inlinable public static func isThai(_ unit: UInt16) -> Bool { unit &- 0x0E00 < 0x80 }

    /// A Thai consonant, U+0E01 (ก) to U+0E2E (ฮ).
    @inlinable public static func isThaiConsonant(_ unit: UInt16) -> Bool { unit &- 0x0E01 <= 0x2D }

    /// A Thai vowel written before its consonant, U+0E40 (เ) to U+0E44 (ไ).
    @inlinable public static func isThaiLeadingVowel(_ unit: UInt16) -> Bool { unit &- 0x0E40 <= 4 }

    /// A unit a Thai word can start with: a consonant or a leading vowel.
    @inlinable public static func startsThaiWord(_ unit: UInt16) -> Bool { isThaiConsonant(unit) || isThaiLeadingVowel(unit) }

    /// A Thai character that combines with the one before it (above/below vowels, tone marks),
    /// so that a match may not end just before it.
    @inlinable public static func isThaiCombining(_ unit: UInt16) -> Bool {
        unit == 0x0E31 || (unit >= 0x0E34 && unit <= 0x0E3A) || (unit >= 0x0E47 && unit <= 0x0E4E)
    }

    /// An ASCII or Latin-1/Latin Extended letter.
    @inlinable public static func isLatinLetter(_ unit: UInt16) -> Bool {
        (unit | 0x20) &- 0x61 < 26 || (unit >= 0xC0 && unit <= 0x24F && unit != 0xD7 && unit != 0xF7)
            || (unit >= 0x1E00 && unit <= 0x1EFF)
    }

    /// An ASCII digit or a Thai digit (๐ to ๙).
    @inlinable public static func isDigit(_ unit: UInt16) -> Bool { unit &- 0x30 < 10 || unit &- 0x0E50 < 10 }

    /// The value of an ASCII or Thai digit; call only when `isDigit` holds.
    @inlinable public static func digitValue(_ unit: UInt16) -> Int { Int(unit < 0x80 ? unit &- 0x30 : unit &- 0x0E50) }

    /// Unicode White_Space: spaces, tabs, line breaks, NBSP, the typographic spaces.
    @inlinable public static func isWhitespace(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000:
            return true
        default:
            return false
        }
    }

    /// U+FEFF (zero-width no-break space) or U+200B (zero-width space): invisible, no part of a
    /// word, and in Thai text often where a word ends.
    @inlinable public static func isInvisibleBreak(_ unit: UInt16) -> Bool { unit == 0xFEFF || unit == 0x200B }

    /// A horizontal space (space, tab, NBSP and the typographic spaces), not a line break.
    @inlinable public static func isSpace(_ unit: UInt16) -> Bool {
        isWhitespace(unit) && !(unit >= 0x0A && unit <= 0x0D) && unit != 0x85 && unit != 0x2028 && unit != 0x2029
    }

    /// ASCII punctuation and symbols, Latin-1 punctuation, general punctuation (dashes, quotes,
    /// ellipsis) and Thai punctuation (ฯ, ๆ, ฿, ๏, ๚, ๛).
    @inlinable public static func isPunctuation(_ unit: UInt16) -> Bool {
        switch unit {
        case 0x21...0x2F, 0x3A...0x40, 0x5B...0x60, 0x7B...0x7E, 0xA1...0xBF, 0xD7, 0xF7,
             0x2010...0x2027, 0x2030...0x205E, 0x20A0...0x20CF, 0x2100...0x214F, 0x2190...0x23FF,
             0x3001...0x3003, 0x0E2F, 0x0E3F, 0x0E46, 0x0E4F, 0x0E5A, 0x0E5B, 0xFF01...0xFF0F:
            return true
        default:
            return false
        }
    }
}
