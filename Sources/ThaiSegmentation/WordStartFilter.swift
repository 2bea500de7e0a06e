/// A Bloom filter over the first three code units of a set of words (the whole word when it is
/// shorter), to rule out most text positions where none of them starts without looking the
/// words up: a lexicon walk or a date scan can then be skipped there. Its 16 KB stay in the
/// cache, which a large trie's nodes do not. It has no false negatives; a false positive only
/// costs the lookup it was meant to save.
public struct WordStartFilter: Sendable {
    @usableFromInline var bits: [UInt64] = []
    /// The Thai-block units (U+0E00 to U+0E7F) some word starts with, as bits of (unit - 0x0E00):
    /// a Thai unit no word starts with is ruled out before any hashing.
    @usableFromInline var thaiFirstUnits: (low: UInt64, high: UInt64) = (0, 0)
    @usableFromInline static let bucketBits = 17
    /// Stands for "no unit" in a prefix shorter than three.
    @usableFromInline static let none: UInt16 = 0xFFFF

    /// A filter that rules out nothing.
    public init() {}

    /// A filter for `words`.
    public init<Words: Sequence<[UInt16]>>(words: Words) {
        bits = [UInt64](repeating: 0, count: (1 << Self.bucketBits) / 64)
        for word in words where !word.isEmpty {
            let bucket = Self.bucket(word[0], word.count > 1 ? word[1] : Self.none, word.count > 2 ? word[2] : Self.none)
            bits[bucket >> 6] |= 1 << UInt64(bucket & 63)
            let thai = word[0] &- 0x0E00
            if thai < 64 { thaiFirstUnits.low |= 1 << UInt64(thai) } else if thai < 128 { thaiFirstUnits.high |= 1 << UInt64(thai - 64) }
        }
    }

    @inlinable @inline(__always)
    static func bucket(_ first: UInt16, _ second: UInt16, _ third: UInt16) -> Int {
        var hash = (UInt32(first) | UInt32(second) << 16) &* 0x9E37_79B1
        hash ^= UInt32(third) &* 0x85EB_CA77
        hash ^= hash >> 15
        return Int(hash >> UInt32(32 - bucketBits))
    }

    @inlinable @inline(__always)
    func contains(_ first: UInt16, _ second: UInt16, _ third: UInt16) -> Bool {
        let bucket = Self.bucket(first, second, third)
        return bits[bucket >> 6] & (1 << UInt64(bucket & 63)) != 0
    }

    /// Whether one of the words may start at `start`: false only when none does.
    @inlinable @inline(__always)
    public func mayStartWord(in units: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
        guard !bits.isEmpty else { return true }
        guard start < units.count else { return false }
        let first = units[start]
        let thai = first &- 0x0E00
        if thai < 128, (thai < 64 ? thaiFirstUnits.low >> UInt64(thai) : thaiFirstUnits.high >> UInt64(thai &- 64)) & 1 == 0 {
            return false
        }
        if contains(first, Self.none, Self.none) { return true }
        guard start + 1 < units.count else { return false }
        let second = units[start + 1]
        if contains(first, second, Self.none) { return true }
        guard start + 2 < units.count else { return false }
        return contains(first, second, units[start + 2])
    }
}
