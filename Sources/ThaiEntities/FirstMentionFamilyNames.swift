import ThaiSegmentation
import ThaiTagger

/// A person's first mention carries the family name: a PERSON span the model ends after a strong
/// title and a given name, right before one space and a Thai word, is decoded again with that word
/// inside the span (the model then decides where the family name ends, often glued to the next
/// word: นายสำราญ รอดเพชร|รองประธาน). The given name must not occur earlier in the document: later
/// mentions often drop the family name (นายเนวิน กล่าวว่า); nor may the word be one that starts the
/// text after a given name when no family name follows (`Vocabulary.notFamilyNames`: อายุ, เปิดเผย). In ThaiNER train, of the PERSON spans
/// that open with a strong title and whose given name is new to the article, 690 have a family name
/// after a space and 13 are followed by a space and a word that is none. The model keeps a say:
/// the family name is taken only where it costs the label sequence at most
/// `familyNameMaximumLoss` of score (5-fold CV on ThaiNER train: 7 such names, which cost 0.1 to
/// 3.1; in the corpus's headlines a given name goes before a verb, พลเอกประวิตร เร่ง..., which the
/// shipped model scores 6.2 and 12.7 below its best).
extension EntityTagger {
    /// The most score a first mention's family name may cost the model's best label sequence.
    static let familyNameMaximumLoss: Float = 4

    /// The positions (tagging units) that must continue a PERSON span of `labels`, as above.
    static func firstMentionFamilyNames(labels: [Int], pieces: [Range<Int>], isBlank: [Bool],
                                        text: UnsafeBufferPointer<UInt16>, titles: PrefixTrie,
                                        notFamilyWords: PrefixTrie, personType: Int) -> [(position: Int, type: Int)] {
        var result: [(position: Int, type: Int)] = []
        for span in EntityLabels.decode(labels) where span.type == personType {
            let last = span.units.upperBound - 1, next = last + 2
            guard !isBlank[last], next < pieces.count, labels[next] == 0, pieces[last + 1].count == 1,
                  text[pieces[last + 1].lowerBound] == 0x20, CharacterClass.startsThaiWord(text[pieces[next].lowerBound]) else { continue }
            if let word = notFamilyWords.longestMatch(in: text, at: pieces[next].lowerBound),
               pieces[next...].prefix(while: { $0.upperBound <= word.end }).last?.upperBound == word.end { continue }
            let start = pieces[span.units.lowerBound].lowerBound, end = pieces[last].upperBound
            guard let title = titles.longestMatch(in: text, at: start), title.payload == 1 else { continue }
            var given = title.end
            while given < end, CharacterClass.isSpace(text[given]) { given += 1 }
            // ฯ ends a name cut short (ม.ล.ปนัดดาฯ): no family name follows.
            guard end - given >= 2, text[end - 1] != abbreviationMark,
                  !(given..<end).contains(where: { CharacterClass.isWhitespace(text[$0]) }),
                  !occurs(given..<end, before: start, in: text) else { continue }
            result.append((next, personType))
        }
        return result
    }

    /// ฯ, the mark of a word or name cut short.
    static let abbreviationMark: UInt16 = 0x0E2F

    /// Whether `text[word]` occurs in `text` before `limit`.
    static func occurs(_ word: Range<Int>, before limit: Int, in text: UnsafeBufferPointer<UInt16>) -> Bool {
        guard limit >= word.count else { return false }
        let first = text[word.lowerBound]
        for start in 0...(limit - word.count) where text[start] == first {
            if (1..<word.count).allSatisfy({ text[start + $0] == text[word.lowerBound + $0] }) { return true }
        }
        return false
    }
}
