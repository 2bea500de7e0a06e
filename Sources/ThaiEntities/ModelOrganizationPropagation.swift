import ThaiSegmentation

/// A second look at a document for organisations under ThaiNER's conventions (two-stage
/// prediction aggregation, as `propagatingPersons` does for people): a name the merged mentions
/// take as an ORGANIZATION once is one where the document repeats it and the model, with nothing
/// local to go by, left it (ทหารบก found in one sentence, then missed in eight more). Under the
/// guidelines' conventions it repeats the model's wrong and cut names as often as its right ones
/// (merge step 9).
///
/// The names looked for are the texts of the document's ORGANIZATION mentions after the merge,
/// each of ``minimumOrganizationRepeatLength`` UTF-16 units or more and starting with a Thai or
/// Latin letter, except a name no list holds that opens with a noun-forming word (การ, ความ: an
/// event or activity the model once took for a body, การเลือกตั้ง) and a name linked to a
/// gazetteer entry (ThaiNER leaves many of them untagged: คณะรัฐมนตรี; the merge drops the rules'
/// ones there too). An occurrence starts where a token starts, ends where one ends (or before a
/// character of another script) and overlaps no mention.
extension EntityTagger {
    /// The shortest name repeated (shorter ones are common words or pieces of them).
    static let minimumOrganizationRepeatLength = 3
    /// Words that make a noun of a verb: a name no list holds that opens with one is not repeated.
    static let nounForms = ["การ", "ความ"].map { Array($0.utf16) }

    /// `mentions` (sorted by start) with an ORGANIZATION mention at each repeat of an
    /// organisation's name (see above), linked like the mention it repeats.
    static func propagatingOrganizations(_ mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>,
                                         tokens: [Token]) -> [EntityMention] {
        propagatingNames(mentions, of: .organization, units: units, tokens: tokens,
                         repeating: { !($0.link.map { !$0.isDocumentLocal } ?? false) }, accepts: { _ in true })
    }

    /// `mentions` (sorted by start) with a mention of `type` at each repeat of the name of one of
    /// its mentions that `repeating` takes (see above), linked like the mention it repeats, where
    /// `accepts` takes the repeat's start.
    static func propagatingNames(_ mentions: [EntityMention], of type: EntityType,
                                 units: UnsafeBufferPointer<UInt16>, tokens: [Token],
                                 repeating: (EntityMention) -> Bool, accepts: (Int) -> Bool) -> [EntityMention] {
        var index: [[UInt16]: Int] = [:]
        var links: [EntityLink?] = []
        for mention in mentions where mention.type == type {
            let range = mention.utf16Range
            let first = units[range.lowerBound]
            guard range.count >= minimumOrganizationRepeatLength,
                  CharacterClass.isThai(first) || CharacterClass.isLatinLetter(first),
                  repeating(mention), !nounForms.contains(where: { units[range].starts(with: $0) })
            else { continue }
            let key = Array(units[range])
            if index[key] == nil {
                index[key] = links.count
                links.append(mention.link)
            }
        }
        guard !links.isEmpty else { return mentions }
        let trie = PrefixTrie(utf16Keys: index.map { (key: $0.key, payload: Int32($0.value)) })
        let firstUnits = FirstUnits(index.keys.lazy.map { $0[0] })
        var covered = PositionSet(count: units.count)
        for mention in mentions { covered.insert(mention.utf16Range) }
        var tokenEnds = PositionSet(count: units.count)
        for token in tokens { tokenEnds.insert(token.utf16Offsets.upperBound) }

        var added: [EntityMention] = []
        for token in tokens where token.kind != .whitespace {
            let start = token.utf16Offsets.lowerBound
            guard firstUnits.contains(units[start]), !covered.contains(start),
                  let match = trie.longestMatch(in: units, at: start),
                  match.end == units.count || tokenEnds.contains(match.end)
                    || CharacterClass.isThai(units[match.end - 1]) != CharacterClass.isThai(units[match.end]),
                  !(start..<match.end).contains(where: covered.contains), accepts(start) else { continue }
            added.append(EntityMention(type: type, utf16Range: start..<match.end, link: links[Int(match.payload)]))
            covered.insert(start..<match.end)
        }
        guard !added.isEmpty else { return mentions }
        return (mentions + added).sorted { $0.utf16Range.lowerBound < $1.utf16Range.lowerBound }
    }
}
