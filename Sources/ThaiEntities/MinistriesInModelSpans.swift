import ThaiSegmentation

extension EntityTagger {
    /// Under the guidelines' conventions, after the merge: a model ORGANIZATION that names a
    /// ministry is a MINISTRY. The model is trained with MINISTRYs as ORGANIZATIONs, and the rules
    /// find a ministry's bare name (มหาดไทย, ศึกษาธิการ) only after a minister's title, so a
    /// headline's subject (มหาดไทยแจง...) or a foreign ministry the gazetteer does not hold
    /// (กระทรวงการคลังฮ่องกง) came out as an ORGANIZATION. Retyped: a span that is exactly a
    /// ministry's name, alias or bare name in the gazetteer (linked to it), and a span that opens
    /// with กระทรวง and names more than the word (no ORGANIZATION of the corpus's train gold opens
    /// with it; a bare กระทรวงฯ is no name).
    func retypingMinistries(_ merged: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result = merged
        for index in result.indices where result[index].type == .organization {
            let range = result[index].utf16Range
            if let entry = ministryEntry(exactly: range, units: units) {
                result[index].type = .ministry
                result[index].link = EntityLink(id: recognizer.entries[entry].id, canonical: recognizer.entries[entry].canonical)
            } else if units.hasWord(EntityRecognizer.ministryHead, at: range.lowerBound),
                      range.count > EntityRecognizer.ministryHead.count + 2 {
                result[index].type = .ministry
            }
        }
        return result
    }

    /// The ministry whose name, alias or bare name (not an abbreviation: มท. is an ACRONYM) is
    /// exactly the text at `range`, if any.
    private func ministryEntry(exactly range: Range<Int>, units: UnsafeBufferPointer<UInt16>) -> Int? {
        var found: Int?
        recognizer.lexicon.forEachMatch(in: units, at: range.lowerBound) { end, payload in
            guard end == range.upperBound else { return }
            let pattern = recognizer.keyRoles[Int(payload)].pattern
            guard pattern >= 0 else { return }
            let form = recognizer.patterns[Int(pattern)]
            if form.form != .abbreviation, recognizer.entryTypes[Int(form.entry)] == .ministry { found = Int(form.entry) }
        }
        return found
    }
}
