import ThaiSegmentation

extension EntityTagger {
    /// Under the guidelines' conventions, after the merge: a model ORGANIZATION that is the rules'
    /// ACRONYM with only a word before it that names nothing more gives way to the ACRONYM (with
    /// its link and expansion): a position's abbreviation glued before it (ผอ.สพม.เขต 2: the
    /// office is สพม.เขต 2; a position abbreviation is not an entity), or the head word its own
    /// expansion opens with (คณะกรรมการ สทพ., สทพ. being คณะกรรมการการส่งเสริม...). The model is
    /// trained with ACRONYMs as ORGANIZATIONs and often takes such a word in; the merge lets an
    /// ORGANIZATION that contains a rule ACRONYM stand (สำนักงาน ก.พ. is one organisation).
    static func restoringAcronyms(_ merged: [EntityMention], rules: [EntityMention],
                                  units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        guard rules.contains(where: { $0.type == .acronym }) else { return merged }
        var result = merged
        var ruleIndex = 0
        for index in result.indices where result[index].type == .organization {
            let range = result[index].utf16Range
            while ruleIndex < rules.count, rules[ruleIndex].utf16Range.upperBound < range.upperBound { ruleIndex += 1 }
            guard ruleIndex < rules.count, rules[ruleIndex].type == .acronym else { continue }
            let acronym = rules[ruleIndex]
            guard acronym.utf16Range.upperBound == range.upperBound, acronym.utf16Range.lowerBound > range.lowerBound else { continue }
            var prefixEnd = acronym.utf16Range.lowerBound
            while prefixEnd > range.lowerBound, CharacterClass.isSpace(units[prefixEnd - 1]) { prefixEnd -= 1 }
            let prefix = range.lowerBound..<prefixEnd
            if isGluedAbbreviation(prefix, before: acronym.utf16Range.lowerBound, units: units)
                || opensExpansion(prefix, of: acronym, units: units) {
                result[index] = acronym
            }
        }
        return result
    }

    /// ผอ. right before the acronym, no space between: Thai consonants and dots ending in a dot.
    private static func isGluedAbbreviation(_ prefix: Range<Int>, before start: Int, units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard prefix.count >= 2, prefix.upperBound == start, units[prefix.upperBound - 1] == 0x2E,
              CharacterClass.isThaiConsonant(units[prefix.lowerBound]) else { return false }
        return units[prefix].allSatisfy { CharacterClass.isThaiConsonant($0) || $0 == 0x2E }
    }

    /// Whether the acronym's expansion starts with the words of `prefix` (คณะกรรมการ for สทพ.).
    private static func opensExpansion(_ prefix: Range<Int>, of acronym: EntityMention, units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard prefix.count >= 3, let expansion = acronym.acronym?.expansion else { return false }
        var expansionUnits = expansion.utf16.makeIterator()
        for unit in units[prefix] {
            guard let next = expansionUnits.next(), next == unit else { return false }
        }
        return true
    }
}
