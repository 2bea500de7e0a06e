import CICU
import Synchronization

/// Cuts text into typed tokens with ICU's word break iterator and its Thai dictionary.
///
/// One segmenter can be shared by many threads: it keeps a pool of ICU iterators and lends one
/// to each call, so no iterator is opened per call and no two threads ever share one.
public final class WordSegmenter: Sendable {
    private let prototype: Iterator
    private let pool = Mutex<[Iterator]>([])

    /// An owned ICU break iterator.
    private final class Iterator: @unchecked Sendable {
        let handle: OpaquePointer
        init(handle: OpaquePointer) { self.handle = handle }
        deinit { cicu_word_iterator_close(handle) }
    }

    /// Opens ICU's word break iterator for Thai.
    public init() throws {
        var status: Int32 = 0
        guard let handle = cicu_word_iterator_open(&status) else {
            throw SegmentationError(operation: "open a Thai word break iterator", icuErrorCode: status)
        }
        prototype = Iterator(handle: handle)
    }

    /// The version of the ICU library doing the work, e.g. "72.1".
    public static var icuVersion: String { String(cString: cicu_version()) }

    /// The benchmark baseline: ICU's own UTF-8 → UTF-16 conversion and a bare `ubrk_next` loop
    /// in C over the same text, counting boundaries and producing nothing else.
    public func bareICUBoundaryCount(utf8 text: String) -> Int {
        var text = text
        text.makeContiguousUTF8()
        let iterator = borrowIterator()
        defer { pool.withLock { $0.append(iterator) } }
        var status: Int32 = 0
        return text.utf8.withContiguousStorageIfAvailable { bytes in
            bytes.withMemoryRebound(to: CChar.self) {
                Int(cicu_bare_word_loop(iterator.handle, $0.baseAddress, Int32(clamping: $0.count), &status))
            }
        } ?? 0
    }

    /// Cuts `text` into tokens that tile it exactly.
    public func tokens(in text: String) -> [Token] {
        tokens(in: UTF16Text(text))
    }

    /// Cuts an already converted text into tokens that tile it exactly.
    public func tokens(in text: UTF16Text) -> [Token] {
        var (boundaries, statuses) = wordBoundaries(text.units)
        if Self.containsInvisibleBreak(text.units) {
            (boundaries, statuses) = Self.breakingAroundInvisibles(text.units, boundaries, statuses)
        }
        var cursor = UTF16Text.PositionCursor(text)
        var start = cursor.position(at: 0)
        var startIndex = text.text.startIndex
        // Written in place through unsafe buffers: a document has thousands of tokens, and
        // appending checks capacity and bounds for each.
        return [Token](unsafeUninitializedCapacity: boundaries.count) { tokens, count in
            text.units.withUnsafeBufferPointer { units in
                boundaries.withUnsafeBufferPointer { boundaries in
                    statuses.withUnsafeBufferPointer { statuses in
                        for index in 0..<boundaries.count {
                            let end = cursor.position(at: Int(boundaries[index]))
                            let endIndex = text.index(atUTF8Offset: end.utf8)
                            (tokens.baseAddress! + index).initialize(to: Token(
                                kind: Self.kind(of: units[start.utf16..<end.utf16], ruleStatus: statuses[index]),
                                range: startIndex..<endIndex,
                                scalarOffsets: start.scalar..<end.scalar,
                                utf8Offsets: start.utf8..<end.utf8,
                                utf16Offsets: start.utf16..<end.utf16))
                            start = end
                            startIndex = endIndex
                        }
                    }
                }
            }
            count = boundaries.count
        }
    }

