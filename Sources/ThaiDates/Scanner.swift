import ThaiSegmentation

/// Parses date expressions starting at a given position of a UTF-16 text.
struct Scanner {
    let units: UnsafeBufferPointer<UInt16>
    let lexicon: DateLexicon
    /// What relative and year-less dates resolve against: the document's date (its date line).
    /// A bare relative date resolves against it even after the text has said which day it is
    /// (วันนี้ (30 ตุลาคม 2560)): only the relative word with the brackets takes their date
    /// (guidelines, conventions 2 and 15).
    let reference: CalendarDate?
    let convention: SpanConvention

    init(units: UnsafeBufferPointer<UInt16>, lexicon: DateLexicon, reference: CalendarDate?, convention: SpanConvention) {
        self.units = units
        self.lexicon = lexicon
        self.reference = reference
        self.convention = convention
    }

    /// One side of a date or range as written: any of day, month and year.
    private struct Part {
        var day: Int?
        var month: Int?
        /// Common-era year.
        var year: Int?
        var buddhistEraYear: Int?
        /// ปีนี้ / ปีหน้า after the month: the year relative to the reference date.
        var relativeYear: Int?
        /// Whether the month was written as an abbreviation (ก.พ.).
        var abbreviatedMonth = false
        var end: Int
    }

    // MARK: Entry points

    /// A date expression starting at `start` (or, for เมื่อวานซืน, just after its เมื่อ);
    /// its span also takes a leading ต้น/ปลาย/สิ้น (and กลาง under ThaiNER's conventions).
    func date(at start: Int) -> DateMention? {
        guard start < units.count, lexicon.mayStartDate(units, at: start), var mention = expression(at: start) else {
            return nil
        }
        if convention == .thaiNER {
            if mention.grain == .year, namesLaw(before: mention.utf16Range.lowerBound) { return nil }
            if let periodStart = periodPrefixStart(before: mention.utf16Range.lowerBound) {
                mention.utf16Range = periodStart..<mention.utf16Range.upperBound
            }
        } else if let periodStart = periodStart(before: mention.utf16Range.lowerBound) {
            mention.utf16Range = periodStart..<mention.utf16Range.upperBound
        }
        return mention
    }

