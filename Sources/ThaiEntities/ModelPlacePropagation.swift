import ThaiSegmentation

/// A second look at a document for places under ThaiNER's conventions, as
/// `propagatingOrganizations` does for organisations: a name the merged mentions take as a
/// LOCATION once is one where the document repeats it and the model left it (ลาว, กัมพูชา, ภาคใต้,
/// ถ้ำหลวง found in one sentence and missed in the next). Where an article of ThaiNER train marks
/// a place (ไทย aside), it marks its other occurrences after a space or at a line's start 1,480
/// times of 1,500, after a preposition 965 of 1,008 and glued after another word 683 of 889.
///
/// The names repeated are those linked to a gazetteer entry (countries, provinces: unlike
/// organisations, ThaiNER marks them) and those of two tokens or more (a head and its name); a
/// one-word name no list holds is more often a common word the model once took for a place
/// (กลาง, โรงสี, โลก), and repeating it over a long article multiplies the error. A repeat is
/// left after a word that makes the place a nationality, a language or a product's origin
/// (`Vocabulary.nationalityPrefixes`: คน|ไทย, ภาษา|จีน), and ไทย, the country and the everyday
/// adjective "Thai" (or a name opening with it), glued after a word is repeated only after a
/// preposition or a conjunction
/// (`Vocabulary.placePrepositions`: ใน|ไทย, ของ|ไทย): ThaiNER train marks it there 118 times of
/// 130, glued after other words 114 of 322 (สินค้า|ไทย, รัฐบาล|ไทย).
extension EntityTagger {
    /// The nationality words of `Vocabulary.nationalityPrefixes`, as UTF-16.
    static let nationalityWords = Vocabulary.nationalityPrefixes.map { Array($0.utf16) }
    /// `Vocabulary.placePrepositions`, as UTF-16.
    static let placePrepositions = Vocabulary.placePrepositions.map { Array($0.utf16) }
    /// The country's name, also the adjective "Thai".
    static let thai = Array("ไทย".utf16)

    /// `mentions` (sorted by start) with a LOCATION mention at each repeat of a place's name (see
    /// above), linked like the mention it repeats.
    static func propagatingPlaces(_ mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>,
                                  tokens: [Token]) -> [EntityMention] {
        var tokenStarts = PositionSet(count: units.count)
        for token in tokens { tokenStarts.insert(token.utf16Offsets.lowerBound) }
        func endsBefore(_ words: [[UInt16]], _ start: Int) -> Bool {
            words.contains { units.hasWord($0, at: start - $0.count) }
        }
        return propagatingNames(mentions, of: .location, units: units, tokens: tokens, repeating: { mention in
            mention.link.map { !$0.isDocumentLocal } ?? false || mention.utf16Range.dropFirst().contains(where: tokenStarts.contains)
        }, accepts: { start in
            if endsBefore(nationalityWords, start) { return false }
            guard units.hasWord(thai, at: start), start > 0, CharacterClass.isThai(units[start - 1]) else { return true }
            return endsBefore(placePrepositions, start)
        })
    }
}
