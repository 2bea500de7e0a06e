import ThaiSegmentation
import ThaiTagger

/// Per-unit codes of the tagger's rule-organisation features (templates 76-77): what kind of
/// ORGANIZATION the recogniser built over a unit, so that the model can learn which of the rules'
/// organisations to trust. The rules' organisations are right or wrong by kind: an office under a
/// head word with a description (ศูนย์ทดสอบวัคซีนในสัตว์ทดลอง) is usually a name, a bare kind of
/// body under the same head (ศูนย์ดิจิทัลชุมชน) often is not, and a gazetteer hit almost always is.
///
/// - `head`: the head word the mention starts with (a hash of its text: สำนักงาน, กรม, ศูนย์,
///   บริษัท ...; the longest organisation, unit or rule head of the lexicon), or 0 for none, with
///   how the rule built it: 1 linked to a gazetteer entry, 2 a head with a place the gazetteer
///   knows inside (สำนักงานพาณิชย์จังหวัดลำปาง), 3 a head with other words (a description), 4
///   anything else (an English name, a company). 0 for a unit no rule ORGANIZATION covers.
/// - `build`: the same without the head word, and the mention's size in units (1, 2, 3, 4 or
///   more) and whether it spans a space.
///
/// Arrays are padded like the tagger's other codes: index i + 2 is unit i.
struct OrganizationRuleCodes {
    var head: [UInt64]
    var build: [UInt64]

    /// The codes of `pieces` (the tagging units of `text`), from the rules' `mentions` and the
    /// tagger's padded `lexicon` codes (a gazetteer LOCATION starting inside a mention makes it a
    /// head with a place).
    init(recognizer: EntityRecognizer, text: UnsafeBufferPointer<UInt16>, pieces: [Range<Int>], isBlank: [Bool],
         mentions: [EntityMention], lexicon: [UInt64]) {
        let count = pieces.count
        head = [UInt64](repeating: 0, count: count + 4)
        build = [UInt64](repeating: 0, count: count + 4)
        var index = 0
        for mention in mentions where mention.type == .organization {
            let range = mention.utf16Range
            while index < count, pieces[index].lowerBound < range.lowerBound { index += 1 }
            guard index < count, pieces[index].lowerBound == range.lowerBound else { continue }
            var end = index
            var spaced = false, placed = false
            while end < count, pieces[end].lowerBound < range.upperBound {
                if isBlank[end] { spaced = true }
                if end > index, (lexicon[end + 2] >> 8) & 0xF == UInt64(TaggerFeatures.typeCode(.location)) { placed = true }
                end += 1
            }
            let headEnd = Self.headEnd(recognizer, text, at: range.lowerBound, limit: range.upperBound)
            let construction: UInt64
            if let link = mention.link, !link.isDocumentLocal {
                construction = 1
            } else if headEnd != nil {
                construction = placed ? 2 : 3
            } else {
                construction = 4
            }
            var headCode: UInt64 = 0
            if let headEnd {
                var hasher = FeatureHasher(template: 76)
                hasher.combine(text, range.lowerBound..<headEnd)
                headCode = hasher.value & ~0xF
            }
            let size = UInt64(min(end - index - (spaced ? 1 : 0), 4))
            for unit in index..<end {
                head[unit + 2] = headCode | construction
                build[unit + 2] = construction << 4 | size << 1 | (spaced ? 1 : 0)
            }
            index = end
        }
    }

    /// The end of the longest organisation, unit or rule head word at `start` that ends before
    /// `limit`, or nil.
    static func headEnd(_ recognizer: EntityRecognizer, _ text: UnsafeBufferPointer<UInt16>, at start: Int, limit: Int) -> Int? {
        var headEnd: Int?
        guard recognizer.lexicon.mayStartKey(in: text, at: start) else { return nil }
        recognizer.lexicon.forEachMatch(in: text, at: start) { end, payload in
            let roles = recognizer.keyRoles[Int(payload)]
            if end < limit, roles.isOrganizationHead || roles.isUnitHead || roles.ruleHead != nil { headEnd = end }
        }
        return headEnd
    }
}
