import ThaiEntities
import ThaiSegmentation

/// A role link in the recogniser's terms: a PERSON mention, the words of the office it holds
/// and the body the office belongs to.
public struct RoleMention: Sendable, Hashable {
    /// The PERSON mention's index in the mention list given to the linker.
    public var person: Int
    /// The role's words (the position up to where the body's name begins), in UTF-16 code units.
    public var utf16Range: Range<Int>
    /// The body's index in the mention list (a MINISTRY, ORGANIZATION, ACRONYM or LOCATION), or nil.
    public var organization: Int?
    /// The office in full (รมว. + ศธ. is รัฐมนตรีว่าการกระทรวงศึกษาธิการ), or nil when unknown.
    public var canonical: String?

    /// Creates a role mention.
    public init(person: Int, utf16Range: Range<Int>, organization: Int?, canonical: String?) {
        self.person = person
        self.utf16Range = utf16Range
        self.organization = organization
        self.canonical = canonical
    }
}

/// Links PERSON mentions to the offices the text states, right next to them, that they hold
/// (corpus/GUIDELINES.md, ROLE): `นายอุตตม สาวนายน รัฐมนตรีว่าการกระทรวงอุตสาหกรรม`,
/// `ผู้ว่าราชการจังหวัดลำปาง นายสมชาย ...`, `รัฐมนตรีว่าการกระทรวงการคลัง (นายสมชาย ...)`, `รมว.ศธ.`.
///
/// It works on the UTF-16 text and the recogniser's mentions; its cost is a few trie walks per
/// PERSON mention.
public struct RoleLinker: Sendable {
    /// The offices it knows.
    public let lexicon: OfficeLexicon

    /// Creates a linker over a lexicon (by default the bundled one).
    public init(lexicon: OfficeLexicon = .bundled) {
        self.lexicon = lexicon
    }

    /// The role links in `text`, given its tokens and its named-entity mentions (sorted,
    /// non-overlapping), in order of the person mentions.
    public func links(in text: UTF16Text, tokens: [Token], mentions: [EntityMention]) -> [RoleMention] {
        guard !lexicon.offices.isEmpty, mentions.contains(where: { $0.type == .person }) else { return [] }
        return text.units.withUnsafeBufferPointer { units in
            RoleScan(lexicon: lexicon, units: units, tokens: tokens, mentions: mentions).run()
        }
    }
}

/// One linking pass over a document.
struct RoleScan {
    let lexicon: OfficeLexicon
    let units: UnsafeBufferPointer<UInt16>
    let tokens: [Token]
    let mentions: [EntityMention]

    /// How far before a person the role's first word may start, in code units.
    static let window = 96

    /// One office with its body, or offices sharing one body (ประธานและ CEO).
    struct Part {
        var role: Range<Int>
        /// The offices inside `role`, for the canonical form: (where, index in the lexicon).
        var offices: [(range: Range<Int>, office: Int)]
        var body: Int?
        /// Whether the office is complete without a body (a whole office, or one with its body).
        var isComplete: Bool
        /// Where the part ends: after the body, or after the role.
        var end: Int
    }

    /// A run of parts: coordinated offices held by one person.
    struct Phrase {
        var parts: [Part]
        /// After the last part and any parent bodies or bracketed acronyms that follow it.
        var extendedEnd: Int
    }

    func run() -> [RoleMention] {
        var links: [RoleMention] = []
        // Text up to here belongs to an earlier person's role (after its name); a later person
        // does not take it as a role written before its own name.
        var claimedUntil = 0
        for (index, mention) in mentions.enumerated() where mention.type == .person {
            // A name with a role after it takes no role before it: in a list (นายก อธิบดีกรมข
            // นายค ...), the role before a name is the previous name's.
            // A role on a line of its own before a name that opens the next line (a caption:
            // รมว.ดิจิทัลฯ, a line break, the name and its title) is the name's all the same.
            let after = phraseAfter(mention.utf16Range)
            if after == nil || startsLine(mention.utf16Range.lowerBound),
               let before = phraseBefore(mention.utf16Range.lowerBound, notBefore: max(claimedUntil, previousPersonEnd(index))),
               after == nil || startsLine(before.parts[0].role.lowerBound) {
                links += before.parts.map { link(index, $0) }
            }
            if let after {
                links += after.parts.map { link(index, $0) }
                claimedUntil = after.extendedEnd
            }
        }
        return links
    }

