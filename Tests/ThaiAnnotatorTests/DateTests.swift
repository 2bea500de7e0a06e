import Foundation
import Testing
@testable import ThaiAnnotator

/// Date normalisation, checked against hand-worked expressions from thaigov documents
/// (Fixtures/dates-thaigov.tsv) and constructed cases (Fixtures/dates-constructed.tsv).
struct DateTests {
    static let annotator = try! Annotator()

    struct Case: CustomTestStringConvertible, Sendable {
        var source, referenceDate, excerpt, span, value, grain, category: String
        var weekdayMismatch: Bool
        var testDescription: String { "\(category): \(span)" }
    }

    static func cases(_ file: String) -> [Case] {
        let url = Bundle.module.url(forResource: "Fixtures/\(file)", withExtension: "tsv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Case(source: fields[0], referenceDate: fields[1], excerpt: fields[2], span: fields[3],
                        value: fields[4], grain: fields[5], category: fields[7], weekdayMismatch: fields[6] == "true")
        }
    }

    /// Whether the annotator gets one case exactly right: span, value, grain and weekday flag;
    /// for traps, no DATE entity touching the phrase.
    static func passes(_ testCase: Case) -> Bool {
        let document = annotator.annotate(testCase.excerpt, referenceDate: CalendarDate(iso: testCase.referenceDate))
        let dates = document.entities(ofType: .date)
        guard let spanRange = testCase.excerpt.range(of: testCase.span) else { return false }
        if testCase.value == "NONE" {
            return !dates.contains { $0.range.overlaps(spanRange) }
        }
        guard let entity = dates.first(where: { $0.range == spanRange }), let date = entity.date else { return false }
        let value = date.value?.iso ?? "null"
        return value == testCase.value && date.grain.rawValue == testCase.grain
            && date.weekdayMismatch == testCase.weekdayMismatch
    }

    /// The share of the thaigov fixture that passes may only go up: this floor is raised as the
    /// normaliser improves (issue: every row should pass).
    @Test func thaigovExpressions() {
        let cases = Self.cases("dates-thaigov")
        #expect(cases.count >= 200)
        let failures = cases.filter { !Self.passes($0) }
        let passed = cases.count - failures.count
        print("dates-thaigov: \(passed)/\(cases.count) pass")
        for failure in failures.prefix(400) { print("  FAIL \(failure.category)\t\(failure.span)\texpected \(failure.value)") }
        #expect(Double(passed) / Double(cases.count) >= DateTests.thaigovFloor)
    }

    @Test func constructedExpressions() {
        let cases = Self.cases("dates-constructed")
        let failures = cases.filter { !Self.passes($0) }
        print("dates-constructed: \(cases.count - failures.count)/\(cases.count) pass")
        for failure in failures { print("  FAIL \(failure.category)\t\(failure.span)\texpected \(failure.value)") }
        #expect(Double(cases.count - failures.count) / Double(cases.count) >= DateTests.constructedFloor)
    }

    static let thaigovFloor = 0.97
    static let constructedFloor = 0.96

    @Test func seedDocumentDates() throws {
        let document = Self.annotator.annotate(try Corpus.text(of: "seed"))
        let dates = document.entities(ofType: .date)
        func value(of surface: String) -> String? { dates.first { $0.text == surface }?.date?.value?.iso }
        #expect(value(of: "7 มิถุนายน 2560") == "2017-06-07")
        #expect(value(of: "6 มิ.ย.60") == "2017-06-06")
        #expect(value(of: "25-30 กรกฎาคม 2560") == "2017-07-25/2017-07-30")
        #expect(!dates.contains { $0.text.contains("130") })
    }

    @Test func calendarArithmetic() {
        #expect(CalendarDate(year: 2018, month: 2, day: 31) == nil)
        #expect(CalendarDate(year: 2020, month: 2, day: 29) != nil)
        #expect(CalendarDate(year: 2017, month: 6, day: 7)!.weekday == 3)  // a Wednesday (วันพุธ)
        #expect(CalendarDate(year: 2017, month: 12, day: 31)!.adding(days: 1).description == "2018-01-01")
    }
}
