import ThaiAnnotator

/// The person names a set of lists knows: the bundled given and family names, and every form of
/// the PERSON gazetteer entries (and each word of them).
public struct KnownPersonNames: Sendable {
    let titles = BundledNameLists.titles
    var names: Set<String>

    /// The names of `gazetteers` and of the bundled name lists.
    public init(gazetteers: [Gazetteer]) {
        let lists = BundledNameLists.names
        names = lists.given.union(lists.family)
        for gazetteer in gazetteers {
            for entry in gazetteer.entries where entry.type == .person {
                for form in [entry.canonical] + entry.aliases + entry.shortForms + (entry.english.map { [$0] } ?? []) {
                    names.insert(form)
                    for word in form.split(separator: " ") where word.unicodeScalars.count >= 2 { names.insert(String(word)) }
                }
            }
        }
    }

    /// Whether a PERSON mention, titles removed, contains a known name (as a whole, or one of its
    /// space-separated words).
    public func contains(_ mention: String) -> Bool {
        var rest = Substring(mention)
        for _ in 0..<3 {
            guard let title = titles.first(where: { rest.hasPrefix($0) }) else { break }
            rest = rest.dropFirst(title.count)
            while rest.first == " " { rest = rest.dropFirst() }
        }
        if names.contains(String(rest)) { return true }
        return rest.split(separator: " ").contains { names.contains(String($0)) }
    }
}

/// Unseen-name recall: PERSON recall (exact match) over the gold mentions that contain no name
/// from any list the annotator was built with.
public struct UnseenNameRecall: Sendable {
    /// Gold PERSON mentions with no known name.
    public private(set) var gold = 0
    /// Those of them predicted exactly.
    public private(set) var found = 0
    /// Up to ``exampleLimit`` of the mentions not predicted exactly, in the order they were counted.
    public private(set) var missed: [MissedName] = []
    /// How many missed mentions ``missed`` keeps.
    public let exampleLimit: Int

    /// A gold unseen-name mention not predicted exactly, for error reports.
    public struct MissedName: Sendable {
        /// Where it is (such as `fold 2 line 311`).
        public var document: String
        /// The gold mention's text.
        public var name: String
        /// The predicted PERSON spans overlapping it (a boundary error), empty when it was missed.
        public var overlapping: [String]
        /// Its line's text.
        public var line: String
    }

    /// An empty count that keeps up to `exampleLimit` missed mentions.
    public init(exampleLimit: Int = 0) { self.exampleLimit = exampleLimit }

    /// `found` / `gold` (0 when there is no such mention).
    public var recall: Double { gold == 0 ? 0 : Double(found) / Double(gold) }

    /// Counts one ThaiNER line's unseen PERSON mentions and those `predicted` matches exactly.
    /// `document` names the line in ``missed``.
    public mutating func add(_ line: ThaiNERGold, predicted: [ScoredSpan], known: KnownPersonNames, document: String = "") {
        let scalars = Array(line.text.unicodeScalars)
        let people = Set(predicted.filter { $0.type == "PERSON" }.map { $0.start..<$0.end })
        for span in line.taggedSpans where span.type == "PERSON" {
            let surface = String(String.UnicodeScalarView(scalars[span.start..<span.end]))
            guard !known.contains(surface) else { continue }
            gold += 1
            if people.contains(span.start..<span.end) {
                found += 1
            } else if missed.count < exampleLimit {
                let overlapping = people.filter { $0.overlaps(span.start..<span.end) }.sorted { $0.lowerBound < $1.lowerBound }
                    .map { String(String.UnicodeScalarView(scalars[$0])) }
                missed.append(MissedName(document: document, name: surface, overlapping: overlapping, line: line.text))
            }
        }
    }

    /// One line for reports.
    public var summary: String {
        "unseen-name PERSON recall (gold mentions with no name from any list): \(found)/\(gold) = \(Double(Int((recall * 1000).rounded())) / 1000)"
    }
}
