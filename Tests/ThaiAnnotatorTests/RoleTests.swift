import Foundation
import Testing
@testable import ThaiAnnotator
import ThaiEvaluation

/// Role links: who holds which office (corpus/GUIDELINES.md, ROLE).
struct RoleTests {
    static let annotator = EntityTests.annotator

    /// Each link as (person, role, organisation or nil, canonical or nil).
    static func links(_ text: String) -> [(person: String, role: String, org: String?, canonical: String?)] {
        let document = annotator.annotate(text)
        return document.roles.map {
            (document.entities[$0.person].text, $0.role.text, $0.organization.map { document.entities[$0].text }, $0.canonical)
        }
    }

    @Test func seedDocumentLinks() throws {
        let document = Self.annotator.annotate(try Corpus.text(of: "seed"))
        func linked(_ person: String, _ role: String, _ org: String) -> Bool {
            document.roles.contains {
                document.entities[$0.person].text == person && $0.role.text == role
                    && $0.organization.map { document.entities[$0].text } == org
            }
        }
        #expect(linked("นายอุตตม สาวนายน", "รัฐมนตรีว่าการ", "กระทรวงอุตสาหกรรม"))
        #expect(linked("นายพสุ โลหารชุน", "อธิบดี", "กรมส่งเสริมอุตสาหกรรม"))
        #expect(linked("Mr.Hiroshi Takada", "ประธานและ CEO", "องค์การสนับสนุน SMEs แห่งประเทศญี่ปุ่น"))
        let uttama = document.roles.first { document.entities[$0.person].text == "นายอุตตม สาวนายน" }
        #expect(uttama?.canonical == "รัฐมนตรีว่าการกระทรวงอุตสาหกรรม")
        #expect(document.entities[uttama!.organization!].type == .ministry)
        // Each link's role is exactly the text at its offsets, and never overlaps an entity.
        for link in document.roles {
            #expect(String(document.text[link.role.range]) == link.role.text)
            #expect(!document.entities.contains { $0.scalarOffsets.overlaps(link.role.scalarOffsets) })
        }
    }

    @Test func roleAfterAndBeforeTheName() {
        let after = Self.links("นายลวรณ แสงสนิท ผู้อำนวยการสำนักงานเศรษฐกิจการคลัง เปิดเผยว่า")
        #expect(after.count == 1)
        #expect(after.first?.role == "ผู้อำนวยการ" && after.first?.org == "สำนักงานเศรษฐกิจการคลัง")
        // A governor's title keeps จังหวัด; the province alone is the LOCATION and the body.
        let before = Self.links("ผู้ว่าราชการจังหวัดลำปาง นายสมชาย ใจดี กล่าวว่า")
        #expect(before.count == 1)
        #expect(before.first?.person == "นายสมชาย ใจดี")
        #expect(before.first?.role == "ผู้ว่าราชการจังหวัด" && before.first?.org == "ลำปาง")
        #expect(before.first?.canonical == "ผู้ว่าราชการจังหวัดลำปาง")
        // A caption's role on the line before a name that has its own title after it: both links.
        let caption = Self.links("รมว.ดิจิทัลฯ\nดร.พิเชฐ ดุรงคเวโรจน์ รัฐมนตรีว่าการกระทรวงดิจิทัลเพื่อเศรษฐกิจและสังคม กล่าว")
        #expect(caption.map(\.role) == ["รมว.", "รัฐมนตรีว่าการ"])
        // In a list, the role before a name that has one after it is the previous name's.
        let list = Self.links("นายวุฒิชัย เสาวโกมุท รองผู้ว่าราชการจังหวัดพะเยา นายจรัญ กาญจนปัญญานนท์ นายอำเภอเชียงคำ เข้าร่วม")
        #expect(list.filter { $0.person == "นายจรัญ กาญจนปัญญานนท์" }.map(\.role) == ["นายอำเภอ"])
        #expect(list.last?.org == "เชียงคำ")
    }

