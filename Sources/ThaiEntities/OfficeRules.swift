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

extension RecognitionPass {
    // MARK: Numbered sites

    /// The end of the number that designates a site right after its name, a space at most before
    /// it: ตึกบัญชาการ 1, อาคารชาเลนเจอร์ 1 - 3, ห้องทับทิมสยาม ๔, ซอยเพชรเกษม ๘๑ (GUIDELINES
    /// LOCATION: the name as written). Nil when no number follows, or when it counts or dates
    /// something (อาคาร 3 ชั้น, 25 ธันวาคม): a number of at most three digits, or a range of two,
    /// that no letter, decimal point or count word follows.
    func siteNumberEnd(after position: Int) -> Int? {
        guard var end = number(at: skipSpaces(position, limit: 1)) else { return nil }
        var dash = skipSpaces(end, limit: 1)
        if dash < units.count, units[dash] == 0x2D || units[dash] == 0x2013 {
            dash = skipSpaces(dash + 1, limit: 1)
            if let rangeEnd = number(at: dash) { end = rangeEnd }
        }
        if end < units.count, CharacterClass.isThai(units[end]) && !CharacterClass.isDigit(units[end])
            || CharacterClass.isLatinLetter(units[end]) || units[end] == 0x2E || units[end] == 0x2C || units[end] == 0x3A {
            return nil
        }
        let next = skipSpaces(end, limit: 1)
        return OfficeWords.countWords.contains { matches($0, at: next) } ? nil : end
    }

    /// The end of one to three digits at `position` that no digit continues, or nil.
    private func number(at position: Int) -> Int? {
        var end = position
        while end < units.count, CharacterClass.isDigit(units[end]) { end += 1 }
        return end > position && end - position <= 3 ? end : nil
    }

    // MARK: Bodies inside a unit's name

    /// Whether token `index` starts the name of another body (a ministry, or an organisation head
    /// with its name): กลุ่มประชาสัมพันธ์|สำนักงาน.... A head word that ends a run of glued words, or
    /// that a word ending a name follows, is a common noun of the unit's name: ส่วนสื่อสารองค์กร,
    /// ฝ่ายสื่อสารองค์กรและภาพลักษณ์ (corporate communications).
    func startsBody(tokenIndex index: Int) -> Bool {
        let range = tokens[index].utf16Offsets
        if matches(EntityRecognizer.ministryHead, at: range.lowerBound) { return true }
        guard let head = recognizer.organizationHeads.longestMatch(in: units, at: range.lowerBound) else { return false }
        if head.end != range.upperBound { return true }
        guard index + 1 < tokens.count else { return false }
        let next = tokens[index + 1]
        return next.utf16Offsets.lowerBound == range.upperBound && next.kind == .thaiWord && !isNameStop(next.utf16Offsets)
    }

    // MARK: Words that end a name

    /// Whether the token at `range` is a word that ends a name found by a head word
    /// (`Vocabulary.organizationStops`: ส่ง, ร่วม, ระหว่าง ...), and not the first part of a word the
    /// segmenter cut in two that names are made of (ส่ง|เสริม in กรมส่งเสริมอุตสาหกรรม, ร่วม|มือ in
    /// สำนักงานนวัตกรรมและความร่วมมือ, ระหว่าง|ประเทศ: `OfficeWords.compounds`).
    func isNameStop(_ range: Range<Int>) -> Bool {
        guard recognizer.organizationStopWords.payload(exactly: range, in: units) != nil else { return false }
        return recognizer.nameCompounds.longestMatch(in: units, at: range.lowerBound).map { $0.end <= range.upperBound } ?? true
    }
}

/// The closed word lists of the office rules.
enum OfficeWords {
    /// Words after a number that make it a count, a time or a date rather than a site's number.
    static let countWords: [[UInt16]] = [
        "ชั้น", "หลัง", "แห่ง", "ปี", "คน", "ราย", "ห้อง", "วัน", "เดือน", "ครั้ง", "ล้าน", "พัน", "หมื่น", "แสน", "บาท",
        "เมตร", "กิโลเมตร", "ไร่", "ตัว", "คัน", "ลำ", "ชั่วโมง", "นาที", "น.", "เตียง", "ที่นั่ง", "จุด", "ประเทศ",
        "มกราคม", "กุมภาพันธ์", "มีนาคม", "เมษายน", "พฤษภาคม", "มิถุนายน", "กรกฎาคม", "สิงหาคม", "กันยายน",
        "ตุลาคม", "พฤศจิกายน", "ธันวาคม", "ม.ค.", "ก.พ.", "มี.ค.", "เม.ย.", "พ.ค.", "มิ.ย.", "ก.ค.", "ส.ค.", "ก.ย.",
        "ต.ค.", "พ.ย.", "ธ.ค.",
    ].map { Array($0.utf16) }
    /// Words of organisation names that the segmenter cuts after a word that would end a name
    /// (ส่ง|เสริม, ร่วม|มือ; found by segmenting the gold names of the corpus's train documents).
    static let compounds: [String] = [
        "ส่งเสริม", "ส่งออก", "ร่วมมือ", "ช่วยเหลือ", "ระหว่างประเทศ", "ต่างประเทศ", "เผยแพร่", "ที่อยู่อาศัย", "อยู่อาศัย",
        "ตะวันออก", "ประชารัฐ", "เข้าเมือง",
    ]
    /// Head words of diplomatic missions.
    static let missionHeads: [String] = ["สถานเอกอัครราชทูต", "สถานกงสุลใหญ่", "สถานกงสุล", "สถานทูต"]
    /// "at", before the place a mission is in.
    static let at = Array("ณ".utf16)
    /// "posted to", before the host country or city.
    static let postedTo = Array("ประจำ".utf16)
}
