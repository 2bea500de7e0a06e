import Foundation
import Testing
@testable import ThaiAnnotator
@testable import ThaiEntities

/// Names no list holds (issue #11): the word-frequency table behind the model's name-shape
/// features (templates 50-59), `thai-annotate count-words`, and what the shipped model does with them.
struct NameShapeTests {
    /// The word hash the tagger computes for a unit, for looking words up in a table.
    static func hash(_ word: String) -> UInt64 { WordFrequencies.wordHash(Substring(word)) }

    @Test func countedTableReadsBackAsDecadeBuckets() throws {
        var counter = WordCounter(segmenter: try WordSegmenter())
        for _ in 0..<12 { counter.add("แมว กิน ปลา") }
        counter.add("แมว")
        for _ in 0..<3 { counter.add("ทอง ปลา", isName: true) }
        let table = counter.tsv(minimumCount: 2, comment: ["test"])
        // Most frequent in text first (แมว 13, then กิน and ปลา 12 each, ปลา also 3 times in names),
        // then the word seen in names only.
        #expect(table == "# test\nแมว\t13\t0\nปลา\t12\t3\nกิน\t12\t0\nทอง\t0\t3\n")
        let frequencies = WordFrequencies(tsv: table)
        #expect(frequencies.buckets(wordHash: Self.hash("แมว")) == 2)           // 10-99 in text
        #expect(frequencies.buckets(wordHash: Self.hash("ปลา")) == 2 | 1 << 3)  // and 2-9 in names
        #expect(frequencies.buckets(wordHash: Self.hash("ทอง")) == 1 << 3)
        #expect(frequencies.buckets(wordHash: Self.hash("หมา")) == 0)
    }

    @Test func shippedTableIsEmbedded() {
        // การ is among the commonest words of the thaigov text (10,000 times or more).
        #expect(WordFrequencies.bundled.buckets(wordHash: Self.hash("การ")) & 7 == 5)
    }

    @Test func countWordsCommandWritesTheTable() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("count-words-\(getpid())")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let documents = folder.appendingPathComponent("docs.jsonl"), names = folder.appendingPathComponent("names.txt")
        let output = folder.appendingPathComponent("table.tsv")
        try "{\"id\": 1, \"text\": \"แมว กิน ปลา\"}\n{\"id\": 2, \"text\": \"แมว กิน\"}\n".write(to: documents, atomically: true, encoding: .utf8)
        try "# a comment\nแมว\nปลา\n".write(to: names, atomically: true, encoding: .utf8)
        let run = try CLITests.run(["count-words", documents.path, "--names", names.path, "--output", output.path])
        #expect(run.status == 0)
        let table = try String(contentsOf: output, encoding: .utf8)
        #expect(table.split(separator: "\n").filter { !$0.hasPrefix("#") } == ["แมว\t2\t1", "กิน\t2\t0"])
    }

    /// A family name that ICU cuts into dictionary words runs to the next space, and a common
    /// word glued to a titled name is not taken into it (made-up sentences; the model on main
    /// read นายมานพ วินิจ and นายสมัครตนเอง).
    @Test func shippedModelKeepsFamilyNamesWholeAndStopsAtCommonWords() throws {
        let annotator = PipelineInvariants.guidelinesAnnotator
        let cases = [
            ("นายมานพ วินิจจะกูล ผู้ใหญ่บ้าน", "นายมานพ วินิจจะกูล"),
            ("นายสมัครตนเองไม่เห็นด้วย", "นายสมัคร"),
        ]
        for (text, person) in cases {
            #expect(annotator.annotate(text).entities(ofType: .person).map(\.text) == [person], "\(text)")
        }
    }
}
