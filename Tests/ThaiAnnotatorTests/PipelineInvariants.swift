import Foundation
import ThaiAnnotator

/// The invariants every annotated document must hold, whatever the text. Shared by the tests
/// (RobustnessTests) and the libFuzzer target (Fuzz/AnnotatorFuzzer.swift compiles this file
/// too), so the fuzzer and the regression tests check exactly the same things.
///
/// Returns one line per violated invariant; an empty array means the document is sound.
/// Strings are compared scalar by scalar, never with `==` (which treats canonically
/// equivalent texts as equal).
enum PipelineInvariants {
    /// The two configurations the fuzzer and the tests annotate with: the guidelines' span
    /// convention with no reference date (dates resolve against the document's own date line),
    /// and ThaiNER's with `fixedReference`.
    static let guidelinesAnnotator = try! Annotator()
    static let thaiNERAnnotator: Annotator = {
        var configuration = Annotator.Configuration()
        configuration.spanConvention = .thaiNER
        return try! Annotator(configuration: configuration)
    }()
    static let fixedReference = CalendarDate(year: 2017, month: 6, day: 7)!

    static func violations(of document: Document, for input: String) -> [String] {
        var problems: [String] = []
        func fail(_ message: String) { if problems.count < 20 { problems.append(message) } }

        let text = document.text
        if !sameScalars(text, input) { fail("document text differs from the input") }
        // scalarIndices[n] is the String.Index of scalar n; utf16At[n] its UTF-16 offset.
        let scalarIndices = Array(text.unicodeScalars.indices) + [text.endIndex]
        let scalarCount = scalarIndices.count - 1
        var utf16At: [Int] = [0]
        utf16At.reserveCapacity(scalarIndices.count)
        for scalar in text.unicodeScalars { utf16At.append(utf16At.last! + UTF16.width(scalar)) }
        func isScalarBoundary(_ index: String.Index) -> Bool {
            index.samePosition(in: text.unicodeScalars) != nil || index == text.endIndex
        }
        func utf8Offset(_ index: String.Index) -> Int { text.utf8.distance(from: text.utf8.startIndex, to: index) }
        func inBounds(_ offsets: Range<Int>) -> Bool { offsets.lowerBound >= 0 && offsets.upperBound <= scalarCount }
        /// A token's or entity's range: on scalar boundaries (false when it splits a scalar, and
        /// nothing more can be checked) and at its scalar offsets.
        func rangeIsOnScalars(_ range: Range<String.Index>, _ offsets: Range<Int>, _ label: String) -> Bool {
            guard isScalarBoundary(range.lowerBound), isScalarBoundary(range.upperBound) else {
                fail("\(label) range splits a Unicode scalar")
                return false
            }
            if range.lowerBound != scalarIndices[offsets.lowerBound] || range.upperBound != scalarIndices[offsets.upperBound] {
                fail("\(label) range disagrees with its scalar offsets")
            }
            return true
        }

        // Tokens tile the text exactly and agree in every encoding.
        var tokenBoundaries: Set<Int> = [0]
        var expectedStart = 0
        for (number, token) in document.tokens.enumerated() {
            let offsets = token.scalarOffsets
            let label = "token \(number) \(offsets)"
            guard inBounds(offsets) else { fail("\(label) outside the text (\(scalarCount) scalars)"); break }
            if offsets.isEmpty { fail("\(label) is empty") }
            if offsets.lowerBound != expectedStart { fail("\(label) starts at \(offsets.lowerBound), not \(expectedStart) where the last ended") }
            expectedStart = offsets.upperBound
            tokenBoundaries.insert(offsets.upperBound)
            guard rangeIsOnScalars(token.range, offsets, label) else { continue }
            if token.utf8Offsets != utf8Offset(scalarIndices[offsets.lowerBound])..<utf8Offset(scalarIndices[offsets.upperBound]) {
                fail("\(label) UTF-8 offsets \(token.utf8Offsets) disagree with its scalar offsets")
            }
            if token.utf16Offsets != utf16At[offsets.lowerBound]..<utf16At[offsets.upperBound] {
                fail("\(label) UTF-16 offsets \(token.utf16Offsets) disagree with its scalar offsets")
            }
            if !sameScalars(document[token], text.unicodeScalars[scalarIndices[offsets.lowerBound]..<scalarIndices[offsets.upperBound]]) {
                fail("\(label) text differs from the text between its offsets")
            }
        }
        if expectedStart != scalarCount { fail("tokens end at \(expectedStart), the text at \(scalarCount)") }

        // Entities: in range, on scalar boundaries, text exact both ways, sorted, non-overlapping,
        // starting and ending on token boundaries.
        var previousEnd = 0
        for (number, entity) in document.entities.enumerated() {
            let offsets = entity.scalarOffsets
            let label = "entity \(number) \(entity.type.rawValue) \(offsets) \(debugScalars(entity.text))"
            guard inBounds(offsets) else { fail("\(label) outside the text (\(scalarCount) scalars)"); continue }
            if offsets.isEmpty { fail("\(label) is empty") }
            if offsets.lowerBound < previousEnd { fail("\(label) starts before the previous entity ends (\(previousEnd)): unsorted or overlapping") }
            previousEnd = max(previousEnd, offsets.upperBound)
            guard rangeIsOnScalars(entity.range, offsets, label) else { continue }
            if !sameScalars(entity.text, text.unicodeScalars[entity.range]) { fail("\(label) text differs from the text in its range") }
            if !sameScalars(entity.text, text.unicodeScalars[scalarIndices[offsets.lowerBound]..<scalarIndices[offsets.upperBound]]) {
                fail("\(label) text differs from the text between its scalar offsets")
            }
            if !tokenBoundaries.contains(offsets.lowerBound) || !tokenBoundaries.contains(offsets.upperBound) {
                fail("\(label) does not start and end on token boundaries")
            }
            if (entity.type == .date) != (entity.date != nil) { fail("\(label) DATE type and date payload disagree") }
        }
        // Role links: a PERSON, a role span of the text that overlaps no entity, a body of a body type.
        for (number, link) in document.roles.enumerated() {
            let offsets = link.role.scalarOffsets
            let label = "role \(number) \(offsets) \(debugScalars(link.role.text))"
            guard document.entities.indices.contains(link.person), document.entities[link.person].type == .person else {
                fail("\(label) does not name a PERSON entity"); continue
            }
            if let body = link.organization, !document.entities.indices.contains(body)
                || ![.ministry, .organization, .acronym, .location].contains(document.entities[body].type) {
                fail("\(label) names a body that is not a ministry, organisation, acronym or place")
            }
            guard inBounds(offsets), !offsets.isEmpty else { fail("\(label) outside the text or empty"); continue }
            guard rangeIsOnScalars(link.role.range, offsets, label) else { continue }
            if !sameScalars(link.role.text, text.unicodeScalars[scalarIndices[offsets.lowerBound]..<scalarIndices[offsets.upperBound]]) {
                fail("\(label) text differs from the text between its scalar offsets")
            }
            if document.entities.contains(where: { $0.scalarOffsets.overlaps(offsets) }) { fail("\(label) overlaps an entity") }
        }

        problems += jsonViolations(of: document)
        return problems
    }

