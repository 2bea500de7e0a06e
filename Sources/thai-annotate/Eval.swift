import ArgumentParser
import Foundation
import ThaiAnnotator

/// `thai-annotate eval`: scores the annotator against gold data.
struct Eval: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Score the annotator on gold data: the corpus (standoff JSON), ThaiNER's inline format, or |-separated segmentation.")

    @Argument(help: "A corpus folder (documents/ and gold/), or a ThaiNER or segmentation file.")
    var path: String = "corpus"

    @Option(name: .customLong("gold-format"), help: "corpus (standoff JSON), thainer (inline tags) or segmentation (|-separated tokens).")
    var goldFormat: GoldFormat = .corpus

    @Option(help: "Output: text (tables) or json.")
    var format: Format = .text

    @Option(name: .customLong("errors"), help: "Also print up to N error examples (missed, spurious, boundary, type), and N role-link errors.")
    var errorExamples: Int = 0

    @Option(help: "Score only the corpus documents of one split of manifest.tsv: train or test (default: all).")
    var split: String?

    enum GoldFormat: String, ExpressibleByArgument, CaseIterable { case corpus, thainer, segmentation }
    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    func run() throws {
        var configuration = Annotator.Configuration()
        // ThaiNER gold is scored under ThaiNER's own span conventions.
        if goldFormat == .thainer { configuration.spanConvention = .thaiNER }
        let annotator = try Annotator(configuration: configuration)
        var evaluation = Evaluation()
        var roles: RoleEvaluation?
        switch goldFormat {
        case .corpus:
            var roleEvaluation = RoleEvaluation()
            try evaluateCorpus(annotator, &evaluation, &roleEvaluation)
            roles = roleEvaluation
        case .thainer: try evaluateThaiNER(annotator, &evaluation)
        case .segmentation: return try evaluateSegmentation(annotator.segmenter)
        }
        if format == .json {
            var json = evaluation.json()
            // Role links join the object as one more member.
            if let roles, json.hasSuffix("}\n") { json = String(json.dropLast(2)) + "," + roles.jsonMember() + "}\n" }
            print(json, terminator: "")
        } else {
            print(evaluation.table())
            if let roles { print(roles.tableLine()) }
        }
        for example in evaluation.examples.prefix(errorExamples) { print(example) }
        for example in (roles?.examples ?? []).prefix(errorExamples) { print(example) }
    }

    /// The gold file format of corpus/gold/NAME.json.
    struct GoldDocument: Decodable {
        struct GoldEntity: Decodable {
            var type: String
            var start: Int
            var end: Int
            var value: String?
        }
        /// A role link: indices into `entities` and the role's span.
        struct GoldRole: Decodable {
            struct Span: Decodable {
                var start: Int
                var end: Int
            }
            var person: Int
            var role: Span
            var org: Int?
        }
        var document: String
        var entities: [GoldEntity]
        /// Absent in gold files written before role links.
        var roles: [GoldRole]?
    }

    private func evaluateCorpus(_ annotator: Annotator, _ evaluation: inout Evaluation, _ roles: inout RoleEvaluation) throws {
        let root = URL(fileURLWithPath: path)
        var splits: [String: String]?
        if let split {
            guard let manifest = try? String(contentsOf: root.appendingPathComponent("manifest.tsv"), encoding: .utf8) else {
                printError("thai-annotate: --split needs \(path)/manifest.tsv")
                throw Exit.noInput
            }
            splits = readSplits(manifest: manifest)
            guard splits!.values.contains(split) else {
                printError("thai-annotate: no document of split \(split) in \(path)/manifest.tsv")
                throw ExitCode(64)
            }
        }
        let goldFolder = root.appendingPathComponent("gold")
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: goldFolder.path) else {
            printError("thai-annotate: no gold/ folder in \(path)")
            throw Exit.noInput
        }
        for name in names.filter({ $0.hasSuffix(".json") }).sorted() {
            let gold = try JSONDecoder().decode(GoldDocument.self, from: Data(contentsOf: goldFolder.appendingPathComponent(name)))
            if let split, splits?[gold.document] != split { continue }
            let text = try String(contentsOf: root.appendingPathComponent("documents/\(gold.document).txt"), encoding: .utf8)
            let document = annotator.annotate(text)
            let goldSpans = gold.entities.map {
                ScoredSpan(type: $0.type, start: $0.start, end: $0.end, value: $0.type == "DATE" ? ($0.value ?? "null") : nil)
            }
            let predicted = document.entities.map {
                ScoredSpan(type: $0.type.rawValue, start: $0.scalarOffsets.lowerBound, end: $0.scalarOffsets.upperBound,
                           value: $0.type == .date ? ($0.date?.value?.iso ?? "null") : nil)
            }
            let scalars = Array(text.unicodeScalars)
            evaluation.add(gold: goldSpans, predicted: predicted, text: scalars, name: gold.document)
            // Gold files without role links (not yet annotated for roles) are not scored for them.
            if let goldRoles = gold.roles {
                func span(_ index: Int) -> Range<Int> { gold.entities[index].start..<gold.entities[index].end }
                let goldLinks = goldRoles.map { ScoredRole(person: span($0.person), role: $0.role.start..<$0.role.end, organization: $0.org.map(span)) }
                let predictedLinks = document.roles.map {
                    ScoredRole(person: document.entities[$0.person].scalarOffsets, role: $0.role.scalarOffsets,
                               organization: $0.organization.map { document.entities[$0].scalarOffsets })
                }
                roles.add(gold: goldLinks, predicted: predictedLinks, text: scalars, name: gold.document)
            }
        }
    }

    /// ThaiNER's types, scored as ours: FACILITY is LOCATION; MINISTRY, ORGANIZATION and
    /// organisation acronyms are ORGANIZATION.
    private func evaluateThaiNER(_ annotator: Annotator, _ evaluation: inout Evaluation) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        let kept: [String: String] = ["PERSON": "PERSON", "ORGANIZATION": "ORGANIZATION", "LOCATION": "LOCATION",
                                      "FACILITY": "LOCATION", "DATE": "DATE"]
        for (number, line) in text.split(separator: "\n").enumerated() {
            var line = line
            if line.hasPrefix("\u{FEFF}") { line = line.dropFirst() }
            let (scalars, spans) = parseThaiNERLine(line)
            let gold = spans.compactMap { span in kept[span.type].map { ScoredSpan(type: $0, start: span.start, end: span.end) } }
            let document = annotator.annotate(String(String.UnicodeScalarView(scalars)))
            let predicted = document.entities.map { entity -> ScoredSpan in
                let type: String
                switch entity.type {
                case .ministry, .organization: type = "ORGANIZATION"
                case .acronym:
                    switch entity.acronym?.refersTo {
                    case .location?: type = "LOCATION"
                    case .person?: type = "PERSON"
                    default: type = "ORGANIZATION"
                    }
                default: type = entity.type.rawValue
                }
                return ScoredSpan(type: type, start: entity.scalarOffsets.lowerBound, end: entity.scalarOffsets.upperBound)
            }
            evaluation.add(gold: gold, predicted: predicted, text: scalars, name: "line \(number + 1)")
        }
    }

    /// Word-level precision, recall and F1 against `|`-separated gold tokens (whitespace ignored).
    private func evaluateSegmentation(_ segmenter: WordSegmenter) throws {
        let text = try String(contentsOfFile: path, encoding: .utf8)
        var gold = 0, predicted = 0, correct = 0
        for line in text.split(separator: "\n") {
            var words: Set<Range<Int>> = []
            var offset = 0
            for word in line.split(separator: "|", omittingEmptySubsequences: true) {
                let length = word.unicodeScalars.count
                if !word.allSatisfy(\.isWhitespace) { words.insert(offset..<(offset + length)) }
                offset += length
            }
            let plain = line.split(separator: "|", omittingEmptySubsequences: true).joined()
            let tokens = segmenter.tokens(in: plain).filter { $0.kind != .whitespace }.map(\.scalarOffsets)
            gold += words.count
            predicted += tokens.count
            correct += tokens.filter(words.contains).count
        }
        let (precision, recall, f1) = Evaluation.prf(correct, gold, predicted)
        if format == .json {
            print("{\"gold\":\(gold),\"predicted\":\(predicted),\"precision\":\(precision),\"recall\":\(recall),\"f1\":\(f1)}")
        } else {
            print("words: gold \(gold), predicted \(predicted), correct \(correct); P \(precision) R \(recall) F1 \(f1)")
        }
    }
}
