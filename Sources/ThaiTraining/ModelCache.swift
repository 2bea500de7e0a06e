import Foundation
import ThaiAnnotator

/// A folder of trained models, each filed under a fingerprint of what its training read: the
/// training sequences (features, labels, sources), the recipe and the learner's settings (not
/// the learner's code: clear the folder after changing it).
/// A cross-validation given one trains each fold's model once; later runs read it back, so an
/// experiment with the steps after decoding takes seconds instead of minutes. A change to the
/// features or the training data changes the sequences and so the fingerprint: such a run
/// trains afresh. The folder is never emptied; delete it to reclaim the space.
///
/// ```swift
/// var training = TaggerTraining()
/// training.modelCache = ModelCache(folder: "/tmp/fold-models")
/// let result = try CrossValidation(lines, k: 5, training: training)
/// ```
public struct ModelCache: Sendable {
    /// The folder the models are filed in (created when the first model is stored).
    public var folder: String

    /// A cache in `folder`.
    public init(folder: String) {
        self.folder = folder
    }

    /// The models filed under `fingerprint`, or nil when there are none (or they cannot be read).
    func models(_ fingerprint: UInt64) -> TaggerModels? {
        guard let data = FileManager.default.contents(atPath: path(fingerprint)) else { return nil }
        return try? TaggerModels(serialized: [UInt8](data))
    }

    /// Files `models` under `fingerprint`, written to a temporary file and then renamed, so that a
    /// reader never sees half a model.
    func store(_ models: TaggerModels, _ fingerprint: UInt64) throws {
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        let temporary = path(fingerprint) + ".\(ProcessInfo.processInfo.processIdentifier).partial"
        try Data(models.serialized()).write(to: URL(fileURLWithPath: temporary))
        guard rename(temporary, path(fingerprint)) == 0 else {
            try? FileManager.default.removeItem(atPath: temporary)
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path(fingerprint)])
        }
    }

    /// The file of `fingerprint`.
    private func path(_ fingerprint: UInt64) -> String {
        folder + "/model-" + String(fingerprint, radix: 16) + ".thtg"
    }

    /// A fingerprint of the training sequences `parts` with the settings in `settings` (each word
    /// added, multiplied by the golden ratio and its high bits folded down).
    static func fingerprint(_ parts: [[TrainingSequence]], settings: String) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        func mix(_ word: UInt64) {
            hash = (hash &+ word) &* 0x9E37_79B9_7F4A_7C15
            hash ^= hash >> 29
        }
        for (part, sequences) in parts.enumerated() {
            mix(UInt64(part) << 48 | UInt64(sequences.count))
            for sequence in sequences { add(sequence, to: mix) }
        }
        for byte in settings.utf8 { mix(UInt64(byte)) }
        return hash
    }

    /// Adds one sequence's words to a fingerprint through `mix`.
    private static func add(_ sequence: TrainingSequence, to mix: (UInt64) -> Void) {
        mix(UInt64(sequence.features.count) << 32 | UInt64(sequence.labels.count))
        mix(UInt64(sequence.source))
        for feature in sequence.features { mix(UInt64(UInt32(bitPattern: feature))) }
        for offset in sequence.offsets { mix(UInt64(UInt32(bitPattern: offset))) }
        for label in sequence.labels { mix(UInt64(label)) }
    }
}
