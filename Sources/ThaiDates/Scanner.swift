import ThaiSegmentation

/// Parses date expressions starting at a given position of a UTF-16 text.
struct Scanner {
    let units: UnsafeBufferPointer<UInt16>
    let lexicon: DateLexicon
    let reference: CalendarDate?
    let joinsBracketedDate: Bool

    /// One side of a date or range as written: any of day, month and year.
    private struct Part {
        var day: Int?
        var month: Int?
        /// Common-era year.
        var year: Int?
        var buddhistEraYear: Int?
        /// ปีนี้ / ปีหน้า after the month: the year relative to the reference date.
        var relativeYear: Int?
        var end: Int
    }

    // MARK: Entry points

    /// Thai letters a date expression can start with: ว (วันนี้), เ (เมื่อวาน, เดือน..., เมษายน),
    /// พ (พรุ่งนี้, พ.ศ., พฤษภาคม), ม (มะรืน, มกราคม), ส (สัปดาห์, สิงหาคม), ป (ปี), อ (อีก),
    /// ค (ค.ศ.), ก (กุมภาพันธ์), ต (ตุลาคม), ธ (ธันวาคม), as bits of (unit - 0x0E00).
    private static let thaiStarts: (UInt64, UInt64) = {
        var mask: (UInt64, UInt64) = (0, 0)
        for letter in "วเพมสปอคกตธ".unicodeScalars {
            let bit = Int(letter.value) - 0x0E00
            if bit < 64 { mask.0 |= 1 << UInt64(bit) } else { mask.1 |= 1 << UInt64(bit - 64) }
        }
        return mask
    }()

    /// Whether a date expression may start with `unit`: a digit, one of the Thai letters
    /// above, or the capital of an English month name.
    private static func mayStartDate(_ unit: UInt16) -> Bool {
        if CharacterClass.isDigit(unit) { return true }
        if CharacterClass.isThai(unit) {
            let bit = Int(unit) - 0x0E00
            return bit < 64 ? thaiStarts.0 & (1 << UInt64(bit)) != 0 : thaiStarts.1 & (1 << UInt64(bit - 64)) != 0
        }
        return "JFMASOND".utf16.contains(unit)
    }

    /// A date expression starting exactly at `start`.
    mutating func date(at start: Int) -> DateMention? {
        guard start < units.count, Self.mayStartDate(units[start]) else { return nil }
        if let relative = relativeDate(at: start) { return relative }
        if let fiscal = fiscalYear(at: start) { return fiscal }
        if let era = eraYear(at: start) { return era }
        if let year = yearAfterPi(at: start) { return year }
        if start < units.count, CharacterClass.isDigit(units[start]) {
            // A year glued to ปี or พ.ศ. that ICU did not cut apart (การเมืองปี 53, ปีพ.ศ. 2562).
            if let marker = eraBefore(start), let year = yearOrYearRange(at: start, era: marker.era, spanStart: marker.start) {
                return year
            }
            if follows("ปี", before: start), let year = yearOrYearRange(at: start, era: .unspecified, spanStart: start, allowShort: true) {
                return year
            }
        }
        if let counted = countedDays(at: start) { return counted }
        return explicitDate(at: start)
    }

