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
    public let bucketCount: Int
    /// `bucketCount * labels.count` emission weights, row per bucket.
    public internal(set) var weights: [Float]
    /// `(labels.count + 1) * labels.count` transition weights; row `labels.count` is the start.
    public internal(set) var transitions: [Float]

    /// An empty model (all weights zero).
    public init(types: [String], bucketCount: Int) {
        precondition(bucketCount > 0 && types.count < 100)
        self.types = types
        self.labels = ["O"] + types.flatMap { ["B-\($0)", "I-\($0)"] }
        self.bucketCount = bucketCount
        weights = [Float](repeating: 0, count: bucketCount * (2 * types.count + 1))
        transitions = [Float](repeating: 0, count: (2 * types.count + 2) * (2 * types.count + 1))
    }

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

    /// Emission scores: for each position, `labelCount` scores, summed over its features.
    /// `features[offsets[i]..<offsets[i+1]]` are position i's buckets.
    func emissions(features: UnsafeBufferPointer<Int32>, offsets: UnsafeBufferPointer<Int32>,
                   weights: UnsafeBufferPointer<Float>, into scores: UnsafeMutableBufferPointer<Float>) {
        let count = offsets.count - 1
        let labelCount = self.labelCount
        for position in 0..<count {
            let base = position * labelCount
            for label in 0..<labelCount { scores[base + label] = 0 }
            for index in Int(offsets[position])..<Int(offsets[position + 1]) {
                let row = Int(features[index]) * labelCount
                for label in 0..<labelCount { scores[base + label] += weights[row + label] }
            }
        }
    }

    /// The best valid label sequence for positions whose buckets are given as in `emissions`.
    public func decode(features: [Int32], offsets: [Int32]) -> [Int] {
        weights.withUnsafeBufferPointer { weights in
            Self.viterbi(model: self, features: features, offsets: offsets, weights: weights, transitions: transitions)
        }
    }

    static func viterbi(model: SequenceModel, features: [Int32], offsets: [Int32],
                        weights: UnsafeBufferPointer<Float>, transitions: [Float]) -> [Int] {
        let count = offsets.count - 1
        guard count > 0 else { return [] }
        let labelCount = model.labelCount
        var scores = [Float](repeating: 0, count: count * labelCount)
        var back = [Int8](repeating: 0, count: count * labelCount)
        features.withUnsafeBufferPointer { features in
            offsets.withUnsafeBufferPointer { offsets in
                scores.withUnsafeMutableBufferPointer { scores in
                    model.emissions(features: features, offsets: offsets, weights: weights, into: scores)
                }
            }
        }
        let startRow = labelCount * labelCount
        var previous = [Float](repeating: 0, count: labelCount)
        var current = [Float](repeating: 0, count: labelCount)
        for label in 0..<labelCount {
            previous[label] = allows(nil, label) ? scores[label] + transitions[startRow + label] : -.infinity
        }
        for position in 1..<max(1, count) {
            let base = position * labelCount
            for label in 0..<labelCount {
                var best = -Float.infinity
                var bestFrom = 0
                for from in 0..<labelCount where allows(from, label) {
                    let score = previous[from] + transitions[from * labelCount + label]
                    if score > best { best = score; bestFrom = from }
                }
                current[label] = best + scores[base + label]
                back[base + label] = Int8(bestFrom)
            }
            swap(&previous, &current)
        }
        var label = 0
        for candidate in 1..<labelCount where previous[candidate] > previous[label] { label = candidate }
        var path = [Int](repeating: 0, count: count)
        for position in stride(from: count - 1, through: 0, by: -1) {
            path[position] = label
            if position > 0 { label = Int(back[position * labelCount + label]) }
        }
        return path
    }
}

/// 64-bit FNV-1a style hashing for features, over integers and UTF-16 code units, without
/// building strings. Deterministic across processes and platforms.
public struct FeatureHasher {
    public private(set) var value: UInt64

    /// Starts a feature of template `template`.
    @inline(__always)
    public init(template: UInt64) { value = 0xcbf2_9ce4_8422_2325 ^ (template &* 0x9E37_79B9_7F4A_7C15) }

    @inline(__always)
    public mutating func combine(_ unit: UInt64) {
        value = (value ^ unit) &* 0x0000_0100_0000_01B3
    }

    @inline(__always)
    public mutating func combine(_ units: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) {
        for index in range { combine(UInt64(units[index])) }
        combine(0xFFFF_FFFF)
    }

    /// The bucket of the finished hash.
    @inline(__always)
    public func bucket(_ bucketCount: Int) -> Int32 {
        var mixed = value
        mixed ^= mixed >> 33
        mixed = mixed &* 0xff51_afd7_ed55_8ccd
        mixed ^= mixed >> 33
        return Int32(truncatingIfNeeded: mixed % UInt64(bucketCount))
    }
}
