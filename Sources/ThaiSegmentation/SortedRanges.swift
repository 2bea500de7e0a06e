/// Binary search over collections of non-overlapping, sorted ranges.
extension RandomAccessCollection where Index == Int {
    /// In elements sorted by their ranges, which do not overlap one another (tokens, entities), the
    /// index of the first whose range ends after `position`, or `endIndex`: a binary search.
    @inlinable
    public func firstIndex(endingAfter position: Int, range: (Element) -> Range<Int>) -> Int {
        var low = startIndex, high = endIndex
        while low < high {
            let middle = (low + high) / 2
            if range(self[middle]).upperBound <= position { low = middle + 1 } else { high = middle }
        }
        return low
    }
}
