import Foundation
import Testing
import ThaiAnnotator
import ThaiSegmentation
@testable import ThaiEntities

/// After the merge, an organisation's edges are mended where the model ran over a word that is no
/// part of a name: a verb or function word glued after it, a preposition or position glued before
/// it, และ and a second organisation's head word. Made-up text, the merged spans given by hand.
struct OrganizationEdgeTests {
    /// The texts of the ORGANIZATIONs that `step` makes of `spans` (parts of `text`, each the first
    /// place it occurs) with the segmenter's tokens of `text`.
    static func revised(_ text: String, _ spans: [String],
                        _ step: ([EntityMention], [Token], UnsafeBufferPointer<UInt16>) -> [EntityMention]) throws -> [String] {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let utf16 = UTF16Text(text)
        let string = text as NSString
        let merged = spans.map { part -> EntityMention in
            let found = string.range(of: part)
            return EntityMention(type: .organization, utf16Range: found.location..<(found.location + found.length))
        }
        return utf16.units.withUnsafeBufferPointer { units in
            step(merged, rules.segmenter.tokens(in: utf16), units)
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
    }

    @Test func aGluedVerbEndsTheName() throws {
        let found = try Self.revised("วันนี้กรมควบคุมมลพิษชี้ว่าอากาศดี และสมาคมประมงทราบเรื่อง กับกรมประมง",
                                     ["กรมควบคุมมลพิษชี้", "สมาคมประมงทราบ", "กรมประมง"], EntityTagger.endingBeforeGluedWords)
        #expect(found == ["กรมควบคุมมลพิษ", "สมาคมประมง", "กรมประมง"])
    }

    @Test func aGluedPrepositionOrPositionBeforeTheNameIsLeftOut() throws {
        let found = try Self.revised("งบของสำนักงานสถิติแห่งชาติ และอธิบดีกรมประมง กับ ของ กรมป่าไม้",
                                     ["ของสำนักงานสถิติแห่งชาติ", "อธิบดีกรมประมง", "กรมป่าไม้"], EntityTagger.startingAfterGluedWords)
        #expect(found == ["สำนักงานสถิติแห่งชาติ", "กรมประมง", "กรมป่าไม้"])
    }

    @Test func twoBodiesJoinedByAndAreTwo() throws {
        let found = try Self.revised("นักเรียนโรงเรียนบางมดวิทยาและโรงเรียนจินดาศึกษา กับธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร",
                                     ["โรงเรียนบางมดวิทยาและโรงเรียนจินดาศึกษา", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร"],
                                     EntityTagger.splittingCoordinatedOrganizations)
        #expect(found == ["โรงเรียนบางมดวิทยา", "โรงเรียนจินดาศึกษา", "ธนาคารเพื่อการเกษตรและสหกรณ์การเกษตร"])
    }

    /// Under ThaiNER's conventions a unit and the parent written after it are two organisations:
    /// a faculty or a department glued or spaced before its university or faculty, a กรม before its
    /// กระทรวง. A committee (คณะกรรมการ), an office title's กระทรวง (สำนักงานปลัดกระทรวง) and a
    /// head glued inside another unit's name stay whole.
    @Test func aUnitAndItsParentAreTwoUnderThaiNERsConventions() throws {
        let text = "นักศึกษาคณะเภสัชศาสตร์มหาวิทยาลัยบูรพา กับภาควิชาชีววิทยา คณะวิทยาศาสตร์ และกรมการข้าว กระทรวงเกษตรและสหกรณ์"
        let found = try Self.revised(text, ["คณะเภสัชศาสตร์มหาวิทยาลัยบูรพา", "ภาควิชาชีววิทยา คณะวิทยาศาสตร์",
                                            "กรมการข้าว กระทรวงเกษตรและสหกรณ์"], EntityTagger.splittingParentBodies)
        #expect(found == ["คณะเภสัชศาสตร์", "มหาวิทยาลัยบูรพา", "ภาควิชาชีววิทยา", "คณะวิทยาศาสตร์", "กรมการข้าว",
                          "กระทรวงเกษตรและสหกรณ์"])
        let whole = ["คณะกรรมการมหาวิทยาลัยบูรพา", "สำนักงานปลัดกระทรวงแรงงาน", "สถานีโทรทัศน์กรมประชาสัมพันธ์"]
        let kept = try Self.revised("ทั้งคณะกรรมการมหาวิทยาลัยบูรพา สำนักงานปลัดกระทรวงแรงงาน และสถานีโทรทัศน์กรมประชาสัมพันธ์",
                                    whole, EntityTagger.splittingParentBodies)
        #expect(kept == whole)
    }

    /// Under ThaiNER's conventions a faculty's name ends at a space: what follows is its university
    /// or hospital. A delegation (คณะนักธุรกิจ) is no faculty.
    @Test func aFacultyEndsAtASpaceUnderThaiNERsConventions() throws {
        let found = try Self.revised("ทีมคณะทันตแพทยศาสตร์ บูรพา และคณะนักธุรกิจไทย ญี่ปุ่น",
                                     ["คณะทันตแพทยศาสตร์ บูรพา", "คณะนักธุรกิจไทย ญี่ปุ่น"], EntityTagger.splittingParentBodies)
        #expect(found == ["คณะทันตแพทยศาสตร์", "บูรพา", "คณะนักธุรกิจไทย ญี่ปุ่น"])
    }

    /// Under ThaiNER's conventions a span that leaves a bracket open is the name before it and the
    /// name inside it; a closed bracket stays inside the span.
    @Test func aSpanThatLeavesABracketOpenIsTwo() throws {
        let found = try Self.revised("ติดต่อสำนักงานส่งเสริมการค้า(สสค. หรือบริษัท สยามพืชผล จำกัด(มหาชน) แล้ว",
                                     ["สำนักงานส่งเสริมการค้า(สสค.", "บริษัท สยามพืชผล จำกัด(มหาชน)"]) { merged, _, units in
            EntityTagger.splittingOpenBrackets(merged, units: units)
        }
        #expect(found == ["สำนักงานส่งเสริมการค้า", "สสค.", "บริษัท สยามพืชผล จำกัด(มหาชน)"])
    }
}
