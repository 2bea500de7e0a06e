/// `Document` encodes as `{"text": ..., "tokens": [...], "entities": [...], "roles": [...]}`: entities
/// and role links in the JSON contract (see `JSONContract.swift`), tokens as `{"kind", "start", "end",
/// "utf8Start", "utf8End"}`. Decoding rebuilds every String range from the text and the scalar offsets, and
/// rejects offsets that are out of range or disagree with an entity's text.
extension Document: Codable {
    private enum Key: String, CodingKey { case text, tokens, entities, roles }
    private enum TokenKey: String, CodingKey { case kind, start, end, utf8Start, utf8End }

    /// Encodes the text, the tokens with their offsets, and the entities in the JSON contract.
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: Key.self)
        try container.encode(text, forKey: .text)
        var tokenList = container.nestedUnkeyedContainer(forKey: .tokens)
        for token in tokens {
            var object = tokenList.nestedContainer(keyedBy: TokenKey.self)
            try object.encode(token.kind, forKey: .kind)
            try object.encode(token.scalarOffsets.lowerBound, forKey: .start)
            try object.encode(token.scalarOffsets.upperBound, forKey: .end)
            try object.encode(token.utf8Offsets.lowerBound, forKey: .utf8Start)
            try object.encode(token.utf8Offsets.upperBound, forKey: .utf8End)
        }
        try container.encode(entities, forKey: .entities)
        try container.encode(roles, forKey: .roles)
    }

    /// Decodes what ``encode(to:)`` writes, rebuilding the String ranges from the scalar offsets;
    /// throws `DecodingError.dataCorrupted` for offsets outside the text or an entity text that
    /// disagrees with its offsets.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: Key.self)
        let text = try container.decode(String.self, forKey: .text)
        let scalarIndices = Array(text.unicodeScalars.indices) + [text.endIndex]
        func range(_ scalars: Range<Int>, _ path: [any CodingKey]) throws -> Range<String.Index> {
            guard scalars.lowerBound >= 0, scalars.upperBound < scalarIndices.count, !scalars.isEmpty else {
                throw DecodingError.dataCorrupted(.init(codingPath: path, debugDescription: "offsets \(scalars) outside the text"))
            }
            return scalarIndices[scalars.lowerBound]..<scalarIndices[scalars.upperBound]
        }
        var tokens: [Token] = []
        var tokenList = try container.nestedUnkeyedContainer(forKey: .tokens)
        while !tokenList.isAtEnd {
            let object = try tokenList.nestedContainer(keyedBy: TokenKey.self)
            let scalars = try object.decode(Int.self, forKey: .start)..<object.decode(Int.self, forKey: .end)
            let utf8 = try object.decode(Int.self, forKey: .utf8Start)..<object.decode(Int.self, forKey: .utf8End)
            let tokenRange = try range(scalars, object.codingPath)
            let utf16 = text.utf16.distance(from: text.startIndex, to: tokenRange.lowerBound)
            tokens.append(Token(kind: try object.decode(TokenKind.self, forKey: .kind), range: tokenRange,
                                scalarOffsets: scalars, utf8Offsets: utf8,
                                utf16Offsets: utf16..<(utf16 + text.utf16.distance(from: tokenRange.lowerBound, to: tokenRange.upperBound))))
        }
        let contract = try container.decode([ContractEntity].self, forKey: .entities)
        let entities = try contract.map { entity -> Entity in
            let entityRange = try range(entity.start..<entity.end, container.codingPath)
            guard String(text[entityRange]) == entity.text else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath,
                                                        debugDescription: "entity text \(entity.text) does not match its offsets"))
            }
            return Entity(type: entity.type, range: entityRange, scalarOffsets: entity.start..<entity.end, text: entity.text,
                          link: entity.id.map { EntityLink(id: $0, canonical: entity.canonical ?? "") },
                          acronym: entity.type == .acronym ? AcronymExpansion(expansion: entity.expansion, refersTo: entity.refersTo) : nil,
                          date: entity.grain.map { grain in
                              // The written grain decides: a Monday-to-Sunday range is a week only when it says so.
                              var value = entity.value.flatMap(DateValue.init(iso:))
                              if case .interval(let start, let end, _)? = value { value = .interval(start, end, grain: grain) }
                              return DateAnnotation(value: value, grain: grain, weekdayMismatch: entity.weekdayMismatch ?? false,
                                                    isImpossible: entity.impossible ?? false,
                                                    suggestedValue: entity.suggestedValue.flatMap(DateValue.init(iso:)))
                          })
        }
        // Documents written before role links existed have none.
        let contractRoles = try container.decodeIfPresent([ContractRole].self, forKey: .roles) ?? []
        let roles = try contractRoles.map { link -> RoleLink in
            let roleRange = try range(link.role.start..<link.role.end, container.codingPath)
            guard String(text[roleRange]) == link.role.text else {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath,
                                                        debugDescription: "role text \(link.role.text) does not match its offsets"))
            }
            for index in [link.person] + (link.org.map { [$0] } ?? []) where !entities.indices.contains(index) {
                throw DecodingError.dataCorrupted(.init(codingPath: container.codingPath,
                                                        debugDescription: "role link names entity \(index), which does not exist"))
            }
            return RoleLink(person: link.person,
                            role: TextSpan(range: roleRange, scalarOffsets: link.role.start..<link.role.end, text: link.role.text),
                            organization: link.org, canonical: link.canonical)
        }
        self.init(text: text, tokens: tokens, entities: entities, roles: roles)
    }

    /// One role link as the JSON contract writes it.
    private struct ContractRole: Decodable {
        struct Span: Decodable {
            var start: Int
            var end: Int
            var text: String
        }
        var person: Int
        var role: Span
        var org: Int?
        var canonical: String?
    }

    /// One entity as the JSON contract writes it.
    private struct ContractEntity: Decodable {
        var type: EntityType
        var start: Int
        var end: Int
        var text: String
        var id: String?
        var canonical: String?
        var expansion: String?
        var refersTo: EntityType?
        var value: String?
        var grain: DateGrain?
        var weekdayMismatch: Bool?
        var impossible: Bool?
        var suggestedValue: String?
    }
}
