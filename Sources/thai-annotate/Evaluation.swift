import ThaiAnnotator

/// A gold or predicted span for scoring: type, Unicode-scalar offsets, and a date value.
struct ScoredSpan: Hashable {
    var type: String
    var start: Int
    var end: Int
    var value: String?

    func overlaps(_ other: ScoredSpan) -> Bool { start < other.end && other.start < end }
}

/// Exact-match and overlap-match precision, recall and F1 per type and micro-averaged, date-value
/// accuracy, and an error summary, accumulated over documents.
struct Evaluation {
    struct Counts {
        var gold = 0, predicted = 0, exact = 0, overlapGold = 0, overlapPredicted = 0

        /// Exact-match precision, recall and F1.
        var exactScores: (Double, Double, Double) { Evaluation.prf(exact, gold, predicted) }

        /// Overlap-match precision (predictions overlapping a gold span of their type), recall
        /// (gold spans overlapped by a prediction of their type) and F1.
        var overlapScores: (Double, Double, Double) {
            let precision = predicted == 0 ? 0 : Double(overlapPredicted) / Double(predicted)
            let recall = gold == 0 ? 0 : Double(overlapGold) / Double(gold)
            return (precision, recall, precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall))
        }
    }

    var byType: [String: Counts] = [:]
    var dateExact = 0
    var dateValueCorrect = 0
    var boundaryErrors = 0, typeErrors = 0, misses = 0, spurious = 0
    var examples: [String] = []

    mutating func add(gold: [ScoredSpan], predicted: [ScoredSpan], text: [Unicode.Scalar], name: String) {
        for span in gold { byType[span.type, default: Counts()].gold += 1 }
        for span in predicted { byType[span.type, default: Counts()].predicted += 1 }
        let predictedSet = Set(predicted.map { ScoredSpan(type: $0.type, start: $0.start, end: $0.end) })
        func surface(_ span: ScoredSpan) -> String {
            String(String.UnicodeScalarView(text[span.start..<min(span.end, text.count)]))
        }
        for span in gold {
            let key = ScoredSpan(type: span.type, start: span.start, end: span.end)
            if predictedSet.contains(key) {
                byType[span.type]!.exact += 1
                if span.type == "DATE" {
                    dateExact += 1
                    let prediction = predicted.first { $0.start == span.start && $0.end == span.end && $0.type == "DATE" }
                    if prediction?.value == span.value { dateValueCorrect += 1 }
                }
            }
            if predicted.contains(where: { $0.type == span.type && $0.overlaps(span) }) { byType[span.type]!.overlapGold += 1 }
            let overlapping = predicted.filter { $0.overlaps(span) }
            if overlapping.isEmpty {
                misses += 1
                note("miss      \(span.type) \(surface(span))", name)
            } else if !predictedSet.contains(key) {
                if overlapping.contains(where: { $0.start == span.start && $0.end == span.end }) {
                    typeErrors += 1
                    note("type      \(span.type) \(surface(span)) predicted \(overlapping[0].type)", name)
                } else if overlapping.contains(where: { $0.type == span.type }) {
                    boundaryErrors += 1
                    let other = overlapping.first { $0.type == span.type }!
                    note("boundary  \(span.type) \(surface(span)) predicted \(surface(other))", name)
                }
            }
        }
        for span in predicted {
            if gold.contains(where: { $0.type == span.type && $0.overlaps(span) }) { byType[span.type]!.overlapPredicted += 1 }
            if !gold.contains(where: { $0.overlaps(span) }) {
                spurious += 1
                note("spurious  \(span.type) \(surface(span))", name)
            }
        }
    }

    private mutating func note(_ line: String, _ name: String) {
        if examples.count < 100_000 { examples.append("\(name)\t\(line)") }
    }

    static func prf(_ correct: Int, _ gold: Int, _ predicted: Int) -> (Double, Double, Double) {
        let precision = predicted == 0 ? 0 : Double(correct) / Double(predicted)
        let recall = gold == 0 ? 0 : Double(correct) / Double(gold)
        let f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall)
        return (precision, recall, f1)
    }

    var micro: Counts {
        byType.values.reduce(into: Counts()) { total, counts in
            total.gold += counts.gold; total.predicted += counts.predicted; total.exact += counts.exact
            total.overlapGold += counts.overlapGold; total.overlapPredicted += counts.overlapPredicted
        }
    }

    func table() -> String {
        var lines = ["type            gold  pred   exact P / R / F1          overlap P / R / F1"]
        let types = byType.keys.sorted()
        for (name, counts) in types.map({ ($0, byType[$0]!) }) + [("micro", micro)] {
            let exact = counts.exactScores, overlap = counts.overlapScores
            lines.append(pad(name, 14) + pad(String(counts.gold), 6, right: true) + pad(String(counts.predicted), 6, right: true)
                         + "   " + fmt(exact.0) + " " + fmt(exact.1) + " " + fmt(exact.2)
                         + "      " + fmt(overlap.0) + " " + fmt(overlap.1) + " " + fmt(overlap.2))
        }
        if dateExact > 0 {
            lines.append("date values correct on exact DATE matches: \(dateValueCorrect)/\(dateExact) = "
                         + fmt(Double(dateValueCorrect) / Double(dateExact)))
        }
        lines.append("errors: boundary \(boundaryErrors), type \(typeErrors), missed \(misses), spurious \(spurious)")
        return lines.joined(separator: "\n")
    }

    func json() -> String {
        var writer = JSONWriter()
        writer.raw("{\"types\":{")
        for (index, (name, counts)) in (byType.sorted { $0.key < $1.key } + [("micro", micro)]).enumerated() {
            if index > 0 { writer.raw(",") }
            let exact = counts.exactScores, overlap = counts.overlapScores
            writer.string(name)
            writer.raw(":{\"gold\":\(counts.gold),\"predicted\":\(counts.predicted),\"exact\":{\"precision\":\(exact.0),\"recall\":\(exact.1),\"f1\":\(exact.2)},")
            writer.raw("\"overlap\":{\"precision\":\(overlap.0),\"recall\":\(overlap.1),\"f1\":\(overlap.2)}}")
        }
        writer.raw("},\"dateValueAccuracy\":\(dateExact == 0 ? 0 : Double(dateValueCorrect) / Double(dateExact)),")
        writer.raw("\"errors\":{\"boundary\":\(boundaryErrors),\"type\":\(typeErrors),\"missed\":\(misses),\"spurious\":\(spurious)}}\n")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    private func fmt(_ value: Double) -> String {
        let text = String(Double(Int((value * 1000).rounded())) / 1000)
        return pad(text, 5)
    }

    private func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}