    /// Whether only spaces stand between `position` and the start of its line.
    func startsLine(_ position: Int) -> Bool {
        let before = skipSpacesBackwards(position)
        return before == 0 || units[before - 1] == 0x0A || units[before - 1] == 0x0D
    }

    private func previousPersonEnd(_ index: Int) -> Int {
        var other = index - 1
        while other >= 0, mentions[other].type != .person { other -= 1 }
        return other >= 0 ? mentions[other].utf16Range.upperBound : 0
    }

    // MARK: The two orders

    /// The role after a name: across nothing, spaces, one line break, a comma, the name's closing
    /// quote, ในฐานะ or ตำแหน่ง,
    /// or in brackets (ดร.อรรชกา สีบุญเรือง (รมว.วท.)). After a name written twice, the second form
    /// in brackets (นายไบรอัน ... (Mr. Brian ...) เอกอัครราชทูต...), the role is the bracketed form's,
    /// the mention nearest to it (GUIDELINES, second roles and restatements).
    func phraseAfter(_ name: Range<Int>) -> Phrase? {
        var position = skipBlanks(name.upperBound)
        // The name's own closing bracket: นายไบรอัน ... (Mr. Brian John Davidson) เอกอัครราชทูต...
        if position < units.count, units[position] == 0x29, name.lowerBound > 0,
           units[skipSpacesBackwards(name.lowerBound) - 1] == 0x28 {
            position = skipBlanks(position + 1)
        }
        // The role in brackets after the name: ดร.อรรชกา สีบุญเรือง (รมว.วท.).
        if position < units.count, units[position] == 0x28, let phrase = phrase(at: skipSpaces(position + 1)) {
            let close = skipSpaces(phrase.extendedEnd)
            if close < units.count, units[close] == 0x29 { return Phrase(parts: phrase.parts, extendedEnd: close + 1) }
        }
        if position < units.count, units[position] == 0x2C { position = skipBlanks(position + 1) }
        // The name's closing quote: ‘จรินทร์’ปลัดแรงงาน, “เต็งส่วย” รมว.แรงงานฯ.
        if position < units.count, Self.isClosingQuote(units[position]) { position = skipBlanks(position + 1) }
        var inCapacity = false
        for linker in Words.capacityLinkers where units.hasWord(linker, at: position) {
            position = skipSpaces(position + linker.count)
            inCapacity = linker == Words.capacity
            break
        }
        guard let phrase = phrase(at: position) else { return nil }
        // ในฐานะประธานแถลงข่าว: after ในฐานะ, an office without its body is a capacity, not a link.
        if inCapacity, !phrase.parts[0].isComplete { return nil }
        // A name ending a line and an office opening the next, glued to the word after it
        // (...พระบรมราชินีนาถ, a line break, นายกรัฐมนตรีเป็นประธาน...): the office is the next
        // sentence's subject, not the name's signature block.
        if units[name.upperBound..<position].contains(where: { $0 == 0x0A || $0 == 0x0D }),
           phrase.extendedEnd < units.count, CharacterClass.isThai(units[phrase.extendedEnd]) {
            return nil
        }
        return phrase
    }

    /// The role before a name: ending right before it (across spaces, one line break, a comma or
    /// the name's opening quote), or before the bracket the name stands in. The earliest start that reads as a role up to there
    /// wins; none after เป็น (X เป็นประธานฯ นายY).
    func phraseBefore(_ start: Int, notBefore limit: Int) -> Phrase? {
        var target = skipBlanksBackwards(start)
        if target > 0, units[target - 1] == 0x28 {
            target = skipSpacesBackwards(target - 1)
        } else if target > 0, units[target - 1] == 0x2C {
            target = skipSpacesBackwards(target - 1)
        } else if target > 0, Self.isOpeningQuote(units[target - 1]) {
            // The name's opening quote: รมช.ศธ."นพ.อุดม".
            target = skipSpacesBackwards(target - 1)
        }
        guard target > limit, skipSpacesBackwards(target) > 0 else { return nil }
        let lowest = max(limit, target - Self.window)
        var best: Phrase?
        var tokenIndex = tokenIndex(containing: target - 1)
        while tokenIndex >= 0 {
            let tokenStart = tokens[tokenIndex].utf16Offsets.lowerBound
            if tokenStart < lowest { break }
            if let phrase = phrase(at: tokenStart),
               phrase.extendedEnd == target || phrase.parts.last!.end == target {
                best = phrase
            }
            tokenIndex -= 1
        }
        // X เป็นประธานฯ นายY: a role joined to someone else by a verb.
        if let found = best {
            let before = skipSpacesBackwards(found.parts[0].role.lowerBound)
            if before >= Words.be.count, units.hasWord(Words.be, at: before - Words.be.count) { return nil }
        }
        return best
    }

