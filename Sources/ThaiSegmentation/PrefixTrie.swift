/// An immutable trie over UTF-16 code units, mapping strings to integer payloads. The gazetteer
/// matcher and the date scanner walk it along a text to find every key that starts at a
/// position, without allocating.
public struct PrefixTrie: Sendable {
    // Nodes are numbered breadth-first, so each node's children are contiguous and edge e leads
    // to node e + 1. Node n's children are the edges nodes[n].firstEdge ..< nodes[n + 1].firstEdge
    // (the last node is a sentinel), their labels sorted. A node keeps its payload beside its
    // first edge, so a step of a walk touches the node, its labels and the next node. Nodes with
    // many children also index their Thai children directly, in a 128-entry table, since a
    // binary search there costs several mispredicted branches per step.
    // The walks are @inlinable so that callers in other modules get them specialised, with their
    // closures inlined: they run at every text position.
    @usableFromInline struct Node: Sendable {
        @usableFromInline var firstEdge: Int32
        /// The payload of the key ending here, or -1.
        @usableFromInline var payload: Int32
        /// Where this node's table of Thai children starts in `thaiChildren`, or -1.
        @usableFromInline var thaiTable: Int32 = -1
    }
    @usableFromInline var nodes: [Node] = []
    @usableFromInline var labels: [UInt16] = []
    // Child node by code unit - U+0E00 (0: none), 128 entries per node that has a table.
    @usableFromInline var thaiChildren: [Int32] = []
    @usableFromInline static let thaiTableThreshold = 6
    // The root's children indexed directly by code unit below 0x1000 (ASCII, Latin, Thai), or -1:
    // every walk starts at the root, so this saves one binary search per text position. Small
    // tries (a document's own acronyms) have neither kind of table: clearing 16 KB for a few keys
    // costs more than it saves.
    @usableFromInline var rootChild: [Int32] = []
    @usableFromInline static let rootTableSize = 0x1000
    static let tableMinimumKeys = 64

    /// Builds a trie. When a key occurs more than once, the last payload given wins.
    public init<S: Sequence>(_ entries: S) where S.Element == (key: String, payload: Int32) {
        self.init(utf16Keys: entries.map { (Array($0.key.utf16), $0.payload) })
    }

    /// Builds a trie from keys already in UTF-16. When a key occurs more than once, the last
    /// payload given wins.
    public init(utf16Keys: [(key: [UInt16], payload: Int32)]) {
        let keys = utf16Keys.enumerated().sorted { lhs, rhs in
            lhs.element.0.lexicographicallyPrecedes(rhs.element.0)
                || (lhs.element.0 == rhs.element.0 && lhs.offset < rhs.offset)
        }.map { ($0.element.key, $0.element.payload) }
        // Breadth-first over sorted key ranges.
        var queue: [(range: Range<Int>, depth: Int)] = [(0..<keys.count, 0)]
        var head = 0
        while head < queue.count {
            let (range, depth) = queue[head]
            head += 1
            var value: Int32 = -1
            var index = range.lowerBound
            while index < range.upperBound, keys[index].0.count == depth {
                value = keys[index].1  // the last duplicate wins
                index += 1
            }
            nodes.append(Node(firstEdge: Int32(labels.count), payload: value))
            while index < range.upperBound {
                let label = keys[index].0[depth]
                var end = index + 1
                while end < range.upperBound, keys[end].0[depth] == label { end += 1 }
                labels.append(label)
                queue.append((index..<end, depth + 1))
                index = end
            }
        }
        nodes.append(Node(firstEdge: Int32(labels.count), payload: -1))
        guard keys.count >= Self.tableMinimumKeys else { return }
        for node in 1..<max(1, nodes.count - 1) {
            let edges = Int(nodes[node].firstEdge)..<Int(nodes[node + 1].firstEdge)
            guard edges.count >= Self.thaiTableThreshold else { continue }
            nodes[node].thaiTable = Int32(thaiChildren.count)
            thaiChildren += repeatElement(0, count: 0x80)
            for edge in edges where labels[edge] &- 0x0E00 < 0x80 {
                thaiChildren[Int(nodes[node].thaiTable) + Int(labels[edge] &- 0x0E00)] = Int32(edge + 1)
            }
        }
        rootChild = [Int32](repeating: -1, count: Self.rootTableSize)
        for edge in 0..<Int(nodes[1].firstEdge) where Int(labels[edge]) < Self.rootTableSize {
            rootChild[Int(labels[edge])] = Int32(edge + 1)
        }
    }

    /// Whether the trie has no keys.
    public var isEmpty: Bool { labels.isEmpty && nodes[0].payload < 0 }

    @inlinable @inline(__always)
    func child(of node: Int, _ label: UInt16) -> Int? {
        if node == 0, Int(label) < rootChild.count {
            let target = rootChild[Int(label)]
            return target < 0 ? nil : Int(target)
        }
        let table = nodes[node].thaiTable
        if table >= 0, label &- 0x0E00 < 0x80 {
            let target = thaiChildren[Int(table) + Int(label &- 0x0E00)]
            return target == 0 ? nil : Int(target)
        }
        var low = Int(nodes[node].firstEdge)
        var high = Int(nodes[node + 1].firstEdge)
        while low < high {
            let middle = (low + high) >> 1
            let candidate = labels[middle]
            if candidate == label { return middle + 1 }
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

    @inlinable
    func walk(_ units: UnsafeBufferPointer<UInt16>, _ start: Int, limit: Int? = nil, _ body: (Int, Int32) -> Void) {
        var node = 0
        var index = start
        let limit = limit ?? units.count
        while index < limit, let next = child(of: node, units[index]) {
            node = next
            index += 1
            let value = nodes[node].payload
            if value >= 0 { body(index, value) }
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
        let value = nodes[node].payload
        return value >= 0 ? value : nil
    }
}
