/// An immutable trie over UTF-16 code units, mapping strings to integer payloads. The gazetteer
/// matcher and the date scanner walk it along a text to find every key that starts at a
/// position, without allocating.
public struct PrefixTrie: Sendable {
    // The walks run at every text position and wait mostly on memory: each node visited is a
    // load that may miss the cache. The layout keeps those loads few.
    // - Path compression: a node's edge carries one label, and then a tail of further units
    //   that every key below it shares (โลหารชุน after the โ of a family name); a walk compares
    //   the tail in one place instead of visiting a node per unit.
    // - Nodes are numbered breadth-first, so each node's children are contiguous and edge e
    //   leads to node e + 1. Node n's children are the edges nodes[n].firstEdge ..<
    //   nodes[n + 1].firstEdge (the last node is a sentinel): first its children by a letter of
    //   the Thai block in use (U+0E00 to U+0E5F) in code-unit order, then the others.
    // - A node marks its Thai children in a 96-bit set, so a step along Thai text finds the child
    //   by counting the set bits below the label, within the node's own 24 bytes; only other
    //   labels are searched, in `labels`.
    // - A node is 24 bytes (its tail's start and length share one word), so that more of a large
    //   trie stays in the cache; the walks read the arrays through unsafe buffers, whose
    //   subscripts are not checked in release builds: the builder guarantees every index.
    // The walks are @inlinable so that callers in other modules get them specialised, with their
    // closures inlined: they run at every text position.
    @usableFromInline struct Node: Sendable {
        /// Bit k: a child by U+0E00 + k, for k < 64.
        @usableFromInline var thaiLow: UInt64 = 0
        /// Bit k: a child by U+0E40 + k.
        @usableFromInline var thaiHigh: UInt32 = 0
        @usableFromInline var firstEdge: Int32
        /// The payload of the key ending here, or -1.
        @usableFromInline var payload: Int32 = -1
        /// The units after the edge's label that lead here: `tails[tailStart ..< tailStart + tailLength]`,
        /// packed as `tailStart << 8 | tailLength`.
        @usableFromInline var tail: UInt32 = 0

        init(firstEdge: Int32, tailStart: Int32 = 0, tailLength: Int32 = 0) {
            self.firstEdge = firstEdge
            tail = UInt32(tailStart) << 8 | UInt32(tailLength)
        }

        @inlinable var tailStart: Int { Int(tail >> 8) }
        @inlinable var tailLength: Int { Int(tail & 0xFF) }
        @inlinable var thaiChildCount: Int { thaiLow.nonzeroBitCount + thaiHigh.nonzeroBitCount }
    }
    /// The longest tail a node holds (it must fit its byte); a longer shared run goes on through
    /// a node with one child.
    static let maximumTailLength = 255
    @usableFromInline var nodes: [Node] = []
    /// Edge labels as offsets from U+0E00 (wrapping), so that Thai labels sort first.
    @usableFromInline var labels: [UInt16] = []
    /// The nodes' tails, as code units.
    @usableFromInline var tails: [UInt16] = []
    /// Labels below this offset from U+0E00 are in a node's Thai set.
    @usableFromInline static let thaiSetSize: UInt16 = 96
    /// For tries of `startFilterMinimumKeys` keys or more, a filter over how keys start; small
    /// tries have an empty one, since clearing its 16 KB would cost more than their walks.
    @usableFromInline var startFilter = WordStartFilter()
    static let startFilterMinimumKeys = 1024

    /// Builds a trie. Payloads must not be negative. When a key occurs more than once, the last
    /// payload given wins.
    public init<S: Sequence>(_ entries: S) where S.Element == (key: String, payload: Int32) {
        self.init(utf16Keys: entries.map { (Array($0.key.utf16), $0.payload) })
    }

    /// Builds a trie of plain words, each with payload 0 (a set of words).
    public init<S: Sequence<String>>(words: S) {
        self.init(utf16Keys: words.map { (Array($0.utf16), 0) })
    }

