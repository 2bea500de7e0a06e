/// The JSON contract other tools read (fixed; see README.md):
///
///     {"type": "DATE", "start": 80, "end": 95, "text": "7 มิถุนายน 2560", "value": "2017-06-07", "grain": "day"}
///
/// `start` and `end` are Unicode-scalar offsets, half-open. Gazetteer hits add "id" and
/// "canonical"; ACRONYM entities add "expansion" and "refersTo" (each a string or null); DATE
/// entities add "value" (ISO 8601 or null) and "grain", and "weekdayMismatch": true or
/// "impossible": true when they apply, and "suggestedValue" (ISO 8601) where a weekday mismatch
/// has exactly one nearby repair. `Entity`'s `Encodable` conformance and `JSONWriter`
/// produce the same objects; the writer is the fast path for batch output.
extension Entity: Encodable {
    enum ContractKey: String, CodingKey {
        case type, start, end, text, id, canonical, expansion, refersTo, value, grain, weekdayMismatch, impossible, suggestedValue
    }

    /// Encodes the entity as one object of the JSON contract (the same keys as `JSONWriter`).
    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: ContractKey.self)
        try container.encode(type, forKey: .type)
        try container.encode(scalarOffsets.lowerBound, forKey: .start)
        try container.encode(scalarOffsets.upperBound, forKey: .end)
        try container.encode(text, forKey: .text)
        if let link {
            try container.encode(link.id, forKey: .id)
            try container.encode(link.canonical, forKey: .canonical)
        }
        if type == .acronym {
            try container.encode(acronym?.expansion, forKey: .expansion)
            try container.encode(acronym?.refersTo, forKey: .refersTo)
        }
        if let date {
            try container.encode(date.value?.iso, forKey: .value)
            try container.encode(date.grain, forKey: .grain)
            if date.weekdayMismatch { try container.encode(true, forKey: .weekdayMismatch) }
            if date.isImpossible { try container.encode(true, forKey: .impossible) }
            if let suggested = date.suggestedValue { try container.encode(suggested.iso, forKey: .suggestedValue) }
        }
    }
}

/// Writes the JSON contract into a byte buffer without Foundation.
public struct JSONWriter {
    /// The bytes written so far.
    public var bytes: [UInt8] = []

    /// Creates an empty writer.
    public init() {}

    /// Appends raw JSON text.
    public mutating func raw(_ text: String) {
        // withUTF8 hands over small (literal) strings' bytes whole too, where appending the
        // UTF-8 view would copy them one by one.
        var text = text
        text.withUTF8 { bytes.append(contentsOf: $0) }
    }

    /// Appends a JSON string literal.
    public mutating func string(_ text: some StringProtocol) {
        bytes.append(0x22)
        if text.utf8.withContiguousStorageIfAvailable({ appendEscaped($0) }) == nil {
            Array(text.utf8).withUnsafeBufferPointer { appendEscaped($0) }
        }
        bytes.append(0x22)
    }

