#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// Linear-chain conditional random field (Lafferty, McCallum and Pereira 2001) over the same
/// features, labels and transitions as ``PerceptronTrainer``: the weights that maximise the
/// L2-regularised conditional log-likelihood of the gold labels,
/// `Σ log p(gold | sequence) − l2 / 2 · ‖w‖²`, where `p` normalises over the valid BILOU label
/// sequences only (the ones the decoder can return: ``EntityLabels/allows(_:_:)`` and
/// ``EntityLabels/mayEnd(_:)``).
///
/// Stochastic gradient descent, one sequence a step, with the rate `η₀ / (1 + η₀ · l2 / n · t)`
/// at step t of n sequences a pass (as CRFsuite's `l2sgd`); the L2 decay multiplies one scale
/// factor instead of every weight, so a step costs only the sequence's own features. The model
/// is the average of the weights at the end of each pass of the second half (5-fold
/// cross-validation on ThaiNER train: at η₀ = 0.01 ORGANIZATION 0.798 → 0.809 against the last
/// weights). The marginals come from forward-backward over the valid transitions, scaled at
/// each position. A step's size grows with its sequence's length, so give sequences of a
/// paragraph, not whole documents: corpus documents of about 600 units a step made training swing
/// from epoch to epoch, and one model came out below the rules alone (`TaggerTraining`'s
/// `corpusSequences` cuts them at line breaks).
/// Single-threaded and seeded: the same sequences and settings give the same model bytes.
public struct CRFTrainer {
    /// Passes over the training sequences.
    public var epochs: Int
    /// The L2 coefficient: how strongly weights are pulled towards zero, against the summed
    /// log-likelihood of all sequences.
    public var l2: Double
    /// The learning rate at the first step, η₀.
    public var learningRate: Double
    /// The seed of the shuffle before each pass.
    public var seed: UInt64
    /// With sources (``train(_:types:bucketCount:sources:progress:)``): the L2 coefficient of
    /// each source's own weights (nil: ``l2``, as the shared ones). A larger one keeps the
    /// sources' tables closer to the shared weights.
    public var sourceL2: Double?

    /// A trainer with the given passes, L2 coefficients, initial rate and shuffle seed.
    public init(epochs: Int = 16, l2: Double = 3, sourceL2: Double? = nil, learningRate: Double = 0.01, seed: UInt64 = 0x5EED) {
        self.epochs = epochs
        self.l2 = l2
        self.sourceL2 = sourceL2
        self.learningRate = learningRate
        self.seed = seed
    }

    /// Trains a model with `types` over `bucketCount` feature buckets; `progress` is called
    /// after each pass with its number and the mean negative log-likelihood of a sequence in it
    /// (each taken before its own step).
    public func train(_ sequences: [TrainingSequence], types: [String], bucketCount: Int,
                      progress: ((Int, Double) -> Void)? = nil) -> SequenceModel {
        train(sequences, types: types, bucketCount: bucketCount, sources: 0, progress: progress)[0]
    }

