/// An immutable trie over UTF-16 code units, mapping strings to integer payloads. The gazetteer
/// matcher and the date scanner walk it along a text to find every key that starts at a
/// position, without allocating.
public struct PrefixTrie: Sendable {
    // Nodes are numbered breadth-first, so each node's children are contiguous and edge e leads
    // to node e + 1. Node n's children are the edges nodes[n].firstEdge ..< nodes[n + 1].firstEdge
    // (the last node is a sentinel): first its children by a letter of the Thai block in use
    // (U+0E00 to U+0E5F) in code-unit order, then the others. A node marks its Thai children in
    // a 96-bit set, so a step along Thai text finds the child by counting the set bits below the
    // label, within the node's 16 bytes, instead of searching labels elsewhere in memory: the
    // walks are bound by memory latency, and this makes each step one load. Only other labels are
    // searched, and a payload is read only where the node says a key ends.
    // The walks are @inlinable so that callers in other modules get them specialised, with their
    // closures inlined: they run at every text position.
    @usableFromInline struct Node: Sendable {
        /// Bit k: a child by U+0E00 + k, for k < 64.
        @usableFromInline var thaiLow: UInt64 = 0
        /// The node's first edge; the top bit is set when a key ends at the node.
        @usableFromInline var edges: UInt32
        /// Bit k: a child by U+0E40 + k.
        @usableFromInline var thaiHigh: UInt32 = 0

        @usableFromInline static let keyEnds: UInt32 = 1 << 31
        @inlinable var firstEdge: Int { Int(edges & ~Self.keyEnds) }
        @inlinable var thaiChildCount: Int { thaiLow.nonzeroBitCount + thaiHigh.nonzeroBitCount }
    }
    @usableFromInline var nodes: [Node] = []
    /// Each node's payload, or -1.
    @usableFromInline var payloads: [Int32] = []
    /// Edge labels as offsets from U+0E00 (wrapping), so that Thai labels sort first.
    @usableFromInline var labels: [UInt16] = []
    /// Labels below this offset from U+0E00 are in a node's Thai set.
    @usableFromInline static let thaiSetSize: UInt16 = 96

    /// Builds a trie. When a key occurs more than once, the last payload given wins.
    public init<S: Sequence>(_ entries: S) where S.Element == (key: String, payload: Int32) {
        self.init(utf16Keys: entries.map { (Array($0.key.utf16), $0.payload) })
    }

    /// Builds a trie from keys already in UTF-16. When a key occurs more than once, the last
    /// payload given wins.
    public init(utf16Keys: [(key: [UInt16], payload: Int32)]) {
        // Sorted by labels, with equal keys in the order given.
        let keys = utf16Keys.indices.sorted { lhs, rhs in
            utf16Keys[lhs].key.lexicographicallyPrecedes(utf16Keys[rhs].key) { $0 &- 0x0E00 < $1 &- 0x0E00 }
                || (utf16Keys[lhs].key == utf16Keys[rhs].key && lhs < rhs)
        }.map { utf16Keys[$0] }
        // Breadth-first over sorted key ranges.
        var queue: [(range: Range<Int>, depth: Int)] = [(0..<keys.count, 0)]
        var head = 0
        while head < queue.count {
            let (range, depth) = queue[head]
            head += 1
            var node = Node(edges: UInt32(labels.count))
            var payload: Int32 = -1
            var index = range.lowerBound
            while index < range.upperBound, keys[index].key.count == depth {
                payload = keys[index].payload  // the last duplicate wins
                node.edges |= Node.keyEnds
                index += 1
            }
            while index < range.upperBound {
                let label = keys[index].key[depth] &- 0x0E00
                var end = index + 1
                while end < range.upperBound, keys[end].key[depth] &- 0x0E00 == label { end += 1 }
                if label < 64 { node.thaiLow |= 1 << UInt64(label) } else if label < Self.thaiSetSize { node.thaiHigh |= 1 << UInt32(label - 64) }
                labels.append(label)
                queue.append((index..<end, depth + 1))
                index = end
            }
            nodes.append(node)
            payloads.append(payload)
        }
        nodes.append(Node(edges: UInt32(labels.count)))
    }

    /// Whether the trie has no keys.
    public var isEmpty: Bool { labels.isEmpty && payloads[0] < 0 }

    @inlinable @inline(__always)
    func child(of node: Int, _ unit: UInt16) -> Int? {
        let label = unit &- 0x0E00
        let current = nodes[node]
        if label < 64 {
            let bit: UInt64 = 1 << UInt64(label)
            guard current.thaiLow & bit != 0 else { return nil }
            return current.firstEdge + (current.thaiLow & (bit &- 1)).nonzeroBitCount + 1
        }
        if label < Self.thaiSetSize {
            let bit: UInt32 = 1 << UInt32(label &- 64)
            guard current.thaiHigh & bit != 0 else { return nil }
            return current.firstEdge + current.thaiLow.nonzeroBitCount + (current.thaiHigh & (bit &- 1)).nonzeroBitCount + 1
        }
        var low = current.firstEdge + current.thaiChildCount
        var high = nodes[node + 1].firstEdge
        while low < high {
            let middle = (low + high) >> 1
            let candidate = labels[middle]
            if candidate == label { return middle + 1 }
            if candidate < label { low = middle + 1 } else { high = middle }
        }
        return nil
    }

    /// Calls `body(end, payload)` for every key that starts at `start` in `units`, shortest first.
    @inlinable @inline(__always)
    public func forEachMatch(in units: UnsafeBufferPointer<UInt16>, at start: Int,
                             _ body: (_ end: Int, _ payload: Int32) -> Void) {
        walk(units, start, body)
    }

    @inlinable @inline(__always)
    func walk(_ units: UnsafeBufferPointer<UInt16>, _ start: Int, _ body: (Int, Int32) -> Void) {
        var node = 0
        var index = start
        while index < units.count, let next = child(of: node, units[index]) {
            node = next
            index += 1
            if nodes[node].edges & Node.keyEnds != 0 { body(index, payloads[node]) }
        }
    }

    /// The longest key starting at `start`, as its end offset and payload.
    @inlinable
    public func longestMatch(in units: UnsafeBufferPointer<UInt16>, at start: Int) -> (end: Int, payload: Int32)? {
        var best: (end: Int, payload: Int32)?
        walk(units, start) { best = ($0, $1) }
        return best
    }
}

extension PrefixTrie {
    /// The payload of the key equal to `units[range]`, if there is one.
    @inlinable
    public func payload(exactly range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> Int32? {
        var node = 0
        for index in range {
            guard let next = child(of: node, units[index]) else { return nil }
            node = next
        }
        return nodes[node].edges & Node.keyEnds != 0 ? payloads[node] : nil
    }
}
