import Foundation
import Testing
@testable import ThaiAnnotator

/// Suggested repairs of dates whose stated weekday disagrees. Fixtures/weekday-repairs.tsv holds
/// every weekday mismatch the annotator flags in the thaigov dev documents, each read in its
/// document by hand: `right` where the suggestion is what the writer meant, `none-ok` where there
/// is no suggestion and no nearby reading is clearly what the writer meant (see README).
struct WeekdayRepairTests {
    struct Row: CustomTestStringConvertible, Sendable {
        var source, referenceDate, excerpt, span, value, suggested, verdict: String
        var testDescription: String { "\(verdict): \(source) \(span)" }
    }

    static let rows: [Row] = {
        let url = Bundle.module.url(forResource: "Fixtures/weekday-repairs", withExtension: "tsv")!
        let text = try! String(contentsOf: url, encoding: .utf8)
        return text.split(separator: "\n").dropFirst().map { line in
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            return Row(source: fields[0], referenceDate: fields[1], excerpt: fields[2], span: fields[3], value: fields[4],
                       suggested: fields[5], verdict: fields[6])
        }
    }()

    static let repairing: Annotator = {
        var configuration = Annotator.Configuration()
        configuration.repairDates = true
        return try! Annotator(configuration: configuration)
    }()

    static func date(in row: Row, by annotator: Annotator) -> DateAnnotation? {
        let document = annotator.annotate(row.excerpt, referenceDate: CalendarDate(iso: row.referenceDate))
        guard let range = row.excerpt.range(of: row.span) else { return nil }
        return document.entities(ofType: .date).first { $0.range == range }?.date
    }

    @Test func everyRowIsJudged() {
        #expect(Self.rows.count == 22)
        #expect(Self.rows.allSatisfy { ["right", "none-ok"].contains($0.verdict) })
        #expect(Self.rows.filter { $0.verdict == "right" }.allSatisfy { !$0.suggested.isEmpty })
    }

    /// The suggestions judged right are made, and the flags judged to have no clear repair get none.
    @Test(arguments: rows)
    func repair(_ row: Row) throws {
        let date = try #require(Self.date(in: row, by: DateTests.annotator))
        #expect(date.weekdayMismatch)
        #expect(date.value?.iso == row.value)
        #expect(date.suggestedValue?.iso == (row.suggested.isEmpty ? nil : row.suggested))
        // With repairDates, the suggestion is the value.
        let repaired = try #require(Self.date(in: row, by: Self.repairing))
        #expect(repaired.value?.iso == (row.suggested.isEmpty ? row.value : row.suggested))
    }

    @Test func suggestedValueInJSON() throws {
        let row = try #require(Self.rows.first { $0.verdict == "right" })
        let document = DateTests.annotator.annotate(row.excerpt, referenceDate: CalendarDate(iso: row.referenceDate))
        var writer = JSONWriter()
        for entity in document.entities(ofType: .date) where entity.text == row.span { writer.entity(entity) }
        let json = String(decoding: writer.bytes, as: UTF8.self)
        #expect(json.contains("\"suggestedValue\":\"\(row.suggested)\""))
        let encoded = String(decoding: try JSONEncoder().encode(document.entities(ofType: .date).first { $0.text == row.span }!), as: UTF8.self)
        #expect(encoded.contains("\"suggestedValue\":\"\(row.suggested)\""))
    }

    /// Without a reference date there is nothing to judge a repair by: the flag alone.
    @Test func noReferenceNoSuggestion() {
        let dates = DateTests.annotator.annotate("ประชุมเมื่อวันอังคารที่ 8 มกราคม 2561").entities(ofType: .date)
        #expect(dates.first?.date?.weekdayMismatch == true)
        #expect(dates.first?.date?.suggestedValue == nil)
        // The examples: last year's number kept in January, one wrong digit of the year.
        let reference = CalendarDate(year: 2019, month: 1, day: 10)
        let january = DateTests.annotator.annotate("ประชุมเมื่อวันอังคารที่ 8 มกราคม 2561", referenceDate: reference)
        #expect(january.entities(ofType: .date).first?.date?.suggestedValue?.iso == "2019-01-08")
        let digit = DateTests.annotator.annotate("ประชุมเมื่อวันพุธที่ ๑๐ มกราคม ๒๔๖๑", referenceDate: CalendarDate(year: 2018, month: 1, day: 12))
        #expect(digit.entities(ofType: .date).first?.date?.suggestedValue?.iso == "2018-01-10")
    }
}
