import Foundation
import Testing
@testable import ThaiAnnotator
@testable import ThaiEntities
@testable import ThaiTagger

/// The sequence model: the perceptron and the CRF, the model format, the features over a real text, the
/// merge with the rules, and that `thai-annotate train` is deterministic.
struct TaggerTests {
    /// A sequence of words, each its own feature, labelled by a rule the trainer must learn.
    static func synthetic(_ words: [Int]) -> TrainingSequence {
        var features: [Int32] = [], offsets: [Int32] = [0]
        var spans: [(type: Int, units: Range<Int>)] = []
        for (index, word) in words.enumerated() {
            features.append(Int32(word))
            features.append(Int32(100 + (index > 0 ? words[index - 1] : 99)))  // the previous word
            offsets.append(Int32(features.count))
            // 1 is a title: the word after it starts a PERSON, which runs over the 2s that follow;
            // 3 is a place.
            let previous = index > 0 ? words[index - 1] : 0
            if previous == 1 { spans.append((0, index..<(index + 1))) }
            else if word == 2, let last = spans.last, last.type == 0, last.units.upperBound == index {
                spans[spans.count - 1].units = last.units.lowerBound..<(index + 1)
            } else if word == 3 { spans.append((2, index..<(index + 1))) }
        }
        let labels = EntityLabels.encode(spans, count: words.count)
        return TrainingSequence(features: features, offsets: offsets, labels: labels)
    }