    /// A date written with a day or a month name: 7 มิถุนายน 2560, 25-30 กรกฎาคม 2560,
    /// เดือนตุลาคม 2560, มกราคม - มีนาคม 2561.
    func explicitDate(at start: Int) -> DateMention? {
        guard start < units.count else { return nil }
        let monthLed = !CharacterClass.isDigit(units[start])
        var abbreviatedLead = false
        if monthLed {
            guard let (_, _, abbreviated) = monthName(at: start, afterDay: false) else { return nil }
            abbreviatedLead = abbreviated
        } else if follows("ที่", before: start), !follows("วันที่", before: start), weekdayBefore(start) == nil {
            return nil  // an ordinal: รัชกาลที่ 9, ครั้งที่ 2
        }
        guard var first = part(at: start, dayRequired: !monthLed) else { return nil }
        // A bare abbreviation (ก.พ.) is a month only after เดือน or before a year; a full name anywhere.
        if abbreviatedLead, first.year == nil, !follows("เดือน", before: start) {
            guard let separator = rangeSeparator(at: first.end), let other = part(at: separator, dayRequired: false),
                  other.year != nil else { return nil }
        }
        var end = first.end
        var second: Part?
        if let afterSeparator = rangeSeparator(at: first.end),
           var other = part(at: afterSeparator, dayRequired: !monthLed) {
            // 25-30 กรกฎาคม 2560: the first side takes the second's month and year.
            if first.month == nil { first.month = other.month }
            if first.year == nil, first.month != nil {
                first.year = other.year
                first.buddhistEraYear = other.buddhistEraYear
            }
            if other.month == nil, first.day == nil { other.month = first.month }
            if other.month != nil, (first.day == nil) == (other.day == nil) {
                second = other
                end = other.end
            }
        }
        guard first.month != nil else { return nil }
        var mention = resolve(first, second, range: start..<end)
        if isRecurring(after: end) { mention.value = nil }
        if let weekday = weekdayBefore(start), case .point(.day(let date))? = mention.value {
            mention.weekdayMismatch = date.weekday != weekday
        }
        return mention
    }

    // MARK: Forms

    /// วันนี้, เมื่อวานนี้, พรุ่งนี้, สัปดาห์หน้า, ปีที่แล้ว ...; `วันนี้ (25 พฤษภาคม 2561)` as one date.
    private func relativeDate(at start: Int) -> DateMention? {
        guard let match = lexicon.relativeWords.longestMatch(in: units, at: start),
              endsWord(match.end) else { return nil }
        let relative = lexicon.relatives[Int(match.payload)]
        // วันนี้ (3 ก.ย.) — the explicit date in brackets gives the value.
        if case .days = relative, joinsBracketedDate {
            var position = skipSpaces(match.end)
            if position < units.count, units[position] == 0x28 /* ( */ {
                position = skipWeekdayPrefix(skipSpaces(position + 1))
                if let inner = explicitDate(at: position) {
                    let close = skipSpaces(inner.utf16Range.upperBound)
                    if close < units.count, units[close] == 0x29 /* ) */ {
                        var mention = inner
                        mention.utf16Range = start..<(close + 1)
                        return mention
                    }
                }
            }
        }
        return relativeMention(relative, range: start..<match.end)
    }

    /// อีก 7 วัน; 3 วันที่ผ่านมา / 3 วันก่อน.
    private func countedDays(at start: Int) -> DateMention? {
        var position = start
        var sign = -1
        if matches("อีก", at: position) {
            if follows("เพิ่ม", before: start) || follows("ขยาย", before: start) { return nil }  // a duration
            sign = 1
            position = skipSpaces(position + 3)
        }
        guard let (count, afterNumber) = number(at: position, maxDigits: 3) else { return nil }
        let unit = skipSpaces(afterNumber)
        guard matches("วัน", at: unit) else { return nil }
        if sign > 0 {
            let end = unit + 3
            guard !matches("ที่", at: end) else { return nil }
            return relativeMention(.days(count), range: start..<end)
        }
        for suffix in ["วันที่ผ่านมา", "วันก่อน"] where matches(suffix, at: unit) {
            let end = unit + suffix.utf16.count
            guard endsWord(end) else { return nil }
            return relativeMention(.days(-count), range: start..<end)
        }
        return nil
    }

    /// ปีงบประมาณ 2561 / ปีงบประมาณ พ.ศ. 2561: the Thai fiscal year, 1 October to 30 September.
    private func fiscalYear(at start: Int) -> DateMention? {
        guard let prefix = ["ปีงบประมาณ", "ปีงบฯ", "ปีงบ"].first(where: { matches($0, at: start) }) else { return nil }
        var position = skipSpaces(start + prefix.utf16.count)
        var era = Era.unspecified
        if let (found, after) = eraMarker(at: position) {
            era = found
            position = skipSpaces(after)
        }
        guard let (year, buddhist, end) = fullYear(at: position, era: era) ?? shortYear(at: position) else { return nil }
        let startDate = CalendarDate(year: year - 1, month: 10, day: 1)!
        let endDate = CalendarDate(year: year, month: 9, day: 30)!
        return DateMention(utf16Range: start..<end, value: .interval(.day(startDate), .day(endDate), grain: .interval),
                           grain: .interval, buddhistEraYear: buddhist, weekdayMismatch: false, isImpossible: false)
    }

