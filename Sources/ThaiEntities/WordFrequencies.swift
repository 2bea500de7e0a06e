import ThaiSegmentation
import ThaiTagger

/// How often each word occurs in unlabelled Thai text and inside names, as two buckets: a piece
/// of a name or a transliterated syllable is rare in running text (ซัค, มัสก์) or common inside
/// names (-พันธุ์, -กูล, ศรี), a word glued to a name (พยายาม, ระบุ) common in text and rare in
/// names. The sequence model sees both buckets of each unit (features 50-59, `NameShapeCodes`).
///
/// The shipped table (Resources/frequencies/thaigov-words.tsv) counts the segmenter's Thai and
/// Latin words over the 8,526 thaigov documents (public domain) and inside the bundled given- and
/// family-name lists, and is rebuilt by `thai-annotate count-words`. Lookups go by the tagger's
/// word hash, so no string is built.
public struct WordFrequencies: Sendable {
    /// An open-addressing table of the listed words' hashes (`FeatureHasher` template 0 over
    /// their UTF-16 units, the tagger's word code; 0 marks an empty slot), a power of two in size
    /// and at most half full, probed linearly from the hash's low bits.
    private let keys: [UInt64]
    /// The buckets of the word in the same slot of `keys`: text bucket in bits 0-2, name bucket in bits 3-5.
    private let values: [UInt8]

    /// The shipped table's path under Resources/.
    public static let bundledPath = "frequencies/thaigov-words.tsv"

    /// The shipped table (empty when the package was built without it).
    public static let bundled = WordFrequencies(tsv: BundledResources.files[bundledPath] ?? "")

    /// Reads a table written by `WordCounter.tsv`: `#` comment lines, then `word<TAB>count<TAB>name count` lines.
    public init(tsv: String) {
        // Read as bytes: splitting the String into Characters and fields cost about 60 ms per process.
        var entries: [(hash: UInt64, buckets: UInt8)] = []
        var text = tsv
        text.withUTF8 { bytes in
            var lineStart = 0
            while lineStart < bytes.count {
                var lineEnd = lineStart
                while lineEnd < bytes.count, bytes[lineEnd] != 0x0A { lineEnd += 1 }
                defer { lineStart = lineEnd + 1 }
                guard lineEnd > lineStart, bytes[lineStart] != UInt8(ascii: "#") else { continue }
                // Fields between tabs, empty ones skipped (as `split` does).
                var fields: [Range<Int>] = []
                var fieldStart = lineStart
                for position in lineStart...lineEnd where position == lineEnd || bytes[position] == 0x09 {
                    if position > fieldStart { fields.append(fieldStart..<position) }
                    fieldStart = position + 1
                }
                guard fields.count == 3, let count = Self.decimal(bytes[fields[1]]), let names = Self.decimal(bytes[fields[2]]) else {
                    continue
                }
                let word = String(decoding: UnsafeBufferPointer(rebasing: bytes[fields[0]]), as: UTF8.self)
                entries.append((Self.wordHash(word[...]), Self.bucket(count: count) | Self.bucket(count: names) << 3))
            }
        }
        var size = 16
        while size < 2 * entries.count { size *= 2 }
        var keys = [UInt64](repeating: 0, count: size)
        var values = [UInt8](repeating: 0, count: size)
        for entry in entries where entry.hash != 0 {
            var slot = Int(truncatingIfNeeded: entry.hash) & (size - 1)
            while keys[slot] != 0, keys[slot] != entry.hash { slot = (slot + 1) & (size - 1) }
            keys[slot] = entry.hash
            values[slot] = entry.buckets
        }
        self.keys = keys
        self.values = values
    }

    /// The value of ASCII digits (at least one, at most 18), or nil.
    static func decimal(_ digits: Slice<UnsafeBufferPointer<UInt8>>) -> Int? {
        guard !digits.isEmpty, digits.count <= 18 else { return nil }
        var value = 0
        for byte in digits {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
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

    /// The buckets of the word whose hash is `wordHash`: in running text (bits 0-2) and inside
    /// names (bits 3-5); 0 when the table does not hold it.
    @inline(__always)
    func buckets(wordHash: UInt64) -> UInt8 {
        guard wordHash != 0 else { return 0 }
        let mask = keys.count - 1
        var slot = Int(truncatingIfNeeded: wordHash) & mask
        while true {
            let key = keys[slot]
            if key == wordHash { return values[slot] }
            if key == 0 { return 0 }
            slot = (slot + 1) & mask
        }
    }

    /// The running-text bucket (bits 0-2 of `buckets(wordHash:)`) of the word `units[range]`.
    func textBucket(of range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> UInt8 {
        buckets(of: range, in: units).text
    }

    /// The running-text and inside-names buckets (`buckets(wordHash:)`) of the word `units[range]`.
    func buckets(of range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> (text: UInt8, name: UInt8) {
        var hasher = FeatureHasher(template: 0)
        hasher.combine(units, range)
        let both = buckets(wordHash: hasher.value)
        return (both & 7, both >> 3 & 7)
    }

    /// The tagger's word code of `word`.
    static func wordHash(_ word: Substring) -> UInt64 {
        var hasher = FeatureHasher(template: 0)
        for unit in word.utf16 { hasher.combine(UInt64(unit)) }
        hasher.combine(0xFFFF_FFFF)  // the end mark of `combine(_:_:)`
        return hasher.value
    }
}

/// Counts the Thai and Latin words the segmenter finds in texts and in names, for `WordFrequencies`.
public struct WordCounter {
    private let segmenter: WordSegmenter
    /// Each word's count in running text and inside names.
    private var counts: [String: (text: Int, names: Int)] = [:]

    /// A counter over `segmenter`'s words.
    public init(segmenter: WordSegmenter) { self.segmenter = segmenter }

    /// Counts the words of `text`, running text or (`isName`) one name.
    public mutating func add(_ text: String, isName: Bool = false) {
        let utf16 = UTF16Text(text)
        for token in segmenter.tokens(in: utf16) where token.kind == .thaiWord || token.kind == .latinWord {
            let word = String(decoding: utf16.units[token.utf16Offsets], as: UTF16.self)
            if isName { counts[word, default: (0, 0)].names += 1 } else { counts[word, default: (0, 0)].text += 1 }
        }
    }

    /// The table: `comment` as `#` lines, then each word counted `minimumCount` times or more in
    /// text or in names, with both counts, most frequent in text first, then most frequent in
    /// names, ties in code-unit order (the same inputs give the same bytes).
    public func tsv(minimumCount: Int, comment: [String]) -> String {
        let kept = counts.filter { $0.value.text >= minimumCount || $0.value.names >= minimumCount }
            .sorted {
                $0.value.text != $1.value.text ? $0.value.text > $1.value.text
                    : $0.value.names != $1.value.names ? $0.value.names > $1.value.names
                    : $0.key.utf16.lexicographicallyPrecedes($1.key.utf16)
            }
        var text = comment.map { "# " + $0 + "\n" }.joined()
        for (word, count) in kept { text += word + "\t" + String(count.text) + "\t" + String(count.names) + "\n" }
        return text
    }
}
