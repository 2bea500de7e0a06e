import ThaiSegmentation

/// A date expression found in a text.
public struct DateMention: Sendable, Hashable {
    /// Where the expression is, in UTF-16 code units.
    public var utf16Range: Range<Int>
    /// The value, or nil when it cannot be resolved or names a day that does not exist.
    public var value: DateValue?
    /// The grain of the value (known from the expression's form even when the value is nil).
    public var grain: DateGrain
    /// The Buddhist-era year as written, when the text gave one.
    public var buddhistEraYear: Int?
    /// Whether a weekday named before the date (วันพุธที่ ...) disagrees with it.
    public var weekdayMismatch: Bool
    /// Whether the expression names a day that does not exist (31 กุมภาพันธ์ 2561).
    public var isImpossible: Bool
    /// Where the weekday disagrees: the one nearby reading that falls on the stated weekday (the
    /// year one off, or one digit of the year or of the day changed), when exactly one does.
    public var suggestedValue: DateValue? = nil
}

/// Whose span conventions to follow where they differ: the project's guidelines
/// (corpus/GUIDELINES.md) or ThaiNER's. They differ only in where date spans start and end.
public enum SpanConvention: String, Sendable, CaseIterable {
    /// `วันนี้ (25 พฤษภาคม 2561)` is one date; `ปีงบประมาณ 2561`, `ปีการศึกษา 2562` and ranges in words
    /// (`1 ถึง 5 มิ.ย. 61`) are one span each; a leading `ต้น/กลาง/ปลาย/สิ้น` is in the span (`ปลายปี 2551`), a
    /// trailing `นี้` is not (`10 ม.ค.`นี้); counted dates (`3 วันที่ผ่านมา`, `อีก 7 วัน`) are dates, and
    /// so are years naming an edition, a plan or an act (`Expo 2018`, `สงกรานต์ 2561`, `(2566-2570)`).
    case guidelines
    /// ThaiNER 1.5: `วันนี้` and `25 พฤษภาคม 2561` are two dates; the span leaves out
    /// `ปีงบประมาณ` and a trailing `นี้`, takes a leading `ต้น/กลาง/ปลาย/สิ้น` glued to a month or
    /// relative year (`[ปลายเดือนธ.ค.]`), splits ranges written with ถึง; counted dates are not
    /// marked, nor the year of a law's title, nor bare edition years.
    case thaiNER = "thainer"
}

/// Finds Thai date expressions and normalises them to ISO 8601 values: day-month-year dates
/// with full or abbreviated month names or in figures (28/3/2560), Buddhist- and common-era years
/// (two-digit years are Buddhist era), Thai digits, months, years, fiscal years, ranges, year-less
/// dates and relative dates (resolved against a reference date).
public struct DateNormalizer: Sendable {
    private let lexicon = DateLexicon.shared
    /// The span convention.
    public let convention: SpanConvention

    /// Creates a normaliser following `convention`.
    public init(convention: SpanConvention = .guidelines) {
        self.convention = convention
    }

    /// The date a thaigov document is dated by: its date line (`วันพุธที่ 7 มิถุนายน 2560`), or
    /// the first full date in its opening lines; nil when there is none.
    public func documentDate(in text: UTF16Text) -> CalendarDate? {
        let head = min(text.units.count, 2000)
        return text.units.withUnsafeBufferPointer { all in
            let units = UnsafeBufferPointer(rebasing: all[0..<head])
            let scanner = Scanner(units: units, lexicon: lexicon, reference: nil, convention: .guidelines)
            var position = 0
            while position < units.count {
                let startsNumber = CharacterClass.isDigit(units[position])
                    && (position == 0 || !CharacterClass.isDigit(units[position - 1]))
                if startsNumber, let found = scanner.explicitDate(at: position),
                   case .point(.day(let date))? = found.value {
                    return date
                }
                position += 1
            }
            return nil
        }
    }

