import ArgumentParser
import ThaiAnnotator

/// `thai-annotate parse-date`: one date per string, without a format (`DateNormalizer.parse`).
struct ParseDate: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "parse-date",
        abstract: "Parse strings that are each one Thai date, without a format.",
        discussion: """
            Prints one line per string: the ISO 8601 value (2022-07-15, 2022-07, 2022, or an \
            interval 2017-07-25/2017-07-30), or "error: " and the reason. Exits 65 when any string \
            is not one date.
            """)

    @Argument(help: "The strings (15 ก.ค. 2565, 15-ก.ค.-2565, 15 07 2565, ๑๒ ม.ค.๖๒ ...); none reads one a line from standard input.")
    var strings: [String] = []

    @Option(name: .customLong("reference-date"), help: "YYYY-MM-DD to resolve relative and year-less dates against.")
    var referenceDate: String?

    func validate() throws {
        if let referenceDate, CalendarDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a valid YYYY-MM-DD date, got \(referenceDate)")
        }
    }

    func run() throws {
        let reference = referenceDate.flatMap(CalendarDate.init(iso:))
        var failed = false
        func parse(_ string: String) {
            switch DateNormalizer.parse(string, referenceDate: reference) {
            case .success(let value): print(value.iso)
            case .failure(let reason):
                print("error: \(reason)")
                failed = true
            }
        }
        if strings.isEmpty {
            while let line = readLine() { parse(line) }
        } else {
            strings.forEach(parse)
        }
        if failed { throw Exit.dataError }
    }
}
