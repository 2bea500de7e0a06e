import ThaiSegmentation

/// Rules for places and organisations that the gazetteers cannot list (GUIDELINES conventions 4,
/// 7, 8, 10, 12, 16): a country name used as a modifier is not a place, a place head word makes a
/// named site, a region or place takes its written prefix (ประเทศ, เมือง) and its part
/// (ตอนล่าง), and a sub-unit of a body (กลุ่ม..., ฝ่าย...) is an organisation where the text
/// anchors it as one.
extension RecognitionPass {
    // MARK: Countries as modifiers

    /// Whether a country name at `range`, glued after a Thai word, modifies that word (ผู้ส่งออกไทย,
    /// การศึกษาไทย, ไก่สดไทย: nationality, style, "Thai X") rather than naming the state: it does
    /// unless the word before it is one that takes a place or a party (ของไทย, ในไทย, ฝ่ายไทย,
    /// ระหว่างไทย, รัฐบาลไทย, เอกอัครราชทูตอินเดีย). A form that says it is a state (ประเทศไทย,
    /// สาธารณรัฐอินเดีย) names the state wherever it stands.
    func isGluedCountryModifier(_ range: Range<Int>, entry: Int32) -> Bool {
        guard recognizer.isCountry[Int(entry)], range.lowerBound > 0,
              !recognizer.stateWords.contains(where: { matches($0, at: range.lowerBound) }) else { return false }
        let before = units[range.lowerBound - 1]
        guard CharacterClass.isThai(before), !CharacterClass.isDigit(before) else { return false }
        guard let words = recognizer.stateContextWordsByLastUnit[before] else { return true }
        return !words.contains { word in range.lowerBound >= word.count && matches(word, at: range.lowerBound - word.count) }
    }

    // MARK: Named sites

    /// A place head word (โรงแรม, อาคาร, ท่าอากาศยาน, วัด, หมู่บ้าน ...) and the name glued to it, up
    /// to a space, punctuation or a word that ends a name, and the site's number after it
    /// (`siteNumberEnd`). A body's name inside is part of the site (ห้องประชุมกรมชลประทาน).
    func headedPlace(at start: Int, headEnd: Int, tokenIndex: Int) -> Candidate? {
        guard start == 0 || !CharacterClass.isThai(units[start - 1]) || isTokenBoundary(start),
              headEnd < units.count, CharacterClass.isThai(units[headEnd]) && !CharacterClass.isDigit(units[headEnd])
                || CharacterClass.isLatinLetter(units[headEnd]) else { return nil }
        guard isTokenBoundary(headEnd) || CharacterClass.isThaiConsonant(units[headEnd]) else { return nil }
        let end = gluedNameEnd(from: headEnd, tokenIndex: tokenIndex, stopAtBodies: false, stopAtAddressParts: true)
        guard end - headEnd >= 3, !startsWithDescriptiveWord(headEnd) else { return nil }
        return Candidate(range: start..<(siteNumberEnd(after: end) ?? end), type: .location)
    }

    /// Where the words of a name glued after `start` end: Thai or Latin words, up to a space,
    /// punctuation, a word that ends a name (`organizationStops`), a person's title, when
    /// `stopAtBodies`, the head of another body, and when `stopAtAddressParts`, the next part of
    /// an address after a name of one word or more (ซอยศาลาแดง|แขวงสีลม|เขตบางรัก, `AddressParts`).
    func gluedNameEnd(from start: Int, tokenIndex: Int, stopAtBodies: Bool, stopAtAddressParts: Bool = false) -> Int {
        var end = start
        var index = tokenIndex + 1
        while index < tokens.count, tokens[index].utf16Offsets.lowerBound < start { index += 1 }
        // A head glued inside a longer ICU token: the token's rest is the name's first part.
        if index > 0, tokens[index - 1].utf16Offsets.contains(start), tokens[index - 1].utf16Offsets.lowerBound < start {
            end = tokens[index - 1].utf16Offsets.upperBound
        }
        while index < tokens.count {
            let token = tokens[index]
            let range = token.utf16Offsets
            // และ glued between two words of one name goes on (สายงานทรัพยากรบุคคลและบรรษัทภิบาล).
            if end > start, matches(Words.and, at: range.lowerBound), range.count == Words.and.count, range.lowerBound == end,
               index + 1 < tokens.count, tokens[index + 1].utf16Offsets.lowerBound == range.upperBound, tokens[index + 1].kind == .thaiWord,
               !isNameStop(tokens[index + 1].utf16Offsets) {
                end = tokens[index + 1].utf16Offsets.upperBound
                index += 2
                continue
            }
            guard range.lowerBound == end, token.kind == .thaiWord || token.kind == .latinWord,
                  !units[range].contains(0x2E),
                  !isNameStop(range),
                  recognizer.people.titles.longestMatch(in: units, at: range.lowerBound).map({ $0.end == range.upperBound }) != true
            else { break }
            if stopAtBodies, startsBody(tokenIndex: index) { break }
            if stopAtAddressParts, end > start, startsAddressPart(range.lowerBound) { break }
            end = range.upperBound
            index += 1
        }
        return end
    }