    /// Trains with "frustratingly easy domain adaptation" (Daumé III 2007) when `sources` > 0:
    /// every feature and transition has a shared weight and one weight per source
    /// (``TrainingSequence/source``, below `sources`), and a sequence is scored and updated by
    /// the shared weight plus its own source's, the source weights under ``sourceL2``. Returns one model per
    /// source, its weights the shared ones plus the source's: what decoding text of that source
    /// needs, at the cost of one model. With `sources` 0, one model of shared weights alone
    /// (``train(_:types:bucketCount:progress:)``).
    public func train(_ sequences: [TrainingSequence], types: [String], bucketCount: Int, sources: Int,
                      progress: ((Int, Double) -> Void)? = nil) -> [SequenceModel] {
        let labelCount = EntityLabels.count(types: types.count)
        let tables = 1 + sources
        // The weights are scale × v: `tables` emission tables (a row of labelCount per bucket; the
        // shared one, then each source's), then as many transition tables ((labelCount + 1) rows
        // of labelCount, the last from the start).
        let tableSize = bucketCount * labelCount, transitionSize = (labelCount + 1) * labelCount
        let transitionBase = tables * tableSize
        var v = [Double](repeating: 0, count: tables * (tableSize + transitionSize))
        precondition(sources == 0 || sequences.allSatisfy { $0.source >= 0 && $0.source < sources }, "a sequence's source is below `sources`")
        // The shared weights are scale × v, the sources' own sourceScale × v (one scale when
        // ``sourceL2`` is nil: the ratio stays 1).
        var scale = 1.0, sourceScale = 1.0
        let decay = l2 / Double(max(1, sequences.count)), sourceDecay = (sourceL2 ?? l2) / Double(max(1, sequences.count))
        /// Whether weight `index` of v is a source's own.
        func isSourceWeight(_ index: Int) -> Bool {
            index >= transitionBase ? index >= transitionBase + transitionSize : index >= tableSize
        }
        let lattice = Lattice(labelCount: labelCount)
        var generator = SplitMix64(seed: seed)
        var order = Array(sequences.indices)
        var step = 0.0
        // With sources: the shared plus the sequence's source's transitions, and their step.
        var combined = [Double](repeating: 0, count: transitionSize), delta = combined
        // The sum of the weights at the end of each pass of the second half, and how many.
        var average = [Double](repeating: 0, count: v.count), averaged = 0
        for epoch in 0..<epochs {
            generator.shuffle(&order)
            var loss = 0.0
            for sequenceIndex in order where !sequences[sequenceIndex].labels.isEmpty {
                let sequence = sequences[sequenceIndex]
                let rate = learningRate / (1 + learningRate * decay * step)
                step += 1
                v.withUnsafeMutableBufferPointer { v in
                    let weights = v.baseAddress!, shared = weights + transitionBase
                    // With sources, each feature also has its row in its source's table.
                    let sourceWeights = sources == 0 ? nil : weights + (1 + sequence.source) * tableSize
                    let own = shared + (1 + sequence.source) * transitionSize
                    let ratio = sourceScale / scale
                    if sources == 0 {
                        loss += lattice.run(sequence, weights: weights, transitions: shared, scale: scale)
                    } else {
                        for index in 0..<transitionSize { combined[index] = shared[index] + own[index] * ratio }
                        loss += lattice.run(sequence, weights: weights, sourceWeights: sourceWeights, sourceRatio: ratio,
                                            transitions: combined, scale: scale)
                    }
                    scale *= 1 - rate * decay
                    if sources > 0 { sourceScale *= 1 - rate * sourceDecay }
                    if scale < 1e-100 || sourceScale < 1e-100 {
                        for index in v.indices { v[index] *= sources > 0 && isSourceWeight(index) ? sourceScale : scale }
                        (scale, sourceScale) = (1, 1)
                    }
                    if sources == 0 {
                        lattice.addGradient(of: sequence, times: rate / scale, weights: weights, transitions: shared)
                    } else {
                        for index in 0..<transitionSize { delta[index] = 0 }
                        delta.withUnsafeMutableBufferPointer { delta in
                            let toSource = scale / sourceScale
                            lattice.addGradient(of: sequence, times: rate / scale, weights: weights, sourceWeights: sourceWeights,
                                                sourceFactor: toSource, transitions: delta.baseAddress!)
                            for index in 0..<transitionSize {
                                shared[index] += delta[index]
                                own[index] += delta[index] * toSource
                            }
                        }
                    }
                }
            }
            progress?(epoch + 1, loss / Double(max(1, sequences.count)))
            if epoch >= epochs / 2 {
                for index in v.indices { average[index] += v[index] * (sources > 0 && isSourceWeight(index) ? sourceScale : scale) }
                averaged += 1
            }
        }
        let weights = average.map { Float($0 / Double(max(1, averaged))) }
        /// Table `table`'s emissions and transitions, plus the shared ones unless it is the shared one.
        func model(_ table: Int) -> SequenceModel {
            var emissions = Array(weights[(table * tableSize)..<((table + 1) * tableSize)])
            let start = transitionBase + table * transitionSize
            var transitions = Array(weights[start..<(start + transitionSize)])
            if table > 0 {
                for index in emissions.indices { emissions[index] += weights[index] }
                for index in transitions.indices { transitions[index] += weights[transitionBase + index] }
            }
            return SequenceModel(types: types, bucketCount: bucketCount, weights: emissions, transitions: transitions)
        }
        return sources == 0 ? [model(0)] : (1...sources).map(model)
    }

