import ThaiAnnotator

/// A gold or predicted role link, as scoring sees it: the person's, the role's and the body's
/// spans in Unicode scalars.
public struct ScoredRole: Sendable, Hashable {
    /// The PERSON entity's span.
    public var person: Range<Int>
    /// The role's words.
    public var role: Range<Int>
    /// The body's span, or nil when the link has none.
    public var organization: Range<Int>?

    /// Creates a scored link.
    public init(person: Range<Int>, role: Range<Int>, organization: Range<Int>?) {
        self.person = person
        self.role = role
        self.organization = organization
    }

    /// The link of an annotated document.
    public init(_ link: RoleLink, in document: Document) {
        self.init(person: document.entities[link.person].scalarOffsets, role: link.role.scalarOffsets,
                  organization: link.organization.map { document.entities[$0].scalarOffsets })
    }

    /// Whether the person, the role and the body (or the lack of one on both sides) each overlap.
    public func overlaps(_ other: ScoredRole) -> Bool {
        guard person.overlaps(other.person), role.overlaps(other.role) else { return false }
        switch (organization, other.organization) {
        case (nil, nil): return true
        case let (mine?, theirs?): return mine.overlaps(theirs)
        default: return false
        }
    }
}

/// Role-link scores accumulated over documents: a link is right by exact match when the person,
/// role and body spans all equal the gold link's (both bodies absent counts as equal), and by
/// overlap when each overlaps.
public struct RoleEvaluation: Sendable {
    /// Gold links.
    public private(set) var gold = 0
    /// Predicted links.
    public private(set) var predicted = 0
    /// Gold links predicted exactly (each prediction matches at most one gold link).
    public private(set) var exactMatches = 0
    /// Gold links overlapped by a prediction.
    public private(set) var goldOverlapped = 0
    /// Predictions overlapping a gold link.
    public private(set) var predictedOverlapping = 0
    /// Documents whose gold has role links (gold files written before role links are not scored).
    public private(set) var documents = 0
    /// The first ``exampleLimit`` missed and spurious links.
    public private(set) var examples: [RoleErrorExample] = []
    /// How many error examples to keep.
    public var exampleLimit: Int

    /// An empty evaluation keeping up to `exampleLimit` error examples.
    public init(exampleLimit: Int = 100_000) {
        self.exampleLimit = exampleLimit
    }

    /// Exact-match precision, recall and F1.
    public var exact: PrecisionRecall { PrecisionRecall(correct: exactMatches, gold: gold, predicted: predicted) }

    /// Overlap-match precision, recall and F1.
    public var overlap: PrecisionRecall {
        PrecisionRecall(correct: predictedOverlapping, of: predicted, found: goldOverlapped, of: gold)
    }

    /// Scores one document's predicted links against its gold links. `text` is the document's
    /// text (for the error examples) and `document` its name.
    public mutating func add(gold goldLinks: [ScoredRole], predicted predictedLinks: [ScoredRole], text: String, document: String) {
        documents += 1
        gold += goldLinks.count
        predicted += predictedLinks.count
        let scalars = Array(text.unicodeScalars)
        func note(_ kind: RoleErrorExample.Kind, _ link: ScoredRole) {
            guard examples.count < exampleLimit else { return }
            func surface(_ range: Range<Int>) -> String {
                let end = min(range.upperBound, scalars.count)
                return String(String.UnicodeScalarView(scalars[min(range.lowerBound, end)..<end]))
            }
            examples.append(RoleErrorExample(document: document, kind: kind, person: surface(link.person),
                                             role: surface(link.role), organization: link.organization.map(surface)))
        }
        // A role repeated with one mention is one link each time: match as multisets.
        var unmatchedPredictions = Dictionary(grouping: predictedLinks, by: { $0 }).mapValues(\.count)
        for link in goldLinks {
            if let count = unmatchedPredictions[link], count > 0 {
                unmatchedPredictions[link] = count - 1
                exactMatches += 1
            } else {
                note(.miss, link)
            }
            if predictedLinks.contains(where: { $0.overlaps(link) }) { goldOverlapped += 1 }
        }
        var unmatchedGold = Dictionary(grouping: goldLinks, by: { $0 }).mapValues(\.count)
        for link in predictedLinks {
            if let count = unmatchedGold[link], count > 0 {
                unmatchedGold[link] = count - 1
            } else {
                note(.spurious, link)
            }
            if goldLinks.contains(where: { $0.overlaps(link) }) { predictedOverlapping += 1 }
        }
    }

    /// Adds another evaluation's counts and examples (up to this one's ``exampleLimit``).
    public mutating func merge(_ other: RoleEvaluation) {
        gold += other.gold
        predicted += other.predicted
        exactMatches += other.exactMatches
        goldOverlapped += other.goldOverlapped
        predictedOverlapping += other.predictedOverlapping
        documents += other.documents
        examples += other.examples.prefix(max(0, exampleLimit - examples.count))
    }
}

/// A missed or spurious role link, for reading.
public struct RoleErrorExample: Sendable, Hashable, CustomStringConvertible {
    /// The kinds of error.
    public enum Kind: String, Sendable, Hashable, CaseIterable {
        /// A gold link no prediction equals.
        case miss
        /// A prediction no gold link equals.
        case spurious
    }

    /// The document's name.
    public var document: String
    /// What went wrong.
    public var kind: Kind
    /// The person's text.
    public var person: String
    /// The role's text.
    public var role: String
    /// The body's text, or nil.
    public var organization: String?

    /// Creates an example.
    public init(document: String, kind: Kind, person: String, role: String, organization: String?) {
        self.document = document
        self.kind = kind
        self.person = person
        self.role = role
        self.organization = organization
    }

    /// One tab-separated line: `thaigov-007	role-miss      นายก ข | อธิบดี | กรมค`.
    public var description: String {
        let kindColumn = "role-" + kind.rawValue + String(repeating: " ", count: max(0, 10 - kind.rawValue.count))
        return "\(document)\t\(kindColumn)\(person) | \(role) | \(organization ?? "-")"
    }
}
