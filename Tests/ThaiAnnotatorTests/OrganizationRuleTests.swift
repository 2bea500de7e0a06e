import Testing
@testable import ThaiAnnotator
@testable import ThaiEntities

/// Organisations the rules build (GUIDELINES ORGANIZATION, conventions 4 and 16), and the merge's
/// split of an organisation and its parent.
struct OrganizationRuleTests {
    static let rules = try! Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())

    static func organisations(_ text: String) -> [String] {
        rules.annotate(text).entities(ofType: .organization).map(\.text)
    }

    @Test func englishNamesWithAHeadWordAreOrganisations() {
        let found = Self.organisations("ร่วมกับ Animal Testing Center และ Wildlife Conservation Society ผ่านระบบ Call Center ของ BBG Club")
        #expect(found == ["Animal Testing Center", "Wildlife Conservation Society", "BBG Club"])
        // One "for" at most: what follows a second one is no part of the name.
        #expect(Self.organisations("ตามแนวทางของ Organization for Economic Co-operation and Development for Good Laboratory Practice")
            == ["Organization for Economic Co-operation and Development"])
    }

    @Test func aThaiHeadThenALatinNameIsOneOrganisation() {
        #expect(Self.organisations("เดินทางด้วยสายการบิน Lufthansa ไปยังกรุงเบอร์ลิน") == ["สายการบิน Lufthansa"])
        #expect(Self.organisations("ผ่าน ศูนย์ EOC ของกรม").first == "ศูนย์ EOC")
    }

    /// ICU cuts ผู้อำนวยการกองกลาง as ผู้|อำนวย|การก|อง|กลาง: the unit is still found.
    @Test func aUnitGluedAfterAPositionIsFound() {
        #expect(Self.organisations("รวมทั้งผู้อำนวยการกองกลาง ผู้อำนวยการกองการต่างประเทศ") == ["กองกลาง", "กองการต่างประเทศ"])
    }

    /// A numbered office's number is part of its name (convention 3), also when the word that
    /// numbers it is glued to the name; a number that counts is not. Made-up text.
    @Test func aNumberedOfficeKeepsItsNumber() {
        #expect(Self.organisations("ประสานกับสำนักงานประมงเขต 4 และสำนักงานทางหลวงพื้นที่ 2 – 3 แล้ว")
            == ["สำนักงานประมงเขต 4", "สำนักงานทางหลวงพื้นที่ 2 – 3"])
        #expect(!Self.organisations("ส่งไปที่สำนักงานประมงเขต 4 คน").contains("สำนักงานประมงเขต 4"))
    }

    /// ความ and เพื่อ + a noun right after a head word open the body's name; เพื่อ + a verb says what
    /// a body is for. Made-up text.
    @Test func aNameMayOpenWithAPurposeOrAnAbstractNoun() {
        #expect(Self.organisations("ผู้แทนคณะทำงานความร่วมมือด้านประมงทะเล ครั้งที่ 5") == ["คณะทำงานความร่วมมือด้านประมงทะเล"])
        #expect(Self.organisations("ยื่นเรื่องต่อมูลนิธิเพื่อผู้สูงวัยแล้ว") == ["มูลนิธิเพื่อผู้สูงวัย"])
        #expect(Self.organisations("จึงตั้งศูนย์เพื่อติดตามงาน") == [])
    }

    /// A name found by a head word ends at a glued function word or a common verb (the closed class
    /// `Vocabulary.organizationStops`). Made-up text.
    @Test func aNameEndsAtAGluedFunctionWord() {
        #expect(Self.organisations("วันนี้มูลนิธิรักษ์ช้างไทยจะจัดงานใหญ่") == ["มูลนิธิรักษ์ช้างไทย"])
        #expect(Self.organisations("เมื่อวานสมาคมชาวประมงอันดามันได้ยื่นหนังสือ") == ["สมาคมชาวประมงอันดามัน"])
    }

    /// กลุ่ม glued before a company is part of the group's name. Made-up text.
    @Test func aGroupOfCompaniesIsOneOrganisation() {
        #expect(Self.organisations("ผู้บริหารกลุ่มบริษัท สยามรุ่งเรือง จำกัด เดินทางมาถึง") == ["กลุ่มบริษัท สยามรุ่งเรือง จำกัด"])
    }

    @Test func aFacultyTakesItsTeachingHospital() {
        let found = Self.organisations("ได้แก่ คณะแพทยศาสตร์ศิริราชพยาบาล มหาวิทยาลัยมหิดล และคณะแพทยศาสตร์ โรงพยาบาลรามาธิบดี")
        #expect(found == ["คณะแพทยศาสตร์ศิริราชพยาบาล", "มหาวิทยาลัยมหิดล", "คณะแพทยศาสตร์ โรงพยาบาลรามาธิบดี"])
    }

    /// A model ORGANIZATION over two organisations of the rules (an office and its parent) gives
    /// way to them; over a faculty and the body glued after it, it stands.
    @Test func aModelSpanOverAnOrganisationAndItsParentGivesWayToTheRules() {
        let text = Array("สำนักป่าไม้กรมป่าไม้ คณะแพทยศาสตร์ศิริราช".utf16)
        text.withUnsafeBufferPointer { units in
            let office = EntityMention(type: .organization, utf16Range: 0..<11)
            let parent = EntityMention(type: .organization, utf16Range: 11..<20)
            let merged = EntityTagger.merge(rules: [office, parent], model: [(.organization, 0..<20)], units: units)
            #expect(merged.map(\.utf16Range) == [0..<11, 11..<20])
            let faculty = EntityMention(type: .organization, utf16Range: 21..<34)
            let hospital = EntityMention(type: .organization, utf16Range: 34..<41)
            let joined = EntityTagger.merge(rules: [faculty, hospital], model: [(.organization, 21..<41)], units: units)
            #expect(joined.map(\.utf16Range) == [21..<41])
        }
    }
    /// A platform's name that labels a handle on a contact line is no organisation; the company
    /// named in a sentence still is, and so is a platform before a word other than a colon.
    @Test func aPlatformLabellingAContactFieldIsNoOrganisation() {
        let footer = "สอบถามเพิ่มเติม โทร 0 2333 3834\nFacebook : sciencethailand\nLine: @scithai"
        #expect(Self.organisations(footer).isEmpty)
        #expect(Self.organisations("ผู้ก่อตั้ง Facebook ได้เดินทางมาพบนายกรัฐมนตรี") == ["Facebook"])
        #expect(Self.organisations("ดูได้ทาง Facebook Fanpage ของกรม") == ["Facebook"])
        // With the model too: the label is dropped after the merge, whatever the model says.
        let withModel = try! Annotator()
        #expect(!withModel.annotate(footer).entities(ofType: .organization).contains { $0.text.hasPrefix("Facebook") })
    }
    /// A function word or adverb glued after a head word's name ends the name (อีก, ทันที,
    /// สามารถ); other words glued after it go on.
    @Test func aGluedFunctionWordEndsAHeadWordsName() {
        let text = "ประชุมที่อาคารสุขใจอีกครั้ง ต่อมาไปที่โรงแรมริมธารทันที และมูลนิธิรักษ์ป่าสามารถช่วยได้ ส่วนอาคารสุขใจพัฒนา ปิดอยู่"
        let found = Self.rules.annotate(text).entities.filter { $0.type == .location || $0.type == .organization }.map(\.text)
        #expect(found == ["อาคารสุขใจ", "โรงแรมริมธาร", "มูลนิธิรักษ์ป่า", "อาคารสุขใจพัฒนา"])
    }
}
