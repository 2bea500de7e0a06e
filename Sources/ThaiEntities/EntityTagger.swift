import CICU
import ThaiSegmentation
import ThaiTagger

/// The learned layer beside the gazetteers and rules: a sequence model over the segmenter's
/// tokens decides PERSON, ORGANIZATION and LOCATION spans, with the recogniser's mentions, its
/// lexicon (titles, name lists, gazetteer forms, head words) and the surface as features.
///
/// Merge policy (`merge`), applied to the recogniser's mentions R and the model's spans M:
/// 1. MINISTRY and ACRONYM mentions of R stay as they are (but see 4 for ACRONYMs under ThaiNER's
///    conventions), as do their links and expansions, and so do long forms of an acronym defined
///    in brackets right after them (their extent was checked against the acronym's letters). A
///    model span that overlaps one is dropped, unless it is an ORGANIZATION that contains it
///    (สำนักงานปลัดกระทรวงอุตสาหกรรม around กระทรวงอุตสาหกรรม).
/// 2. A model span equal to a mention of R keeps the mention, with its link, when the types
///    agree; when they differ the model's type wins and the link is dropped.
/// 3. Otherwise a model span replaces the PERSON, ORGANIZATION and LOCATION mentions of R it
///    overlaps: it contains them (a family name after a titled given name, สำนักงานพาณิชย์จังหวัด
///    + ลำปาง) or crosses them (the model saw the rule's span as a feature and moved an edge). It
///    carries the link of a replaced mention of its type that starts where it starts, if any.
///    (Measured in 5-fold cross-validation on ThaiNER train, letting the rules keep crossed spans
///    instead cost 0.013 PERSON F1.) Under the guidelines' conventions a LOCATION span starting
///    with จังหวัด right after ผู้ว่าราชการ is dropped: the governor's province is the name
///    without จังหวัด (ThaiNER's keeps it: ผู้ว่าราชการ[จังหวัดลำปาง]).
///    A model ORGANIZATION made of rule ORGANIZATIONs and MINISTRYs end to end, the first an
///    ORGANIZATION, gives way to them: an organisation and its parent are two spans
///    (สำนักป้องกันรักษาป่าและควบคุมไฟป่า|กรมป่าไม้), except a body glued after a faculty
///    (`tilesOrganizations`).
/// 4. A PERSON, ORGANIZATION or LOCATION mention of R that no model span touches is kept when
///    it is linked to a gazetteer entry or is protected (1), or is a place right after a district
///    head (นายอำเภอเชียงคำ), and dropped otherwise: the model has seen the rule's span as a feature
///    and turned it down. A link to another mention of the document (`doc:person:N`, a title and
///    a name no list holds, เด็กชายอายุ) does not keep it (5-fold CV on ThaiNER train: PERSON
///    0.830 -> 0.834, precision 0.872 -> 0.881, recall unchanged).
///    Under ThaiNER's span conventions a linked mention is dropped too, and so is an ACRONYM no
///    model span touches: ThaiNER leaves many names a gazetteer knows untagged (คณะรัฐมนตรี 6
///    times of 50, ครม. 7 of 54, ไทย about half the time). (5-fold CV on ThaiNER train, linked
///    mentions: ORGANIZATION 0.800 -> 0.803, PERSON 0.800 -> 0.808, LOCATION 0.741 either way;
///    acronyms, same model: ORGANIZATION 0.805 -> 0.807.)
/// 5. The annotator finds dates around the recogniser's mentions; a span made by the model alone
///    that overlaps a date is dropped (a date wins over the model, as a named entity of the
///    rules wins over a date).
/// 6. A reign number after a royal PERSON joins it (`extendingReignNumbers`: รัชกาลที่ 10), and a
///    PERSON that starts right after an opening quote ends at the closing one
///    (`endingAtClosingQuotes`: "โคฟี อันนัน", where the model stopped after โคฟี). A
///    nickname given after a person and หรือ is a PERSON (`addingAliases`: นายสมชาย ใจดี
///    หรือน้องชาย), and so is one in quotes right before a person ("หนิง"ปณิตา) and, under the
///    guidelines' conventions, one in brackets right after one (นางวรนุช ... (นุ่น)). Before the
///    aliases, under ThaiNER's conventions, a kin or trade word glued before a name-shaped word no
///    mention touches opens a PERSON (`addingPrefixedNames`: น้องจ๊อบบี้, ครูจ๊อบบี้); and a person the
///    merged mentions name is found again where the document repeats the name bare
///    (`propagatingPersons`: ด.ช.กัปตัน บุญมานุช, then กัปตัน; น้องเต้ found once, then eleven
///    more times). (5-fold CV on ThaiNER train per article: unseen-name PERSON recall 0.408 ->
///    0.446, PERSON F1 0.837 either way: recall up, precision down. Session 10: quoted nicknames
///    PERSON 0.891 -> 0.895, unseen 360 -> 375 of 556; reign numbers 0.898 -> 0.899.)
/// 7. Under the guidelines' conventions, a model ORGANIZATION that is a rule ACRONYM with only a
///    glued position abbreviation (ผอ.สพม.เขต 2) or its expansion's head word (คณะกรรมการ สทพ.)
///    before it gives way to the ACRONYM (`restoringAcronyms`; corpus train 5-fold CV: ACRONYM
///    0.910 -> 0.921, ORGANIZATION 0.808 -> 0.812).
/// 8. Under the guidelines' conventions, a model ORGANIZATION that names a ministry (its name or
///    bare name in the gazetteer, มหาดไทย in a headline, or กระทรวง and more: กระทรวงการคลังฮ่องกง)
///    is a MINISTRY (`retypingMinistries`); one that starts with a faculty the rules found and runs
///    on, glued, over a verb after it (คณะ...ศาสตร์|จัดงาน) ends where the faculty does
///    (`endingBeforeGluedVerbs`).
/// 9. Under ThaiNER's conventions, an organisation the merged mentions name once is found again
///    where the document repeats the name (`propagatingOrganizations`: ทหารบก found once, then
///    eight more times). (5-fold CV on ThaiNER train: ORGANIZATION 0.808 -> 0.810. Under the
///    guidelines' conventions it repeats the model's wrong and cut names too: corpus train 5-fold
///    CV ORGANIZATION 0.812 -> 0.808, so it is off there.)
///    A place is found again the same way (`propagatingPlaces`: ลาว found once, then missed in three
///    more sentences), a gazetteer place too but a one-word name no list holds not, and not after a
///    word that makes a country a nationality or a language (คน|ไทย, ภาษา|จีน); ไทย glued after a
///    word only after a preposition (ใน|ไทย). (5-fold CV on ThaiNER train, session 16, same fold
///    models: LOCATION 0.7968 -> 0.7975 with the shipped recipe, 0.7841 -> 0.7861 ThaiNER alone.)
/// 10. Under both conventions, an ORGANIZATION with บริษัท (ห้างหุ้นส่วนจำกัด, บมจ., บจก., บจ., หจก.) and one space
///    before it takes the word (`takingCompanyWords`: บริษัท การบินไทย, where the model found
///    การบินไทย). (5-fold CV on ThaiNER train: ORGANIZATION 0.810 -> 0.811, six boundary errors gone,
///    none new.)
/// 11. Under both conventions, an ORGANIZATION's edges are mended where it runs over a word that is
///    no part of a name (`ModelOrganizationStops.swift`): a verb or function word glued after it
///    ends it (`endingBeforeGluedWords`: กรมควบคุมมลพิษ|ชี้), a preposition or position glued
///    before it is left out (`startingAfterGluedWords`: ว่าการ|การนิคมอุตสาหกรรม...), and และ
///    before a second organisation's head word splits it in two (`splittingCoordinatedOrganizations`:
///    โรงเรียนบางมดวิทยา|และ|โรงเรียนจินดาศึกษา). The words are hand-written closed classes
///    (function words, verbs of saying, office titles, the rule's head words), not counted from data.
/// 12. Under ThaiNER's conventions, an ORGANIZATION that runs from a unit's name into its parent's
///    is two (`splittingParentBodies`: คณะสัตวแพทย์|มหาวิทยาลัยเกษตรศาสตร์, กรมวิชาการเกษตร
///    กระทรวงเกษตรและสหกรณ์; ThaiNER train marks a faculty and its university apart 28 times and
///    together never, a กรม and its กระทรวง apart 14 times and together 3), and so are a faculty's name
///    and what follows it after a space (คณะสัตวแพทยศาสตร์| |มหิดล; 1 of ThaiNER train's 110 faculties
///    runs over a space). Before it, an ORGANIZATION or LOCATION that leaves a bracket open is the
///    name before the bracket and the name inside (`splittingOpenBrackets`: สำนักงานประกันสังคม|(|สปส.).
///    Both come before step 9.
/// Before the merge, the model's PERSON edges are repaired where a glued title starts another
/// person, a general's rank is written apart or a word that opens a name (หลวงพ่อ, พระ; under
/// ThaiNER's conventions รองนายกฯ, น้อง) stands right before the span (`repairingPersonBoundaries`), and, under the
/// guidelines' conventions, a model ORGANIZATION span that ends with
/// จังหวัด, อำเภอ or ตำบล is revised as a class name (`revisingClassNames`): it takes the place after
/// it or the rules' longer organisation, or is dropped. Under both conventions a model LOCATION
/// that runs over two places is cut into them (`splittingCoordinatedPlaces`: บ้านดินจี่|และ|บ้านโพนแพง,
/// ห้องสีเขียว| |ตึกไทยคู่ฟ้า),
/// the provincial capital's district the model reads apart from its province is joined to it
/// where the rules read one place (`joiningCapitalDistricts`: อ.เมือง|ลำปาง), and a numbered site
/// takes the number written after its name (`extendingSiteNumbers`: ซอยลาดพร้าว 71); under the
/// guidelines' conventions a model LOCATION that is a floor alone (ชั้น 8) is dropped (`droppingFloors`);
/// under ThaiNER's a region takes ภาค glued before it (`takingRegionWords`: ภาค|อีสาน).
/// Dates are found afterwards, around the merged mentions, as without the model.
public struct EntityTagger: Sendable {
    /// The sequence model.
    public let model: SequenceModel
    let recognizer: EntityRecognizer
    /// The model's entity types, mapped to ours.
    let modelTypes: [EntityType]
    /// The index of PERSON among the model's types, if it has the type.
    let personType: Int?

