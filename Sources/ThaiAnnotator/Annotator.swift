/// The pipeline: segment the text, recognise named entities, normalise dates, and assemble a
/// `Document` whose entities carry String ranges and scalar offsets.
///
/// An annotator is immutable and `Sendable`: build one (loading the gazetteers takes a few
/// milliseconds) and share it across threads and tasks.
public final class Annotator: Sendable {
    /// What an annotator is built from.
    public struct Configuration: Sendable {
        /// Whether to load the gazetteers bundled with ThaiAnnotator.
        public var useBundledGazetteers = true
        /// Further gazetteers, loaded after (and taking precedence over) the bundled ones.
        public var gazetteers: [Gazetteer] = []
        /// Whose span conventions to follow where they differ.
        public var spanConvention = SpanConvention.guidelines
        /// Leaves out the bundled lists mined from ThaiNER (`*-thainer.tsv`), for cross-validation.
        public var excludeBundledThaiNERLists = false
        /// The sequence model that revises PERSON, ORGANIZATION and LOCATION spans: by default the
        /// model shipped in the binary. It raises PERSON, ORGANIZATION and LOCATION F1 and about
        /// halves annotate throughput (README, "The sequence model"); `.off` leaves gazetteers and
        /// rules alone, the fastest configuration.
        public var tagger = TaggerChoice.bundled

        /// Which sequence model the annotator uses.
        public enum TaggerChoice: Sendable {
            /// None: gazetteers and rules alone.
            case off
            /// The model shipped in the binary (none if the package was built without one).
            case bundled
            /// A model file written by `thai-annotate train`.
            case file(String)
            /// A model in memory.
            case model(SequenceModel)
        }
        /// Whether to link people to the offices they hold (`Document.roles`).
        public var linksRoles = true
        /// The offices the role linker knows (by default the bundled Resources/roles/offices.tsv).
        public var offices = OfficeLexicon.bundled
        /// Whether a date whose stated weekday disagrees takes its suggested repair as its value
        /// (`DateAnnotation.suggestedValue`; `--repair-dates` on the command line). Off by default:
        /// the value is the date as written.
        public var repairDates = false

        /// The default configuration: the bundled gazetteers only.
        public init() {}
    }

    /// The word segmenter the pipeline starts with.
    public let segmenter: WordSegmenter
    /// The named-entity stage.
    public let recognizer: EntityRecognizer
    /// The date stage.
    public let dateNormalizer: DateNormalizer
    /// The sequence model's stage, if one is loaded.
    public let tagger: EntityTagger?
    /// The role stage (people to offices), or nil when the configuration turned it off.
    public let roleLinker: RoleLinker?
    /// Whether suggested weekday repairs become the values (`Configuration.repairDates`).
    public let repairDates: Bool

    /// Builds the pipeline.
    public init(configuration: Configuration = Configuration()) throws {
        segmenter = try WordSegmenter()
        var gazetteers = configuration.useBundledGazetteers
            ? try Gazetteer.bundled(excludingThaiNERLists: configuration.excludeBundledThaiNERLists) : []
        gazetteers += configuration.gazetteers
        let recognizer = EntityRecognizer(gazetteers: gazetteers, thaiNERSpans: configuration.spanConvention == .thaiNER)
        self.recognizer = recognizer
        dateNormalizer = DateNormalizer(convention: configuration.spanConvention)
        roleLinker = configuration.linksRoles ? RoleLinker(lexicon: configuration.offices) : nil
        repairDates = configuration.repairDates
        switch configuration.tagger {
        case .off: tagger = nil
        case .bundled:
            tagger = try EntityTagger.bundledModel(convention: configuration.spanConvention.rawValue)
                .map { EntityTagger(model: $0, recognizer: recognizer) }
        case .file(let path):
            tagger = EntityTagger(model: try EntityTagger.model(contentsOfFile: path, convention: configuration.spanConvention.rawValue),
                                  recognizer: recognizer)
        case .model(let model): tagger = EntityTagger(model: model, recognizer: recognizer)
        }
    }

    /// The named-entity mentions of a text: the recogniser's, revised by the tagger if there is one.
    public func namedMentions(in utf16: UTF16Text, tokens: [Token]) -> [EntityMention] {
        let named = recognizer.mentions(in: utf16, tokens: tokens)
        return tagger?.mentions(in: utf16, tokens: tokens, ruleMentions: named) ?? recognizer.droppingContactLabels(named, in: utf16)
    }

