import ThaiSegmentation

/// What the PERSON rules know: titles and ranks, and lists of given and family names.
struct PersonLexicon: Sendable {
    /// Titles and ranks (นาย, พล.อ., ดร., Mr.) → 1 for a strong title, 0 for a weak one (คุณ,
    /// พระ) that needs a known given name after it.
    let titles: PrefixTrie
    /// The same titles and strengths, for the recogniser's combined lexicon.
    let titleStrengths: [(title: String, strength: Int8)]
    /// Known given names → 0.
    let givenNames: PrefixTrie
    /// The length of the longest given name, in UTF-16 code units.
    let longestGivenName: Int
    /// Known family names → 0.
    let familyNames: PrefixTrie

    /// Where a title that ends at `position` (directly or before one space) starts, the longest
    /// title first; nil when none does. With `strongOnly`, weak titles (คุณ, พระ) do not count.
    func titleStart(endingAt position: Int, in units: UnsafeBufferPointer<UInt16>, strongOnly: Bool) -> Int? {
        var end = position
        if end > 0, CharacterClass.isSpace(units[end - 1]) { end -= 1 }
        for length in stride(from: min(end, 24), through: 2, by: -1) {
            guard let strength = titles.payload(exactly: (end - length)..<end, in: units) else { continue }
            if strength == 1 || !strongOnly { return end - length }
        }
        return nil
    }

    /// Titles that are also the start of ordinary words (คุณภาพ, นางพยาบาล) and so only count
    /// before a name from the given-name list.
    static let weakTitles: Set<String> = ["คุณ", "พระ", "แม่", "พ่อ", "หม่อม", "ท่าน"]

    /// The bundled lists (Resources/names/).
    static let bundled: PersonLexicon = {
        var titles: [(key: String, payload: Int32)] = []
        var given: [String] = []
        var family: [String] = []
        for (key, text) in BundledResources.files where key.hasPrefix("names/") {
            // Split and test on bytes: Character-based splitting, or even hasPrefix (which breaks
            // Thai text into graphemes), costs tens of milliseconds on 25,000 names.
            let lines = text.utf8.split(separator: 0x0A).compactMap { line -> String? in
                let name = Gazetteer.trimmedString(line.last == 0x0D ? line.dropLast() : line)
                return name.utf8.first.map { $0 == 0x23 } ?? true ? nil : name  // empty or a # comment
            }
            if key.hasPrefix("names/titles") {
                for line in lines.dropFirst() {  // header: title<TAB>kind
                    guard let title = line.utf8.split(separator: 0x09).first.map(Gazetteer.trimmedString) else { continue }
                    titles.append((title, weakTitles.contains(title) ? 0 : 1))
                }
            } else if key.hasPrefix("names/given-names") {
                given += lines
            } else if key.hasPrefix("names/family-names") {
                family += lines
            }
        }
        return PersonLexicon(titles: PrefixTrie(titles), titleStrengths: titles.map { ($0.key, Int8($0.payload)) },
                             givenNames: PrefixTrie(words: given), longestGivenName: given.map(\.utf16.count).max() ?? 0,
                             familyNames: PrefixTrie(words: family))
    }()
}

/// The bundled name lists, as strings, for tools that mine or score against them (the ThaiNER
/// list miner, unseen-name recall).
public enum BundledNameLists {
    /// Titles and ranks (Resources/names/titles.tsv), longest first.
    public static var titles: [String] {
        PersonLexicon.bundled.titleStrengths.map(\.title).sorted { $0.utf16.count > $1.utf16.count || ($0.utf16.count == $1.utf16.count && $0 < $1) }
    }

    /// Given names and family names (Resources/names/*.txt).
    public static var names: (given: Set<String>, family: Set<String>) {
        var given: Set<String> = [], family: Set<String> = []
        for (key, text) in BundledResources.files where key.hasPrefix("names/") && key.hasSuffix(".txt") {
            let lines = text.utf8.split(separator: 0x0A).compactMap { line -> String? in
                let name = Gazetteer.trimmedString(line.last == 0x0D ? line.dropLast() : line)
                return name.utf8.first.map { $0 == 0x23 } ?? true ? nil : name
            }
            if key.hasPrefix("names/given") { given.formUnion(lines) } else { family.formUnion(lines) }
        }
        return (given, family)
    }
}