    static let districtHeads = ["อำเภอ", "ตำบล", "เขต", "อ.", "ต."].map { Array($0.utf16) }

    /// The types the model labels, in its label order.
    public static let types: [EntityType] = [.person, .organization, .location]

    /// A tagger using `model`, with features from `recognizer`'s lexicon and mentions.
    public init(model: SequenceModel, recognizer: EntityRecognizer) {
        self.model = model
        self.recognizer = recognizer
        modelTypes = model.types.map { EntityType(rawValue: $0) ?? .organization }
        personType = modelTypes.firstIndex(of: .person)
    }

    /// The model shipped with ThaiAnnotator (Resources/model/tagger.txt) for the span convention
    /// `convention` (`SpanConvention`'s raw value), or nil when the package was built without one.
    /// Only that convention's table is decoded (`TaggerModels.model(for:serialized:)`).
    public static func bundledModel(convention: String) throws -> SequenceModel? {
        guard let text = BundledResources.files["model/tagger.txt"] else { return nil }
        guard let bytes = Base64.decode(text) else {
            throw ModelCodingError.malformed("the bundled model is not base64")
        }
        return try TaggerModels.model(for: convention, serialized: bytes)
    }

    /// Reads a model file written by `thai-annotate train`: its model for the span convention
    /// `convention` (`SpanConvention`'s raw value), the file's other tables left undecoded.
    public static func model(contentsOfFile path: String, convention: String) throws -> SequenceModel {
        guard let bytes = FileBytes.read(path) else { throw ModelCodingError.unreadable(path) }
        return try TaggerModels.model(for: convention, serialized: bytes)
    }

