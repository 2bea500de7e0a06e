import ThaiSegmentation

/// A unit of a body and the bodies it belongs to, by their head words: under ThaiNER's conventions a
/// unit written before its parent (คณะสัตวแพทยศาสตร์ มหาวิทยาลัยเกษตรศาสตร์, กรมวิชาการเกษตร
/// กระทรวงเกษตรและสหกรณ์) is two organisations. A hand-written table of the government's and the
/// universities' hierarchy.
enum ParentBodies {
    /// A parent's head word and the head words of the units written before it.
    struct Level {
        let parent: [UInt16]
        let units: [[UInt16]]

        init(parent: String, units: [String]) {
            self.parent = Array(parent.utf16)
            self.units = units.map { Array($0.utf16) }
        }
    }

    /// Parents and their units, from the university and ministry down.
    static let levels: [Level] = [
        Level(parent: "มหาวิทยาลัย", units: ["คณะ", "ภาควิชา", "สำนักงาน", "สำนัก", "ศูนย์", "สถาบัน", "วิทยาลัย", "สมาคม"]),
        Level(parent: "กระทรวง", units: ["กรม", "สำนักงาน", "สำนัก", "ศูนย์", "สถาบัน", "กอง"]),
        Level(parent: "กรม", units: ["สำนักงาน", "สำนัก", "ศูนย์", "สถาบัน", "กอง", "กรม"]),
        Level(parent: "คณะ", units: ["ภาควิชา"]),
    ]

    /// Units whose parent's name may be glued to theirs with no space (คณะแพทยศาสตร์|มหาวิทยาลัย...,
    /// กรมส่งเสริมการส่งออก|กระทรวงพาณิชย์); after other units a glued head word is a word of the
    /// unit's own name (ศูนย์วิจัย|กรม..., สถานีโทรทัศน์|กรมประชาสัมพันธ์).
    static let gluedUnits: [[UInt16]] = ["คณะ", "ภาควิชา", "กรม"].map { Array($0.utf16) }

    /// Words after คณะ that make it a committee or a delegation, not a faculty (คณะ|กรรมการ, คณะ|ผู้แทน,
    /// คณะ|นักธุรกิจ).
    static let groupWords: [[UInt16]] = [
        "กรรมการ", "อนุกรรมการ", "กรรมาธิการ", "อนุกรรมาธิการ", "รัฐมนตรี", "ทำงาน", "ผู้", "ทูต", "บุคคล", "นัก",
    ].map { Array($0.utf16) }

    static let faculty = Array("คณะ".utf16)
}

extension EntityTagger {
    /// After the merge, under ThaiNER's conventions: a model ORGANIZATION that runs from a unit's
    /// name into its parent's, over a space or, after a faculty, a department or a กรม, glued
    /// (คณะสัตวแพทย์|มหาวิทยาลัยเกษตรศาสตร์, กรมส่งเสริมการส่งออก|กระทรวงพาณิชย์), is two, as ThaiNER
    /// marks them (`ParentBodies`); so is a faculty's name and whatever follows it after a space. Each part keeps a name after its head word; a parent head after
    /// an office title (สำนักงานปลัด|กระทรวง...) is part of the title, and the name runs on.
    static func splittingParentBodies(_ merged: [EntityMention], tokens: [Token],
                                      units: UnsafeBufferPointer<UInt16>) -> [EntityMention] {
        splittingOrganizations(merged, tokens: tokens) { token, previous, span in
            guard let split = parentStart(at: token.lowerBound, previous: previous, in: span, units: units) else { return nil }
            var before = split
            while before > span.lowerBound, CharacterClass.isWhitespace(units[before - 1]) { before -= 1 }
            return (end: before, start: split)
        }
    }

    /// Where a parent body's name opens if it opens at `position` (a token's start inside `span`,
    /// `previous` the token before it), after a unit's name that opens `span`; nil otherwise.
    static func parentStart(at position: Int, previous: Range<Int>, in span: Range<Int>,
                            units: UnsafeBufferPointer<UInt16>) -> Int? {
        let spaced = CharacterClass.isWhitespace(units[position - 1])
        // A faculty's name ends at a space (ThaiNER train: 1 of 110 faculties runs over one); what
        // follows names its university or hospital (คณะสัตวแพทยศาสตร์ มหิดล).
        if spaced, units.hasWord(ParentBodies.faculty, at: span.lowerBound),
           !isGroup(after: span.lowerBound + ParentBodies.faculty.count, units: units),
           position + 2 <= span.upperBound, CharacterClass.isThai(units[position]) || CharacterClass.isLatinLetter(units[position]) {
            var nameEnd = position
            while nameEnd > span.lowerBound, CharacterClass.isWhitespace(units[nameEnd - 1]) { nameEnd -= 1 }
            if nameEnd - span.lowerBound > ParentBodies.faculty.count + 1 { return position }
        }
        guard let level = ParentBodies.levels.first(where: { units.hasWord($0.parent, at: position) }),
              position + level.parent.count < span.upperBound,
              let unit = level.units.first(where: { units.hasWord($0, at: span.lowerBound) }),
              spaced || ParentBodies.gluedUnits.contains(unit) else { return nil }
        // The unit keeps a name after its head word, and a word after the parent's head.
        var nameEnd = position
        while nameEnd > span.lowerBound, CharacterClass.isWhitespace(units[nameEnd - 1]) { nameEnd -= 1 }
        guard nameEnd - span.lowerBound > unit.count + 1 else { return nil }
        // คณะ as a unit or a parent is a faculty, not a committee (คณะกรรมการ...).
        if unit == ParentBodies.faculty, isGroup(after: span.lowerBound + unit.count, units: units) { return nil }
        if level.parent == ParentBodies.faculty, isGroup(after: position + level.parent.count, units: units) { return nil }
        // A parent head glued after an office title is part of it (สำนักงานปลัด|กระทรวง...).
        if !spaced, wordsBeforeNames.payload(exactly: previous, in: units) != nil { return nil }
        return position
    }

    /// Whether the word at `position` makes a preceding คณะ a committee or a delegation.
    static func isGroup(after position: Int, units: UnsafeBufferPointer<UInt16>) -> Bool {
        ParentBodies.groupWords.contains { units.hasWord($0, at: position) }
    }
}