    @Test func perceptronLearnsASmallFixtureAndTheFormatRoundTrips() throws {
        var generator = SplitMix64(seed: 7)
        let sequences = (0..<60).map { _ in Self.synthetic((0..<12).map { _ in 1 + Int(generator.next() % 8) }) }
        let model = PerceptronTrainer(epochs: 8).train(sequences, types: ["PERSON", "ORGANIZATION", "LOCATION"], bucketCount: 256)
        for sequence in sequences {
            #expect(model.decode(features: sequence.features, offsets: sequence.offsets) == sequence.labels)
        }
        let bytes = TaggerModels(model).serialized()
        let decoded = try TaggerModels(serialized: bytes)
        #expect(decoded.serialized() == bytes)
        // A model for any convention serves both.
        for convention in ["thainer", "guidelines"] {
            let model = try decoded.model(for: convention)
            for sequence in sequences.prefix(10) {
                #expect(model.decode(features: sequence.features, offsets: sequence.offsets) == sequence.labels)
            }
        }
        #expect(TaggerModels(PerceptronTrainer(epochs: 8).train(sequences, types: ["PERSON", "ORGANIZATION", "LOCATION"], bucketCount: 256))
            .serialized() == bytes)
        #expect(throws: ModelCodingError.self) { try TaggerModels(serialized: Array(bytes.dropLast())) }
        for version: UInt8 in [1, 2] {  // older formats say to retrain
            var old = bytes
            old[4] = version
            #expect { try TaggerModels(serialized: old) } throws: { "\($0)".contains("thai-annotate train") }
        }
        #expect(Base64.decode(Base64.encode(bytes).utf8) == bytes)
        // Whole groups, padding, a line break inside a group, and a character outside the alphabet.
        #expect(Base64.decode("TWFu") == Array("Man".utf8) && Base64.decode("TWE=") == Array("Ma".utf8))
        #expect(Base64.decode("TQ==\n") == Array("M".utf8) && Base64.decode("TW\nFuTW\r\nFu") == Array("ManMan".utf8))
        #expect(Base64.decode("TWFu!WFu") == nil && Base64.decode("") == [])
        // Two variants round-trip, each read back for its own convention, and a third convention is refused.
        let pair = TaggerModels([("thainer", model), ("guidelines", PerceptronTrainer(epochs: 1).train(
            sequences.prefix(3).map { $0 }, types: ["PERSON", "ORGANIZATION", "LOCATION"], bucketCount: 256))])
        let pairDecoded = try TaggerModels(serialized: pair.serialized())
        #expect(pairDecoded.serialized() == pair.serialized())
        #expect(TaggerModels(try pairDecoded.model(for: "thainer")).serialized() == bytes)
        #expect(TaggerModels(try pairDecoded.model(for: "guidelines")).serialized() != bytes)
        #expect(throws: ModelCodingError.self) { try pairDecoded.model(for: "other") }
        // Reading one convention's table alone gives the same model, and the same refusals.
        #expect(TaggerModels(try TaggerModels.model(for: "thainer", serialized: pair.serialized())).serialized() == bytes)
        #expect(TaggerModels(try TaggerModels.model(for: "guidelines", serialized: pair.serialized())).serialized()
            == TaggerModels(try pairDecoded.model(for: "guidelines")).serialized())
        #expect(TaggerModels(try TaggerModels.model(for: "guidelines", serialized: bytes)).serialized() == bytes)
        #expect(throws: ModelCodingError.self) { try TaggerModels.model(for: "other", serialized: pair.serialized()) }
        #expect(throws: ModelCodingError.self) { try TaggerModels.model(for: "thainer", serialized: Array(pair.serialized().dropLast())) }
    }

    @Test func crfLearnsASmallFixtureDeterministically() {
        var generator = SplitMix64(seed: 7)
        let sequences = (0..<60).map { _ in Self.synthetic((0..<12).map { _ in 1 + Int(generator.next() % 8) }) }
        let types = ["PERSON", "ORGANIZATION", "LOCATION"]
        let trainer = CRFTrainer(epochs: 20, l2: 0.1, learningRate: 0.5)
        let model = trainer.train(sequences, types: types, bucketCount: 256)
        for sequence in sequences {
            #expect(model.decode(features: sequence.features, offsets: sequence.offsets) == sequence.labels)
        }
        let bytes = TaggerModels(model).serialized()
        #expect(TaggerModels(trainer.train(sequences, types: types, bucketCount: 256)).serialized() == bytes)
        var other = trainer
        other.seed = 1
        #expect(TaggerModels(other.train(sequences, types: types, bucketCount: 256)).serialized() != bytes)
    }

    /// With a weight per source beside the shared ones, the CRF learns a convention on which two
    /// sources disagree, each in its own model, and what they agree on in both: here source 1
    /// types the place word 3 as an ORGANIZATION, source 0 as a LOCATION. One set of weights
    /// can follow only one of them.
    @Test func crfAdaptsToEachSourcesConvention() {
        var generator = SplitMix64(seed: 11)
        let types = ["PERSON", "ORGANIZATION", "LOCATION"]
        let location = EntityLabels.label(type: 2, .unit), organization = EntityLabels.label(type: 1, .unit)
        var sequences: [TrainingSequence] = []
        for index in 0..<120 {
            var sequence = Self.synthetic((0..<12).map { _ in 1 + Int(generator.next() % 8) })
            sequence.source = index % 2
            if sequence.source == 1 { sequence.labels = sequence.labels.map { $0 == location ? organization : $0 } }
            sequences.append(sequence)
        }
        let trainer = CRFTrainer(epochs: 20, l2: 0.1, learningRate: 0.5)
        let models = trainer.train(sequences, types: types, bucketCount: 256, sources: 2)
        #expect(models.count == 2)
        for sequence in sequences {
            #expect(models[sequence.source].decode(features: sequence.features, offsets: sequence.offsets) == sequence.labels)
        }
        let shared = trainer.train(sequences, types: types, bucketCount: 256)
        #expect(sequences.contains { shared.decode(features: $0.features, offsets: $0.offsets) != $0.labels })
        #expect(TaggerModels(zip(["a", "b"], trainer.train(sequences, types: types, bucketCount: 256, sources: 2)).map { ($0, $1) })
            .serialized() == TaggerModels(zip(["a", "b"], models).map { ($0, $1) }).serialized())
    }

    /// The CRF's forward-backward gives the probability of the gold labels among the valid BILOU
    /// sequences, as enumerating them all does.
    @Test func crfLikelihoodMatchesEnumeration() {
        let labelCount = EntityLabels.count(types: 1), length = 4, bucketCount = 3
        var generator = SplitMix64(seed: 3)
        let random = { (generator: inout SplitMix64) in Double(generator.next() % 2001) / 1000 - 1 }
        let weights = (0..<(bucketCount * labelCount)).map { _ in random(&generator) }
        let transitions = (0..<((labelCount + 1) * labelCount)).map { _ in random(&generator) }
        let features: [Int32] = [0, 1, 2, 1, 0, 2]
        let offsets: [Int32] = [0, 2, 3, 5, 6]
        func score(_ labels: [Int]) -> Double {
            var total = 0.0
            for (position, label) in labels.enumerated() {
                for index in Int(offsets[position])..<Int(offsets[position + 1]) { total += weights[Int(features[index]) * labelCount + label] }
                total += transitions[(position == 0 ? labelCount : labels[position - 1]) * labelCount + label]
            }
            return total
        }
        var valid: [[Int]] = [[]]
        for _ in 0..<length {
            valid = valid.flatMap { prefix in (0..<labelCount).filter { EntityLabels.allows(prefix.last, $0) }.map { prefix + [$0] } }
        }
        valid = valid.filter { EntityLabels.mayEnd($0.last!) }
        let logZ = log(valid.map { exp(score($0)) }.reduce(0, +))
        let gold = [0, 1, 3, 4]  // O B-X L-X U-X
        let lattice = CRFTrainer.Lattice(labelCount: labelCount)
        let loss = weights.withUnsafeBufferPointer { weights in
            transitions.withUnsafeBufferPointer { transitions in
                lattice.run(TrainingSequence(features: features, offsets: offsets, labels: gold), weights: weights.baseAddress!,
                            transitions: transitions.baseAddress!, scale: 1)
            }
        }
        #expect(abs(loss - (logZ - score(gold))) < 1e-9)
        // The label marginals: each position's sum to 1, and B-X at position 1 as enumerated.
        for position in 0..<length {
            #expect(abs((0..<labelCount).map { lattice.alpha[position * labelCount + $0] }.reduce(0, +) - 1) < 1e-9)
        }
        let beginAtOne = valid.filter { $0[1] == 1 }.map { exp(score($0) - logZ) }.reduce(0, +)
        #expect(abs(lattice.alpha[labelCount + 1] - beginAtOne) < 1e-9)
    }

    @Test func viterbiKeepsToValidBILOUSequences() {
        var weights = [Float](repeating: 0, count: 4 * 5)
        weights[0 * 5 + 2] = 10  // bucket 0 strongly prefers I-PERSON
        weights[1 * 5 + 1] = 10  // bucket 1 strongly prefers B-PERSON
        let model = SequenceModel(types: ["PERSON"], bucketCount: 4, weights: weights, transitions: [Float](repeating: 0, count: 30))
        for (features, offsets) in [([Int32(0), 0], [Int32(0), 1, 2]), ([0, 1], [0, 1, 2]), ([1], [0, 1])] {
            let labels = model.decode(features: features, offsets: offsets)
            #expect(labels.count == offsets.count - 1)
            for (previous, next) in zip([nil] + labels.map(Optional.some), labels) {
                #expect(EntityLabels.allows(previous, next))
            }
            #expect(EntityLabels.mayEnd(labels.last!), "\(labels) leaves a span open")
        }
    }

    /// A position where a span must begin gets B-X or U-X, whatever its scores, and the rest of
    /// the sequence is still decoded by score (the guidelines' titled persons).
    @Test func decodingStartsARequiredSpan() {
        var weights = [Float](repeating: 0, count: 4 * 5)
        weights[0 * 5 + 0] = 10  // bucket 0 strongly prefers O
        weights[1 * 5 + 3] = 5   // bucket 1 prefers L-PERSON
        let model = SequenceModel(types: ["PERSON"], bucketCount: 4, weights: weights, transitions: [Float](repeating: 0, count: 30))
        let features: [Int32] = [0, 1, 0], offsets: [Int32] = [0, 1, 2, 3]
        let l = EntityLabels.label
        #expect(model.decode(features: features, offsets: offsets) == [0, 0, 0])
        #expect(model.decode(features: features, offsets: offsets, spansStarting: [(0, 0)]) == [l(0, .begin), l(0, .last), 0])
        #expect(model.decode(features: features, offsets: offsets, spansStarting: [(2, 0)]) == [0, 0, l(0, .unit)])
    }

    @Test func bilouLabelsEncodeAndDecodeSpans() {
        let spans: [(type: Int, units: Range<Int>)] = [(0, 1..<2), (2, 3..<6), (1, 6..<8)]
        let labels = EntityLabels.encode(spans, count: 9)
        let l = EntityLabels.label
        #expect(labels == [0, l(0, .unit), 0, l(2, .begin), l(2, .inside), l(2, .last), l(1, .begin), l(1, .last), 0])
        #expect(EntityLabels.decode(labels).map { "\($0.type) \($0.units)" } == spans.map { "\($0.type) \($0.units)" })
        #expect(EntityLabels.names(["PERSON"]) == ["O", "B-PERSON", "I-PERSON", "L-PERSON", "U-PERSON"])
    }

    /// Feature dropout (training only) changes the features of the hidden name's units and of
    /// no unit more than two away from it; the same dropout gives the same features.
    @Test func featureDropoutHidesTheChosenNameOnly() throws {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let text = "เมื่อวานนี้ในที่ประชุมใหญ่ของชุมชน สมชาย ใจดี กล่าวว่า ฝนตกหนักมากจนน้ำท่วมถนนหลายสายในตัวเมือง"
        let utf16 = UTF16Text(text)
        let start = (text as NSString).range(of: "สมชาย").location
        let name = start..<(start + (("สมชาย ใจดี" as NSString).length))
        let tokens = rules.segmenter.tokens(in: utf16)
        let mentions = rules.recognizer.mentions(in: utf16, tokens: tokens)
        #expect(mentions.contains { $0.type == .person && $0.utf16Range == name })  // the name lists find it
        func features(_ dropout: FeatureDropout) -> TaggerFeatures {
            utf16.units.withUnsafeBufferPointer {
                TaggerFeatures(recognizer: rules.recognizer, units: $0, tokens: tokens, mentions: mentions, bucketCount: 1 << 16,
                               hiding: dropout)
            }
        }
        func unitFeatures(_ f: TaggerFeatures, _ unit: Int) -> [Int32] { Array(f.features[Int(f.offsets[unit])..<Int(f.offsets[unit + 1])]) }
        let plain = features(FeatureDropout())
        let nameUnits = plain.units.indices.filter { name.contains(plain.units[$0].lowerBound) }
        #expect(nameUnits.count >= 2)
        for dropout in [FeatureDropout(lists: [name]), FeatureDropout(words: [name], salt: 7)] {
            let hidden = features(dropout), again = features(dropout)
            #expect(hidden.units == plain.units)
            #expect(hidden.features == again.features && hidden.offsets == again.offsets)
            for unit in nameUnits where !hidden.isBlank[unit] { #expect(unitFeatures(hidden, unit) != unitFeatures(plain, unit)) }
            for unit in plain.units.indices where unit < nameUnits.first! - 2 || unit > nameUnits.last! + 2 {
                #expect(unitFeatures(hidden, unit) == unitFeatures(plain, unit), "unit \(unit)")
            }
        }
        // Another salt gives hidden words other codes.
        let otherSalt = features(FeatureDropout(words: [name], salt: 8)), salted = features(FeatureDropout(words: [name], salt: 7))
        #expect(unitFeatures(otherSalt, nameUnits[0]) != unitFeatures(salted, nameUnits[0]))
    }

    /// The feature extractor and the trainer learn text: names no list knows, after a title.
    @Test func taggerLearnsUnlistedNamesFromAFixture() throws {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let texts = [("ต่อมา", "ปรีชาวุฒิ", "ยอดยิ่งเยี่ยม", "ชมรมผู้รักษ์ป่าคาย"), ("จากนั้น", "ทองพูลสุข", "มหัศจรรย์ไพศาล", "ชมรมคนเลี้ยงผึ้ง"),
                     ("ขณะที่", "อรุณวดีศรี", "เลิศล้ำพรหม", "ชมรมนักปั่นเมืองเก่า")]
        var sequences: [TrainingSequence] = []
        var lines: [String] = []
        for (lead, given, family, club) in texts {
            let text = "\(lead) นาง\(given) \(family) ประธาน\(club) กล่าวว่า"
            lines.append(text)
            let utf16 = UTF16Text(text)
            let tokens = rules.segmenter.tokens(in: utf16)
            let person = (text as NSString).range(of: "นาง\(given) \(family)")
            let organization = (text as NSString).range(of: club)
            let gold: [(type: EntityType, utf16Range: Range<Int>)] = [
                (.person, person.location..<(person.location + person.length)),
                (.organization, organization.location..<(organization.location + organization.length)),
            ]
            let (sequence, _) = EntityTagger.trainingSequence(
                recognizer: rules.recognizer, text: utf16, tokens: tokens,
                ruleMentions: rules.recognizer.mentions(in: utf16, tokens: tokens), gold: gold,
                types: EntityTagger.types, bucketCount: 1 << 12)
            sequences.append(sequence)
        }
        let model = PerceptronTrainer(epochs: 10).train(sequences, types: EntityTagger.types.map(\.rawValue), bucketCount: 1 << 12)
        let tagged = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .model(model); return c }())
        for (line, names) in zip(lines, texts) {
            let document = tagged.annotate(line)
            #expect(document.entities(ofType: .person).map(\.text) == ["นาง\(names.1) \(names.2)"])
            #expect(document.entities(ofType: .organization).map(\.text) == [names.3])
            #expect(PipelineInvariants.violations(of: document, for: line).isEmpty)
        }
    }

    /// The bundled model is on by default and `.off` switches it off; offsets and the pipeline
    /// invariants hold either way, under both span conventions, on corpus documents.
    @Test func bundledModelIsTheDefaultAndInvariantsHold() throws {
        #expect(PipelineInvariants.guidelinesAnnotator.tagger != nil)
        func annotator(_ convention: SpanConvention, _ tagger: Annotator.Configuration.TaggerChoice) throws -> Annotator {
            var configuration = Annotator.Configuration()
            configuration.tagger = tagger
            configuration.spanConvention = convention
            return try Annotator(configuration: configuration)
        }
        let rulesAlone = try annotator(.guidelines, .off), thaiNER = try annotator(.thaiNER, .bundled)
        #expect(rulesAlone.tagger == nil)
        #expect(thaiNER.tagger != nil)
        for name in Corpus.names.prefix(40) {
            let text = try Corpus.text(of: name)
            for annotator in [PipelineInvariants.guidelinesAnnotator, thaiNER, rulesAlone] {
                let document = annotator.annotate(text)
                #expect(PipelineInvariants.violations(of: document, for: text).isEmpty, "\(name)")
            }
        }
    }

    /// The model's persons, found again where the document repeats their names (made-up text).
    static func propagated(_ text: String, persons: [String], thaiNERSpans: Bool = false) throws -> [String] {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let utf16 = UTF16Text(text)
        let tokens = rules.segmenter.tokens(in: utf16)
        let string = text as NSString
        let mentions = persons.map { person in
            let range = string.range(of: person)
            return EntityMention(type: .person, utf16Range: range.location..<(range.location + range.length),
                                 link: EntityLink(id: "doc:person:1", canonical: person))
        }
        return utf16.units.withUnsafeBufferPointer { units in
            EntityTagger.propagatingPersons(mentions, units: units, tokens: tokens, people: rules.recognizer.people,
                                            thaiNERSpans: thaiNERSpans)
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
    }

    /// Under ThaiNER's conventions an organisation the merged mentions name once is found again where
    /// the document repeats it, but not a name no list holds that opens with การ (an event, not a
    /// body) nor a name linked to a gazetteer entry (ThaiNER leaves many of those untagged).
    /// Made-up text.
    @Test func organizationsFoundAgainInTheDocument() throws {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let text = "ทีมหมูป่าแถลงข่าว ต่อมา หมูป่าเดินทาง ส่วนการเลือกตั้งเลื่อน ทุกคนรอการเลือกตั้ง กองทัพบกช่วย กองทัพบกด้วย"
        let utf16 = UTF16Text(text)
        let string = text as NSString
        func mention(_ part: String, link: EntityLink? = nil) -> EntityMention {
            firstMention(of: part, in: string, type: .organization, link: link)
        }
        let army = EntityLink(id: "org.royal-thai-army", canonical: "กองทัพบก")
        let merged = [mention("หมูป่า"), mention("การเลือกตั้ง"), mention("กองทัพบก", link: army)]
        let found = utf16.units.withUnsafeBufferPointer { units in
            EntityTagger.propagatingOrganizations(merged, units: units, tokens: rules.segmenter.tokens(in: utf16))
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
        #expect(found == ["หมูป่า", "หมูป่า", "การเลือกตั้ง", "กองทัพบก"])
        // Without the linked and การ names, their repeats are found too.
        let unlinked = [mention("หมูป่า"), mention("กองทัพบก")]
        let again = utf16.units.withUnsafeBufferPointer { units in
            EntityTagger.propagatingOrganizations(unlinked, units: units, tokens: rules.segmenter.tokens(in: utf16)).count
        }
        #expect(again == 4)
    }

    /// Under ThaiNER's conventions a place the merged mentions name once is found again where the
    /// document repeats it: a gazetteer place and a name of two tokens, but not a one-word name no
    /// list holds, a country after a nationality word (คนลาว), nor ไทย glued after a word that is
    /// no preposition (รัฐบาลไทย; ในไทย is found). Made-up text.
    @Test func placesFoundAgainInTheDocument() throws {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let text = "ลาว ส่งออก ข่าวจากลาว คนลาวยิ้ม ถ้ำหลวง ปิด เที่ยว ถ้ำหลวง ไทย ชนะ รัฐบาลไทยแถลง ฝนตกในไทย กลาง ร้อน อยู่ กลาง"
        let utf16 = UTF16Text(text)
        let string = text as NSString
        func mention(_ part: String, link: EntityLink? = nil) -> EntityMention {
            firstMention(of: part, in: string, type: .location, link: link)
        }
        let merged = [mention("ลาว", link: EntityLink(id: "place.laos", canonical: "ลาว")), mention("ถ้ำหลวง"),
                      mention("ไทย", link: EntityLink(id: "place.thailand", canonical: "ไทย")), mention("กลาง")]
            .sorted { $0.utf16Range.lowerBound < $1.utf16Range.lowerBound }
        let found = utf16.units.withUnsafeBufferPointer { units in
            EntityTagger.propagatingPlaces(merged, units: units, tokens: rules.segmenter.tokens(in: utf16))
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
        #expect(found == ["ลาว", "ลาว", "ถ้ำหลวง", "ถ้ำหลวง", "ไทย", "ไทย", "กลาง"])
        let afterIn = string.range(of: "ในไทย").location + 2
        let repeats = utf16.units.withUnsafeBufferPointer { units in
            EntityTagger.propagatingPlaces(merged, units: units, tokens: rules.segmenter.tokens(in: utf16)).map(\.utf16Range.lowerBound)
        }
        #expect(repeats.contains(afterIn))
    }

    /// After the merge, an ORGANIZATION with บริษัท and one space before it takes the word, glued
    /// after other text or not; บริษัท two spaces away stays out. Made-up text.
    @Test func organizationsTakeTheCompanyWordBeforeThem() {
        #expect(companyWordsTaken(in: "หุ้นของบริษัท การบินไทย ขึ้น และบริษัท  ไทยเบฟ กับ ห้างหุ้นส่วนจำกัด สมใจ",
                                  organizations: ["การบินไทย", "ไทยเบฟ", "สมใจ"])
                == ["บริษัท การบินไทย", "ไทยเบฟ", "ห้างหุ้นส่วนจำกัด สมใจ"])
    }

    /// After the merge, a company's legal form abbreviated (บมจ., หจก.) and one space before an
    /// ORGANIZATION joins it, whether it stood outside any mention or was an ORGANIZATION of its
    /// own. Made-up text.
    @Test func organizationsTakeAnAbbreviatedCompanyWord() {
        #expect(companyWordsTaken(in: "ซื้อหุ้น บมจ. ธนาคารสมใจ และ หจก. ร่มเย็นค้าไม้ แล้ว",
                                  organizations: ["บมจ.", "ธนาคารสมใจ", "ร่มเย็นค้าไม้"])
                == ["บมจ. ธนาคารสมใจ", "หจก. ร่มเย็นค้าไม้"])
    }

    /// A mention of `type` over the first occurrence of `part` in `string`.
    private func firstMention(of part: String, in string: NSString, type: EntityType, link: EntityLink? = nil) -> EntityMention {
        let found = string.range(of: part)
        return EntityMention(type: type, utf16Range: found.location..<(found.location + found.length), link: link)
    }

    /// The surfaces `takingCompanyWords` leaves when each of `organizations` (first occurrences in
    /// `text`) is a merged ORGANIZATION.
    private func companyWordsTaken(in text: String, organizations: [String]) -> [String] {
        let string = text as NSString
        let merged = organizations.map { firstMention(of: $0, in: string, type: .organization) }
        let taken = UTF16Text(text).units.withUnsafeBufferPointer { EntityTagger.takingCompanyWords(merged, units: $0) }
        return taken.map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
    }

    /// After the merge (guidelines' conventions), a model ORGANIZATION that is a rule ACRONYM with
    /// a glued position abbreviation (ผอ.) or the head word of its own expansion (คณะกรรมการ) before
    /// it gives way to the ACRONYM; one with another word before it (สำนักงาน ก.พ.) stays. Made-up text.
    @Test func modelOrganizationsAroundRuleAcronyms() {
        let text = "ผอ.สพม.เขต 9 และคณะกรรมการ สกย. กับสำนักงาน สกย. ประชุม"
        let string = text as NSString
        func range(_ part: String, from start: Int = 0) -> Range<Int> {
            let found = string.range(of: part, range: NSRange(location: start, length: string.length - start))
            return found.location..<(found.location + found.length)
        }
        let expansion = AcronymExpansion(expansion: "คณะกรรมการส่งเสริมการเกษตรยั่งยืน", refersTo: .organization)
        let area = EntityMention(type: .acronym, utf16Range: range("สพม.เขต 9"))
        let first = EntityMention(type: .acronym, utf16Range: range("สกย."), acronym: expansion)
        let second = EntityMention(type: .acronym, utf16Range: range("สกย.", from: first.utf16Range.upperBound), acronym: expansion)
        let merged = [EntityMention(type: .organization, utf16Range: range("ผอ.สพม.เขต 9")),
                      EntityMention(type: .organization, utf16Range: range("คณะกรรมการ สกย.")),
                      EntityMention(type: .organization, utf16Range: range("สำนักงาน สกย."))]
        let restored = UTF16Text(text).units.withUnsafeBufferPointer { units in
            EntityTagger.restoringAcronyms(merged, rules: [area, first, second], units: units)
        }
        #expect(restored.map { "\($0.type.rawValue):\(string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)))" }
                == ["ACRONYM:สพม.เขต 9", "ACRONYM:สกย.", "ORGANIZATION:สำนักงาน สกย."])
        #expect(restored[1].acronym == expansion)
    }

    /// After the merge (guidelines' conventions), a model ORGANIZATION that names a ministry is a
    /// MINISTRY: a ministry's bare name opening a headline (linked to the ministry) and กระทรวง with a
    /// foreign ministry's name the gazetteer does not hold; another body stays an ORGANIZATION.
    /// Made-up text.
    @Test func modelOrganizationsThatNameAMinistry() throws {
        let annotator = try Annotator()
        let tagger = try #require(annotator.tagger)
        let text = "มหาดไทยเร่งช่วยผู้ประสบภัย กระทรวงการคลังสิงคโปร์ และวิทยาลัยมหาดไทย"
        let string = text as NSString
        let parts = ["มหาดไทย", "กระทรวงการคลังสิงคโปร์", "วิทยาลัยมหาดไทย"]
        let merged = parts.map { part -> EntityMention in
            let found = string.range(of: part, options: .backwards)
            return EntityMention(type: .organization, utf16Range: found.location..<(found.location + found.length))
        }
        let firstFound = string.range(of: "มหาดไทย")
        var spans = merged
        spans[0].utf16Range = firstFound.location..<(firstFound.location + firstFound.length)
        let retyped = UTF16Text(text).units.withUnsafeBufferPointer { tagger.retypingMinistries(spans, units: $0) }
        #expect(retyped.map(\.type) == [.ministry, .ministry, .organization])
        #expect(retyped[0].link?.canonical == "กระทรวงมหาดไทย")
        #expect(retyped[1].link == nil)
    }

    /// The model's PERSON spans `persons` in `text` (made-up text), with their edges repaired.
    static func repaired(_ text: String, persons: [String], thaiNERSpans: Bool = false) throws -> [String] {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let utf16 = UTF16Text(text)
        let tokens = rules.segmenter.tokens(in: utf16)
        let string = text as NSString
        let spans = persons.map { person -> (type: EntityType, range: Range<Int>) in
            let range = string.range(of: person)
            return (.person, range.location..<(range.location + range.length))
        }
        return utf16.units.withUnsafeBufferPointer { units in
            let pieces = TaggerFeatures(recognizer: rules.recognizer, units: units, tokens: tokens, mentions: [], bucketCount: 64).units
            return EntityTagger.repairingPersonBoundaries(spans, pieces: pieces, text: units, people: rules.recognizer.people,
                                                          thaiNERSpans: thaiNERSpans)
                .map { string.substring(with: NSRange(location: $0.range.lowerBound, length: $0.range.count)) }
        }
    }

    /// Two people written without a space between them are two PERSON entities, where the second
    /// one's title starts; a title run (royal names) and a role word that starts like a title
    /// (นายกฯ) split nothing; a general's rank written apart (พล. ต.) is part of the name, and so is
    /// the last piece of a family name the segmenter cut off.
    @Test func personEdgesAreRepairedAtGluedTitlesSplitRanksAndCutNames() throws {
        #expect(try Self.repaired("ที่ประชุมมีนายบัญญัติ ทัศนียะเวชนายสำราญ รอดเพชร มาด้วย",
                                  persons: ["นายบัญญัติ ทัศนียะเวชนายสำราญ รอดเพชร"])
                == ["นายบัญญัติ ทัศนียะเวช", "นายสำราญ รอดเพชร"])
        #expect(try Self.repaired("โดยพล.อ.สุรยุทธ์ จุลานนท์นายกฯ กล่าว", persons: ["พล.อ.สุรยุทธ์ จุลานนท์นายกฯ"])
                == ["พล.อ.สุรยุทธ์ จุลานนท์นายกฯ"])
        #expect(try Self.repaired("สมเด็จพระนางเจ้าฯ พระบรมราชินีนาถ เสด็จ", persons: ["สมเด็จพระนางเจ้าฯ พระบรมราชินีนาถ"])
                == ["สมเด็จพระนางเจ้าฯ พระบรมราชินีนาถ"])
        #expect(try Self.repaired("โดยพล. ต.สนั่น ขจรประศาสน์ กล่าว", persons: ["ต.สนั่น ขจรประศาสน์"]) == ["พล. ต.สนั่น ขจรประศาสน์"])
        // The segmenter cuts an unknown family name into pieces (บุตร|ศรี|ภู|มิ): a short last piece
        // before a dotted abbreviation or a space is part of the name; a very common word is not.
        #expect(try Self.repaired("พล.ต.ท.ธีระวุฒิ บุตรศรีภูมิรมช.มหาดไทย", persons: ["พล.ต.ท.ธีระวุฒิ บุตรศรีภู"])
                == ["พล.ต.ท.ธีระวุฒิ บุตรศรีภูมิ"])
        #expect(try Self.repaired("เมื่อวาน พ.ต.ท.ทักษิณมา แล้ว", persons: ["พ.ต.ท.ทักษิณ"]) == ["พ.ต.ท.ทักษิณ"])
        // A reflexive pronoun glued after the name ends it; a title alone keeps its span.
        #expect(try Self.repaired("นายสมพงษ์ตนเองไม่เห็นด้วย", persons: ["นายสมพงษ์ตนเอง"]) == ["นายสมพงษ์"])
        #expect(try Self.repaired("นายสมพงษ์ ทองดีตัวเองไม่ได้ไป", persons: ["นายสมพงษ์ ทองดีตัวเอง"]) == ["นายสมพงษ์ ทองดี"])
        #expect(try Self.repaired("นายสมพงษ์ ทองดี ไม่ได้ไป", persons: ["นายสมพงษ์ ทองดี"]) == ["นายสมพงษ์ ทองดี"])
        // A glued verb ends the name even where the segmenter's pieces cross its start (วัลล|พก|ล่า|ว),
        // and so does อายุ before a number; the same letters inside a name do not.
        #expect(try Self.repaired("โดยนายวัลลพกล่าวว่า", persons: ["นายวัลลพกล่าว"]) == ["นายวัลลพ"])
        #expect(try Self.repaired("นายสมพงษ์ ทองดีอายุ27ปี ถูกจับ", persons: ["นายสมพงษ์ ทองดีอายุ27ปี"]) == ["นายสมพงษ์ ทองดี"])
        #expect(try Self.repaired("นายกล่าวสมพงษ์ ทองดี มาแล้ว", persons: ["นายกล่าวสมพงษ์ ทองดี"]) == ["นายกล่าวสมพงษ์ ทองดี"])
    }

    /// The family name that `firstMentionFamilyNames` makes the model's PERSON span `person` of
    /// `text` (made-up text) take in: the text from the unit it names to the next space, or nil.
    static func familyNameTakenIn(_ text: String, person: String, at occurrence: Int = 0) throws -> String? {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let utf16 = UTF16Text(text)
        let tokens = rules.segmenter.tokens(in: utf16)
        let string = text as NSString
        var found = string.range(of: person)
        for _ in 0..<occurrence {
            found = string.range(of: person, range: NSRange(location: found.upperBound, length: string.length - found.upperBound))
        }
        let span = found.location..<found.upperBound
        return utf16.units.withUnsafeBufferPointer { units -> String? in
            let features = TaggerFeatures(recognizer: rules.recognizer, units: units, tokens: tokens, mentions: [], bucketCount: 64)
            let inside = features.units.indices.filter { span.contains(features.units[$0].lowerBound) }
            var labels = [Int](repeating: 0, count: features.units.count)
            for (offset, unit) in inside.enumerated() {
                let part: EntityLabels.Part = inside.count == 1 ? .unit : offset == 0 ? .begin : offset == inside.count - 1 ? .last : .inside
                labels[unit] = EntityLabels.label(type: 0, part)
            }
            let positions = EntityTagger.firstMentionFamilyNames(labels: labels, pieces: features.units, isBlank: features.isBlank,
                                                                 text: units, titles: rules.recognizer.people.titles,
                                                                 notFamilyWords: rules.recognizer.notFamilyWords, personType: 0)
            guard let position = positions.first?.position else { return nil }
            let start = features.units[position].lowerBound
            let rest = string.substring(from: start)
            return String(rest.prefix { $0 != " " })
        }
    }

    /// A titled given name met for the first time and followed by a space and a word goes on into
    /// the family name, glued to a position or not; a later mention, a name cut short with ฯ and a
    /// verb or position word after the space do not.
    @Test func firstMentionsTakeTheirFamilyNames() throws {
        #expect(try Self.familyNameTakenIn("เมื่อวานนายสมพงษ์ ทองประเสริฐรองประธานกล่าว", person: "นายสมพงษ์")?
                    .hasPrefix("ทอง") == true)
        #expect(try Self.familyNameTakenIn("เมื่อวานนายสมชาย มาเสถียร ยิ้ม ต่อมานายสมชาย ยิ้มอีก", person: "นายสมชาย", at: 1) == nil)
        #expect(try Self.familyNameTakenIn("เมื่อวานนายสมชาย กล่าวว่า ดี", person: "นายสมชาย") == nil)
        #expect(try Self.familyNameTakenIn("เมื่อวานนายสมชาย อายุ 40 ปี", person: "นายสมชาย") == nil)
        #expect(try Self.familyNameTakenIn("วันนี้ ม.ล.ปนัดดาฯ เสริมว่า", person: "ม.ล.ปนัดดาฯ") == nil)
    }

    /// The persons after `extendingReignNumbers` over `persons` in `text` (made-up text).
    static func withReigns(_ text: String, persons: [String]) -> [String] {
        let string = text as NSString
        let mentions = persons.map { person in
            let range = string.range(of: person)
            return EntityMention(type: .person, utf16Range: range.location..<(range.location + range.length))
        }
        return UTF16Text(text).units.withUnsafeBufferPointer { units in
            EntityTagger.extendingReignNumbers(mentions, units: units)
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
    }

    /// A king's name runs through the reign number after it; a number after another word does not join.
    @Test func aReignNumberAfterARoyalNameIsPartOfIt() {
        #expect(Self.withReigns("สมเด็จพระเจ้าอยู่หัว รัชกาลที่ 10 เสด็จ", persons: ["สมเด็จพระเจ้าอยู่หัว"])
                == ["สมเด็จพระเจ้าอยู่หัว รัชกาลที่ 10"])
        #expect(Self.withReigns("ในหลวงร.9ทรงงาน", persons: ["ในหลวง"]) == ["ในหลวงร.9"])
        #expect(Self.withReigns("นายสมพงษ์ ทองดี โทร. 0812345678", persons: ["นายสมพงษ์ ทองดี"]) == ["นายสมพงษ์ ทองดี"])
    }

    /// The persons after `endingAtClosingQuotes` over `persons` in `text` (made-up text; each
    /// person given by its text and where it starts, so that a span may run past a quote).
    static func withQuotes(_ text: String, persons: [(start: String, text: String)]) -> [String] {
        let string = text as NSString
        let mentions = persons.map { person in
            let start = string.range(of: person.start).location
            return EntityMention(type: .person, utf16Range: start..<(start + (person.text as NSString).length))
        }
        return UTF16Text(text).units.withUnsafeBufferPointer { units in
            EntityTagger.endingAtClosingQuotes(mentions, units: units)
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
    }

    /// A person named in quotes is the whole quote: a span cut short is taken on to the closing
    /// quote and one that runs past it ends there; a quote that opens after Thai text (a closing
    /// one), two people in one quote, or a quote that never closes change nothing.
    @Test func aPersonInQuotesEndsAtTheClosingQuote() {
        #expect(Self.withQuotes("ข่าวเช้า \"สมปอง ทองมาก\" อดีตนักร้องดัง", persons: [("สมปอง", "สมปอง")])
                == ["สมปอง ทองมาก"])
        #expect(Self.withQuotes("ข่าวเช้า ‘สมปอง ทองมาก’ อดีตนักร้องดัง", persons: [("สมปอง", "สมปอง ทองมาก’ อดีต")])
                == ["สมปอง ทองมาก"])
        #expect(Self.withQuotes("ข่าวเช้า “\u{FEFF}สมปอง ทองมาก\u{FEFF}” อดีตนักร้องดัง", persons: [("สมปอง", "สมปอง")])
                == ["สมปอง ทองมาก"])
        #expect(Self.withQuotes("เขาบอกว่า\"สมปอง ทองมาก\" ไปแล้ว", persons: [("สมปอง", "สมปอง")]) == ["สมปอง"])
        #expect(Self.withQuotes("ข่าว \"สมปอง-สมศรี\" ลั่นสู้", persons: [("สมปอง", "สมปอง"), ("สมศรี", "สมศรี")])
                == ["สมปอง", "สมศรี"])
        #expect(Self.withQuotes("ข่าว \"สมปอง ทองมาก ไปต่อ", persons: [("สมปอง", "สมปอง")]) == ["สมปอง"])
    }

    /// A word that opens a name, written right before the model's span, is taken in: a religious
    /// title under both conventions, a role or kin word under ThaiNER's only (the guidelines keep
    /// roles out of the span); the same letters ending a longer word are not a prefix.
    @Test func namePrefixesBeforeAPersonJoinIt() throws {
        #expect(try Self.repaired("ชาวบ้านมากราบหลวงพ่อสมหวัง ใจดี ที่วัด", persons: ["พ่อสมหวัง ใจดี"]) == ["หลวงพ่อสมหวัง ใจดี"])
        #expect(try Self.repaired("วันนี้รองนายกฯสมปอง รักไทย แถลงข่าว", persons: ["สมปอง รักไทย"], thaiNERSpans: true)
                == ["รองนายกฯสมปอง รักไทย"])
        #expect(try Self.repaired("วันนี้รองนายกฯสมปอง รักไทย แถลงข่าว", persons: ["สมปอง รักไทย"]) == ["สมปอง รักไทย"])
        #expect(try Self.repaired("ซื้อเครื่องกรองสมปอง รักไทย", persons: ["สมปอง รักไทย"], thaiNERSpans: true) == ["สมปอง รักไทย"])
    }

    /// The persons after adding the aliases given after `person` in `text` (made-up text).
    static func aliased(_ text: String, person: String) throws -> [String] {
        let rules = try Annotator(configuration: { var c = Annotator.Configuration(); c.tagger = .off; return c }())
        let utf16 = UTF16Text(text)
        let tokens = rules.segmenter.tokens(in: utf16)
        let string = text as NSString
        let range = string.range(of: person)
        let mention = EntityMention(type: .person, utf16Range: range.location..<(range.location + range.length))
        return utf16.units.withUnsafeBufferPointer { units in
            EntityTagger.addingAliases([mention], units: units, tokens: tokens).mentions
                .map { string.substring(with: NSRange(location: $0.utf16Range.lowerBound, length: $0.utf16Range.count)) }
        }
    }

    /// A nickname given after a person's name and หรือ is a PERSON too, up to a space or a glued
    /// word with a digit; หรือไม่ after a name is a question, not a nickname.
    @Test func aNicknameAfterOrIsAPerson() throws {
        #expect(try Self.aliased("นายสมปอง รักไทย หรือน้องปอง อายุ 30 ปี", person: "นายสมปอง รักไทย")
                == ["นายสมปอง รักไทย", "น้องปอง"])
        #expect(try Self.aliased("ยังไม่รู้ว่านายสมปอง รักไทย หรือไม่ ที่จะมา", person: "นายสมปอง รักไทย") == ["นายสมปอง รักไทย"])
        #expect(try Self.aliased("นางมาลี ทองดี หรือ\"เจ๊มาลี\" เจ้าของร้าน", person: "นางมาลี ทองดี") == ["นางมาลี ทองดี", "เจ๊มาลี"])
    }

    /// A nickname in quotes right before a person's name is a PERSON, but not a word between two
    /// quoted names of a headline; one in brackets right after it is one under the guidelines'
    /// conventions, and so is the name's English form in brackets (made-up text).
    @Test func aQuotedOrBracketedNicknameIsAPerson() throws {
        #expect(try Self.aliased("นักแสดงสาว \"แพรว\"มาลี ทองดี บอกว่า", person: "มาลี ทองดี") == ["แพรว", "มาลี ทองดี"])
        #expect(try Self.aliased("\"ชวน\"เยือน\"มาลี ทองดี\" วันนี้", person: "มาลี ทองดี") == ["มาลี ทองดี"])
        #expect(try Self.aliased("นางมาลี ทองดี (แพรว) บอกว่า", person: "นางมาลี ทองดี") == ["นางมาลี ทองดี", "แพรว"])
        #expect(try Self.aliased("นางมาลี ทองดี (รมว.พม.) บอกว่า", person: "นางมาลี ทองดี") == ["นางมาลี ทองดี"])
        // A name's English form in brackets is a PERSON; an acronym in brackets is not.
        #expect(try Self.aliased("นายจอห์น สมิธ (Mr. John Smith) เดินทางมา", person: "นายจอห์น สมิธ")
                == ["นายจอห์น สมิธ", "Mr. John Smith"])
        #expect(try Self.aliased("นายจอห์น สมิธ (UNDP) เดินทางมา", person: "นายจอห์น สมิธ") == ["นายจอห์น สมิธ"])
    }

    /// A name after a word that opens names is found again bare, under the conventions that keep
    /// that word in the span.
    @Test func theNameAfterANamePrefixIsFoundAgain() throws {
        #expect(try Self.propagated("ชาวบ้านไหว้พระสมหวังทุกวัน เพราะ สมหวัง ช่วยได้", persons: ["พระสมหวัง"]) == ["พระสมหวัง", "สมหวัง"])
        #expect(try Self.propagated("น้องสมหวังมาแล้ว ต่อมา สมหวัง กลับบ้าน", persons: ["น้องสมหวัง"], thaiNERSpans: true)
                == ["น้องสมหวัง", "สมหวัง"])
        #expect(try Self.propagated("น้องสมหวังมาแล้ว ต่อมา สมหวัง กลับบ้าน", persons: ["น้องสมหวัง"]) == ["น้องสมหวัง"])
        // A repeat right after such a word takes it in, as it would a title (ThaiNER's conventions for ครู).
        #expect(try Self.propagated("นายสมหวัง ใจดี มาแล้ว ต่อมาครูสมหวังกลับบ้าน", persons: ["นายสมหวัง ใจดี"], thaiNERSpans: true)
                == ["นายสมหวัง ใจดี", "ครูสมหวัง"])
        #expect(try Self.propagated("นายสมหวัง ใจดี มาแล้ว ต่อมาครูสมหวังกลับบ้าน", persons: ["นายสมหวัง ใจดี"]).first == "นายสมหวัง ใจดี")
        #expect(try !Self.propagated("นายสมหวัง ใจดี มาแล้ว ต่อมาครูสมหวังกลับบ้าน", persons: ["นายสมหวัง ใจดี"]).contains("ครูสมหวัง"))
    }

    /// A person introduced with a title is found again by given name, or by name and family name,
    /// with a title before it or bare; a nickname found once is found where it recurs, even glued
    /// to the word before.
    @Test func modelPersonsAreFoundAgainWhereTheDocumentRepeatsThem() throws {
        #expect(try Self.propagated("ด.ช.กัปตัน บุญมานุช อายุ 12 ปี หายจากบ้าน ต่อมา กัปตัน บุญมานุช กลับมา คุณกัปตัน บอกว่าหิว",
                                    persons: ["ด.ช.กัปตัน บุญมานุช"])
                == ["ด.ช.กัปตัน บุญมานุช", "กัปตัน บุญมานุช", "คุณกัปตัน"])
        #expect(try Self.propagated("แม่ของน้องเต้บอกว่าเมื่อวานน้องเต้ไปโรงเรียน", persons: ["น้องเต้"]) == ["น้องเต้", "น้องเต้"])
    }

    /// A name the segmenter keeps as one word is a dictionary word too: it is not taken glued to
    /// the word before, nor when the document repeats it more than three times per mention.
    @Test func oneWordNamesNeedAWordStartAndFewRepeats() throws {
        #expect(try Self.propagated("ด.ช.กัปตัน บุญมานุช หายไป ส่วนกัปตันเรือไม่รู้", persons: ["ด.ช.กัปตัน บุญมานุช"])
                == ["ด.ช.กัปตัน บุญมานุช"])
        #expect(try Self.propagated("นายส่วน ดีมาก มา ส่วน ก ส่วน ข ส่วน ค ส่วน ง", persons: ["นายส่วน ดีมาก"]) == ["นายส่วน ดีมาก"])
        #expect(try Self.propagated("นายส่วน ดีมาก มา ส่วน ก", persons: ["นายส่วน ดีมาก"]) == ["นายส่วน ดีมาก", "ส่วน"])
    }

    /// With the shipped model: a boy introduced with his title in one paragraph is a PERSON
    /// where a later paragraph names him bare, and not in another document that names him bare.
    @Test func aNameIntroducedWithATitleIsFoundBareLaterInTheSameDocumentOnly() throws {
        let annotator = try Annotator()
        let later = "ต่อมา กัปตัน บอกกับตำรวจว่าหลงทางอยู่ในป่าสองวัน"
        let document = "ด.ช.กัปตัน บุญมานุช อายุ 12 ปี หายตัวไปจากบ้านที่อำเภอเมือง\n" + later
        let persons = annotator.annotate(document).entities.filter { $0.type == .person }.map(\.text)
        #expect(persons.contains("กัปตัน"))
        #expect(!annotator.annotate(later).entities.contains { $0.type == .person && $0.text == "กัปตัน" })
    }

    /// Merge policy: MINISTRY and ACRONYM stay; a model span replaces rule spans it contains.
    @Test func mergeKeepsProtectedMentionsAndLinks() {
        let link = EntityLink(id: "person.x", canonical: "x")
        let rules = [EntityMention(type: .person, utf16Range: 0..<5, link: link),
                     EntityMention(type: .ministry, utf16Range: 10..<15),
                     EntityMention(type: .location, utf16Range: 20..<25),
                     EntityMention(type: .organization, utf16Range: 30..<35)]
        let merged = EntityTagger.merge(rules: rules, model: [(.person, 0..<8), (.location, 10..<15), (.organization, 20..<28)])
        #expect(merged.map(\.utf16Range) == [0..<8, 10..<15, 20..<28])
        #expect(merged[0].link == link)
        #expect(merged[1].type == .ministry)
        #expect(merged[2].type == .organization)
    }

    /// Merge policy: a rule mention the model does not touch stays when it is linked to a
    /// gazetteer entry, not when its link is only to the document's own people (doc:person:N).
    @Test func untouchedRuleMentionsStayOnlyWithAGazetteerLink() {
        let rules = [EntityMention(type: .person, utf16Range: 0..<5, link: EntityLink(id: "person.x", canonical: "x")),
                     EntityMention(type: .person, utf16Range: 10..<15, link: EntityLink(id: "doc:person:1", canonical: "y")),
                     EntityMention(type: .person, utf16Range: 20..<25)]
        #expect(EntityTagger.merge(rules: rules, model: []).map(\.utf16Range) == [0..<5])
        #expect(EntityTagger.merge(rules: rules, model: [(.person, 10..<15)]).map(\.utf16Range) == [0..<5, 10..<15])
    }

    /// `thai-annotate train` gives the same bytes twice (on a subset of ThaiNER train); with
    /// THAI_ANNOTATE_REPRODUCE_MODEL=1 it also rebuilds the shipped model from the whole file and
    /// compares it with Resources/model/tagger.txt byte for byte (see Resources/model/MODEL_CARD.md).
    @Test func trainingIsDeterministicAndReproducesTheShippedModel() throws {
        let root = Corpus.root.deletingLastPathComponent()
        let train = root.deletingLastPathComponent().appendingPathComponent("shared/data/thainer/train.txt")
        guard let text = try? String(contentsOf: train, encoding: .utf8) else { return }
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("tagger-\(getpid())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let subset = directory.appendingPathComponent("subset.txt")
        try (text.split(separator: "\n").prefix(400).joined(separator: "\n") + "\n").write(to: subset, atomically: true, encoding: .utf8)
        var outputs: [Data] = []
        for run in 0..<2 {
            let output = directory.appendingPathComponent("model-\(run).txt")
            let result = try CLITests.run(["train", subset.path, "--base64", "--epochs", "3", "--output", output.path])
            #expect(result.status == 0, "\(result.stderr)")
            outputs.append(try Data(contentsOf: output))
        }
        #expect(outputs[0] == outputs[1])
        #expect(outputs[0].count > 1000)
        guard ProcessInfo.processInfo.environment["THAI_ANNOTATE_REPRODUCE_MODEL"] == "1" else { return }
        let output = directory.appendingPathComponent("full.txt")
        let result = try CLITests.run(["train", train.path, "--corpus", Corpus.root.path, "--base64", "--output", output.path])
        #expect(result.status == 0)
        #expect(try Data(contentsOf: output) == Data(contentsOf: root.appendingPathComponent("Resources/model/tagger.txt")))
    }
}