    /// Whether a word that describes a kind or a size (`PlaceAndUnitWords.descriptive`) starts at
    /// `position` and ends where ICU ends a word. After an organisation's head word (`afterBodyHead`)
    /// the words that open a body's name (`PlaceAndUnitWords.bodyNameOpeners`: มูลนิธิเพื่อ...,
    /// สภาความมั่นคงแห่งชาติ) do not count.
    func startsWithDescriptiveWord(_ position: Int, afterBodyHead: Bool = false) -> Bool {
        guard let match = recognizer.descriptiveWords.longestMatch(in: units, at: position) else { return false }
        if afterBodyHead, recognizer.bodyNameOpeners.contains(where: { $0.count == match.end - position && matches($0, at: position) }) {
            return false
        }
        return isTokenBoundary(match.end) || !CharacterClass.isThai(units[match.end])
    }

    // MARK: Prefixes and parts of places

    /// A place mention takes the word written before it that says what kind of place it is
    /// (ประเทศซาอุดิอาระเบีย, เมืองฮานอย, จังหวัดมหาสารคาม: the span includes ประเทศ/จังหวัด when
    /// written) and a part glued after it (ภาคเหนือตอนล่าง).
    func extendingPlaces(_ mentions: [EntityMention]) -> [EntityMention] {
        var result = mentions
        for index in result.indices where result[index].type == .location {
            var range = result[index].utf16Range
            let previousEnd = index > 0 ? result[index - 1].utf16Range.upperBound : 0
            for prefix in recognizer.placePrefixes where range.lowerBound - prefix.count >= previousEnd
                && matches(prefix, at: range.lowerBound - prefix.count) && !matches(prefix, at: range.lowerBound) {
                let start = range.lowerBound - prefix.count
                if start == 0 || !CharacterClass.isThai(units[start - 1]) || isTokenBoundary(start) {
                    range = start..<range.upperBound
                }
                break
            }
            let nextStart = index + 1 < result.count ? result[index + 1].utf16Range.lowerBound : units.count
            for part in recognizer.placeParts where range.upperBound + part.count <= nextStart && matches(part, at: range.upperBound) {
                let end = range.upperBound + part.count
                if end == units.count || !CharacterClass.isThaiCombining(units[end]) { range = range.lowerBound..<end }
                break
            }
            result[index].utf16Range = range
        }
        return result
    }

    // MARK: Organisations named by head, function and place

