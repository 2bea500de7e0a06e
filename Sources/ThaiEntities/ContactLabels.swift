import ThaiSegmentation

/// Contact lines: in a press release's footer (`Facebook : sciencethailand`, `Line : @...`) the
/// platform's name labels the field, it does not name the company. In the corpus `train` gold all
/// 8 platform names written before a colon are unmarked and both other `Facebook` (มาจาก
/// Facebook, Facebook Fanpage) are ORGANIZATIONs; the thaigov dev text has 167 `Facebook :` against about 120 other
/// uses.
extension EntityRecognizer {
    /// Whether `range` is exactly a social platform's name (`Vocabulary.socialPlatforms`) and a
    /// colon follows it, after spaces at most: a contact field's label.
    func isContactLabel(_ range: Range<Int>, in units: UnsafeBufferPointer<UInt16>) -> Bool {
        var after = range.upperBound
        while after < units.count, units[after] == 0x20 || units[after] == 0x09 || units[after] == 0xA0 { after += 1 }
        guard after < units.count, units[after] == 0x3A || units[after] == 0xFF1A else { return false }
        return socialPlatforms.payload(exactly: range, in: units) != nil
    }

    /// `mentions` without the ORGANIZATIONs that only label a contact field (`Facebook : handle`).
    /// Applied to the output, after the merge or to the rules' mentions when there is no model:
    /// the model's features see the rules' mentions as they were.
    public func droppingContactLabels(_ mentions: [EntityMention], in text: UTF16Text) -> [EntityMention] {
        text.units.withUnsafeBufferPointer { droppingContactLabels(mentions, in: $0) }
    }

    /// `mentions` without the contact fields' labels (`isContactLabel`).
    func droppingContactLabels(_ mentions: [EntityMention], in units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        mentions.contains { $0.type == .organization && isContactLabel($0.utf16Range, in: units) }
            ? mentions.filter { $0.type != .organization || !isContactLabel($0.utf16Range, in: units) }
            : mentions
    }
}
