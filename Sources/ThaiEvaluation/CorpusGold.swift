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

    /// Reads every `gold/*.json` file of a corpus folder and the text it annotates.
    ///
    /// - Throws: ``CorpusGoldError`` when the folder has no `gold/` folder, a gold file cannot
    ///   be decoded, or a document's text cannot be read.
    public init(folder: String) throws {
        let goldFolder = folder + "/gold"
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: goldFolder) else {
            throw CorpusGoldError.noGoldFolder(folder)
        }
        documents = try names.filter { $0.hasSuffix(".json") }.sorted().map { name in
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
}

/// Why a corpus could not be read.
public enum CorpusGoldError: Error, Sendable, CustomStringConvertible {
    /// The folder has no readable `gold/` folder.
    case noGoldFolder(String)
    /// A file could not be read (or is not UTF-8 text).
    case unreadable(String)
    /// A gold file is not in the gold format; the second value says why.
    case invalidGold(String, String)

    /// A one-line message naming the path.
    public var description: String {
        switch self {
        case .noGoldFolder(let folder): return "no gold/ folder in \(folder)"
        case .unreadable(let path): return "cannot read \(path)"
        case .invalidGold(let path, let reason): return "\(path): not a gold file: \(reason)"
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

    /// The document's name: its text is `documents/NAME.txt`.
    public var document: String
    /// Where the text came from.
    public var source: String?
    /// The date the document was published (YYYY-MM-DD), when the gold file gives it.
    public var referenceDate: String?
    /// The gold entities.
    public var entities: [Entity]
    /// The document's text (read from `documents/`, not from the gold file).
    public var text = ""

    private enum CodingKeys: String, CodingKey { case document, source, referenceDate, entities }

    /// The gold entities as scored spans (DATE spans with their values).
    public var spans: [ScoredSpan] {
        entities.map { ScoredSpan(type: $0.type, start: $0.start, end: $0.end, value: $0.value) }
    }
}

extension Evaluation {
    /// Annotates a gold document's text with `annotator` and scores the result.
    public mutating func add(_ gold: GoldDocument, annotatedBy annotator: Annotator) {
        let document = annotator.annotate(gold.text)
        add(gold: gold.spans, predicted: document.entities.map(ScoredSpan.init), text: gold.text, document: gold.document)
    }
}