    /// Annotates one text. Relative and year-less dates resolve against `referenceDate`, or,
    /// when it is nil, against the date line a thaigov document opens with, if there is one.
    public func annotate(_ text: String, referenceDate: CalendarDate? = nil) -> Document {
        let utf16 = UTF16Text(text)
        let tokens = segmenter.tokens(in: utf16)
        let rules = recognizer.mentions(in: utf16, tokens: tokens)
        let reference = referenceDate ?? dateNormalizer.documentDate(in: utf16)
        var dates = dateNormalizer.dates(in: utf16, tokens: tokens, referenceDate: reference,
                                         excluding: rules.map(\.utf16Range))
        var named = tagger == nil ? recognizer.droppingContactLabels(rules, in: utf16) : rules
        if let tagger {
            // The model's own spans give way to dates; the rules' mentions never overlap one.
            let ruleRanges = Set(rules.map(\.utf16Range))
            named = tagger.mentions(in: utf16, tokens: tokens, ruleMentions: rules).filter { mention in
                ruleRanges.contains(mention.utf16Range) || !dates.contains { $0.utf16Range.overlaps(mention.utf16Range) }
            }
            if named != rules { dates.removeAll { date in named.contains { $0.utf16Range.overlaps(date.utf16Range) } } }
        }
        let roles = roleLinker?.links(in: utf16, tokens: tokens, mentions: named) ?? []
        return DocumentAssembler(text: utf16, tokens: tokens, repairDates: repairDates).document(named: named, dates: dates, roles: roles)
    }
}

/// Turns the stages' UTF-16 mentions into a Document: merges them in order, converts offsets
/// once, and splits tokens at entity boundaries.
struct DocumentAssembler {
    let text: UTF16Text
    let tokens: [Token]
    var repairDates = false

    func document(named: [EntityMention], dates: [DateMention], roles: [RoleMention] = []) -> Document {
        // Both lists are sorted and do not overlap each other: merge them by start.
        var entities: [Entity] = []
        entities.reserveCapacity(named.count + dates.count)
        var boundaries: [UTF16Text.Position] = []
        boundaries.reserveCapacity(2 * (named.count + dates.count))
        var cursor = TokenCursor(text: text, tokens: tokens)
        // The roles' edges are converted in the same forward walk as the entities'.
        var roleEdges = RoleEdges(roles)
        var namedEntity: [Int] = []
        if !roles.isEmpty { namedEntity.reserveCapacity(named.count) }
        var nextNamed = 0, nextDate = 0
        while nextNamed < named.count || nextDate < dates.count {
            let takeNamed = nextDate == dates.count
                || (nextNamed < named.count && named[nextNamed].utf16Range.lowerBound < dates[nextDate].utf16Range.lowerBound)
            let span = takeNamed ? named[nextNamed].utf16Range : dates[nextDate].utf16Range
            roleEdges.convert(upTo: span.lowerBound, with: &cursor)
            let start = cursor.position(at: span.lowerBound)
            let end = cursor.position(at: span.upperBound)
            let range = text.index(atUTF8Offset: start.utf8)..<text.index(atUTF8Offset: end.utf8)
            let surface = String(text.text[range])
            if takeNamed {
                let mention = named[nextNamed]
                if !roles.isEmpty { namedEntity.append(entities.count) }
                entities.append(Entity(type: mention.type, range: range, scalarOffsets: start.scalar..<end.scalar,
                                       text: surface, link: mention.link, acronym: mention.acronym))
                nextNamed += 1
            } else {
                let mention = dates[nextDate]
                entities.append(Entity(type: .date, range: range, scalarOffsets: start.scalar..<end.scalar, text: surface,
                                       date: DateAnnotation(value: repairDates ? mention.suggestedValue ?? mention.value : mention.value,
                                                            grain: mention.grain,
                                                            buddhistEraYear: mention.buddhistEraYear,
                                                            weekdayMismatch: mention.weekdayMismatch,
                                                            isImpossible: mention.isImpossible,
                                                            suggestedValue: mention.suggestedValue)))
                nextDate += 1
            }
            boundaries.append(start)
            boundaries.append(end)
        }
        roleEdges.convert(upTo: .max, with: &cursor)
        let links = roles.indices.map { index -> RoleLink in
            let role = roles[index]
            let (start, end) = roleEdges.positions(of: index)
            let range = text.index(atUTF8Offset: start.utf8)..<text.index(atUTF8Offset: end.utf8)
            return RoleLink(person: namedEntity[role.person],
                            role: TextSpan(range: range, scalarOffsets: start.scalar..<end.scalar, text: String(text.text[range])),
                            organization: role.organization.map { namedEntity[$0] }, canonical: role.canonical)
        }
        return Document(text: text.text, tokens: alignedTokens(at: boundaries), entities: entities, roles: links)
    }

    /// The UTF-16 edges of the role spans, sorted, and their positions once converted.
    private struct RoleEdges {
        /// (offset, role index * 2 + 0 for the start or 1 for the end), sorted by offset.
        var edges: [(offset: Int, slot: Int)]
        var positions: [UTF16Text.Position]
        var next = 0

