import ThaiAnnotator
import ThaiEvaluation

/// Builds the lists mined from ThaiNER (persons-thainer.tsv, organizations-thainer.tsv,
/// locations-thainer.tsv) from the lines it is given, deterministically, so that
/// cross-validation can rebuild them without the held-out fold. Forms already in the other
/// bundled gazetteers are left out.
public enum ThaiNERListMiner {
    /// The comment line that opens each mined file: ThaiNER's attribution (CC BY 3.0).
    public static let attribution = "# Derived from ThaiNER 1.5.1 (train split) by Wannaphong Phatthiyaphaibun / PyThaiNLP, CC BY 3.0, https://github.com/wannaphong/thai-ner — built by `thai-annotate mine-lists` (see Resources/SOURCES.md); do not edit by hand."

    /// Spans that are a bare head word or a generic noun, never an entry.
    static let generic: Set<String> = [
        "รัฐบาล", "ศาล", "กรมฯ", "กระทรวง", "กรม", "สำนักงาน", "พรรค", "บริษัท", "สภา", "คณะกรรมการ", "ตำรวจ", "ทหาร",
        "กองทัพ", "โรงเรียน", "โรงพยาบาล", "มหาวิทยาลัย", "ประเทศ", "จังหวัด", "อำเภอ", "ตำบล", "หมู่บ้าน", "บ้าน", "วัด",
        "กระทรวงฯ", "สำนักงานฯ", "บริษัทฯ", "มหาวิทยาลัยฯ", "คณะ", "ฝ่าย", "ศูนย์", "สถาบัน", "สมาคม", "ชมรม", "กลุ่ม",
    ]
    /// FACILITY spans that our conventions call organisations, or are no names.
    static let notPlaceStarts = ["โรงเรียน", "โรงพยาบาล", "มหาวิทยาลัย", "ห้อง", "บ้านเลขที่", "เลขที่"]