    /// The recogniser's mentions, revised by the model (see the merge policy above).
    public func mentions(in text: UTF16Text, tokens: [Token], ruleMentions: [EntityMention]) -> [EntityMention] {
        text.units.withUnsafeBufferPointer { units in
            let spans = model.rows.withUnsafeBufferPointer { rows in
                let extractor = TaggerFeatures(recognizer: recognizer, units: units, tokens: tokens, mentions: ruleMentions,
                                               bucketCount: model.bucketCount, prefetching: rows)
                // Under the guidelines a strong title always opens a PERSON; ThaiNER leaves some unmarked.
                let titled = recognizer.followsThaiNERSpans ? [] : extractor.titledPersonStarts
                let labels = model.decode(features: extractor.features, offsets: extractor.offsets,
                                          spansStarting: personType.map { type in titled.map { ($0, type) } } ?? [],
                                          continuing: personType.map { type in { labels in
                                              Self.firstMentionFamilyNames(labels: labels, pieces: extractor.units,
                                                                           isBlank: extractor.isBlank, text: units,
                                                                           titles: recognizer.people.titles,
                                                                           notFamilyWords: recognizer.notFamilyWords, personType: type)
                                          } }, maximumLoss: Self.familyNameMaximumLoss)
                return Self.repairingPersonBoundaries(extractor.spans(labels: labels, types: modelTypes), pieces: extractor.units,
                                                      text: units, people: recognizer.people,
                                                      thaiNERSpans: recognizer.followsThaiNERSpans)
            }
            let split = Self.extendingSiteNumbers(
                Self.joiningCapitalDistricts(Self.splittingCoordinatedPlaces(spans, rules: ruleMentions, units: units),
                                             rules: ruleMentions, units: units), units: units)
            let revised = recognizer.followsThaiNERSpans
                ? Self.takingRegionWords(split, units: units) : Self.droppingFloors(Self.revisingClassNames(split, rules: ruleMentions, units: units), units: units)
            var merged = Self.merge(rules: ruleMentions, model: revised, units: units, thaiNERSpans: recognizer.followsThaiNERSpans)
            if !recognizer.followsThaiNERSpans {
                merged = retypingMinistries(Self.restoringAcronyms(merged, rules: ruleMentions, units: units), units: units)
                merged = endingBeforeGluedVerbs(merged, rules: ruleMentions, tokens: tokens, units: units)
            }
            merged = recognizer.droppingContactLabels(merged, in: units)
            merged = Self.takingCompanyWords(merged, units: units)
            merged = Self.splittingCoordinatedOrganizations(
                Self.startingAfterGluedWords(Self.endingBeforeGluedWords(merged, tokens: tokens, units: units), tokens: tokens, units: units),
                tokens: tokens, units: units)
            if recognizer.followsThaiNERSpans {
                merged = Self.splittingParentBodies(Self.splittingOpenBrackets(merged, units: units), tokens: tokens, units: units)
                merged = Self.propagatingPlaces(Self.propagatingOrganizations(merged, units: units, tokens: tokens),
                                                units: units, tokens: tokens)
            }
            merged = Self.extendingReignNumbers(merged, units: units)
            merged = Self.endingAtClosingQuotes(merged, units: units)
            if recognizer.followsThaiNERSpans {
                merged = Self.addingPrefixedNames(merged, units: units, tokens: tokens)
            }
            let aliased = Self.addingAliases(merged, units: units, tokens: tokens, thaiNERSpans: recognizer.followsThaiNERSpans)
            return Self.propagatingPersons(aliased.mentions, units: units, tokens: tokens, people: recognizer.people,
                                           thaiNERSpans: recognizer.followsThaiNERSpans, nicknames: aliased.aliases)
        }
    }

    /// A training sequence: the features of `text` and the gold labels of its tagging units.
    /// A unit is inside a gold span when it starts inside it. Returns also the number of gold
    /// spans whose edges fall inside a unit.
    public static func trainingSequence(recognizer: EntityRecognizer, text: UTF16Text, tokens: [Token],
                                        ruleMentions: [EntityMention], gold: [(type: EntityType, utf16Range: Range<Int>)],
                                        types: [EntityType], bucketCount: Int) -> (TrainingSequence, misaligned: Int) {
        let (sequences, misaligned) = trainingSequences(recognizer: recognizer, text: text, tokens: tokens, ruleMentions: ruleMentions,
                                                        gold: gold, types: types, bucketCount: bucketCount, cuts: [])
        return (sequences[0], misaligned)
    }

    /// The training sequence of `text`, cut before the first unit at or after each of `cuts`
    /// (ascending UTF-16 offsets; empty parts dropped): the features of a document, with its
    /// rule mentions and each unit's neighbours as the whole document gives them, in parts the
    /// size of its paragraphs. The learners update once per sequence, so one sequence per
    /// article would give it a fraction of the updates. Returns also the number of gold spans
    /// whose edges fall inside a unit. `dropout` hides list or word features of some units
    /// (training only: ``FeatureDropout``).
    public static func trainingSequences(recognizer: EntityRecognizer, text: UTF16Text, tokens: [Token],
                                         ruleMentions: [EntityMention], gold: [(type: EntityType, utf16Range: Range<Int>)],
                                         types: [EntityType], bucketCount: Int, cuts: [Int],
                                         hiding dropout: FeatureDropout = FeatureDropout()) -> ([TrainingSequence], misaligned: Int) {
        text.units.withUnsafeBufferPointer { units in
            let extractor = TaggerFeatures(recognizer: recognizer, units: units, tokens: tokens, mentions: ruleMentions,
                                           bucketCount: bucketCount, hiding: dropout)
            var spans: [(type: Int, units: Range<Int>)] = []
            var misaligned = 0
            var unitIndex = 0
            for span in gold.sorted(by: { $0.utf16Range.lowerBound < $1.utf16Range.lowerBound }) {
                guard let typeIndex = types.firstIndex(of: span.type) else { continue }
                while unitIndex < extractor.units.count, extractor.units[unitIndex].upperBound <= span.utf16Range.lowerBound {
                    unitIndex += 1
                }
                // The units that start inside the span, and the first unit it overlaps.
                var index = unitIndex
                if index < extractor.units.count, extractor.units[index].lowerBound != span.utf16Range.lowerBound { misaligned += 1 }
                while index < extractor.units.count, extractor.units[index].lowerBound < span.utf16Range.upperBound { index += 1 }
                if index > unitIndex { spans.append((typeIndex, unitIndex..<index)) }
                if index > 0, index <= extractor.units.count, extractor.units[index - 1].upperBound != span.utf16Range.upperBound {
                    misaligned += 1
                }
            }
            let labels = EntityLabels.encode(spans, count: extractor.units.count)
            var bounds = [0]
            var unit = 0
            for cut in cuts {
                while unit < extractor.units.count, extractor.units[unit].lowerBound < cut { unit += 1 }
                if unit > bounds.last! { bounds.append(unit) }
            }
            if labels.count > bounds.last! || bounds.count == 1 { bounds.append(labels.count) }
            let sequences = (1..<bounds.count).map { part -> TrainingSequence in
                let positions = bounds[part - 1]..<bounds[part]
                let featureStart = extractor.offsets[positions.lowerBound]
                return TrainingSequence(features: Array(extractor.features[Int(featureStart)..<Int(extractor.offsets[positions.upperBound])]),
                                        offsets: extractor.offsets[positions.lowerBound...positions.upperBound].map { $0 - featureStart },
                                        labels: Array(labels[positions]))
            }
            return (sequences, misaligned)
        }
    }