    @Test func nameInBracketsAfterTheRole() {
        let links = Self.links("รัฐมนตรีว่าการกระทรวงการคลัง (นายอุตตม สาวนายน) กล่าวว่า")
        #expect(links.count == 1)
        #expect(links.first?.person == "นายอุตตม สาวนายน" && links.first?.role == "รัฐมนตรีว่าการ" && links.first?.org == "กระทรวงการคลัง")
    }

    @Test func coordinatedOfficesGiveOneLinkEach() {
        let links = Self.links("นายจุรินทร์ ลักษณวิศิษฏ์ รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงพาณิชย์ กล่าวว่า")
        #expect(links.count == 2)
        #expect(links.first?.role == "รองนายกรัฐมนตรี" && links.first?.org == nil && links.first?.canonical == "รองนายกรัฐมนตรี")
        #expect(links.last?.role == "รัฐมนตรีว่าการ" && links.last?.org == "กระทรวงพาณิชย์")
        // A second office after ในฐานะ is a link of its own.
        let capacity = Self.links("นายลวรณ แสงสนิท ผู้อำนวยการสำนักงานเศรษฐกิจการคลัง ในฐานะโฆษกกระทรวงการคลัง เปิดเผยว่า")
        #expect(capacity.map(\.role) == ["ผู้อำนวยการ", "โฆษก"])
        #expect(capacity.last?.org == "กระทรวงการคลัง")
    }

    @Test func fusedAbbreviations() {
        let acronym = Self.links("นายณัฏฐพล ทีปสุวรรณ รมว.ศธ. กล่าวว่า")
        #expect(acronym.count == 1)
        #expect(acronym.first?.role == "รมว." && acronym.first?.org == "ศธ.")
        #expect(acronym.first?.canonical == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
        let shortForm = Self.links("นายสุริยะ จึงรุ่งเรืองกิจ รมว.อุตสาหกรรม เปิดเผยว่า")
        #expect(shortForm.first?.role == "รมว." && shortForm.first?.org == "อุตสาหกรรม")
        #expect(shortForm.first?.canonical == "รัฐมนตรีว่าการกระทรวงอุตสาหกรรม")
    }

    @Test func seniorRanksAndWingsGluedAfterTheOfficeArePartOfTheRole() {
        let senior = Self.links("นายสมพงษ์ ใจงาม ผู้ช่วยกรรมการผู้จัดการใหญ่อาวุโส ธนาคารกรุงไทย เปิดเผยว่า")
        #expect(senior.count == 1)
        #expect(senior.first?.role == "ผู้ช่วยกรรมการผู้จัดการใหญ่อาวุโส" && senior.first?.org == "ธนาคารกรุงไทย")
        let wing = Self.links("นายวิชัย ศรีสุข รองนายกรัฐมนตรีฝ่ายเศรษฐกิจ เปิดเผยว่า")
        #expect(wing.count == 1)
        #expect(wing.first?.role == "รองนายกรัฐมนตรีฝ่ายเศรษฐกิจ" && wing.first?.org == nil)
    }

    @Test func quotesAndZeroWidthSpacesBetweenNameAndRole() {
        let quoted = Self.links("กระทรวงแรงงาน จับมือ “นายสมชาย ใจดี” รมว.แรงงาน เปิดศูนย์")
        #expect(quoted.count == 1)
        #expect(quoted.first?.person == "นายสมชาย ใจดี" && quoted.first?.role == "รมว." && quoted.first?.org == "แรงงาน")
        let before = Self.links("รมช.ศธ.\"นพ.สมชาย\" ย้ำว่า")
        #expect(before.count == 1)
        #expect(before.first?.person == "นพ.สมชาย" && before.first?.role == "รมช." && before.first?.org == "ศธ.")
        let zeroWidth = Self.links("นายสมศักดิ์\u{200B} มีสุข\u{200B} ผู้ตรวจราชการ\u{200B}กระทรวงการคลัง\u{200B} กล่าวว่า")
        #expect(zeroWidth.count == 1)
        #expect(zeroWidth.first?.role == "ผู้ตรวจราชการ" && zeroWidth.first?.org == "กระทรวงการคลัง")
    }

