/// Matching UTF-16 words in place, for the matchers that scan a text's code units.
extension UnsafeBufferPointer where Element == UInt16 {
    /// Whether `word`'s UTF-16 code units stand at `position` (false when they run past the end).
    @inlinable
    public func hasWord(_ word: [UInt16], at position: Int) -> Bool {
        guard position >= 0, position + word.count <= count else { return false }
        return word.withUnsafeBufferPointer { word in
            for offset in 0..<word.count where self[position + offset] != word[offset] { return false }
            return true
        }
    }
}