    /// One sequence's forward-backward under the current weights, and the gradient step its
    /// marginals give. The buffers grow to the longest sequence and are reused.
    final class Lattice {
        let labelCount: Int
        /// The valid (from, to) label pairs, `from == labelCount` being the start.
        let pairs: [(from: Int, to: Int)]
        /// exp(transition weight) of each pair, and its expected count in the sequence.
        let factors: UnsafeMutablePointer<Double>, pairMarginals: UnsafeMutablePointer<Double>
        /// Position-major, `labelCount` values a position: exp(emission score − the position's
        /// largest), the normalised forward values (after ``run(_:weights:sourceWeights:sourceRatio:transitions:scale:)``,
        /// the label marginals) and the backward values scaled by the same normalisers.
        private(set) var emissions: UnsafeMutablePointer<Double>, alpha: UnsafeMutablePointer<Double>,
                         beta: UnsafeMutablePointer<Double>
        /// Each position's forward normaliser.
        private(set) var normalizers: UnsafeMutablePointer<Double>
        /// The positions the buffers hold.
        private var capacity = 0

        init(labelCount: Int) {
            self.labelCount = labelCount
            var pairs: [(from: Int, to: Int)] = []
            for from in 0...labelCount {
                for to in 0..<labelCount where EntityLabels.allows(from == labelCount ? nil : from, to) { pairs.append((from, to)) }
            }
            self.pairs = pairs
            factors = .allocate(capacity: pairs.count)
            pairMarginals = .allocate(capacity: pairs.count)
            (emissions, alpha, beta, normalizers) = (.allocate(capacity: 0), .allocate(capacity: 0), .allocate(capacity: 0),
                                                     .allocate(capacity: 0))
        }

        deinit {
            for buffer in [factors, pairMarginals, emissions, alpha, beta, normalizers] { buffer.deallocate() }
        }

        /// Makes room for `count` positions.
        private func reserve(_ count: Int) {
            guard count > capacity else { return }
            for buffer in [emissions, alpha, beta, normalizers] { buffer.deallocate() }
            (emissions, alpha, beta) = (.allocate(capacity: count * labelCount), .allocate(capacity: count * labelCount),
                                        .allocate(capacity: count * labelCount))
            normalizers = .allocate(capacity: count)
            capacity = count
        }

