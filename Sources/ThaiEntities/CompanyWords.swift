import ThaiSegmentation

extension EntityTagger {
    /// Words that say a company's legal form before its name, written apart from it.
    static let companyWords = ["บริษัท", "ห้างหุ้นส่วนจำกัด"].map { Array($0.utf16) }

    /// After the merge: an ORGANIZATION with a company word and one space right before it takes the
    /// word (บริษัท การบินไทย, where the model found การบินไทย). Both conventions keep it inside
    /// the name: ThaiNER train marks บริษัท + space inside an ORGANIZATION 78 times and leaves it
    /// out 12, the corpus's train gold never leaves it out. The word must be outside any mention.
    static func takingCompanyWords(_ merged: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result = merged
        for index in result.indices where result[index].type == .organization {
            let start = result[index].utf16Range.lowerBound
            guard start > 1, units[start - 1] == 0x20, !CharacterClass.isWhitespace(units[start - 2]) else { continue }
            let previousEnd = index > 0 ? result[index - 1].utf16Range.upperBound : 0
            for word in companyWords {
                let wordStart = start - 1 - word.count
                guard wordStart >= previousEnd, units.hasWord(word, at: wordStart) else { continue }
                result[index].utf16Range = wordStart..<result[index].utf16Range.upperBound
                break
            }
        }
        return result
    }
}
