import ThaiSegmentation

extension EntityTagger {
    /// Verbs that end an organisation's name when glued after it (`Vocabulary.verbsAfterOrganizationNames`).
    static let verbsAfterNames = PrefixTrie(words: Vocabulary.verbsAfterOrganizationNames)

    /// Under the guidelines' conventions, after the merge: a model ORGANIZATION that starts with a
    /// faculty the rules found (คณะ...ศาสตร์) and runs on past its end, glued, over a verb
    /// (`verbsAfterNames`) ends where the faculty does (คณะวิทยาศาสตร์ประยุกต์และวิศวกรรมศาสตร์|จัด|งาน).
    /// The model sees the verb as one more unit of a long name and sometimes runs on. Only a
    /// faculty: no faculty's name in ThaiNER train or the corpus's train gold goes on past ศาสตร์
    /// with a verb, but committees' names do (คณะกรรมการอำนวยการจัดงาน...: corpus train CV, two
    /// such names cut when any rule ORGANIZATION was taken).
    func endingBeforeGluedVerbs(_ merged: [EntityMention], rules: [EntityMention], tokens: [Token],
                                units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result = merged
        var ruleIndex = 0
        for index in result.indices where result[index].type == .organization {
            let range = result[index].utf16Range
            while ruleIndex < rules.count, rules[ruleIndex].utf16Range.lowerBound < range.lowerBound { ruleIndex += 1 }
            guard ruleIndex < rules.count, rules[ruleIndex].type == .organization,
                  rules[ruleIndex].utf16Range.lowerBound == range.lowerBound else { continue }
            let end = rules[ruleIndex].utf16Range.upperBound
            guard end < range.upperBound, CharacterClass.isThai(units[end]),
                  units.hasWord(EntityRecognizer.facultyHead, at: range.lowerBound), end - range.lowerBound > Words.science.count,
                  units.hasWord(Words.science, at: end - Words.science.count) else { continue }
            let next = tokens.firstIndex(endingAfter: end, range: \.utf16Offsets)
            guard next < tokens.count, tokens[next].utf16Offsets.lowerBound == end,
                  Self.verbsAfterNames.payload(exactly: tokens[next].utf16Offsets, in: units) != nil else { continue }
            result[index] = rules[ruleIndex]
        }
        return result
    }
}
