import ThaiSegmentation

/// Repairs of the model's PERSON span edges, after decoding and before the merge:
/// - A strong title glued inside a span after a full name starts another person: the model joins
///   two people the text writes without a space between them (นายบัญญัติ ทัศนียะเวช|นายสำราญ).
///   The name before must have a space after its titles (a given and a family name): royal names
///   run titles together (สมเด็จพระนางเจ้าฯ), and a title must end where a tagging unit starts
///   (นาย in นายกฯ does not).
/// - A span that starts with a one-letter dotted rank (ต.สนั่น, ร.ท.พะจุณณ์) right after พล. and
///   one space takes พล. in: the rank is written apart (พล. ต.สนั่น), which the units do not join.
/// - A span that ends one short piece before the end of a word takes the piece in when it looks
///   like the end of a name the segmenter cut off (`isNameRemnant`: บุตรศรีภู|มิ before รมช.).
/// - A span that ends with a reflexive pronoun glued to the name (นายสมัคร|ตนเอง) ends before it
///   (`reflexiveEnding`), and so does one that ends with a glued verb or อายุ before a number, on a
///   unit edge or not (`verbEnding`: ชลิ|ตก|ล่า|ว; 5-fold CV on ThaiNER train, with the bracketed
///   nicknames of `addingAliases`: PERSON 0.895 -> 0.898, boundary errors 10 fewer).
/// - A span right after a word that opens a name takes it in (`namePrefixStart`): a religious or
///   honorific title the lists do not hold (หลวง|พ่อ..., พระ, ครูบา, สมเด็จ, คุณหญิง), and, under
///   ThaiNER's span conventions only, a role, kin or trade word written as a title (รองนายกฯ, ครู,
///   เสี่ย, น้อง): ThaiNER keeps them inside the span, the guidelines keep roles out.
///   (5-fold CV on ThaiNER train: PERSON 0.864 -> 0.868, boundary errors 161 -> 149; with the
///   name after the prefix propagated, `propagatingPersons`, 0.870 and unseen-name recall
///   300 -> 315 of 556; with such a word taken in before a repeat, 0.873 and 324; corpus CV
///   unchanged.)
/// (5-fold CV on ThaiNER train: PERSON boundary errors 168 -> 159, F1 0.860 -> 0.863; the last
/// rule alone 0.861 -> 0.863; with pieces of three UTF-16 units, 0.860: it took in เอง, พูด,
/// รอง, ตาย after given names). Tried and dropped: trimming a trailing glued unit common in running
/// text and rare in names cost 0.018 F1 (it cut ประมง and บท off family names, royal names apart);
/// trimming a trailing one-word chunk of that kind cost 0.003; taking in the rest of the chunk
/// when it is rare or common in names cost 0.001.
extension EntityTagger {
    /// `spans` (sorted by start; the model's spans, on the edges of `pieces`, the tagging units)
    /// with the PERSON spans repaired as above.
    static func repairingPersonBoundaries(_ spans: [(type: EntityType, range: Range<Int>)], pieces: [Range<Int>],
                                          text: UnsafeBufferPointer<UInt16>,
                                          people: PersonLexicon, thaiNERSpans: Bool = false,
                                          frequencies: WordFrequencies = .bundled) -> [(type: EntityType, range: Range<Int>)] {
        var result: [(type: EntityType, range: Range<Int>)] = []
        result.reserveCapacity(spans.count)
        var first = 0
        for (spanIndex, span) in spans.enumerated() {
            guard span.type == .person else { result.append(span); continue }
            while first < pieces.count, pieces[first].upperBound <= span.range.lowerBound { first += 1 }
            guard first < pieces.count, pieces[first].lowerBound == span.range.lowerBound else { result.append(span); continue }
            // The leading titles, and whether a space follows them inside the span.
            var titleEnd = span.range.lowerBound
            while titleEnd < span.range.upperBound, let title = people.titles.longestMatch(in: text, at: titleEnd) {
                titleEnd = title.end
                while titleEnd < span.range.upperBound, CharacterClass.isSpace(text[titleEnd]) { titleEnd += 1 }
            }
            var start = span.range.lowerBound
            if startsSplitRank(at: start, in: text), (result.last?.range.upperBound ?? 0) <= start - generalPrefix.count - 1 {
                start -= generalPrefix.count + 1
            }
            start = namePrefixStart(before: start, after: result.last?.range.upperBound ?? 0, pieces: pieces[..<first],
                                    text: text, thaiNERSpans: thaiNERSpans)
            var sawSpace = false
            var unit = first + 1
            while unit < pieces.count, pieces[unit].lowerBound < span.range.upperBound {
                let position = pieces[unit].lowerBound
                if position > titleEnd, CharacterClass.isSpace(text[position - 1]) { sawSpace = true }
                if sawSpace, position > titleEnd, CharacterClass.isThai(text[position - 1]),
                   let title = people.titles.longestMatch(in: text, at: position), title.payload == 1,
                   title.end < span.range.upperBound, pieces[unit...].prefix(while: { $0.lowerBound <= title.end })
                       .contains(where: { $0.lowerBound == title.end }) {
                    result.append((.person, start..<position))
                    start = position
                    sawSpace = false
                }
                unit += 1
            }
            var end = span.range.upperBound
            if end > titleEnd, unit < pieces.count, pieces[unit].lowerBound == end,
               spanIndex + 1 == spans.count || spans[spanIndex + 1].range.lowerBound >= pieces[unit].upperBound,
               isNameRemnant(unit, pieces: pieces, text: text, frequencies: frequencies) {
                end = pieces[unit].upperBound
            }
            if let reflexiveStart = reflexiveEnding(before: end, after: titleEnd, pieces: pieces[first..<unit], text: text) {
                end = reflexiveStart
            }
            if let verbStart = verbEnding(before: end, after: titleEnd, text: text) { end = verbStart }
            result.append((.person, start..<end))
        }
        return result
    }