    /// An organisation's name goes on over what the guidelines count as part of it (conventions 3
    /// and 4): a place glued after a name that ends in จังหวัด or อำเภอ (สำนักงานพาณิชย์จังหวัด|ลำปาง),
    /// a number designation after it (เขต 6, ที่ 17, พื้นที่ 1-10), a royal patronage
    /// (ในพระบรมราชูปถัมภ์); and a head word glued before a known body makes a larger body
    /// (คณะกรรมการ|กองทุนยุติธรรม, สภา|สมาคมสตรีแห่งชาติ), and กลุ่ม glued before a company makes the group (กลุ่ม|บริษัท...). A mention extended so loses its link.
    func joiningOrganizationParts(_ mentions: [EntityMention]) -> [EntityMention] {
        var result: [EntityMention] = []
        result.reserveCapacity(mentions.count)
        var index = 0
        while index < mentions.count {
            var mention = mentions[index]
            index += 1
            guard mention.type == .organization else {
                result.append(mention)
                continue
            }
            var range = mention.utf16Range
            let previousEnd = result.last?.utf16Range.upperBound ?? 0
            if let head = recognizer.bodyHeads.longestEnding(at: range.lowerBound, in: units, from: previousEnd),
               head == 0 || !CharacterClass.isThai(units[head - 1]) || isTokenBoundary(head) {
                range = head..<range.upperBound
            }
            // กลุ่ม glued before a company names the group (กลุ่มบริษัทอาลีบาบา; in ThaiNER train and the
            // corpus's train text กลุ่มบริษัท opens a gold ORGANIZATION 11 times of 11).
            let group = range.lowerBound - PlaceAndUnitWords.group.count
            if group >= previousEnd, matches(EntityRecognizer.companyHead, at: range.lowerBound), matches(PlaceAndUnitWords.group, at: group),
               group == 0 || !CharacterClass.isThai(units[group - 1]) || isTokenBoundary(group) {
                range = group..<range.upperBound
            }
            let nextStart = { index < mentions.count ? mentions[index].utf16Range.lowerBound : units.count }
            if index < mentions.count, mentions[index].type == .location, mentions[index].utf16Range.lowerBound == range.upperBound,
               recognizer.placeUnits.contains(where: { range.count > $0.count && matches($0, at: range.upperBound - $0.count) }) {
                range = range.lowerBound..<mentions[index].utf16Range.upperBound
                index += 1
            }
            if let end = facultyHospitalEnd(range, next: index < mentions.count ? mentions[index] : nil) {
                if end > nextStart() { index += 1 }
                range = range.lowerBound..<end
            }
            if let end = designationEnd(of: range), end <= nextStart() { range = range.lowerBound..<end }
            let patronage = skipSpaces(range.upperBound, limit: 1)
            if let match = recognizer.patronages.longestMatch(in: units, at: patronage), match.end <= nextStart() {
                range = range.lowerBound..<match.end
            }
            if range != mention.utf16Range {
                mention.utf16Range = range
                mention.link = nil
            }
            result.append(mention)
        }
        return result
    }

    /// The end of the teaching hospital written after a faculty (a faculty's name, คณะ...ศาสตร์,
    /// at `range`), glued or after one space, which names the faculty with it (คณะแพทยศาสตร์
    /// ศิริราชพยาบาล, คณะแพทยศาสตร์ โรงพยาบาลรามาธิบดี): `next`, an ORGANIZATION starting there
    /// with โรงพยาบาล or ending with พยาบาล, or the glued Thai run there when it ends with พยาบาล.
    func facultyHospitalEnd(_ range: Range<Int>, next: EntityMention?) -> Int? {
        guard matches(EntityRecognizer.facultyHead, at: range.lowerBound), range.count > Words.science.count,
              matches(Words.science, at: range.upperBound - Words.science.count) else { return nil }
        let start = skipSpaces(range.upperBound, limit: 1)
        let nurse = PlaceAndUnitWords.nursing
        if let next, next.type == .organization, next.utf16Range.lowerBound == start {
            let body = next.utf16Range
            if matches(PlaceAndUnitWords.hospital, at: start) || body.count > nurse.count && matches(nurse, at: body.upperBound - nurse.count) {
                return body.upperBound
            }
        }
        guard start == range.upperBound else { return nil }
        let run = thaiRunEnd(start)
        return run - start > nurse.count && matches(nurse, at: run - nurse.count) && (next.map { $0.utf16Range.lowerBound >= run } ?? true)
            ? run : nil
    }