    // MARK: Phrases and parts

    /// Coordinated parts from `start`: offices joined by และ or a comma. Offices that still wait
    /// for a body share the next one's (ประธานและ CEO ของ...).
    func phrase(at start: Int) -> Phrase? {
        guard let first = part(at: start) else { return nil }
        var parts = [first]
        var end = afterParentBodies(first)
        while true {
            var position = skipSpaces(end)
            // How the next office is joined to the last:
            // - และ glued to it joins offices (รองนายกรัฐมนตรีและรัฐมนตรีว่าการ..., ประธานและ CEO); after a
            //   space, it joins a second complete office (รองปลัดกระทรวงยุติธรรม และโฆษกกระทรวงยุติธรรม);
            //   a comma joins people, not offices;
            // - ในฐานะ, a space or a bracket: a second office, its own link (ผู้อำนวยการสำนักงาน... ในฐานะ
            //   โฆษกกระทรวงการคลัง); an office still waiting for a body shares the second one's after
            //   ในฐานะ (รองปลัดกระทรวง ในฐานะโฆษกกระทรวง กระทรวง...).
            enum Join { case and, capacity, space, bracket }
            let join: Join
            if units.hasWord(Words.and, at: position) {
                join = position == end ? .and : .space
                position = skipSpaces(position + Words.and.count)
            } else if units.hasWord(Words.capacity, at: position) {
                join = .capacity
                position = skipSpaces(position + Words.capacity.count)
            } else if position < units.count, units[position] == 0x28 {
                join = .bracket
                position = skipSpaces(position + 1)
            } else if position > end {
                join = .space
            } else {
                break
            }
            guard let next = part(at: position), join == .and || next.isComplete else { break }
            var nextEnd = afterParentBodies(next)
            let last = parts[parts.count - 1]
            switch join {
            case .and where !last.isComplete:
                parts[parts.count - 1].role = last.role.lowerBound..<next.role.upperBound
                parts[parts.count - 1].offices += next.offices
                parts[parts.count - 1].body = next.body
                parts[parts.count - 1].isComplete = next.isComplete
                parts[parts.count - 1].end = next.end
            case .bracket:
                let close = skipSpaces(next.end)
                guard close < units.count, units[close] == 0x29 else { return Phrase(parts: parts, extendedEnd: end) }
                nextEnd = close + 1
                // รัฐมนตรีว่าการกระทรวงการพัฒนาสังคมฯ (รมว.พม.): the same office restated, no second link.
                let restated = next.body != nil && last.body != nil && officeText(next) == officeText(last)
                    && bodyName(next.body!) == bodyName(last.body!)
                if !restated { parts.append(next) }
            case .capacity:
                // รองปลัดกระทรวง ในฐานะโฆษกกระทรวง กระทรวง...: the ministry both offices name.
                if !last.isComplete, next.body != nil, units.hasWord(Words.ministry, at: last.role.upperBound - Words.ministry.count) {
                    parts[parts.count - 1].body = next.body
                }
                parts.append(next)
            default:
                parts.append(next)
            }
            end = nextEnd
        }
        return Phrase(parts: parts, extendedEnd: end)
    }

