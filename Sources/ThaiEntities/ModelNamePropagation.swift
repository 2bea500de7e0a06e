import ThaiSegmentation

/// A second look at a document after the model (two-stage prediction aggregation, Ratinov and
/// Roth 2009): a person the model found once is found again where the document repeats the name
/// and the model, with nothing local to go by, missed it. The recogniser does this for the people
/// its rules find (`RecognitionPass.documentMentions`); this does it for the model's.
///
/// The names looked for, from the document's PERSON mentions after the merge:
/// - after a title (ด.ช.กัปตัน บุญมานุช): the given name (กัปตัน) and the name after the title
///   (กัปตัน บุญมานุช);
/// - without a title (น้องเต้, เสี่ยแหลม, อีลอน มัสก์): the mention's text, and the name after a
///   word that opens names (`namePrefixes`: พระ|จตุคาม, then จตุคาม).
/// Each of four UTF-16 units or more and starting with a Thai letter (shorter given names are
/// common words: วัน, ที่). An occurrence starts where a token starts, ends where one ends (or
/// before a non-Thai character) and overlaps no mention; a title right before it (one space
/// between at most) becomes part of it (คุณหญิง + จารุวรรณ), and so does a word that opens names
/// (`namePrefixStart`: ครู + เกศิณี). A name the segmenter keeps as one
/// word (สมัคร, ส่วน, สามารถ: dictionary words) is taken only where a name can start without a
/// title (at the start of the text, after a space or a non-Thai character, or after a title), and
/// not at all when the document has more than ``maximumBareRepeats`` such occurrences for each
/// mention that gave the name (ส่วน, once in a model PERSON, is everywhere).
/// A nickname (`nicknames`, the aliases `addingAliases` found: "หนิง" before ปณิตา, หรือ"เจ๊มาลี")
/// is looked for from two UTF-16 units on (กบ, จอย), and its one-word repeats are taken glued
/// after Thai text too (ถึงจอย, ของอั้ม), still on token edges and within ``maximumBareRepeats``,
/// but not before a glued word rare in running text, which goes on with the name (เสก|โลโซ).
extension EntityTagger {
    /// Bare one-word occurrences allowed per mention that gave the name.
    static let maximumBareRepeats = 3

    /// `mentions` (sorted by start) with a PERSON mention at each repeat of a person's name (see
    /// above), linked like the mention it repeats.
    static func propagatingPersons(_ mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>, tokens: [Token],
                                   people: PersonLexicon, thaiNERSpans: Bool = false,
                                   nicknames: [Range<Int>] = [], frequencies: WordFrequencies = .bundled) -> [EntityMention] {
        // The names, each once: its mention count, first mention's link and whether it is a nickname.
        var index: [[UInt16]: Int] = [:]
        var names: [(key: [UInt16], sources: Int, link: EntityLink?, nickname: Bool)] = []
        func addName(_ range: Range<Int>, link: EntityLink?, nickname: Bool = false) {
            guard range.count >= (nickname ? 2 : 4), CharacterClass.isThai(units[range.lowerBound]) else { return }
            let key = Array(units[range])
            if let known = index[key] { names[known].sources += 1; names[known].nickname = names[known].nickname || nickname; return }
            index[key] = names.count
            names.append((key, 1, link, nickname))
        }
        for mention in mentions where mention.type == .person {
            let range = mention.utf16Range
            if nicknames.contains(range) { addName(range, link: mention.link, nickname: true); continue }
            guard let title = people.titles.longestMatch(in: units, at: range.lowerBound), title.end < range.upperBound else {
                addName(range, link: mention.link)
                if let prefixEnd = namePrefixEnd(at: range.lowerBound, in: units, thaiNERSpans: thaiNERSpans),
                   prefixEnd < range.upperBound, !CharacterClass.isWhitespace(units[prefixEnd]) {
                    addName(prefixEnd..<range.upperBound, link: mention.link)
                }
                continue
            }
            var start = title.end
            while start < range.upperBound, CharacterClass.isWhitespace(units[start]) { start += 1 }
            var end = start
            while end < range.upperBound, !CharacterClass.isWhitespace(units[end]) { end += 1 }
            addName(start..<end, link: mention.link)
            if end < range.upperBound { addName(start..<range.upperBound, link: mention.link) }
        }
        guard !names.isEmpty else { return mentions }
        let trie = PrefixTrie(utf16Keys: names.enumerated().map { (key: $0.element.key, payload: Int32($0.offset)) })
        let firstUnits = FirstUnits(names.lazy.map { $0.key[0] })
        var covered = PositionSet(count: units.count)
        for mention in mentions { covered.insert(mention.utf16Range) }
        var tokenEnds = PositionSet(count: units.count)
        for token in tokens { tokenEnds.insert(token.utf16Offsets.upperBound) }

        var found: [(mention: EntityMention, name: Int, oneWord: Bool)] = []
        var oneWordRepeats = [Int](repeating: 0, count: names.count)
        let tokenRanges = tokens.map(\.utf16Offsets)
        for (tokenIndex, token) in tokens.enumerated() where token.kind != .whitespace {
            let start = token.utf16Offsets.lowerBound
            guard firstUnits.contains(units[start]), !covered.contains(start),
                  let match = trie.longestMatch(in: units, at: start),
                  match.end == units.count || tokenEnds.contains(match.end) || !CharacterClass.isThai(units[match.end]),
                  !(start..<match.end).contains(where: covered.contains) else { continue }
            var first = start
            if let title = people.titleStart(endingAt: start, in: units, strongOnly: false),
               !(title..<start).contains(where: covered.contains) { first = title }
            let prefixed = namePrefixStart(before: first, after: 0, pieces: tokenRanges[..<tokenIndex], text: units,
                                           thaiNERSpans: thaiNERSpans)
            if !(prefixed..<first).contains(where: covered.contains) { first = prefixed }
            let oneWord = match.end <= token.utf16Offsets.upperBound
            let name = Int(match.payload)
            if oneWord, first == start, start > 0, CharacterClass.isThai(units[start - 1]), !names[name].nickname { continue }
            if oneWord, names[name].nickname, match.end < units.count, CharacterClass.isThai(units[match.end]),
               tokenIndex + 1 < tokens.count, frequencies.textBucket(of: tokens[tokenIndex + 1].utf16Offsets, in: units) <= 3 {
                continue
            }
            if oneWord { oneWordRepeats[name] += 1 }
            found.append((EntityMention(type: .person, utf16Range: first..<match.end, link: names[name].link), name, oneWord))
            covered.insert(first..<match.end)
        }
        let added = found.filter { !$0.oneWord || oneWordRepeats[$0.name] <= maximumBareRepeats * names[$0.name].sources }
        guard !added.isEmpty else { return mentions }
        return (mentions + added.map(\.mention)).sorted { $0.utf16Range.lowerBound < $1.utf16Range.lowerBound }
    }
}
