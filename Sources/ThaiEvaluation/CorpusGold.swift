#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ThaiAnnotator

/// The gold corpus in `corpus/`: `documents/NAME.txt` holds each text and `gold/NAME.json` its
/// standoff annotations (see `corpus/GUIDELINES.md`):
///
/// ```json
/// {"document": "seed", "source": "...", "referenceDate": "2017-06-07", "entities": [
///  {"type": "DATE", "start": 80, "end": 95, "text": "7 มิถุนายน 2560", "value": "2017-06-07", "grain": "day"}
/// ]}
/// ```
public struct CorpusGold: Sendable {
    /// The gold documents, sorted by the gold files' names.
    public var documents: [GoldDocument]

    /// Reads every `gold/*.json` file of a corpus folder and the text it annotates; with a
    /// `split`, only the documents `manifest.tsv` puts in that split (`train` or `test`).
    ///
    /// - Throws: ``CorpusGoldError`` when the folder has no `gold/` folder, a gold file cannot
    ///   be decoded, a document's text cannot be read, or the split is asked for and the manifest
    ///   is missing or has no document in it.
    public init(folder: String, split: String? = nil) throws {
        let goldFolder = folder + "/gold"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: goldFolder) else {
            throw CorpusGoldError.noGoldFolder(folder)
        }
        var splits: [String: String] = [:]
        if let split {
            splits = try Self.splits(folder: folder)
            guard splits.values.contains(split) else { throw CorpusGoldError.unknownSplit(split) }
        }
        documents = try names.filter { $0.hasSuffix(".json") }.sorted().compactMap { name in
            // The manifest names documents as the gold files do (NAME.json).
            if let split, splits[String(name.dropLast(5))] != split { return nil }
            let path = goldFolder + "/" + name
            guard let data = FileManager.default.contents(atPath: path) else { throw CorpusGoldError.unreadable(path) }
            var document: GoldDocument
            do {
                document = try JSONDecoder().decode(GoldDocument.self, from: data)
            } catch {
                throw CorpusGoldError.invalidGold(path, "\(error)")
            }
            let textPath = folder + "/documents/" + document.document + ".txt"
            guard let bytes = FileManager.default.contents(atPath: textPath),
                  let text = String(validating: bytes, as: UTF8.self) else { throw CorpusGoldError.unreadable(textPath) }
            document.text = text
            return document
        }
    }

    /// Each document's split in the corpus's `manifest.tsv` (a header line naming the `document`
    /// and `split` columns, then a line per document).
    public static func splits(folder: String) throws -> [String: String] {
        let path = folder + "/manifest.tsv"
        guard let bytes = FileManager.default.contents(atPath: path), let text = String(validating: bytes, as: UTF8.self) else {
            throw CorpusGoldError.unreadable(path)
        }
        var splits: [String: String] = [:]
        var documentColumn = 0, splitColumn: Int?
        for (number, line) in text.split(separator: "\n").enumerated() {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map {
                String($0.hasSuffix("\r") ? $0.dropLast() : $0)
            }
            if number == 0 {
                documentColumn = fields.firstIndex(of: "document") ?? 0
                splitColumn = fields.firstIndex(of: "split")
            } else if let splitColumn, fields.count > max(documentColumn, splitColumn) {
                splits[fields[documentColumn]] = fields[splitColumn]
            }
        }
        return splits
    }
}

/// Why a corpus could not be read.
public enum CorpusGoldError: Error, Sendable, CustomStringConvertible {
    /// The folder has no readable `gold/` folder.
    case noGoldFolder(String)
    /// A file could not be read (or is not UTF-8 text).
    case unreadable(String)
    /// A gold file is not in the gold format; the second value says why.
    case invalidGold(String, String)
    /// No document of the manifest is in this split.
    case unknownSplit(String)

    /// A one-line message naming the path.
    public var description: String {
        switch self {
        case .noGoldFolder(let folder): return "no gold/ folder in \(folder)"
        case .unreadable(let path): return "cannot read \(path)"
        case .invalidGold(let path, let reason): return "\(path): not a gold file: \(reason)"
        case .unknownSplit(let split): return "no document of split \(split) in manifest.tsv"
        }
    }
}

/// One gold document: its name, text and gold entities.
public struct GoldDocument: Sendable, Decodable {
    /// One gold entity, in the JSON contract's terms.
    public struct Entity: Sendable, Decodable {
        /// The type name (PERSON, MINISTRY, ORGANIZATION, ACRONYM, LOCATION, DATE).
        public var type: String
        /// The first Unicode scalar of the span.
        public var start: Int
        /// The scalar after the span's last.
        public var end: Int
        /// The text between the offsets.
        public var text: String?
        /// A DATE's ISO 8601 value (nil when the date cannot be resolved).
        public var value: String?
        /// An ACRONYM's expansion.
        public var expansion: String?
        /// The type an ACRONYM's expansion names.
        public var refersTo: String?
    }

    /// One gold role link: indices into ``entities`` and the role's span.
    public struct Role: Sendable, Decodable {
        /// A role's words.
        public struct Span: Sendable, Decodable {
            /// The first Unicode scalar of the role.
            public var start: Int
            /// The scalar after the role's last.
            public var end: Int
            /// The text between the offsets.
            public var text: String?
        }
        /// The PERSON entity's index in ``GoldDocument/entities``.
        public var person: Int
        /// The role's words.
        public var role: Span
        /// The body entity's index, or nil.
        public var org: Int?
    }

    /// The document's name: its text is `documents/NAME.txt`.
    public var document: String
    /// Where the text came from.
    public var source: String?
    /// The date the document was published (YYYY-MM-DD), when the gold file gives it.
    public var referenceDate: String?
    /// The gold entities.
    public var entities: [Entity]
    /// The gold role links, or nil in gold files written before role links.
    public var roles: [Role]?
    /// The document's text (read from `documents/`, not from the gold file).
    public var text = ""

    private enum CodingKeys: String, CodingKey { case document, source, referenceDate, entities, roles }

    /// The gold entities as scored spans (DATE spans with their values).
    public var spans: [ScoredSpan] {
        entities.map { ScoredSpan(type: $0.type, start: $0.start, end: $0.end, value: $0.value) }
    }

    /// The gold role links as scored links, or nil when the file has none (not yet annotated
    /// for roles). Links naming entities the file does not have are left out.
    public var scoredRoles: [ScoredRole]? {
        roles.map { links in
            links.compactMap { link in
                guard entities.indices.contains(link.person), link.org.map(entities.indices.contains) ?? true else { return nil }
                func span(_ index: Int) -> Range<Int> { entities[index].start..<entities[index].end }
                return ScoredRole(person: span(link.person), role: link.role.start..<link.role.end, organization: link.org.map(span))
            }
        }
    }
}

extension Evaluation {
    /// Annotates a gold document's text with `annotator` and scores the result: its entities,
    /// and its role links when the gold file has them.
    public mutating func add(_ gold: GoldDocument, annotatedBy annotator: Annotator) {
        let document = annotator.annotate(gold.text)
        add(gold: gold.spans, predicted: document.entities.map(ScoredSpan.init), text: gold.text, document: gold.document)
        if let goldRoles = gold.scoredRoles {
            roles.add(gold: goldRoles, predicted: document.roles.map { ScoredRole($0, in: document) }, text: gold.text,
                      document: gold.document)
        }
    }
}