    /// Where a part ends, past its body's parent bodies and the body's acronym in brackets that
    /// may follow it before the next name (อธิบดีกรมส่งเสริมอุตสาหกรรม (กสอ.) กระทรวงอุตสาหกรรม).
    func afterParentBodies(_ part: Part) -> Int {
        var end = part.end
        guard part.body != nil else { return end }
        for _ in 0..<2 {
            let position = skipSpaces(end)
            if let index = mention(startingAt: position), Self.isBodyType(mentions[index].type) {
                end = mentions[index].utf16Range.upperBound
            } else if position < units.count, units[position] == 0x28,
                      let index = mention(startingAt: position + 1), mentions[index].type == .acronym,
                      mentions[index].utf16Range.upperBound < units.count, units[mentions[index].utf16Range.upperBound] == 0x29 {
                end = mentions[index].utf16Range.upperBound + 1
            } else {
                break
            }
        }
        return end
    }

    /// One office at `start`, with the modifiers glued before it and its body after it.
    func part(at start: Int) -> Part? {
        // Most positions tried start no office: the trie says so before any search of the mentions.
        guard start < units.count, lexicon.mayStart(with: units[start]), hasOffice(at: start), !isInsideMention(start) else {
            return nil
        }
        var offices: [(range: Range<Int>, office: Int)] = []
        var position = start
        // Modifiers: รอง, ผู้ช่วย, อดีต ... each followed by an office or another modifier.
        while true {
            var modifier: (end: Int, office: Int)?
            lexicon.trie.forEachMatch(in: units, at: position) { end, payload in
                if lexicon.offices[Int(payload)].kind == .modifier { modifier = (end, Int(payload)) }
            }
            guard let found = modifier else { break }
            // รอง นรม.: one space may stand between a modifier and its office.
            let next = found.end < units.count && units[found.end] == 0x20 ? found.end + 1 : found.end
            guard hasOffice(at: found.end) || next > found.end && hasOffice(at: next) else { break }
            offices.append((position..<found.end, found.office))
            position = hasOffice(at: found.end) ? found.end : next
        }
        // The office: one with a body first, then a whole office, then one waiting for a body;
        // the longest of each. An office never runs into an entity (ปลัด|กระทรวงมหาดไทย).
        let limit = nextMentionStart(from: position)
        var best: (rank: Int, roleEnd: Int, office: Int, body: Int?)?
        lexicon.trie.forEachMatch(in: units, at: position) { end, payload in
            let office = lexicon.offices[Int(payload)]
            guard office.kind != .modifier else { return }
            var roleEnd = end
            var body: Int?
            if end > limit {
                // ผู้ว่าการรถไฟ...: the การ of the title also starts the body's name.
                guard office.kind == .head, limit == end - 3, units.hasWord(Words.of, at: limit),
                      let index = mention(startingAt: limit), Self.isBodyType(mentions[index].type) else { return }
                roleEnd = limit
                body = index
            } else if end < units.count, units[end] == 0x0E2F, units.count == end + 1 || units[end + 1] != 0x0E25 {
                // รองปลัดฯ, รัฐมนตรีช่วยฯ, โฆษกกระทรวงฯ: the office abbreviated, complete (not ฯลฯ).
                roleEnd = end + 1
            } else {
                guard endsWord(end) else { return }
                if office.kind == .head {
                    body = self.body(after: end)
                } else if let index = mention(startingAt: end), mentions[index].type == .location {
                    body = index  // นายกรัฐมนตรีอินเดีย
                }
            }
            let rank = body != nil ? 2 : office.kind == .whole || roleEnd > end ? 1 : 0
            if best == nil || rank >= best!.rank { best = (rank, roleEnd, Int(payload), body) }
        }
        guard var chosen = best else { return nil }
        if chosen.rank < 2, units.hasWord(Words.senior, at: chosen.roleEnd) {
            // ผู้ช่วยกรรมการผู้จัดการใหญ่อาวุโส สายงาน...: the rank glued after an office is part of it.
            chosen.roleEnd += Words.senior.count
            if lexicon.offices[chosen.office].kind == .head, let index = body(after: chosen.roleEnd) {
                chosen.body = index
                chosen.rank = 2
            }
        }
        if chosen.rank < 2, Words.fields.contains(where: { units.hasWord($0, at: chosen.roleEnd) }) {
            // ที่ปรึกษาด้านเศรษฐกิจการเงิน (กลุ่ม...), รองนายกรัฐมนตรีฝ่ายความมั่นคง: the field or wing is
            // part of the role, up to the next space, with a bracketed qualifier after it; a body may
            // follow an office that heads one.
            var end = chosen.roleEnd
            while end < units.count, !CharacterClass.isWhitespace(units[end]), units[end] != 0x200B, units[end] != 0x28, units[end] != 0x2C,
                  mention(startingAt: end) == nil {
                end += 1
            }
            let bracket = skipSpaces(end)
            if bracket < units.count, units[bracket] == 0x28, mention(startingAt: bracket + 1) == nil {
                var close = bracket + 1
                while close < units.count, close - bracket < 64, units[close] != 0x29, units[close] != 0x0A { close += 1 }
                if close < units.count, units[close] == 0x29 { end = close + 1 }
            }
            chosen.roleEnd = end
            if lexicon.offices[chosen.office].kind == .head, let index = body(after: end) {
                chosen.body = index
                chosen.rank = 2
            }
        }
        offices.append((position..<min(chosen.roleEnd, position + lexicon.offices[chosen.office].surface.utf16.count), chosen.office))
        let end = chosen.body.map { mentions[$0].utf16Range.upperBound } ?? chosen.roleEnd
        if chosen.rank == 0 {
            // ในฐานะประธานในพิธี: a one-off function, not an office.
            let next = skipSpaces(end)
            if !units.hasWord(Words.capacity, at: next), Words.functionStarts.contains(where: { units.hasWord($0, at: next) }) {
                return nil
            }
        }
        return Part(role: start..<chosen.roleEnd, offices: offices, body: chosen.body, isComplete: chosen.rank > 0, end: end)
    }

