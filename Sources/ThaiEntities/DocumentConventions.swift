import ThaiSegmentation

/// Conventions of the corpus guidelines (corpus/GUIDELINES.md, "Conventions decided") that
/// reshape what the candidates give: page furniture marks nothing, and a numbered educational
/// service area office is one ACRONYM through its area.
extension RecognitionPass {
    /// The page-title prefix every thaigov page opens with, before its headline.
    static let pageTitlePrefix = Array("รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-".utf16)
    /// The gazetteer entries of educational service area offices (สพป., สพม.).
    static let areaOffices: Set<String> = ["org.primary_area_office", "org.secondary_area_office"]
    static let khet = Array("เขต".utf16)
    /// Head words an acronym's letters often leave out, kept in its long form (คณะกรรมการ... (กพยจ.)).
    static let longFormHeads = ["คณะ", "สำนักงาน", "สำนัก", "ศูนย์", "สถาบัน", "องค์การ", "สมาคม", "มูลนิธิ"].map { Array($0.utf16) }

    /// Where the page-title prefix `รัฐบาลไทย-ข่าวทำเนียบรัฐบาล-` ends when the text opens with it
    /// (after a byte-order mark or blank lines), else 0. Nothing inside it is an entity.
    func pageFurnitureEnd() -> Int {
        var start = 0
        while start < units.count, units[start] == 0xFEFF || CharacterClass.isWhitespace(units[start]) { start += 1 }
        return matches(Self.pageTitlePrefix, at: start) ? start + Self.pageTitlePrefix.count : 0
    }

    /// `สพป.เชียงใหม่ เขต 1`, `สพม.เขต 2`, `สพม.31`, `สพป.สตูล`: an area office's acronym takes the
    /// province after it (at most one space between) and the area number (after เขต, or right
    /// after the dot), as one ACRONYM expanding to the office's name with them. A provincial
    /// office's acronym (…จ., its name ending in จังหวัด) takes the province glued to it the same
    /// way: `พมจ.นนทบุรี`.
    func joiningAreaOffices(_ mentions: [EntityMention]) -> [EntityMention] {
        guard mentions.contains(where: { $0.type == .acronym && (Self.areaOffices.contains($0.link?.id ?? "") || isProvincialOffice($0)) })
        else { return mentions }
        var result: [EntityMention] = []
        result.reserveCapacity(mentions.count)
        var index = 0
        while index < mentions.count {
            var mention = mentions[index]
            index += 1
            if mention.type == .acronym, isProvincialOffice(mention), let expansion = mention.acronym?.expansion,
               index < mentions.count, mentions[index].type == .location,
               mentions[index].utf16Range.lowerBound == mention.utf16Range.upperBound {
                mention.utf16Range = mention.utf16Range.lowerBound..<mentions[index].utf16Range.upperBound
                mention.acronym = AcronymExpansion(expansion: expansion + string(mentions[index].utf16Range),
                                                   refersTo: mention.acronym?.refersTo)
                index += 1
                result.append(mention)
                continue
            }
            guard mention.type == .acronym, let id = mention.link?.id, Self.areaOffices.contains(id),
                  let expansion = mention.acronym?.expansion else {
                result.append(mention)
                continue
            }
            let acronymEnd = mention.utf16Range.upperBound
            var end = acronymEnd
            var area = ""
            let areaStart = skipSpaces(end, limit: 1)
            if index < mentions.count, mentions[index].type == .location, mentions[index].utf16Range.lowerBound == areaStart {
                area = string(mentions[index].utf16Range)
                end = mentions[index].utf16Range.upperBound
            }
            var number: Range<Int>?
            let khetStart = skipSpaces(end, limit: 1)
            if matches(Self.khet, at: khetStart) {
                number = digits(at: skipSpaces(khetStart + Self.khet.count, limit: 1))
            } else if area.isEmpty {
                number = digits(at: end)
            }
            if let number { end = number.upperBound }
            guard end > acronymEnd else {
                result.append(mention)
                continue
            }
            while index < mentions.count, mentions[index].utf16Range.lowerBound < end { index += 1 }
            mention.utf16Range = mention.utf16Range.lowerBound..<end
            mention.acronym = AcronymExpansion(expansion: expansion + area + (number.map { " เขต " + string($0) } ?? ""),
                                               refersTo: mention.acronym?.refersTo)
            result.append(mention)
        }
        return result
    }

    /// `กระทรวง พม.`: a ministry written as กระทรวง, a space and its acronym is the ACRONYM alone
    /// under the guidelines (a ministry's abbreviation is an ACRONYM; 28 of the 30 such spans of
    /// the corpus's train gold), expanding to the ministry's name, its link kept.
    func splittingMinistryAcronyms(_ mentions: [EntityMention]) -> [EntityMention] {
        var result = mentions
        for index in result.indices where result[index].type == .ministry {
            let range = result[index].utf16Range
            let head = range.lowerBound + EntityRecognizer.ministryHead.count
            guard range.count > EntityRecognizer.ministryHead.count + 2, matches(EntityRecognizer.ministryHead, at: range.lowerBound),
                  CharacterClass.isSpace(units[head]) else { continue }
            let short = skipSpaces(head, limit: 2)..<range.upperBound
            guard isAcronymShaped(short), units[short.upperBound - 1] == 0x2E else { continue }
            result[index].type = .acronym
            result[index].utf16Range = short
            result[index].acronym = AcronymExpansion(expansion: result[index].link?.canonical, refersTo: .ministry)
        }
        return result
    }

    /// Whether `mention` is a provincial office's acronym: …จ., expanding to a name ending in จังหวัด.
    private func isProvincialOffice(_ mention: EntityMention) -> Bool {
        let range = mention.utf16Range
        return range.count >= 3 && units[range.upperBound - 1] == 0x2E && units[range.upperBound - 2] == 0x0E08
            && mention.acronym?.expansion?.hasSuffix("จังหวัด") == true
    }

    /// A run of one to three digits at `position` that no letter or digit continues.
    private func digits(at position: Int) -> Range<Int>? {
        var end = position
        while end < units.count, end - position < 4, CharacterClass.isDigit(units[end]) { end += 1 }
        guard end > position, end - position <= 3 else { return nil }
        if end < units.count, CharacterClass.isThai(units[end]) && !CharacterClass.isDigit(units[end])
            || CharacterClass.isLatinLetter(units[end]) || units[end] == 0x2E && end + 1 < units.count && CharacterClass.isDigit(units[end + 1]) {
            return nil
        }
        return position..<end
    }

    /// The start of an acronym's long form found by its letters at `start`, moved back over the
    /// head words glued before it that the letters leave out (คณะ of คณะกรรมการพัฒนายุทธศาสตร์จังหวัด
    /// (กพยจ.)): the long form is what is written before the bracket, head word included.
    func includingHeadWords(_ start: Int) -> Int {
        var start = start
        for _ in 0..<2 {
            guard let head = Self.longFormHeads.first(where: { start >= $0.count && matches($0, at: start - $0.count) }) else { break }
            start -= head.count
        }
        return start
    }
}