    /// พ.ศ. 2475, ค.ศ. 2017, พ.ศ. 2561-2565.
    private func eraYear(at start: Int) -> DateMention? {
        guard let (era, afterEra) = eraMarker(at: start) else { return nil }
        return yearOrYearRange(at: skipSpaces(afterEra), era: era, spanStart: start)
    }

    /// ปี 2561 → the year alone (ปี stays out of the span, as in ThaiNER).
    private func yearAfterPi(at start: Int) -> DateMention? {
        guard matches("ปี", at: start) else { return nil }
        let position = skipSpaces(start + 2)
        if let (era, afterEra) = eraMarker(at: position) {
            return yearOrYearRange(at: skipSpaces(afterEra), era: era, spanStart: position)
        }
        return yearOrYearRange(at: position, era: .unspecified, spanStart: position, allowShort: true)
    }

    private func yearOrYearRange(at position: Int, era: Era, spanStart: Int, allowShort: Bool = false) -> DateMention? {
        guard let (year, buddhist, end) = fullYear(at: position, era: era)
                ?? (allowShort && era == .unspecified ? shortYear(at: position) : nil) else { return nil }
        if let afterSeparator = rangeSeparator(at: end),
           let (endYear, _, rangeEnd) = fullYear(at: skipEra(afterSeparator), era: era), endYear > year {
            return DateMention(utf16Range: spanStart..<rangeEnd,
                               value: .interval(.year(year), .year(endYear), grain: .interval),
                               grain: .interval, buddhistEraYear: buddhist, weekdayMismatch: false, isImpossible: false)
        }
        return DateMention(utf16Range: spanStart..<end, value: .point(.year(year)), grain: .year,
                           buddhistEraYear: buddhist, weekdayMismatch: false, isImpossible: false)
    }

    // MARK: Pieces

    /// [day] [month [year]]: a day needs a month after it; a month may stand alone.
    private func part(at start: Int, dayRequired: Bool) -> Part? {
        var position = start
        var part = Part(end: start)
        if let (day, afterDay) = number(at: position, maxDigits: 2), (1...31).contains(day) {
            part.day = day
            part.end = afterDay
            position = skipSpaces(afterDay)
        } else if dayRequired {
            return nil
        }
        guard let (month, afterMonth, abbreviated) = monthName(at: position, afterDay: part.day != nil) else {
            // A bare day is only a range's first side (25-30 กรกฎาคม).
            return part.day != nil ? part : nil
        }
        part.month = month
        part.end = afterMonth
        var yearStart = skipSpaces(afterMonth)
        var era = Era.unspecified
        if let (found, afterEra) = eraMarker(at: yearStart) {
            era = found
            yearStart = skipSpaces(afterEra)
        }
        if let (year, buddhist, end) = fullYear(at: yearStart, era: era) {
            part.year = year
            part.buddhistEraYear = buddhist
            part.end = end
        } else if let (short, end) = number(at: yearStart, maxDigits: 2), endsNumber(end),
                  abbreviated || yearStart == afterMonth || era != .unspecified || closesBracket(end) {
            // มิ.ย.60, ม.ค. 61: two-digit Buddhist-era years follow abbreviations.
            part.buddhistEraYear = 2500 + short
            part.year = 2500 + short - 543
            part.end = end
        } else if matches("นี้", at: afterMonth) {
            part.end = afterMonth + 3  // 10 ม.ค.นี้, 14 กุมภาพันธ์นี้
        } else if let (offset, end) = relativeYear(at: skipSpaces(afterMonth)) {
            part.relativeYear = offset
            part.end = end
        }
        return part
    }

    private enum Era { case unspecified, buddhist, common }

