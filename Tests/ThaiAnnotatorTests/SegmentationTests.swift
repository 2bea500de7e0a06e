import Foundation
import Testing
@testable import ThaiAnnotator

/// The segmenter's contract: tokens tile the text exactly, with consistent offsets, for any input.
struct SegmentationTests {
    static let segmenter = try! WordSegmenter()

    /// Checks tiling and offset consistency, and returns the tokens' texts.
    @discardableResult
    static func assertTiles(_ text: String, sourceLocation: SourceLocation = #_sourceLocation) -> [String] {
        let tokens = segmenter.tokens(in: text)
        var index = text.startIndex
        var scalar = 0
        var utf8 = 0
        for token in tokens {
            #expect(token.range.lowerBound == index, sourceLocation: sourceLocation)
            #expect(token.scalarOffsets.lowerBound == scalar, sourceLocation: sourceLocation)
            #expect(token.utf8Offsets.lowerBound == utf8, sourceLocation: sourceLocation)
            let piece = text[token.range]
            #expect(!piece.isEmpty, sourceLocation: sourceLocation)
            #expect(piece.unicodeScalars.count == token.scalarOffsets.count, sourceLocation: sourceLocation)
            #expect(piece.utf8.count == token.utf8Offsets.count, sourceLocation: sourceLocation)
            let scalars = Array(text.unicodeScalars)
            if token.scalarOffsets.upperBound <= scalars.count, scalars.count < 5000 {
                let byOffsets = String(String.UnicodeScalarView(scalars[token.scalarOffsets]))
                #expect(byOffsets == String(piece), sourceLocation: sourceLocation)
            }
            index = token.range.upperBound
            scalar = token.scalarOffsets.upperBound
            utf8 = token.utf8Offsets.upperBound
        }
        #expect(index == text.endIndex, sourceLocation: sourceLocation)
        #expect(scalar == text.unicodeScalars.count, sourceLocation: sourceLocation)
        return tokens.map { String(text[$0.range]) }
    }

    @Test func seedDocumentTilesAndKeepsKnownWordsWhole() throws {
        let text = try Corpus.text(of: "seed")
        let words = Self.assertTiles(text)
        for word in ["รัฐมนตรี", "กระทรวง", "อุตสาหกรรม"] {
            #expect(words.contains(word), "\(word) should come out as one token")
        }
    }

    @Test func tokenKinds() {
        let text = "นายอุตตม ประชุมกับ SMRJ เมื่อ 6 มิ.ย.60 (๒๕๖๐) 🇹🇭"
        let tokens = Self.segmenter.tokens(in: text)
        func kind(of word: String) -> TokenKind? { tokens.first { String(text[$0.range]) == word }?.kind }
        #expect(kind(of: "ประชุม") == .thaiWord)
        #expect(kind(of: "SMRJ") == .latinWord)
        #expect(kind(of: "6") == .number)
        #expect(kind(of: "๒๕๖๐") == .number)
        #expect(kind(of: "(") == .punctuation)
        #expect(kind(of: " ") == .whitespace)
        #expect(tokens.last?.kind == .other)
    }

    @Test(arguments: [
        "", " ", "\u{FEFF}รัฐบาลไทย", "กระทรวง\u{200B}อุตสาหกรรม", "กระทรวง\u{00A0}\u{00A0}อุตสาหกรรม",
        "บรรทัดหนึ่ง\r\nบรรทัดสอง\nสาม\r", "👩‍👩‍👧 ครอบครัว 🇹🇭!", "\u{0E38}\u{0E48}กา", "า\u{0E49}\u{0E31}",
        "e\u{0301}te\u{0301} คาเฟ่", "\u{0000}nul\u{0000}", "๑๒๓๔ 1,234.50 ---!!!...", "\u{200D}\u{200C}ก\u{200D}",
    ])
    func robustInputsTile(_ text: String) {
        Self.assertTiles(text)
    }

