import Testing
@testable import ThaiAnnotator

/// `DateNormalizer.parse(_:referenceDate:)`: one string in, one value or a reason out.
struct DateParseTests {
    /// The text inputs of PyThaiNLP's golden tests for `thai_strptime`
    /// (tests/core/test_util_date_strptime.py in github.com/PyThaiNLP/pythainlp, commit
    /// 4cefec1405e5ead199b697f2e0a7d26be3ec4671, Apache-2.0), each with what `parse` gives without
    /// a format: an ISO value, or the failure's description. Where PyThaiNLP's answer depends on its
    /// format or year arguments, ours is the reading a Thai reader gives the string alone (two-digit
    /// years are Buddhist era). The three inputs PyThaiNLP records as its own bugs (`15/07/2565`,
    /// `15/7/65`, `15 ก.ค. 65`) parse here.
    static let pyThaiNLPGolden: [(input: String, expected: String)] = [
        ("15 ก.ค. 2565 09:00:01", "2022-07-15"),
        ("15 กรกฎาคม 2565 9:5:7", "2022-07-15"),
        ("1 มกราคม 2565 0:0:0", "2022-01-01"),
        ("01 ธ.ค. 2565 23:59:59", "2022-12-01"),
        ("15 07 2565 09:00:01", "2022-07-15"),
        ("15 7 2565 09:00:01", "2022-07-15"),
        ("15 กรกฎา 2022 09:00:01", "not a date"),          // กรกฎา is no month name (PyThaiNLP: IndexError)
        ("29 ก.พ. 2567", "2024-02-29"),
        ("29 ก.พ. 2566", "no such day"),
        ("31 เมษายน 2566", "no such day"),
        ("9 มี.ค. 66", "2023-03-09"),
        ("9 มี.ค. 2566", "2023-03-09"),
        ("9 มี.ค. 2023", "2023-03-09"),
        ("9 มี.ค. 0000", "text after the date: 0000"),     // no year 0000: 9 มี.ค. and a number
        ("9 มี.ค. 00", "1957-03-09"),                      // 2500 BE
        ("15 ก.ค. 2565 09:00", "2022-07-15"),
        ("15 ก.ค. 2565 09", "text after the date: 09"),    // an hour alone is no time here
        ("15 ก.ค. 2565 5", "text after the date: 5"),
        ("15 ก.ค. 2565 7", "text after the date: 7"),
        ("15 ก.ค. 2565 09:00:01.123456", "2022-07-15"),
        ("15-ก.ค.-2565", "2022-07-15"),
        ("ก.ค. 2565 15", "text after the date: 15"),
        ("[15] ก.ค. 2565", "not a date"),
        ("15/07/2565", "2022-07-15"),
        ("15/7/65", "2022-07-15"),
        ("15 ก.ค. 65", "2022-07-15"),
        ("15 ก.ค.", "needs a reference date"),
        ("ก.ค. 2565", "2022-07"),
        ("15 2565", "not a date"),
        ("no match", "not a date"),
        ("", "empty string"),
    ]

    static func outcome(_ text: String, _ reference: CalendarDate? = nil) -> String {
        switch DateNormalizer.parse(text, referenceDate: reference) {
        case .success(let value): return value.iso
        case .failure(let reason): return reason.description
        }
    }

    @Test(arguments: pyThaiNLPGolden.indices)
    func pyThaiNLPGoldenInputs(_ index: Int) {
        let (input, expected) = Self.pyThaiNLPGolden[index]
        #expect(Self.outcome(input) == expected, "\(input)")
    }

    @Test func otherForms() {
        let reference = CalendarDate(year: 2019, month: 3, day: 10)
        #expect(Self.outcome("15 ก.ค.", reference) == "2019-07-15")
        #expect(Self.outcome("  วันพุธที่ 7 มิถุนายน 2560 ") == "2017-06-07")
        #expect(Self.outcome("๑๒ ม.ค.๖๒") == "2019-01-12")
        #expect(Self.outcome("15-กรกฎาคม-2565") == "2022-07-15")
        #expect(Self.outcome("15-07-2565") == "2022-07-15")
        #expect(Self.outcome("15.07.65") == "2022-07-15")
        #expect(Self.outcome("๑๕ ๐๗ ๒๕๖๕") == "2022-07-15")
        #expect(Self.outcome("25-30 กรกฎาคม 2560") == "2017-07-25/2017-07-30")
        #expect(Self.outcome("ปีงบประมาณ 2561") == "2017-10-01/2018-09-30")
        #expect(Self.outcome("พรุ่งนี้", reference) == "2019-03-11")
        #expect(Self.outcome("พรุ่งนี้") == "needs a reference date")
        // Counted from the date before it in running text: no reference date resolves it.
        #expect(Self.outcome("วันถัดไป") == "counts from a date named earlier in the text; no value on its own")
        #expect(Self.outcome("เดือนก่อนหน้า", reference) == "counts from a date named earlier in the text; no value on its own")
        #expect(Self.outcome("15 13 2565") == "not a date")
        #expect(Self.outcome("15 07 2565 เวลา") == "not a date")
    }
}