    /// Mines the three lists from `lines`; `base` is the other bundled gazetteers (their forms
    /// are not mined again: ``TaggerTraining/baseGazetteers()``).
    public static func mine(_ lines: ArraySlice<ThaiNERLine>, base: [Gazetteer]) -> MinedLists {
        var taken: Set<String> = []
        var basePersonGiven: [String: Int] = [:]
        for gazetteer in base {
            for entry in gazetteer.entries {
                taken.insert(entry.canonical)
                taken.formUnion(entry.aliases); taken.formUnion(entry.abbreviations); taken.formUnion(entry.shortForms)
                if let english = entry.english { taken.insert(english) }
                if entry.type == .person, let given = entry.canonical.split(separator: " ").first { basePersonGiven[String(given), default: 0] += 1 }
            }
        }
        let titles = BundledNameLists.titles
        // Counts of each surface by type, and first-seen order for ties.
        var personCounts: [String: Int] = [:]
        var typeCounts: [String: [String: Int]] = [:]
        var acronymOf: [String: [String: Int]] = [:]
        for line in lines {
            for (index, span) in line.spans.enumerated() {
                let surface = line.surface(span)
                switch span.type {
                case "PERSON":
                    if let name = untitled(surface, titles: titles) { personCounts[name, default: 0] += 1 }
                case "ORGANIZATION":
                    typeCounts[surface, default: [:]]["ORGANIZATION", default: 0] += 1
                    // NAME (ACR): the next span, in brackets right after, is its acronym.
                    if index + 1 < line.spans.count {
                        let next = line.spans[index + 1]
                        let between = String(String.UnicodeScalarView(line.scalars[span.end..<next.start])).filter { $0 != " " }
                        let after = next.end < line.scalars.count ? line.scalars[next.end] : " "
                        if next.type == "ORGANIZATION", between == "(", after == ")" {
                            acronymOf[line.surface(next), default: [:]][surface, default: 0] += 1
                        }
                    }
                case "LOCATION", "FACILITY":
                    typeCounts[surface, default: [:]]["LOCATION", default: 0] += 1
                default: break
                }
            }
        }
        var result = MinedLists()
        var used = taken

        // People: given + family name, titles stripped.
        var givenCount: [String: Int] = basePersonGiven
        let people = personCounts.keys.filter { !taken.contains($0) }.sorted(by: scalarOrder)
        for name in people { givenCount[String(name.split(separator: " ")[0]), default: 0] += 1 }
        let shortCandidates = Set(people.map { String($0.split(separator: " ")[0]) }.filter {
            givenCount[$0] == 1 && $0.unicodeScalars.count >= 3 && !taken.contains($0)
        })
        let evidence = nameEvidence(shortCandidates, in: lines)
        for (number, name) in people.enumerated() {
            let given = String(name.split(separator: " ")[0])
            let (total, inside) = evidence[given] ?? (0, 0)
            let short = shortCandidates.contains(given) && total >= 3 && inside * 10 >= total * 9 && !used.contains(given)
            used.insert(name)
            if short { used.insert(given) }
            result.persons.append(GazetteerEntry(id: "person.thainer.\(number + 1)", type: .person, canonical: name,
                                                 aliases: [], abbreviations: [], shortForms: short ? [given] : [], english: nil))
        }

        // Organisations and places: seen at least twice, typed by their majority.
        let acronyms = Set(acronymOf.keys)
        var organizations: [(String, [String])] = []
        var locations: [String] = []
        // How often each candidate occurs in the text at all: a form tagged in fewer than half of
        // its occurrences (วันนี้, a newspaper's name and a date) is no list entry.
        let candidates = Set(typeCounts.filter { ($0.value["ORGANIZATION"] ?? 0) + ($0.value["LOCATION"] ?? 0) >= 2 }.keys)
        let occurrences = nameEvidence(candidates, in: lines)
        for surface in typeCounts.keys.sorted(by: scalarOrder) where !used.contains(surface) && !acronyms.contains(surface) {
            let counts = typeCounts[surface]!
            let organization = counts["ORGANIZATION"] ?? 0, location = counts["LOCATION"] ?? 0
            guard organization + location >= 2, 2 * (organization + location) >= occurrences[surface]?.0 ?? 0, surface.unicodeScalars.count >= 3, !generic.contains(surface),
                  !surface.unicodeScalars.allSatisfy({ $0.properties.numericType != nil || $0 == " " }) else { continue }
            if organization >= location {
                organizations.append((surface, []))
            } else if !notPlaceStarts.contains(where: surface.hasPrefix) {
                locations.append(surface)
            }
            used.insert(surface)
        }
        // Acronyms defined after a name: linked to the name they follow most often.
        var organizationIndex: [String: Int] = [:]
        for (index, organization) in organizations.enumerated() { organizationIndex[organization.0] = index }
        for acronym in acronyms.sorted(by: scalarOrder) where !used.contains(acronym) {
            let longForms = acronymOf[acronym]!.sorted { $0.value != $1.value ? $0.value > $1.value : scalarOrder($0.key, $1.key) }
            guard let long = longForms.first?.key, !taken.contains(long) else { continue }
            if let index = organizationIndex[long] {
                organizations[index].1.append(acronym)
            } else if !used.contains(long) {
                organizationIndex[long] = organizations.count
                organizations.append((long, [acronym]))
                used.insert(long)
            } else { continue }
            used.insert(acronym)
        }
        for (number, organization) in organizations.enumerated() {
            result.organizations.append(GazetteerEntry(id: "org.thainer.\(number + 1)", type: .organization, canonical: organization.0,
                                                       aliases: [], abbreviations: organization.1, shortForms: [], english: nil))
        }
        for (number, location) in locations.enumerated() {
            result.locations.append(GazetteerEntry(id: "loc.thainer.\(number + 1)", type: .location, canonical: location,
                                                   aliases: [], abbreviations: [], shortForms: [], english: nil))
        }
        return result
    }

    /// A PERSON span without its titles, when what is left is a Thai given name, a space and a
    /// family name (ณ อยุธยา included).
    static func untitled(_ surface: String, titles: [String]) -> String? {
        var rest = Substring(surface)
        for _ in 0..<3 {
            guard let title = titles.first(where: { rest.hasPrefix($0) }) else { break }
            rest = rest.dropFirst(title.count)
            while rest.first == " " { rest = rest.dropFirst() }
        }
        let words = rest.split(separator: " ")
        guard words.count >= 2, words.count <= 3, words.allSatisfy({ $0.unicodeScalars.count >= 2 }),
              rest.unicodeScalars.allSatisfy({ (0x0E01...0x0E4E).contains($0.value) || $0 == " " }) else { return nil }
        if words.count == 3, words[1] != "ณ" { return nil }
        return words.joined(separator: " ")
    }

