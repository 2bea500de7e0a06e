/// One line of `--input jsonl`: `{"id": <any JSON>, "text": "...", "referenceDate": "YYYY-MM-DD"}`.
struct JSONLRecord {
    /// The id exactly as written (raw JSON), or "null" when absent.
    var rawID: String
    var text: String
    var referenceDate: String?

    /// Why a line could not be read; carries the id when it was readable.
    struct Failure: Error {
        var rawID: String
        var message: String
    }

    /// Parses one line. The id is kept as raw JSON so it is echoed back unchanged.
    static func parse(_ line: ArraySlice<UInt8>) -> Result<JSONLRecord, Failure> {
        var parser = Parser(bytes: line)
        var rawID = "null"
        var text: String?
        var referenceDate: String?
        do {
            parser.skipWhitespace()
            try parser.expect(0x7B)
            parser.skipWhitespace()
            if parser.peek() == 0x7D {
                parser.index += 1
            } else {
                while true {
                    parser.skipWhitespace()
                    let key = try parser.string()
                    parser.skipWhitespace()
                    try parser.expect(0x3A)
                    parser.skipWhitespace()
                    switch key {
                    case "id":
                        let start = parser.index
                        try parser.skipValue()
                        rawID = String(decoding: line[start..<parser.index], as: UTF8.self)
                    case "text":
                        guard parser.peek() == 0x22 else { throw Parser.Problem(message: "\"text\" must be a string") }
                        text = try parser.string()
                    case "referenceDate":
                        if parser.peek() == 0x6E { try parser.skipValue() } else { referenceDate = try parser.string() }
                    default:
                        try parser.skipValue()
                    }
                    parser.skipWhitespace()
                    if parser.peek() == 0x2C { parser.index += 1; continue }
                    try parser.expect(0x7D)
                    break
                }
            }
            parser.skipWhitespace()
            guard parser.index == line.endIndex else { throw Parser.Problem(message: "unexpected data after the JSON object") }
        } catch let problem as Parser.Problem {
            return .failure(Failure(rawID: rawID, message: "invalid JSON: \(problem.message)"))
        } catch {
            return .failure(Failure(rawID: rawID, message: "invalid JSON"))
        }
        guard let text else { return .failure(Failure(rawID: rawID, message: "missing \"text\"")) }
        return .success(JSONLRecord(rawID: rawID, text: text, referenceDate: referenceDate))
    }

    /// A minimal JSON reader: enough to pick out strings and skip any other value.
    private struct Parser {
        let bytes: ArraySlice<UInt8>
        var index: Int

        struct Problem: Error { var message: String }

        init(bytes: ArraySlice<UInt8>) {
            self.bytes = bytes
            index = bytes.startIndex
        }

        func peek() -> UInt8? { index < bytes.endIndex ? bytes[index] : nil }

        mutating func skipWhitespace() {
            while let byte = peek(), byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A { index += 1 }
        }

        mutating func expect(_ byte: UInt8) throws {
            guard peek() == byte else {
                throw Problem(message: "expected '\(Character(Unicode.Scalar(byte)))' at byte \(index - bytes.startIndex)")
            }
            index += 1
        }

        mutating func string() throws -> String {
            try expect(0x22)
            var utf8: [UInt8] = []
            while true {
                guard let byte = peek() else { throw Problem(message: "unterminated string") }
                index += 1
                switch byte {
                case 0x22:
                    guard let text = String(validating: utf8, as: UTF8.self) else {
                        throw Problem(message: "string is not valid UTF-8")
                    }
                    return text
                case 0x5C:
                    guard let escape = peek() else { throw Problem(message: "unterminated escape") }
                    index += 1
                    switch escape {
                    case 0x22, 0x5C, 0x2F: utf8.append(escape)
                    case 0x62: utf8.append(0x08)
                    case 0x66: utf8.append(0x0C)
                    case 0x6E: utf8.append(0x0A)
                    case 0x72: utf8.append(0x0D)
                    case 0x74: utf8.append(0x09)
                    case 0x75:
                        var scalar = try hex4()
                        if (0xD800..<0xDC00).contains(scalar) {
                            guard peek() == 0x5C, index + 1 < bytes.endIndex, bytes[index + 1] == 0x75 else {
                                throw Problem(message: "lone surrogate \\u\(String(scalar, radix: 16)) in string")
                            }
                            index += 2
                            let low = try hex4()
                            guard (0xDC00..<0xE000).contains(low) else {
                                throw Problem(message: "lone surrogate \\u\(String(scalar, radix: 16)) in string")
                            }
                            scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        } else if (0xDC00..<0xE000).contains(scalar) {
                            throw Problem(message: "lone surrogate \\u\(String(scalar, radix: 16)) in string")
                        }
                        utf8.append(contentsOf: String(Character(Unicode.Scalar(scalar)!)).utf8)
                    default:
                        throw Problem(message: "invalid escape in string")
                    }
                case 0..<0x20:
                    throw Problem(message: "control character in string")
                default:
                    // Copy the run up to the next quote, backslash or control character at once.
                    var end = index
                    while end < bytes.endIndex, bytes[end] != 0x22, bytes[end] != 0x5C, bytes[end] >= 0x20 { end += 1 }
                    utf8.append(byte)
                    utf8.append(contentsOf: bytes[index..<end])
                    index = end
                }
            }
        }

