import Testing
import ThaiSegmentation
@testable import ThaiEntities

/// A model LOCATION that runs over two places is cut into them (`splittingCoordinatedPlaces`);
/// made-up phrases, the model's span given by hand.
struct PlaceCoordinationTests {
    /// The texts of the spans that `splittingCoordinatedPlaces` makes of one model span of `type`
    /// over all of `text`, with `rules` (text, type) as the recogniser's mentions.
    static func split(_ text: String, type: EntityType = .location, rules: [(String, EntityType)] = []) -> [String] {
        let units = Array(text.utf16)
        let mentions = rules.map { rule -> EntityMention in
            let start = text.utf16.distance(from: text.utf16.startIndex, to: text.range(of: rule.0)!.lowerBound.samePosition(in: text.utf16)!)
            return EntityMention(type: rule.1, utf16Range: start..<(start + rule.0.utf16.count))
        }
        return units.withUnsafeBufferPointer { buffer in
            EntityTagger.splittingCoordinatedPlaces([(type, 0..<units.count)], rules: mentions, units: buffer).map {
                String(decoding: units[$0.range], as: UTF16.self)
            }
        }
    }

    @Test func placesJoinedByAndAreTwoPlaces() {
        #expect(Self.split("บ้านนาดีและบ้านหนองกุง") == ["บ้านนาดี", "บ้านหนองกุง"])
        #expect(Self.split("ลุ่มน้ำปิงและลุ่มน้ำวัง") == ["ลุ่มน้ำปิง", "ลุ่มน้ำวัง"])
        // A place the rules know after และ, running to the span's end.
        #expect(Self.split("ชลบุรีและระยอง", rules: [("ระยอง", .location)]) == ["ชลบุรี", "ระยอง"])
    }

    @Test func theRoomTheBuildingAndTheCompoundAreEachAPlace() {
        #expect(Self.split("ห้องประชุมทับทิม ตึกสมมุติ ทำเนียบรัฐบาล") == ["ห้องประชุมทับทิม", "ตึกสมมุติ", "ทำเนียบรัฐบาล"])
    }

    @Test func oneNameStaysWhole() {
        // A bare head word shares the name after it.
        #expect(Self.split("แขวงและเขตบางรัก") == ["แขวงและเขตบางรัก"])
        #expect(Self.split("ห้องประชุม ภูพาน") == ["ห้องประชุม ภูพาน"])
        // และ inside a description, and a place word with no name after it.
        #expect(Self.split("ศูนย์ส่งเสริมและพัฒนาอาชีพ") == ["ศูนย์ส่งเสริมและพัฒนาอาชีพ"])
        #expect(Self.split("ลาดพร้าว กรุงเทพฯ") == ["ลาดพร้าว กรุงเทพฯ"])
        // Only places are cut.
        #expect(Self.split("บ้านนาดีและบ้านหนองกุง", type: .organization) == ["บ้านนาดีและบ้านหนองกุง"])
    }

    /// The texts of the spans `joiningCapitalDistricts` makes of model LOCATIONs over `pieces`,
    /// written one after another, with one rule LOCATION over all of them when `ruleOverAll`.
    static func joined(_ pieces: [String], ruleOverAll: Bool = true) -> [String] {
        let text = pieces.joined()
        let units = Array(text.utf16)
        var spans: [(type: EntityType, range: Range<Int>)] = []
        var start = 0
        for piece in pieces {
            spans.append((.location, start..<(start + piece.utf16.count)))
            start += piece.utf16.count
        }
        let rules = ruleOverAll ? [EntityMention(type: .location, utf16Range: 0..<units.count)] : []
        return units.withUnsafeBufferPointer { buffer in
            EntityTagger.joiningCapitalDistricts(spans, rules: rules, units: buffer).map { String(decoding: units[$0.range], as: UTF16.self) }
        }
    }

    @Test func theCapitalDistrictIsNamedWithItsProvince() {
        #expect(Self.joined(["อ.เมือง", "ลำปาง"]) == ["อ.เมืองลำปาง"])
        #expect(Self.joined(["อำเภอเมือง", "น่าน"]) == ["อำเภอเมืองน่าน"])
        // Another district, or no rule place over the two, stays apart.
        #expect(Self.joined(["อ.แม่ทะ", "ลำปาง"]) == ["อ.แม่ทะ", "ลำปาง"])
        #expect(Self.joined(["อ.เมือง", "ลำปาง"], ruleOverAll: false) == ["อ.เมือง", "ลำปาง"])
    }