    /// Merges the recogniser's mentions with the model's spans (see the type's documentation).
    static func merge(rules: [EntityMention], model spans: [(type: EntityType, range: Range<Int>)],
                      units: UnsafeBufferPointer<UInt16>? = nil, thaiNERSpans: Bool = false) -> [EntityMention] {
        /// Whether rule mention `index` is followed by `(` and an ACRONYM mention.
        func definesAcronym(_ index: Int) -> Bool {
            guard let units, index + 1 < rules.count, rules[index + 1].type == .acronym else { return false }
            var position = rules[index].utf16Range.upperBound
            while position < rules[index + 1].utf16Range.lowerBound, CharacterClass.isSpace(units[position]) { position += 1 }
            guard position < rules[index + 1].utf16Range.lowerBound, units[position] == 0x28 else { return false }
            position += 1
            while position < rules[index + 1].utf16Range.lowerBound, CharacterClass.isSpace(units[position]) { position += 1 }
            return position == rules[index + 1].utf16Range.lowerBound
        }
        /// Whether `start` is จังหวัด right after ผู้ว่าราชการ.
        func afterGovernorTitle(_ start: Int, _ units: UnsafeBufferPointer<UInt16>) -> Bool {
            let province = Array("จังหวัด".utf16), governor = Array("ผู้ว่าราชการ".utf16)
            guard start >= governor.count, start + province.count <= units.count else { return false }
            return units[start..<(start + province.count)].elementsEqual(province)
                && units[(start - governor.count)..<start].elementsEqual(governor)
        }
        /// Whether rule mention `index` is a LOCATION right after a district head (อำเภอ, ตำบล, เขต,
        /// อ., ต.; นายอำเภอเชียงคำ): the rules' district names, which the role linker needs as bodies.
        func afterDistrictHead(_ index: Int) -> Bool {
            guard let units, rules[index].type == .location else { return false }
            let start = rules[index].utf16Range.lowerBound
            return EntityTagger.districtHeads.contains { head in
                start >= head.count && units[(start - head.count)..<start].elementsEqual(head)
            }
        }
        /// A link to a gazetteer entry, not to a mention of the same document (`doc:person:1`, which
        /// every person the lists do not know gets).
        func isGazetteerLink(_ link: EntityLink?) -> Bool {
            guard let link else { return false }
            return !link.isDocumentLocal
        }
        /// MINISTRY and ACRONYM mentions, and long forms of bracketed acronyms, are the rules' to keep.
        func isProtected(_ index: Int) -> Bool {
            rules[index].type == .ministry || rules[index].type == .acronym || definesAcronym(index)
        }
        var result: [EntityMention] = []
        result.reserveCapacity(rules.count + spans.count)
        var touched = [Bool](repeating: false, count: rules.count)
        var replaced = [Bool](repeating: false, count: rules.count)
        var ruleIndex = 0
        for span in spans {
            while ruleIndex < rules.count, rules[ruleIndex].utf16Range.upperBound <= span.range.lowerBound { ruleIndex += 1 }
            var index = ruleIndex
            var overlapping: [Int] = []
            while index < rules.count, rules[index].utf16Range.lowerBound < span.range.upperBound {
                if rules[index].utf16Range.overlaps(span.range) { overlapping.append(index) }
                index += 1
            }
            if overlapping.isEmpty {
                result.append(EntityMention(type: span.type, utf16Range: span.range))
                continue
            }
            if overlapping.count == 1, rules[overlapping[0]].utf16Range == span.range {
                let rule = rules[overlapping[0]]
                touched[overlapping[0]] = true
                switch rule.type {
                case .ministry, .acronym: break  // kept below
                default:
                    if rule.type != span.type, !definesAcronym(overlapping[0]) {
                        replaced[overlapping[0]] = true
                        result.append(EntityMention(type: span.type, utf16Range: span.range))
                    }
                }
                continue
            }
            let contains = overlapping.allSatisfy {
                span.range.lowerBound <= rules[$0].utf16Range.lowerBound && rules[$0].utf16Range.upperBound <= span.range.upperBound
            }
            let swallowsProtected = overlapping.contains { isProtected($0) }
            for index in overlapping { touched[index] = true }
            // A protected mention is only given up to an organisation that contains it.
            if swallowsProtected, !(contains && span.type == .organization) { continue }
            // A governor's province is the name alone (ผู้ว่าราชการจังหวัด|จันทบุรี, the guidelines):
            // the model's จังหวัดจันทบุรี there gives way to the rules.
            if span.type == .location, !thaiNERSpans, let units, afterGovernorTitle(span.range.lowerBound, units) { continue }
            // ThaiNER marks each place of a glued address apart (อ.บางมูลนาก|จ.พิจิตร, แขวงสีลม|เขตบางรัก,
            // ประเทศเวียดนาม|ฮ่องกง): a model LOCATION made of two rule LOCATIONs or more gives way to them.
            if thaiNERSpans, span.type == .location, overlapping.count >= 2, let units,
               Self.tiles(span.range, with: overlapping.map { rules[$0] }, units: units) { continue }
            // An organisation followed by its parent is two spans (the guidelines, and ThaiNER): a model
            // ORGANIZATION made of two rule organisations or more (สำนักป้องกันรักษาป่าและควบคุมไฟป่า|กรมป่าไม้,
            // กรมวิทยาศาสตร์การแพทย์|กระทรวงสาธารณสุข, ร.พ.ตำรวจ ร.พ.รามาธิบดี) gives way to them.
            if span.type == .organization, overlapping.count >= 2, let units,
               Self.tilesOrganizations(span.range, with: overlapping.map { rules[$0] }, units: units) { continue }
            var link: EntityLink?
            for index in overlapping {
                replaced[index] = true
                let rule = rules[index]
                if rule.type == span.type, rule.utf16Range.lowerBound == span.range.lowerBound { link = rule.link }
            }
            result.append(EntityMention(type: span.type, utf16Range: span.range, link: link))
        }
        for (index, rule) in rules.enumerated() where !replaced[index] {
            switch rule.type {
            case .acronym where thaiNERSpans && !touched[index]: continue
            case .ministry, .acronym, .date: result.append(rule)
            default:
                if touched[index] || (isGazetteerLink(rule.link) && !thaiNERSpans) || definesAcronym(index)
                    || afterDistrictHead(index) {
                    result.append(rule)
                }
            }
        }
        result.sort { $0.utf16Range.lowerBound < $1.utf16Range.lowerBound }
        return result
    }
}

extension EntityTagger {
    /// Whether `mentions`, all LOCATIONs, cover `range` from edge to edge with nothing but
    /// whitespace between them.
    static func tiles(_ range: Range<Int>, with mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> Bool {
        var position = range.lowerBound
        for mention in mentions {
            guard mention.type == .location else { return false }
            while position < mention.utf16Range.lowerBound, CharacterClass.isWhitespace(units[position]) { position += 1 }
            guard position == mention.utf16Range.lowerBound else { return false }
            position = mention.utf16Range.upperBound
        }
        return position == range.upperBound
    }
}

extension EntityTagger {
    /// Whether `mentions`, ORGANIZATIONs and MINISTRYs, the first an ORGANIZATION, cover `range`
    /// from edge to edge with nothing but whitespace between them; a body glued after a faculty
    /// is no parent but the faculty's name (คณะแพทยศาสตร์|ศิริราชพยาบาล).
    static func tilesOrganizations(_ range: Range<Int>, with mentions: [EntityMention], units: UnsafeBufferPointer<UInt16>) -> Bool {
        guard mentions.first?.type == .organization else { return false }
        var position = range.lowerBound
        for (index, mention) in mentions.enumerated() {
            guard mention.type == .organization || mention.type == .ministry else { return false }
            if index > 0, position == mention.utf16Range.lowerBound,
               units.hasWord(facultyHead, at: mentions[index - 1].utf16Range.lowerBound) { return false }
            while position < mention.utf16Range.lowerBound, CharacterClass.isWhitespace(units[position]) { position += 1 }
            guard position == mention.utf16Range.lowerBound else { return false }
            position = mention.utf16Range.upperBound
        }
        return position == range.upperBound
    }

