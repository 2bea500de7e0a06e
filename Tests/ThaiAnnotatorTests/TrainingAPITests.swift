import Foundation
import Testing
import ThaiAnnotator
import ThaiEvaluation
import ThaiTraining

/// The training API of `ThaiTraining`, used from Swift without the CLI: folds, mined lists and
/// cross-validation on a small ThaiNER-format fixture.
struct TrainingAPITests {
    /// Four documents, each opened by a [URL] line; each names its own people, whom no bundled
    /// list knows.
    static let people = [("นาง", "ปรีชาวุฒิ", "ยอดยิ่งเยี่ยม"), ("นาย", "ทองพูลสุข", "มหัศจรรย์ไพศาล"),
                         ("นาง", "อรุณวดีศรี", "เลิศล้ำพรหม"), ("นาย", "เกียรติก้องภพ", "ศรีสุขสวัสดิ์")]
    static var lines: [ThaiNERLine] {
        var text = ""
        for (number, (title, given, family)) in people.enumerated() {
            text += "[URL]https://example.org/\(number)[/URL]\n"
            text += "[PERSON]\(title)\(given) \(family)[/PERSON] ประธาน[ORGANIZATION]ชมรมคนเลี้ยงผึ้ง[/ORGANIZATION] กล่าวว่า\n"
            text += "ต่อมา[PERSON]\(title)\(given) \(family)[/PERSON] เดินทางไป[LOCATION]เชียงใหม่[/LOCATION]\n"
        }
        return ThaiNERLine.parse(text)
    }

    /// Feature dropout's draws: every mention of its types at rate 1, none at rate 0, the same
    /// draws for the same document and about the rate's share over many mentions.
    @Test func dropoutDrawsAreSeededPerDocumentAndMention() {
        let gold: [(type: EntityType, utf16Range: Range<Int>)] = (0..<200).map { ($0 % 4 == 3 ? .location : .person, (10 * $0)..<(10 * $0 + 5)) }
        let persons = gold.filter { $0.type == .person }.map(\.utf16Range)
        let all = TaggerTraining.Dropout(listRate: 1, wordRate: 1).hiding(gold, document: 3)
        #expect(all.lists == persons && all.words == persons)
        #expect(TaggerTraining.Dropout(listRate: 0, wordRate: 0).hiding(gold, document: 3) == FeatureDropout(salt: all.salt))
        let some = TaggerTraining.Dropout(listRate: 0.4, wordRate: 0.4)
        #expect(some.hiding(gold, document: 3) == some.hiding(gold, document: 3))
        #expect(some.hiding(gold, document: 3).lists != some.hiding(gold, document: 4).lists)
        #expect(some.hiding(gold, document: 3).lists != some.hiding(gold, document: 3).words)
        #expect((40...80).contains(some.hiding(gold, document: 3).lists.count))  // 150 persons at 0.4
    }

    /// A gold corpus document of three paragraphs, a PERSON opening the first.
    static func corpusDocument() throws -> GoldDocument {
        let name = "นางปรีชาวุฒิ ยอดยิ่งเยี่ยม"
        let json = #"{"document": "d1", "entities": [{"type": "PERSON", "start": 0, "end": \#(name.unicodeScalars.count)}]}"#
        var document = try JSONDecoder().decode(GoldDocument.self, from: Data(json.utf8))
        document.text = name + " กล่าวว่า\nต่อมาเดินทางไปประชุม\nจบการประชุม"
        return document
    }

    /// Each span convention's table is trained by its own recipe: with the thainer table on
    /// ThaiNER alone and the guidelines table with the corpus, the file holds a table of each, the
    /// same weights each recipe gives when it trains both; one recipe for both gives one table.
    @Test func eachConventionsTableIsTrainedByItsRecipe() throws {
        func training(_ thaiNER: TaggerTraining.Recipe, _ guidelines: TaggerTraining.Recipe) -> TaggerTraining {
            TaggerTraining(buckets: 1 << 12, epochs: 2, thaiNERRecipe: thaiNER, guidelinesRecipe: guidelines)
        }
        let thaiNER = try training(.init(), .init()).sequences(Self.lines).sequences
        let corpus = try training(.init(), .init()).corpusSequences([try Self.corpusDocument()], thaiNERLines: Self.lines)
        let hybrid = training(.init(), .init(corpusWeight: 2)).train(thaiNER: thaiNER, corpus: corpus)
        let alone = training(.init(), .init()).train(thaiNER: thaiNER, corpus: corpus)
        let pooled = training(.init(corpusWeight: 2), .init(corpusWeight: 2)).train(thaiNER: thaiNER, corpus: corpus)
        #expect(hybrid.variants.map(\.convention) == ["thainer", "guidelines"])
        #expect(alone.variants.map(\.convention) == [""] && pooled.variants.map(\.convention) == [""])
        #expect(TaggerModels(try hybrid.model(for: "thainer")).serialized() == alone.serialized())
        #expect(TaggerModels(try hybrid.model(for: "guidelines")).serialized() == pooled.serialized())
        #expect(alone.serialized() != pooled.serialized())
        // Without corpus sequences every recipe trains on ThaiNER alone: one table.
        #expect(training(.init(), .init(corpusWeight: 2)).train(thaiNER: thaiNER, corpus: []).serialized() == alone.serialized())
    }