    /// The end of a number designation of the office's name at `range`: a designation word and a
    /// number after the name (เขต 6, ที่ 17, พื้นที่ 1-10; a space at most before each), or a number
    /// right after a name that ends with a designation word glued to it (สำนักงานปศุสัตว์เขต 6,
    /// กองพลทหารราบที่ 15, สำนักงานขนส่งกรุงเทพมหานครพื้นที่ 1 – 5), or nil.
    func designationEnd(of range: Range<Int>) -> Int? {
        for word in recognizer.designationWords where range.count > word.count && matches(word, at: range.upperBound - word.count) {
            if let end = designationNumberEnd(from: range.upperBound) { return end }
        }
        let start = skipSpaces(range.upperBound, limit: 1)
        for word in recognizer.designationWords where matches(word, at: start) {
            return designationNumberEnd(from: start + word.count)
        }
        return nil
    }

    /// The end of a designation's number or range of numbers (1-10, 1 – 5) at `position`, a space
    /// at most before it; nil when there is none, or when a letter, a dot or a count word (คน,
    /// แห่ง) follows: then the number counts or dates something.
    private func designationNumberEnd(from position: Int) -> Int? {
        let numberStart = skipSpaces(position, limit: 1)
        var end = numberStart
        while end < units.count, CharacterClass.isDigit(units[end]) { end += 1 }
        guard end > numberStart else { return nil }
        let dash = skipSpaces(end, limit: 1)
        if dash < units.count, units[dash] == 0x2D || units[dash] == 0x2013 {
            let second = skipSpaces(dash + 1, limit: 1)
            var secondEnd = second
            while secondEnd < units.count, CharacterClass.isDigit(units[secondEnd]) { secondEnd += 1 }
            if secondEnd > second { end = secondEnd }
        }
        if end < units.count, CharacterClass.isThai(units[end]) && !CharacterClass.isDigit(units[end]) || units[end] == 0x2E { return nil }
        let next = skipSpaces(end, limit: 1)
        return OfficeWords.countWords.contains { matches($0, at: next) } ? nil : end
    }

    // MARK: Units of a body

    /// A unit head word (กลุ่ม, กลุ่มงาน, ฝ่าย, ส่วน, กอง, สายงาน, ชมรม, เครือข่าย ...) and its glued
    /// name, where the text anchors it as one body: it opens a line (a credit or signature line),
    /// follows a position (ผู้อำนวยการกองกฎหมาย, ประธานชมรม...), or is followed, after one space, by
    /// the body it belongs to (กลุ่มประชาสัมพันธ์และเผยแพร่ สำนักงาน...). Elsewhere these words are
    /// ordinary nouns (กลุ่มเป้าหมาย, ฝ่ายไทย, ส่วนหนึ่ง).
    func anchoredUnit(at start: Int, headEnd: Int, tokenIndex: Int) -> Candidate? {
        guard headEnd < units.count, CharacterClass.isThai(units[headEnd]), !CharacterClass.isDigit(units[headEnd]),
              isTokenBoundary(headEnd) || CharacterClass.isThaiConsonant(units[headEnd]),
              !startsWithDescriptiveWord(headEnd) else { return nil }
        let end = gluedNameEnd(from: headEnd, tokenIndex: tokenIndex, stopAtBodies: true)
        guard end - headEnd >= 4,
              recognizer.genericOrganizations.longestMatch(in: units, at: start).map({ $0.end < end && !isTokenBoundary($0.end) }) ?? true
        else { return nil }
        var lineStart = start
        while lineStart > 0, units[lineStart - 1] == 0x20 || units[lineStart - 1] == 0x09 || units[lineStart - 1] == 0xA0 { lineStart -= 1 }
        let opensLine = lineStart == 0 || units[lineStart - 1] == 0x0A
        let afterPosition = followsUnitPosition(start)
        let parent = skipSpaces(end, limit: 1)
        let beforeParent = parent > end && parent < units.count
            && (recognizer.organizationHeads.longestMatch(in: units, at: parent) != nil || matches(EntityRecognizer.ministryHead, at: parent))
        let endsLine = end == units.count || units[skipSpaces(end)] == 0x0A
        guard afterPosition || beforeParent || opensLine && endsLine else { return nil }
        return Candidate(range: start..<end, type: .organization)
    }

    /// Whether a position written before a unit's name (`PlaceAndUnitWords.unitPositions`:
    /// ผู้อำนวยการ, ประธาน ...) ends at `position`.
    func followsUnitPosition(_ position: Int) -> Bool {
        recognizer.unitPositions.contains { position >= $0.count && matches($0, at: position - $0.count) }
    }
}

