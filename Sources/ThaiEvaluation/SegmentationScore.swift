import ThaiAnnotator

/// Word-level precision, recall and F1 of a segmenter against `|`-separated gold words,
/// accumulated over lines. Whitespace words are ignored on both sides.
public struct SegmentationScore: Sendable, Hashable {
    /// Gold words.
    public private(set) var gold = 0
    /// Predicted words.
    public private(set) var predicted = 0
    /// Predicted words with the same offsets as a gold word.
    public private(set) var correct = 0

    /// No lines scored yet.
    public init() {}

    /// The scores so far.
    public var scores: PrecisionRecall { PrecisionRecall(correct: correct, gold: gold, predicted: predicted) }

    /// Segments one gold line (`กระทรวง|อุตสาหกรรม| |จับ|มือ`) without its separators and
    /// scores the words.
    public mutating func add(line: Substring, segmentedBy segmenter: WordSegmenter) {
        var words: Set<Range<Int>> = []
        var offset = 0
        let pieces = line.split(separator: "|", omittingEmptySubsequences: true)
        for word in pieces {
            let length = word.unicodeScalars.count
            if !word.allSatisfy(\.isWhitespace) { words.insert(offset..<(offset + length)) }
            offset += length
        }
        let tokens = segmenter.tokens(in: pieces.joined()).filter { $0.kind != .whitespace }.map(\.scalarOffsets)
        gold += words.count
        predicted += tokens.count
        correct += tokens.filter(words.contains).count
    }
}