    /// Every date expression in `text`, in order. Expressions overlapping one of the `excluding`
    /// ranges (sorted, non-overlapping: the named entities already found, such as the commission
    /// ก.พ.ร.) are left out. Relative and year-less dates resolve against `referenceDate`; a relative
    /// word with a date in brackets (`วันนี้ (30 ตุลาคม 2560)`) takes the bracket's date.
    public func dates(in text: UTF16Text, tokens: [Token], referenceDate: CalendarDate?,
                      excluding: [Range<Int>] = []) -> [DateMention] {
        var mentions: [DateMention] = []
        text.units.withUnsafeBufferPointer { units in
            let scanner = Scanner(units: units, lexicon: lexicon, reference: referenceDate, convention: convention)
            var excluded = excluding.makeIterator()
            var nextExcluded = excluded.next()
            var covered = 0
            func scan(at start: Int) {
                while let range = nextExcluded, range.upperBound <= start { nextExcluded = excluded.next() }
                if let range = nextExcluded, range.contains(start) { return }
                // A mention can start before `start` (กรุงเทพ.ศ.2562 scanned at its digits).
                guard let mention = scanner.date(at: start), mention.utf16Range.lowerBound >= covered,
                      !Self.overlapsAny(mention.utf16Range, excluding) else { return }
                mentions.append(mention)
                covered = mention.utf16Range.upperBound
            }
            for token in tokens {
                let span = token.utf16Offsets
                guard !span.isEmpty, token.kind != .whitespace else { continue }
                let first = units[span.lowerBound]
                if first == 0x2E {
                    // ICU can glue a word to the dot before it (ครม.สัปดาห์หน้า).
                    if span.upperBound < units.count, span.upperBound >= covered, lexicon.mayStartDate(units, at: span.upperBound) {
                        scan(at: span.upperBound)
                    }
                    continue
                }
                guard token.kind != .punctuation else { continue }
                if span.lowerBound >= covered, lexicon.mayStartDate(units, at: span.lowerBound) { scan(at: span.lowerBound) }
                // ICU can glue a day or year to the word before it (ที่31สิงหาคม, ในปี2553) and a
                // word to a dot inside a token (รม.สัปดาห์หน้า).
                var previous = first
                var position = span.lowerBound
                while position + 1 < span.upperBound {
                    position += 1
                    let unit = units[position]
                    if CharacterClass.isDigit(unit) ? !CharacterClass.isDigit(previous) && previous != 0x2F && previous != 0x2E
                        : previous == 0x2E && lexicon.mayStartDate(units, at: position),
                       position >= covered {
                        scan(at: position)
                    }
                    previous = unit
                }
            }
        }
        return mentions
    }

    /// Whether `range` overlaps one of `sorted` (sorted, non-overlapping ranges).
    private static func overlapsAny(_ range: Range<Int>, _ sorted: [Range<Int>]) -> Bool {
        let first = sorted.firstIndex(endingAfter: range.lowerBound) { $0 }
        return first < sorted.count && sorted[first].lowerBound < range.upperBound
    }
}

/// Why `DateNormalizer.parse(_:referenceDate:)` found no single value in a string.
public enum DateParseFailure: Error, Sendable, Hashable, CustomStringConvertible {
    /// The string is empty or only whitespace.
    case empty
    /// Nothing at the start of the string reads as a date.
    case notADate
    /// A date, followed by text that is not part of it (given here).
    case trailingText(String)
    /// The date names a day that does not exist (29 ก.พ. 2566, 31 เมษายน 2566).
    case impossible
    /// A relative or year-less date (15 ก.ค., พรุ่งนี้), and no reference date to resolve it against.
    case unresolved
    /// A date counted from another date of the text, not from the reference date (วันถัดไป, the day
    /// after the one just named): it has no value on its own.
    case anchoredToEarlierDate

    /// A short English explanation.
    public var description: String {
        switch self {
        case .empty: return "empty string"
        case .notADate: return "not a date"
        case .trailingText(let text): return "text after the date: \(text)"
        case .impossible: return "no such day"
        case .unresolved: return "needs a reference date"
        case .anchoredToEarlierDate: return "counts from a date named earlier in the text; no value on its own"
        }
    }
}

