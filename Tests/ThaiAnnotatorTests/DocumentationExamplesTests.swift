import Foundation
import Testing
import ThaiAnnotator
import ThaiEvaluation

/// The code of the DocC articles (Sources/*/*.docc), copied verbatim into functions, so that it
/// keeps compiling and doing what the articles say. Change both together.
struct DocumentationExamplesTests {
    let annotator = try! Annotator()

    /// ThaiAnnotator.md
    @Test func landingPage() throws {
        let annotator = try Annotator()
        let document = annotator.annotate("นายอุตตม สาวนายน รัฐมนตรีว่าการกระทรวงอุตสาหกรรม เปิดเผยเมื่อวันที่ 7 มิถุนายน 2560")
        for entity in document.entities {
            print(entity.type.rawValue, entity.text, entity.scalarOffsets)
        }
        // The output the article shows.
        #expect(document.entities.map { "\($0.type.rawValue) \($0.text) \($0.scalarOffsets)" }
                == ["PERSON นายอุตตม สาวนายน 0..<16", "MINISTRY กระทรวงอุตสาหกรรม 31..<48", "DATE 7 มิถุนายน 2560 68..<83"])
    }

    /// GettingStarted.md
    @Test func gettingStarted() throws {
        let annotator = try Annotator()
        let text = "นายอุตตม สาวนายน รัฐมนตรีว่าการกระทรวงอุตสาหกรรม (อก.) เปิดเผยว่า กสอ. จะจัดงานในวันพรุ่งนี้"
        let document = annotator.annotate(text, referenceDate: CalendarDate(year: 2017, month: 6, day: 7))
        for entity in document.entities {
            print(entity.type, entity.text, entity.scalarOffsets,
                  entity.link?.canonical ?? "", entity.acronym?.expansion ?? "", entity.date?.value?.iso ?? "")
        }
        for token in document.tokens where token.kind != .whitespace {
            print(document[token], token.kind)
        }
        let places = document.entities(ofType: .location).map(\.text)
        print(places)
        #expect(document.entities.contains { $0.date?.value?.iso == "2017-06-08" })
        #expect(document.entities.contains { $0.acronym?.expansion == "กรมส่งเสริมอุตสาหกรรม" })
    }

    /// JSONContract.md
    @Test func jsonWriter() {
        let document = annotator.annotate("วันที่ 7 มิถุนายน 2560")
        var writer = JSONWriter()
        writer.annotationRecord(rawID: "7", entities: document.entities, roles: document.roles)
        #expect(String(decoding: writer.bytes, as: UTF8.self)
                == #"{"id":7,"entities":[{"type":"DATE","start":7,"end":22,"text":"7 มิถุนายน 2560","value":"2017-06-07","grain":"day"}],"roles":[]}"# + "\n")
    }

    /// Gazetteers.md
    @Test func addingAGazetteer() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("agencies-\(UUID()).tsv").path
        let tsv = "id\ttype\tcanonical\taliases\tabbreviations\tshort\tenglish\norg.test\tORGANIZATION\tสำนักงานทดสอบแห่งชาติ\t\t\t\tTest Office\n"
        try tsv.write(toFile: path, atomically: true, encoding: .utf8)
        defer { try? FileManager.default.removeItem(atPath: path) }

        var configuration = Annotator.Configuration()
        configuration.gazetteers = [try Gazetteer(contentsOfFile: path)]
        let annotator = try Annotator(configuration: configuration)
        #expect(annotator.annotate("สำนักงานทดสอบแห่งชาติจัดงาน").entities.first?.link?.id == "org.test")
    }

    /// BatchAnnotation.md
    @Test func batchAnnotation() async {
        let texts = ["นายกรัฐมนตรีเดินทางไปจังหวัดเชียงใหม่", "กระทรวงการคลังแถลงเมื่อวานนี้"]
        for document in annotator.annotate(texts, threads: 4) {
            print(document.entities.count)
        }

        let published = CalendarDate(year: 2017, month: 6, day: 7)
        let requests = texts.map { AnnotationRequest(text: $0, referenceDate: published) }
        let documents = Array(annotator.annotate(requests, threads: 2))
        #expect(documents.count == 2)

        let annotator = annotator
        let output = OrderedBatch(texts, threads: 2) { text -> [UInt8] in
            var writer = JSONWriter()
            let document = annotator.annotate(text)
            writer.annotationRecord(rawID: "null", entities: document.entities, roles: document.roles)
            return writer.bytes
        }
        var jsonLines: [UInt8] = []
        for bytes in output { jsonLines += bytes }
        #expect(jsonLines.filter { $0 == 0x0A }.count == 2)

        let stream = AsyncStream<String> { continuation in
            for text in texts { continuation.yield(text) }
            continuation.finish()
        }
        var counts: [Int] = []
        for await document in annotator.annotate(stream, concurrency: 4) {
            print(document.entities.count)
            counts.append(document.entities.count)
        }
        #expect(counts == texts.map { annotator.annotate($0).entities.count })
    }

    /// Evaluation.md and ThaiEvaluation.md
    @Test func evaluation() throws {
        let folder = Corpus.root.path
        let annotator = try Annotator()
        var evaluation = Evaluation(exampleLimit: 20)
        for gold in try CorpusGold(folder: folder).documents {
            evaluation.add(gold, annotatedBy: annotator)
        }
        let person = evaluation.byType["PERSON"] ?? SpanCounts()
        print(person.exact.precision, person.exact.recall, person.exact.f1)
        print(evaluation.dateValueAccuracy ?? 0)
        for example in evaluation.examples { print(example) }
        print(evaluation.micro.exact.f1)
        print(evaluation.table())
        #expect(evaluation.examples.count == 20)
        #expect(person.gold > 0)
    }

    /// ThaiSegmentation.md
    @Test func segmentation() throws {
        let segmenter = try WordSegmenter()
        for token in segmenter.tokens(in: "กระทรวงอุตสาหกรรมจับมือญี่ปุ่น") {
            print(token.kind, token.scalarOffsets)
        }
        #expect(segmenter.tokens(in: "กระทรวงอุตสาหกรรมจับมือญี่ปุ่น").count > 2)
    }
}
