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
}

/// Finds Thai date expressions and normalises them to ISO 8601 values: day-month-year dates
/// with full or abbreviated month names, Buddhist- and common-era years (two-digit years are
/// Buddhist era), Thai digits, months, years, fiscal years, ranges, year-less dates and relative
/// dates (resolved against a reference date).
public struct DateNormalizer: Sendable {
    private let lexicon = DateLexicon.shared
    /// Whether `วันนี้ (25 พฤษภาคม 2561)` is one DATE (the corpus guidelines) or two (ThaiNER).
    public let joinsRelativeWithBracketedDate: Bool

    /// Creates a normaliser; pass `joinsRelativeWithBracketedDate: false` for ThaiNER's spans.
    public init(joinsRelativeWithBracketedDate: Bool = true) {
        self.joinsRelativeWithBracketedDate = joinsRelativeWithBracketedDate
    }

    /// The date a thaigov document is dated by: its date line (`วันพุธที่ 7 มิถุนายน 2560`), or
    /// the first full date in its opening lines; nil when there is none.
    public func documentDate(in text: UTF16Text) -> CalendarDate? {
        let head = min(text.units.count, 2000)
        return text.units.withUnsafeBufferPointer { all in
            let units = UnsafeBufferPointer(rebasing: all[0..<head])
            var scanner = Scanner(units: units, lexicon: lexicon, reference: nil, joinsBracketedDate: true)
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

    /// Every date expression in `text`, in order. Expressions overlapping an `excluding` range
    /// (the named entities already found, such as the commission ก.พ.ร.) are left out.
    public func dates(in text: UTF16Text, tokens: [Token], referenceDate: CalendarDate?,
                      excluding: [Range<Int>] = []) -> [DateMention] {
        var mentions: [DateMention] = []
        text.units.withUnsafeBufferPointer { units in
            var scanner = Scanner(units: units, lexicon: lexicon, reference: referenceDate,
                                  joinsBracketedDate: joinsRelativeWithBracketedDate)
            var excluded = excluding.makeIterator()
            var nextExcluded = excluded.next()
            var covered = 0
            func scan(at start: Int) {
                guard start >= covered, start < units.count else { return }
                while let range = nextExcluded, range.upperBound <= start { nextExcluded = excluded.next() }
                if let range = nextExcluded, range.contains(start) { return }
                guard let mention = scanner.date(at: start), mention.utf16Range.lowerBound >= covered else { return }
                if let range = nextExcluded, range.overlaps(mention.utf16Range) { return }
                mentions.append(mention)
                covered = mention.utf16Range.upperBound
            }
            for token in tokens {
                switch token.kind {
                case .number, .thaiWord, .latinWord:
                    scan(at: token.utf16Offsets.lowerBound)
                    // ICU can glue a day to the word before it (ที่31สิงหาคม).
                    if token.kind == .thaiWord,
                       let digit = token.utf16Offsets.first(where: { CharacterClass.isDigit(units[$0]) }) {
                        scan(at: digit)
                    }
                case .punctuation where units[token.utf16Offsets.lowerBound] == 0x2E:
                    // ICU can glue a word to the dot before it (ครม.สัปดาห์หน้า).
                    scan(at: token.utf16Offsets.upperBound)
                default:
                    continue
                }
            }
        }
        return mentions
    }
}