        init(_ roles: [RoleMention]) {
            edges = []
            positions = []
            guard !roles.isEmpty else { return }
            for (index, role) in roles.enumerated() {
                edges.append((role.utf16Range.lowerBound, 2 * index))
                edges.append((role.utf16Range.upperBound, 2 * index + 1))
            }
            edges.sort { $0.offset < $1.offset }
            positions = Array(repeating: UTF16Text.Position(utf16: 0, scalar: 0, utf8: 0), count: edges.count)
        }

        /// Converts the edges before `offset` (the cursor must not have passed them).
        mutating func convert(upTo offset: Int, with cursor: inout TokenCursor) {
            while next < edges.count, edges[next].offset < offset {
                positions[edges[next].slot] = cursor.position(at: edges[next].offset)
                next += 1
            }
        }

        func positions(of role: Int) -> (UTF16Text.Position, UTF16Text.Position) {
            (positions[2 * role], positions[2 * role + 1])
        }
    }

    /// Converts UTF-16 offsets, asked for in increasing order, to positions: it finds the token
    /// the offset is in by binary search and walks from that token's start, whose offsets the
    /// segmenter has computed, so that the text between entities is not walked unit by unit.
    struct TokenCursor {
        private var cursor: UTF16Text.PositionCursor
        private let tokens: [Token]
        /// Where the next search starts: no later offset is in a token before it.
        private var next = 0

        init(text: UTF16Text, tokens: [Token]) {
            cursor = UTF16Text.PositionCursor(text)
            self.tokens = tokens
        }

        mutating func position(at utf16: Int) -> UTF16Text.Position {
            if next < tokens.count, tokens[next].utf16Offsets.lowerBound > utf16 { next = 0 }
            next = tokens[next...].firstIndex(endingAfter: utf16) { $0.utf16Offsets }
            // The token the offset is in; the last one for the end of the text.
            let index = min(next, tokens.count - 1)
            if index >= 0, tokens[index].utf16Offsets.lowerBound <= utf16 {
                let token = tokens[index]
                cursor.advance(to: UTF16Text.Position(utf16: token.utf16Offsets.lowerBound, scalar: token.scalarOffsets.lowerBound,
                                                      utf8: token.utf8Offsets.lowerBound))
            }
            return cursor.position(at: utf16)
        }
    }

    /// The tokens, split wherever an entity boundary falls inside one (ICU cuts unknown names
    /// differently from the gazetteer), so every entity starts and ends on a token boundary.
    private func alignedTokens(at boundaries: [UTF16Text.Position]) -> [Token] {
        guard !boundaries.isEmpty else { return tokens }
        var result: [Token] = []
        // Tokens before `copied` are in `result`; runs of tokens no boundary cuts are copied whole.
        var copied = 0
        var index = 0
        var next = 0
        while next < boundaries.count {
            let boundary = boundaries[next].utf16
            while index < tokens.count, tokens[index].utf16Offsets.upperBound <= boundary { index += 1 }
            guard index < tokens.count else { break }
            let token = tokens[index]
            let span = token.utf16Offsets
            guard span.lowerBound < boundary else {
                next += 1
                continue
            }
            if copied == 0 { result.reserveCapacity(tokens.count + boundaries.count) }
            result.append(contentsOf: tokens[copied..<index])
            var start = UTF16Text.Position(utf16: span.lowerBound, scalar: token.scalarOffsets.lowerBound,
                                           utf8: token.utf8Offsets.lowerBound)
            while next < boundaries.count, boundaries[next].utf16 < span.upperBound {
                if boundaries[next].utf16 > start.utf16 {  // adjacent entities share a boundary
                    result.append(piece(of: token, from: start, to: boundaries[next]))
                    start = boundaries[next]
                }
                next += 1
            }
            result.append(piece(of: token, from: start, to: UTF16Text.Position(
                utf16: span.upperBound, scalar: token.scalarOffsets.upperBound, utf8: token.utf8Offsets.upperBound)))
            index += 1
            copied = index
        }
        // No boundary fell inside a token: the tokens as they are, not a copy.
        if copied == 0 { return tokens }
        result.append(contentsOf: tokens[copied...])
        return result
    }

    private func piece(of token: Token, from start: UTF16Text.Position, to end: UTF16Text.Position) -> Token {
        Token(kind: token.kind,
              range: text.index(atUTF8Offset: start.utf8)..<text.index(atUTF8Offset: end.utf8),
              scalarOffsets: start.scalar..<end.scalar, utf8Offsets: start.utf8..<end.utf8,
              utf16Offsets: start.utf16..<end.utf16)
    }
}

/// Choosing a model file's weight table by the annotator's span convention.
extension TaggerModels {
    /// The model for the span convention `convention`: its own variant, else the one for any.
    public func model(for convention: SpanConvention) throws -> SequenceModel {
        try model(for: convention.rawValue)
    }
}
