import Foundation
import Testing
@testable import ThaiAnnotator

/// The interchange formats read back to the spans the annotator found.
struct FormatTests {
    static let seedPath = Corpus.root.appendingPathComponent("documents/seed.txt").path

    static func expectedSpans() throws -> [String] {
        let result = try CLITests.run(["--format", "jsonl", seedPath])
        let entities = CLITests.json(result.lines[0])["entities"] as! [[String: Any]]
        #expect(entities.count > 20)
        return entities.map { "\($0["type"]!) \($0["start"]!) \($0["end"]!)" }
    }

    @Test func inlineTagsReadBackToTheSameSpans() throws {
        let output = try CLITests.run(["--format", "thainer", Self.seedPath]).stdout
        var spans: [String] = []
        var plain: [Unicode.Scalar] = []
        var open: (String, Int)?
        var rest = Substring(output)
        while !rest.isEmpty {
            if rest.hasPrefix("["), let close = rest.firstIndex(of: "]") {
                let tag = rest[rest.index(after: rest.startIndex)..<close]
                if let current = open, tag == "/" + current.0 {
                    spans.append("\(current.0) \(current.1) \(plain.count)")
                    open = nil
                    rest = rest[rest.index(after: close)...]
                    continue
                }
                if open == nil, EntityType(rawValue: String(tag)) != nil {
                    open = (String(tag), plain.count)
                    rest = rest[rest.index(after: close)...]
                    continue
                }
            }
            plain.append(contentsOf: rest.first!.unicodeScalars)
            rest = rest.dropFirst()
        }
        #expect(spans == (try Self.expectedSpans()))
        let text = try Corpus.text(of: "seed")
        #expect(String(String.UnicodeScalarView(plain)).hasPrefix(text))
    }

    @Test func bratReadsBackToTheSameSpans() throws {
        let output = try CLITests.run(["--format", "brat", Self.seedPath]).stdout
        let text = Array(try Corpus.text(of: "seed").unicodeScalars)
        var spans: [String] = []
        for line in output.split(separator: "\n") where line.hasPrefix("T") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false)
            let head = fields[1].split(separator: " ")
            let fragments = head.dropFirst().joined(separator: " ").split(separator: ";").map { $0.split(separator: " ").compactMap { Int($0) } }
            spans.append("\(head[0]) \(fragments.first![0]) \(fragments.last![1])")
            let covered = fragments.map { String(String.UnicodeScalarView(text[$0[0]..<$0[1]])) }.joined(separator: " ")
            #expect(covered == String(fields[2]))
        }
        #expect(spans == (try Self.expectedSpans()))
    }

    @Test func conllTagsEveryNonSpaceToken() throws {
        let output = try CLITests.run(["--format", "conll", Self.seedPath]).stdout
        let rows = output.split(separator: "\n").map { $0.split(separator: "\t") }
        #expect(rows.allSatisfy { $0.count == 2 })
        let beginnings = rows.filter { $0[1].hasPrefix("B-") }.count
        #expect(beginnings == (try Self.expectedSpans()).count)
        for (previous, row) in zip(rows, rows.dropFirst()) where row[1].hasPrefix("I-") {
            #expect(previous[1].dropFirst(2) == row[1].dropFirst(2))
        }
    }

    @Test func htmlIsSelfContainedWithALegend() throws {
        let output = try CLITests.run(["--format", "html", Self.seedPath]).stdout
        #expect(output.hasPrefix("<!DOCTYPE html>"))
        #expect(!output.contains("<script src") && !output.contains("<link "))
        for type in EntityType.allCases { #expect(output.contains("class=\"\(type.rawValue)\"")) }
        #expect(output.contains("title=\"DATE · value=2017-06-07 grain=day\""))
    }
}

/// Documents survive a JSON round trip through `Codable`.
struct CodableTests {
    @Test func documentRoundTripsThroughJSON() throws {
        let document = EntityTests.annotator.annotate(try Corpus.text(of: "seed"))
        let data = try JSONEncoder().encode(document)
        let decoded = try JSONDecoder().decode(Document.self, from: data)
        #expect(decoded.text == document.text)
        #expect(decoded.tokens == document.tokens)
        #expect(decoded.entities.map(\.scalarOffsets) == document.entities.map(\.scalarOffsets))
        #expect(decoded.entities.map(\.text) == document.entities.map(\.text))
        #expect(decoded.entities.map { $0.date?.value } == document.entities.map { $0.date?.value })
        #expect(decoded.entities.map { $0.acronym } == document.entities.map { $0.acronym })
    }
}