        /// JSON's number grammar: -?(0|[1-9][0-9]*)(.[0-9]+)?([eE][+-]?[0-9]+)? (so not +1, 01 or .5,
        /// which would be echoed back as invalid JSON).
        static func isJSONNumber(_ bytes: ArraySlice<UInt8>) -> Bool {
            var index = bytes.startIndex
            func digits() -> Int {
                let start = index
                while index < bytes.endIndex, (0x30...0x39).contains(bytes[index]) { index += 1 }
                return index - start
            }
            if index < bytes.endIndex, bytes[index] == 0x2D { index += 1 }
            guard index < bytes.endIndex else { return false }
            if bytes[index] == 0x30 { index += 1 } else if digits() == 0 { return false }
            if index < bytes.endIndex, bytes[index] == 0x2E {
                index += 1
                guard digits() > 0 else { return false }
            }
            if index < bytes.endIndex, bytes[index] == 0x65 || bytes[index] == 0x45 {
                index += 1
                if index < bytes.endIndex, bytes[index] == 0x2B || bytes[index] == 0x2D { index += 1 }
                guard digits() > 0 else { return false }
            }
            return index == bytes.endIndex
        }

        private mutating func hex4() throws -> UInt32 {
            var value: UInt32 = 0
            for _ in 0..<4 {
                guard let byte = peek() else { throw Problem(message: "short \\u escape") }
                index += 1
                let digit: UInt32
                switch byte {
                case 0x30...0x39: digit = UInt32(byte - 0x30)
                case 0x41...0x46: digit = UInt32(byte - 0x41 + 10)
                case 0x61...0x66: digit = UInt32(byte - 0x61 + 10)
                default: throw Problem(message: "bad \\u escape")
                }
                value = value << 4 | digit
            }
            return value
        }

        /// Skips one value. Nesting is limited, so a hostile line cannot exhaust the stack.
        mutating func skipValue(depth: Int = 0) throws {
            guard depth < 256 else { throw Problem(message: "values nested more than 256 deep") }
            guard let byte = peek() else { throw Problem(message: "missing value") }
            switch byte {
            case 0x22:
                _ = try string()
            case 0x7B, 0x5B:
                let close: UInt8 = byte == 0x7B ? 0x7D : 0x5D
                index += 1
                skipWhitespace()
                if peek() == close { index += 1; return }
                while true {
                    skipWhitespace()
                    if byte == 0x7B {
                        _ = try string()
                        skipWhitespace()
                        try expect(0x3A)
                        skipWhitespace()
                    }
                    try skipValue(depth: depth + 1)
                    skipWhitespace()
                    if peek() == 0x2C { index += 1; continue }
                    try expect(close)
                    return
                }
            default:
                let start = index
                while let next = peek(), !(next == 0x2C || next == 0x7D || next == 0x5D || next == 0x20
                                           || next == 0x09 || next == 0x0A || next == 0x0D) {
                    index += 1
                }
                let literal = bytes[start..<index]
                guard literal.elementsEqual("true".utf8) || literal.elementsEqual("false".utf8)
                        || literal.elementsEqual("null".utf8) || Self.isJSONNumber(literal) else {
                    throw Problem(message: "invalid value \"\(String(decoding: literal.prefix(20), as: UTF8.self))\"")
                }
            }
        }
    }
}