    /// Builds a trie from keys already in UTF-16. Payloads must not be negative. When a key
    /// occurs more than once, the last payload given wins.
    public init(utf16Keys: [(key: [UInt16], payload: Int32)]) {
        // Sorted by labels, with equal keys in the order given: one pass over the two keys
        // decides, the first unit that differs or else the shorter key or else the order given.
        let keys = utf16Keys.indices.sorted { lhs, rhs in
            utf16Keys[lhs].key.withUnsafeBufferPointer { left in
                utf16Keys[rhs].key.withUnsafeBufferPointer { right in
                    for offset in 0..<min(left.count, right.count) where left[offset] != right[offset] {
                        return left[offset] &- 0x0E00 < right[offset] &- 0x0E00
                    }
                    return left.count != right.count ? left.count < right.count : lhs < rhs
                }
            }
        }.map { utf16Keys[$0] }
        // Breadth-first over sorted key ranges; `depth` counts the units consumed at the node.
        var queue: [(range: Range<Int>, depth: Int, tailStart: Int32, tailLength: Int32)] = [(0..<keys.count, 0, 0, 0)]
        var head = 0
        while head < queue.count {
            let (range, depth, tailStart, tailLength) = queue[head]
            head += 1
            var node = Node(firstEdge: Int32(labels.count), tailStart: tailStart, tailLength: tailLength)
            var index = range.lowerBound
            while index < range.upperBound, keys[index].key.count == depth {
                node.payload = keys[index].payload  // the last duplicate wins
                index += 1
            }
            while index < range.upperBound {
                let first = keys[index].key
                let label = first[depth] &- 0x0E00
                var end = index + 1
                while end < range.upperBound, keys[end].key[depth] &- 0x0E00 == label { end += 1 }
                if label < 64 { node.thaiLow |= 1 << UInt64(label) } else if label < Self.thaiSetSize { node.thaiHigh |= 1 << UInt32(label - 64) }
                labels.append(label)
                // The keys are sorted, so what the first and the last share, all share; the tail
                // stops where the shortest (the first) ends, so that its payload has a node.
                let last = keys[end - 1].key
                var tailEnd = depth + 1
                while tailEnd < first.count, tailEnd < last.count, first[tailEnd] == last[tailEnd],
                      tailEnd - depth - 1 < Self.maximumTailLength { tailEnd += 1 }
                queue.append((index..<end, tailEnd, Int32(tails.count), Int32(tailEnd - depth - 1)))
                tails += first[(depth + 1)..<tailEnd]
                index = end
            }
            nodes.append(node)
        }
        nodes.append(Node(firstEdge: Int32(labels.count)))
        precondition(tails.count < 1 << 24, "PrefixTrie: tails too long to pack")
        if keys.count >= Self.startFilterMinimumKeys { startFilter = WordStartFilter(words: keys.lazy.map(\.key)) }
    }

    /// Whether the trie has no keys.
    public var isEmpty: Bool { labels.isEmpty && nodes[0].payload < 0 }

    /// The trie's arrays as unsafe buffers, for one walk.
    @usableFromInline struct Buffers {
        @usableFromInline let nodes: UnsafeBufferPointer<Node>
        @usableFromInline let labels: UnsafeBufferPointer<UInt16>
        @usableFromInline let tails: UnsafeBufferPointer<UInt16>

        @inlinable init(nodes: UnsafeBufferPointer<Node>, labels: UnsafeBufferPointer<UInt16>, tails: UnsafeBufferPointer<UInt16>) {
            self.nodes = nodes
            self.labels = labels
            self.tails = tails
        }

