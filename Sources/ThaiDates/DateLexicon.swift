import ThaiSegmentation

/// The words the date scanner knows: month names and abbreviations, weekdays, eras and
/// relative expressions, each compiled into a trie over UTF-16.
struct DateLexicon: Sendable {
    /// Month names, full and abbreviated, with and without dots, in Thai and English → month 1...12.
    let months: PrefixTrie
    /// The same, plus abbreviations written without any dot (มิย, กค), accepted only right after a day.
    let monthsAfterDay: PrefixTrie
    /// Weekday names after วัน (จันทร์ ... อาทิตย์) → ISO weekday 1...7.
    let weekdays: PrefixTrie
    /// Relative expressions → an index into `relatives`.
    let relativeWords: PrefixTrie
    let relatives: [Relative]
    /// Every Thai word a date expression can start with (month names, relative words, era
    /// markers, ปี, ไตรมาส, อีก): the scanner only looks where one of them may start.
    private let thaiStarts: WordStartFilter

    /// A relative date expression and its meaning against a reference date.
    enum Relative: Sendable {
        case days(Int)
        case week(Int)
        case month(Int)
        case year(Int)
        /// Counted from another date in the text, not the reference (ปีก่อนหน้า, เดือนถัดไป): the
        /// grain, and no value (guidelines, convention 15).
        case anchored(DateGrain)
    }

    static let shared = DateLexicon()

    /// Relative years that may follow a month or a day and month (มิถุนายนปีนี้, 1 มกราคม ปีหน้า).
    static let yearWords: [(word: [UInt16], offset: Int)] = [
        ("ปีนี้", 0), ("ปีหน้า", 1), ("ปีที่แล้ว", -1), ("ปีก่อน", -1), ("ปีที่ผ่านมา", -1),
    ].map { (Array($0.0.utf16), $0.1) }

    /// Weekday names (without วัน) → ISO weekday 1...7, longest first.
    static let weekdayNames: [(name: [UInt16], weekday: Int)] = [
        ("พฤหัสบดี", 4), ("อาทิตย์", 7), ("จันทร์", 1), ("อังคาร", 2), ("พฤหัส", 4),
        ("ศุกร์", 5), ("เสาร์", 6), ("พุธ", 3),
    ].map { (Array($0.0.utf16), $0.1) }

    /// Full names, then the usual abbreviations (with dots as written in the news).
    static let monthNames: [(full: String, abbreviation: String)] = [
        ("มกราคม", "ม.ค."), ("กุมภาพันธ์", "ก.พ."), ("มีนาคม", "มี.ค."), ("เมษายน", "เม.ย."),
        ("พฤษภาคม", "พ.ค."), ("มิถุนายน", "มิ.ย."), ("กรกฎาคม", "ก.ค."), ("สิงหาคม", "ส.ค."),
        ("กันยายน", "ก.ย."), ("ตุลาคม", "ต.ค."), ("พฤศจิกายน", "พ.ย."), ("ธันวาคม", "ธ.ค."),
    ]

    static let englishMonths = ["January", "February", "March", "April", "May", "June", "July",
                                "August", "September", "October", "November", "December"]

    private init() {
        var months: [(key: String, payload: Int32)] = []
        for (index, names) in Self.monthNames.enumerated() {
            let month = Int32(index + 1)
            months.append((names.full, month))
            let abbreviation = names.abbreviation
            let letters = abbreviation.replacingAll(".", with: "")
            // ม.ค. / ม.ค / มค. — but never bare มค, which is too often part of a word.
            months.append((abbreviation, month))
            months.append((String(abbreviation.dropLast()), month))
            months.append((letters + ".", month))
            let english = Self.englishMonths[index]
            months.append((english, month))
            if english.count > 4 { months.append((String(english.prefix(3)) + ".", month)) }
        }
        // Common misspellings in the corpus.
        months.append(("กรกฏาคม", 7))
        months.append(("พฤษจิกายน", 11))
        self.months = PrefixTrie(months)
        let dotless = Self.monthNames.enumerated().map {
            (key: $0.element.abbreviation.replacingAll(".", with: ""), payload: Int32($0.offset + 1))
        }
        monthsAfterDay = PrefixTrie(months + dotless)

        weekdays = PrefixTrie(Self.weekdayNames.map { (key: String(decoding: $0.name, as: UTF16.self), payload: Int32($0.weekday)) })

        let relativeTable: [(String, Relative)] = [
            ("วันนี้", .days(0)), ("เมื่อวานนี้", .days(-1)), ("เมื่อวาน", .days(-1)),
            ("วานนี้", .days(-1)), ("เมื่อวานซืน", .days(-2)), ("วานซืน", .days(-2)),
            ("พรุ่งนี้", .days(1)), ("วันพรุ่งนี้", .days(1)), ("มะรืนนี้", .days(2)), ("วันมะรืนนี้", .days(2)),
            ("มะรืน", .days(2)),
            ("สัปดาห์นี้", .week(0)), ("สัปดาห์หน้า", .week(1)), ("สัปดาห์ที่แล้ว", .week(-1)),
            ("สัปดาห์ที่ผ่านมา", .week(-1)), ("สัปดาห์ก่อน", .week(-1)),
            ("เดือนนี้", .month(0)), ("เดือนหน้า", .month(1)), ("เดือนที่แล้ว", .month(-1)),
            ("เดือนที่ผ่านมา", .month(-1)), ("เดือนก่อน", .month(-1)),
            ("ปีนี้", .year(0)), ("ปีหน้า", .year(1)), ("ปีที่แล้ว", .year(-1)), ("ปีก่อน", .year(-1)),
            ("ปีที่ผ่านมา", .year(-1)), ("ปีข้างหน้า", .year(1)),
            ("วันถัดไป", .anchored(.day)), ("สัปดาห์ถัดไป", .anchored(.week)), ("เดือนถัดไป", .anchored(.month)),
            ("ปีถัดไป", .year(1)), ("วันก่อนหน้า", .anchored(.day)), ("สัปดาห์ก่อนหน้า", .anchored(.week)),
            ("เดือนก่อนหน้า", .anchored(.month)), ("ปีก่อนหน้า", .anchored(.year)),
        ]
        relatives = relativeTable.map(\.1)
        relativeWords = PrefixTrie(relativeTable.enumerated().map { (key: $0.element.0, payload: Int32($0.offset)) })

        thaiStarts = WordStartFilter(words: months.map { Array($0.key.utf16) } + relativeTable.map { Array($0.0.utf16) }
            + Scanner.eraMarkers.map(\.marker) + Words.otherStarts)
    }

    /// The capitals English month names start with (JFMASOND), as bits of (unit - 0x40).
    private static let latinStarts: UInt64 = "JFMASOND".utf16.reduce(0) { $0 | 1 << UInt64($1 - 0x40) }

    /// Whether a date expression may start at `position`: a digit, the capital of an English
    /// month name, or the start of a Thai word in `thaiStarts`.
    @inline(__always)
    func mayStartDate(_ units: UnsafeBufferPointer<UInt16>, at position: Int) -> Bool {
        let unit = units[position]
        if CharacterClass.isDigit(unit) { return true }
        if CharacterClass.isThai(unit) { return thaiStarts.mayStartWord(in: units, at: position) }
        return unit &- 0x40 < 64 && Self.latinStarts & (1 << UInt64(unit - 0x40)) != 0
    }
}

extension String {
    func replacingAll(_ target: Character, with replacement: String) -> String {
        var result = ""
        for character in self { if character == target { result += replacement } else { result.append(character) } }
        return result
    }
}
