/// One entry of a gazetteer: a named entity with every surface form it goes by.
public struct GazetteerEntry: Sendable, Hashable {
    /// Stable id, e.g. "ministry.industry".
    public var id: String
    /// PERSON, MINISTRY, ORGANIZATION or LOCATION.
    public var type: EntityType
    /// The canonical (official Thai) name.
    public var canonical: String
    /// Other full names it is written as.
    public var aliases: [String]
    /// Abbreviations and acronyms (อก., SMRJ); found as ACRONYM entities that expand to `canonical`.
    public var abbreviations: [String]
    /// For ministries, the form used after a minister's title without กระทรวง (รมว.อุตสาหกรรม).
    public var shortForms: [String]
    /// The English name, also matched in text.
    public var english: String?

    /// Creates an entry.
    public init(id: String, type: EntityType, canonical: String, aliases: [String] = [],
                abbreviations: [String] = [], shortForms: [String] = [], english: String? = nil) {
        self.id = id
        self.type = type
        self.canonical = canonical
        self.aliases = aliases
        self.abbreviations = abbreviations
        self.shortForms = shortForms
        self.english = english
    }
}

/// A malformed gazetteer line.
public struct GazetteerError: Error, Sendable, CustomStringConvertible {
    /// The gazetteer's name (its file path for files).
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// What is wrong.
    public var message: String

    /// `FILE:LINE: message`.
    public var description: String { "\(file):\(line): \(message)" }
}

/// A list of named entities in the documented TSV format:
///
///     # comments start with '#'
///     id<TAB>type<TAB>canonical<TAB>aliases<TAB>abbreviations<TAB>short<TAB>english
///     ministry.industry<TAB>MINISTRY<TAB>กระทรวงอุตสาหกรรม<TAB><TAB>อก.<TAB>อุตสาหกรรม<TAB>Ministry of Industry
///
/// List fields separate items with `|`; any field but id, type and canonical may be empty.
public struct Gazetteer: Sendable {
    /// Where the gazetteer came from (a file path, or "bundled:NAME").
    public var name: String
    /// Its entries, in file order.
    public var entries: [GazetteerEntry]

    /// The header line every gazetteer file starts with.
    public static let header = "id\ttype\tcanonical\taliases\tabbreviations\tshort\tenglish"

    /// Creates a gazetteer from entries.
    public init(name: String, entries: [GazetteerEntry]) {
        self.name = name
        self.entries = entries
    }

    /// Parses the TSV format; throws `GazetteerError` naming the line of the first problem.
    public init(parsing text: String, name: String) throws {
        self.name = name
        entries = []
        var sawHeader = false
        var lineNumber = 0
        // Fields are split on bytes: Character-based splitting of thousands of lines is slow.
        for bytes in text.utf8.split(separator: 0x0A, omittingEmptySubsequences: false) {
            lineNumber += 1
            let line = bytes.last == 0x0D ? bytes.dropLast() : bytes
            if line.isEmpty || line.first == 0x23 { continue }
            func fail(_ message: String) -> GazetteerError {
                GazetteerError(file: name, line: lineNumber, message: message)
            }
            guard sawHeader else {
                guard line.elementsEqual(Self.header.utf8) else {
                    throw fail("expected the header line \"\(Self.header.replacingTabs())\"")
                }
                sawHeader = true
                continue
            }
            let fields = line.split(separator: 0x09, omittingEmptySubsequences: false).map(Self.trimmedString)
            guard fields.count == 7 else { throw fail("expected 7 tab-separated fields, found \(fields.count)") }
            guard !fields[0].isEmpty else { throw fail("empty id") }
            guard let type = EntityType(rawValue: fields[1]), type != .date, type != .acronym else {
                throw fail("unknown type \"\(fields[1])\" (expected PERSON, MINISTRY, ORGANIZATION or LOCATION)")
            }
            guard !fields[2].isEmpty else { throw fail("empty canonical name") }
            func list(_ field: String) -> [String] {
                field.utf8.split(separator: 0x7C).map(Self.trimmedString).filter { !$0.isEmpty }
            }
            entries.append(GazetteerEntry(
                id: fields[0], type: type, canonical: fields[2], aliases: list(fields[3]),
                abbreviations: list(fields[4]), shortForms: list(fields[5]),
                english: fields[6].isEmpty ? nil : fields[6]))
        }
        guard sawHeader else { throw GazetteerError(file: name, line: max(lineNumber, 1), message: "missing header line") }
    }

    /// Reads a gazetteer file.
    public init(contentsOfFile path: String) throws {
        guard let bytes = FileBytes.read(path) else {
            throw GazetteerError(file: path, line: 0, message: "cannot read the file")
        }
        guard let text = String(validating: bytes, as: UTF8.self) else {
            throw GazetteerError(file: path, line: 0, message: "not valid UTF-8")
        }
        try self.init(parsing: text, name: path)
    }

    /// The gazetteers shipped with ThaiAnnotator (Resources/gazetteers/*.tsv), embedded in the binary.
    /// With `excludingThaiNERLists`, the lists mined from ThaiNER (`*-thainer.tsv`) are left out,
    /// so that cross-validation can supply lists mined without the held-out fold.
    public static func bundled(excludingThaiNERLists: Bool = false) throws -> [Gazetteer] {
        try BundledResources.files.keys.filter {
            $0.hasPrefix("gazetteers/") && !(excludingThaiNERLists && $0.hasSuffix("-thainer.tsv"))
        }.sorted().map { key in
            try Gazetteer(parsing: BundledResources.files[key]!, name: "bundled:\(key)")
        }
    }
}

extension Gazetteer {
    /// The bytes as a string, without leading and trailing spaces.
    static func trimmedString<Bytes: BidirectionalCollection<UInt8>>(_ bytes: Bytes) -> String {
        var slice = bytes[...]
        while slice.first == 0x20 { slice = slice.dropFirst() }
        while slice.last == 0x20 { slice = slice.dropLast() }
        return String(decoding: slice, as: UTF8.self)
    }
}

extension StringProtocol {
    func replacingTabs() -> String { split(separator: "\t", omittingEmptySubsequences: false).joined(separator: "\\t") }
}
