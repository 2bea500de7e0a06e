/// A linear sequence labeller: hashed features, one weight per (feature bucket, label), label
/// bigram weights, and Viterbi decoding restricted to valid BILOU sequences (``EntityLabels``).
///
/// Features are 64-bit hashes computed by the caller (see `FeatureHasher`); a feature's bucket
/// is its hash modulo `bucketCount`. The model is plain data: it is `Sendable` and cheap to share.
public struct SequenceModel: Sendable {
    /// A row of per-label values: the 13 labels of three types, padded to 16 lanes.
    public typealias Row = SIMD16<Int8>
    /// Per-label scores of one position.
    typealias Scores = SIMD16<Float>
    /// Per-label scores of one group of labels in the decoder (``viterbi(emissions:transitions:labelCount:)``).
    typealias Half = SIMD8<Float>

    /// The labels (``EntityLabels/names(_:)``): "O", then B-X, I-X, L-X and U-X for each type.
    public let labels: [String]
    /// The entity types, in label order.
    public let types: [String]
    /// The number of feature buckets (hashes are reduced modulo this).
    public let bucketCount: Int
    /// The emission weights, quantised: one row of sixteen 8-bit values (the labels, padded)
    /// per bucket, so that a feature costs one 16-byte load; weight = value × `scale`. (Eight
    /// bits score as sixteen did in 5-fold cross-validation on ThaiNER train, and halve the
    /// table the decoder reads from memory.)
    public let rows: [Row]
    /// The factor that turns a quantised weight into a score.
    public let scale: Float
    /// `(labels.count + 1) * labels.count` transition weights; row `labels.count` is the start.
    public let transitions: [Float]

    /// A model from float weights (`bucketCount * labelCount`, row per bucket), quantised.
    public init(types: [String], bucketCount: Int, weights: [Float], transitions: [Float]) {
        precondition(bucketCount > 0 && types.count <= EntityLabels.maximumTypes, "at most 3 types (13 labels) fit a row of 16")
        self.types = types
        labels = EntityLabels.names(types)
        self.bucketCount = bucketCount
        let labelCount = labels.count
        precondition(weights.count == bucketCount * labelCount && transitions.count == (labelCount + 1) * labelCount)
        let largest = weights.reduce(Float(0)) { max($0, abs($1)) }
        let scale = largest == 0 ? 1 : largest / 127
        var rows = [Row](repeating: .zero, count: bucketCount)
        for bucket in 0..<bucketCount {
            for label in 0..<labelCount {
                rows[bucket][label] = Int8((weights[bucket * labelCount + label] / scale).rounded())
            }
        }
        self.rows = rows
        self.scale = scale
        self.transitions = transitions
    }

    /// A model from quantised rows (the file format's content).
    init(types: [String], bucketCount: Int, rows: [Row], scale: Float, transitions: [Float]) {
        self.types = types
        labels = EntityLabels.names(types)
        self.bucketCount = bucketCount
        self.rows = rows
        self.scale = scale
        self.transitions = transitions
    }

    /// The number of labels: 1 + 4 × the number of types.
    public var labelCount: Int { labels.count }

    /// The most 8-bit weights (each at most 128 in magnitude) whose sum surely fits 16 bits.
    static let exactInt16Terms = Int(Int16.max) / 128

