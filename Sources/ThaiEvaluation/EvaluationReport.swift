import ThaiAnnotator

extension Evaluation {
    /// The scores as the table `thai-annotate eval` prints: a row per type and a micro row (gold
    /// and predicted counts, exact and overlap P / R / F1 to three decimals), the date-value
    /// accuracy, the error counts, and a `ROLE links` row when role links were scored.
    public func table() -> String {
        var lines = ["type            gold  pred   exact P / R / F1          overlap P / R / F1"]
        for (name, counts) in byType.sorted(by: { $0.key < $1.key }) + [("micro", micro)] {
            let exact = counts.exact, overlap = counts.overlap
            lines.append(Self.pad(name, 14) + Self.pad(String(counts.gold), 6, right: true)
                         + Self.pad(String(counts.predicted), 6, right: true)
                         + "   " + Self.decimal(exact.precision) + " " + Self.decimal(exact.recall) + " " + Self.decimal(exact.f1)
                         + "      " + Self.decimal(overlap.precision) + " " + Self.decimal(overlap.recall) + " "
                         + Self.decimal(overlap.f1))
        }
        if let accuracy = dateValueAccuracy {
            lines.append("date values correct on exact DATE matches: \(dateValuesCorrect)/\(dateMatches) = " + Self.decimal(accuracy))
        }
        lines.append("errors: boundary \(errors.boundary), type \(errors.type), missed \(errors.missed), spurious \(errors.spurious)")
        if roles.documents > 0 {
            let exact = roles.exact, overlap = roles.overlap
            lines.append(Self.pad("ROLE links", 14) + Self.pad(String(roles.gold), 6, right: true)
                         + Self.pad(String(roles.predicted), 6, right: true)
                         + "   " + Self.decimal(exact.precision) + " " + Self.decimal(exact.recall) + " " + Self.decimal(exact.f1)
                         + "      " + Self.decimal(overlap.precision) + " " + Self.decimal(overlap.recall) + " "
                         + Self.decimal(overlap.f1))
        }
        return lines.joined(separator: "\n")
    }

    /// The scores as one JSON object and a newline: `{"types": {"PERSON": {"gold", "predicted",
    /// "exact": {"precision", "recall", "f1"}, "overlap": {...}}, ..., "micro": {...}},
    /// "dateValueAccuracy": ..., "errors": {"boundary", "type", "missed", "spurious"}}`, and
    /// `"roles": {"gold", "predicted", "exact": {...}, "overlap": {...}}` when role links were scored.
    public func json() -> String {
        var writer = JSONWriter()
        writer.raw("{\"types\":{")
        for (index, (name, counts)) in (byType.sorted { $0.key < $1.key } + [("micro", micro)]).enumerated() {
            if index > 0 { writer.raw(",") }
            let exact = counts.exact, overlap = counts.overlap
            writer.string(name)
            writer.raw(":{\"gold\":\(counts.gold),\"predicted\":\(counts.predicted),")
            writer.raw("\"exact\":{\"precision\":\(exact.precision),\"recall\":\(exact.recall),\"f1\":\(exact.f1)},")
            writer.raw("\"overlap\":{\"precision\":\(overlap.precision),\"recall\":\(overlap.recall),\"f1\":\(overlap.f1)}}")
        }
        writer.raw("},\"dateValueAccuracy\":\(dateValueAccuracy ?? 0),")
        writer.raw("\"errors\":{\"boundary\":\(errors.boundary),\"type\":\(errors.type),\"missed\":\(errors.missed),\"spurious\":\(errors.spurious)}")
        if roles.documents > 0 {
            let exact = roles.exact, overlap = roles.overlap
            writer.raw(",\"roles\":{\"gold\":\(roles.gold),\"predicted\":\(roles.predicted),")
            writer.raw("\"exact\":{\"precision\":\(exact.precision),\"recall\":\(exact.recall),\"f1\":\(exact.f1)},")
            writer.raw("\"overlap\":{\"precision\":\(overlap.precision),\"recall\":\(overlap.recall),\"f1\":\(overlap.f1)}}")
        }
        writer.raw("}\n")
        return String(decoding: writer.bytes, as: UTF8.self)
    }

    /// Three decimals, padded to five columns.
    private static func decimal(_ value: Double) -> String {
        pad(String(Double(Int((value * 1000).rounded())) / 1000), 5)
    }

    private static func pad(_ text: String, _ width: Int, right: Bool = false) -> String {
        let padding = String(repeating: " ", count: max(0, width - text.count))
        return right ? padding + text : text + padding
    }
}
