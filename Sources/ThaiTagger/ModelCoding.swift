/// The model's file format (little-endian):
///
///     "THTG" version:u32=1 bucketCount:u32 typeCount:u32
///     typeCount × (length:u8, UTF-8 bytes)
///     scale:f32                      emission weight = Int16 value × scale
///     bitmap: ceil(bucketCount / 8) bytes, bit b set when bucket b has a nonzero weight
///     for each set bucket: labelCount × i16
///     transitions: (labelCount + 1) × labelCount × f32
///
/// Quantising to 16 bits keeps the weights' order of magnitude (perceptron weights are small
/// integers averaged) and halves the size; empty buckets cost one bit.
/// Why a model could not be read.
public enum ModelCodingError: Error, CustomStringConvertible {
    /// The bytes are not a model in the documented format.
    case malformed(String)
    /// The model file at this path could not be read.
    case unreadable(String)
    /// A sentence for error messages.
    public var description: String {
        switch self {
        case .malformed(let message): "malformed tagger model: \(message)"
        case .unreadable(let path): "cannot read the tagger model \(path)"
        }
    }
}

extension SequenceModel {
    /// The model in its file format, after quantisation.
    public func serialized() -> [UInt8] {
        var bytes: [UInt8] = Array("THTG".utf8)
        func u32(_ value: UInt32) { withUnsafeBytes(of: value.littleEndian) { bytes += $0 } }
        func f32(_ value: Float) { u32(value.bitPattern) }
        u32(1); u32(UInt32(bucketCount)); u32(UInt32(types.count))
        for type in types { bytes.append(UInt8(type.utf8.count)); bytes += type.utf8 }
        f32(scale)
        let labelCount = self.labelCount
        var bitmap = [UInt8](repeating: 0, count: (bucketCount + 7) / 8)
        var values: [UInt8] = []
        for bucket in 0..<bucketCount where rows[bucket] != .zero {
            bitmap[bucket / 8] |= 1 << UInt8(bucket % 8)
            for label in 0..<labelCount { withUnsafeBytes(of: rows[bucket][label].littleEndian) { values += $0 } }
        }
        bytes += bitmap
        bytes += values
        for value in transitions { f32(value) }
        return bytes
    }

    /// Reads the file format.
    public init(serialized bytes: [UInt8]) throws {
        var position = 0
        func take(_ count: Int) throws -> Range<Int> {
            guard position + count <= bytes.count else { throw ModelCodingError.malformed("truncated") }
            defer { position += count }
            return position..<(position + count)
        }
        func u32() throws -> UInt32 {
            let range = try take(4)
            return bytes[range].reversed().reduce(UInt32(0)) { $0 << 8 | UInt32($1) }
        }
        guard try bytes[take(4)].elementsEqual("THTG".utf8) else { throw ModelCodingError.malformed("bad magic") }
        guard try u32() == 1 else { throw ModelCodingError.malformed("unknown version") }
        let bucketCount = Int(try u32())
        let typeCount = Int(try u32())
        guard bucketCount > 0, bucketCount <= 1 << 26, typeCount > 0, typeCount <= 3 else {
            throw ModelCodingError.malformed("bad sizes")
        }
        var types: [String] = []
        for _ in 0..<typeCount {
            let length = Int(bytes[try take(1)].first!)
            types.append(String(decoding: bytes[try take(length)], as: UTF8.self))
        }
        let labelCount = 2 * typeCount + 1
        let scale = Float(bitPattern: try u32())
        let bitmap = try take((bucketCount + 7) / 8)
        var rows = [SIMD8<Int16>](repeating: .zero, count: bucketCount)
        try bytes.withUnsafeBufferPointer { buffer in
            for bucket in 0..<bucketCount where buffer[bitmap.lowerBound + bucket / 8] & (1 << UInt8(bucket % 8)) != 0 {
                let row = try take(2 * labelCount)
                for label in 0..<labelCount {
                    let low = UInt16(buffer[row.lowerBound + 2 * label]), high = UInt16(buffer[row.lowerBound + 2 * label + 1])
                    rows[bucket][label] = Int16(bitPattern: low | high << 8)
                }
            }
        }
        var transitions: [Float] = []
        for _ in 0..<((labelCount + 1) * labelCount) { transitions.append(Float(bitPattern: try u32())) }
        guard position == bytes.count else { throw ModelCodingError.malformed("trailing bytes") }
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

    static func decode(buffer text: UnsafeBufferPointer<UInt8>) -> [UInt8]? {
        var table = [Int8](repeating: -1, count: 256)
        for (value, unit) in alphabet.enumerated() { table[Int(unit)] = Int8(value) }
        var out: [UInt8] = []
        out.reserveCapacity(text.count * 3 / 4)
        var accumulator: UInt32 = 0
        var bits = 0
        for unit in text {
            if unit == 0x0A || unit == 0x0D || unit == 0x20 || unit == 0x3D { continue }
            let value = table[Int(unit)]
            guard value >= 0 else { return nil }
            accumulator = accumulator << 6 | UInt32(value)
            bits += 6
            if bits >= 8 {
                bits -= 8
                out.append(UInt8(truncatingIfNeeded: accumulator >> UInt32(bits)))
            }
        }
        return out
    }
}
