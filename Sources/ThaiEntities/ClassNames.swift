import ThaiSegmentation

/// Class names (GUIDELINES conventions 3 and 4, and ROLE "Class names are not bodies"): an office
/// named by its function and a place unit with no place after it (สำนักงานสาธารณสุขจังหวัด,
/// พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด, องค์การบริหารส่วนตำบล) is every such office, not one
/// body, and neither is its bare acronym (พมจ. without a province); nor is a kind of body the
/// gazetteer lists (`Vocabulary.genericOrganizations`: องค์กรปกครองส่วนท้องถิ่น, อปท.). Applied under
/// the guidelines' conventions only.
extension RecognitionPass {
    /// `mentions` without the class names: ORGANIZATIONs that end with จังหวัด, อำเภอ or ตำบล (a
    /// place after one has been joined to it by now) or are a kind of body, and acronyms of
    /// provincial offices that did not take a province or of a kind of body. A committee (คณะ...)
    /// keeps its name: convention 5's example คณะกรรมการพัฒนายุทธศาสตร์จังหวัด (กพยจ.) is marked.
    func droppingClassNames(_ mentions: [EntityMention]) -> [EntityMention] {
        // String's prefix, suffix and set tests are Unicode-aware and slow on Thai: each distinct
        // expansion is judged once per document.
        var judged: [BytesKey: AcronymExpansionKind] = [:]
        return mentions.filter { mention in
            let range = mention.utf16Range
            switch mention.type {
            case .organization:
                return !EntityTagger.endsWithPlaceUnit(range, units) || matches(EntityRecognizer.facultyHead, at: range.lowerBound)
                    ? recognizer.genericOrganizations.payload(exactly: range, in: units) == nil : false
            case .acronym:
                guard mention.acronym?.refersTo == .organization, let expansion = mention.acronym?.expansion else { return true }
                let key = BytesKey(expansion)
                let kind: AcronymExpansionKind
                if let known = judged[key] {
                    kind = known
                } else {
                    kind = AcronymExpansionKind(expansion)
                    judged[key] = kind
                }
                guard !kind.isCommittee else { return true }
                if units[range.upperBound - 1] == 0x2E, kind.endsWithPlaceUnit { return false }
                return !kind.isGeneric
            default: return true
            }
        }
    }

    static let genericOrganizationNames = Set(Vocabulary.genericOrganizations)

    /// What `droppingClassNames` asks of an organisation acronym's expansion.
    struct AcronymExpansionKind {
        /// A committee (คณะ...): kept.
        var isCommittee: Bool
        /// Ends with a place unit (จังหวัด, อำเภอ, ตำบล).
        var endsWithPlaceUnit: Bool
        /// A kind of body (`Vocabulary.genericOrganizations`).
        var isGeneric: Bool

        init(_ expansion: String) {
            isCommittee = expansion.hasPrefix("คณะ")
            endsWithPlaceUnit = PlaceAndUnitWords.placeUnits.contains { expansion.hasSuffix($0) }
            isGeneric = RecognitionPass.genericOrganizationNames.contains(expansion)
        }
    }

    /// A string hashed and compared by its UTF-8 bytes, for a cache: equal bytes are an equal
    /// string, and the bytes hash without Unicode normalisation.
    struct BytesKey: Hashable {
        let string: String

        init(_ string: String) { self.string = string }

        static func == (lhs: BytesKey, rhs: BytesKey) -> Bool {
            var left = lhs.string, right = rhs.string
            return left.withUTF8 { left in right.withUTF8 { left.elementsEqual($0) } }
        }

        func hash(into hasher: inout Hasher) {
            var string = string
            string.withUTF8 { hasher.combine(bytes: UnsafeRawBufferPointer($0)) }
        }
    }
}

extension EntityTagger {
    /// The model's ORGANIZATION spans revised for the guidelines' class names (conventions 3 and
    /// 4, and ROLE "Class names are not bodies"): an office named by its function and a place
    /// unit with no place after it (สำนักงานสาธารณสุขจังหวัด, พัฒนาสังคมและความมั่นคงของมนุษย์จังหวัด)
    /// is every such office, not one body. A span that ends with จังหวัด, อำเภอ or ตำบล takes the
    /// recogniser's place that starts right after it (the office of that place, สำนักงานพาณิชย์
    /// จังหวัด|ลำปาง), or the recogniser's organisation that starts where it starts and goes on over
    /// it; with neither, it is dropped.
    static func revisingClassNames(_ spans: [(type: EntityType, range: Range<Int>)], rules: [EntityMention],
                                   units: UnsafeBufferPointer<UInt16>) -> [(type: EntityType, range: Range<Int>)] {
        var result: [(type: EntityType, range: Range<Int>)] = []
        result.reserveCapacity(spans.count)
        var ruleIndex = 0
        for span in spans {
            guard span.type == .organization, endsWithPlaceUnit(span.range, units) else {
                result.append(span)
                continue
            }
            while ruleIndex < rules.count, rules[ruleIndex].utf16Range.upperBound <= span.range.lowerBound { ruleIndex += 1 }
            var revised: Range<Int>?
            var index = ruleIndex
            while index < rules.count, rules[index].utf16Range.lowerBound <= span.range.upperBound {
                let rule = rules[index].utf16Range
                if rules[index].type == .location, rule.lowerBound == span.range.upperBound {
                    revised = span.range.lowerBound..<rule.upperBound
                } else if rules[index].type == .organization, rule.lowerBound == span.range.lowerBound,
                          rule.upperBound > span.range.upperBound {
                    revised = rule
                }
                index += 1
            }
            if let revised { result.append((span.type, revised)) }
        }
        return result
    }

    /// Whether `range` ends with one of `PlaceAndUnitWords.placeUnits` and is longer than it.
    static func endsWithPlaceUnit(_ range: Range<Int>, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
        placeUnitWords.contains { word in
            range.count > word.count && units.hasWord(word, at: range.upperBound - word.count)
        }
    }

    static let placeUnitWords = PlaceAndUnitWords.placeUnits.map { Array($0.utf16) }
}
