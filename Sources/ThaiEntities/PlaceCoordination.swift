import ThaiSegmentation

/// Places written one after another are places of their own: two joined by และ (บ้านดินจี่|และ|
/// บ้านโพนแพง, ลุ่มน้ำชี|และ|ลุ่มน้ำมูล, กทม.|และ|ปริมณฑล) and the parts of an address chain
/// after a space (ห้องสีเขียว| |ตึกไทยคู่ฟ้า| |ทำเนียบรัฐบาล): the guidelines mark each, and so does
/// ThaiNER train far more often than not (none of the corpus `train` gold LOCATIONs and 18 of
/// ThaiNER train's 3,937 have a space before a place word inside). The model sometimes reads them
/// as one span.
extension EntityTagger {
    /// `spans` with each model LOCATION cut where another place starts: after และ, a place word
    /// (`partHeads`: บ้าน, หนอง, ลุ่มน้ำ, ตึก, อาคาร ...) with a name after it or a rule LOCATION
    /// that runs to the span's end; after a space, a place word with a name after it. A bare head
    /// word before the cut is an ellipsis or a head with its name after the space, not a place
    /// (แขวงและเขตจอมทอง, ห้องประชุม ภูพาน stay whole), and a และ inside a description is not
    /// followed by a place (ศูนย์ส่งเสริมและพัฒนาอาชีพคนพิการ).
    static func splittingCoordinatedPlaces(_ spans: [(type: EntityType, range: Range<Int>)], rules: [EntityMention],
                                           units: UnsafeBufferPointer<UInt16>) -> [(type: EntityType, range: Range<Int>)] {
        var result: [(type: EntityType, range: Range<Int>)] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            guard span.type == .location else {
                result.append(span)
                continue
            }
            var start = span.range.lowerBound
            let end = span.range.upperBound
            var position = start + 2
            while position + 3 < end {
                defer { position += 1 }
                let next: Int
                if units.hasWord(Words.and, at: position) {
                    next = position + Words.and.count
                    guard startsPlace(at: next, before: end, units: units)
                        || rules.contains(where: { $0.type == .location && $0.utf16Range == next..<end }) else { continue }
                } else if units[position] == 0x20 {
                    next = position + 1
                    guard startsPlace(at: next, before: end, units: units) else { continue }
                } else {
                    continue
                }
                var firstEnd = position
                while firstEnd > start, CharacterClass.isWhitespace(units[firstEnd - 1]) { firstEnd -= 1 }
                // A bare head word before the cut shares the name after it (แขวงและเขตจอมทอง).
                if let head = partHeads.longestMatch(in: units, at: start), head.end >= firstEnd { continue }
                result.append((.location, start..<firstEnd))
                start = next
            }
            result.append((.location, start..<end))
        }
        return result
    }

    /// Whether a place word (`partHeads`) starts at `position` with a name glued after it (Thai or
    /// Latin, a digit too: ม.6), two units at least before `end`.
    static func startsPlace(at position: Int, before end: Int, units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard let head = partHeads.longestMatch(in: units, at: position), head.end + 2 <= end else { return false }
        let next = units[head.end]
        return CharacterClass.isThai(next) || CharacterClass.isLatinLetter(next) || CharacterClass.isDigit(next)
    }

    /// The words that open a place written after another: the place cue words (`PlaceCueWords`)
    /// and the heads of buildings and sites.
    static let partHeads = PrefixTrie(words: PlaceCueWords.kinds.flatMap { $0 } + ["ตึก", "อาคาร", "ทำเนียบ", "โรงแรม", "วัด", "ศาลากลาง", "ที่ว่าการ", "ห้องประชุม", "หอประชุม", "ศูนย์ประชุม"])
}

extension EntityTagger {
    /// `spans` with a model LOCATION that ends with the provincial capital's district (อ.เมือง,
    /// อำเภอเมือง) joined to the model LOCATION glued after it when a rule LOCATION covers the two
    /// exactly: the district is named with its province (อ.เมือง|ลำปาง becomes อ.เมืองลำปาง; the
    /// corpus gold always, ThaiNER train 15 times of 22), as the rules read it.
    static func joiningCapitalDistricts(_ spans: [(type: EntityType, range: Range<Int>)], rules: [EntityMention],
                                        units: UnsafeBufferPointer<UInt16>) -> [(type: EntityType, range: Range<Int>)] {
        var result: [(type: EntityType, range: Range<Int>)] = []
        result.reserveCapacity(spans.count)
        for span in spans {
            if let last = result.last, last.type == .location, span.type == .location, last.range.upperBound == span.range.lowerBound,
               last.range.count > Words.capitalDistrict.count,
               units.hasWord(Words.capitalDistrict, at: last.range.upperBound - Words.capitalDistrict.count),
               rules.contains(where: { $0.type == .location && $0.utf16Range == last.range.lowerBound..<span.range.upperBound }) {
                result[result.count - 1].range = last.range.lowerBound..<span.range.upperBound
                continue
            }
            result.append(span)
        }
        return result
    }
}

