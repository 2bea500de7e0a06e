import Foundation
import Testing
import ThaiAnnotator
import ThaiEvaluation

/// The scoring API of `ThaiEvaluation`, used from Swift without the CLI.
struct EvaluationAPITests {
    @Test func countsEachKindOfMatchAndError() {
        var evaluation = Evaluation()
        let text = String(repeating: "ก", count: 40)
        let gold = [
            ScoredSpan(type: "PERSON", start: 0, end: 5),                    // exact
            ScoredSpan(type: "PERSON", start: 10, end: 15),                  // boundary: 10..<14 predicted
            ScoredSpan(type: "LOCATION", start: 20, end: 25),                // type: ORGANIZATION predicted
            ScoredSpan(type: "DATE", start: 30, end: 33, value: "2017-06-07"), // exact, right value
            ScoredSpan(type: "DATE", start: 36, end: 38),                    // missed
        ]
        let predicted = [
            ScoredSpan(type: "PERSON", start: 0, end: 5),
            ScoredSpan(type: "PERSON", start: 10, end: 14),
            ScoredSpan(type: "ORGANIZATION", start: 20, end: 25),
            ScoredSpan(type: "DATE", start: 30, end: 33, value: "2017-06-07"),
            ScoredSpan(type: "LOCATION", start: 6, end: 8),                  // spurious
        ]
        evaluation.add(gold: gold, predicted: predicted, text: text, document: "d")

        let person = evaluation.byType["PERSON"]!
        #expect(person.gold == 2 && person.predicted == 2 && person.exactMatches == 1)
        #expect(person.exact == PrecisionRecall(precision: 0.5, recall: 0.5))
        #expect(person.overlap.f1 == 1)
        #expect(evaluation.byType["LOCATION"]! == {
            var counts = SpanCounts(); counts.gold = 1; counts.predicted = 1; return counts
        }())
        #expect(evaluation.micro.gold == 5 && evaluation.micro.predicted == 5 && evaluation.micro.exactMatches == 2)
        #expect(evaluation.errors == { var e = ErrorCounts(); e.boundary = 1; e.type = 1; e.missed = 1; e.spurious = 1; return e }())
        #expect(evaluation.dateMatches == 1 && evaluation.dateValueAccuracy == 1)
        #expect(evaluation.examples.map(\.kind) == [.boundary, .type, .miss, .spurious])
        #expect(evaluation.examples[1].description == "d\ttype      LOCATION กกกกก predicted ORGANIZATION")
        #expect(evaluation.examples[0].predicted == "กกกก")
    }

    @Test func dateValuesAreComparedOnExactMatchesOnly() {
        var evaluation = Evaluation()
        let gold = [ScoredSpan(type: "DATE", start: 0, end: 4, value: "2017-06-07"),
                    ScoredSpan(type: "DATE", start: 10, end: 14, value: nil),
                    ScoredSpan(type: "DATE", start: 20, end: 24, value: "2017")]
        let predicted = [ScoredSpan(type: "DATE", start: 0, end: 4, value: "2017-06-08"),
                         ScoredSpan(type: "DATE", start: 10, end: 14, value: nil),
                         ScoredSpan(type: "DATE", start: 20, end: 23, value: "2017")]
        evaluation.add(gold: gold, predicted: predicted, text: String(repeating: " ", count: 30), document: "d")
        #expect(evaluation.dateMatches == 2)
        #expect(evaluation.dateValuesCorrect == 1)
        #expect(evaluation.dateValueAccuracy == 0.5)
        #expect(Evaluation().dateValueAccuracy == nil)
    }

    @Test func mergingPartsEqualsScoringTheWhole() {
        let documents: [([ScoredSpan], [ScoredSpan])] = [
            ([ScoredSpan(type: "PERSON", start: 0, end: 3)], [ScoredSpan(type: "PERSON", start: 0, end: 2)]),
            ([ScoredSpan(type: "DATE", start: 1, end: 3, value: "2017")], [ScoredSpan(type: "DATE", start: 1, end: 3, value: "2017")]),
            ([], [ScoredSpan(type: "LOCATION", start: 0, end: 1)]),
        ]
        var whole = Evaluation(), first = Evaluation(exampleLimit: 1), second = Evaluation()
        for (index, (gold, predicted)) in documents.enumerated() {
            whole.add(gold: gold, predicted: predicted, text: "abcd", document: "\(index)")
            if index == 0 { first.add(gold: gold, predicted: predicted, text: "abcd", document: "\(index)") }
            else { second.add(gold: gold, predicted: predicted, text: "abcd", document: "\(index)") }
        }
        first.exampleLimit = 100
        first.merge(second)
        #expect(first.byType == whole.byType)
        #expect(first.errors == whole.errors)
        #expect(first.dateValuesCorrect == whole.dateValuesCorrect)
        #expect(first.examples == whole.examples)
        #expect(first.table() == whole.table())
    }

    @Test func thaiNERLinesLoseTheirTagsAndKeepTheirSpans() {
        let gold = ThaiNERGold(line: "\u{FEFF}[PERSON]นายสมัคร\u{FEFF}[/PERSON] ที่[FACILITY]ทำเนียบ[/FACILITY] [TIME]10 น.[/TIME] [x]")
        #expect(gold.text == "นายสมัคร\u{FEFF} ที่ทำเนียบ 10 น. [x]")
        #expect(gold.taggedSpans.map(\.type) == ["PERSON", "FACILITY", "TIME"])
        #expect(gold.spans == [ScoredSpan(type: "PERSON", start: 0, end: 8), ScoredSpan(type: "LOCATION", start: 13, end: 20)])
        let unmatched = ThaiNERGold(line: "[PERSON]ก[/LOCATION]")
        #expect(unmatched.text == "ก[/LOCATION]")
        #expect(unmatched.spans.isEmpty)
    }

    @Test func unseenNameRecallKeepsTheNamesItMissed() {
        let gold = ThaiNERGold(line: "[PERSON]ซัคเคอร์เบิร์กซฌ[/PERSON] พบ [PERSON]เมอร์ดอคฌฌ โจนส์ฌ[/PERSON]")
        let names = gold.taggedSpans
        // The first name found exactly, the second cut short after three characters.
        let predicted = [names[0], ScoredSpan(type: "PERSON", start: names[1].start, end: names[1].start + 3)]
        let known = KnownPersonNames(gazetteers: [])
        var recall = UnseenNameRecall(exampleLimit: 5)
        recall.add(gold, predicted: predicted, known: known, document: "line 7")
        #expect(recall.gold == 2 && recall.found == 1)
        #expect(recall.missed.map(\.name) == ["เมอร์ดอคฌฌ โจนส์ฌ"])
        #expect(recall.missed.first?.overlapping == ["เมอ"])
        #expect(recall.missed.first?.document == "line 7")
        var counting = UnseenNameRecall()
        counting.add(gold, predicted: [], known: known)
        #expect(counting.gold == 2 && counting.found == 0 && counting.missed.isEmpty)
    }

    @Test func thaiNERScoringMapsMinistriesToOrganizations() throws {
        var configuration = Annotator.Configuration()
        configuration.spanConvention = .thaiNER
        let annotator = try Annotator(configuration: configuration)
        var evaluation = Evaluation()
        let line = "[PERSON]นายอุตตม สาวนายน[/PERSON] รัฐมนตรีว่าการ[ORGANIZATION]กระทรวงอุตสาหกรรม[/ORGANIZATION]"
        evaluation.add(ThaiNERGold(line: line[...]), annotatedBy: annotator, document: "line 1")
        #expect(evaluation.byType["ORGANIZATION"]?.exact.f1 == 1)
        #expect(evaluation.byType["PERSON"]?.exact.f1 == 1)
        #expect(evaluation.byType["MINISTRY"] == nil)
    }

    /// A made-up article: a person is introduced with a title and family name in one paragraph
    /// and named by given name alone in a later one (rules alone: the bare given name is no
    /// mention on its own). Annotated per article the later line finds the name; per line
    /// it cannot. A line before the first [URL] line is a document of its own.
    @Test func thaiNERArticlesCarryNamesFromLineToLine() throws {
        let lines = [
            "ข่าวก่อนบทความแรก",
            "[URL]www.example.com/news/1[/URL]",
            "[PERSON]นายสมพงษ์ ทองประเสริฐกุล[/PERSON] เดินทางมาถึงตลาดเช้านี้",
            "ต่อมา [PERSON]สมพงษ์[/PERSON] กล่าวว่าจะกลับมาอีก",
            "[URL]www.example.com/news/2[/URL]",
            "ต่อมา สมพงษ์ กล่าวว่าจะกลับมาอีก",
        ].map { ThaiNERGold(line: $0[...]) }
        #expect(ThaiNERUnit.article.documents(lines) == [0..<1, 1..<4, 4..<6])
        #expect(ThaiNERUnit.line.documents(lines).count == 6)
        var configuration = Annotator.Configuration()
        configuration.spanConvention = .thaiNER
        configuration.tagger = .off
        let annotator = try Annotator(configuration: configuration)
        let bare = ScoredSpan(type: "PERSON", start: 6, end: 12)
        let article = ThaiNERGold.predictions(lines[1..<4], annotatedBy: annotator)
        #expect(article.count == 3)
        #expect(article[1].contains(ScoredSpan(type: "PERSON", start: 0, end: 24)))
        #expect(article[2].contains(bare))
        #expect(!ThaiNERGold.predictions(lines[3..<4], annotatedBy: annotator)[0].contains(bare))
        // The next article does not inherit the name.
        #expect(!ThaiNERGold.predictions(lines[4..<6], annotatedBy: annotator)[1].contains(bare))
    }

    @Test func corpusGoldIsReadAndScoredInProcess() throws {
        let corpus = try CorpusGold(folder: Corpus.root.path)
        let goldFiles = try FileManager.default.contentsOfDirectory(atPath: Corpus.root.appendingPathComponent("gold").path)
        #expect(corpus.documents.count == goldFiles.filter { $0.hasSuffix(".json") }.count)
        #expect(corpus.documents.map(\.document) == corpus.documents.map(\.document).sorted())
        let seed = try #require(corpus.documents.first { $0.document == "seed" })
        let scalars = Array(seed.text.unicodeScalars)
        for entity in seed.entities {
            #expect(String(String.UnicodeScalarView(scalars[entity.start..<entity.end])) == entity.text)
        }
        var evaluation = Evaluation()
        let annotator = try Annotator()
        for gold in corpus.documents { evaluation.add(gold, annotatedBy: annotator) }
        #expect(evaluation.micro.gold == corpus.documents.reduce(0) { $0 + $1.entities.count })
        #expect(evaluation.micro.exact.f1 > 0.7)
        #expect((evaluation.dateValueAccuracy ?? 0) > 0.9)
        #expect(throws: CorpusGoldError.self) { try CorpusGold(folder: "/nonexistent") }
    }

    @Test func segmentationScoreCountsWordsNotWhitespace() throws {
        var score = SegmentationScore()
        score.add(line: "กระทรวง|อุตสาหกรรม| |จับ|มือ", segmentedBy: try WordSegmenter())
        #expect(score.gold == 4)
        #expect(score.correct <= score.predicted)
        #expect(score.scores.recall == Double(score.correct) / 4)
    }
}
