/// One training sequence: each position's feature buckets and its gold label.
public struct TrainingSequence: Sendable {
    /// Every position's feature buckets, one after another.
    public var features: [Int32]
    /// Where each position's buckets start in `features` (one more entry than positions).
    public var offsets: [Int32]
    /// The gold label of each position (``EntityLabels``: 0 is O, then B-X, I-X, L-X and U-X for each type).
    public var labels: [Int]
    /// Which training source the sequence comes from, from 0: the CRF can learn each source's
    /// own weights beside the shared ones (``CRFTrainer/train(_:types:bucketCount:sources:progress:)``).
    public var source: Int

    /// Creates a sequence; `offsets` has one entry more than `labels`.
    public init(features: [Int32], offsets: [Int32], labels: [Int], source: Int = 0) {
        precondition(offsets.count == labels.count + 1)
        self.features = features
        self.offsets = offsets
        self.labels = labels
        self.source = source
    }
}

/// A deterministic pseudo-random generator (SplitMix64), so that the same inputs and seed give
/// the same model bytes in every process.
public struct SplitMix64: RandomNumberGenerator {
    private var state: UInt64
    /// A generator whose sequence is fixed by `seed`.
    public init(seed: UInt64) { state = seed }
    /// The next 64 random bits.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }

    /// Shuffles `array` in place by Fisher-Yates with this generator (the standard library's
    /// shuffle may change its algorithm, and the trainers' model bytes with it).
    public mutating func shuffle<Element>(_ array: inout [Element]) {
        for index in stride(from: array.count - 1, to: 0, by: -1) {
            let other = Int(next() % UInt64(index + 1))
            array.swapAt(index, other)
        }
    }
}

/// Structured averaged perceptron (Collins 2002): decode each sequence with the current
/// weights, move the weights of the gold path up and of the predicted path down, and return the
/// average of the weights over all steps. Single-threaded and seeded: deterministic.
public struct PerceptronTrainer {
    /// Passes over the training sequences.
    public var epochs: Int
    /// The seed of the shuffle before each pass.
    public var seed: UInt64

    /// A trainer with the given number of passes and shuffle seed.
    public init(epochs: Int = 10, seed: UInt64 = 0x5EED) {
        self.epochs = epochs
        self.seed = seed
    }

    /// Trains a model with `types` over `bucketCount` feature buckets; `progress` is called
    /// after each pass with its number and how many sequences it got wrong.
    public func train(_ sequences: [TrainingSequence], types: [String], bucketCount: Int,
                      progress: ((Int, Int) -> Void)? = nil) -> SequenceModel {
        let labelCount = EntityLabels.count(types: types.count)
        var weights = [Float](repeating: 0, count: bucketCount * labelCount)
        var transitions = [Float](repeating: 0, count: (labelCount + 1) * labelCount)
        // Sum over updates of (step * change), for the lazy average w - totals / steps.
        var weightTotals = [Double](repeating: 0, count: weights.count)
        var transitionTotals = [Double](repeating: 0, count: transitions.count)
        var step = 1.0
        var generator = SplitMix64(seed: seed)
        var order = Array(sequences.indices)
        let startRow = labelCount
        for epoch in 0..<epochs {
            generator.shuffle(&order)
            var mistakes = 0
            for sequenceIndex in order {
                let sequence = sequences[sequenceIndex]
                let predicted = Self.decode(sequence, weights: weights, transitions: transitions, labelCount: labelCount)
                if predicted != sequence.labels {
                    mistakes += 1
                    for position in sequence.labels.indices {
                        let gold = sequence.labels[position], guess = predicted[position]
                        let goldFrom = position == 0 ? startRow : sequence.labels[position - 1]
                        let guessFrom = position == 0 ? startRow : predicted[position - 1]
                        if gold != guess {
                            for index in Int(sequence.offsets[position])..<Int(sequence.offsets[position + 1]) {
                                let row = Int(sequence.features[index]) * labelCount
                                weights[row + gold] += 1; weightTotals[row + gold] += step
                                weights[row + guess] -= 1; weightTotals[row + guess] -= step
                            }
                        }
                        if gold != guess || goldFrom != guessFrom {
                            transitions[goldFrom * labelCount + gold] += 1
                            transitionTotals[goldFrom * labelCount + gold] += step
                            transitions[guessFrom * labelCount + guess] -= 1
                            transitionTotals[guessFrom * labelCount + guess] -= step
                        }
                    }
                }
                step += 1
            }
            progress?(epoch + 1, mistakes)
        }
        return SequenceModel(types: types, bucketCount: bucketCount,
                             weights: zip(weights, weightTotals).map { Float(Double($0) - $1 / step) },
                             transitions: zip(transitions, transitionTotals).map { Float(Double($0) - $1 / step) })
    }

    /// Viterbi with the float weights being trained.
    static func decode(_ sequence: TrainingSequence, weights: [Float], transitions: [Float], labelCount: Int) -> [Int] {
        var emissions = [SequenceModel.Scores](repeating: .zero, count: sequence.labels.count)
        for position in emissions.indices {
            for index in Int(sequence.offsets[position])..<Int(sequence.offsets[position + 1]) {
                let row = Int(sequence.features[index]) * labelCount
                for label in 0..<labelCount { emissions[position][label] += weights[row + label] }
            }
        }
        return SequenceModel.viterbi(emissions: emissions, transitions: transitions, labelCount: labelCount)
    }
}
