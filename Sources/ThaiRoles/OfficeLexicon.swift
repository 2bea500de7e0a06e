import ThaiEntities
import ThaiSegmentation

/// One office of the lexicon (Resources/roles/offices.tsv).
public struct Office: Sendable, Hashable {
    /// How an office combines with what follows it.
    public enum Kind: String, Sendable, Hashable {
        /// Followed by the body it heads: รัฐมนตรีว่าการ|กระทรวงอุตสาหกรรม, อธิบดี|กรม...
        case head
        /// Complete without a body: นายกรัฐมนตรี, ผู้บัญชาการทหารบก.
        case whole
        /// Glued before an office and part of the role: รอง, ผู้ช่วย, อดีต.
        case modifier
    }

    /// The office as written: รมว.
    public var surface: String
    /// The office in full: รัฐมนตรีว่าการ (equal to `surface` when it is not an abbreviation).
    public var canonical: String
    /// How it combines with a body.
    public var kind: Kind

    /// Creates an office.
    public init(surface: String, canonical: String? = nil, kind: Kind) {
        self.surface = surface
        self.canonical = canonical ?? surface
        self.kind = kind
    }
}

/// A malformed line in an office lexicon.
public struct OfficeLexiconError: Error, CustomStringConvertible {
    /// The line number, from 1.
    public var line: Int
    /// What is wrong with it.
    public var message: String
    /// `line N: message`.
    public var description: String { "line \(line): \(message)" }
}

/// The offices the role linker knows, in one trie.
public struct OfficeLexicon: Sendable {
    /// The offices, indexed by the trie's payloads.
    public let offices: [Office]
    let trie: PrefixTrie
    /// The first code units of the offices, as bits: ASCII in the first two words, the Thai block
    /// (U+0E00 to U+0E7F) in the last two. Other first units set `otherFirstUnits`.
    private var firstUnits: (UInt64, UInt64, UInt64, UInt64) = (0, 0, 0, 0)
    private var otherFirstUnits = false

    /// Builds a lexicon; a later office with the same surface replaces an earlier one.
    public init(offices: [Office]) {
        self.offices = offices
        trie = PrefixTrie(offices.enumerated().map { (key: $0.element.surface, payload: Int32($0.offset)) })
        for office in offices {
            guard let unit = office.surface.utf16.first else { continue }
            switch unit {
            case 0..<64: firstUnits.0 |= 1 << UInt64(unit)
            case 64..<128: firstUnits.1 |= 1 << UInt64(unit - 64)
            case 0x0E00..<0x0E40: firstUnits.2 |= 1 << UInt64(unit - 0x0E00)
            case 0x0E40..<0x0E80: firstUnits.3 |= 1 << UInt64(unit - 0x0E40)
            default: otherFirstUnits = true
            }
        }
    }

    /// Whether an office may start with `unit`: false only when none does.
    @inline(__always)
    func mayStart(with unit: UInt16) -> Bool {
        switch unit {
        case 0..<64: return firstUnits.0 & (1 << UInt64(unit)) != 0
        case 64..<128: return firstUnits.1 & (1 << UInt64(unit - 64)) != 0
        case 0x0E00..<0x0E40: return firstUnits.2 & (1 << UInt64(unit - 0x0E00)) != 0
        case 0x0E40..<0x0E80: return firstUnits.3 & (1 << UInt64(unit - 0x0E40)) != 0
        default: return otherFirstUnits
        }
    }

    /// Parses the TSV format of Resources/roles/offices.tsv: `surface<TAB>canonical<TAB>kind`,
    /// `#` comment lines, a header line starting with `surface`, an empty canonical meaning the surface.
    public init(parsing text: String) throws {
        var offices: [Office] = []
        for (number, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() {
            let line = line.hasSuffix("\r") ? line.dropLast() : line
            if line.isEmpty || line.hasPrefix("#") || line.hasPrefix("surface\t") { continue }
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard fields.count == 3, !fields[0].isEmpty else {
                throw OfficeLexiconError(line: number + 1, message: "expected surface, canonical and kind separated by tabs")
            }
            guard let kind = Office.Kind(rawValue: String(fields[2])) else {
                throw OfficeLexiconError(line: number + 1, message: "kind must be head, whole or modifier, got \(fields[2])")
            }
            offices.append(Office(surface: String(fields[0]), canonical: fields[1].isEmpty ? nil : String(fields[1]), kind: kind))
        }
        self.init(offices: offices)
    }

    /// The lexicon shipped with ThaiAnnotator (Resources/roles/offices.tsv, embedded in the binary).
    public static let bundled: OfficeLexicon = {
        guard let text = BundledData.file("roles/offices.tsv") else { return OfficeLexicon(offices: []) }
        // The bundled file is checked by the tests; a malformed line there is a build error in effect.
        return (try? OfficeLexicon(parsing: text)) ?? OfficeLexicon(offices: [])
    }()
}
