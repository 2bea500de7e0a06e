import ThaiSegmentation

extension EntityTagger {
    /// After the merge, under ThaiNER's conventions: an ORGANIZATION or LOCATION that runs over an
    /// opening bracket it does not close (สำนักงานประกันสังคม(สปส., นครเทียนจิน(เทียนสิน) is the
    /// name before the bracket and, of the same type, the name inside it (an acronym or another
    /// spelling), as ThaiNER marks them: none of its train ORGANIZATIONs or LOCATIONs but one
    /// leaves a bracket open.
    static func splittingOpenBrackets(_ merged: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result: [EntityMention] = []
        result.reserveCapacity(merged.count)
        for mention in merged {
            let range = mention.utf16Range
            guard mention.type == .organization || mention.type == .location,
                  let open = openBracket(in: range, units: units) else { result.append(mention); continue }
            var nameEnd = open
            while nameEnd > range.lowerBound, CharacterClass.isWhitespace(units[nameEnd - 1]) { nameEnd -= 1 }
            if nameEnd - range.lowerBound >= 2 {
                result.append(EntityMention(type: mention.type, utf16Range: range.lowerBound..<nameEnd, link: mention.link))
            }
            var inside = open + 1
            while inside < range.upperBound, CharacterClass.isWhitespace(units[inside]) { inside += 1 }
            if range.upperBound - inside >= 2 {
                result.append(EntityMention(type: mention.type, utf16Range: inside..<range.upperBound))
            }
        }
        return result
    }

    /// The last opening bracket in `range` that no closing bracket after it in `range` closes.
    static func openBracket(in range: Range<Int>, units: UnsafeBufferPointer<UInt16>) -> Int? {
        var depth = 0
        for position in range.reversed() {
            if units[position] == 0x29 { depth += 1 } else if units[position] == 0x28 {
                if depth == 0 { return position }
                depth -= 1
            }
        }
        return nil
    }
}