    /// The best valid label sequence; `features[offsets[i]..<offsets[i+1]]` are position i's buckets.
    /// At each of `spansStarting`'s positions a span of its type must begin (B-X or U-X).
    /// With `continuing`, the best sequence is shown to it, and when it names positions, each
    /// must continue a span of its type (I-X or L-X), if the best sequence under that constraint
    /// alone scores at most `maximumLoss` below the best: the sequence is decoded again under the
    /// constraints kept, from the same scores.
    public func decode(features: [Int32], offsets: [Int32], spansStarting: [(position: Int, type: Int)] = [],
                       continuing: (([Int]) -> [(position: Int, type: Int)])? = nil, maximumLoss: Float = .infinity) -> [Int] {
        let count = offsets.count - 1
        guard count > 0 else { return [] }
        var emissions = [Scores](repeating: .zero, count: count)
        rows.withUnsafeBufferPointer { rows in
            features.withUnsafeBufferPointer { features in
                offsets.withUnsafeBufferPointer { offsets in
                    for position in 0..<count {
                        let terms = Int(offsets[position])..<Int(offsets[position + 1])
                        var sum = SIMD16<Int32>.zero
                        if terms.count <= Self.exactInt16Terms {
                            // Half the widening work, and the same sum: it cannot overflow 16 bits.
                            var narrow = SIMD16<Int16>.zero
                            for index in terms { narrow &+= SIMD16<Int16>(truncatingIfNeeded: rows[Int(features[index])]) }
                            sum = SIMD16<Int32>(truncatingIfNeeded: narrow)
                        } else {
                            for index in terms { sum &+= SIMD16<Int32>(truncatingIfNeeded: rows[Int(features[index])]) }
                        }
                        emissions[position] = Scores(sum) * scale
                    }
                }
            }
        }
        for (position, type) in spansStarting {
            let begin = EntityLabels.label(type: type, .begin), unit = EntityLabels.label(type: type, .unit)
            for label in 0..<labelCount where label != begin && label != unit { emissions[position][label] = -.infinity }
        }
        let labels = Self.viterbi(emissions: emissions, transitions: transitions, labelCount: labelCount)
        guard let inside = continuing?(labels), !inside.isEmpty else { return labels }
        /// `scores` with `position` restricted to continuing a span of `type`.
        func constraining(_ scores: inout [Scores], _ position: Int, _ type: Int) {
            let within = EntityLabels.label(type: type, .inside), last = EntityLabels.label(type: type, .last)
            for label in 0..<labelCount where label != within && label != last { scores[position][label] = -.infinity }
        }
        let best = score(of: labels, emissions: emissions)
        var kept = 0
        var constrained = emissions
        for (position, type) in inside {
            var one = emissions
            constraining(&one, position, type)
            let loss = best - score(of: Self.viterbi(emissions: one, transitions: transitions, labelCount: labelCount), emissions: one)
            guard loss <= maximumLoss else { continue }
            constraining(&constrained, position, type)
            kept += 1
        }
        return kept == 0 ? labels : Self.viterbi(emissions: constrained, transitions: transitions, labelCount: labelCount)
    }

    /// The score of the label sequence `labels` under `emissions` and the model's transitions.
    func score(of labels: [Int], emissions: [Scores]) -> Float {
        var total: Float = 0
        var previous = labelCount
        for (position, label) in labels.enumerated() {
            total += transitions[previous * labelCount + label] + emissions[position][label]
            previous = label
        }
        return total
    }

