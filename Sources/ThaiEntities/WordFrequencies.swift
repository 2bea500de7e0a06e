import ThaiSegmentation
import ThaiTagger

/// How often each word occurs in unlabelled Thai text, as a frequency bucket: a name piece or a
/// transliterated syllable is mostly rare there, a word glued to a name (พยายาม, ระบุ) mostly
/// common. The sequence model sees the bucket of each unit (features 50-59, `NameShapeCodes`).
///
/// The shipped table (Resources/frequencies/thaigov-words.tsv) counts the segmenter's Thai and
/// Latin words over the 8,526 thaigov documents (public domain) and is rebuilt by
/// `thai-annotate count-words`. Lookups go by the tagger's word hash, so no string is built.
public struct WordFrequencies: Sendable {
    /// The bucket of each listed word, keyed by its word hash (`FeatureHasher` template 0 over
    /// its UTF-16 units, the tagger's word code).
    private let buckets: [UInt64: UInt8]

    /// The shipped table's path under Resources/.
    public static let bundledPath = "frequencies/thaigov-words.tsv"

    /// The shipped table (empty when the package was built without it).
    public static let bundled = WordFrequencies(tsv: BundledResources.files[bundledPath] ?? "")

    /// Reads a table written by `WordCounter.tsv`: `#` comment lines, then `word<TAB>count` lines.
    public init(tsv: String) {
        var buckets: [UInt64: UInt8] = [:]
        for line in tsv.split(separator: "\n", omittingEmptySubsequences: true) where line.first != "#" {
            guard let tab = line.firstIndex(of: "\t"), let count = Int(line[line.index(after: tab)...]) else { continue }
            buckets[Self.wordHash(line[..<tab])] = Self.bucket(count: count)
        }
        self.buckets = buckets
    }

    /// The bucket of a count: 0 for fewer than 2, then one a decade (2-9, 10-99, ... 10,000 or more: 5).
    static func bucket(count: Int) -> UInt8 {
        switch count {
        case ..<2: 0
        case ..<10: 1
        case ..<100: 2
        case ..<1_000: 3
        case ..<10_000: 4
        default: 5
        }
    }

    /// The bucket of the word whose hash is `wordHash` (0 when the table does not hold it).
    @inline(__always)
    func bucket(wordHash: UInt64) -> UInt8 { buckets[wordHash] ?? 0 }

    /// The tagger's word code of `word`.
    static func wordHash(_ word: Substring) -> UInt64 {
        Array(word.utf16).withUnsafeBufferPointer { units in
            var hasher = FeatureHasher(template: 0)
            hasher.combine(units, 0..<units.count)
            return hasher.value
        }
    }
}

/// Counts the Thai and Latin words the segmenter finds in texts, for `WordFrequencies`.
public struct WordCounter {
    private let segmenter: WordSegmenter
    private var counts: [String: Int] = [:]

    /// A counter over `segmenter`'s words.
    public init(segmenter: WordSegmenter) { self.segmenter = segmenter }

    /// Counts the words of `text`.
    public mutating func add(_ text: String) {
        let utf16 = UTF16Text(text)
        for token in segmenter.tokens(in: utf16) where token.kind == .thaiWord || token.kind == .latinWord {
            counts[String(decoding: utf16.units[token.utf16Offsets], as: UTF16.self), default: 0] += 1
        }
    }

    /// The table: `comment` as `#` lines, then each word counted `minimumCount` times or more with
    /// its count, most frequent first, ties in code-unit order (the same texts give the same bytes).
    public func tsv(minimumCount: Int, comment: [String]) -> String {
        let kept = counts.filter { $0.value >= minimumCount }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key.utf16.lexicographicallyPrecedes($1.key.utf16) }
        var text = comment.map { "# " + $0 + "\n" }.joined()
        for (word, count) in kept { text += word + "\t" + String(count) + "\n" }
        return text
    }
}