    /// The text of the model LOCATION over the start of `text` up to `span` after
    /// `extendingSiteNumbers`.
    static func numbered(_ text: String, span: String) -> String {
        let units = Array(text.utf16)
        return units.withUnsafeBufferPointer { buffer in
            let spans = EntityTagger.extendingSiteNumbers([(.location, 0..<span.utf16.count)], units: buffer)
            return String(decoding: units[spans[0].range], as: UTF16.self)
        }
    }

    @Test func aNumberedSiteTakesItsNumber() {
        #expect(Self.numbered("ซอยลาดพร้าว 71 แขวงจอมพล", span: "ซอยลาดพร้าว") == "ซอยลาดพร้าว 71")
        #expect(Self.numbered("ห้องพระอุเทน 1 ชั้น 2", span: "ห้องพระอุเทน") == "ห้องพระอุเทน 1")
        #expect(Self.numbered("ทางหลวงหมายเลข 9", span: "ทางหลวงหมายเลข") == "ทางหลวงหมายเลข 9")
    }

    @Test func aCountOrAnotherPlaceKeepsItsNumber() {
        // A count word after the number, a number that goes on, a place with no numbered-site head.
        #expect(Self.numbered("อาคารสมมุติ 2 หลัง", span: "อาคารสมมุติ") == "อาคารสมมุติ")
        #expect(Self.numbered("ถนนสีลม 2) วันที่", span: "ถนนสีลม") == "ถนนสีลม")
        #expect(Self.numbered("ซอยลาดพร้าว 10.30 น.", span: "ซอยลาดพร้าว") == "ซอยลาดพร้าว")
        #expect(Self.numbered("จังหวัดน่าน 2 แห่ง", span: "จังหวัดน่าน") == "จังหวัดน่าน")
        #expect(Self.numbered("ภูเก็ต 10 ชม.", span: "ภูเก็ต") == "ภูเก็ต")
        // A bare head word is no site's name.
        #expect(Self.numbered("ห้อง 5", span: "ห้อง") == "ห้อง")
    }

    /// The texts of the model LOCATIONs over each of `pieces` (written one after another) that
    /// `droppingFloors` keeps.
    static func keptPlaces(_ pieces: [String]) -> [String] {
        let units = Array(pieces.joined().utf16)
        var spans: [(type: EntityType, range: Range<Int>)] = []
        var start = 0
        for piece in pieces {
            spans.append((.location, start..<(start + piece.utf16.count)))
            start += piece.utf16.count
        }
        return units.withUnsafeBufferPointer { buffer in
            EntityTagger.droppingFloors(spans, units: buffer).map { String(decoding: units[$0.range], as: UTF16.self) }
        }
    }

    @Test func aFloorAloneIsNoPlace() {
        #expect(Self.keptPlaces(["ห้องประชุม 1", "ชั้น 5", "อาคารสมมุติ"]) == ["ห้องประชุม 1", "อาคารสมมุติ"])
        #expect(Self.keptPlaces(["ชั้น๒"]) == [])
        // A floor with a name is a place.
        #expect(Self.keptPlaces(["ชั้นลอยสมมุติ"]) == ["ชั้นลอยสมมุติ"])
    }

    /// The text of the model LOCATION over `span` in `text` after `takingRegionWords`, with
    /// `other` (if any) a model span over the start of the text.
    static func regioned(_ text: String, span: String, other: String? = nil) -> String {
        let units = Array(text.utf16)
        let needle = Array(span.utf16)
        let start = units.indices.first { units[$0...].starts(with: needle) }!
        var spans: [(type: EntityType, range: Range<Int>)] = other.map { [(.organization, 0..<$0.utf16.count)] } ?? []
        spans.append((.location, start..<(start + needle.count)))
        return units.withUnsafeBufferPointer { buffer in
            String(decoding: units[EntityTagger.takingRegionWords(spans, units: buffer).last!.range], as: UTF16.self)
        }
    }

    /// Under ThaiNER's conventions a region takes ภาค glued before it, but not ภูมิภาค's nor a
    /// ภาค another span holds. Made-up text.
    @Test func aRegionTakesItsRegionWord() {
        #expect(Self.regioned("ฝนตกหนักทั่วภาคอีสาน", span: "อีสาน") == "ภาคอีสาน")
        #expect(Self.regioned("ฝนตกหนักทั่วภูมิภาคอาเซียน", span: "อาเซียน") == "อาเซียน")
        #expect(Self.regioned("สำนักงานภาคเหนือ", span: "เหนือ", other: "สำนักงานภาค") == "เหนือ")
        #expect(Self.regioned("ฝนตกที่ภาค อีสาน", span: "อีสาน") == "อีสาน")
    }
}