        /// The number of the child of `node` (number `index`) by `unit`, or nil.
        @inlinable @inline(__always)
        func child(of node: Node, at index: Int, _ unit: UInt16) -> Int? {
            let label = unit &- 0x0E00
            if label < 64 {
                let bit: UInt64 = 1 << UInt64(label)
                guard node.thaiLow & bit != 0 else { return nil }
                return Int(node.firstEdge) &+ (node.thaiLow & (bit &- 1)).nonzeroBitCount &+ 1
            }
            if label < PrefixTrie.thaiSetSize {
                let bit: UInt32 = 1 << UInt32(label &- 64)
                guard node.thaiHigh & bit != 0 else { return nil }
                return Int(node.firstEdge) &+ node.thaiLow.nonzeroBitCount &+ (node.thaiHigh & (bit &- 1)).nonzeroBitCount &+ 1
            }
            var low = Int(node.firstEdge) &+ node.thaiChildCount
            var high = Int(nodes[index &+ 1].firstEdge)
            while low < high {
                let middle = (low &+ high) >> 1
                let candidate = labels[middle]
                if candidate == label { return middle &+ 1 }
                if candidate < label { low = middle &+ 1 } else { high = middle }
            }
            return nil
        }

        /// One step of a walk: from `node` (number `nodeIndex`), along the unit at `position` and
        /// then the child's tail, not reading at or past `limit`. Moves all three to the child and
        /// returns true, or returns false where no key goes on.
        @inlinable @inline(__always)
        func step(_ node: inout Node, _ nodeIndex: inout Int, _ position: inout Int,
                  in units: UnsafeBufferPointer<UInt16>, limit: Int) -> Bool {
            guard position < limit, let next = child(of: node, at: nodeIndex, units[position]) else { return false }
            let target = nodes[next]
            let tailStart = position &+ 1, length = target.tailLength
            if length > 0 {
                guard limit &- tailStart >= length else { return false }
                let tail = target.tailStart
                for offset in 0..<length where units[tailStart &+ offset] != tails[tail &+ offset] { return false }
            }
            node = target
            nodeIndex = next
            position = tailStart &+ length
            return true
        }
    }

    /// Calls `body` with the trie's arrays as unsafe buffers.
    @inlinable @inline(__always)
    func withBuffers<R>(_ body: (Buffers) -> R) -> R {
        nodes.withUnsafeBufferPointer { nodes in
            labels.withUnsafeBufferPointer { labels in
                tails.withUnsafeBufferPointer { tails in body(Buffers(nodes: nodes, labels: labels, tails: tails)) }
            }
        }
    }

    /// Calls `body(end, payload)` for every key that starts at `start` in `units`, shortest first.
    @inlinable @inline(__always)
    public func forEachMatch(in units: UnsafeBufferPointer<UInt16>, at start: Int,
                             _ body: (_ end: Int, _ payload: Int32) -> Void) {
        withBuffers { trie in
            var node = trie.nodes[0]
            var nodeIndex = 0
            var position = start
            while trie.step(&node, &nodeIndex, &position, in: units, limit: units.count) {
                if node.payload >= 0 { body(position, node.payload) }
            }
        }
    }

    /// Whether a key may start at `start`: false only when none does. For tries of a thousand
    /// keys or more it answers from a filter (see `WordStartFilter`) without touching the nodes, so
    /// that callers can skip most walks along a text cheaply.
    @inlinable @inline(__always)
    public func mayStartKey(in units: UnsafeBufferPointer<UInt16>, at start: Int) -> Bool {
        startFilter.mayStartWord(in: units, at: start)
    }

    /// The longest key starting at `start`, as its end offset and payload.
    @inlinable
    public func longestMatch(in units: UnsafeBufferPointer<UInt16>, at start: Int) -> (end: Int, payload: Int32)? {
        var best: (end: Int, payload: Int32)?
        forEachMatch(in: units, at: start) { best = ($0, $1) }
        return best
    }

    /// The payload of the key equal to `units[range]`, if there is one.
    @inlinable
    public func payload(exactly range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> Int32? {
        withBuffers { trie in
            var node = trie.nodes[0]
            var nodeIndex = 0
            var position = range.lowerBound
            while position < range.upperBound {
                guard trie.step(&node, &nodeIndex, &position, in: units, limit: range.upperBound) else { return nil }
            }
            return node.payload >= 0 ? node.payload : nil
        }
    }
}