    /// พ.ศ. / พ.ศ / ค.ศ. / ค.ศ
    private func eraMarker(at position: Int) -> (Era, Int)? {
        for (marker, era) in [("พ.ศ.", Era.buddhist), ("ค.ศ.", .common), ("พ.ศ", .buddhist), ("ค.ศ", .common)]
        where matches(marker, at: position) {
            return (era, position + marker.utf16.count)
        }
        return nil
    }

    private func skipEra(_ position: Int) -> Int {
        guard let (_, after) = eraMarker(at: position) else { return position }
        return skipSpaces(after)
    }

    /// A four-digit year: Buddhist era (2400-2699) unless the era says common, or a plausible
    /// common-era year (1800-2299). Returns the common-era year and the Buddhist year as written.
    private func fullYear(at position: Int, era: Era) -> (Int, Int?, Int)? {
        guard let (value, end) = number(at: position, maxDigits: 4), end - position == 4, endsNumber(end) else {
            return nil
        }
        switch era {
        case .common:
            return (1...9999).contains(value) ? (value, nil, end) : nil
        case .buddhist:
            return value > 543 ? (value - 543, value, end) : nil
        case .unspecified:
            if (2400...2699).contains(value) { return (value - 543, value, end) }
            if (1800...2299).contains(value) { return (value, nil, end) }
            return nil
        }
    }

    /// 1 to `maxDigits` ASCII or Thai digits, not part of a longer number.
    private func number(at position: Int, maxDigits: Int) -> (Int, Int)? {
        guard position < units.count, CharacterClass.isDigit(units[position]) else { return nil }
        if position > 0, CharacterClass.isDigit(units[position - 1]) || units[position - 1] == 0x2C { return nil }
        var value = 0
        var end = position
        while end < units.count, CharacterClass.isDigit(units[end]) {
            if end - position == maxDigits { return nil }
            value = value * 10 + CharacterClass.digitValue(units[end])
            end += 1
        }
        return (value, end)
    }

    /// A number does not continue past `end` as a decimal, a thousands group or a time (10.30 น.).
    private func endsNumber(_ end: Int) -> Bool {
        guard end < units.count else { return true }
        let next = units[end]
        if next == 0x2E || next == 0x2C || next == 0x3A {
            return !(end + 1 < units.count && CharacterClass.isDigit(units[end + 1]))
        }
        return !CharacterClass.isDigit(next)
    }

    /// A month name at `position`: (month, end, whether it was an abbreviation).
    private func monthName(at position: Int, afterDay: Bool) -> (Int, Int, Bool)? {
        let trie = afterDay ? lexicon.monthsAfterDay : lexicon.months
        guard let match = trie.longestMatch(in: units, at: position) else { return nil }
        let abbreviated = match.end - position <= 5
        if match.end < units.count, !matches("นี้", at: match.end) {
            let next = units[match.end]
            // ก.พ.ร., ก.ค.ศ., ส.ค.ส. are commissions and cards, not months.
            if abbreviated, CharacterClass.isThaiConsonant(next) || next == 0x2E { return nil }
            if CharacterClass.isThaiCombining(next) || CharacterClass.isLatinLetter(next) && !abbreviated { return nil }
            if CharacterClass.isLatinLetter(next), CharacterClass.isLatinLetter(units[match.end - 1]) { return nil }
        }
        return (Int(match.payload), match.end, abbreviated)
    }

    /// -, –, —, ถึง, จนถึง, ถึงวันที่, จนถึงวันที่ between the two sides of a range, with spaces.
    private func rangeSeparator(at position: Int) -> Int? {
        let start = skipSpaces(position)
        guard start < units.count else { return nil }
        var after: Int
        switch units[start] {
        case 0x2D, 0x2013, 0x2014:
            after = skipSpaces(start + 1)
        default:
            guard let word = ["จนถึง", "ถึง"].first(where: { matches($0, at: start) }) else { return nil }
            after = skipSpaces(start + word.utf16.count)
        }
        // ... ถึงวันที่ 30, ... ถึงสิ้นเดือนพฤษภาคม, ... – วันเสาร์ที่ 8
        for word in ["วันที่", "สิ้นเดือน", "เดือน"] where matches(word, at: after) {
            return skipSpaces(after + word.utf16.count)
        }
        return skipWeekdayPrefix(after)
    }

