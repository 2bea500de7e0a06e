import ThaiSegmentation

/// Rules for bodies named by a head word and the place they serve (GUIDELINES convention 4: one
/// ORGANIZATION, place included).
extension RecognitionPass {
    // MARK: Diplomatic missions

    /// An embassy or consulate named by its place: the head (สถานเอกอัครราชทูต, สถานกงสุลใหญ่ ...),
    /// the sending country glued to it when written (สถานเอกอัครราชทูตไทย, ...สาธารณรัฐเกาหลี),
    /// and where it is, after ` ณ ` (สถานกงสุลใหญ่ ณ นครแฟรงก์เฟิร์ต) or after ประจำ (...
    /// ประจำประเทศไทย). The place is a gazetteer place, with its written prefix (กรุง, นคร), or else
    /// the words glued after ณ. A head with no place (สถานเอกอัครราชทูตฯ, "the embassy") names no
    /// one mission and is no candidate.
    func diplomaticMission(at start: Int) -> Candidate? {
        guard let head = recognizer.missionHeads.longestMatch(in: units, at: start) else { return nil }
        var end = head.end
        if let country = gazetteerPlace(at: end) { end = country }
        var named = end > head.end
        // ` ณ ` + where it is.
        let at = skipSpaces(end, limit: 1)
        if matches(OfficeWords.at, at: at), at + OfficeWords.at.count < units.count,
           CharacterClass.isSpace(units[at + OfficeWords.at.count]) {
            let placeStart = skipSpaces(at + OfficeWords.at.count, limit: 1)
            if let place = gazetteerPlace(at: placeStart) ?? gluedWords(from: placeStart) {
                end = place
                named = true
            }
        }
        // ประจำ + the host country or city.
        let posted = skipSpaces(end, limit: 1)
        if matches(OfficeWords.postedTo, at: posted), let place = gazetteerPlace(at: posted + OfficeWords.postedTo.count) {
            end = place
            named = true
        }
        return named ? Candidate(range: start..<end, type: .organization) : nil
    }

    /// The end of a gazetteer place at `position`, with a place prefix written before its name
    /// (กรุงเบอร์ลิน, ประเทศไทย) when the gazetteer has the name alone; nil when none starts there.
    func gazetteerPlace(at position: Int) -> Int? {
        guard position < units.count else { return nil }
        if let place = longestGazetteerForm(at: position), place.type == .location, acceptsBoundaries(position..<place.end) {
            return place.end
        }
        for prefix in recognizer.placePrefixes where matches(prefix, at: position) {
            let name = position + prefix.count
            if let place = longestGazetteerForm(at: name), place.type == .location, acceptsBoundaries(name..<place.end) {
                return place.end
            }
        }
        return nil
    }

    /// The end of the Thai words glued from `position` up to a space, punctuation or a word that
    /// ends a name, or nil when there are fewer than three letters.
    func gluedWords(from position: Int) -> Int? {
        guard position < units.count, CharacterClass.isThai(units[position]), !CharacterClass.isDigit(units[position]),
              let tokenIndex = tokens.firstIndex(where: { $0.utf16Offsets.upperBound > position }) else { return nil }
        let end = gluedNameEnd(from: position, tokenIndex: max(0, tokenIndex - 1), stopAtBodies: true)
        return end - position >= 3 ? end : nil
    }
}

/// The closed word lists of the office rules.
enum OfficeWords {
    /// Head words of diplomatic missions.
    static let missionHeads: [String] = ["สถานเอกอัครราชทูต", "สถานกงสุลใหญ่", "สถานกงสุล", "สถานทูต"]
    /// "at", before the place a mission is in.
    static let at = Array("ณ".utf16)
    /// "posted to", before the host country or city.
    static let postedTo = Array("ประจำ".utf16)
}
