import Foundation
import Testing

/// `thai-annotate eval` reads every gold format and reports what it promises.
struct EvalTests {
    @Test func corpusEvaluationReportsEveryTypeAsJSON() throws {
        let corpus = Corpus.root.path
        let result = try CLITests.run(["eval", corpus, "--format", "json"])
        #expect(result.status == 0)
        let report = CLITests.json(result.stdout)
        let types = report["types"] as? [String: [String: Any]] ?? [:]
        for type in ["PERSON", "MINISTRY", "ORGANIZATION", "ACRONYM", "LOCATION", "DATE", "micro"] {
            #expect(types[type] != nil, "no scores for \(type)")
        }
        let gold = types.filter { $0.key != "micro" }.reduce(0) { $0 + ($1.value["gold"] as? Int ?? 0) }
        #expect(gold >= 1500)
        #expect(types["micro"]?["gold"] as? Int == gold)
        #expect(report["dateValueAccuracy"] is Double)
        #expect((report["errors"] as? [String: Int])?.keys.sorted() == ["boundary", "missed", "spurious", "type"])
    }

    /// `eval --format json` over `gold` written to a temporary file: the whole report.
    static func evaluate(_ gold: String, format: String) throws -> [String: Any] {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("\(format)-\(UUID()).txt")
        try gold.write(to: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try CLITests.run(["eval", path.path, "--gold-format", format, "--format", "json"])
        return CLITests.json(result.stdout)
    }

    @Test func thaiNERInlineGoldIsScoredWithItsTypes() throws {
        let report = try Self.evaluate(
            "[PERSON]นายอุตตม สาวนายน[/PERSON] รัฐมนตรีว่าการ[ORGANIZATION]กระทรวงอุตสาหกรรม[/ORGANIZATION] ที่[FACILITY]ทำเนียบรัฐบาล[/FACILITY] [TIME]10.00 น.[/TIME]\n",
            format: "thainer")
        let types = report["types"] as? [String: [String: Any]] ?? [:]
        // MINISTRY is scored as ORGANIZATION and FACILITY as LOCATION; TIME is not scored.
        #expect(types["ORGANIZATION"]?["gold"] as? Int == 1)
        #expect(types["LOCATION"]?["gold"] as? Int == 1)
        #expect(types["TIME"] == nil)
        #expect((types["ORGANIZATION"]?["exact"] as? [String: Double])?["f1"] == 1.0)
    }

    @Test func thaiNERSpanEdgesAreTrimmedOfInvisibleCharacters() throws {
        // ThaiNER sometimes closes a tag after a stray U+FEFF; the name is the visible text.
        let report = try Self.evaluate("[PERSON]นายอุตตม สาวนายน\u{FEFF}[/PERSON] กล่าว\n", format: "thainer")
        let types = report["types"] as? [String: [String: Any]] ?? [:]
        #expect((types["PERSON"]?["exact"] as? [String: Double])?["f1"] == 1.0)
    }

    @Test func segmentationGoldGivesWordLevelScores() throws {
        let report = try Self.evaluate("กระทรวง|อุตสาหกรรม| |จับ|มือ\nกระทรวงอุตสาหกรรม\n", format: "segmentation")
        #expect(report["gold"] as? Int == 5)
        #expect(report["predicted"] as? Int == 6)
        #expect(report["precision"] as? Double == 4.0 / 6.0)
    }
}