extension EntityTagger {
    /// `spans` with a model LOCATION that opens with the head of a numbered site (`numberedSiteHeads`:
    /// ซอย, ถนน, ห้อง, ตึก, อาคาร ...) and a name extended over the number written right after it, one
    /// space at most before it (ซอยลาดพร้าว 71, ห้องประชุมสิริคุณากร 3, ตึกใบหยก 2): the number is part
    /// of the site's name (corpus `train` gold: 186 LOCATIONs with these heads take the number after them, one
    /// leaves it, a list number: ถนนสีลม 2); ThaiNER train: 18 and none). A number that counts or dates
    /// something (a count word after it: 2 หลัง, 1 ราย; but not a floor and its number), that goes on (a letter, a dot, a comma, a
    /// slash, a bracket after it) or that another span starts on is left alone.
    static func extendingSiteNumbers(_ spans: [(type: EntityType, range: Range<Int>)],
                                     units: UnsafeBufferPointer<UInt16>) -> [(type: EntityType, range: Range<Int>)] {
        var result = spans
        for index in result.indices where result[index].type == .location {
            let range = result[index].range
            guard let head = numberedSiteHeads.longestMatch(in: units, at: range.lowerBound), head.end < range.upperBound,
                  let end = siteNumberEnd(after: range.upperBound, units: units),
                  index + 1 == result.count || result[index + 1].range.lowerBound >= end else { continue }
            result[index].range = range.lowerBound..<end
        }
        return result
    }

    /// The end of a site's number (one to three digits, or a range of two: 1-3) at `position`,
    /// one space at most before it, or nil when there is none or it counts, dates or goes on.
    static func siteNumberEnd(after position: Int, units: UnsafeBufferPointer<UInt16>) -> Int? {
        func digitsEnd(_ start: Int) -> Int? {
            var end = start
            while end < units.count, CharacterClass.isDigit(units[end]) { end += 1 }
            return end > start && end - start <= 3 ? end : nil
        }
        func skippingSpace(_ position: Int) -> Int {
            position < units.count && CharacterClass.isSpace(units[position]) ? position + 1 : position
        }
        guard var end = digitsEnd(skippingSpace(position)) else { return nil }
        let dash = skippingSpace(end)
        if dash < units.count, units[dash] == 0x2D || units[dash] == 0x2013, let second = digitsEnd(skippingSpace(dash + 1)) {
            end = second
        }
        if end < units.count {
            let next = units[end]
            switch next {
            case 0x2E, 0x2C, 0x3A, 0x2F, 0x28, 0x29: return nil  // . , : / ( )
            default: if CharacterClass.isThai(next) || CharacterClass.isLatinLetter(next) { return nil }
            }
        }
        let word = skippingSpace(end)
        // A floor with its number is the next part of the address, not a count (ห้องประชุมสิริคุณากร 3 ชั้น 2).
        if units.hasWord(Words.floor, at: word), digitsEnd(skippingSpace(word + Words.floor.count)) != nil { return end }
        return OfficeWords.countWords.contains { units.hasWord($0, at: word) } ? nil : end
    }

    /// Words that open the name of a site that a number may end (ซอยลาดพร้าว 71, ห้องพระอุเทน 1,
    /// ทางหลวงหมายเลข 9, ชุมชนมหาดไทย 5).
    static let numberedSiteHeads = PrefixTrie(words: ["ซอย", "ซ.", "ถนน", "ถ.", "ห้อง", "ตึก", "อาคาร", "ทางหลวง", "ท่าอากาศยาน",
                                                      "ชุมชน"])
}

extension EntityTagger {
    /// `spans` without the model LOCATIONs that are a floor and its number alone (ชั้น 8, ชั้น 2):
    /// under the guidelines' conventions a floor is no named place (the corpus `train` gold leaves
    /// all 179 unmarked; ThaiNER marks about half of its 20).
    static func droppingFloors(_ spans: [(type: EntityType, range: Range<Int>)],
                               units: UnsafeBufferPointer<UInt16>) -> [(type: EntityType, range: Range<Int>)] {
        spans.filter { span in
            guard span.type == .location, units.hasWord(Words.floor, at: span.range.lowerBound) else { return true }
            var position = span.range.lowerBound + Words.floor.count
            if position < span.range.upperBound, CharacterClass.isSpace(units[position]) { position += 1 }
            guard position < span.range.upperBound else { return true }
            while position < span.range.upperBound, CharacterClass.isDigit(units[position]) { position += 1 }
            return position != span.range.upperBound
        }
    }
}

extension EntityTagger {
    /// `spans` with a model LOCATION that has ภาค ("region") glued right before it extended over
    /// the word (อีสาน becomes ภาคอีสาน): under ThaiNER's conventions the word is part of the
    /// region's name (ThaiNER train: 135 LOCATIONs open with it, 6 have it glued before them).
    /// ภูมิภาค ("region" in general) is left out (ThaiNER train: 0 inside, 5 before).
    static func takingRegionWords(_ spans: [(type: EntityType, range: Range<Int>)],
                                  units: UnsafeBufferPointer<UInt16>) -> [(type: EntityType, range: Range<Int>)] {
        var result = spans
        for index in result.indices where result[index].type == .location {
            let start = result[index].range.lowerBound - Words.region.count
            guard units.hasWord(Words.region, at: start),
                  !units.hasWord(Words.generalRegion, at: start - Words.generalRegion.count),
                  index == 0 || result[index - 1].range.upperBound <= start else { continue }
            result[index].range = start..<result[index].range.upperBound
        }
        return result
    }
}