    /// A model cache files each training under its sequences and settings: a second run with the
    /// same ones reads the file back instead of training, and other settings train afresh.
    @Test func modelCacheReadsBackTheSameTrainingOnly() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("model-cache-\(UUID().uuidString)").path
        defer { try? FileManager.default.removeItem(atPath: folder) }
        var twoEpochs = TaggerTraining(buckets: 1 << 12, epochs: 2)
        let thaiNER = try twoEpochs.sequences(Self.lines).sequences
        let uncached = twoEpochs.train(thaiNER: thaiNER, corpus: []).serialized()
        twoEpochs.modelCache = ModelCache(folder: folder)
        #expect(twoEpochs.train(thaiNER: thaiNER, corpus: []).serialized() == uncached)
        let files = try FileManager.default.contentsOfDirectory(atPath: folder)
        #expect(files.count == 1)
        // The filed model is what a rerun returns: replace it and the rerun returns the replacement.
        var threeEpochs = twoEpochs
        threeEpochs.epochs = 3
        let other = TaggerTraining(buckets: 1 << 12, epochs: 3).train(thaiNER: thaiNER, corpus: []).serialized()
        #expect(other != uncached)
        try Data(other).write(to: URL(fileURLWithPath: folder + "/" + files[0]))
        #expect(twoEpochs.train(thaiNER: thaiNER, corpus: []).serialized() == other)
        // Other settings, or other sequences, are another file.
        #expect(threeEpochs.train(thaiNER: thaiNER, corpus: []).serialized() == other)
        _ = twoEpochs.train(thaiNER: Array(thaiNER.dropFirst()), corpus: [])
        #expect(try FileManager.default.contentsOfDirectory(atPath: folder).count == 3)
    }

    /// A corpus document is trained in one sequence a paragraph, as a ThaiNER article is in its
    /// lines, each labelled from the document's gold.
    @Test func corpusDocumentsAreTrainedByParagraph() throws {
        let sequences = try TaggerTraining(buckets: 1 << 12).corpusSequences([try Self.corpusDocument()], thaiNERLines: Self.lines)
        #expect(sequences.count == 3)
        #expect(sequences[0].labels.contains { $0 != 0 })
        #expect(sequences.dropFirst().allSatisfy { $0.labels.allSatisfy { $0 == 0 } && !$0.labels.isEmpty })
    }

    @Test func foldsAreWholeDocuments() {
        let lines = Self.lines
        #expect(ThaiNERLine.documentStarts(lines) == [0, 3, 6, 9])
        #expect(ThaiNERLine.folds(lines, k: 2) == [0..<6, 6..<12])
        #expect(lines[1].surface(lines[1].spans[0]) == "นางปรีชาวุฒิ ยอดยิ่งเยี่ยม")
    }

    /// People are mined without their titles; organisations and places seen twice are mined,
    /// places and organisations of the base gazetteers are not mined again.
    @Test func minerBuildsListsFromTheLinesItIsGiven() throws {
        let lines = Self.lines
        let mined = ThaiNERListMiner.mine(lines[0..<6], base: try TaggerTraining.baseGazetteers())
        #expect(mined.persons.map(\.canonical) == ["ทองพูลสุข มหัศจรรย์ไพศาล", "ปรีชาวุฒิ ยอดยิ่งเยี่ยม"])
        #expect(mined.organizations.map(\.canonical) == ["ชมรมคนเลี้ยงผึ้ง"])
        #expect(mined.locations.isEmpty)  // เชียงใหม่ is a bundled province
        #expect(mined.files.map(\.name) == ["persons-thainer.tsv", "organizations-thainer.tsv", "locations-thainer.tsv"])
        #expect(mined.files[0].text.hasPrefix(ThaiNERListMiner.attribution))
    }

    /// Each fold is scored with lists mined without it: every person of the fixture is unseen
    /// in the fold that holds them, and the scores cover every gold span once.
    @Test func crossValidationLeavesEachFoldOut() throws {
        let lines = Self.lines
        var reported: [Int] = []
        let result = try CrossValidation(lines, k: 2, training: TaggerTraining(buckets: 1 << 12, epochs: 3)) {
            reported.append($0.number)
        }
        #expect(reported == [1, 2])
        #expect(result.folds.map(\.lines) == [0..<6, 6..<12])
        #expect(result.folds.map(\.persons) == [2, 2])
        #expect(result.rulesUnseen.gold == 8 && result.modelUnseen.gold == 8)
        #expect(result.rules.byType["PERSON"]?.gold == 8 && result.model.byType["PERSON"]?.gold == 8)
        #expect(result.model.byType["LOCATION"]?.gold == 4)
        let again = try CrossValidation(lines, k: 2, training: TaggerTraining(buckets: 1 << 12, epochs: 3))
        #expect(again.model.table() == result.model.table())
        let second = try CrossValidation(lines, k: 2, training: TaggerTraining(buckets: 1 << 12, epochs: 3), only: [2])
        #expect(second.folds.map(\.lines) == [6..<12])
        #expect(second.rules.byType["PERSON"]?.gold == 4 && second.modelUnseen.gold == 4)
    }
}
