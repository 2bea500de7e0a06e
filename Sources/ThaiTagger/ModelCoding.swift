// The model's file format (little-endian):
//
//     "THTG" version:u32=3 variantCount:u32
//     variantCount × variant:
//       (length:u8, UTF-8 bytes)     the span convention the variant follows, "" for any
//       bucketCount:u32 typeCount:u32
//       typeCount × (length:u8, UTF-8 bytes)
//       scale:f32                    emission weight = Int8 value × scale
//       bitmap: ceil(bucketCount / 8) bytes, bit b set when bucket b has a nonzero weight
//       for each set bucket: labelCount × i8
//       transitions: (labelCount + 1) × labelCount × f32
//
// labelCount is 1 + 4 × typeCount (BILOU labels, ``EntityLabels``). Version 2 held one model
// and version 1 had BIO labels and 16-bit weights; both are refused with a message that says to
// retrain.
//
// Quantising to 8 bits (one scale for the whole table) scored as 16 bits did in 5-fold
// cross-validation on ThaiNER train; empty buckets cost one bit.

/// Why a model could not be read.
public enum ModelCodingError: Error, CustomStringConvertible {
    /// The bytes are not a model in the documented format.
    case malformed(String)
    /// The model file at this path could not be read.
    case unreadable(String)
    /// The model has no variant for this span convention.
    case noVariant(String, available: [String])
    /// A sentence for error messages.
    public var description: String {
        switch self {
        case .malformed(let message): "malformed tagger model: \(message)"
        case .unreadable(let path): "cannot read the tagger model \(path)"
        case .noVariant(let convention, let available):
            "the tagger model has no variant for the \(convention) span convention (it has \(available.joined(separator: ", ")))"
        }
    }
}

/// What a model file holds: the models of one training run, each with the span convention it
/// follows. A run that adapted to its training sources (``CRFTrainer/train(_:types:bucketCount:sources:progress:)``)
/// gives one per source's convention, all sharing most of their weights; any other gives one
/// model for every convention, named "".
public struct TaggerModels: Sendable {
    /// The models in file order, each with its span convention ("" for any).
    public let variants: [(convention: String, model: SequenceModel)]

    /// The given variants; conventions are at most 255 UTF-8 bytes and distinct.
    public init(_ variants: [(convention: String, model: SequenceModel)]) {
        precondition(Set(variants.map(\.convention)).count == variants.count && variants.allSatisfy { $0.convention.utf8.count < 256 })
        self.variants = variants
    }

    /// One model for every span convention.
    public init(_ model: SequenceModel) { self.init([("", model)]) }

    /// The model for `convention`: its own variant, else the one for any convention.
    public func model(for convention: String) throws -> SequenceModel {
        if let own = variants.first(where: { $0.convention == convention }) ?? variants.first(where: { $0.convention.isEmpty }) {
            return own.model
        }
        throw ModelCodingError.noVariant(convention, available: variants.map(\.convention))
    }

    /// The version of the file format this build writes and reads.
    public static let formatVersion: UInt32 = 3

    /// The models in the file format, after quantisation.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = Array("THTG".utf8)
        withUnsafeBytes(of: Self.formatVersion.littleEndian) { bytes += $0 }
        withUnsafeBytes(of: UInt32(variants.count).littleEndian) { bytes += $0 }
        for (convention, model) in variants {
            bytes.append(UInt8(convention.utf8.count))
            bytes += convention.utf8
            model.serialize(into: &bytes)
        }
        return bytes
    }

    /// Reads the file format: every variant's table.
    public init(serialized bytes: [UInt8]) throws {
        var variants: [(convention: String, model: SequenceModel)] = []
        try Self.forEachVariant(in: bytes) { convention, reader in
            variants.append((convention, try SequenceModel(reading: &reader)))
        }
        self.variants = variants
    }

    /// The model for `convention` in the file format, as `TaggerModels(serialized: bytes).model(for:)`
    /// gives it (its own variant, else the one for any convention), with only that variant's
    /// table decoded: the others are checked for their sizes and skipped. An annotator follows
    /// one span convention, so this is what it reads: half the work and memory of reading both.
    public static func model(for convention: String, serialized bytes: [UInt8]) throws -> SequenceModel {
        var own: Int?, any: Int?
        var conventions: [String] = []
        try forEachVariant(in: bytes) { variant, reader in
            if variant == convention { own = reader.position } else if variant.isEmpty { any = reader.position }
            conventions.append(variant)
            try SequenceModel.skip(reading: &reader)
        }
        guard let position = own ?? any else { throw ModelCodingError.noVariant(convention, available: conventions) }
        var reader = ModelReader(bytes: bytes, position: position)
        return try SequenceModel(reading: &reader)
    }

    /// Checks the file format's header, then calls `body` with each variant's convention and a
    /// reader at its table, which `body` must read or skip; then checks that nothing follows.
    private static func forEachVariant(in bytes: [UInt8], _ body: (String, inout ModelReader) throws -> Void) throws {
        var reader = ModelReader(bytes: bytes)
        guard try bytes[reader.take(4)].elementsEqual("THTG".utf8) else { throw ModelCodingError.malformed("bad magic") }
        let version = try reader.u32()
        guard version == Self.formatVersion else {
            let retrain = "this build reads version \(Self.formatVersion) (a model per span convention): retrain the model with `thai-annotate train`"
            let message = switch version {
            case 1: "format version 1 (BIO labels, 16-bit weights) is no longer read; \(retrain)"
            case 2: "format version 2 (one model for both span conventions) is no longer read; \(retrain)"
            default: "unknown format version \(version) (this build reads version \(Self.formatVersion))"
            }
            throw ModelCodingError.malformed(message)
        }
        let count = Int(try reader.u32())
        guard count > 0, count <= 16 else { throw ModelCodingError.malformed("bad variant count") }
        var conventions: Set<String> = []
        for _ in 0..<count {
            let convention = try reader.string()
            guard conventions.insert(convention).inserted else { throw ModelCodingError.malformed("repeated variant") }
            try body(convention, &reader)
        }
        guard reader.position == bytes.count else { throw ModelCodingError.malformed("trailing bytes") }
    }
}