    /// The JSON contract: JSONWriter's entity list and an annotation record parse back with
    /// Foundation to the same entities, and Document's Codable form decodes back to the same
    /// tokens and entities.
    static func jsonViolations(of document: Document) -> [String] {
        var problems: [String] = []
        var writer = JSONWriter()
        writer.annotationRecord(rawID: "7", entities: document.entities, roles: document.roles)
        guard writer.bytes.last == 0x0A, !writer.bytes.dropLast().contains(0x0A) else {
            return ["annotation record is not exactly one line"]
        }
        guard let record = try? JSONSerialization.jsonObject(with: Data(writer.bytes)) as? [String: Any],
              record["id"] as? Int == 7, let parsed = record["entities"] as? [[String: Any]] else {
            return ["JSONWriter annotation record does not parse back: \(String(decoding: writer.bytes.prefix(300), as: UTF8.self))"]
        }
        if parsed.count != document.entities.count { problems.append("JSON has \(parsed.count) entities, the document \(document.entities.count)") }
        if (record["roles"] as? [[String: Any]])?.count != document.roles.count { problems.append("JSON role links differ in number") }
        for (object, entity) in zip(parsed, document.entities) {
            if object["type"] as? String != entity.type.rawValue || object["start"] as? Int != entity.scalarOffsets.lowerBound
                || object["end"] as? Int != entity.scalarOffsets.upperBound
                || !sameScalars(object["text"] as? String ?? "\u{FFFF}-missing", entity.text) {
                problems.append("JSON entity \(object) differs from \(entity.type) \(entity.scalarOffsets)")
            }
        }

        let encoded: Data
        do { encoded = try JSONEncoder().encode(document) } catch { return problems + ["Document does not encode: \(error)"] }
        let decoded: Document
        do { decoded = try JSONDecoder().decode(Document.self, from: encoded) } catch {
            return problems + ["Document JSON does not decode back: \(error)"]
        }
        if !sameScalars(decoded.text, document.text) { problems.append("decoded text differs") }
        if decoded.tokens != document.tokens { problems.append("decoded tokens differ") }
        if decoded.roles != document.roles { problems.append("decoded role links differ") }
        if decoded.entities.count != document.entities.count {
            problems.append("decoded \(decoded.entities.count) entities, encoded \(document.entities.count)")
        } else {
            for (back, entity) in zip(decoded.entities, document.entities)
            where back.type != entity.type || back.scalarOffsets != entity.scalarOffsets || back.range != entity.range
                || !sameScalars(back.text, entity.text) || back.link != entity.link || acronym(back) != acronym(entity)
                || back.date?.value != entity.date?.value || back.date?.grain != entity.date?.grain {
                problems.append("decoded entity \(back.type) \(back.scalarOffsets) differs from \(entity.type) \(entity.scalarOffsets)")
            }
        }
        return problems
    }

    /// The JSON contract writes an ACRONYM's expansion and refersTo as null when unknown, so a
    /// missing payload and an empty one are the same thing.
    static func acronym(_ entity: Entity) -> AcronymExpansion? {
        entity.type == .acronym ? entity.acronym ?? AcronymExpansion(expansion: nil, refersTo: nil) : entity.acronym
    }

    static func sameScalars(_ a: some StringProtocol, _ b: some StringProtocol) -> Bool {
        a.unicodeScalars.elementsEqual(b.unicodeScalars)
    }

    static func sameScalars(_ a: some StringProtocol, _ b: Substring.UnicodeScalarView) -> Bool {
        a.unicodeScalars.elementsEqual(b)
    }

    static func debugScalars(_ text: String) -> String {
        text.unicodeScalars.count <= 40 ? text.debugDescription : String(text.prefix(40)).debugDescription + "…"
    }
}