    static let facultyHead = Array("คณะ".utf16)
}

/// What a training sequence hides from the model (feature dropout): the units that start inside
/// `lists` are shown as a name no list holds (no gazetteer form, given or family name flags or
/// name-list codes; a rule mention over them becomes what the rules find without the lists), and
/// those inside `words` each with a word code of its own, as a word never seen in training has, so
/// that the model's weights on context, shape and frequency grow. The decoder never hides anything.
public struct FeatureDropout: Sendable, Equatable {
    /// UTF-16 ranges, ascending and not overlapping, whose units lose their list features.
    public var lists: [Range<Int>]
    /// UTF-16 ranges, ascending and not overlapping, whose units lose their word identity.
    public var words: [Range<Int>]

    /// What a hidden word's code is hashed from with its position: give each text its own, so
    /// that no two hidden words share a code.
    public var salt: UInt64

    /// The `FeatureHasher` template of a hidden word's code.
    static let hiddenWordTemplate: UInt64 = 0xD0D0

    /// Hides the given ranges' lists and words (nothing by default).
    public init(lists: [Range<Int>] = [], words: [Range<Int>] = [], salt: UInt64 = 0) {
        self.lists = lists
        self.words = words
        self.salt = salt
    }
}

/// The tagging units of a text and their features.
///
/// Units are the segmenter's tokens, cut further where a mention of the recogniser starts or
/// ends, after a dot, where the script changes between Thai and Latin (ICU glues พล.อ.ประวิตร) and
/// before an administrative abbreviation glued to the word before it (ตาก|ใบ|จ.นราธิวาส).
/// Each unit's word, shape, rule tag and lexicon flags are hashed once; the features combine
/// them over a window of two units each side. No strings are built.
struct TaggerFeatures {
    let units: [Range<Int>]
    /// Whether each unit is whitespace.
    let isBlank: [Bool]
    let features: [Int32]
    let offsets: [Int32]
    /// The units that are a strong title (นาย, พล.อ.) opening one of the recogniser's PERSON
    /// mentions: the decoder must start a PERSON there (a title is evidence enough of a name).
    let titledPersonStarts: [Int]

