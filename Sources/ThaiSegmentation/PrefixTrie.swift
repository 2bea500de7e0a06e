/// An immutable trie over UTF-16 code units, mapping strings to integer payloads. The gazetteer
/// matcher and the date scanner walk it along a text to find every key that starts at a
/// position, without allocating.
public struct PrefixTrie: Sendable {
    // Node n's children are edges edgeStart[n] ..< edgeStart[n + 1], sorted by label.
    private var edgeStart: [Int32] = []
    private var edgeLabel: [UInt16] = []
    private var edgeTarget: [Int32] = []
    // The payload of the key ending at node n, or -1.
    private var payload: [Int32] = []
    // The root's children indexed directly by code unit below 0x1000 (ASCII, Latin, Thai), or -1:
    // every walk starts at the root, so this saves one binary search per text position.
    private var rootChild: [Int32] = []
    private static let rootTableSize = 0x1000

    /// Builds a trie. When a key occurs more than once, the last payload given wins.
    public init<S: Sequence>(_ entries: S) where S.Element == (key: String, payload: Int32) {
        var keys: [([UInt16], Int32)] = entries.map { (Array($0.key.utf16), $0.payload) }
        keys = keys.enumerated().sorted { lhs, rhs in
            lhs.element.0.lexicographicallyPrecedes(rhs.element.0)
                || (lhs.element.0 == rhs.element.0 && lhs.offset < rhs.offset)
        }.map(\.element)
        // Breadth-first over sorted key ranges, so each node's children are contiguous.
        var queue: [(range: Range<Int>, depth: Int)] = [(0..<keys.count, 0)]
        var head = 0
        while head < queue.count {
            let (range, depth) = queue[head]
            head += 1
            edgeStart.append(Int32(edgeLabel.count))
            var value: Int32 = -1
            var index = range.lowerBound
            while index < range.upperBound, keys[index].0.count == depth {
                value = keys[index].1  // the last duplicate wins
                index += 1
            }
            payload.append(value)
            while index < range.upperBound {
                let label = keys[index].0[depth]
                var end = index + 1
                while end < range.upperBound, keys[end].0[depth] == label { end += 1 }
                edgeLabel.append(label)
                edgeTarget.append(Int32(queue.count))
                queue.append((index..<end, depth + 1))
                index = end
            }
        }
        edgeStart.append(Int32(edgeLabel.count))
        if payload.isEmpty { payload = [-1]; edgeStart = [0, 0] }
        rootChild = [Int32](repeating: -1, count: Self.rootTableSize)
        for edge in Int(edgeStart[0])..<Int(edgeStart[1]) where Int(edgeLabel[edge]) < Self.rootTableSize {
            rootChild[Int(edgeLabel[edge])] = edgeTarget[edge]
        }
    }

    /// Whether the trie has no keys.
    public var isEmpty: Bool { edgeLabel.isEmpty && payload[0] < 0 }

    @inline(__always)
    private func child(of node: Int, _ label: UInt16) -> Int? {
        if node == 0, Int(label) < Self.rootTableSize {
            let target = rootChild[Int(label)]
            return target < 0 ? nil : Int(target)
        }
        var low = Int(edgeStart[node])
        var high = Int(edgeStart[node + 1])
        while low < high {
            let middle = (low + high) >> 1
            let candidate = edgeLabel[middle]
            if candidate == label { return Int(edgeTarget[middle]) }
            if candidate < label { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Calls `body(end, payload)` for every key that starts at `start` in `units`, shortest first.
    @inlinable
    public func forEachMatch(in units: UnsafeBufferPointer<UInt16>, at start: Int,
                             _ body: (_ end: Int, _ payload: Int32) -> Void) {
        walk(units, start, body)
    }

    @usableFromInline
    func walk(_ units: UnsafeBufferPointer<UInt16>, _ start: Int, limit: Int? = nil, _ body: (Int, Int32) -> Void) {
        var node = 0
        var index = start
        let limit = limit ?? units.count
        while index < limit, let next = child(of: node, units[index]) {
            node = next
            index += 1
            let value = payload[node]
            if value >= 0 { body(index, value) }
        }
    }

    /// The longest key starting at `start`, as its end offset and payload.
    public func longestMatch(in units: UnsafeBufferPointer<UInt16>, at start: Int) -> (end: Int, payload: Int32)? {
        var best: (end: Int, payload: Int32)?
        walk(units, start) { best = ($0, $1) }
        return best
    }
}

extension PrefixTrie {
    /// The payload of the key equal to `units[range]`, if there is one.
    public func payload(exactly range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> Int32? {
        var found: Int32?
        walk(units, range.lowerBound, limit: range.upperBound) { end, value in
            if end == range.upperBound { found = value }
        }
        return found
    }
}
