import ThaiSegmentation

/// Per-unit codes of the tagger's place-cue features (templates 64-67): the words that open a
/// place no list holds (ลำห้วย|ท่าลึก, หมู่ 7, สน.บางมด, มณฑล|กวางตุ้ง, ตลาดนัด|สวนจตุจักร) and the
/// next part of an address glued to a place (แขวงศิริราช|เขตบางกอกน้อย).
///
/// - `cue`: the kind of cue word that starts at the unit (`PlaceCueWords`; 0 none), plus 8 when
///   the word ends inside the unit (glued to the name) and 16 when it runs over into the next.
/// - `previousCue`: the cue of the nearest unit before this one in its space-delimited chunk, with
///   the distance to it in units (1, 2, 3 or more); 0 when the chunk has none.
///
/// Arrays are padded like the tagger's other codes: index i + 2 is unit i.
struct PlaceCueCodes {
    var cue: [UInt64]
    var previousCue: [UInt64]

    /// The codes of `pieces`, the tagging units of `text`.
    init(text: UnsafeBufferPointer<UInt16>, pieces: [Range<Int>], isBlank: [Bool]) {
        let count = pieces.count
        cue = [UInt64](repeating: 0, count: count + 4)
        previousCue = [UInt64](repeating: 0, count: count + 4)
        var last: (code: UInt64, index: Int)?
        for (index, piece) in pieces.enumerated() {
            if isBlank[index] {
                last = nil
                continue
            }
            if let last { previousCue[index + 2] = last.code << 2 | UInt64(min(index - last.index, 3)) }
            guard Self.words.mayStartKey(in: text, at: piece.lowerBound),
                  let match = Self.words.longestMatch(in: text, at: piece.lowerBound) else { continue }
            let code = UInt64(match.payload) | (match.end < piece.upperBound ? 8 : match.end > piece.upperBound ? 16 : 0)
            cue[index + 2] = code
            last = (code, index)
        }
    }

    static let words = PrefixTrie(PlaceCueWords.kinds.enumerated().flatMap { kind, words in
        words.map { (key: $0, payload: Int32(kind + 1)) }
    })
}

/// The cue words of the place features, by kind (chosen from the LOCATION errors of 5-fold
/// cross-validation on ThaiNER train).
enum PlaceCueWords {
    static let kinds: [[String]] = [
        // Parts of an address, and Bangkok written out.
        AddressParts.strings + ["กทม.", "กรุงเทพฯ"],
        // Natural features.
        ["แม่น้ำ", "ลำน้ำ", "น้ำ", "ห้วย", "ลำห้วย", "คลอง", "ป่า", "เขา", "ดอย", "ภู", "ถ้ำ", "น้ำตก", "เกาะ", "อ่าว",
         "หาด", "ทะเล", "บึง", "หนอง", "ลุ่มน้ำ", "แหลม"],
        // Numbered units of a village or an address.
        ["หมู่", "หมู่ที่", "ม.", "เลขที่", "บ้านเลขที่", "ซอย", "ซ.", "ถนน", "ถ."],
        // Police stations.
        ["สน.", "สภ.", "สภ.อ.", "สภอ.", "สถานีตำรวจ"],
        // Regions and cities, at home and abroad.
        ["มณฑล", "เมือง", "รัฐ", "แคว้น", "นคร", "กรุง", "ประเทศ", "ภาค", "บ้าน", "ชุมชน"],
        // Sites.
        ["ตลาด", "ตลาดนัด", "สวนสัตว์", "สวน", "สนาม", "สะพาน", "ห้อง", "ลาน", "ท่าเรือ", "ท่าเทียบเรือ", "สถานี"],
    ]
}
