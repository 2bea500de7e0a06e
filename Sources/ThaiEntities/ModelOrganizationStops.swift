import ThaiSegmentation

extension EntityTagger {
    /// Words glued after an organisation's name that end it (`Vocabulary.wordsAfterOrganizationNames`).
    static let wordsAfterNames = PrefixTrie(words: Vocabulary.wordsAfterOrganizationNames)

    /// After the merge: an ORGANIZATION that runs on, glued, over a word of
    /// `Vocabulary.wordsAfterOrganizationNames` (a reporting verb, a function word: กรมปศุสัตว์|ทราบ,
    /// กรมควบคุมมลพิษ|ชี้) ends before it. The model sees such a word as one more unit of a long
    /// name when it has rarely seen it after one. The name keeps two segmenter tokens at least.
    static func endingBeforeGluedWords(_ merged: [EntityMention], tokens: [Token],
                                       units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result = merged
        for index in result.indices where result[index].type == .organization {
            let range = result[index].utf16Range
            // The name keeps two tokens at least: a head word alone (พรรค|หนุน...) names no body.
            var next = tokens.firstIndex(endingAfter: range.lowerBound, range: \.utf16Offsets) + 2
            while next < tokens.count, tokens[next].utf16Offsets.lowerBound < range.upperBound {
                let token = tokens[next].utf16Offsets
                if !CharacterClass.isWhitespace(units[token.lowerBound - 1]),
                   wordsAfterNames.payload(exactly: token, in: units) != nil {
                    result[index].utf16Range = range.lowerBound..<token.lowerBound
                    break
                }
                next += 1
            }
        }
        return result
    }
}

extension EntityTagger {
    /// Words glued before an organisation's name that open no name (`Vocabulary.wordsBeforeOrganizationNames`).
    static let wordsBeforeNames = PrefixTrie(words: Vocabulary.wordsBeforeOrganizationNames)

    /// After the merge: an ORGANIZATION that opens with a word of
    /// `Vocabulary.wordsBeforeOrganizationNames` glued to the rest (ของ|กองทุน..., ว่าการ|การนิคม...) starts after it.
    static func startingAfterGluedWords(_ merged: [EntityMention], tokens: [Token],
                                        units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        var result = merged
        for index in result.indices where result[index].type == .organization {
            let range = result[index].utf16Range
            let first = tokens.firstIndex(endingAfter: range.lowerBound, range: \.utf16Offsets)
            guard first < tokens.count else { continue }
            let token = tokens[first].utf16Offsets
            guard token.lowerBound == range.lowerBound, range.upperBound - token.upperBound >= 2,
                  !CharacterClass.isWhitespace(units[token.upperBound]),
                  wordsBeforeNames.payload(exactly: token, in: units) != nil else { continue }
            result[index].utf16Range = token.upperBound..<range.upperBound
        }
        return result
    }
}

extension EntityTagger {
    /// Head words that open a second organisation after และ (`Vocabulary.coordinatedOrganizationHeads`).
    static let coordinatedHeads = Vocabulary.coordinatedOrganizationHeads.map { Array($0.utf16) }

    /// After the merge: an ORGANIZATION that runs over และ and a head word of
    /// `Vocabulary.coordinatedOrganizationHeads` (โรงเรียนบางมดวิทยา|และ|โรงเรียนจินดาศึกษา) is two,
    /// one each side of และ.
    static func splittingCoordinatedOrganizations(_ merged: [EntityMention], tokens: [Token],
                                                 units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        splittingOrganizations(merged, tokens: tokens) { token, _, span in
            guard token.count == Words.and.count, units.hasWord(Words.and, at: token.lowerBound) else { return nil }
            var before = token.lowerBound, after = token.upperBound
            while before > span.lowerBound, CharacterClass.isWhitespace(units[before - 1]) { before -= 1 }
            if after < span.upperBound, units[after] == 0x20 { after += 1 }
            guard before - span.lowerBound >= 2, after < span.upperBound,
                  coordinatedHeads.contains(where: { units.hasWord($0, at: after) && after + $0.count < span.upperBound })
            else { return nil }
            return (end: before, start: after)
        }
    }

    /// `merged` with each ORGANIZATION cut in two wherever `cut` finds a second organisation at one
    /// of its tokens after the first: `cut` gets the token, the token before it and the span so far,
    /// and returns where the first part ends and the second starts, or nil. The first part keeps the
    /// link; the second is cut again at later tokens.
    static func splittingOrganizations(
        _ merged: [EntityMention], tokens: [Token],
        at cut: (_ token: Range<Int>, _ previous: Range<Int>, _ span: Range<Int>) -> (end: Int, start: Int)?
    ) -> [EntityMention] {
        var result: [EntityMention] = []
        result.reserveCapacity(merged.count)
        for mention in merged {
            guard mention.type == .organization else { result.append(mention); continue }
            var current = mention
            var next = tokens.firstIndex(endingAfter: current.utf16Range.lowerBound, range: \.utf16Offsets) + 1
            while next < tokens.count, tokens[next].utf16Offsets.lowerBound < current.utf16Range.upperBound {
                let token = tokens[next].utf16Offsets
                next += 1
                guard let parts = cut(token, tokens[next - 2].utf16Offsets, current.utf16Range) else { continue }
                result.append(EntityMention(type: .organization, utf16Range: current.utf16Range.lowerBound..<parts.end, link: current.link))
                current = EntityMention(type: .organization, utf16Range: parts.start..<current.utf16Range.upperBound)
            }
            result.append(current)
        }
        return result
    }
}
