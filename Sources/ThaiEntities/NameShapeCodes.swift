import ThaiSegmentation

/// Per-unit codes of the tagger's name-shape features (templates 50-59, issue #11): what tells a
/// name from an ordinary word without a list that holds the name.
///
/// - `frequency`: the unit's bucket in unlabelled text (`WordFrequencies`; 0 rare or unseen ...
///   5 very common), 6 for whitespace, 7 for a unit that is not a Thai or Latin word. Pieces of
///   names and transliterations are rare (ซัค, มัสก์), a verb glued to a name is common (พยายาม).
/// - `place`: where the unit stands in its space-delimited chunk, as units since the chunk's
///   start and units to its end (each 0, 1, 2, 3 or more). A Thai family name runs to the next
///   space (วินิจ|จะ|กูล), a word glued to a name does not end the chunk (พรวิภา|พยายาม|...).
/// - `head`: the rule code and title flags of the chunk's first unit (a titled name starts it).
/// - `nameness`: the unit's bucket inside the bundled name lists (0 never ... 5 very common):
///   family names end in a few pieces (-พันธุ์, -กูล, -วงศ์, -ศักดิ์), which are rare in text.
/// - `summary`: the chunk's length in units (1 ... 5 or more) and how many of its units are rare
///   in text, very common in text, and seen inside names twice or more (0, 1, 2 or more each).
/// Whitespace units take the `summary` of the chunk after them.
///
/// Arrays are padded like the tagger's other codes: index i + 2 is unit i.
struct NameShapeCodes {
    var frequency: [UInt64]
    var place: [UInt64]
    var head: [UInt64]
    var nameness: [UInt64]
    var summary: [UInt64]

    /// The codes of `pieces` (the tagging units of `text`), from the tagger's padded `words`,
    /// `rules` and `lexicon` codes.
    init(text: UnsafeBufferPointer<UInt16>, pieces: [Range<Int>], isBlank: [Bool], words: [UInt64],
         rules: [UInt64], lexicon: [UInt64], frequencies: WordFrequencies) {
        let count = pieces.count
        frequency = [UInt64](repeating: 8, count: count + 4)
        place = [UInt64](repeating: 0xFF, count: count + 4)
        head = [UInt64](repeating: 0xFFFF, count: count + 4)
        nameness = [UInt64](repeating: 8, count: count + 4)
        summary = [UInt64](repeating: 0xFFFF, count: count + 4)
        var index = 0
        while index < count {
            if isBlank[index] {
                frequency[index + 2] = 6
                index += 1
                continue
            }
            var end = index
            while end < count, !isBlank[end] { end += 1 }
            let chunkHead = rules[index + 2] << 8 | lexicon[index + 2] & 0xF
            var rare = 0, common = 0, named = 0
            for unit in index..<end {
                let first = text[pieces[unit].lowerBound]
                let buckets = CharacterClass.isThai(first) || CharacterClass.isLatinLetter(first)
                    ? UInt64(frequencies.buckets(wordHash: words[unit + 2])) : 7
                let bucket = buckets & 7, inNames = buckets >> 3
                frequency[unit + 2] = bucket
                nameness[unit + 2] = inNames
                if bucket <= 1 { rare += 1 } else if bucket == 4 || bucket == 5 { common += 1 }
                if inNames >= 1 { named += 1 }
                place[unit + 2] = UInt64(min(unit - index, 3)) << 2 | UInt64(min(end - 1 - unit, 3))
                head[unit + 2] = chunkHead
            }
            let chunkSummary = UInt64(min(end - index, 5)) << 6 | UInt64(min(rare, 2)) << 4 | UInt64(min(common, 2)) << 2
                | UInt64(min(named, 2))
            // The chunk's own units, and the whitespace before it.
            for unit in (index > 0 ? index - 1 : index)..<end { summary[unit + 2] = chunkSummary }
            index = end
        }
    }
}
