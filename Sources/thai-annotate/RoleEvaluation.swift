import Foundation
import ThaiAnnotator

/// A role link for scoring: the person's, the role's and the body's spans in Unicode scalars.
struct ScoredRole: Hashable {
    var person: Range<Int>
    var role: Range<Int>
    var organization: Range<Int>?

    /// Whether the person, the role and the body (or the lack of one) each overlap.
    func overlaps(_ other: ScoredRole) -> Bool {
        guard person.overlaps(other.person), role.overlaps(other.role) else { return false }
        switch (organization, other.organization) {
        case (nil, nil): return true
        case let (mine?, theirs?): return mine.overlaps(theirs)
        default: return false
        }
    }
}

/// Role-link precision, recall and F1, exact (person, role and body spans all equal) and by
/// overlap (each overlapping, bodies both absent or overlapping), accumulated over documents.
struct RoleEvaluation {
    var gold = 0, predicted = 0, exact = 0, overlapGold = 0, overlapPredicted = 0
    var examples: [String] = []

    mutating func add(gold goldLinks: [ScoredRole], predicted predictedLinks: [ScoredRole], text: [Unicode.Scalar], name: String) {
        gold += goldLinks.count
        predicted += predictedLinks.count
        // Repeated identical links (one role repeated with one mention) count once each: match as multisets.
        var unmatched = Dictionary(grouping: predictedLinks, by: { $0 }).mapValues(\.count)
        for link in goldLinks {
            if let count = unmatched[link], count > 0 {
                unmatched[link] = count - 1
                exact += 1
            } else {
                note("role-miss      ", link, text, name)
            }
            if predictedLinks.contains(where: { $0.overlaps(link) }) { overlapGold += 1 }
        }
        var goldLeft = Dictionary(grouping: goldLinks, by: { $0 }).mapValues(\.count)
        for link in predictedLinks {
            if let count = goldLeft[link], count > 0 {
                goldLeft[link] = count - 1
            } else {
                note("role-spurious  ", link, text, name)
            }
            if goldLinks.contains(where: { $0.overlaps(link) }) { overlapPredicted += 1 }
        }
    }

    private mutating func note(_ kind: String, _ link: ScoredRole, _ text: [Unicode.Scalar], _ name: String) {
        func surface(_ range: Range<Int>) -> String {
            String(String.UnicodeScalarView(text[min(range.lowerBound, text.count)..<min(range.upperBound, text.count)]))
        }
        let body = link.organization.map(surface) ?? "-"
        if examples.count < 100_000 { examples.append("\(name)\t\(kind)\(surface(link.person)) | \(surface(link.role)) | \(body)") }
    }

    var exactScores: (Double, Double, Double) { Evaluation.prf(exact, gold, predicted) }

    var overlapScores: (Double, Double, Double) {
        let precision = predicted == 0 ? 0 : Double(overlapPredicted) / Double(predicted)
        let recall = gold == 0 ? 0 : Double(overlapGold) / Double(gold)
        return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
    }

    /// One line under the entity table: `ROLE links  gold  pred   P R F1   P R F1`.
    func tableLine() -> String {
        let exact = exactScores, overlap = overlapScores
        func fmt(_ value: Double) -> String {
            let text = String(Double(Int((value * 1000).rounded())) / 1000)
            return text + String(repeating: " ", count: max(0, 5 - text.count))
        }
        func right(_ text: String, _ width: Int) -> String { String(repeating: " ", count: max(0, width - text.count)) + text }
        return "ROLE links    " + right(String(gold), 6) + right(String(predicted), 6)
            + "   " + fmt(exact.0) + " " + fmt(exact.1) + " " + fmt(exact.2)
            + "      " + fmt(overlap.0) + " " + fmt(overlap.1) + " " + fmt(overlap.2)
    }

    /// `"roles": {"gold", "predicted", "exact": {...}, "overlap": {...}}` as a JSON member.
    func jsonMember() -> String {
        let exact = exactScores, overlap = overlapScores
        return "\"roles\":{\"gold\":\(gold),\"predicted\":\(predicted),\"exact\":{\"precision\":\(exact.0),\"recall\":\(exact.1),\"f1\":\(exact.2)},"
            + "\"overlap\":{\"precision\":\(overlap.0),\"recall\":\(overlap.1),\"f1\":\(overlap.2)}}"
    }
}

/// The corpus manifest (corpus/manifest.tsv): each document's split, `train` or `test`.
func readSplits(manifest text: String) -> [String: String] {
    var splits: [String: String] = [:]
    var documentColumn = 0, splitColumn: Int?
    for (number, line) in text.split(separator: "\n").enumerated() {
        let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
        if number == 0 {
            documentColumn = fields.firstIndex(of: "document") ?? 0
            splitColumn = fields.firstIndex(of: "split")
            continue
        }
        guard let splitColumn, fields.count > max(documentColumn, splitColumn) else { continue }
        splits[fields[documentColumn]] = fields[splitColumn].trimmingCharacters(in: [" ", "\r"])
    }
    return splits
}
