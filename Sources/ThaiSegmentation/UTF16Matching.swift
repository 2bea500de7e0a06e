extension UnsafeBufferPointer where Element == UInt16 {
    /// Whether `word`'s UTF-16 code units stand at `position` (false when they run past the end).
    public func hasWord(_ word: some Collection<UInt16>, at position: Int) -> Bool {
        guard position >= 0, position + word.count <= count else { return false }
        var index = position
        for unit in word {
            if self[index] != unit { return false }
            index += 1
        }
        return true
    }

    /// Whether `word` stands at `position`.
    public func hasWord(_ word: String, at position: Int) -> Bool { hasWord(word.utf16, at: position) }
}