    /// For each name: how often it occurs in the lines' text, and how often inside a PERSON span.
    static func nameEvidence(_ names: Set<String>, in lines: ArraySlice<ThaiNERLine>) -> [String: (Int, Int)] {
        guard !names.isEmpty else { return [:] }
        let sorted = names.sorted(by: scalarOrder)
        let trie = PrefixTrie(sorted.enumerated().map { (key: $0.element, payload: Int32($0.offset)) })
        var counts = [(Int, Int)](repeating: (0, 0), count: sorted.count)
        for line in lines {
            let units = Array(line.gold.text.utf16)
            // PERSON spans in UTF-16 offsets.
            var utf16Offsets = [Int](repeating: 0, count: line.scalars.count + 1)
            for (index, scalar) in line.scalars.enumerated() { utf16Offsets[index + 1] = utf16Offsets[index] + scalar.utf16.count }
            let persons = line.spans.filter { $0.type == "PERSON" }.map { utf16Offsets[$0.start]..<utf16Offsets[$0.end] }
            units.withUnsafeBufferPointer { buffer in
                for start in 0..<buffer.count {
                    trie.forEachMatch(in: buffer, at: start) { end, payload in
                        counts[Int(payload)].0 += 1
                        if persons.contains(where: { $0.lowerBound <= start && end <= $0.upperBound }) { counts[Int(payload)].1 += 1 }
                    }
                }
            }
        }
        var result: [String: (Int, Int)] = [:]
        for (index, name) in sorted.enumerated() { result[name] = counts[index] }
        return result
    }

    /// A list in the gazetteer format, opened by the attribution and `description`.
    public static func tsv(_ entries: [GazetteerEntry], description: String) -> String {
        var lines = [attribution, "# \(description) Licence: CC BY 3.0 (attribution above).", Gazetteer.header]
        for entry in entries {
            lines.append([entry.id, entry.type.rawValue, entry.canonical, entry.aliases.joined(separator: "|"),
                          entry.abbreviations.joined(separator: "|"), entry.shortForms.joined(separator: "|"),
                          entry.english ?? ""].joined(separator: "\t"))
        }
        return lines.joined(separator: "\n") + "\n"
    }
}

/// The lists mined from ThaiNER lines by ``ThaiNERListMiner/mine(_:base:)``.
public struct MinedLists: Sendable {
    /// People: a Thai given and family name, titles removed (persons-thainer.tsv).
    public var persons: [GazetteerEntry] = []
    /// Organisations and the acronyms bracketed after them (organizations-thainer.tsv).
    public var organizations: [GazetteerEntry] = []
    /// Places and facilities (locations-thainer.tsv).
    public var locations: [GazetteerEntry] = []

    /// An empty set of lists.
    public init() {}

    /// The lists as gazetteers, for `Annotator.Configuration.gazetteers` in place of the bundled ones.
    public var gazetteers: [Gazetteer] {
        [Gazetteer(name: "mined:locations-thainer.tsv", entries: locations),
         Gazetteer(name: "mined:organizations-thainer.tsv", entries: organizations),
         Gazetteer(name: "mined:persons-thainer.tsv", entries: persons)]
    }

    /// The three files as `Resources/gazetteers` holds them: each file's name and its text.
    public var files: [(name: String, text: String)] {
        [("persons-thainer.tsv", persons, "PERSON spans with a Thai given and family name, titles removed, not in persons.tsv; a given name is a short form when it is unique, has 3+ letters, occurs 3+ times and 90 % of them inside PERSON spans."),
         ("organizations-thainer.tsv", organizations, "ORGANIZATION spans seen at least twice (and more often as ORGANIZATION than as LOCATION/FACILITY), not in the other gazetteers; acronyms bracketed after a name are its abbreviations."),
         ("locations-thainer.tsv", locations, "LOCATION and FACILITY spans seen at least twice (more often than as ORGANIZATION), not in the other gazetteers; schools, hospitals, universities, rooms and addresses left out."),
        ].map { ($0.0, ThaiNERListMiner.tsv($0.1, description: $0.2)) }
    }
}

/// Sorts strings by their Unicode scalars (String's < is the same, but spelled out: the order
/// must never depend on a locale or on a Dictionary's).
func scalarOrder(_ a: String, _ b: String) -> Bool {
    a.unicodeScalars.lexicographicallyPrecedes(b.unicodeScalars)
}