extension DateNormalizer {
    /// Parses a string that is one date as a whole, without a format: anything the normaliser finds
    /// in running text (7 มิถุนายน 2560, ๑๒ ม.ค.๖๒, 15-ก.ค.-2565, 28/3/2560, มกราคม - มีนาคม 2561,
    /// ปีงบประมาณ 2561, พรุ่งนี้ ...), optionally after a weekday (วันพุธที่ ...), and also day, month and
    /// year in figures separated by spaces, dashes or dots (15 07 2565). A trailing time (09:00,
    /// 9:5:7, 09:00:01.123456) is allowed and ignored. Two-digit years are Buddhist era (66 is 2566);
    /// relative and year-less dates resolve against `referenceDate`. Follows the guidelines' conventions.
    ///
    ///     DateNormalizer.parse("15 ก.ค. 2565")   // .success(.point(.day(2022-07-15)))
    ///     DateNormalizer.parse("29 ก.พ. 2566")   // .failure(.impossible)
    public static func parse(_ text: String, referenceDate: CalendarDate? = nil) -> Result<DateValue, DateParseFailure> {
        let all = Array(text.utf16)
        var low = 0
        var high = all.count
        while low < high, CharacterClass.isSpace(all[low]) || all[low] == 0x200B || all[low] == 0xFEFF { low += 1 }
        while high > low, CharacterClass.isSpace(all[high - 1]) || all[high - 1] == 0x200B { high -= 1 }
        guard low < high else { return .failure(.empty) }
        high = timeStart(in: all, from: low, to: high) ?? high
        let units = Array(all[low..<high])
        return units.withUnsafeBufferPointer { buffer in
            let scanner = Scanner(units: buffer, lexicon: .shared, reference: referenceDate, convention: .guidelines)
            let start = scanner.skipWeekdayPrefix(0)
            guard start < buffer.count else { return .failure(.notADate) }
            let found = scanner.separatedNumericDate(at: start).flatMap { $0.utf16Range.upperBound == buffer.count ? $0 : nil }
                ?? scanner.date(at: start)
            guard let mention = found, mention.utf16Range.lowerBound == start else { return .failure(.notADate) }
            guard mention.utf16Range.upperBound == buffer.count else {
                var rest = mention.utf16Range.upperBound
                while rest < buffer.count, CharacterClass.isSpace(buffer[rest]) { rest += 1 }
                return .failure(.trailingText(String(decoding: buffer[rest...], as: UTF16.self)))
            }
            if let value = mention.value { return .success(value) }
            if mention.isImpossible { return .failure(.impossible) }
            return .failure(referenceDate == nil && isResolvable(text) ? .unresolved : .anchoredToEarlierDate)
        }
    }

    /// Whether a date string that has no value without a reference date gets one with some reference
    /// date (15 ก.ค., พรุ่งนี้), unlike one counted from a date named earlier (วันถัดไป).
    private static func isResolvable(_ text: String) -> Bool {
        guard let someDay = CalendarDate(year: 2000, month: 1, day: 1),
              case .success = parse(text, referenceDate: someDay) else { return false }
        return true
    }

    /// Where a trailing time (H:M, H:M:S or H:M:S.ffffff, after a space) starts, with the space
    /// before it: nil when the text does not end in one.
    private static func timeStart(in units: [UInt16], from low: Int, to high: Int) -> Int? {
        var position = high
        // Fields from the end: digits, separated by ':' (and one '.' before the fraction).
        var fields = 0
        var sawFraction = false
        while true {
            let end = position
            while position > low, CharacterClass.isDigit(units[position - 1]) { position -= 1 }
            let digits = end - position
            guard digits >= 1 else { return nil }
            fields += 1
            guard position > low else { return nil }
            let separator = units[position - 1]
            if separator == 0x2E, fields == 1, !sawFraction, digits <= 6 {
                sawFraction = true
                fields = 0
                position -= 1
                continue
            }
            guard digits <= 2 else { return nil }
            if separator == 0x3A, fields < 3 {
                position -= 1
                continue
            }
            guard fields >= 2, CharacterClass.isSpace(separator) else { return nil }
            var start = position - 1
            while start > low, CharacterClass.isSpace(units[start - 1]) { start -= 1 }
            return start > low ? start : nil
        }
    }
}