    /// ICU keeps U+FEFF inside a word (a format character, UAX #29 WB4: ว่า\u{FEFF}นาย). The
    /// boundaries with U+FEFF and U+200B as segments of their own (rule status 0, none), the
    /// word around them cut there.
    static func breakingAroundInvisibles(_ units: [UInt16], _ boundaries: [Int32],
                                         _ statuses: [Int32]) -> (boundaries: [Int32], statuses: [Int32]) {
        var newBoundaries: [Int32] = [], newStatuses: [Int32] = []
        newBoundaries.reserveCapacity(boundaries.count + 8)
        newStatuses.reserveCapacity(boundaries.count + 8)
        var start: Int32 = 0
        for (boundary, status) in zip(boundaries, statuses) {
            for position in start..<boundary where CharacterClass.isInvisibleBreak(units[Int(position)]) {
                if position > (newBoundaries.last ?? 0) {
                    newBoundaries.append(position)
                    newStatuses.append(status)
                }
                newBoundaries.append(position + 1)
                newStatuses.append(0)
            }
            if boundary > (newBoundaries.last ?? 0) {
                newBoundaries.append(boundary)
                newStatuses.append(status)
            }
            start = boundary
        }
        return (newBoundaries, newStatuses)
    }

    /// Whether `units` has a U+FEFF or U+200B: one pass without early exit, which the compiler
    /// vectorises, since almost no text has one.
    static func containsInvisibleBreak(_ units: [UInt16]) -> Bool {
        units.withUnsafeBufferPointer { units in
            var found: UInt8 = 0
            for unit in units { found |= (unit == 0xFEFF ? 1 : 0) | (unit == 0x200B ? 1 : 0) }
            return found != 0
        }
    }

    /// Every word boundary after the start of `units`, with ICU's rule status for the segment
    /// ending there.
    private func wordBoundaries(_ units: [UInt16]) -> (boundaries: [Int32], statuses: [Int32]) {
        guard !units.isEmpty else { return ([], []) }
        let iterator = borrowIterator()
        defer { pool.withLock { $0.append(iterator) } }
        // A word is rarely shorter than two code units; grow once if the guess is short.
        var capacity = units.count / 2 + 16
        while true {
            var count: Int32 = 0
            var statuses: [Int32] = []
            let boundaries = [Int32](unsafeUninitializedCapacity: capacity) { boundaries, boundaryCount in
                statuses = [Int32](unsafeUninitializedCapacity: capacity) { statuses, statusCount in
                    var status: Int32 = 0
                    count = units.withUnsafeBufferPointer { text in
                        cicu_word_boundaries(iterator.handle, text.baseAddress, Int32(text.count),
                                             boundaries.baseAddress, statuses.baseAddress, Int32(capacity), &status)
                    }
                    statusCount = min(max(0, Int(count)), capacity)
                }
                boundaryCount = min(max(0, Int(count)), capacity)
            }
            // ICU cannot fail on valid UTF-16 with an open iterator; treat the text as one token if it does.
            if count < 0 { return ([Int32(units.count)], [0]) }
            if Int(count) <= capacity { return (boundaries, statuses) }
            capacity = Int(count)
        }
    }

    private func borrowIterator() -> Iterator {
        if let pooled = pool.withLock({ $0.popLast() }) { return pooled }
        var status: Int32 = 0
        // Cloning an open iterator cannot fail short of memory exhaustion.
        let handle = cicu_word_iterator_clone(prototype.handle, &status)!
        return Iterator(handle: handle)
    }

    /// ICU's rule status ranges (UWordBreak): none 0..<100, number 100..<200, letter 200..<300,
    /// kana 300..<400, ideographic 400..<500.
    @inline(__always)
    private static func kind(of units: Slice<UnsafeBufferPointer<UInt16>>, ruleStatus: Int32) -> TokenKind {
        guard let first = units.first else { return .other }
        switch ruleStatus {
        case 100..<200:
            return .number
        case 200..<300:
            if CharacterClass.isDigit(first) { return .number }  // ICU keeps 31สิงหาคม together
            if CharacterClass.isThai(first) { return .thaiWord }
            return CharacterClass.isLatinLetter(first) ? .latinWord : .other
        case 300..<500:
            return .other
        default:
            if units.allSatisfy(CharacterClass.isWhitespace) { return .whitespace }
            if CharacterClass.isPunctuation(first) { return .punctuation }
            return .other
        }
    }
}