/// Reads the file format's values in order.
struct ModelReader {
    let bytes: [UInt8]
    var position = 0

    mutating func take(_ count: Int) throws -> Range<Int> {
        guard count >= 0, position + count <= bytes.count else { throw ModelCodingError.malformed("truncated") }
        defer { position += count }
        return position..<(position + count)
    }

    mutating func u32() throws -> UInt32 {
        let range = try take(4)
        return bytes[range].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
    }

    /// A string of at most 255 UTF-8 bytes, after its length.
    mutating func string() throws -> String {
        let length = Int(bytes[try take(1)].first!)
        return String(decoding: bytes[try take(length)], as: UTF8.self)
    }
}

extension SequenceModel {
    /// Appends the model, quantised, in the file format of a variant after its convention.
    func serialize(into bytes: inout [UInt8]) {
        func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func f32(_ value: Float) { u32(value.bitPattern) }
        u32(UInt32(bucketCount)); u32(UInt32(types.count))
        for type in types { bytes.append(UInt8(type.utf8.count)); bytes += type.utf8 }
        f32(scale)
        let labelCount = self.labelCount
        var bitmap = [UInt8](repeating: 0, count: (bucketCount + 7) / 8)
        var values: [UInt8] = []
        for bucket in 0..<bucketCount where rows[bucket] != .zero {
            bitmap[bucket / 8] |= 1 << UInt8(bucket % 8)
            for label in 0..<labelCount { values.append(UInt8(bitPattern: rows[bucket][label])) }
        }
        bytes += bitmap
        bytes += values
        for value in transitions { f32(value) }
    }

    /// Reads a variant's sizes and types after its convention.
    private static func header(reading reader: inout ModelReader) throws -> (bucketCount: Int, types: [String]) {
        let bucketCount = Int(try reader.u32())
        let typeCount = Int(try reader.u32())
        guard bucketCount > 0, bucketCount <= 1 << 26, typeCount > 0, typeCount <= EntityLabels.maximumTypes else {
            throw ModelCodingError.malformed("bad sizes")
        }
        var types: [String] = []
        for _ in 0..<typeCount { types.append(try reader.string()) }
        return (bucketCount, types)
    }

    /// Moves past a variant's model after its convention, decoding only its sizes and bitmap.
    static func skip(reading reader: inout ModelReader) throws {
        let (bucketCount, types) = try header(reading: &reader)
        let labelCount = EntityLabels.count(types: types.count)
        _ = try reader.u32()  // scale
        let bitmap = try reader.take((bucketCount + 7) / 8)
        // The set buckets below bucketCount (the reader ignores any bit past it).
        var setBuckets = 0
        for (offset, byte) in reader.bytes[bitmap].enumerated() {
            let valid = bucketCount - 8 * offset
            setBuckets += (valid >= 8 ? byte : byte & UInt8(truncatingIfNeeded: (1 << valid) - 1)).nonzeroBitCount
        }
        _ = try reader.take(setBuckets * labelCount)
        _ = try reader.take(4 * (labelCount + 1) * labelCount)
    }

