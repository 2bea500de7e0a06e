import Testing
@testable import ThaiEntities

/// The place-context codes behind the tagger's features 84-86: the kind of word written right
/// before a unit (made-up phrases, cut into units by hand).
struct PlaceContextTests {
    /// The `before` code of the last unit of `words`, the units written one after another.
    static func before(_ words: [String]) -> UInt64 {
        let units = Array(words.joined().utf16)
        var pieces: [Range<Int>] = []
        var start = 0
        for word in words {
            pieces.append(start..<(start + word.utf16.count))
            start += word.utf16.count
        }
        let blank = words.map { $0 == " " }
        return units.withUnsafeBufferPointer { text in
            PlaceContextCodes(text: text, pieces: pieces, isBlank: blank).before[pieces.count + 1]
        }
    }

    @Test func aCountryAfterAWordThatTakesAPlaceOrAPartyIsToldFromAModifier() {
        #expect(Self.before(["ของ", "ลาว"]) == 1)        // the state's (a party)
        #expect(Self.before(["บริเวณ", "ท่าน้ำ"]) == 1)   // a site
        #expect(Self.before(["ชาว", "ลาว"]) == 2)        // nationality
        #expect(Self.before(["ยืนยัน", "ลาว"]) == 3)     // a verb: the country as subject or object
        #expect(Self.before(["ไก่", "ลาว"]) == 4)         // another noun: usually a modifier
        #expect(Self.before(["ต่อ", "มา", "ลาว"]) == 1)   // มา takes a place
        #expect(Self.before(["ต่อมา", "ลาว"]) == 4)      // ต่อมา "later" is not มา
    }

    @Test func oneSpaceBeforeTheUnitIsMarkedAndAnythingElseIsNoWord() {
        #expect(Self.before(["ณ", " ", "ท่าน้ำ"]) == 1 | 8)
        #expect(Self.before(["ต่อ", "มา", " ", "ลาว"]) == 0)  // over a space only a site word counts
        #expect(Self.before(["ลาว"]) == 0)               // the text's start
        #expect(Self.before(["2", "ลาว"]) == 0)          // a digit before
        #expect(Self.before(["ของ", " ", " ", "ลาว"]) == 0)  // more than one space
    }
}