    @Test func provincialOfficersAndTheShortDeputy() {
        let officer = Self.links("นายเชิดชัย ใจดี จัดหางานจังหวัดสมุทรปราการ กล่าวว่า")
        #expect(officer.count == 1)
        #expect(officer.first?.role == "จัดหางานจังหวัด" && officer.first?.org == "สมุทรปราการ")
        let deputy = Self.links("รองฯ ประวิตร ลงพื้นที่")
        #expect(deputy.count == 1)
        #expect(deputy.first?.person == "ประวิตร" && deputy.first?.role == "รองฯ" && deputy.first?.canonical == "รองนายกรัฐมนตรี")
    }

    @Test func actingOfficesAbbotsAndShortForms() {
        let acting = Self.links("นายสมชาย ใจดี รักษาการในตำแหน่งผู้ตรวจราชการกระทรวงสาธารณสุข กล่าวว่า")
        #expect(acting.count == 1)
        #expect(acting.first?.role == "รักษาการในตำแหน่งผู้ตรวจราชการ" && acting.first?.org == "กระทรวงสาธารณสุข")
        let abbot = Self.links("ทั้งนี้ พระเทพวีราภรณ์ เจ้าอาวาสวัดพระเชตุพน กล่าวว่า")
        #expect(abbot.count == 1)
        #expect(abbot.first?.role == "เจ้าอาวาส" && abbot.first?.org == "วัดพระเชตุพน")
        let permanentSecretary = Self.links("พล.อ.สมชาย ใจดี ปล.กห. ได้ประชุม")
        #expect(permanentSecretary.first?.role == "ปล." && permanentSecretary.first?.org == "กห.")
        #expect(permanentSecretary.first?.canonical == "ปลัดกระทรวงกลาโหม")
    }

    @Test func anOfficeOpeningTheNextLineGluedToAVerbIsNotASignature() {
        #expect(Self.links("ประชาชนร่วมถวายพระพรแด่สมเด็จพระนางเจ้าสิริกิติ์ พระบรมราชินีนาถ\nนายกรัฐมนตรีเป็นประธานในพิธี").isEmpty)
        let signature = Self.links("ลงชื่อ นายสมชาย ใจดี\nรองปลัดกระทรวงมหาดไทย เป็นประธานเปิดงาน")
        #expect(signature.count == 1)
        #expect(signature.first?.role == "รองปลัด" && signature.first?.org == "กระทรวงมหาดไทย")
    }

    @Test func verbsCapacitiesAndLoneOfficesAreNotLinks() {
        #expect(Self.links("นายวิษณุ เครืองาม เป็นประธานในพิธี").isEmpty)
        #expect(Self.links("นายวิษณุ เครืองาม ในฐานะผู้แทนนายกรัฐมนตรี กล่าวว่า").isEmpty)
        #expect(Self.links("นายวิษณุ เครืองาม ในฐานะประธานในพิธี กล่าวว่า").isEmpty)
        #expect(Self.links("รัฐมนตรีว่าการกระทรวงพาณิชย์ กล่าวว่า การส่งออกเพิ่มขึ้น").isEmpty)
    }

    @Test func rolesSurviveCodableAndTheJSONWriter() throws {
        let document = Self.annotator.annotate("นายณัฏฐพล ทีปสุวรรณ รมว.ศธ. และนายจุรินทร์ ลักษณวิศิษฏ์ รองนายกรัฐมนตรีและรัฐมนตรีว่าการกระทรวงพาณิชย์")
        #expect(document.roles.count == 3)
        let decoded = try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(document))
        #expect(decoded.roles == document.roles)
        #expect(decoded == document)

