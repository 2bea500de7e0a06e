#if canImport(FoundationEssentials)
import FoundationEssentials
#else
import Foundation
#endif
import ThaiAnnotator
import ThaiEvaluation

/// One line of a ThaiNER file (one paragraph): its gold tags and its text as Unicode scalars,
/// the unit ThaiNER's span offsets count in.
public struct ThaiNERLine: Sendable {
    /// The line's text and tagged spans.
    public var gold: ThaiNERGold
    /// The text without its tags, one element per Unicode scalar.
    public var scalars: [Unicode.Scalar]

    /// The tagged spans under ThaiNER's own type names (scalar offsets).
    public var spans: [ScoredSpan] { gold.taggedSpans }

    /// Reads one line of ThaiNER's inline format.
    public init(_ line: Substring) {
        gold = ThaiNERGold(line: line)
        scalars = Array(gold.text.unicodeScalars)
    }

    /// The lines of a whole ThaiNER file's text.
    public static func parse(_ text: String) -> [ThaiNERLine] { text.split(separator: "\n").map(ThaiNERLine.init) }

    /// The lines of a ThaiNER file on disk (UTF-8).
    public static func read(_ path: String) throws -> [ThaiNERLine] {
        parse(try String(contentsOfFile: path, encoding: .utf8))
    }

    /// The text a span covers.
    public func surface(_ span: ScoredSpan) -> String { String(String.UnicodeScalarView(scalars[span.start..<span.end])) }

    /// The spans as the recogniser's types (FACILITY is LOCATION), in UTF-16 offsets: the gold
    /// a training sequence is labelled from.
    public func goldMentions(types: Set<String> = ["PERSON", "ORGANIZATION", "LOCATION", "FACILITY"]) -> [(type: EntityType, utf16Range: Range<Int>)] {
        var utf16Offsets = [Int](repeating: 0, count: scalars.count + 1)
        for (index, scalar) in scalars.enumerated() { utf16Offsets[index + 1] = utf16Offsets[index] + scalar.utf16.count }
        return spans.compactMap { span in
            guard types.contains(span.type) else { return nil }
            let type: EntityType = span.type == "PERSON" ? .person : span.type == "ORGANIZATION" ? .organization : .location
            return (type, utf16Offsets[span.start]..<utf16Offsets[span.end])
        }
    }

    /// Where the documents of a ThaiNER file start: at its [URL] lines (each article opens with one),
    /// and at line 0 (`ThaiNERGold.articleStarts`).
    public static func documentStarts(_ lines: [ThaiNERLine]) -> [Int] { ThaiNERGold.articleStarts(lines.map(\.gold)) }

    /// k parts of whole documents, in file order, each about a k-th of the lines: part f is the
    /// line range between the document starts nearest to f/k and (f+1)/k of the file.
    public static func folds(_ lines: [ThaiNERLine], k: Int) -> [Range<Int>] {
        let starts = documentStarts(lines)
        var bounds = [0]
        for f in 1..<k {
            let target = lines.count * f / k
            let nearest = starts.min { abs($0 - target) < abs($1 - target) } ?? target
            bounds.append(max(nearest, bounds.last!))
        }
        bounds.append(lines.count)
        return (0..<k).map { bounds[$0]..<bounds[$0 + 1] }
    }
}
