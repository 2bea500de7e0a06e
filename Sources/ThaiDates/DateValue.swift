/// A day in the proleptic Gregorian calendar (common era).
public struct CalendarDate: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    /// Year in the common era (2017, not 2560).
    public var year: Int
    /// Month, 1 to 12.
    public var month: Int
    /// Day of the month, 1 to 31.
    public var day: Int

    /// Creates a date, or nil when the day does not exist (31 February, 29 February 2018).
    public init?(year: Int, month: Int, day: Int) {
        guard (1...12).contains(month), day >= 1, day <= CalendarDate.daysIn(month: month, year: year) else {
            return nil
        }
        self.year = year
        self.month = month
        self.day = day
    }

    /// Parses "YYYY-MM-DD".
    public init?(iso text: String) {
        let parts = text.split(separator: "-", omittingEmptySubsequences: false)
        guard parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
              let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2])
        else { return nil }
        self.init(year: year, month: month, day: day)
    }

    /// "YYYY-MM-DD".
    public var description: String { "\(Self.pad(year, 4))-\(Self.pad(month, 2))-\(Self.pad(day, 2))" }

    /// The number of days in a month.
    public static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// Whether a common-era year is a Gregorian leap year.
    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    /// Days since 1970-01-01.
    public var dayNumber: Int {
        // Howard Hinnant's days_from_civil.
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month + (month > 2 ? -3 : 9)) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146097 + dayOfEra - 719468
    }

    /// The date `dayNumber` days after 1970-01-01.
    public init(dayNumber: Int) {
        // Howard Hinnant's civil_from_days.
        let z = dayNumber + 719468
        let era = (z >= 0 ? z : z - 146096) / 146097
        let dayOfEra = z - era * 146097
        let yearOfEra = (dayOfEra - dayOfEra / 1460 + dayOfEra / 36524 - dayOfEra / 146096) / 365
        let dayOfYear = dayOfEra - (365 * yearOfEra + yearOfEra / 4 - yearOfEra / 100)
        let mp = (5 * dayOfYear + 2) / 153
        day = dayOfYear - (153 * mp + 2) / 5 + 1
        month = mp < 10 ? mp + 3 : mp - 9
        year = yearOfEra + era * 400 + (month <= 2 ? 1 : 0)
    }

    /// The date `days` days later (earlier when negative).
    public func adding(days: Int) -> CalendarDate { CalendarDate(dayNumber: dayNumber + days) }

    /// Day of the week, 1 = Monday ... 7 = Sunday (ISO 8601).
    public var weekday: Int { ((dayNumber % 7 + 7) % 7 + 3) % 7 + 1 }

    /// Whether `lhs` is an earlier day than `rhs`.
    public static func < (lhs: CalendarDate, rhs: CalendarDate) -> Bool { lhs.dayNumber < rhs.dayNumber }

    static func pad(_ value: Int, _ width: Int) -> String {
        let digits = String(value)
        return digits.count >= width ? digits : String(repeating: "0", count: width - digits.count) + digits
    }

    /// Decodes a `YYYY-MM-DD` string; throws `DecodingError.dataCorrupted` for anything else.
    public init(from decoder: any Decoder) throws {
        let text = try decoder.singleValueContainer().decode(String.self)
        guard let date = CalendarDate(iso: text) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "expected YYYY-MM-DD, got \(text)"))
        }
        self = date
    }

    /// Encodes the date as a `YYYY-MM-DD` string.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// How precise a date value is.
public enum DateGrain: String, Sendable, Hashable, Codable {
    /// One day: 2017-06-07.
    case day
    /// A Monday-to-Sunday week, written as an interval.
    case week
    /// A month: 2017-06.
    case month
    /// A year: 2017.
    case year
    /// A range between two points: 2017-07-25/2017-07-30.
    case interval
}

/// A point on the calendar at day, month or year precision.
public enum CalendarPoint: Sendable, Hashable {
    /// A whole day.
    case day(CalendarDate)
    /// A whole month of a year.
    case month(year: Int, month: Int)
    /// A whole year.
    case year(Int)

    /// ISO 8601: YYYY-MM-DD, YYYY-MM or YYYY.
    public var iso: String {
        switch self {
        case .day(let date): return date.description
        case .month(let year, let month): return "\(CalendarDate.pad(year, 4))-\(CalendarDate.pad(month, 2))"
        case .year(let year): return CalendarDate.pad(year, 4)
        }
    }
}

/// The normalised value of a date expression.
public enum DateValue: Sendable, Hashable {
    /// A single day, month or year.
    case point(CalendarPoint)
    /// A range from one point to another, both included; `grain` is `.week` for a calendar week.
    case interval(CalendarPoint, CalendarPoint, grain: DateGrain)

    /// ISO 8601 in the common era: "2017-06-07", "2017-06", "2017" or "2017-07-25/2017-07-30".
    public var iso: String {
        switch self {
        case .point(let point): return point.iso
        case .interval(let start, let end, _): return "\(start.iso)/\(end.iso)"
        }
    }

    /// The value's grain.
    public var grain: DateGrain {
        switch self {
        case .point(.day): return .day
        case .point(.month): return .month
        case .point(.year): return .year
        case .interval(_, _, let grain): return grain
        }
    }
}

extension CalendarPoint {
    /// Parses YYYY-MM-DD, YYYY-MM or YYYY.
    public init?(iso text: some StringProtocol) {
        let parts = text.split(separator: "-")
        guard parts.first?.count == 4, let year = Int(parts[0]) else { return nil }
        switch parts.count {
        case 1: self = .year(year)
        case 2:
            guard let month = Int(parts[1]), (1...12).contains(month) else { return nil }
            self = .month(year: year, month: month)
        case 3:
            guard let date = CalendarDate(iso: String(text)) else { return nil }
            self = .day(date)
        default: return nil
        }
    }
}

extension DateValue {
    /// Parses the ISO forms `iso` writes; an interval's grain is `.interval`, or `.week` for a
    /// Monday-to-Sunday span of days.
    public init?(iso text: String) {
        let sides = text.split(separator: "/")
        switch sides.count {
        case 1:
            guard let point = CalendarPoint(iso: sides[0]) else { return nil }
            self = .point(point)
        case 2:
            guard let start = CalendarPoint(iso: sides[0]), let end = CalendarPoint(iso: sides[1]) else { return nil }
            var grain = DateGrain.interval
            if case .day(let first) = start, case .day(let last) = end, first.weekday == 1,
               last.dayNumber - first.dayNumber == 6 {
                grain = .week
            }
            self = .interval(start, end, grain: grain)
        default:
            return nil
        }
    }
}