    /// U+FEFF and U+200B are tokens of their own: ICU keeps U+FEFF inside a word (ว่า\u{FEFF}นาย),
    /// which hides the title and the name after it from the rules.
    @Test func invisibleBreaksAreTokensOfTheirOwn() {
        let text = "ที่ว่า\u{FEFF}นายสมัคร\u{FEFF}ตอบรับ กระทรวง\u{200B}อุตสาหกรรม"
        let tokens = Self.segmenter.tokens(in: text)
        let words = tokens.map { String(text[$0.range]) }
        #expect(words.prefix(6) == ["ที่", "ว่า", "\u{FEFF}", "นาย", "สมัคร", "\u{FEFF}"])
        #expect(words.contains("\u{200B}") && words.contains("อุตสาหกรรม"))
        #expect(tokens.filter { String(text[$0.range]).unicodeScalars.contains { $0 == "\u{FEFF}" || $0 == "\u{200B}" } }
            .allSatisfy { $0.kind == .other && $0.utf16Offsets.count == 1 })
        Self.assertTiles(text)
    }

    @Test func oneMegabyteSingleLineTiles() throws {
        let line = String(repeating: "กระทรวงอุตสาหกรรมจับมือ SMRJ 2560 ", count: 1_000_000 / 80)
        let tokens = Self.segmenter.tokens(in: line)
        #expect(tokens.first?.range.lowerBound == line.startIndex)
        #expect(tokens.last?.range.upperBound == line.endIndex)
        for (previous, next) in zip(tokens, tokens.dropFirst()) {
            #expect(previous.range.upperBound == next.range.lowerBound)
            if previous.range.upperBound != next.range.lowerBound { break }
        }
    }

    @Test func sharedSegmenterGivesTheSameResultsOnManyThreads() async throws {
        let texts = try Corpus.names.prefix(12).map(Corpus.text(of:))
        let expected = texts.map { Self.segmenter.tokens(in: $0) }
        let results = await withTaskGroup(of: (Int, [Token]).self) { group in
            for round in 0..<4 {
                for (index, text) in texts.enumerated() {
                    group.addTask { (index, Self.segmenter.tokens(in: text)) }
                }
                _ = round
            }
            var all: [(Int, [Token])] = []
            for await result in group { all.append(result) }
            return all
        }
        for (index, tokens) in results { #expect(tokens == expected[index]) }
    }

    /// The gazetteer matcher and the date scanner rely on the trie finding exactly the keys that
    /// start at a position: checked against a plain scan over the keys, with Thai, Latin, digits,
    /// other scripts and keys that are prefixes of one another, on every position of a text; and
    /// the start filter of large tries never rules out a position where a key starts.
    @Test func prefixTrieFindsExactlyTheKeysAtEachPosition() {
        let alphabet = Array("กขคงรวมา่้ัิเแโไๆ๑ฯ.ABCZaz09 ()-ÉéАя中😀\u{200B}\u{FEFF}".utf16)
        var generator = SystemRandomNumberGenerator()
        for round in 0..<12 {
            let count = [40, 400, 1500][round % 3]  // from 1,024 keys on, a trie also has a start filter
            var keys: [[UInt16]] = []
            for _ in 0..<count {
                let length = Int.random(in: 1...6, using: &generator)
                let key = (0..<length).map { _ in alphabet.randomElement(using: &generator)! }
                keys.append(key)
                if Bool.random(using: &generator) { keys.append(key + [alphabet.randomElement(using: &generator)!]) }
            }
            let entries = keys.enumerated().map { (key: $0.element, payload: Int32($0.offset)) }
            let trie = PrefixTrie(utf16Keys: entries)
            // The last payload given for a key wins.
            var expected: [[UInt16]: Int32] = [:]
            for entry in entries { expected[entry.key] = entry.payload }
            let text = (0..<2000).map { _ in alphabet.randomElement(using: &generator)! } + keys.flatMap { $0 }
            text.withUnsafeBufferPointer { units in
                for start in 0..<units.count {
                    var found: [(Int, Int32)] = []
                    trie.forEachMatch(in: units, at: start) { found.append(($0, $1)) }
                    let reference = (start + 1...min(units.count, start + 7)).compactMap { end in
                        expected[Array(units[start..<end])].map { (end, $0) }
                    }
                    #expect(found.map(\.0) == reference.map(\.0) && found.map(\.1) == reference.map(\.1))
                    if !reference.isEmpty { #expect(trie.mayStartKey(in: units, at: start)) }
                    #expect(trie.longestMatch(in: units, at: start).map { [$0.end] } ?? [] == reference.last.map { [$0.0] } ?? [])
                    for end in start + 1...min(units.count, start + 7) {
                        #expect(trie.payload(exactly: start..<end, in: units) == expected[Array(units[start..<end])])
                    }
                }
            }
            #expect(!trie.isEmpty)
        }
        #expect(PrefixTrie(utf16Keys: []).isEmpty)
        // A trie of plain words: every word with payload 0, matched as a set.
        let words = PrefixTrie(words: ["ซอย", "ซอยลาด"])
        Array("ซอยลาดพร้าว".utf16).withUnsafeBufferPointer { units in
            var found: [(Int, Int32)] = []
            words.forEachMatch(in: units, at: 0) { found.append(($0, $1)) }
            #expect(found.map(\.0) == [3, 6] && found.map(\.1) == [0, 0])
            #expect(words.payload(exactly: 0..<4, in: units) == nil)
        }
        #expect(PrefixTrie(words: [String]()).isEmpty)
    }
}

/// The gold corpus in corpus/.
enum Corpus {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("corpus")

    static var names: [String] {
        ((try? FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("documents").path)) ?? [])
            .filter { $0.hasSuffix(".txt") }.map { String($0.dropLast(4)) }.sorted()
    }

    static func text(of name: String) throws -> String {
        try String(contentsOf: root.appendingPathComponent("documents/\(name).txt"), encoding: .utf8)
    }

    /// A gold mention as corpus/gold/NAME.json has it.
    struct GoldMention { var type: String; var start: Int; var end: Int; var text: String }

    static func goldEntities(of name: String) throws -> [GoldMention] {
        let data = try Data(contentsOf: root.appendingPathComponent("gold/\(name).json"))
        let object = try JSONSerialization.jsonObject(with: data) as? [String: Any]
        let entities = object?["entities"] as? [[String: Any]] ?? []
        return entities.compactMap { entity in
            guard let type = entity["type"] as? String, let start = entity["start"] as? Int,
                  let end = entity["end"] as? Int, let text = entity["text"] as? String else { return nil }
            return GoldMention(type: type, start: start, end: end, text: text)
        }
    }
}