        /// Runs forward-backward for `sequence` under `scale ×` the weights (a feature's row in
        /// `weights`, plus `sourceRatio ×` its row in `sourceWeights` if given), leaving each position's label
        /// marginals in `alpha` and the expected count of each pair in `pairMarginals`; returns
        /// −log p(gold labels).
        func run(_ sequence: TrainingSequence, weights: UnsafePointer<Double>, sourceWeights: UnsafePointer<Double>? = nil,
                 sourceRatio: Double = 1, transitions: UnsafePointer<Double>, scale: Double) -> Double {
            let count = sequence.labels.count, labelCount = self.labelCount
            reserve(count)
            let (emissions, alpha, beta, normalizers, factors) = (self.emissions, self.alpha, self.beta, self.normalizers, self.factors)
            for (index, pair) in pairs.enumerated() { factors[index] = exp(transitions[pair.from * labelCount + pair.to] * scale) }
            var goldScore = 0.0, logZ = 0.0
            // Emission scores, each position's largest subtracted before exp (and added to log Z).
            for position in 0..<count {
                let scores = emissions + position * labelCount
                for label in 0..<labelCount { scores[label] = 0 }
                for index in Int(sequence.offsets[position])..<Int(sequence.offsets[position + 1]) {
                    let row = weights + Int(sequence.features[index]) * labelCount
                    for label in 0..<labelCount { scores[label] += row[label] }
                    if let sourceWeights {
                        let row = sourceWeights + Int(sequence.features[index]) * labelCount
                        for label in 0..<labelCount { scores[label] += row[label] * sourceRatio }
                    }
                }
                var largest = -Double.infinity
                for label in 0..<labelCount {
                    scores[label] *= scale
                    largest = max(largest, scores[label])
                }
                let gold = sequence.labels[position], from = position == 0 ? labelCount : sequence.labels[position - 1]
                goldScore += scores[gold] + transitions[from * labelCount + gold] * scale
                for label in 0..<labelCount { scores[label] = exp(scores[label] - largest) }
                logZ += largest
            }
            // Forward, each position normalised to sum 1.
            for position in 0..<count {
                let current = alpha + position * labelCount, previous = current - labelCount
                for label in 0..<labelCount { current[label] = 0 }
                for (index, pair) in pairs.enumerated() {
                    if position == 0 {
                        if pair.from == labelCount { current[pair.to] += factors[index] }
                    } else if pair.from < labelCount {
                        current[pair.to] += previous[pair.from] * factors[index]
                    }
                }
                var sum = 0.0
                for label in 0..<labelCount {
                    current[label] *= emissions[position * labelCount + label]
                    sum += current[label]
                }
                normalizers[position] = sum
                for label in 0..<labelCount { current[label] /= sum }
                logZ += log(sum)
            }
            // Backward, scaled by the next position's normaliser; only labels that may end close the sequence.
            let last = (count - 1) * labelCount
            for label in 0..<labelCount { beta[last + label] = EntityLabels.mayEnd(label) ? 1 : 0 }
            for position in stride(from: count - 2, through: 0, by: -1) {
                let current = beta + position * labelCount, next = current + labelCount
                let nextEmissions = emissions + (position + 1) * labelCount
                for label in 0..<labelCount { current[label] = 0 }
                for (index, pair) in pairs.enumerated() where pair.from < labelCount {
                    current[pair.from] += factors[index] * nextEmissions[pair.to] * next[pair.to]
                }
                for label in 0..<labelCount { current[label] /= normalizers[position + 1] }
            }
            var end = 0.0
            for label in 0..<labelCount where EntityLabels.mayEnd(label) { end += alpha[last + label] }
            logZ += log(end)
            // Pair marginals: alpha(t−1, i) × factor(i, j) × emission(t, j) × beta(t, j) / (normaliser(t) × end).
            for (index, pair) in pairs.enumerated() {
                pairMarginals[index] = pair.from == labelCount ? alpha[pair.to] * beta[pair.to] / end : 0
            }
            for position in 1..<max(1, count) {
                let base = position * labelCount, previous = base - labelCount
                let factor = 1 / (normalizers[position] * end)
                for (index, pair) in pairs.enumerated() where pair.from < labelCount {
                    pairMarginals[index] += alpha[previous + pair.from] * factors[index] * emissions[base + pair.to] * beta[base + pair.to] * factor
                }
            }
            // Label marginals, in alpha.
            for index in 0..<(count * labelCount) { alpha[index] *= beta[index] / end }
            return logZ - goldScore
        }

        /// Adds `rate` × (gold counts − expected counts) of the sequence of the last
        /// ``run(_:weights:sourceWeights:sourceRatio:transitions:scale:)`` to the weights (and
        /// `sourceFactor ×` that to the `sourceWeights` if given).
        func addGradient(of sequence: TrainingSequence, times rate: Double, weights: UnsafeMutablePointer<Double>,
                         sourceWeights: UnsafeMutablePointer<Double>? = nil, sourceFactor: Double = 1,
                         transitions: UnsafeMutablePointer<Double>) {
            let labelCount = self.labelCount
            withUnsafeTemporaryAllocation(of: Double.self, capacity: labelCount) { step in
                for (position, gold) in sequence.labels.enumerated() {
                    let marginals = alpha + position * labelCount
                    for label in 0..<labelCount { step[label] = -rate * marginals[label] }
                    step[gold] += rate
                    for index in Int(sequence.offsets[position])..<Int(sequence.offsets[position + 1]) {
                        let row = weights + Int(sequence.features[index]) * labelCount
                        for label in 0..<labelCount { row[label] += step[label] }
                        if let sourceWeights {
                            let row = sourceWeights + Int(sequence.features[index]) * labelCount
                            for label in 0..<labelCount { row[label] += step[label] * sourceFactor }
                        }
                    }
                    let from = position == 0 ? labelCount : sequence.labels[position - 1]
                    transitions[from * labelCount + gold] += rate
                }
            }
            for (index, pair) in pairs.enumerated() { transitions[pair.from * labelCount + pair.to] -= rate * pairMarginals[index] }
        }
    }
}