    /// The body right after an office: across nothing, spaces, ของ or แห่ง.
    func body(after end: Int) -> Int? {
        var position = skipSpaces(end)
        for linker in Words.bodyLinkers where units.hasWord(linker, at: position) {
            position = skipSpaces(position + linker.count)
            break
        }
        guard let index = mention(startingAt: position), Self.isBodyType(mentions[index].type) else { return nil }
        return index
    }

    func hasOffice(at position: Int) -> Bool {
        var found = false
        lexicon.trie.forEachMatch(in: units, at: position) { _, _ in found = true }
        return found
    }

    static func isBodyType(_ type: EntityType) -> Bool {
        type == .ministry || type == .organization || type == .acronym || type == .location
    }

    // MARK: The link

    func link(_ person: Int, _ part: Part) -> RoleMention {
        RoleMention(person: person, utf16Range: part.role, organization: part.body, canonical: canonical(part))
    }

    /// The role with each office written in full, then what joins it to the body, then the
    /// body's canonical name; nil when an office waits for a body it does not have, or the body's
    /// full name is unknown.
    func canonical(_ part: Part) -> String? {
        let text = officeText(part)
        guard let body = part.body else { return part.isComplete ? text : nil }
        guard let name = bodyName(body) else { return nil }
        return text + string(part.role.upperBound..<mentions[body].utf16Range.lowerBound) + name
    }

    /// The role's words with each office written in full.
    func officeText(_ part: Part) -> String {
        var text = ""
        var position = part.role.lowerBound
        for (range, office) in part.offices {
            text += string(position..<range.lowerBound)
            text += lexicon.offices[office].canonical
            position = range.upperBound
        }
        return text + string(position..<part.role.upperBound)
    }

    /// A body's full name: an acronym's expansion, a gazetteer entry's canonical name, or the text.
    func bodyName(_ body: Int) -> String? {
        let mention = mentions[body]
        if mention.type == .acronym { return mention.acronym?.expansion }
        return mention.link.map(\.canonical) ?? string(mention.utf16Range)
    }

    func string(_ range: Range<Int>) -> String {
        range.isEmpty ? "" : String(decoding: UnsafeBufferPointer(rebasing: units[range]), as: UTF16.self)
    }

    // MARK: Positions

    /// Whether an office may end at `end`: where a word ends, a dotted abbreviation ends, an
    /// entity starts, or the script changes.
    func endsWord(_ end: Int) -> Bool {
        guard end < units.count else { return true }
        if units[end - 1] == 0x2E || !CharacterClass.isThai(units[end]) || units[end] == 0x0E2F { return true }
        if mention(startingAt: end) != nil { return true }
        return tokenIndex(startingAt: end) != nil
    }