    /// Appends UTF-8 with JSON escapes, copying the runs between escapes whole.
    private mutating func appendEscaped(_ utf8: UnsafeBufferPointer<UInt8>) {
        var runStart = 0
        for index in 0..<utf8.count {
            let byte = utf8[index]
            guard byte == 0x22 || byte == 0x5C || byte < 0x20 else { continue }
            bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart..<index]))
            runStart = index + 1
            switch byte {
            case 0x22: bytes.append(0x5C); bytes.append(0x22)
            case 0x5C: bytes.append(0x5C); bytes.append(0x5C)
            case 0x0A: bytes.append(0x5C); bytes.append(0x6E)
            case 0x0D: bytes.append(0x5C); bytes.append(0x72)
            case 0x09: bytes.append(0x5C); bytes.append(0x74)
            default:
                let hex: StaticString = "0123456789abcdef"
                bytes.append(contentsOf: [0x5C, 0x75, 0x30, 0x30])
                bytes.append(hex.utf8Start[Int(byte >> 4)])
                bytes.append(hex.utf8Start[Int(byte & 0xF)])
            }
        }
        bytes.append(contentsOf: UnsafeBufferPointer(rebasing: utf8[runStart...]))
    }

    /// Appends a string or null.
    public mutating func optionalString(_ text: String?) {
        if let text { string(text) } else { raw("null") }
    }

    /// Appends an integer.
    public mutating func int(_ value: Int) {
        if value < 0 { bytes.append(0x2D) }
        var magnitude = value.magnitude
        var digits: (UInt64, UInt64, UInt64) = (0, 0, 0)  // room for 20 digits, filled from the end
        withUnsafeMutableBytes(of: &digits) { buffer in
            var start = buffer.count
            repeat {
                start -= 1
                buffer[start] = 0x30 + UInt8(magnitude % 10)
                magnitude /= 10
            } while magnitude > 0
            bytes.append(contentsOf: buffer[start...])
        }
    }

    /// Appends one entity object.
    public mutating func entity(_ entity: Entity) {
        raw("{\"type\":"); string(entity.type.rawValue)
        raw(",\"start\":"); int(entity.scalarOffsets.lowerBound)
        raw(",\"end\":"); int(entity.scalarOffsets.upperBound)
        raw(",\"text\":"); string(entity.text)
        if let link = entity.link {
            raw(",\"id\":"); string(link.id)
            raw(",\"canonical\":"); string(link.canonical)
        }
        if entity.type == .acronym {
            raw(",\"expansion\":"); optionalString(entity.acronym?.expansion)
            raw(",\"refersTo\":"); optionalString(entity.acronym?.refersTo?.rawValue)
        }
        if let date = entity.date {
            raw(",\"value\":"); optionalString(date.value?.iso)
            raw(",\"grain\":"); string(date.grain.rawValue)
            if date.weekdayMismatch { raw(",\"weekdayMismatch\":true") }
            if date.isImpossible { raw(",\"impossible\":true") }
            if let suggested = date.suggestedValue { raw(",\"suggestedValue\":"); string(suggested.iso) }
        }
        bytes.append(0x7D)
    }

    /// Appends `[entity, ...]`.
    public mutating func entities(_ entities: [Entity]) {
        bytes.append(0x5B)
        for (index, entity) in entities.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            self.entity(entity)
        }
        bytes.append(0x5D)
    }

    /// Appends one `--input jsonl` output line: `{"id": <rawID>, "entities": [...], "roles": [...]}`
    /// and a newline; `rawID` is JSON text, echoed as given.
    public mutating func annotationRecord(rawID: String, entities: [Entity], roles: [RoleLink] = []) {
        raw("{\"id\":\(rawID),\"entities\":")
        self.entities(entities)
        raw(",\"roles\":")
        self.roles(roles)
        raw("}\n")
    }

    /// Appends one role link: `{"person": 5, "role": {"start", "end", "text"}, "org": 6 or null,
    /// "canonical": "..." or null}`.
    public mutating func role(_ link: RoleLink) {
        raw("{\"person\":"); int(link.person)
        raw(",\"role\":{\"start\":"); int(link.role.scalarOffsets.lowerBound)
        raw(",\"end\":"); int(link.role.scalarOffsets.upperBound)
        raw(",\"text\":"); string(link.role.text)
        raw("},\"org\":")
        if let organization = link.organization { int(organization) } else { raw("null") }
        raw(",\"canonical\":"); optionalString(link.canonical)
        bytes.append(0x7D)
    }

    /// Appends `[role, ...]`.
    public mutating func roles(_ links: [RoleLink]) {
        bytes.append(0x5B)
        for (index, link) in links.enumerated() {
            if index > 0 { bytes.append(0x2C) }
            role(link)
        }
        bytes.append(0x5D)
    }

    /// Appends one token object: text, kind, scalar and UTF-8 offsets.
    public mutating func token(_ token: Token, in text: String) {
        raw("{\"text\":"); string(text[token.range])
        raw(",\"kind\":"); string(token.kind.rawValue)
        raw(",\"start\":"); int(token.scalarOffsets.lowerBound)
        raw(",\"end\":"); int(token.scalarOffsets.upperBound)
        raw(",\"utf8Start\":"); int(token.utf8Offsets.lowerBound)
        raw(",\"utf8End\":"); int(token.utf8Offsets.upperBound)
        bytes.append(0x7D)
    }
}
