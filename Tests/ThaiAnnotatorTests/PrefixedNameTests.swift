import Foundation
import Testing
@testable import ThaiAnnotator
@testable import ThaiEntities

/// Under ThaiNER's conventions a kin or trade word glued before a name-shaped word opens a PERSON
/// (`EntityTagger.addingPrefixedNames`); all texts are made up.
struct PrefixedNameTests {
    /// The texts of the mentions after `addingPrefixedNames` over `text`, with `person` (if any)
    /// already a PERSON.
    static func prefixed(_ text: String, person: String? = nil) throws -> [String] {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let utf16 = UTF16Text(text)
        let tokens = rules.segmenter.tokens(in: utf16)
        let string = text as NSString
        let mentions = person.map { person -> [EntityMention] in
            let range = string.range(of: person)
            return [EntityMention(type: .person, utf16Range: range.location..<(range.location + range.length))]
        } ?? []
        return utf16.units.withUnsafeBufferPointer { units in
            EntityTagger.addingPrefixedNames(mentions, units: units, tokens: tokens)
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
    }

    /// A kin word before a word rare in running text opens a name, which ends before a common
    /// glued word.
    @Test func aKinWordBeforeARareWordOpensAName() throws {
        #expect(try Self.prefixed("เมื่อวานน้องจ๊อบบี้ไปโรงเรียนแต่เช้า") == ["น้องจ๊อบบี้"])
        #expect(try Self.prefixed("ชาวบ้านช่วยกันตามหาครูจ๊อบบี้ที่หายไป") == ["ครูจ๊อบบี้"])
    }

    /// A kin word before a common word, inside a compound (รุ่นน้อง), before an abbreviation or a
    /// word with a digit, or where a mention already is, opens nothing.
    @Test func aKinWordBeforeACommonWordOpensNothing() throws {
        #expect(try Self.prefixed("เมื่อวานน้องกินข้าวแล้วไปโรงเรียน") == [])
        #expect(try Self.prefixed("เมื่อวานรุ่นน้องปุ๊กกี้ไปโรงเรียน") == [])
        #expect(try Self.prefixed("เมื่อวานน้องอีก5คนไปโรงเรียน") == [])
        #expect(try Self.prefixed("เมื่อวานน้องปุ๊กกี้ไปโรงเรียน", person: "ปุ๊กกี้") == ["ปุ๊กกี้"])
    }
}
