import ThaiSegmentation

extension EntityTagger {
    /// Words and abbreviations that say a company's legal form before its name, written apart from
    /// it: บริษัท, ห้างหุ้นส่วนจำกัด and their abbreviations บมจ. (public limited), บจก. and บจ.
    /// (limited), หจก. (limited partnership).
    static let companyWords = ["บริษัท", "ห้างหุ้นส่วนจำกัด", "บมจ.", "บจก.", "บจ.", "หจก."].map { Array($0.utf16) }

    /// After the merge: an ORGANIZATION with a company word and one space right before it takes the
    /// word (บริษัท การบินไทย, where the model found การบินไทย; บมจ. ธนาคารกรุงไทย, where it found
    /// บมจ. and ธนาคารกรุงไทย apart). Both conventions keep it inside the name: ThaiNER train marks
    /// บริษัท + space inside an ORGANIZATION 78 times and leaves it out 12, the corpus's train gold
    /// never leaves it out, and neither marks an abbreviation such as บมจ. as a name of its own. The
    /// word must be outside any other mention, or be one alone (an ORGANIZATION or ACRONYM).
    static func takingCompanyWords(_ merged: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result: [EntityMention] = []
        result.reserveCapacity(merged.count)
        for var mention in merged {
            if mention.type == .organization, let wordStart = companyWordStart(before: mention.utf16Range.lowerBound, units: units) {
                let word = wordStart..<(mention.utf16Range.lowerBound - 1)
                if let last = result.last, last.utf16Range == word, last.type == .organization || last.type == .acronym {
                    result.removeLast()
                    mention.utf16Range = wordStart..<mention.utf16Range.upperBound
                } else if wordStart >= (result.last?.utf16Range.upperBound ?? 0) {
                    mention.utf16Range = wordStart..<mention.utf16Range.upperBound
                }
            }
            result.append(mention)
        }
        return result
    }

    /// Where the company word that ends one space before `start` begins (the space not after
    /// another space), or nil.
    static func companyWordStart(before start: Int, units: UnsafeBufferPointer<UInt16>) -> Int? {
        guard start > 1, units[start - 1] == 0x20, !CharacterClass.isWhitespace(units[start - 2]) else { return nil }
        for word in companyWords where units.hasWord(word, at: start - 1 - word.count) { return start - 1 - word.count }
        return nil
    }
}