    private func expression(at start: Int) -> DateMention? {
        if let relative = relativeDate(at: start) { return relative }
        if let fiscal = fiscalYear(at: start) { return fiscal }
        if let quarter = quarter(at: start) { return quarter }
        if let era = eraYear(at: start) { return era }
        if let year = yearAfterPi(at: start) { return year }
        if CharacterClass.isDigit(units[start]) {
            // A year glued to ปี or พ.ศ. that ICU did not cut apart (การเมืองปี 53, ปีพ.ศ. 2562).
            if let marker = eraBefore(start), let year = yearOrYearRange(at: start, era: marker.era, spanStart: marker.start) {
                return year
            }
            if follows(Words.pi, before: start), let year = yearOrYearRange(at: start, era: .unspecified, spanStart: start, allowShort: true) {
                return year
            }
            if convention == .guidelines, let year = editionYear(at: start) { return year }
            if let numeric = numericDate(at: start) { return numeric }
        }
        if let counted = countedUnits(at: start) { return counted }
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
        }
        guard var first = part(at: start, dayRequired: !monthLed) else { return nil }
        // An ordinal (รัชกาลที่ 9, ครั้งที่ 2), unless a full month name or a year follows it
        // (วันจันทรที่ 26 ธันวาคม, misspelt).
        if !monthLed, follows(Words.thi, before: start), !follows(Words.wanThi, before: start), weekdayBefore(start) == nil,
           first.month == nil || first.abbreviatedMonth && first.year == nil {
            return nil
        }
        // A bare day after a label is a number, not a range's first side (เฟส 2 ถึง 31 ธ.ค.62).
        if first.month == nil, Words.numberLabels.contains(where: { follows($0, before: start) }) { return nil }
        // Under the guidelines, a bare abbreviation (ก.พ.) is a month only after เดือน or before a
        // year; a full name anywhere. ThaiNER marks bare abbreviations (คาด [มี.ค.]จะประกาศ).
        if abbreviatedLead, convention == .guidelines, first.year == nil, !follows(Words.duean, before: start) {
            guard let separator = rangeSeparator(at: first.end), let other = part(at: separator, dayRequired: false),
                  other.year != nil else { return nil }
        }
        var end = first.end
        var second: Part?
        // Where one side's year was carried across New Year to the other: how to shift both
        // sides for the other reading, in which the written year is the other side's.
        var crossYearShift: Int?
        if let afterSeparator = rangeSeparator(at: first.end),
           var other = part(at: afterSeparator, dayRequired: !monthLed) {
            // 1 มีนาคม 2562 ถึงวันที่ 15 มีนาคม: the second side takes the first's year, the
            // next one when it would come before the first (15 ธ.ค. 2562 - 10 ม.ค.).
            if other.year == nil, other.relativeYear == nil, let year = first.year, let month = first.month,
               let otherMonth = other.month {
                let forward = (otherMonth, other.day ?? 31) >= (month, first.day ?? 1)
                other.year = forward ? year : year + 1
                other.buddhistEraYear = first.buddhistEraYear.map { forward ? $0 : $0 + 1 }
                if !forward { crossYearShift = -1 }
            }
            // 25-30 กรกฎาคม 2560: the first side takes the second's month and year; 15 ธันวาคม ถึง
            // 10 มกราคม 63: the year before when its month comes after the second's.
            if first.month == nil { first.month = other.month }
            if first.year == nil, first.month != nil, let year = other.year, let month = first.month {
                let backward = (month, first.day ?? 1) > (other.month ?? month, other.day ?? 31)
                first.year = backward ? year - 1 : year
                first.buddhistEraYear = other.buddhistEraYear.map { backward ? $0 - 1 : $0 }
                if backward { crossYearShift = 1 }
            }
            if other.month == nil, first.day == nil { other.month = first.month }
            if other.month != nil, (first.day == nil) == (other.day == nil) {
                second = other
                end = other.end
            }
        }
        guard first.month != nil else { return nil }
        var mention = resolve(first, second, range: start..<end)
        // ๒ พฤศจิกายน–๒๘ กุมภาพันธ์ ๒๕๖๑ may also be November 2018 to February 2019: writers put the
        // start's year after the end too. Of the two readings, the one nearer the reference wins
        // (the written side's year on a tie, and without a reference).
        if let shift = crossYearShift, var otherSecond = second, let reference {
            var otherFirst = first
            otherFirst.year = otherFirst.year.map { $0 + shift }
            otherFirst.buddhistEraYear = otherFirst.buddhistEraYear.map { $0 + shift }
            otherSecond.year = otherSecond.year.map { $0 + shift }
            otherSecond.buddhistEraYear = otherSecond.buddhistEraYear.map { $0 + shift }
            let alternative = resolve(otherFirst, otherSecond, range: start..<end)
            if let value = alternative.value, let current = mention.value,
               distance(of: value, from: reference) < distance(of: current, from: reference) {
                mention = alternative
            }
        }
        if isRecurring(after: end) { mention.value = nil }
        if let weekday = weekdayBefore(start), case .point(.day(let date))? = mention.value {
            mention.weekdayMismatch = date.weekday != weekday
            if mention.weekdayMismatch {
                let written = first.year == nil ? nil : first.buddhistEraYear ?? first.year
                mention.suggestedValue = repair(date, writtenYear: written, buddhist: first.buddhistEraYear != nil,
                                                weekday: weekday, past: isPast(weekdayDateAt: start, end: end))
                    .map { .point(.day($0)) }
            }
        }
        return mention
    }

    /// The one reading near `date` that falls on the stated `weekday`, if exactly one does: the
    /// year one off (last year's number kept in January), one digit of the year changed (๒๔๖๑ for
    /// ๒๕๖๑) or two next to each other swapped (2536 for 2563), or one digit of the day changed.
    /// `writtenYear` is the year as written (Buddhist era when `buddhist`), nil when the text gave
    /// none (then only the day and the year one off vary).
    ///
    /// A repair needs the reference date (the document's date line) to judge by: the date as
    /// written must lie more than `repairWindow` days from it, and the reading within that window,
    /// and not after it when the text says the day is past (เมื่อ ..., ... ที่ผ่านมา). A date near
    /// the reference that disagrees with its weekday may be wrong in either (วันพุธที่ 18 on a
    /// Tuesday the 18th), so it only keeps its flag.
    func repair(_ date: CalendarDate, writtenYear: Int?, buddhist: Bool, weekday: Int, past: Bool) -> CalendarDate? {
        guard let reference, abs(date.dayNumber - reference.dayNumber) > Self.repairWindow else { return nil }
        var candidates: [CalendarDate] = []
        func consider(year: Int, day: Int) {
            guard let candidate = CalendarDate(year: year, month: date.month, day: day), candidate != date,
                  candidate.weekday == weekday, !candidates.contains(candidate) else { return }
            let distance = candidate.dayNumber - reference.dayNumber
            guard abs(distance) <= Self.repairWindow, !past || distance <= 0 else { return }
            candidates.append(candidate)
        }
        consider(year: date.year - 1, day: date.day)
        consider(year: date.year + 1, day: date.day)
        var place = 1
        while let writtenYear, place <= 1000 {
            let digit = writtenYear / place % 10
            for replacement in 0...9 where replacement != digit {
                consider(year: writtenYear + (replacement - digit) * place - (buddhist ? 543 : 0), day: date.day)
            }
            place *= 10
        }
        place = 1
        while let writtenYear, place <= 100 {
            let low = writtenYear / place % 10, high = writtenYear / (place * 10) % 10
            if low != high {
                consider(year: writtenYear + (high - low) * place + (low - high) * place * 10 - (buddhist ? 543 : 0), day: date.day)
            }
            place *= 10
        }
        place = 1
        while place <= 10 {
            let digit = date.day / place % 10
            for replacement in 0...9 where replacement != digit {
                consider(year: date.year, day: date.day + (replacement - digit) * place)
            }
            place *= 10
        }
        return candidates.count == 1 ? candidates[0] : nil
    }

    /// How far from the reference date, in days, a repaired date may lie.
    static let repairWindow = 45

    /// Whether the text marks the date starting at `start` (after its weekday) as past: เมื่อ before
    /// วัน<weekday>ที่, or ที่ผ่านมา after `end`.
    private func isPast(weekdayDateAt start: Int, end: Int) -> Bool {
        if matches(Words.passed, at: skipSpaces(end)) { return true }
        var position = skipSpacesBackward(start)
        if position >= Words.thi.count, matches(Words.thi, at: position - Words.thi.count) {
            position = skipSpacesBackward(position - Words.thi.count)
        }
        guard let name = DateLexicon.weekdayNames.first(where: { position >= $0.name.count && matches($0.name, at: position - $0.name.count) })
        else { return false }
        position -= name.name.count
        if position >= Words.wan.count, matches(Words.wan, at: position - Words.wan.count) { position -= Words.wan.count }
        position = skipSpacesBackward(position)
        return position >= Words.muea.count && matches(Words.muea, at: position - Words.muea.count)
    }

    // MARK: Forms

    /// วันนี้, เมื่อวานนี้, พรุ่งนี้, สัปดาห์หน้า, ปีที่แล้ว ...; `วันนี้ (25 พฤษภาคม 2561)` as one date
    /// under the guidelines, and `วันนี้ (6 ก.พ.63) – 8 ก.พ.63` as one range.
    private func relativeDate(at start: Int) -> DateMention? {
        guard let match = lexicon.relativeWords.longestMatch(in: units, at: start), endsWord(match.end) else { return nil }
        let relative = lexicon.relatives[Int(match.payload)]
        guard !isCountedUnit(relative, at: start) else { return nil }
        // ThaiNER marks a relative week, month or year standing alone only when it is ปีนี้ (train
        // split: 3 of the 58 others are marked: สัปดาห์หน้า, ปีที่แล้ว, เดือนก่อน ... are left out).
        if convention == .thaiNER {
            switch relative {
            case .week, .month, .anchored: return nil
            case .year(let offset) where offset != 0: return nil
            default: break
            }
        }
        // เมื่อวานซืน: เมื่อ is the preposition before วานซืน and stays out of the span.
        let spanStart = matches(Words.mueaWanSuen, at: start) ? start + Words.muea.count : start
        if case .days = relative, convention == .guidelines,
           let (inner, close) = bracketedDate(after: match.end) {
            var mention = inner
            mention.utf16Range = spanStart..<(close + 1)
            // ... (6 ก.พ.63) – วันเสาร์ที่ 8 ก.พ.63: a range from the bracketed day.
            if case .point(.day(let first))? = inner.value, let separator = rangeSeparator(at: close + 1),
               let other = explicitDate(at: separator), case .point(.day(let last))? = other.value, first < last {
                mention.value = .interval(.day(first), .day(last), grain: .interval)
                mention.grain = .interval
                mention.utf16Range = spanStart..<other.utf16Range.upperBound
            }
            return mention
        }
        // วันนี้ ๒๒ ธ.ค. 60: today with its full date written after it, one date valued from the
        // written one, like the bracketed form (guidelines, convention 2).
        if case .days(0) = relative, convention == .guidelines, let written = fullDateAfter(match.end) {
            var mention = written
            mention.utf16Range = spanStart..<written.utf16Range.upperBound
            return mention
        }
        // วันนี้ – 31 สิงหาคม 2563, วันนี้ ถึง 30 พฤศจิกายน 2560: a range from the relative day.
        if case .days(let offset) = relative, convention == .guidelines, let reference,
           let separator = rangeSeparator(at: match.end), let other = explicitDate(at: separator),
           case .point(.day(let last))? = other.value, reference.adding(days: offset) < last {
            return DateMention(utf16Range: spanStart..<other.utf16Range.upperBound,
                               value: .interval(.day(reference.adding(days: offset)), .day(last), grain: .interval),
                               grain: .interval, buddhistEraYear: other.buddhistEraYear, weekdayMismatch: false,
                               isImpossible: false)
        }
        // ThaiNER marks วันนี้ and the date in brackets after it apart; วันนี้ takes the date the
        // bracket states, not the reference's.
        if case .days = relative, convention == .thaiNER, let (inner, _) = bracketedDate(after: match.end),
           case .point(.day)? = inner.value {
            var mention = relativeMention(relative, range: spanStart..<match.end)
            mention.value = inner.value
            return mention
        }
        return relativeMention(relative, range: spanStart..<match.end)
    }

    /// A day, month and year written after a relative word on the same line, with spaces between
    /// (วันนี้ 21 เมษายน 2560): the date, without the relative word.
    private func fullDateAfter(_ end: Int) -> DateMention? {
        let position = skipSpaces(end)
        guard position > end, position < units.count, CharacterClass.isDigit(units[position]),
              let written = explicitDate(at: position), case .point(.day)? = written.value,
              written.buddhistEraYear != nil || hasYearDigits(before: written.utf16Range.upperBound) else { return nil }
        return written
    }

    /// Whether a date ending at `end` ends in a number (its year), not a month name.
    private func hasYearDigits(before end: Int) -> Bool { end > 0 && CharacterClass.isDigit(units[end - 1]) }

    /// The explicit date in brackets after a relative word (วันนี้ (3 ก.ย.)) and the bracket's end.
    /// The date may follow วันที่ or a weekday, with or without วัน and ที่ (วันนี้ (พุธ 10 มกราคม
    /// 2561), วันนี้ (อังคาร ที่ 12 พ.ค. 63)).
    private func bracketedDate(after end: Int) -> (DateMention, Int)? {
        var position = skipSpaces(end)
        guard position < units.count, units[position] == 0x28 /* ( */ else { return nil }
        position = skipSpaces(position + 1)
        if matches(Words.wanThi, at: position) {
            position = skipSpaces(position + Words.wanThi.count)
        } else if let weekday = lexicon.weekdays.longestMatch(in: units, at: position) {
            position = skipSpaces(weekday.end)
            if matches(Words.thi, at: position) { position = skipSpaces(position + Words.thi.count) }
        } else {
            position = skipWeekdayPrefix(position)
        }
        guard let inner = explicitDate(at: position) else { return nil }
        let close = skipSpaces(inner.utf16Range.upperBound)
        guard close < units.count, units[close] == 0x29 /* ) */ else { return nil }
        return (inner, close)
    }

    /// Whether `relative`, written at `start`, begins with a unit (วัน, สัปดาห์, เดือน, ปี) counted
    /// by the number before it (2-3 วันที่ผ่านมา, 4 ปีที่ผ่านมา, 1-2 วันนี้, but ไตรมาส 4 ปีนี้) or,
    /// under the guidelines, by a quantity word (ทุกวันนี้ is "nowadays", หลายเดือนก่อน "months ago";
    /// ThaiNER marks ทุก[วันนี้]).
    private func isCountedUnit(_ relative: DateLexicon.Relative, at start: Int) -> Bool {
        guard Words.units.contains(where: { matches($0.word, at: start) }) else { return false }
        let position = skipSpacesBackward(start)
        if position > 0, CharacterClass.isDigit(units[position - 1]) {
            switch relative {
            case .days: return true
            case .week(let offset), .month(let offset), .year(let offset): return offset < 0
            case .anchored: return true
            }
        }
        return convention == .guidelines && Words.quantities.contains { follows($0, before: start) }
    }

    /// อีก 7 วัน; 3 วันที่ผ่านมา / 3 วันก่อน; 2 สัปดาห์ที่ผ่านมา; 10 ปีที่ผ่านมา (also 5 ปี ที่ผ่านมา);
    /// 3 ปีข้างหน้า / อีก 6 เดือนข้างหน้า; counted ranges (4-5 ปีที่ผ่านมา, 2-3 เดือนข้างหน้า). ThaiNER
    /// marks none of these.
    private func countedUnits(at start: Int) -> DateMention? {
        guard convention == .guidelines else { return nil }
        var position = start
        var sign = -1
        if matches(Words.ik, at: position) {
            if follows(Words.phoem, before: start) || follows(Words.khayai, before: start) { return nil }  // a duration
            sign = 1
            position = skipSpaces(position + Words.ik.count)
        }
        guard let (first, afterFirst) = number(at: position, maxDigits: 3) else { return nil }
        // 4-5 ปี, 1 - 2 อาทิตย์: a range of counts, the larger one last.
        var count = first
        var afterNumber = afterFirst
        if let dash = dashAfter(afterFirst), let (second, afterSecond) = number(at: dash, maxDigits: 3), second > first {
            count = second
            afterNumber = afterSecond
        }
        let least = first
        let unitStart = skipSpaces(afterNumber)
        guard let unit = Words.units.first(where: { matches($0.word, at: unitStart) }) else { return nil }
        let afterUnit = unitStart + unit.word.count
        let suffixStart = skipSpaces(afterUnit)
        // 3 ปีข้างหน้า, อีก 6 เดือนข้างหน้า: that many units after the reference.
        if matches(Words.ahead, at: afterUnit) {
            return aheadMention(least, count, unit.kind, range: start..<(afterUnit + Words.ahead.count))
        }
        if sign > 0 {
            guard unit.kind == .day, !matches(Words.thi, at: afterUnit) else { return nil }
            return aheadMention(least, count, .day, range: start..<afterUnit)
        }
        // 4 วันที่จะถึงนี้: the days after the reference day.
        if unit.kind == .day, count == least, let suffix = Words.comingSuffixes.first(where: { matches($0, at: afterUnit) }) {
            let value = reference.map {
                DateValue.interval(.day($0.adding(days: 1)), .day($0.adding(days: count)), grain: .interval)
            }
            return DateMention(utf16Range: start..<(afterUnit + suffix.count), value: value, grain: .interval,
                               buddhistEraYear: nil, weekdayMismatch: false, isImpossible: false)
        }
        for (suffix, isSpan) in Words.pastSuffixes where matches(suffix, at: suffix == Words.passed ? suffixStart : afterUnit) {
            let end = (suffix == Words.passed ? suffixStart : afterUnit) + suffix.count
            guard endsWord(end) else { return nil }
            // 2 ปีก่อนการเลือกตั้ง: ก่อน glued to a noun means "before" it.
            if suffix == Words.korn, end < units.count, CharacterClass.isThai(units[end]) { return nil }
            // 4-5 ปีที่ผ่านมา: from 5 to 4 years back (days and weeks: the stretch up to the reference).
            if least < count, unit.kind == .year || unit.kind == .month || !isSpan {
                let value = reference.map { reference in
                    DateValue.interval(unitPoint(reference, -count, unit.kind, last: false),
                                       unitPoint(reference, -least, unit.kind, last: true), grain: .interval)
                }
                return DateMention(utf16Range: start..<end, value: value, grain: .interval, buddhistEraYear: nil,
                                   weekdayMismatch: false, isImpossible: false)
            }
            return countedMention(count, unit.kind, spanningToNow: isSpan, range: start..<end)
        }
        return nil
    }

    /// A dash between two counts (4-5, 1 - 2): the position after it and its spaces.
    private func dashAfter(_ position: Int) -> Int? {
        let dash = skipSpaces(position)
        guard dash < units.count, units[dash] == 0x2D || units[dash] == 0x2013 else { return nil }
        return skipSpaces(dash + 1)
    }

    /// `least` to `count` units after the reference (3 ปีข้างหน้า is the year three after it; 2-3
    /// เดือนข้างหน้า the months two to three after it).
    private func aheadMention(_ least: Int, _ count: Int, _ unit: Words.Unit, range: Range<Int>) -> DateMention {
        if least == count {
            switch unit {
            case .day: return relativeMention(.days(count), range: range)
            case .week: return relativeMention(.week(count), range: range)
            case .month: return relativeMention(.month(count), range: range)
            case .year: return relativeMention(.year(count), range: range)
            }
        }
        let value = reference.map {
            DateValue.interval(unitPoint($0, least, unit, last: false), unitPoint($0, count, unit, last: true), grain: .interval)
        }
        return DateMention(utf16Range: range, value: value, grain: .interval, buddhistEraYear: nil,
                           weekdayMismatch: false, isImpossible: false)
    }

    /// The day, week (its Monday, or with `last` its Sunday), month or year `offset` units from the reference.
    private func unitPoint(_ reference: CalendarDate, _ offset: Int, _ unit: Words.Unit, last: Bool) -> CalendarPoint {
        switch unit {
        case .day: return .day(reference.adding(days: offset))
        case .week: return .day(reference.adding(days: 1 - reference.weekday + 7 * offset + (last ? 6 : 0)))
        case .month: return monthPoint(reference, offset)
        case .year: return .year(reference.year + offset)
        }
    }

    /// ปีงบประมาณ 2561 / ปีงบประมาณ พ.ศ. 2561: the Thai fiscal year, 1 October to 30 September.
    /// ThaiNER's span leaves ปีงบประมาณ out.
    private func fiscalYear(at start: Int) -> DateMention? {
        guard let prefix = Words.fiscalPrefixes.first(where: { matches($0, at: start) }) else { return nil }
        // ปีงบประมาณนี้ / ปีงบประมาณหน้า: relative to the fiscal year of the reference date.
        if convention == .guidelines, let (offset, end) = fiscalRelative(at: start + prefix.count) {
            var value: DateValue?
            if let reference {
                let year = (reference.month >= 10 ? reference.year + 1 : reference.year) + offset
                value = .interval(.day(CalendarDate(year: year - 1, month: 10, day: 1)!),
                                  .day(CalendarDate(year: year, month: 9, day: 30)!), grain: .interval)
            }
            return DateMention(utf16Range: start..<end, value: value, grain: .interval, buddhistEraYear: nil,
                               weekdayMismatch: false, isImpossible: false)
        }
        var position = skipSpaces(start + prefix.count)
        let yearStart = position
        var era = Era.unspecified
        if let (found, after) = eraMarker(at: position) {
            era = found
            position = skipSpaces(after)
        }
        guard let (firstYear, buddhist, firstEnd) = fullYear(at: position, era: era) ?? shortYear(at: position) else { return nil }
        var (year, end) = (firstYear, firstEnd)
        let startDate = CalendarDate(year: year - 1, month: 10, day: 1)!
        // ปีงบประมาณ 2562 – 2564: from the first fiscal year's start to the last one's end.
        if convention == .guidelines, let dash = dashAfter(end), let (last, _, rangeEnd) = fullYear(at: skipEra(dash), era: era),
           last > year {
            (year, end) = (last, rangeEnd)
        }
        let endDate = CalendarDate(year: year, month: 9, day: 30)!
        let spanStart = convention == .thaiNER ? yearStart : start
        return DateMention(utf16Range: spanStart..<end, value: .interval(.day(startDate), .day(endDate), grain: .interval),
                           grain: .interval, buddhistEraYear: buddhist, weekdayMismatch: false, isImpossible: false)
    }

    /// นี้ or หน้า after ปีงบประมาณ: (offset in years, end).
    private func fiscalRelative(at position: Int) -> (Int, Int)? {
        for (word, offset) in Words.fiscalRelatives where matches(word, at: position) && endsWord(position + word.count) {
            return (offset, position + word.count)
        }
        return nil
    }

    /// ไตรมาส 1/2560, ไตรมาสที่ 3 ปี 2562, ไตรมาส 4 ของปี 2559, ไตรมาส 1 ปีหน้า, ไตรมาสที่ 1 ของปีนี้, ไตรมาส 1 (in the
    /// reference's year): three months; ไตรมาสที่ 3 ปีงบประมาณ 2561 counts from October (April to
    /// June 2018). ThaiNER does not mark quarters.
    private func quarter(at start: Int) -> DateMention? {
        guard convention == .guidelines, matches(Words.quarter, at: start) else { return nil }
        var position = start + Words.quarter.count
        if matches(Words.thi, at: position) { position += Words.thi.count }
        guard let (index, afterIndex) = number(at: skipSpaces(position), maxDigits: 1), (1...4).contains(index),
              endsNumber(afterIndex) else { return nil }
        var year = reference?.year
        var buddhist: Int?
        var fiscal = false
        var end = afterIndex
        let yearWord = skipSpaces(afterIndex)
        if afterIndex < units.count, units[afterIndex] == 0x2F {
            guard let (written, writtenBuddhist, yearEnd) = fullYear(at: afterIndex + 1, era: .unspecified)
                    ?? shortYear(at: afterIndex + 1) else { return nil }
            (year, buddhist, end) = (written, writtenBuddhist, yearEnd)
        } else if let (offset, relativeEnd) = relativeYear(at: yearWord)
                    ?? (matches(Words.khong, at: yearWord) ? relativeYear(at: skipSpaces(yearWord + Words.khong.count)) : nil) {
            year = reference.map { $0.year + offset }
            end = relativeEnd
        } else if let lead = Words.quarterYearLeads.first(where: { matches($0.word, at: yearWord) }) {
            var yearStart = skipSpaces(yearWord + lead.word.count)
            var era = Era.unspecified
            if let (found, afterEra) = eraMarker(at: yearStart) {
                era = found
                yearStart = skipSpaces(afterEra)
            }
            if let (written, writtenBuddhist, yearEnd) = fullYear(at: yearStart, era: era)
                ?? (era == .unspecified ? shortYear(at: yearStart) : nil) {
                (year, buddhist, end, fiscal) = (written, writtenBuddhist, yearEnd, lead.fiscal)
            }
        }
        let value = year.map { year -> DateValue in
            let first = year * 12 + 3 * (index - 1) - (fiscal ? 3 : 0)
            return .interval(.month(year: first / 12, month: first % 12 + 1),
                             .month(year: (first + 2) / 12, month: (first + 2) % 12 + 1), grain: .interval)
        }
        return DateMention(utf16Range: start..<end, value: value, grain: .interval, buddhistEraYear: buddhist,
                           weekdayMismatch: false, isImpossible: false)
    }

    /// พ.ศ. 2475, ค.ศ. 2017, พ.ศ. 2561-2565.
    private func eraYear(at start: Int) -> DateMention? {
        guard let (era, afterEra) = eraMarker(at: start) else { return nil }
        return yearOrYearRange(at: skipSpaces(afterEra), era: era, spanStart: start)
    }

    /// ปี 2561 → the year alone (ปี stays out of the span, as in ThaiNER); under the guidelines
    /// ปีการศึกษา 2562 is one span (the year 2019), and ปีการผลิต 2559/60 the crop year 2559/60
    /// alone (2016/2017).
    private func yearAfterPi(at start: Int) -> DateMention? {
        guard matches(Words.pi, at: start) else { return nil }
        if convention == .guidelines {
            if matches(Words.academicYear, at: start) {
                let position = skipSpaces(start + Words.academicYear.count)
                return yearOrYearRange(at: position, era: .unspecified, spanStart: start, allowShort: true)
            }
            if matches(Words.cropYear, at: start) {
                let position = skipSpaces(start + Words.cropYear.count)
                return yearOrYearRange(at: position, era: .unspecified, spanStart: position, allowShort: true)
            }
        }
        let position = skipSpaces(start + Words.pi.count)
        let mention: DateMention?
        if let (era, afterEra) = eraMarker(at: position) {
            mention = yearOrYearRange(at: skipSpaces(afterEra), era: era, spanStart: position)
        } else {
            mention = yearOrYearRange(at: position, era: .unspecified, spanStart: position, allowShort: true)
        }
        // งบประมาณ ปี พ.ศ. 2563, งบ.ปี 64: a budget year is the fiscal year (guidelines, convention 13).
        if convention == .guidelines, var budget = mention, case .point(.year(let year))? = budget.value, followsBudget(start) {
            budget.value = .interval(.day(CalendarDate(year: year - 1, month: 10, day: 1)!),
                                     .day(CalendarDate(year: year, month: 9, day: 30)!), grain: .interval)
            budget.grain = .interval
            return budget
        }
        return mention
    }

    /// Whether งบประมาณ, งบฯ or งบ (with a dot or spaces) ends just before `start`.
    private func followsBudget(_ start: Int) -> Bool {
        var position = skipSpacesBackward(start)
        if position > 0, units[position - 1] == 0x2E { position -= 1 }
        return Words.budgetWords.contains { position >= $0.count && matches($0, at: position - $0.count) }
    }

    private func yearOrYearRange(at position: Int, era: Era, spanStart: Int, allowShort: Bool = false) -> DateMention? {
        guard let (year, buddhist, end) = fullYear(at: position, era: era)
                ?? (allowShort && era == .unspecified ? shortYear(at: position) : nil) else { return nil }
        // 2561-2565; a crop or academic year 2548/2549, 2559/60, 2559/ 60.
        let cropYearSecond = end < units.count && units[end] == 0x2F ? end + 1 : nil
        if let second = cropYearSecond, let buddhist, let (_, following, shortEnd) = shortYear(at: skipSpaces(second)),
           following == buddhist + 1 {
            return DateMention(utf16Range: spanStart..<shortEnd, value: .interval(.year(year), .year(year + 1), grain: .interval),
                               grain: .interval, buddhistEraYear: buddhist, weekdayMismatch: false, isImpossible: false)
        }
        if let afterSeparator = rangeSeparator(at: end) ?? cropYearSecond,
           let (endYear, _, rangeEnd) = fullYear(at: skipEra(afterSeparator), era: era),
           endYear > year, afterSeparator != cropYearSecond || endYear == year + 1 {
            return DateMention(utf16Range: spanStart..<rangeEnd,
                               value: .interval(.year(year), .year(endYear), grain: .interval),
                               grain: .interval, buddhistEraYear: buddhist, weekdayMismatch: false, isImpossible: false)
        }
        return DateMention(utf16Range: spanStart..<end, value: .point(.year(year)), grain: .year,
                           buddhistEraYear: buddhist, weekdayMismatch: false, isImpossible: false)
    }

    /// A bare year naming an edition, an event or a plan (guidelines convention 6: the year says
    /// when): after a name, Latin (Expo 2018, Climate Action Summit 2019) or Thai (สงกรานต์ 2561,
    /// โอทอปซิตี้ 2016, ส่งสุขปีใหม่ 2560), with a space between; and a range of years in brackets, a
    /// plan's period (ระยะที่ 3 (2566-2570)). A Latin name takes a common-era year (1950-2099), a Thai
    /// one a Buddhist-era year or a common-era one from 1990. A number a count noun follows (2561 ราย)
    /// or a quantity word leads (จำนวน 2561) counts something: no date.
    private func editionYear(at start: Int) -> DateMention? {
        guard let (year, buddhist, end) = fullYear(at: start, era: .unspecified) else { return nil }
        let before = skipSpacesBackward(start)
        guard before > 0 else { return nil }
        if units[before - 1] == 0x28 /* ( */ {
            guard buddhist != nil, let mention = yearOrYearRange(at: start, era: .unspecified, spanStart: start),
                  mention.grain == .interval else { return nil }
            let close = skipSpaces(mention.utf16Range.upperBound)
            return close < units.count && units[close] == 0x29 /* ) */ ? mention : nil
        }
        let previous = units[before - 1]
        guard before < start else { return nil }
        if CharacterClass.isLatinLetter(previous) {
            guard buddhist == nil, (1950...2099).contains(year) else { return nil }
        } else {
            guard CharacterClass.isThai(previous), !CharacterClass.isDigit(previous),
                  buddhist != nil || (1990...2099).contains(year) else { return nil }
        }
        if end < units.count {
            let next = units[end]
            guard !CharacterClass.isLatinLetter(next), next != 0x2F, next != 0x3A,
                  !CharacterClass.isThai(next) || CharacterClass.isDigit(next) else { return nil }
        }
        if Words.countsAfterYear.contains(where: { matches($0, at: skipSpaces(end)) })
            || Words.quantityLeads.contains(where: { follows($0, before: start) })
            || Words.namesWithYears.contains(where: { follows($0, before: start) }) {
            return nil
        }
        return yearOrYearRange(at: start, era: .unspecified, spanStart: start)
    }

    /// 28/3/2560, 21/02/2561, 28/10/62: day/month/year with slashes; month/day/year when only
    /// that reading is possible (2/21/2004).
    private func numericDate(at start: Int) -> DateMention? {
        guard start == 0 || !Words.isNumberJoiner(units[start - 1]),
              let (first, afterFirst) = number(at: start, maxDigits: 2), afterFirst < units.count, units[afterFirst] == 0x2F,
              let (second, afterSecond) = number(at: afterFirst + 1, maxDigits: 2), afterSecond < units.count,
              units[afterSecond] == 0x2F,
              let (year, buddhist, end) = fullYear(at: afterSecond + 1, era: .unspecified) ?? shortYear(at: afterSecond + 1),
              end >= units.count || units[end] != 0x2F else { return nil }
        let (day, month) = first <= 12 && second > 12 ? (second, first) : (first, second)
        guard (1...12).contains(month) else { return nil }
        let part = Part(day: day, month: month, year: year, buddhistEraYear: buddhist, end: end)
        return resolve(part, nil, range: start..<end)
    }

    // MARK: Pieces

    /// [day] [month [year]]: a day needs a month after it; a month may stand alone.
    private func part(at start: Int, dayRequired: Bool) -> Part? {
        var position = start
        var part = Part(end: start)
        if let (day, afterDay) = number(at: position, maxDigits: 2), (1...31).contains(day) {
            part.day = day
            part.end = afterDay
            // 15-ก.ค.-2565, 15-กรกฎาคม-2565: dashes on both sides of the month, a year after.
            if afterDay < units.count, units[afterDay] == 0x2D,
               let (month, afterMonth, abbreviated) = monthName(at: afterDay + 1, afterDay: true),
               afterMonth < units.count, units[afterMonth] == 0x2D,
               let (year, buddhist, end) = fullYear(at: afterMonth + 1, era: .unspecified) ?? shortYear(at: afterMonth + 1) {
                part.month = month
                part.abbreviatedMonth = abbreviated
                part.year = year
                part.buddhistEraYear = buddhist
                part.end = end
                return part
            }
            position = skipSpaces(afterDay)
        } else if dayRequired {
            return nil
        }
        if part.day != nil, let numbered = numberedMonth(at: position) {
            part.month = numbered.month
            part.year = numbered.year
            part.buddhistEraYear = numbered.buddhistEraYear
            part.end = numbered.end
            return part
        }
        guard let (month, afterMonth, abbreviated) = monthName(at: position, afterDay: part.day != nil) else {
            // A bare day is only a range's first side (25-30 กรกฎาคม).
            return part.day != nil ? part : nil
        }
        part.month = month
        part.abbreviatedMonth = abbreviated
        part.end = afterMonth
        // December 31, 2016: an English month, the day, a comma and the year.
        if part.day == nil, CharacterClass.isLatinLetter(units[position]),
           let (day, afterDay) = number(at: skipSpaces(afterMonth), maxDigits: 2), (1...31).contains(day),
           afterDay < units.count, units[afterDay] == 0x2C /* , */,
           let (year, buddhist, end) = fullYear(at: skipSpaces(afterDay + 1), era: .unspecified) {
            part.day = day
            part.year = year
            part.buddhistEraYear = buddhist
            part.end = end
            return part
        }
        var yearStart = skipSpaces(afterMonth)
        // กันยายน ปี 2560, ธันวาคม ปี พ.ศ. 2559: ปี before the year (a year that follows, four digits
        // or era-marked, is the month's).
        var yearAfterPi = false
        if matches(Words.pi, at: yearStart) {
            yearStart = skipSpaces(yearStart + Words.pi.count)
            yearAfterPi = true
        }
        var era = Era.unspecified
        if let (found, afterEra) = eraMarker(at: yearStart) {
            era = found
            yearStart = skipSpaces(afterEra)
        }
        if yearAfterPi, fullYear(at: yearStart, era: era) == nil {
            yearStart = skipSpaces(afterMonth)
            era = .unspecified
        }
        if let (year, buddhist, end) = fullYear(at: yearStart, era: era) {
            part.year = year
            part.buddhistEraYear = buddhist
            part.end = end
        } else if let (short, end) = number(at: yearStart, maxDigits: 2), digitCount(yearStart..<end) == 2, endsNumber(end),
                  abbreviated || yearStart == afterMonth || era != .unspecified || !countsSomething(at: skipSpaces(end)) {
            // มิ.ย.60, ม.ค. 61, 9 สิงหาคม 55: two-digit years are Buddhist era.
            part.buddhistEraYear = 2500 + short
            part.year = 2500 + short - 543
            part.end = end
        } else if let (offset, end) = relativeYear(at: skipSpaces(afterMonth)) {
            part.relativeYear = offset
            part.end = end
        }
        return part
    }

    /// เดือน 11 ค.ศ. 2018 after a day: the month as a number, only with an era-marked or full year.
    private func numberedMonth(at position: Int) -> (month: Int, year: Int, buddhistEraYear: Int?, end: Int)? {
        guard matches(Words.duean, at: position),
              let (month, afterMonth) = number(at: skipSpaces(position + Words.duean.count), maxDigits: 2),
              (1...12).contains(month) else { return nil }
        var yearStart = skipSpaces(afterMonth)
        var era = Era.unspecified
        if let (found, afterEra) = eraMarker(at: yearStart) {
            era = found
            yearStart = skipSpaces(afterEra)
        }
        guard let (year, buddhist, end) = fullYear(at: yearStart, era: era) else { return nil }
        return (month, year, buddhist, end)
    }

    enum Era { case unspecified, buddhist, common }

    /// Era markers, longest first: พุทธศักราช, พ.ศ., พ.ศ, พศ, คริสต์ศักราช, ค.ศ., ค.ศ.
    static let eraMarkers: [(marker: [UInt16], era: Era)] = [
        ("พุทธศักราช", Era.buddhist), ("คริสต์ศักราช", .common), ("พ.ศ.", .buddhist), ("ค.ศ.", .common),
        ("พ.ศ", .buddhist), ("ค.ศ", .common), ("พศ", .buddhist),
    ].map { (Array($0.0.utf16), $0.1) }

    private func eraMarker(at position: Int) -> (Era, Int)? {
        guard position < units.count, units[position] == 0x0E1E || units[position] == 0x0E04 /* พ ค */ else { return nil }
        for (marker, era) in Self.eraMarkers where matches(marker, at: position) {
            return (era, position + marker.count)
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
        guard let (value, end) = number(at: position, maxDigits: 4), digitCount(position..<end) == 4, endsNumber(end) else {
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
    /// Some editors put a zero-width space between the digits (๒\u{200B}๕\u{200B}๖\u{200B}๒): it is skipped.
    private func number(at position: Int, maxDigits: Int) -> (Int, Int)? {
        guard position < units.count, CharacterClass.isDigit(units[position]) else { return nil }
        if position > 0, CharacterClass.isDigit(units[position - 1]) || units[position - 1] == 0x2C
            || units[position - 1] == 0x200B && position > 1 && CharacterClass.isDigit(units[position - 2]) { return nil }
        var value = 0
        var digits = 0
        var end = position
        while end < units.count {
            if CharacterClass.isDigit(units[end]) {
                if digits == maxDigits { return nil }
                value = value * 10 + CharacterClass.digitValue(units[end])
                digits += 1
                end += 1
            } else if units[end] == 0x200B, end + 1 < units.count, CharacterClass.isDigit(units[end + 1]) {
                end += 1
            } else {
                break
            }
        }
        return (value, end)
    }

    /// The number of digits in `range` (a number's span may hold zero-width spaces).
    private func digitCount(_ range: Range<Int>) -> Int {
        var count = 0
        for position in range where CharacterClass.isDigit(units[position]) { count += 1 }
        return count
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

    /// Whether a counted noun (ราย, คน, แห่ง ...) stands at `position`: `1 มิถุนายน 61 ราย` is a count.
    private func countsSomething(at position: Int) -> Bool {
        Words.countNouns.contains { matches($0, at: position) }
    }

    /// A month name at `position`: (month, end, whether it was an abbreviation).
    private func monthName(at position: Int, afterDay: Bool) -> (Int, Int, Bool)? {
        // อ.ส.ค.: an abbreviation right after a dot is the end of a longer acronym.
        if position > 0, units[position - 1] == 0x2E { return nil }
        let trie = afterDay ? lexicon.monthsAfterDay : lexicon.months
        guard let match = trie.longestMatch(in: units, at: position) else { return nil }
        let abbreviated = match.end - position <= 5
        if match.end < units.count, !matches(Words.nee, at: match.end) {
            let next = units[match.end]
            // ก.พ.ร., ก.ค.ศ., ส.ค.ส. are commissions and cards, not months; a word glued after the
            // final dot is not (21 ม.ค.ที่ผ่านมา).
            if abbreviated, next == 0x2E || CharacterClass.isThaiConsonant(next)
                && (!endsWithDot(match.end) || isLoneLetter(at: match.end)) {
                return nil
            }
            if CharacterClass.isThaiCombining(next) || CharacterClass.isLatinLetter(next) && !abbreviated { return nil }
            if CharacterClass.isLatinLetter(next), CharacterClass.isLatinLetter(units[match.end - 1]) { return nil }
        }
        return (Int(match.payload), match.end, abbreviated)
    }

    /// Whether the text just before `end` is a dot (ม.ค. rather than ม.ค).
    private func endsWithDot(_ end: Int) -> Bool { end > 0 && units[end - 1] == 0x2E }

    /// Whether the consonant at `position` stands alone or before a dot, as an acronym's letter does.
    private func isLoneLetter(at position: Int) -> Bool {
        let next = position + 1
        return next >= units.count || units[next] == 0x2E || !CharacterClass.isThai(units[next])
    }

    /// -, –, —, and under the guidelines ถึง, จนถึง, ถึงวันที่, จนถึงวันที่ between the two sides
    /// of a range, with spaces (ThaiNER marks the sides of a range in words as two dates).
    private func rangeSeparator(at position: Int) -> Int? {
        let start = skipSpaces(position)
        guard start < units.count else { return nil }
        var after: Int
        switch units[start] {
        case 0x2D, 0x2013, 0x2014:
            after = skipSpaces(start + 1)
        default:
            guard convention == .guidelines,
                  let word = Words.rangeWords.first(where: { matches($0, at: start) }) else { return nil }
            after = skipSpaces(start + word.count)
        }
        // ... ถึงวันที่ 30, ... ถึงสิ้นเดือนพฤษภาคม, ... – วันเสาร์ที่ 8
        for word in Words.rangeSecondSideLeads where matches(word, at: after) {
            return skipSpaces(after + word.count)
        }
        return skipWeekdayPrefix(after)
    }

    /// Skips วัน<weekday>ที่ (and the short forms จ. อ. พ. พฤ. ศ. ส. อา.) with its spaces.
    func skipWeekdayPrefix(_ position: Int) -> Int {
        if matches(Words.wan, at: position), let weekday = lexicon.weekdays.longestMatch(in: units, at: position + Words.wan.count) {
            var end = weekday.end
            if matches(Words.thi, at: end) { end += Words.thi.count }
            return skipSpaces(end)
        }
        for short in Words.shortWeekdays where matches(short, at: position) {
            let end = position + short.count
            if end < units.count, CharacterClass.isDigit(units[end]) || CharacterClass.isSpace(units[end]) { return skipSpaces(end) }
        }
        return position
    }

    /// ปีนี้, ปีหน้า, ปีที่แล้ว ... at `position`: (offset in years, end).
    private func relativeYear(at position: Int) -> (Int, Int)? {
        for (word, offset) in DateLexicon.yearWords where matches(word, at: position) {
            return (offset, position + word.count)
        }
        return nil
    }

    /// A two-digit Buddhist-era year (60 is 2560, so 2017), not part of a longer number.
    private func shortYear(at position: Int) -> (Int, Int?, Int)? {
        guard let (short, end) = number(at: position, maxDigits: 2), digitCount(position..<end) == 2, endsNumber(end) else { return nil }
        return (2500 + short - 543, 2500 + short, end)
    }

    /// An era marker just before `start` (พ.ศ. 2562 where ICU did not cut at พ).
    private func eraBefore(_ start: Int) -> (era: Era, start: Int)? {
        var position = start
        while position > 0, CharacterClass.isSpace(units[position - 1]) { position -= 1 }
        for (marker, era) in Self.eraMarkers where position >= marker.count && matches(marker, at: position - marker.count) {
            return (era, position - marker.count)
        }
        return nil
    }

    /// ของทุกปี / ทุกปี after a date: a yearly recurring day, with no single value.
    private func isRecurring(after end: Int) -> Bool {
        let position = skipSpaces(end)
        return matches(Words.khongThukPi, at: position) || matches(Words.thukPi, at: position)
    }

    /// The weekday named just before `start`, as ISO 1...7: วันพุธที่ 7 ..., วันพุธ ที่ 7 ...,
    /// เสาร์ที่ 10 ...
    private func weekdayBefore(_ start: Int) -> Int? {
        var position = skipSpacesBackward(start)
        guard position >= Words.thi.count, matches(Words.thi, at: position - Words.thi.count) else {
            return weekdayName(endingAt: position)
        }
        position = skipSpacesBackward(position - Words.thi.count)
        return weekdayName(endingAt: position)
    }

    private func weekdayName(endingAt position: Int) -> Int? {
        for (name, weekday) in DateLexicon.weekdayNames where position >= name.count && matches(name, at: position - name.count) {
            return weekday
        }
        return nil
    }

    /// The guidelines: ต้น, กลาง, ปลาย or สิ้น before a date, with the เดือน or ปี it qualifies, starts its
    /// span (ปลายปี 2551, สิ้นเดือน มิ.ย. 63, ต้นเดือนตุลาคม, ต้นสัปดาห์ที่ผ่านมา); the value stays the
    /// month's or year's.
    private func periodStart(before start: Int) -> Int? {
        var position = skipSpacesBackward(start)
        if let unit = Words.periodUnits.first(where: { position >= $0.count && matches($0, at: position - $0.count) }) {
            position -= unit.count
        } else if position != start {
            return nil
        }
        for prefix in Words.guidelinesPeriodPrefixes where position >= prefix.count && matches(prefix, at: position - prefix.count) {
            let prefixStart = position - prefix.count
            // ภาคกลาง, ส่วนกลาง, ระยะกลาง: กลาง ending a noun is not the middle of the date.
            if prefix == Words.klang, Words.nounsBeforeKlang.contains(where: { prefixStart >= $0.count && matches($0, at: prefixStart - $0.count) }) {
                return nil
            }
            return prefixStart
        }
        return nil
    }

    /// ThaiNER: where a month name or relative year is glued to ต้น, กลาง, ปลาย or สิ้น (with the
    /// เดือน it qualifies), the span starts there: [ปลายเดือนธ.ค.], [สิ้นปีนี้]; but ต้นเดือน [ก.พ.],
    /// ต้นปี [2546].
    private func periodPrefixStart(before start: Int) -> Int? {
        guard CharacterClass.isThai(units[start]) else { return nil }
        var position = start
        if !Words.periodUnits.contains(where: { matches($0, at: start) }) {
            guard position >= Words.duean.count, matches(Words.duean, at: position - Words.duean.count) else { return nil }
            position -= Words.duean.count
        }
        for prefix in Words.periodPrefixes where position >= prefix.count && matches(prefix, at: position - prefix.count) {
            return position - prefix.count
        }
        return nil
    }

    /// ThaiNER: whether the year at `start` ends the title of a law (พ.ร.บ.โรคระบาด พ.ศ.2499,
    /// รัฐธรรมนูญฉบับปี2550), which ThaiNER marks as LAW and not as a DATE. Looks back over at most
    /// 80 code units and two spaces on the same line.
    private func namesLaw(before start: Int) -> Bool {
        var spaces = 0
        var position = start
        let lowest = max(0, start - 80)
        while position > lowest {
            position -= 1
            let unit = units[position]
            if unit == 0x0A || unit == 0x0D { return false }
            if CharacterClass.isSpace(unit) {
                spaces += 1
                if spaces > 2 { return false }
                continue
            }
            if Words.lawTitles.contains(where: { $0.first == unit && matches($0, at: position) }) { return true }
        }
        return false
    }

    private func follows(_ word: [UInt16], before start: Int) -> Bool {
        let position = skipSpacesBackward(start)
        return position >= word.count && matches(word, at: position - word.count)
    }

    private func matches(_ word: [UInt16], at position: Int) -> Bool { units.hasWord(word, at: position) }

    /// Skips spaces, no-break spaces and zero-width spaces.
    private func skipSpaces(_ position: Int) -> Int {
        var index = position
        while index < units.count, CharacterClass.isSpace(units[index]) || units[index] == 0x200B { index += 1 }
        return index
    }

    private func skipSpacesBackward(_ position: Int) -> Int {
        var index = position
        while index > 0, CharacterClass.isSpace(units[index - 1]) { index -= 1 }
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
            if let reference { value = .point(monthPoint(reference, offset)) }
        case .year(let offset):
            grain = .year
            if let reference { value = .point(.year(reference.year + offset)) }
        case .anchored(let anchoredGrain):
            grain = anchoredGrain
        }
        return DateMention(utf16Range: range, value: value, grain: grain, buddhistEraYear: nil,
                           weekdayMismatch: false, isImpossible: false)
    }

    /// `count` units back from the reference: a point (3 วันก่อน, 2 ปีที่แล้ว), or with
    /// `spanningToNow` the stretch up to the reference (10 ปีที่ผ่านมา is 2008/2018 from 2018;
    /// 2 สัปดาห์ที่ผ่านมา is the 14 days before the reference day). N วันที่ผ่านมา is one day.
    private func countedMention(_ count: Int, _ unit: Words.Unit, spanningToNow: Bool, range: Range<Int>) -> DateMention {
        guard spanningToNow, unit != .day else {
            switch unit {
            case .day: return relativeMention(.days(-count), range: range)
            case .week: return relativeMention(.week(-count), range: range)
            case .month: return relativeMention(.month(-count), range: range)
            case .year: return relativeMention(.year(-count), range: range)
            }
        }
        var value: DateValue?
        if let reference {
            switch unit {
            case .day, .week:
                let days = unit == .week ? 7 * count : count
                value = .interval(.day(reference.adding(days: -days)), .day(reference.adding(days: -1)), grain: .interval)
            case .month:
                value = .interval(monthPoint(reference, -count), monthPoint(reference, 0), grain: .interval)
            case .year:
                value = .interval(.year(reference.year - count), .year(reference.year), grain: .interval)
            }
        }
        return DateMention(utf16Range: range, value: value, grain: .interval, buddhistEraYear: nil,
                           weekdayMismatch: false, isImpossible: false)
    }

    private func monthPoint(_ reference: CalendarDate, _ offset: Int) -> CalendarPoint {
        let index = reference.year * 12 + (reference.month - 1) + offset
        return .month(year: index / 12, month: index % 12 + 1)
    }

    /// Turns one or two parts into a value, filling a missing year from the reference date.
    private func resolve(_ first: Part, _ second: Part?, range: Range<Int>) -> DateMention {
        var impossible = false
        func point(_ part: Part, year fixedYear: Int? = nil) -> CalendarPoint? {
            guard let month = part.month else { return nil }
            var year = fixedYear ?? part.year
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
            if first.year == nil, second.year == nil, first.relativeYear == nil, second.relativeYear == nil,
               let reference {
                // Without years, the range is the one nearest the reference (1 มีนาคม ถึงวันที่
                // 31 ตุลาคม; 30 ธ.ค. - 2 ม.ค.).
                value = nearestRange(first, second, reference: reference, point: point)
            } else if var start = point(first), let end = point(second) {
                // 30 ธ.ค. - 2 ม.ค. 2561: the start comes before the end, in the year before.
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

    /// Of the year-less ranges starting the year before, the year of, or the year after the
    /// reference (the end running into the next year when it comes before the start), the one
    /// that contains the reference or lies nearest to it.
    private func nearestRange(_ first: Part, _ second: Part, reference: CalendarDate,
                              point: (Part, Int?) -> CalendarPoint?) -> DateValue? {
        let day = reference.dayNumber
        var best: (distance: Int, value: DateValue)?
        for year in [reference.year, reference.year - 1, reference.year + 1] {
            guard let start = point(first, year), var end = point(second, year) else { return nil }
            if key(end) < key(start) { end = bumpYear(end, by: 1) }
            let distance = day < key(start) ? key(start) - day : max(0, day - lastDay(end))
            if best == nil || distance < best!.distance { best = (distance, .interval(start, end, grain: .interval)) }
        }
        return best?.value
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

    /// How many days `value` lies from `reference` (0 when it contains it).
    private func distance(of value: DateValue, from reference: CalendarDate) -> Int {
        let (first, last): (CalendarPoint, CalendarPoint)
        switch value {
        case .point(let point): (first, last) = (point, point)
        case .interval(let start, let end, _): (first, last) = (start, end)
        }
        let day = reference.dayNumber
        return day < key(first) ? key(first) - day : max(0, day - lastDay(last))
    }

    /// The day number of a point's first day.
    private func key(_ point: CalendarPoint) -> Int {
        switch point {
        case .day(let date): return date.dayNumber
        case .month(let year, let month): return CalendarDate(year: year, month: month, day: 1)!.dayNumber
        case .year(let year): return CalendarDate(year: year, month: 1, day: 1)!.dayNumber
        }
    }

    /// The day number of a point's last day.
    private func lastDay(_ point: CalendarPoint) -> Int {
        switch point {
        case .day(let date): return date.dayNumber
        case .month(let year, let month):
            return CalendarDate(year: year, month: month, day: CalendarDate.daysIn(month: month, year: year))!.dayNumber
        case .year(let year): return CalendarDate(year: year, month: 12, day: 31)!.dayNumber
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

/// The fixed words the scanner looks for, as UTF-16 so that matching them never transcodes.
enum Words {
    private static func utf16(_ word: String) -> [UInt16] { Array(word.utf16) }

    static let pi = utf16("ปี")
    static let duean = utf16("เดือน")
    static let wan = utf16("วัน")
    static let thi = utf16("ที่")
    static let wanThi = utf16("วันที่")
    static let nee = utf16("นี้")
    static let ik = utf16("อีก")
    static let phoem = utf16("เพิ่ม")
    static let khayai = utf16("ขยาย")
    static let muea = utf16("เมื่อ")
    static let mueaWanSuen = utf16("เมื่อวานซืน")
    static let korn = utf16("ก่อน")
    static let passed = utf16("ที่ผ่านมา")
    static let ahead = utf16("ข้างหน้า")
    static let khong = utf16("ของ")
    static let thukPi = utf16("ทุกปี")
    static let khongThukPi = utf16("ของทุกปี")

    static let academicYear = utf16("ปีการศึกษา")
    static let budgetWords = ["งบประมาณ", "งบฯ", "งบ"].map(utf16)
    static let cropYear = utf16("ปีการผลิต")
    static let fiscalPrefixes = ["ปีงบประมาณ", "ปีงบฯ", "ปีงบ"].map(utf16)
    /// After ปีงบประมาณ: this and next fiscal year. ที่ผ่านมา is left out: it as often means the year
    /// before the one a report is about (สูงกว่าปีงบประมาณที่ผ่านมา) as the one before the reference.
    static let fiscalRelatives: [(word: [UInt16], offset: Int)] = [("นี้", 0), ("หน้า", 1)].map { (Array($0.0.utf16), $0.1) }
    static let quarter = utf16("ไตรมาส")
    /// Words besides month names, relative words and era markers that a date can start with.
    static let otherStarts = [pi, quarter, ik]
    /// Words between a quarter and its year, longest first, and whether the year is a fiscal one.
    static let quarterYearLeads: [(word: [UInt16], fiscal: Bool)] = [
        (utf16("ปีงบประมาณ"), true), (utf16("ของปี"), false), (utf16("ปี"), false),
    ]
    /// After a counted number of days: the days to come (4 วันที่จะถึงนี้).
    static let comingSuffixes = ["ที่จะถึงนี้", "ที่จะถึง"].map(utf16)
    static let rangeWords = ["จนถึง", "ถึง"].map(utf16)
    static let rangeSecondSideLeads = ["วันที่", "สิ้นเดือน", "เดือน"].map(utf16)
    static let shortWeekdays = ["พฤ.", "อา.", "จ.", "อ.", "พ.", "ศ.", "ส."].map(utf16)
    /// Words after which a number is a label, not a day (เฟส 2, ข้อ 3, ฉบับ 5).
    static let numberLabels = ["เฟส", "ระยะ", "ข้อ", "ฉบับ", "รุ่น", "หมู่", "มาตรา", "ชั้น"].map(utf16)
    /// Nouns a number can count, after which a two-digit number is not a year.
    static let countNouns = ["ราย", "คน", "แห่ง", "ครั้ง", "จังหวัด", "ล้าน", "บาท", "ตัน", "ไร่", "หน่วย", "องค์กร"].map(utf16)
    /// Words that count the unit after them, making it no relative date (ทุกวันนี้, หลายเดือนก่อน).
    static let quantities = ["ทุก", "หลาย", "เร็ว", "บาง", "สอง", "สาม", "ไม่กี่"].map(utf16)
    /// Words after a number that make it a count, not a year (2561 ราย, 2016 คน).
    static let countsAfterYear = ["ราย", "คน", "แห่ง", "ครั้ง", "จังหวัด", "ล้าน", "แสน", "หมื่น", "พัน", "บาท", "ตัน", "ไร่",
                                  "หน่วย", "องค์กร", "กิโล", "กม.", "กก.", "เมตร", "ตาราง", "ลูกบาศก์", "ลบ.ม.", "ลิตร",
                                  "ครัวเรือน", "หมู่บ้าน", "ชุมชน", "โรงเรียน", "ชุด", "เล่ม", "ตำบล", "อำเภอ", "ตัว", "คัน",
                                  "ลำ", "ชิ้น", "ต้น", "ชั่วโมง", "นาที", "คะแนน", "เท่า", "%",
                                  "เปอร์เซ็นต์", "รุ่น", "โครงการ", "กลุ่ม", "สาขา", "ทุน", "อัตรา", "ตำแหน่ง", "รายการ",
                                  "เรื่อง", "ฉบับ", "ชนิด", "ประเภท", "หน่วยงาน", "ประเทศ", "ที่นั่ง", "เตียง", "ห้อง",
                                  "ราย", "ฟอง", "ถุง", "กล่อง", "ขวด", "แผ่น", "เครื่อง", "ลัง", "กระสอบ", "ตู้"].map(utf16)
    /// Names a year is part of, not the time of anything: โรคติดเชื้อไวรัสโคโรนา 2019 (COVID-19).
    static let namesWithYears = ["โคโรนา", "Coronavirus", "coronavirus", "Disease", "disease"].map(utf16)
    /// Words before a number that make it a quantity or a label, not a year (จำนวน 2561, เลขที่ 2561).
    static let quantityLeads = ["จำนวน", "รวม", "ประมาณ", "กว่า", "ราว", "ละ", "เพียง", "ทั้งสิ้น", "ทั้งหมด", "อีก", "เหลือ",
                                "เกิน", "เลขที่", "หมายเลข", "ที่", "ข้อ", "มาตรา", "หมู่", "ห้อง", "โทร", "โทรศัพท์",
                                "สายด่วน", "รหัส", "คะแนน", "อันดับ", "ราคา", "มูลค่า", "ได้", "มี", "เป็น", "ถึง", "จาก",
                                "ครบ", "อายุ", "สูง", "ยาว", "กว้าง", "ลึก", "หนัก", "ไม่เกิน", "ไม่ต่ำกว่า", "ต่ำกว่า",
                                "สูงกว่า", "มากกว่า", "น้อยกว่า", "ลดลง", "เพิ่มขึ้น", "อยู่ที่", "ฉบับที่", "ครั้งที่"].map(utf16)
    /// The corpus keeps กลาง too (กลางเดือนมกราคม 2560, กลางปี 2562: 8 of the 9 in its train part).
    static let guidelinesPeriodPrefixes = ["ต้น", "กลาง", "ปลาย", "สิ้น"].map(utf16)
    static let klang = utf16("กลาง")
    /// Nouns กลาง ends (ภาคกลาง, ส่วนกลาง, ระยะกลาง, ขนาดกลาง): no period prefix.
    static let nounsBeforeKlang = ["ภาค", "ส่วน", "ระยะ", "ขนาด", "ตรง", "ศูนย์", "ใจ", "ชั้น", "ระดับ"].map(utf16)
    static let periodPrefixes = ["ต้น", "กลาง", "ปลาย", "สิ้น"].map(utf16)
    static let periodUnits = ["เดือน", "ปี"].map(utf16)
    static let lawTitles = ["รัฐธรรมนูญ", "พ.ร.บ.", "พรบ.", "พระราชบัญญัติ", "พ.ร.ก.", "พระราชกำหนด", "พระราชกฤษฎีกา",
                            "ประมวลกฎหมาย", "กฎกระทรวง", "กฎมณเฑียรบาล"].map(utf16)

    /// Units a number can count back or forward.
    enum Unit { case day, week, month, year }
    static let units: [(word: [UInt16], kind: Unit)] = [
        (utf16("วัน"), .day), (utf16("สัปดาห์"), .week), (utf16("อาทิตย์"), .week), (utf16("เดือน"), .month),
        (utf16("ปี"), .year),
    ]
    /// After a counted unit: (suffix, whether it means the whole stretch up to now).
    static let pastSuffixes: [(suffix: [UInt16], spanning: Bool)] = [
        (utf16("ที่ผ่านมา"), true), (utf16("ที่แล้ว"), false), (korn, false),
    ]

    /// Characters that join numbers into codes and fractions (1/2561/3, 0-3-30, 5.1.14).
    static func isNumberJoiner(_ unit: UInt16) -> Bool {
        unit == 0x2F || unit == 0x2E || unit == 0x2D || CharacterClass.isDigit(unit)
    }
}

extension Scanner {
    /// Day, month and year in figures separated by single spaces, dashes or dots (15 07 2565,
    /// 15-7-2565, 15.07.65), read only where a whole string is one date: in running text such
    /// numbers are too often something else.
    func separatedNumericDate(at start: Int) -> DateMention? {
        guard let (day, afterDay) = number(at: start, maxDigits: 2), afterDay < units.count else { return nil }
        let separator = units[afterDay]
        guard separator == 0x20 || separator == 0x2D || separator == 0x2E,
              let (month, afterMonth) = number(at: afterDay + 1, maxDigits: 2), (1...12).contains(month),
              afterMonth < units.count, units[afterMonth] == separator,
              let (year, buddhist, end) = fullYear(at: afterMonth + 1, era: .unspecified) ?? shortYear(at: afterMonth + 1)
        else { return nil }
        let part = Part(day: day, month: month, year: year, buddhistEraYear: buddhist, end: end)
        return resolve(part, nil, range: start..<end)
    }
}