        var writer = JSONWriter()
        writer.annotationRecord(rawID: "1", entities: document.entities, roles: document.roles)
        let record = try JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any]
        let roles = record?["roles"] as? [[String: Any]] ?? []
        #expect(roles.count == 3)
        #expect(roles.first?["person"] as? Int == document.roles[0].person)
        #expect((roles.first?["role"] as? [String: Any])?["text"] as? String == "รมว.")
        #expect(roles.first?["canonical"] as? String == "รัฐมนตรีว่าการกระทรวงศึกษาธิการ")
        #expect(roles[1]["org"] is NSNull)
        // A document written before role links decodes with none.
        let old = #"{"text":"นาย","tokens":[],"entities":[]}"#
        #expect(try JSONDecoder().decode(Document.self, from: Data(old.utf8)).roles.isEmpty)
        // A link naming an entity that does not exist is rejected.
        let bad = #"{"text":"นาย","tokens":[],"entities":[],"roles":[{"person":3,"role":{"start":0,"end":3,"text":"นาย"},"org":null}]}"#
        #expect(throws: DecodingError.self) { try JSONDecoder().decode(Document.self, from: Data(bad.utf8)) }
    }

    @Test func officeLexicon() throws {
        #expect(OfficeLexicon.bundled.offices.count > 100)
        #expect(OfficeLexicon.bundled.offices.contains { $0.surface == "รมว." && $0.canonical == "รัฐมนตรีว่าการ" && $0.kind == .head })
        let lexicon = try OfficeLexicon(parsing: "# comment\nsurface\tcanonical\tkind\nผวจ.\tผู้ว่าราชการจังหวัด\thead\nนายกรัฐมนตรี\t\twhole\n")
        #expect(lexicon.offices.map(\.canonical) == ["ผู้ว่าราชการจังหวัด", "นายกรัฐมนตรี"])
        #expect(throws: OfficeLexiconError.self) { try OfficeLexicon(parsing: "ผวจ.\tผู้ว่าราชการจังหวัด\tboss\n") }
        // An annotator can be built without the role stage.
        var configuration = Annotator.Configuration()
        configuration.linksRoles = false
        #expect(try Annotator(configuration: configuration).annotate("นายณัฏฐพล ทีปสุวรรณ รมว.ศธ.").roles.isEmpty)
    }

    @Test func tsvTableOfOffices() throws {
        let result = try CLITests.run(["annotate", "--format", "tsv", "-"],
                                      stdin: Data("วันพุธที่ 7 มิถุนายน 2560\nนายณัฏฐพล ทีปสุวรรณ รมว.ศธ. กล่าวว่า\n".utf8))
        #expect(result.status == 0)
        #expect(result.lines.first == "document\tperson\tperson_canonical\trole\toffice\torganisation\torganisation_canonical\tdate")
        let fields = result.lines.dropFirst().first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init) ?? []
        #expect(fields.count == 8)
        #expect(Array(fields.dropFirst()) == ["นายณัฏฐพล ทีปสุวรรณ", "นายณัฏฐพล ทีปสุวรรณ", "รมว.", "รัฐมนตรีว่าการกระทรวงศึกษาธิการ",
                                             "ศธ.", "กระทรวงศึกษาธิการ", "2017-06-07"])
    }

    @Test func evalScoresRoleLinksAndOneSplit() throws {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("roles-\(UUID())")
        try FileManager.default.createDirectory(at: root.appendingPathComponent("gold"), withIntermediateDirectories: true)
        try FileManager.default.createDirectory(at: root.appendingPathComponent("documents"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: root) }
        let text = "นายณัฏฐพล ทีปสุวรรณ รมว.ศธ. กล่าวว่า"
        try text.write(to: root.appendingPathComponent("documents/a.txt"), atomically: true, encoding: .utf8)
        try text.write(to: root.appendingPathComponent("documents/b.txt"), atomically: true, encoding: .utf8)
        // a: the link as the system makes it; b: a gold link with a different role span.
        func gold(_ name: String, roleEnd: Int) -> String {
            """
            {"document": "\(name)", "entities": [
              {"type": "PERSON", "start": 0, "end": 19, "text": "นายณัฏฐพล ทีปสุวรรณ"},
              {"type": "ACRONYM", "start": 24, "end": 27, "text": "ศธ.", "expansion": "กระทรวงศึกษาธิการ", "refersTo": "MINISTRY"}],
             "roles": [{"person": 0, "role": {"start": 20, "end": \(roleEnd), "text": "รมว."}, "org": 1}]}
            """
        }
        try gold("a", roleEnd: 24).write(to: root.appendingPathComponent("gold/a.json"), atomically: true, encoding: .utf8)
        try gold("b", roleEnd: 23).write(to: root.appendingPathComponent("gold/b.json"), atomically: true, encoding: .utf8)
        try "document\tsplit\na\ttrain\nb\ttest\n".write(to: root.appendingPathComponent("manifest.tsv"), atomically: true, encoding: .utf8)

        let all = CLITests.json(try CLITests.run(["eval", root.path, "--format", "json"]).stdout)
        let roles = all["roles"] as? [String: Any] ?? [:]
        #expect(roles["gold"] as? Int == 2 && roles["predicted"] as? Int == 2)
        #expect((roles["exact"] as? [String: Double])?["f1"] == 0.5)
        #expect((roles["overlap"] as? [String: Double])?["f1"] == 1.0)

        let train = CLITests.json(try CLITests.run(["eval", root.path, "--format", "json", "--split", "train"]).stdout)
        #expect(((train["roles"] as? [String: Any])?["exact"] as? [String: Double])?["f1"] == 1.0)
        let text_ = try CLITests.run(["eval", root.path, "--split", "test"]).stdout
        #expect(text_.contains("ROLE links"))
        #expect(try CLITests.run(["eval", root.path, "--split", "dev"]).status == 64)
    }

    @Test func roleEvaluationCountsRepeatedLinksOnceEach() {
        var evaluation = RoleEvaluation()
        let link = ScoredRole(person: 0..<5, role: 6..<10, organization: 10..<15)
        let bodiless = ScoredRole(person: 20..<25, role: 26..<30, organization: nil)
        let shorter = ScoredRole(person: 20..<25, role: 26..<29, organization: nil)
        evaluation.add(gold: [link, link, bodiless], predicted: [link, shorter], text: String(repeating: "ก", count: 40), document: "d")
        #expect(evaluation.gold == 3 && evaluation.predicted == 2 && evaluation.exactMatches == 1)
        #expect(evaluation.goldOverlapped == 3 && evaluation.predictedOverlapping == 2)
        #expect(evaluation.exact == PrecisionRecall(correct: 1, gold: 3, predicted: 2))
        #expect(evaluation.examples.map(\.kind) == [.miss, .miss, .spurious])
        #expect(evaluation.examples[2].description == "d\trole-spurious  กกกกก | กกก | -")
        // A link with a body never overlaps one without.
        #expect(!link.overlaps(ScoredRole(person: 0..<5, role: 6..<10, organization: nil)))
        var total = Evaluation()
        total.roles.merge(evaluation)
        #expect(total.roles.gold == 3 && total.json().contains("\"roles\":{\"gold\":3"))
        #expect(total.table().hasSuffix("ROLE links         3     2   0.5   0.333 0.4        1.0   1.0   1.0  "))
    }

    @Test func corpusSplitsFollowTheManifest() throws {
        let splits = try CorpusGold.splits(folder: Corpus.root.path)
        let test = try CorpusGold(folder: Corpus.root.path, split: "test").documents
        #expect(!test.isEmpty && test.allSatisfy { splits[$0.document] == "test" })
        #expect(throws: CorpusGoldError.self) { try CorpusGold(folder: Corpus.root.path, split: "dev") }
        // Every corpus gold file with role links names entities it has.
        for gold in try CorpusGold(folder: Corpus.root.path).documents {
            #expect(gold.scoredRoles?.count == gold.roles?.count, "\(gold.document)")
        }
    }
}
