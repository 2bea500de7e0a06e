import CICU

/// A text and its UTF-16 code units, converted once and shared by every stage that needs
/// code-unit access (ICU's break iterator, the gazetteer matcher, the date scanner), with the
/// conversions from UTF-16 offsets back to String indices and scalar and UTF-8 offsets.
public struct UTF16Text: Sendable {
    /// The original text.
    public let text: String
    /// The text's UTF-16 code units.
    public let units: [UInt16]
    /// Whether the text has characters outside the Basic Multilingual Plane (emoji, for example),
    /// so that UTF-16 offsets differ from scalar offsets.
    public let hasSurrogates: Bool

    /// Converts `text` to UTF-16.
    public init(_ text: String) {
        var text = text
        text.makeContiguousUTF8()
        let units: [UInt16] = text.utf8.withContiguousStorageIfAvailable { bytes in
            let length = Int32(clamping: bytes.count)
            return [UInt16](unsafeUninitializedCapacity: bytes.count) { buffer, count in
                var status: Int32 = 0
                let converted = bytes.withMemoryRebound(to: CChar.self) { utf8 in
                    cicu_utf8_to_utf16(utf8.baseAddress, length, buffer.baseAddress, Int32(buffer.count), &status)
                }
                // A Swift String always holds valid UTF-8, so ICU cannot fail here.
                count = max(0, Int(converted))
            }
        } ?? Array(text.utf16)
        self.text = text
        self.units = units
        // One pass without early exit, which the compiler vectorises: surrogates are rare.
        self.hasSurrogates = units.withUnsafeBufferPointer { units in
            var found: UInt16 = 0
            for unit in units { found |= (unit & 0xF800) ^ 0xD800 == 0 ? 1 : 0 }
            return found != 0
        }
    }

    /// Offsets of one position in the four ways a caller may count it.
    public struct Position: Sendable, Hashable {
        /// Offset in UTF-16 code units.
        public var utf16: Int
        /// Offset in Unicode scalars.
        public var scalar: Int
        /// Offset in UTF-8 bytes.
        public var utf8: Int

        /// Creates a position from its three offsets.
        public init(utf16: Int, scalar: Int, utf8: Int) {
            self.utf16 = utf16
            self.scalar = scalar
            self.utf8 = utf8
        }
    }

    /// Converts UTF-16 offsets to full positions. Walking forward from the last answer is cheap,
    /// so callers should ask for offsets in increasing order; asking for an earlier offset
    /// restarts the walk from the beginning.
    public struct PositionCursor {
        private let units: [UInt16]
        private var current = Position(utf16: 0, scalar: 0, utf8: 0)

        /// Creates a cursor at the start of `text`.
        public init(_ text: UTF16Text) { units = text.units }

        /// Moves the cursor forward to a position already known (a token's start, say), so that
        /// the next answer walks from there; a position behind the cursor is ignored.
        public mutating func advance(to known: Position) {
            if known.utf16 > current.utf16 { current = known }
        }

        /// The position at UTF-16 offset `utf16` (which must not split a surrogate pair).
        public mutating func position(at utf16: Int) -> Position {
            if utf16 < current.utf16 { current = Position(utf16: 0, scalar: 0, utf8: 0) }
            var scalar = current.scalar
            var utf8 = current.utf8
            var index = current.utf16
            units.withUnsafeBufferPointer { units in
                while index < utf16 {
                    // Without branches on the unit's size: Thai text mixes one- and three-byte
                    // characters too irregularly for a branch predictor.
                    let unit = units[index]
                    utf8 &+= 1 &+ (unit >= 0x80 ? 1 : 0) &+ (unit >= 0x800 ? 1 : 0)
                    scalar &+= 1
                    if unit & 0xF800 == 0xD800 {
                        // A surrogate pair is one scalar of four bytes: three and one more for
                        // the high surrogate, none for the low one.
                        if unit < 0xDC00 { utf8 &+= 1 } else { utf8 &-= 3; scalar &-= 1 }
                    }
                    index &+= 1
                }
            }
            current = Position(utf16: utf16, scalar: scalar, utf8: utf8)
            return current
        }
    }

    /// A String from UTF-16 code units, lone surrogates becoming U+FFFD. ICU converts Thai
    /// several times faster than the standard library's transcoding.
    public static func string(from units: UnsafeBufferPointer<UInt16>) -> String {
        guard let base = units.baseAddress, !units.isEmpty else { return "" }
        return String(unsafeUninitializedCapacity: units.count * 3) { utf8 in
            utf8.withMemoryRebound(to: CChar.self) {
                Int(cicu_utf16_to_utf8(base, Int32(units.count), $0.baseAddress, Int32($0.count)))
            }
        }
    }

    /// The String index at a UTF-8 offset (constant time on native strings).
    public func index(atUTF8Offset offset: Int) -> String.Index {
        text.utf8.index(text.utf8.startIndex, offsetBy: offset)
    }
}
