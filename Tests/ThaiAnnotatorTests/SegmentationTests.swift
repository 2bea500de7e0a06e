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