    /// The units and features of `text`. With `rows` (the model's), each feature's row is
    /// prefetched as its bucket is found: the decoder's sums then find the rows in the cache
    /// instead of waiting on memory for each (the table is about the size of the L2 cache).
    ///
    /// `hiding` is for training only (``FeatureDropout``): the units that start inside its
    /// ranges lose their list or word-identity codes.
    init(recognizer: EntityRecognizer, units text: UnsafeBufferPointer<UInt16>, tokens: [Token],
         mentions: [EntityMention], bucketCount: Int, prefetching rows: UnsafeBufferPointer<SequenceModel.Row>? = nil,
         hiding dropout: FeatureDropout = FeatureDropout()) {
        // Tagging units.
        var pieces: [Range<Int>] = []
        pieces.reserveCapacity(tokens.count + 2 * mentions.count)
        var cuts = PositionSet(count: text.count)
        for mention in mentions {
            cuts.insert(mention.utf16Range.lowerBound)
            cuts.insert(mention.utf16Range.upperBound)
        }
        for token in tokens {
            let range = token.utf16Offsets
            var start = range.lowerBound
            if token.kind != .whitespace {
                var position = start + 1
                while position < range.upperBound {
                    let unit = text[position], before = text[position - 1]
                    // Both dotted tests need a dot one or two units on: most positions are ruled out here.
                    let dotFollows = position + 1 < text.count
                        && (text[position + 1] == 0x2E || position + 2 < text.count && text[position + 2] == 0x2E)
                    if cuts.contains(position) || before == 0x2E && !CharacterClass.isDigit(unit) && unit != 0x2E
                        || CharacterClass.isLatinLetter(unit) && CharacterClass.isThai(before)
                        || CharacterClass.isThai(unit) && CharacterClass.isLatinLetter(before)
                        || dotFollows && (Self.startsDottedTitle(recognizer, text, position, before: before)
                                          || recognizer.startsGluedAdministrativeAbbreviation(text, at: position)) {
                        pieces.append(start..<position)
                        start = position
                    }
                    position += 1
                }
            }
            pieces.append(start..<range.upperBound)
        }
        self.units = pieces
        let blank = pieces.map { CharacterClass.isWhitespace(text[$0.lowerBound]) }
        isBlank = blank
        let count = pieces.count

        // Per-unit codes.
        var word = [UInt64](repeating: 0, count: count + 4)
        var shape = [UInt64](repeating: 0, count: count + 4)
        var rule = [UInt64](repeating: 0, count: count + 4)
        var lexicon = [UInt64](repeating: 0, count: count + 4)
        // The hashes of each unit's first and last one, two and three code units, three a unit.
        let prefixes = Self.affixHashes(text, pieces, suffixes: false)
        let suffixes = Self.affixHashes(text, pieces, suffixes: true)
        // Padding: index i + 2 is unit i; the pads have distinct codes.
        for pad in [0, 1, count + 2, count + 3] {
            word[pad] = 0xB0B0 &+ UInt64(pad > 1 ? 1 : 0)
            shape[pad] = 0x5A5A &+ UInt64(pad > 1 ? 1 : 0)
            rule[pad] = 0x7777
            lexicon[pad] = 0x3333
        }
        var mentionIndex = 0
        var titledStarts: [Int] = []
        for (index, piece) in pieces.enumerated() {
            var hasher = FeatureHasher(template: 0)
            hasher.combine(text, piece)
            word[index + 2] = hasher.value
            shape[index + 2] = Self.shape(text, piece)
            // The recogniser's mention over this unit.
            while mentionIndex < mentions.count, mentions[mentionIndex].utf16Range.upperBound <= piece.lowerBound { mentionIndex += 1 }
            if mentionIndex < mentions.count, mentions[mentionIndex].utf16Range.lowerBound <= piece.lowerBound {
                let mention = mentions[mentionIndex]
                let begins = mention.utf16Range.lowerBound == piece.lowerBound
                let ends = mention.utf16Range.upperBound == piece.upperBound
                let linked = mention.link.map { $0.isDocumentLocal ? 1 : 2 } ?? 0
                rule[index + 2] = 1 + UInt64(Self.typeCode(mention.type)) << 8 | UInt64(begins ? 1 : 0) << 4
                    | UInt64(ends ? 1 : 0) << 5 | UInt64(linked) << 12
                // Inside a gazetteer hit the lexicon has been read by the recogniser: its rule code says it.
                if !begins, linked == 2 { continue }
                if begins, mention.type == .person, recognizer.people.titles.payload(exactly: piece, in: text) == 1 {
                    titledStarts.append(index)
                }
            }
            lexicon[index + 2] = Self.lexiconFlags(recognizer, text, piece)
        }
        let hidesLists = dropout.lists.isEmpty ? [] : Self.unitsStarting(in: dropout.lists, pieces)
        if !hidesLists.isEmpty {
            Self.hideLists(hidesLists, recognizer: recognizer, text: text, pieces: pieces, rule: &rule, lexicon: &lexicon)
        }
        // Given and family names the lists know, across units (ICU cuts an unknown name into
        // dictionary words): B where a listed name starts and ends on unit edges, I inside.
        var names = [UInt64](repeating: 0, count: count + 4)
        var unitEnds = PositionSet(count: text.count)
        for piece in pieces { unitEnds.insert(piece.upperBound) }
        // Names are looked for where one can start: at the text's start, after a space or a
        // non-Thai character, and after a title (the name lists are large; most words are not
        // preceded by either).
        for (index, piece) in pieces.enumerated() where CharacterClass.startsThaiWord(text[piece.lowerBound]) {
            if piece.lowerBound > 0, CharacterClass.isThai(text[piece.lowerBound - 1]), lexicon[index + 1] & 3 == 0 { continue }
            for shift in [0, 2] {
                var longest = -1
                let trie = shift == 0 ? recognizer.people.givenNames : recognizer.people.familyNames
                guard trie.mayStartKey(in: text, at: piece.lowerBound) else { continue }
                trie.forEachMatch(in: text, at: piece.lowerBound) { end, _ in
                    // A name that is the unit itself is a lexicon flag (bits 16 and 17).
                    if end == piece.upperBound { lexicon[index + 2] |= 1 << (16 + UInt64(shift / 2)) }
                    if end > piece.upperBound, end == text.count || unitEnds.contains(end) { longest = end }
                }
                guard longest > 0 else { continue }
                names[index + 2] |= 1 << UInt64(shift)
                var next = index + 1
                while next < count, pieces[next].upperBound <= longest {
                    names[next + 2] |= 2 << UInt64(shift)
                    next += 1
                }
            }
        }

        for (index, hidden) in hidesLists.enumerated() where hidden { names[index + 2] = 0 }

        // Name shape (features 50-59): word frequency in unlabelled text and place in the chunk.
        let nameShape = NameShapeCodes(text: text, pieces: pieces, isBlank: blank, words: word, rules: rule,
                                       lexicon: lexicon, frequencies: WordFrequencies.bundled)
        // A hidden word keeps its frequency bucket and takes a code of its own, as a word never
        // seen in training has (one shared code would itself be learned as a sign of a name).
        if !dropout.words.isEmpty {
            for (index, hidden) in Self.unitsStarting(in: dropout.words, pieces).enumerated() where hidden {
                var hasher = FeatureHasher(template: FeatureDropout.hiddenWordTemplate)
                hasher.combine(dropout.salt)
                hasher.combine(UInt64(pieces[index].lowerBound))
                word[index + 2] = hasher.value
            }
        }
        // Rule organisations (features 76-79): what kind of ORGANIZATION the rules built.
        let organizations = OrganizationRuleCodes(recognizer: recognizer, text: text, pieces: pieces, isBlank: blank,
                                                  mentions: mentions, lexicon: lexicon)

        // Place cues (features 64-67): words that open a place no list holds.
        let placeCues = PlaceCueCodes(text: text, pieces: pieces, isBlank: blank)
        // Place context (features 84-86): the kind of word written before a unit.
        let placeContext = PlaceContextCodes(text: text, pieces: pieces, isBlank: blank)

        // Features, written through a cursor into a buffer of the largest size (54 a unit), not
        // zeroed first. The loop is a generic function, specialised for each way of writing a
        // bucket (`FeatureBuckets`), so that the per-feature work is the hash, the bucket and
        // one store: the power-of-two test, the prefetch test and the count stay out of it.
        let thaiNER = recognizer.followsThaiNERSpans
        var offsets = [Int32](repeating: 0, count: count + 1)
        let features = [Int32](unsafeUninitializedCapacity: count * 54) { out, written in
        offsets.withUnsafeMutableBufferPointer { offsets in
        func fill<Buckets: FeatureBuckets>(_ buckets: inout Buckets) {
        let start = buckets.cursor
        // One multiply per value and one final mix.
        @inline(__always) func add(_ template: UInt64, _ a: UInt64, _ b: UInt64 = 0, _ c: UInt64 = 0) {
            var h = template &* 0x9E37_79B9_7F4A_7C15 ^ a &* 0xC2B2_AE3D_27D4_EB4F
            let cc = c &* 0x27D4_EB2F_1656_67C5
            h ^= (b &* 0x1656_67B1_9E37_79F9) ^ (cc << 17 | cc >> 47)
            h ^= h >> 31
            h = h &* 0xBF58_476D_1CE4_E5B9
            h ^= h >> 29
            buckets.write(h)
        }
        for index in 0..<count {
            let i = index + 2
            add(1, 0)
            add(2, word[i])
            add(3, word[i - 1]); add(4, word[i + 1])
            add(14, shape[i - 1]); add(15, shape[i + 1])
            add(16, rule[i]); add(17, rule[i - 1]); add(18, rule[i + 1])
            add(20, lexicon[i - 1]); add(21, lexicon[i + 1])
            add(33, names[i - 1], names[i + 1])
            if blank[index] {
                // Between two words: whether they are one name (given + family) or not.
                add(35, rule[i - 1], rule[i + 1])
                add(36, lexicon[i - 1], shape[i + 1])
                // Name shape (50-59): is the next word rare, like a family name?
                add(56, nameShape.frequency[i - 1], nameShape.frequency[i + 1], rule[i - 1])
                add(59, nameShape.summary[i], rule[i - 1])
                // Place cues (64-67): a space inside a place (หมู่ 7, สน. ทองหล่อ).
                add(67, placeCues.cue[i - 1], shape[i + 1])
                offsets[index + 1] = Int32(start.distance(to: buckets.cursor))
                continue
            }
            add(5, word[i - 2]); add(6, word[i + 2])
            for n in 0..<3 {
                add(7 + UInt64(n), prefixes[3 * index + n])
                add(10 + UInt64(n), suffixes[3 * index + n])
            }
            add(13, shape[i])
            add(19, lexicon[i])
            add(22, word[i - 1], word[i]); add(23, word[i], word[i + 1])
            add(24, lexicon[i - 1], shape[i])
            add(25, lexicon[i - 2], shape[i - 1], shape[i])
            add(26, rule[i - 1], shape[i])
            add(27, rule[i], word[i])
            add(28, rule[i - 2], shape[i - 1], shape[i])
            add(29, shape[i - 1], shape[i], shape[i + 1])
            add(30, rule[i], rule[i + 1])
            add(31, lexicon[i], word[i + 1])
            add(32, names[i])
            add(34, names[i], lexicon[i - 1])
            // Name shape (50-59, NameShapeCodes): names no list holds.
            do {
                let frequency = nameShape.frequency, place = nameShape.place
                add(50, frequency[i], nameShape.nameness[i])
                add(51, frequency[i - 1], frequency[i], frequency[i + 1])
                add(52, frequency[i], place[i])
                add(53, place[i], nameShape.head[i])
                add(54, frequency[i], rule[i - 1])
                add(55, frequency[i], frequency[i + 1], rule[i])
                add(57, place[i], nameShape.nameness[i], nameShape.nameness[i + 1])
                add(58, place[i], nameShape.summary[i], rule[i])
            }
            // Place cues (64-67, PlaceCueCodes): places no list holds, and where the next part of an
            // address starts.
            do {
                let cue = placeCues.cue
                add(64, cue[i], shape[i + 1], shape[i + 2])
                add(65, placeCues.previousCue[i], shape[i], rule[i])
                add(66, cue[i], rule[i - 1] & 0xF01, rule[i])
            }
            // Rule organisations (76-79, OrganizationRuleCodes): which of the rules' organisations to trust.
            do {
                let head = organizations.head, build = organizations.build
                if head[i] != 0 {
                    add(76, head[i], rule[i])
                    add(77, build[i], rule[i], rule[i + 1])
                }
            }
            // Place context (84-86, PlaceContextCodes): a place or a party, or a modifier?
            do {
                let before = placeContext.before[i]
                add(84, before, lexicon[i] & 0x3F00)
                add(85, before, nameShape.frequency[i], placeCues.cue[i])
                add(86, before, rule[i])
            }
            // ThaiNER's conventions (ThaiNER-mode features): the shipped model learns from ThaiNER and
            // from the guidelines' corpus, which differ in what they mark (ThaiNER leaves คณะรัฐมนตรี
            // and about half the ไทย untagged, keeps จังหวัด after ผู้ว่าราชการ); these features are
            // only on under ThaiNER's conventions, so that the model can learn their differences.
            if thaiNER {
                add(37, word[i]); add(38, rule[i], rule[i - 1]); add(39, lexicon[i]); add(40, word[i - 1], rule[i])
            }
            offsets[index + 1] = Int32(start.distance(to: buckets.cursor))
        }
        }
        // The bucket by a mask when the count is a power of two (the shipped model's).
        guard let base = out.baseAddress else { return }  // no units
        if bucketCount & (bucketCount - 1) == 0, let rows {
            var buckets = MaskedPrefetchingBuckets(cursor: base, mask: UInt64(bucketCount - 1), rows: rows.baseAddress!)
            fill(&buckets)
            written = base.distance(to: buckets.cursor)
        } else {
            var buckets = AnyFeatureBuckets(cursor: base, bucketCount: bucketCount, rows: rows?.baseAddress)
            fill(&buckets)
            written = base.distance(to: buckets.cursor)
        }
        }
        }
        self.features = features
        self.offsets = offsets
        titledPersonStarts = titledStarts
    }