    /// Viterbi over per-position emission scores, restricted to valid BILOU sequences (no span
    /// left open at the end). A label's best predecessor is the first of the best in label order.
    ///
    /// Only 61 of the 169 label pairs are valid, in two groups, so each step scores two vectors
    /// of eight lanes instead of every pair: the closed group (O, B-X, U-X: after O, L-X or U-X,
    /// seven predecessors) and the open group (I-X, L-X: after B-X or I-X of their type, two).
    static func viterbi(emissions: [Scores], transitions: [Float], labelCount: Int) -> [Int] {
        let count = emissions.count
        guard count > 0 else { return [] }
        let types = (labelCount - 1) / 4
        // Lanes: closed group [O, B-0, U-0, B-1, U-1, B-2, U-2, -], open group [I-0, L-0, I-1, L-1, I-2, L-2, -, -].
        func lane(_ label: Int) -> (open: Bool, index: Int) {
            guard let type = EntityLabels.type(of: label), let part = EntityLabels.part(of: label) else { return (false, 0) }
            switch part {
            case .begin: return (false, 1 + 2 * type)
            case .unit: return (false, 2 + 2 * type)
            case .inside: return (true, 2 * type)
            case .last: return (true, 2 * type + 1)
            }
        }
        func score(_ previous: Int?, _ next: Int) -> Float {
            guard EntityLabels.allows(previous, next) else { return -.infinity }
            return transitions[(previous ?? labelCount) * labelCount + next]
        }
        // The closed group's predecessors in label order (O, L-0, U-0, L-1, ..., U-2), each with its
        // transition weights to the closed group's lanes (invalid moves, unused lanes and the
        // predecessors of absent types at -infinity). Predecessor k sits in lane k of `ends`
        // below: O and U-X in the closed group, L-X in the open one.
        var closedFrom = [(label: Int32, weights: Half)](repeating: (0, Half(repeating: -.infinity)), count: 7)
        // The open group's two steps: from B-X, then from I-X, each lane pair from its own type.
        var fromBegin = Half(repeating: -.infinity), fromInside = Half(repeating: -.infinity)
        var beginLabels = SIMD8<Int32>.zero, insideLabels = SIMD8<Int32>.zero
        var startClosed = Half(repeating: -.infinity), startOpen = Half(repeating: -.infinity)
        for label in 0..<labelCount {
            let target = lane(label)
            if target.open { startOpen[target.index] = score(nil, label) } else { startClosed[target.index] = score(nil, label) }
            guard !EntityLabels.continues(label) else { continue }
            var weights = Half(repeating: -.infinity)
            for next in 0..<labelCount where !lane(next).open { weights[lane(next).index] = score(label, next) }
            // O is predecessor 0, L-X 2X + 1 (open lane 2X + 1), U-X 2X + 2 (closed lane 2X + 2).
            let predecessor = target.index
            assert(target.open == (predecessor % 2 == 1))
            closedFrom[predecessor] = (Int32(label), weights)
        }
        for type in 0..<types {
            let begin = EntityLabels.label(type: type, .begin), inside = EntityLabels.label(type: type, .inside)
            for (offset, next) in [inside, EntityLabels.label(type: type, .last)].enumerated() {
                fromBegin[2 * type + offset] = score(begin, next)
                fromInside[2 * type + offset] = score(inside, next)
                beginLabels[2 * type + offset] = Int32(begin)
                insideLabels[2 * type + offset] = Int32(inside)
            }
        }
        @inline(__always) func closedPart(_ scores: Scores) -> Half {
            Half(scores[0], scores[1], scores[4], scores[5], scores[8], scores[9], scores[12], scores[13])
        }
        @inline(__always) func openPart(_ scores: Scores) -> Half {
            Half(scores[2], scores[3], scores[6], scores[7], scores[10], scores[11], scores[14], scores[15])
        }
        let oddLanes = SIMD8<Int32>(0, 1, 0, 1, 0, 1, 0, 1) .!= 0
        var back = [SIMD16<Int8>](repeating: .zero, count: count)
        var closed = startClosed + closedPart(emissions[0])
        var open = startOpen + openPart(emissions[0])
        closedFrom.withUnsafeBufferPointer { closedFrom in
            emissions.withUnsafeBufferPointer { emissions in
                back.withUnsafeMutableBufferPointer { back in
                    for position in 1..<max(1, count) {
                        // Candidates in label order, a later one taken only when strictly better:
                        // the same choice as scanning each label's predecessors in order.
                        var best = Half(repeating: -.infinity)
                        var bestFrom = SIMD8<Int32>.zero
                        let ends = closed.replacing(with: open, where: oddLanes)
                        for predecessor in 0..<7 {  // unrolled: each lane of `ends` a constant
                            let candidates = Half(repeating: ends[predecessor]) + closedFrom[predecessor].weights
                            let better = candidates .> best
                            best.replace(with: candidates, where: better)
                            bestFrom.replace(with: closedFrom[predecessor].label, where: better)
                        }
                        // B-X sits in closed lane 1 + 2X, I-X in open lane 2X.
                        let fromB = Half(closed[1], closed[1], closed[3], closed[3], closed[5], closed[5], -.infinity, -.infinity) + fromBegin
                        let fromI = Half(open[0], open[0], open[2], open[2], open[4], open[4], -.infinity, -.infinity) + fromInside
                        var bestOpen = Half(repeating: -.infinity)
                        var bestOpenFrom = SIMD8<Int32>.zero
                        var better = fromB .> bestOpen
                        bestOpen.replace(with: fromB, where: better)
                        bestOpenFrom.replace(with: beginLabels, where: better)
                        better = fromI .> bestOpen
                        bestOpen.replace(with: fromI, where: better)
                        bestOpenFrom.replace(with: insideLabels, where: better)
                        let emission = emissions[position]
                        closed = best + closedPart(emission)
                        open = bestOpen + openPart(emission)
                        back[position] = SIMD16<Int8>(lowHalf: SIMD8<Int8>(truncatingIfNeeded: bestFrom),
                                                      highHalf: SIMD8<Int8>(truncatingIfNeeded: bestOpenFrom))
                    }
                }
            }
        }
        func value(_ label: Int) -> Float {
            let place = lane(label)
            return place.open ? open[place.index] : closed[place.index]
        }
        var label = 0
        for candidate in 1..<labelCount where EntityLabels.mayEnd(candidate) && value(candidate) > value(label) {
            label = candidate
        }
        var path = [Int](repeating: 0, count: count)
        for position in stride(from: count - 1, through: 0, by: -1) {
            path[position] = label
            if position > 0 {
                let place = lane(label)
                label = Int(back[position][place.open ? 8 + place.index : place.index])
            }
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
