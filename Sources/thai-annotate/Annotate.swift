import ArgumentParser
import ThaiAnnotator

#if canImport(Glibc)
import Glibc
#endif

/// `thai-annotate annotate`: the default subcommand.
struct Annotate: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Annotate documents with PERSON, MINISTRY, ORGANIZATION, ACRONYM, LOCATION and DATE entities.")

    @OptionGroup var inputOptions: InputOptions

    @Option(help: "Output format: text (inline marks), json (one object per document), jsonl (one line per document), thainer (inline [TYPE]...[/TYPE] tags), conll (IOB, a token a line), brat (.ann standoff), html (a page highlighting entities and roles) or tsv (who holds which office: a table a spreadsheet opens). --input jsonl always writes jsonl.")
    var format: OutputFormat?

    @Option(name: .customLong("reference-date"), help: "The date that relative and year-less dates resolve against (YYYY-MM-DD); default: each document's own date line.")
    var referenceDate: String?

    @Option(name: .customLong("gazetteer"), help: "An extra gazetteer file (TSV; see README). Repeatable.")
    var gazetteers: [String] = []

    @Flag(name: .customLong("no-bundled-gazetteers"), help: "Do not load the gazetteers shipped with ThaiAnnotator.")
    var noBundledGazetteers = false

    @Option(name: .customLong("span-convention"), help: "guidelines (corpus/GUIDELINES.md) or thainer: whether วันนี้ (25 พฤษภาคม 2561) is one DATE or two.")
    var spanConvention: SpanConvention = .guidelines

    @Option(name: .customLong("model"), help: ModelArgument.help)
    var model: ModelArgument = .bundled

    @Flag(name: .customLong("repair-dates"), help: "Where a date's weekday disagrees and exactly one nearby reading fits it, make that reading the value (it is always given as suggestedValue).")
    var repairDates = false

    enum OutputFormat: String, ExpressibleByArgument, CaseIterable { case text, json, jsonl, thainer, conll, brat, html, tsv }

    func validate() throws {
        if let referenceDate, CalendarDate(iso: referenceDate) == nil {
            throw ValidationError("--reference-date must be a valid YYYY-MM-DD date, got \(referenceDate)")
        }
        if inputOptions.input == .jsonl, let format, format != .jsonl {
            throw ValidationError("--input jsonl writes jsonl; --format \(format.rawValue) does not apply")
        }
    }

    func run() throws {
        var configuration = Annotator.Configuration()
        configuration.useBundledGazetteers = !noBundledGazetteers
        configuration.spanConvention = spanConvention
        configuration.repairDates = repairDates
        do {
            configuration.gazetteers = try gazetteers.map { try Gazetteer(contentsOfFile: $0) }
        } catch let error as GazetteerError {
            printError("thai-annotate: \(error)")
            throw Exit.dataError
        }
        let annotator = try model.annotator(configuration)
        let fixedDate = referenceDate.flatMap(CalendarDate.init(iso:))

        if inputOptions.input == .jsonl {
            let result = BatchRunner(threads: inputOptions.threads).run(inputs: inputOptions.inputFiles) { record in
                var date = fixedDate
                if let given = record.referenceDate {
                    guard let parsed = CalendarDate(iso: given) else {
                        return .failure(.init(rawID: record.rawID, message: "referenceDate must be YYYY-MM-DD, got \(given)"))
                    }
                    date = parsed
                }
                let document = annotator.annotate(record.text, referenceDate: date)
                var writer = JSONWriter()
                writer.annotationRecord(rawID: record.rawID, entities: document.entities, roles: document.roles)
                return .success(writer.bytes)
            }
            if result.unreadable { throw Exit.noInput }
            if result.failed { throw Exit.dataError }
            return
        }

        let inputs = inputOptions.inputFiles
        let format = format ?? .text
        var documents: [(InputFile, Document)] = []
        var wroteTSVHeader = false
        try forEachTextDocument(inputs) { input, text in
            let document = annotator.annotate(text, referenceDate: fixedDate)
            switch format {
            case .text:
                writeStdout(Array(InlineRenderer(colors: isatty(1) != 0).render(document).utf8))
            case .jsonl:
                var writer = JSONWriter()
                writer.raw("{\"id\":"); writer.string(input.displayName)
                writer.raw(",\"entities\":"); writer.entities(document.entities)
                writer.raw(",\"roles\":"); writer.roles(document.roles)
                writer.raw("}\n")
                writeStdout(writer.bytes)
            case .thainer:
                writeStdout(Array(OutputFormats.inlineTags(document).utf8))
            case .conll:
                writeStdout(Array(OutputFormats.conll(document).utf8))
            case .brat:
                writeStdout(Array(OutputFormats.brat(document).utf8))
            case .tsv:
                if !wroteTSVHeader {
                    writeStdout(Array(OutputFormats.roleTableHeader.utf8))
                    wroteTSVHeader = true
                }
                let date = fixedDate ?? annotator.dateNormalizer.documentDate(in: UTF16Text(document.text))
                writeStdout(Array(OutputFormats.roleTable(document, name: input.displayName, date: date).utf8))
            case .json, .html:
                documents.append((input, document))
            }
        }
        if format == .json { writeJSON(documents) }
        if format == .html {
            writeStdout(Array(OutputFormats.html(documents.map { ($0.0.displayName, $0.1) }).utf8))
        }
    }

    /// One object for one document; an array of objects for several.
    private func writeJSON(_ documents: [(InputFile, Document)]) {
        var writer = JSONWriter()
        if documents.count != 1 { writer.raw("[") }
        for (index, (input, document)) in documents.enumerated() {
            if index > 0 { writer.raw(",\n") }
            writer.raw("{\"id\":"); writer.string(input.displayName)
            writer.raw(",\"text\":"); writer.string(document.text)
            writer.raw(",\"entities\":[")
            for (entityIndex, entity) in document.entities.enumerated() {
                writer.raw(entityIndex == 0 ? "\n  " : ",\n  ")
                writer.entity(entity)
            }
            writer.raw(document.entities.isEmpty ? "]" : "\n]")
            writer.raw(",\"roles\":[")
            for (roleIndex, link) in document.roles.enumerated() {
                writer.raw(roleIndex == 0 ? "\n  " : ",\n  ")
                writer.role(link)
            }
            writer.raw(document.roles.isEmpty ? "]}" : "\n]}")
        }
        if documents.count != 1 { writer.raw("]") }
        writer.raw("\n")
        writeStdout(writer.bytes)
    }
}