/// The closed word lists of the place and unit rules.
enum PlaceAndUnitWords {
    /// Words after which a glued country name names the state or a party (ของไทย, ในไทย, ฝ่ายไทย,
    /// รัฐบาลไทย): function words that take a place, and the words for a state's parts.
    static let stateContext: [String] = [
        "ของ", "ใน", "จาก", "ระหว่าง", "กับ", "ฝ่าย", "รัฐบาล", "ทั่ว", "อยู่", "มา", "ไป", "ถึง", "ที่", "แก่", "ซึ่ง",
        "ว่า", "ให้", "เชิญ", "และ", "หรือ", "สู่", "ต่อ", "โดย", "ประเทศ", "ราชอาณาจักร", "ความสัมพันธ์", "เยือน",
        "แห่ง", "ทั้งนี้", "ทั้ง", "ต่างกับ", "เช่น", "ได้แก่", "กว่า", "ยัง", "ผ่าน", "ตาม", "เป็น", "คือ", "นอก",
        // Offices whose body is a state (เอกอัครราชทูตอินเดีย, นายกรัฐมนตรีญี่ปุ่น; GUIDELINES ROLE).
        "ราชทูต", "อุปทูต", "กงสุล", "กงสุลใหญ่", "นายกรัฐมนตรี", "ประธานาธิบดี", "ประจำ", "ผู้แทน",
    ]

    /// Words that open a country's name as a state (ประเทศไทย, สาธารณรัฐอินเดีย).
    static let stateWords: [String] = ["ประเทศ", "สาธารณรัฐ", "ราชอาณาจักร", "สหราชอาณาจักร", "รัฐ"]

    /// Words that open the name of a site, building, village or other named place (GUIDELINES
    /// LOCATION and conventions 8, 10, 16).
    static let placeHeads: [String] = [
        "โรงแรม", "อาคาร", "ตึก", "ห้องประชุม", "หอประชุม", "ศูนย์ประชุม", "ศูนย์การประชุม", "ท่าอากาศยาน", "สนามบิน",
        "ถนน", "ถ.", "ซอย", "วัด", "อ่างเก็บน้ำ", "เขื่อน", "ประตูระบายน้ำ", "คลอง", "แม่น้ำ", "ลุ่มน้ำ", "สะพาน",
        "นิคมอุตสาหกรรม", "หมู่บ้าน", "แขวง", "ศาลากลาง", "ที่ว่าการ", "พิพิธภัณฑ์", "พิพิธภัณฑสถาน", "ภูมิภาค",
        "จุดผ่านแดน", "จุดผ่อนปรน", "อุทยานแห่งชาติ", "ทำเนียบ", "ศาลา", "ด่านศุลกากร", "เกาะ", "แคว้น",
    ]

    /// Words written before a place's name that the span includes (GUIDELINES LOCATION; a community
    /// named by its place, ชุมชนวัดจำปา, is a place, convention 8).
    static let placePrefixes: [String] = ["ประเทศ", "เมือง", "กรุง", "นคร", "แคว้น", "มณฑล", "ชุมชน"]

    /// Parts of a named region or area, glued after it: ภาคเหนือตอนล่าง.
    static let placeParts: [String] = ["ตอนล่าง", "ตอนบน", "ตอนกลาง"]

    /// Words that open the name of a unit of a body (a division, section, group, club, network).
    static let unitHeads: [String] = [
        "กลุ่ม", "กลุ่มงาน", "ฝ่าย", "ส่วน", "กอง", "สาย", "สายงาน", "ชมรม", "เครือข่าย", "สโมสร", "ห้างหุ้นส่วน",
    ]

    /// Words after which a place glued to an office's name belongs to it: สำนักงานพาณิชย์จังหวัด|ลำปาง.
    static let placeUnits: [String] = ["จังหวัด", "อำเภอ", "ตำบล"]

    /// Words that number an office after its name (สำนักงานปศุสัตว์เขต 6, มณฑลทหารบกที่ 17).
    static let designationWords: [String] = ["เขต", "ที่", "พื้นที่", "ภาค"]