    /// Whether each of `pieces` starts inside one of `ranges` (ascending, not overlapping).
    static func unitsStarting(in ranges: [Range<Int>], _ pieces: [Range<Int>]) -> [Bool] {
        var result = [Bool](repeating: false, count: pieces.count)
        var next = 0
        for (index, piece) in pieces.enumerated() {
            while next < ranges.count, ranges[next].upperBound <= piece.lowerBound { next += 1 }
            if next < ranges.count, ranges[next].contains(piece.lowerBound) { result[index] = true }
        }
        return result
    }

    /// Makes the `hidden` units look as they would if no list held their name (``FeatureDropout``):
    /// their lexicon loses its gazetteer form and given/family name flags (titles and head words stay),
    /// and a rule mention over them becomes what the rules find without the list: a PERSON (which
    /// the rules find from a title or the name lists) a person linked in the document when it opens
    /// with a title, else nothing; another type linked to a gazetteer entry nothing.
    static func hideLists(_ hidden: [Bool], recognizer: EntityRecognizer, text: UnsafeBufferPointer<UInt16>,
                          pieces: [Range<Int>], rule: inout [UInt64], lexicon: inout [UInt64]) {
        var titled = false
        for (index, piece) in pieces.enumerated() {
            let i = index + 2
            let code = rule[i]
            // A mention's first unit (bit 4) says whether it opens with a title.
            if code != 0, code & 1 << 4 != 0 { titled = lexiconFlags(recognizer, text, piece) & 3 != 0 }
            guard hidden[index] else { continue }
            lexicon[i] = lexiconFlags(recognizer, text, piece) & ~(0xFF << 8 | 3 << 16)
            guard code != 0 else { continue }
            if code >> 8 & 0xF == UInt64(typeCode(.person)) {
                rule[i] = titled ? code & ~(3 << 12) | 1 << 12 : 0
            } else if code >> 12 & 3 == 2 {
                rule[i] = 0
            }
        }
    }

    /// For each of `pieces`, three hashes (`FeatureHasher` templates 1, 2, 3, or 4, 5, 6 for
    /// `suffixes`) of its first (last) one, two and three code units, the whole piece when shorter.
    static func affixHashes(_ text: UnsafeBufferPointer<UInt16>, _ pieces: [Range<Int>], suffixes: Bool) -> [UInt64] {
        [UInt64](unsafeUninitializedCapacity: 3 * pieces.count) { out, initialized in
            var cursor = out.baseAddress
            /// Beyond any UTF-16 code unit: no unit.
            let none: UInt64 = 0x1_0000
            /// The hash of template `template` over one to three code units (`none` after the
            /// last), closed with the end mark as `FeatureHasher.combine(_:_:)` closes a range.
            @inline(__always) func hash(_ template: UInt64, _ a: UInt64, _ b: UInt64 = none, _ c: UInt64 = none) -> UInt64 {
                var hasher = FeatureHasher(template: template)
                hasher.combine(a)
                if b != none { hasher.combine(b) }
                if c != none { hasher.combine(c) }
                hasher.combine(0xFFFF_FFFF)
                return hasher.value
            }
            for piece in pieces {
                // The first (last) one, two and three units, the whole piece when shorter, as
                // `FeatureHasher.combine(_:_:)` hashes a range. (Units are never empty.)
                let count = piece.count
                assert(count > 0)
                if suffixes {
                    let c = UInt64(text[piece.upperBound - 1])
                    let b = count >= 2 ? UInt64(text[piece.upperBound - 2]) : none
                    let a = count >= 3 ? UInt64(text[piece.upperBound - 3]) : none
                    cursor![0] = hash(4, c)
                    cursor![1] = count >= 2 ? hash(5, b, c) : hash(5, c)
                    cursor![2] = count >= 3 ? hash(6, a, b, c) : count == 2 ? hash(6, b, c) : hash(6, c)
                } else {
                    let a = UInt64(text[piece.lowerBound])
                    let b = count >= 2 ? UInt64(text[piece.lowerBound + 1]) : none
                    let c = count >= 3 ? UInt64(text[piece.lowerBound + 2]) : none
                    cursor![0] = hash(1, a)
                    cursor![1] = hash(2, a, b)
                    cursor![2] = hash(3, a, b, c)
                }
                cursor! += 3
            }
            initialized = 3 * pieces.count
        }
    }