    /// Reads a variant's model after its convention.
    init(reading reader: inout ModelReader) throws {
        let (bucketCount, types) = try Self.header(reading: &reader)
        let labelCount = EntityLabels.count(types: types.count)
        let scale = Float(bitPattern: try reader.u32())
        let bitmap = try reader.take((bucketCount + 7) / 8)
        var rows = [Row](repeating: .zero, count: bucketCount)
        let bytes = reader.bytes
        try bytes.withUnsafeBufferPointer { buffer in
            for bucket in 0..<bucketCount where buffer[bitmap.lowerBound + bucket / 8] & (1 << UInt8(bucket % 8)) != 0 {
                let row = try reader.take(labelCount)
                for label in 0..<labelCount { rows[bucket][label] = Int8(bitPattern: buffer[row.lowerBound + label]) }
            }
        }
        var transitions: [Float] = []
        for _ in 0..<((labelCount + 1) * labelCount) { transitions.append(Float(bitPattern: try reader.u32())) }
        self.init(types: types, bucketCount: bucketCount, rows: rows, scale: scale, transitions: transitions)
    }
}

/// Base64 (RFC 4648, with padding), for models embedded as text. Line breaks are skipped.
public enum Base64 {
    static let alphabet = Array("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/".utf8)

    /// The bytes as base64 text in lines of `lineLength` characters, ending with a line break.
    public static func encode(_ bytes: [UInt8], lineLength: Int = 76) -> String {
        var out: [UInt8] = []
        out.reserveCapacity(bytes.count * 4 / 3 + bytes.count / 50 + 4)
        var column = 0
        var index = 0
        while index < bytes.count {
            let b0 = bytes[index], b1 = index + 1 < bytes.count ? bytes[index + 1] : 0, b2 = index + 2 < bytes.count ? bytes[index + 2] : 0
            out.append(alphabet[Int(b0 >> 2)])
            out.append(alphabet[Int((b0 & 3) << 4 | b1 >> 4)])
            out.append(index + 1 < bytes.count ? alphabet[Int((b1 & 15) << 2 | b2 >> 6)] : 0x3D)
            out.append(index + 2 < bytes.count ? alphabet[Int(b2 & 63)] : 0x3D)
            index += 3
            column += 4
            if column >= lineLength, index < bytes.count { out.append(0x0A); column = 0 }
        }
        out.append(0x0A)
        return String(decoding: out, as: UTF8.self)
    }

    /// The bytes of base64 text (line breaks and padding skipped), or nil if it is not base64.
    public static func decode(_ text: String) -> [UInt8]? {
        var text = text
        return text.withUTF8 { decode($0) }
    }

    /// The bytes of base64 text given as UTF-8, or nil if it is not base64.
    public static func decode<S: Sequence<UInt8>>(_ text: S) -> [UInt8]? {
        if let result = text.withContiguousStorageIfAvailable({ decode(buffer: $0) }) { return result }
        return Array(text).withUnsafeBufferPointer { decode(buffer: $0) }
    }

    /// Each byte's value in the alphabet, or -1.
    static let values: [Int8] = {
        var table = [Int8](repeating: -1, count: 256)
        for (value, unit) in alphabet.enumerated() { table[Int(unit)] = Int8(value) }
        return table
    }()

    static func decode(buffer text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var valid = true
        let out = [UInt8](unsafeUninitializedCapacity: text.count / 4 * 3 + 3) { out, written in
            Self.values.withUnsafeBufferPointer { table in
                var accumulator: UInt32 = 0
                var bits = 0
                var index = 0
                while index < text.count {
                    // Four alphabet characters on a group boundary are three bytes (the bulk of
                    // the text: the lines are whole groups).
                    if bits == 0, index + 4 <= text.count {
                        let a = table[Int(text[index])], b = table[Int(text[index + 1])]
                        let c = table[Int(text[index + 2])], d = table[Int(text[index + 3])]
                        if a | b | c | d >= 0 {
                            let group = UInt32(a) << 18 | UInt32(b) << 12 | UInt32(c) << 6 | UInt32(d)
                            out[written] = UInt8(truncatingIfNeeded: group >> 16)
                            out[written + 1] = UInt8(truncatingIfNeeded: group >> 8)
                            out[written + 2] = UInt8(truncatingIfNeeded: group)
                            written += 3
                            index += 4
                            continue
                        }
                    }
                    let unit = text[index]
                    index += 1
                    if unit == 0x0A || unit == 0x0D || unit == 0x20 || unit == 0x3D { continue }
                    let value = table[Int(unit)]
                    guard value >= 0 else { valid = false; return }
                    accumulator = accumulator << 6 | UInt32(value)
                    bits += 6
                    if bits >= 8 {
                        bits -= 8
                        out[written] = UInt8(truncatingIfNeeded: accumulator >> UInt32(bits))
                        written += 1
                    }
                }
            }
        }
        return valid ? out : nil
    }
}