    /// Skips วัน<weekday>ที่ (and the short forms จ. อ. พ. พฤ. ศ. ส. อา.) with its spaces.
    private func skipWeekdayPrefix(_ position: Int) -> Int {
        if matches("วัน", at: position), let weekday = lexicon.weekdays.longestMatch(in: units, at: position + 3) {
            var end = weekday.end
            if matches("ที่", at: end) { end += 3 }
            return skipSpaces(end)
        }
        for short in ["พฤ.", "อา.", "จ.", "อ.", "พ.", "ศ.", "ส."] where matches(short, at: position) {
            let end = position + short.utf16.count
            if end < units.count, CharacterClass.isDigit(units[end]) || CharacterClass.isSpace(units[end]) { return skipSpaces(end) }
        }
        return position
    }

    /// ปีนี้, ปีหน้า, ปีที่แล้ว ... at `position`: (offset in years, end).
    private func relativeYear(at position: Int) -> (Int, Int)? {
        for (word, offset) in DateLexicon.yearWords where matches(word, at: position) {
            return (offset, position + word.utf16.count)
        }
        return nil
    }

    /// A two-digit Buddhist-era year (60 is 2560, so 2017), not part of a longer number.
    private func shortYear(at position: Int) -> (Int, Int?, Int)? {
        guard let (short, end) = number(at: position, maxDigits: 2), end - position == 2, endsNumber(end) else { return nil }
        return (2500 + short - 543, 2500 + short, end)
    }

    /// An era marker just before `start` (พ.ศ. 2562 where ICU did not cut at พ).
    private func eraBefore(_ start: Int) -> (era: Era, start: Int)? {
        var position = start
        while position > 0, CharacterClass.isSpace(units[position - 1]) { position -= 1 }
        for length in [4, 3] where position >= length {
            if let (era, end) = eraMarker(at: position - length), end == position { return (era, position - length) }
        }
        return nil
    }

    /// `)` or the end of the text right after `position`.
    private func closesBracket(_ position: Int) -> Bool {
        position >= units.count || units[position] == 0x29
    }

    /// ของทุกปี / ทุกปี after a date: a yearly recurring day, with no single value.
    private func isRecurring(after end: Int) -> Bool {
        let position = skipSpaces(end)
        return matches("ของทุกปี", at: position) || matches("ทุกปี", at: position)
    }

    /// The weekday named just before `start` (วันพุธที่ 7 ...), as ISO 1...7.
    private func weekdayBefore(_ start: Int) -> Int? {
        var position = start
        while position > 0, CharacterClass.isSpace(units[position - 1]) { position -= 1 }
        if position >= 3, matches("ที่", at: position - 3) { position -= 3 }
        let lowest = max(0, position - 12)
        for candidate in stride(from: position - 1, through: lowest, by: -1) where matches("วัน", at: candidate) {
            if let match = lexicon.weekdays.longestMatch(in: units, at: candidate + 3), match.end == position {
                return Int(match.payload)
            }
        }
        return nil
    }

    private func follows(_ word: String, before start: Int) -> Bool {
        var position = start
        while position > 0, CharacterClass.isSpace(units[position - 1]) { position -= 1 }
        let length = word.utf16.count
        return position >= length && matches(word, at: position - length)
    }

    private func matches(_ word: String, at position: Int) -> Bool { units.hasWord(word, at: position) }

    /// Skips spaces, no-break spaces and zero-width spaces.
    private func skipSpaces(_ position: Int) -> Int {
        var index = position
        while index < units.count, CharacterClass.isSpace(units[index]) || units[index] == 0x200B { index += 1 }
        return index
    }

    /// A word may end at `end`: the next character does not combine with the last one.
    private func endsWord(_ end: Int) -> Bool {
        end >= units.count || !CharacterClass.isThaiCombining(units[end])
    }

    // MARK: Values