    /// A hospital (โรงพยาบาล) and "nursing" (พยาบาล), which ends a teaching hospital's name
    /// (ศิริราชพยาบาล): what a faculty's name takes after it.
    static let hospital = Array("โรงพยาบาล".utf16)
    static let nursing = Array("พยาบาล".utf16)

    /// Royal patronage written after a body's name, part of it.
    static let patronages: [String] = ["ในพระบรมราชูปถัมภ์", "ในพระราชูปถัมภ์", "ในพระบรมราชินูปถัมภ์", "ในพระอุปถัมภ์"]

    /// Head words that, glued before a known body, make a larger body (คณะกรรมการกองทุนยุติธรรม,
    /// มณฑลทหารบก, บริษัทนิเคอิ).
    static let bodyHeads: [String] = ["คณะกรรมการ", "สมัชชา", "มณฑล", "บริษัท", "สำนักงาน", "ตำรวจ", "เครือข่าย", "ชมรม"]

    /// "Group", which glued before a company names the group of companies (กลุ่มบริษัท...).
    static let group = Array("กลุ่ม".utf16)

    /// Positions written right before a unit's name (ผู้อำนวยการกองกฎหมาย, ประธานชมรม...).
    static let unitPositions: [String] = [
        "ผู้อำนวยการ", "ผู้อำนวยการ ", "ประธาน", "ประธาน ", "หัวหน้า", "หัวหน้า ", "ผอ.", "ผู้จัดการ", "ผู้จัดการ ",
        "ผู้บังคับการ", "ผู้กำกับการ", "ผู้บัญชาการ", "ประธานกรรมการ", "ประธานกรรมการ ", "ผู้จัดการใหญ่อาวุโส ",
    ]

    /// Words that, right after a head word, make it a description of a kind or a size, not a
    /// name (โรงเรียนขนาดใหญ่, โรงพยาบาลอีกแห่ง, องค์กรดีเด่น, มหาวิทยาลัยชั้นนำ).
    static let descriptive: [String] = [
        "ขนาด", "ใหญ่", "เล็ก", "แห่งหนึ่ง", "หนึ่ง", "อีก", "ชั้น", "ดีเด่น", "หลัก", "เฉพาะทาง", "ต้นแบบ",
        "ระดับ", "ทั่วไป", "เอกชน", "ต่าง", "นี้", "นั้น", "ดังกล่าว", "ทั้ง", "ทุก", "แต่ละ", "ใกล้เคียง",
        "ใหม่", "เก่า", "เดิม", "ของ", "ที่", "เพื่อ", "ใน", "สำคัญ", "สนาม", "ไว้", "ปลายทาง", "สูง", "หลัง", "ชุด",
        "เช่า", "เอนกประสงค์", "อเนกประสงค์", "อย่าง", "ช่วง", "สู่",
        // The object of วัด "to measure" (วัดอุณหภูมิ, วัดผล).
        "อุณหภูมิ", "ผล", "ความ",
    ]

    /// Words of `descriptive` that open a body's name after an organisation's head word: in ThaiNER
    /// train and the corpus's train documents, an organisation head + ความ opens a gold
    /// ORGANIZATION 14 times of 14 (สภาความมั่นคงแห่งชาติ, คณะทำงานความร่วมมือ...), + เพื่อ 31 of
    /// 46 (มูลนิธิเพื่อผู้บริโภค, กองทุนเพื่อ...); the objects of วัด name no body.
    static let bodyNameOpeners: [String] = ["เพื่อ", "ความ", "อุณหภูมิ", "ผล"]
}

/// A small set of words looked up by where they end.
struct WordsEnding: Sendable {
    private let words: [[UInt16]]

    init(_ words: [String]) { self.words = words.map { Array($0.utf16) }.sorted { $0.count > $1.count } }

    /// Where the longest of the words that ends at `position` and starts at or after `from` starts.
    func longestEnding(at position: Int, in units: UnsafeBufferPointer<UInt16>, from: Int) -> Int? {
        for word in words where position - word.count >= from && units.hasWord(word, at: position - word.count) {
            return position - word.count
        }
        return nil
    }
}