    /// A space, or a zero-width space (U+200B), which some pages put between every two words.
    static func isGap(_ unit: UInt16) -> Bool {
        unit == 0x200B || CharacterClass.isSpace(unit)
    }

    /// An opening quotation mark: “ ‘ " '.
    static func isOpeningQuote(_ unit: UInt16) -> Bool {
        unit == 0x201C || unit == 0x2018 || unit == 0x22 || unit == 0x27
    }

    /// A closing quotation mark: ” ’ " '.
    static func isClosingQuote(_ unit: UInt16) -> Bool {
        unit == 0x201D || unit == 0x2019 || unit == 0x22 || unit == 0x27
    }

    func skipSpaces(_ position: Int) -> Int {
        var position = position
        while position < units.count, Self.isGap(units[position]) { position += 1 }
        return position
    }

    /// Spaces and at most one line break (a signature block: the name, a line break, the office).
    func skipBlanks(_ position: Int) -> Int {
        var position = skipSpaces(position)
        if position < units.count, units[position] == 0x0A || units[position] == 0x0D {
            position += units[position] == 0x0D && position + 1 < units.count && units[position + 1] == 0x0A ? 2 : 1
            position = skipSpaces(position)
        }
        return position
    }

    func skipBlanksBackwards(_ position: Int) -> Int {
        var position = skipSpacesBackwards(position)
        if position > 0, units[position - 1] == 0x0A {
            position -= position > 1 && units[position - 2] == 0x0D ? 2 : 1
            position = skipSpacesBackwards(position)
        }
        return position
    }

    func skipSpacesBackwards(_ position: Int) -> Int {
        var position = position
        while position > 0, Self.isGap(units[position - 1]) { position -= 1 }
        return position
    }

    /// The index of the first mention that ends after `position` (binary search).
    func firstMention(endingAfter position: Int) -> Int {
        mentions.firstIndex(endingAfter: position) { $0.utf16Range }
    }

    func mention(startingAt position: Int) -> Int? {
        let index = firstMention(endingAfter: position)
        return index < mentions.count && mentions[index].utf16Range.lowerBound == position ? index : nil
    }

    func isInsideMention(_ position: Int) -> Bool {
        let index = firstMention(endingAfter: position)
        return index < mentions.count && mentions[index].utf16Range.lowerBound <= position
    }

    func nextMentionStart(from position: Int) -> Int {
        let index = firstMention(endingAfter: position)
        return index < mentions.count ? max(position, mentions[index].utf16Range.lowerBound) : units.count
    }

    /// The index of the token containing `position` (binary search; the last token past the end), or -1.
    func tokenIndex(containing position: Int) -> Int {
        guard position >= 0 else { return -1 }
        let index = tokens.firstIndex(endingAfter: position) { $0.utf16Offsets }
        return index < tokens.count ? index : tokens.count - 1
    }

    func tokenIndex(startingAt position: Int) -> Int? {
        let index = tokenIndex(containing: position)
        return index >= 0 && tokens[index].utf16Offsets.lowerBound == position ? index : nil
    }
}

/// Words the linker looks for, as UTF-16 once and for all.
private enum Words {
    static let and = Array("และ".utf16)
    static let of = Array("การ".utf16)
    static let capacity = Array("ในฐานะ".utf16)
    /// A field or wing glued after an office: ที่ปรึกษาด้าน..., รองนายกรัฐมนตรีฝ่าย....
    static let fields = [Array("ด้าน".utf16), Array("ฝ่าย".utf16)]
    /// A rank glued after an office: ที่ปรึกษาอาวุโส.
    static let senior = Array("อาวุโส".utf16)
    static let be = Array("เป็น".utf16)
    static let ministry = Array("กระทรวง".utf16)
    /// What may stand between a name and the role after it, besides spaces and a comma.
    static let capacityLinkers = [Array("ในฐานะ".utf16), Array("ตำแหน่ง".utf16)]
    /// What may stand between an office and its body, besides spaces.
    static let bodyLinkers = [Array("ของ".utf16), Array("แห่ง".utf16)]
    /// Words after an office without a body that make it a one-off function (ประธานในพิธี).
    static let functionStarts = [Array("ใน".utf16), Array("การ".utf16), Array("เปิด".utf16), Array("พิธี".utf16)]
}