    /// Reflexive pronouns, which no PERSON of ThaiNER train or the corpus gold ends with, and which
    /// the model has glued to a titled name (นายสมัคร|ตนเอง|ไม่เห็นด้วย).
    static let reflexives = ["ตนเอง", "ตัวเอง", "เอง"].map { Array($0.utf16) }

    /// Where a reflexive pronoun glued to the end of a span ending at `end` starts: at a unit's
    /// start (`pieces`, the span's units), after the span's titles (`after`) and a Thai letter.
    static func reflexiveEnding(before end: Int, after titleEnd: Int, pieces: ArraySlice<Range<Int>>,
                                text: UnsafeBufferPointer<UInt16>) -> Int? {
        for word in reflexives {
            let start = end - word.count
            guard start > titleEnd, CharacterClass.isThai(text[start - 1]),
                  text.hasWord(word, at: start), pieces.contains(where: { $0.lowerBound == start }) else { continue }
            return start
        }
        return nil
    }

    /// Verbs that no PERSON of ThaiNER train or the corpus gold ends with, and that the segmenter
    /// glues to the end of a name it cuts wrongly (ชลิ|ตก|ล่า|ว, ประสงค์|ปรากฏ), and อายุ (age) before
    /// a number (สะแต|อายุ27ปี).
    static let gluedVerbs = ["กล่าว", "เปิดเผย", "แถลง", "ชี้แจง", "ยืนยัน", "รับปาก", "ปรากฏ", "บริจาค", "พยายาม"]
        .map { Array($0.utf16) }

    /// อายุ, age.
    static let ageWord = Array("อายุ".utf16)

    /// Where a verb of `gluedVerbs` glued to the end of a span ending at `end` starts, or อายุ glued
    /// to the name with only digits and ปี after it in the span; after the span's titles (`after`)
    /// and a Thai letter, on a unit edge or not (the segmenter's units cross the verb's start).
    static func verbEnding(before end: Int, after titleEnd: Int, text: UnsafeBufferPointer<UInt16>) -> Int? {
        for word in gluedVerbs {
            let start = end - word.count
            guard start > titleEnd + 1, CharacterClass.isThai(text[start - 1]), text.hasWord(word, at: start) else { continue }
            return start
        }
        var start = end
        while start - ageWord.count > titleEnd + 1 {
            if text.hasWord(ageWord, at: start - ageWord.count), CharacterClass.isThai(text[start - ageWord.count - 1]),
               start == end || CharacterClass.isDigit(text[start]) {
                return start - ageWord.count
            }
            guard CharacterClass.isThai(text[start - 1]) || CharacterClass.isDigit(text[start - 1]) else { return nil }
            start -= 1
        }
        return nil
    }

    /// Whether tagging unit `unit` is the last piece of a name the segmenter cut off (บุตรศรีภู|มิ,
    /// น้องแอ๋|ม): one or two UTF-16 units of Thai, not a very common word (10,000 times or more in
    /// `frequencies`' text: มา, ได้, ว่า), and the end of the word, before a space, punctuation, the
    /// end of the text or a short dotted abbreviation (บุตรศรีภูมิ|รมช.).
    static func isNameRemnant(_ unit: Int, pieces: [Range<Int>], text: UnsafeBufferPointer<UInt16>,
                              frequencies: WordFrequencies) -> Bool {
        let piece = pieces[unit]
        guard piece.count <= 2, CharacterClass.isThai(text[piece.lowerBound]) else { return false }
        if piece.upperBound < text.count {
            let next = text[piece.upperBound]
            let wordGoesOn = CharacterClass.isThai(next) || CharacterClass.isLatinLetter(next) || CharacterClass.isDigit(next)
            let abbreviationFollows = unit + 1 < pieces.count && pieces[unit + 1].count <= 8
                && pieces[unit + 1].contains { text[$0] == 0x2E }
            guard !wordGoesOn || abbreviationFollows else { return false }
        }
        return frequencies.textBucket(of: piece, in: text) <= 4
    }