/// Renders a document as its text with inline marks: `[นายอุตตม สาวนายน]PERSON`, with the date
/// value, acronym expansion or canonical name after the type; in colour on a terminal.
struct InlineRenderer {
    let colors: Bool

    func render(_ document: Document) -> String {
        var output = ""
        var position = document.text.startIndex
        for entity in document.entities {
            output += document.text[position..<entity.range.lowerBound]
            let color = colors ? "\u{1B}[\(Self.colorCode(entity.type))m" : ""
            let reset = colors ? "\u{1B}[0m" : ""
            output += "\(color)[\(entity.text)]\(entity.type.rawValue)\(detail(entity))\(reset)"
            position = entity.range.upperBound
        }
        output += document.text[position...]
        if !output.hasSuffix("\n") { output += "\n" }
        return output
    }

    private func detail(_ entity: Entity) -> String {
        if let date = entity.date { return "=\(date.value?.iso ?? "?")" + (date.weekdayMismatch ? "(weekday mismatch" + (date.suggestedValue.map { "; suggested \($0.iso)" } ?? "") + ")" : "") }
        if let expansion = entity.acronym?.expansion { return "=\(expansion)" }
        if let link = entity.link, link.canonical != entity.text, !link.isDocumentLocal { return "=\(link.canonical)" }
        return ""
    }

    private static func colorCode(_ type: EntityType) -> String {
        switch type {
        case .person: return "1;34"
        case .ministry: return "1;35"
        case .organization: return "1;33"
        case .acronym: return "1;36"
        case .location: return "1;32"
        case .date: return "1;31"
        }
    }
}

extension SpanConvention: ExpressibleByArgument {}