    private func relativeMention(_ relative: DateLexicon.Relative, range: Range<Int>) -> DateMention {
        var value: DateValue?
        let grain: DateGrain
        switch relative {
        case .days(let offset):
            grain = .day
            if let reference { value = .point(.day(reference.adding(days: offset))) }
        case .week(let offset):
            grain = .week
            if let reference {
                let monday = reference.adding(days: 1 - reference.weekday + 7 * offset)
                value = .interval(.day(monday), .day(monday.adding(days: 6)), grain: .week)
            }
        case .month(let offset):
            grain = .month
            if let reference {
                let index = reference.year * 12 + (reference.month - 1) + offset
                value = .point(.month(year: index / 12, month: index % 12 + 1))
            }
        case .year(let offset):
            grain = .year
            if let reference { value = .point(.year(reference.year + offset)) }
        }
        return DateMention(utf16Range: range, value: value, grain: grain, buddhistEraYear: nil,
                           weekdayMismatch: false, isImpossible: false)
    }

    /// Turns one or two parts into a value, filling a missing year from the reference date.
    private func resolve(_ first: Part, _ second: Part?, range: Range<Int>) -> DateMention {
        var impossible = false
        func point(_ part: Part, notBefore earlier: CalendarPoint? = nil) -> CalendarPoint? {
            guard let month = part.month else { return nil }
            var year = part.year
            if year == nil {
                guard let reference else { return nil }
                if let offset = part.relativeYear {
                    year = reference.year + offset
                } else {
                    year = nearestYear(day: part.day ?? 15, month: month, reference: reference)
                }
            }
            guard let year else { return nil }
            guard let day = part.day else { return .month(year: year, month: month) }
            guard let date = CalendarDate(year: year, month: month, day: day) else {
                impossible = true
                return nil
            }
            return .day(date)
        }
        let grain: DateGrain = second == nil ? (first.day == nil ? .month : .day) : .interval
        var value: DateValue?
        if let second {
            if var start = point(first), let end = point(second) {
                // Without years, the end takes the year nearest the reference and the start
                // comes before it (30 ธ.ค. - 2 ม.ค.; 1 มกราคม ถึง 25 ธันวาคม).
                if first.year == nil, key(end) < key(start) { start = bumpYear(start, by: -1) }
                // A range that runs backwards is a typo in the source; it has no value.
                value = key(end) < key(start) ? nil : .interval(start, end, grain: .interval)
            }
        } else if let start = point(first) {
            value = .point(start)
        }
        return DateMention(utf16Range: range, value: value, grain: grain,
                           buddhistEraYear: first.buddhistEraYear ?? second?.buddhistEraYear,
                           weekdayMismatch: false, isImpossible: impossible)
    }

    /// The year that puts day/month nearest the reference date.
    private func nearestYear(day: Int, month: Int, reference: CalendarDate) -> Int {
        let candidates = [reference.year - 1, reference.year, reference.year + 1]
        return candidates.min { lhs, rhs in
            distance(day: day, month: month, year: lhs, reference) < distance(day: day, month: month, year: rhs, reference)
        }!
    }

    private func distance(day: Int, month: Int, year: Int, _ reference: CalendarDate) -> Int {
        let clamped = min(day, CalendarDate.daysIn(month: month, year: year))
        return abs(CalendarDate(year: year, month: month, day: clamped)!.dayNumber - reference.dayNumber)
    }

    private func key(_ point: CalendarPoint) -> Int {
        switch point {
        case .day(let date): return date.dayNumber
        case .month(let year, let month): return CalendarDate(year: year, month: month, day: 1)!.dayNumber
        case .year(let year): return CalendarDate(year: year, month: 1, day: 1)!.dayNumber
        }
    }

    private func bumpYear(_ point: CalendarPoint, by years: Int) -> CalendarPoint {
        switch point {
        case .day(let date): return CalendarDate(year: date.year + years, month: date.month, day: date.day).map { .day($0) } ?? point
        case .month(let year, let month): return .month(year: year + years, month: month)
        case .year(let year): return .year(year + years)
        }
    }
}