    /// Words that open a name and that a span starting right after them takes in, glued or after one
    /// space (`spaced`), and whether only under ThaiNER's span conventions (`thaiNEROnly`).
    static let namePrefixes: [(word: [UInt16], spaced: Bool, thaiNEROnly: Bool)] = {
        let titles = ["หลวง", "พระ", "พระครู", "ครูบา", "สมเด็จ", "คุณหญิง"].map { (Array($0.utf16), false, false) }
        let roles = ["รอง", "นายกฯ", "ผู้ว่า", "ผู้ว่าฯ", "ครู", "อาจารย์", "กัปตัน", "ทนาย", "หมอ", "จ่า", "เสี่ย", "บิ๊ก", "น้อง"]
            .map { (Array($0.utf16), false, true) }
        let spaced = ["รองฯ", "ในหลวง"].map { (Array($0.utf16), true, true) }
        return titles + roles + spaced
    }()

    /// Where a PERSON span starting at `start` starts once the words that open a name
    /// (`namePrefixes`) written right before it are taken in, each starting where a tagging unit
    /// does (`pieces`, the units before the span) and none before `limit` (the previous span's end).
    static func namePrefixStart(before start: Int, after limit: Int, pieces: ArraySlice<Range<Int>>,
                                text: UnsafeBufferPointer<UInt16>, thaiNERSpans: Bool) -> Int {
        var start = start
        extending: while true {
            for prefix in namePrefixes where thaiNERSpans || !prefix.thaiNEROnly {
                var end = start
                if prefix.spaced {
                    guard end > 0, text[end - 1] == 0x20 else { continue }
                    end -= 1
                }
                let begin = end - prefix.word.count
                guard begin >= limit, text.hasWord(prefix.word, at: begin) else { continue }
                var unit = pieces.endIndex
                while unit > pieces.startIndex, pieces[unit - 1].lowerBound > begin { unit -= 1 }
                guard unit > pieces.startIndex, pieces[unit - 1].lowerBound == begin else { continue }
                start = begin
                continue extending
            }
            return start
        }
    }

    /// Where the longest word of `namePrefixes` that starts at `position` ends, or nil.
    static func namePrefixEnd(at position: Int, in text: UnsafeBufferPointer<UInt16>, thaiNERSpans: Bool) -> Int? {
        var end: Int?
        for prefix in namePrefixes where !prefix.spaced && (thaiNERSpans || !prefix.thaiNEROnly)
            && text.hasWord(prefix.word, at: position) {
            end = max(end ?? 0, position + prefix.word.count)
        }
        return end
    }

    /// พล., the first half of a general's rank (พล.ต., พล.ร.ท.).
    static let generalPrefix = Array("พล.".utf16)

    /// Whether a one-letter dotted rank (ต., ร.ท.) starts at `start` after พล. and one space.
    static func startsSplitRank(at start: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        let prefixStart = start - generalPrefix.count - 1
        guard prefixStart >= 0, start + 1 < text.count, text[start + 1] == 0x2E, CharacterClass.isSpace(text[start - 1]) else {
            return false
        }
        return text[prefixStart..<(start - 1)].elementsEqual(generalPrefix)
    }

    /// The reign words a king's or queen's name ends with before the reign's number.
    static let reignWords = ["ในรัชกาลที่", "รัชกาลที่", "ร."].map { Array($0.utf16) }

    /// `mentions` (sorted by start) with each PERSON followed by a reign number (glued or one
    /// space between: `สมเด็จพระเจ้าอยู่หัว รัชกาลที่ 10`, `ในหลวงร.9`, `พระบรมราชินีนาถ ในรัชกาลที่ 9`)
    /// running through it: ThaiNER train and the corpus `train` gold have all 20 such numbers
    /// inside the name.
    static func extendingReignNumbers(_ mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result = mentions
        for index in result.indices where result[index].type == .person {
            var position = result[index].utf16Range.upperBound
            if position < units.count, CharacterClass.isSpace(units[position]) { position += 1 }
            guard let word = reignWords.first(where: { units.hasWord($0, at: position) }) else { continue }
            position += word.count
            if word.count > 2, position < units.count, CharacterClass.isSpace(units[position]) { position += 1 }
            var end = position
            while end < units.count, CharacterClass.isDigit(units[end]) { end += 1 }
            guard end > position, end == units.count || !CharacterClass.isDigit(units[end]),
                  index + 1 == result.count || result[index + 1].utf16Range.lowerBound >= end else { continue }
            result[index].utf16Range = result[index].utf16Range.lowerBound..<end
        }
        return result
    }
}
