/// A linear sequence labeller: hashed features, one weight per (feature bucket, label), label
/// bigram weights, and Viterbi decoding restricted to valid BIO transitions.
///
/// Features are 64-bit hashes computed by the caller (see `FeatureHasher`); a feature's bucket
/// is its hash modulo `bucketCount`. The model is plain data: it is `Sendable` and cheap to share.
public struct SequenceModel: Sendable {
    /// The labels: "O" first, then B-X and I-X for each entity type X.
    public let labels: [String]
    /// The entity types, in label order (B-X is label 1 + 2i, I-X is 2 + 2i).
    public let types: [String]
    /// The number of feature buckets (hashes are reduced modulo this).
    public let bucketCount: Int
    /// The emission weights, quantised: one row of eight 16-bit values (the labels, padded) per
    /// bucket, so that a feature costs one 16-byte load; weight = value × `scale`.
    public let rows: [SIMD8<Int16>]
    /// The factor that turns a quantised weight into a score.
    public let scale: Float
    /// `(labels.count + 1) * labels.count` transition weights; row `labels.count` is the start.
    public let transitions: [Float]

    /// A model from float weights (`bucketCount * labelCount`, row per bucket), quantised.
    public init(types: [String], bucketCount: Int, weights: [Float], transitions: [Float]) {
        precondition(bucketCount > 0 && types.count <= 3, "at most 3 types (7 labels) fit a row of 8")
        self.types = types
        labels = ["O"] + types.flatMap { ["B-\($0)", "I-\($0)"] }
        self.bucketCount = bucketCount
        let labelCount = labels.count
        precondition(weights.count == bucketCount * labelCount && transitions.count == (labelCount + 1) * labelCount)
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest == 0 ? 1 : largest / 32767
        var rows = [SIMD8<Int16>](repeating: .zero, count: bucketCount)
        for bucket in 0..<bucketCount {
            for label in 0..<labelCount {
                rows[bucket][label] = Int16((weights[bucket * labelCount + label] / scale).rounded())
            }
        }
        self.rows = rows
        self.scale = scale
        self.transitions = transitions
    }

    /// A model from quantised rows (the file format's content).
    init(types: [String], bucketCount: Int, rows: [SIMD8<Int16>], scale: Float, transitions: [Float]) {
        self.types = types
        labels = ["O"] + types.flatMap { ["B-\($0)", "I-\($0)"] }
        self.bucketCount = bucketCount
        self.rows = rows
        self.scale = scale
        self.transitions = transitions
    }

    /// The number of labels: 1 + 2 × the number of types.
    public var labelCount: Int { labels.count }

    /// Whether label `next` may follow label `previous` (nil: the sequence start).
    @inline(__always)
    public static func allows(_ previous: Int?, _ next: Int) -> Bool {
        guard next > 0, next % 2 == 0 else { return true }  // O and B-X follow anything
        guard let previous, previous > 0 else { return false }
        return (previous + 1) / 2 == next / 2  // I-X after B-X or I-X
    }

    /// The entity type index of a label, or nil for O.
    @inline(__always)
    public static func typeIndex(of label: Int) -> Int? { label == 0 ? nil : (label - 1) / 2 }

    /// Whether a label begins an entity.
    @inline(__always)
    public static func isBegin(_ label: Int) -> Bool { label > 0 && label % 2 == 1 }

    /// The best valid label sequence; `features[offsets[i]..<offsets[i+1]]` are position i's buckets.
    public func decode(features: [Int32], offsets: [Int32]) -> [Int] {
        let count = offsets.count - 1
        guard count > 0 else { return [] }
        var emissions = [SIMD8<Float>](repeating: .zero, count: count)
        rows.withUnsafeBufferPointer { rows in
            features.withUnsafeBufferPointer { features in
                offsets.withUnsafeBufferPointer { offsets in
                    for position in 0..<count {
                        var sum = SIMD8<Int32>.zero
                        for index in Int(offsets[position])..<Int(offsets[position + 1]) {
                            sum &+= SIMD8<Int32>(truncatingIfNeeded: rows[Int(features[index])])
                        }
                        emissions[position] = SIMD8<Float>(sum) * scale
                    }
                }
            }
        }
        return Self.viterbi(emissions: emissions, transitions: transitions, labelCount: labelCount)
    }

    /// Viterbi over per-position emission scores, restricted to valid BIO transitions. A label's
    /// best predecessor is the first of the best in label order.
    static func viterbi(emissions: [SIMD8<Float>], transitions: [Float], labelCount: Int) -> [Int] {
        let count = emissions.count
        guard count > 0 else { return [] }
        // Transition rows: from[f][label], invalid moves (and lane 7, unused) at -infinity, so
        // that one step scores every label at once.
        var from = [SIMD8<Float>](repeating: SIMD8(repeating: -.infinity), count: labelCount)
        var start = SIMD8<Float>(repeating: -.infinity)
        for label in 0..<labelCount {
            for previous in 0..<labelCount where allows(previous, label) {
                from[previous][label] = transitions[previous * labelCount + label]
            }
            if allows(nil, label) { start[label] = transitions[labelCount * labelCount + label] }
        }
        var back = [SIMD8<Int8>](repeating: .zero, count: count)
        var previous = start + emissions[0]
        from.withUnsafeBufferPointer { from in
            emissions.withUnsafeBufferPointer { emissions in
                back.withUnsafeMutableBufferPointer { back in
                    for position in 1..<max(1, count) {
                        // Candidates in label order, a later one taken only when strictly better:
                        // the same choice as scanning each label's predecessors in order.
                        var best = SIMD8<Float>(repeating: -.infinity)
                        var bestFrom = SIMD8<Int32>.zero
                        for label in 0..<labelCount {
                            let candidates = SIMD8<Float>(repeating: previous[label]) + from[label]
                            let better = candidates .> best
                            best.replace(with: candidates, where: better)
                            bestFrom.replace(with: Int32(label), where: better)
                        }
                        previous = best + emissions[position]
                        back[position] = SIMD8<Int8>(truncatingIfNeeded: bestFrom)
                    }
                }
            }
        }
        var label = 0
        for candidate in 1..<labelCount where previous[candidate] > previous[label] { label = candidate }
        var path = [Int](repeating: 0, count: count)
        for position in stride(from: count - 1, through: 0, by: -1) {
            path[position] = label
            if position > 0 { label = Int(back[position][label]) }
        }
        return path
    }
}

/// 64-bit FNV-1a style hashing for features, over integers and UTF-16 code units, without
/// building strings. Deterministic across processes and platforms. Inlinable, so that the
/// tagger's seven hashes of every unit are compiled into its loop instead of called.
public struct FeatureHasher {
    /// The hash so far.
    public var value: UInt64

    /// Starts a feature of template `template`.
    @inlinable @inline(__always)
    public init(template: UInt64) { value = 0xcbf2_9ce4_8422_2325 ^ (template &* 0x9E37_79B9_7F4A_7C15) }

    /// Mixes one value into the hash.
    @inlinable @inline(__always)
    public mutating func combine(_ unit: UInt64) {
        value = (value ^ unit) &* 0x0000_0100_0000_01B3
    }

    /// Mixes the code units of `range`, and an end mark, into the hash.
    @inlinable @inline(__always)
    public mutating func combine(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        for index in range { combine(UInt64(units[index])) }
        combine(0xFFFF_FFFF)
    }

    /// The bucket of the finished hash.
    @inlinable @inline(__always)
    public func bucket(_ bucketCount: Int) -> Int32 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed = mixed &* 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        return Int32(truncatingIfNeeded: mixed % UInt64(bucketCount))
    }
}
