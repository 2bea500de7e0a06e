import ThaiAnnotator

/// What ThaiNER lines are annotated as: each line on its own, or each article as one document.
///
/// A ThaiNER file holds news articles, each opening with a `[URL]` line and followed by its
/// paragraphs, one a line. Annotated per article, the lines of an article are joined with `"\n"`,
/// in order, and the joined text is annotated once, so that what the annotator learns from a
/// document as a whole (a person named in full and later by given name or nickname alone, an
/// acronym defined in brackets) reaches the later lines, as it does for a user annotating the
/// article. Each line is still scored against its own gold: the mentions are mapped back to the
/// line's offsets (``ThaiNERGold/predictions(_:annotatedBy:)``). Lines before the first `[URL]`
/// line form a document of their own.
public enum ThaiNERUnit: String, Sendable, CaseIterable {
    /// Each line is annotated alone.
    case line
    /// The lines of one article are annotated together (the default: how the product is used).
    case article

    /// The ranges of `lines` annotated as one text, in order, covering every line once.
    public func documents(_ lines: [ThaiNERGold]) -> [Range<Int>] {
        switch self {
        case .line:
            return lines.indices.map { $0..<($0 + 1) }
        case .article:
            let starts = ThaiNERGold.articleStarts(lines)
            return starts.indices.map { starts[$0]..<(($0 + 1 < starts.count) ? starts[$0 + 1] : lines.count) }
        }
    }
}

extension ThaiNERGold {
    /// Whether the line opens an article: its text starts with a `[URL]` span.
    public var opensArticle: Bool { taggedSpans.first.map { $0.type == "URL" && $0.start == 0 } ?? false }

    /// Where the articles of a ThaiNER file start: line 0, and every later line that opens an
    /// article (``opensArticle``).
    public static func articleStarts(_ lines: [ThaiNERGold]) -> [Int] {
        guard !lines.isEmpty else { return [] }
        return [0] + lines.indices.dropFirst().filter { lines[$0].opensArticle }
    }

    /// The texts of `lines` joined with `"\n"`, and where each line starts in the joined text, in
    /// Unicode scalars (ThaiNER's offsets) and in UTF-16 code units.
    public static func joined(_ lines: ArraySlice<ThaiNERGold>) -> (text: String, scalarStarts: [Int], utf16Starts: [Int]) {
        var text = ""
        var scalarStarts: [Int] = [], utf16Starts: [Int] = []
        var scalars = 0, utf16 = 0
        for line in lines {
            if !scalarStarts.isEmpty {
                text += "\n"
                scalars += 1
                utf16 += 1
            }
            scalarStarts.append(scalars)
            utf16Starts.append(utf16)
            text += line.text
            scalars += line.text.unicodeScalars.count
            utf16 += line.text.utf16.count
        }
        return (text, scalarStarts, utf16Starts)
    }

    /// The predictions for each of `lines`, annotated as one text (their texts joined with
    /// `"\n"`), under ThaiNER's types and in each line's own offsets. A mention that crosses a
    /// line break is split at it: each line is scored on the part inside it, so a prediction that
    /// runs over a paragraph's end still counts against the lines it touches. (None crossed one in
    /// 5-fold cross-validation on ThaiNER train, checked 2026-11-30.)
    public static func predictions(_ lines: ArraySlice<ThaiNERGold>, annotatedBy annotator: Annotator) -> [[ScoredSpan]] {
        if lines.count == 1 { return [annotator.annotate(lines.first!.text).entities.map(span(for:))] }
        let (text, starts, _) = joined(lines)
        let lengths = lines.map { $0.text.unicodeScalars.count }
        var result = [[ScoredSpan]](repeating: [], count: lines.count)
        for entity in annotator.annotate(text).entities {
            let span = span(for: entity)
            var line = 0
            while line + 1 < starts.count, starts[line + 1] <= span.start { line += 1 }
            while line < starts.count, starts[line] < span.end {
                let start = max(span.start - starts[line], 0), end = min(span.end - starts[line], lengths[line])
                if start < end {
                    var part = span
                    part.start = start
                    part.end = end
                    result[line].append(part)
                }
                line += 1
            }
        }
        return result
    }
}

extension Evaluation {
    /// Annotates ThaiNER `lines` with `annotator`, each line or each article as one document
    /// (`unit`), and scores every line against its own gold under ThaiNER's types; adds each line
    /// to `unseen` too (names in `known` count as listed). `name(i)` names line i of `lines` in
    /// error examples.
    public mutating func add(_ lines: [ThaiNERGold], unit: ThaiNERUnit, annotatedBy annotator: Annotator,
                             unseen: inout UnseenNameRecall, known: KnownPersonNames, name: (Int) -> String) {
        for document in unit.documents(lines) {
            let predictions = ThaiNERGold.predictions(lines[document], annotatedBy: annotator)
            for (index, predicted) in zip(document, predictions) {
                add(gold: lines[index].spans, predicted: predicted, text: lines[index].text, document: name(index))
                unseen.add(lines[index], predicted: predicted, known: known, document: name(index))
            }
        }
    }
}