/// Reads ThaiNER's inline format: `[PERSON]นายจุรินทร์ ลักษณวิศิษฏ์[/PERSON]`; returns the plain
/// text and the tagged spans (in Unicode-scalar offsets). Unmatched tags stay in the text.
/// A span's edges are trimmed of spaces and invisible characters: ThaiNER often closes a tag
/// after a stray U+FEFF or U+200B (`[PERSON]นายสมัคร\u{FEFF}[/PERSON]`), which is no part of the
/// name and which no annotator could be asked to reproduce.
func parseThaiNERLine(_ line: Substring) -> (text: [Unicode.Scalar], spans: [ScoredSpan]) {
    var text: [Unicode.Scalar] = []
    var spans: [ScoredSpan] = []
    var open: (type: String, start: Int)?
    let scalars = Array(line.unicodeScalars)
    var index = 0
    while index < scalars.count {
        if scalars[index] == "[", let close = scalars[index...].prefix(20).firstIndex(of: "]") {
            let inner = String(String.UnicodeScalarView(scalars[(index + 1)..<close]))
            let isClosing = inner.hasPrefix("/")
            let name = isClosing ? String(inner.dropFirst()) : inner
            if !name.isEmpty, name.unicodeScalars.allSatisfy({ ("A"..."Z").contains($0) || $0 == "_" }) {
                if isClosing, let current = open, current.type == name {
                    var start = current.start, end = text.count
                    while start < end, isBlankOrInvisible(text[start]) { start += 1 }
                    while end > start, isBlankOrInvisible(text[end - 1]) { end -= 1 }
                    if start < end { spans.append(ScoredSpan(type: name, start: start, end: end)) }
                    open = nil
                    index = close + 1
                    continue
                }
                if !isClosing, open == nil {
                    open = (name, text.count)
                    index = close + 1
                    continue
                }
            }
        }
        text.append(scalars[index])
        index += 1
    }
    return (text, spans)
}

/// Spaces, and the zero-width characters ThaiNER leaves at span edges.
private func isBlankOrInvisible(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x20, 0x09, 0xA0, 0x200B, 0x200C, 0x200D, 0x2060, 0xFEFF: return true
    default: return false
    }
}
