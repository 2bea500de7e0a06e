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
    static let partHeads = PrefixTrie((PlaceCueWords.kinds.flatMap { $0 } + ["ตึก", "อาคาร", "ทำเนียบ", "โรงแรม", "วัด", "ศาลากลาง", "ที่ว่าการ", "ห้องประชุม", "หอประชุม", "ศูนย์ประชุม"])
        .map { (key: $0, payload: 0) })
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
