import ThaiSegmentation

/// Organisations written in English inside Thai text (GUIDELINES ORGANIZATION: a full English name
/// is an ORGANIZATION): a run of capitalised words with a head word of bodies among them
/// (`EnglishOrganizationWords.heads`): Animal Testing Center, Wildlife Conservation Society,
/// Organization for Economic Co-operation and Development; and a Thai head word followed by a
/// space and a Latin name (สายการบิน Lufthansa, ศูนย์ EOC).
extension RecognitionPass {
    /// The English name at `start`: capitalised words, joined by single spaces and by the small
    /// words of names (of, for, and, the ...; for once: Organization for Economic Co-operation and
    /// Development, not ... for Good Laboratory Practice after it), at most ten words, one of them a
    /// head word. The run does not start after another Latin letter or word. Two capitalised words
    /// make a name when one is in capitals (BBG Club; Call Center is a kind of office); else three.
    func englishOrganization(at start: Int) -> Candidate? {
        guard start < units.count, units[start] &- 0x41 < 26,
              start == 0 || !(CharacterClass.isLatinLetter(units[start - 1]) || start >= 2 && units[start - 1] == 0x20
                                && CharacterClass.isLatinLetter(units[start - 2])) else { return nil }
        var position = start
        var end = start
        var capitalised = 0
        var hasHead = false
        var words = 0
        var acronym = false
        var usedFor = false
        while words < 10, position < units.count, CharacterClass.isLatinLetter(units[position]) {
            let wordEnd = latinWordEnd(position)
            let word = UnsafeBufferPointer(rebasing: units[position..<wordEnd])
            if units[position] &- 0x41 < 26 {
                capitalised += 1
                if EnglishOrganizationWords.heads.contains(where: { $0.elementsEqual(word) }) { hasHead = true }
                if word.count >= 2, word.allSatisfy({ $0 &- 0x41 < 26 }) { acronym = true }
                end = wordEnd
            } else if !EnglishOrganizationWords.joiners.contains(where: { $0.elementsEqual(word) })
                        || word.elementsEqual(EnglishOrganizationWords.for) && usedFor {
                break
            } else if word.elementsEqual(EnglishOrganizationWords.for) {
                usedFor = true
            }
            words += 1
            guard wordEnd + 1 < units.count, units[wordEnd] == 0x20 else { break }
            position = wordEnd + 1
        }
        guard hasHead, capitalised >= 3 || capitalised == 2 && acronym else { return nil }
        return Candidate(range: start..<end, type: .organization)
    }

    /// The end of a Latin name written one space after a Thai organisation head and its words
    /// ending at `end` (สายการบิน Lufthansa, องค์กร LAPPAN): one to four capitalised words, or nil.
    func latinNameAfterHead(_ end: Int) -> Int? {
        guard end + 1 < units.count, units[end] == 0x20, units[end + 1] &- 0x41 < 26 else { return nil }
        return latinName(at: end + 1)
    }
}

/// The closed word lists of the English organisation rule.
enum EnglishOrganizationWords {
    /// Words that make a run of capitalised words the name of a body.
    static let heads: [[UInt16]] = [
        "Center", "Centre", "Society", "Foundation", "Association", "Institute", "University", "Organization",
        "Organisation", "Agency", "Council", "Club", "Team", "Company", "Corporation", "Bank", "Academy", "Fund",
        "Committee", "Commission", "Federation", "Union", "Department", "Office", "Bureau", "Authority", "School",
        "College", "Hospital", "Network", "Group", "Chamber", "Alliance", "Forum", "Board", "Party",
    ].map { Array($0.utf16) }
    /// The joiner a name has once at most.
    static let `for` = Array("for".utf16)
    /// Small words inside English names.
    static let joiners: [[UInt16]] = ["of", "for", "and", "the", "on", "in", "de"].map { Array($0.utf16) }
}