    /// A dotted title of four units or more starting inside a word (และด.ช.นิธิกร, รีด.ช.): ICU
    /// glues it to the word before.
    @inline(__always)
    static func startsDottedTitle(_ recognizer: EntityRecognizer, _ text: UnsafeBufferPointer<UInt16>, _ position: Int,
                                  before: UInt16) -> Bool {
        guard position + 1 < text.count, text[position + 1] == 0x2E || (position + 2 < text.count && text[position + 2] == 0x2E),
              CharacterClass.isThaiConsonant(text[position]), CharacterClass.isThai(before), before != 0x2E,
              let title = recognizer.people.titles.longestMatch(in: text, at: position) else { return false }
        return title.end - position >= 4 && text[title.end - 1] == 0x2E
    }

    static func typeCode(_ type: EntityType) -> Int {
        switch type {
        case .person: 1
        case .ministry: 2
        case .organization: 3
        case .acronym: 4
        case .location: 5
        case .date: 6
        }
    }

    /// The unit's character classes, runs collapsed (at most six), and a length bucket.
    static func shape(_ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var code: UInt64 = 0
        var last: UInt64 = 99
        var runs = 0
        for position in range {
            let unit = text[position]
            let cls: UInt64
            if CharacterClass.isDigit(unit) { cls = 1 }
            else if CharacterClass.isThai(unit) { cls = 2 }
            else if CharacterClass.isLatinLetter(unit) { cls = unit < 0x5B ? 3 : 4 }
            else if CharacterClass.isWhitespace(unit) { cls = unit == 0x0A ? 5 : 6 }
            else if unit == 0x2E { cls = 7 }
            else if unit == 0x28 || unit == 0x29 { cls = 8 }
            else if unit == 0x22 || unit == 0x201C || unit == 0x201D { cls = 9 }
            else if unit == 0x2D || unit == 0x2C { cls = 10 }
            else { cls = 11 }
            if cls != last, runs < 6 {
                code = code << 4 | cls
                runs += 1
                last = cls
            }
        }
        let length = range.count
        let bucket: UInt64 = length <= 3 ? UInt64(length) : length <= 5 ? 4 : length <= 8 ? 5 : length <= 12 ? 6 : 7
        return code << 4 | bucket
    }

    /// What the recogniser's lexicon holds at the unit's start: a title (strong or weak), a
    /// gazetteer form (its type; whether it ends with the unit), an organisation or district head
    /// word, and whether the unit is a known given or family name.
    static func lexiconFlags(_ recognizer: EntityRecognizer, _ text: UnsafeBufferPointer<UInt16>, _ range: Range<Int>) -> UInt64 {
        var flags: UInt64 = 0
        let start = range.lowerBound
        guard CharacterClass.isThai(text[start]) || CharacterClass.isLatinLetter(text[start]) else { return 0 }
        if recognizer.lexicon.mayStartKey(in: text, at: start) {
            recognizer.lexicon.forEachMatch(in: text, at: start) { end, payload in
                let roles = recognizer.keyRoles[Int(payload)]
                let exact: UInt64 = end == range.upperBound ? 1 : end < range.upperBound ? 2 : 3
                if roles.title >= 0 { flags |= (roles.title == 1 ? 1 : 2) | exact << 2 }
                if roles.isOrganizationHead { flags |= 1 << 4 | exact << 5 }
                if roles.isDistrictHead { flags |= 1 << 7 }
                if roles.pattern >= 0 {
                    let pattern = recognizer.patterns[Int(roles.pattern)]
                    let type = UInt64(typeCode(recognizer.entryTypes[Int(pattern.entry)]))
                    flags = flags & ~(0xFF << 8) | type << 8 | exact << 12
                }
            }
        }
        return flags
    }

    /// The model's spans from a label sequence, trimmed of whitespace at their edges.
    func spans(labels: [Int], types: [EntityType]) -> [(type: EntityType, range: Range<Int>)] {
        var result: [(type: EntityType, range: Range<Int>)] = []
        for span in EntityLabels.decode(labels) {
            var first = span.units.lowerBound, last = span.units.upperBound - 1
            while first <= last, isBlank[first] { first += 1 }
            while last >= first, isBlank[last] { last -= 1 }
            // A name has two characters at least (a lone ก in a tiny document is none).
            if first <= last, units[last].upperBound - units[first].lowerBound >= 2 {
                result.append((types[span.type], units[first].lowerBound..<units[last].upperBound))
            }
        }
        return result
    }
}

/// How the feature loop of `TaggerFeatures` turns a finished hash into a bucket and writes it.
protocol FeatureBuckets {
    /// Where the next bucket goes.
    var cursor: UnsafeMutablePointer<Int32> { get }
    /// Writes the bucket of `hash` at the cursor and moves it on.
    mutating func write(_ hash: UInt64)
}

/// A power-of-two bucket count, and the model's rows prefetched as each bucket is found: the
/// decoder's sums then find them in the cache instead of waiting on memory for each.
struct MaskedPrefetchingBuckets: FeatureBuckets {
    var cursor: UnsafeMutablePointer<Int32>
    let mask: UInt64
    let rows: UnsafePointer<SequenceModel.Row>

    @inline(__always) mutating func write(_ hash: UInt64) {
        let bucket = Int32(truncatingIfNeeded: hash & mask)
        cicu_prefetch(rows + Int(bucket))
        cursor.pointee = bucket
        cursor += 1
    }
}

/// Any bucket count, rows prefetched when given (training has none).
struct AnyFeatureBuckets: FeatureBuckets {
    var cursor: UnsafeMutablePointer<Int32>
    let bucketCount: Int
    let rows: UnsafePointer<SequenceModel.Row>?

    @inline(__always) mutating func write(_ hash: UInt64) {
        let bucket = Int32(truncatingIfNeeded: hash % UInt64(bucketCount))
        if let rows { cicu_prefetch(rows + Int(bucket)) }
        cursor.pointee = bucket
        cursor += 1
    }
}
