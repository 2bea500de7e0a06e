import ThaiAnnotator

/// The interchange formats `annotate --format` can write besides JSON.
enum OutputFormats {
    /// ThaiNER-style inline tags: `[PERSON]นายอุตตม สาวนายน[/PERSON]`.
    static func inlineTags(_ document: Document) -> String {
        var output = ""
        var position = document.text.startIndex
        for entity in document.entities {
            output += document.text[position..<entity.range.lowerBound]
            output += "[\(entity.type.rawValue)]\(entity.text)[/\(entity.type.rawValue)]"
            position = entity.range.upperBound
        }
        output += document.text[position...]
        return output.hasSuffix("\n") ? output : output + "\n"
    }

    /// CoNLL-style IOB: one token a line (`token<TAB>B-PERSON`), from the entity-aligned tokens;
    /// spaces are left out and each line break of the text ends a sentence (a blank line).
    static func conll(_ document: Document) -> String {
        var output = ""
        var entityIndex = 0
        var lastLineWasBlank = true
        for token in document.tokens {
            let text = document[token]
            if token.kind == .whitespace {
                if text.contains(where: \.isNewline), !lastLineWasBlank {
                    output += "\n"
                    lastLineWasBlank = true
                }
                continue
            }
            let start = token.scalarOffsets.lowerBound
            while entityIndex < document.entities.count, document.entities[entityIndex].scalarOffsets.upperBound <= start {
                entityIndex += 1
            }
            var tag = "O"
            if entityIndex < document.entities.count, document.entities[entityIndex].scalarOffsets.contains(start) {
                let entity = document.entities[entityIndex]
                tag = (start == entity.scalarOffsets.lowerBound ? "B-" : "I-") + entity.type.rawValue
            }
            output += "\(text)\t\(tag)\n"
            lastLineWasBlank = false
        }
        return lastLineWasBlank ? output : output + "\n"
    }

    /// BRAT standoff (.ann): `T1<TAB>PERSON 12 28<TAB>นายอุตตม สาวนายน`, offsets in Unicode scalars,
    /// with an AnnotatorNotes line for each date value, acronym expansion or canonical name.
    /// Entities whose text spans a line break are written as BRAT fragments.
    static func brat(_ document: Document) -> String {
        var output = ""
        for (index, entity) in document.entities.enumerated() {
            let number = index + 1
            output += "T\(number)\t\(entity.type.rawValue) \(fragments(entity))\t\(entity.text.replacingNewlines())\n"
            if let note = note(for: entity) { output += "#\(number)\tAnnotatorNotes T\(number)\t\(note)\n" }
        }
        return output
    }

    private static func fragments(_ entity: Entity) -> String {
        var pieces: [String] = []
        var start = entity.scalarOffsets.lowerBound
        var offset = start
        for scalar in entity.text.unicodeScalars {
            if scalar == "\n" {
                if offset > start { pieces.append("\(start) \(offset)") }
                start = offset + 1
            }
            offset += 1
        }
        if offset > start { pieces.append("\(start) \(offset)") }
        return pieces.joined(separator: ";")
    }

    static func note(for entity: Entity) -> String? {
        if let date = entity.date { return "value=\(date.value?.iso ?? "null") grain=\(date.grain.rawValue)" }
        if let acronym = entity.acronym {
            return "expansion=\(acronym.expansion ?? "null") refersTo=\(acronym.refersTo?.rawValue ?? "null")"
        }
        if let link = entity.link { return "id=\(link.id) canonical=\(link.canonical)" }
        return nil
    }

    /// A self-contained HTML page highlighting entities by type, with a legend; hovering an
    /// entity shows its type and its value, expansion or canonical name.
    static func html(_ documents: [(name: String, document: Document)]) -> String {
        var body = ""
        for (name, document) in documents {
            body += "<section><h2>\(escape(name))</h2><div class=\"doc\">"
            var position = document.text.startIndex
            for entity in document.entities {
                body += escape(document.text[position..<entity.range.lowerBound])
                let detail = [entity.type.rawValue, note(for: entity)].compactMap { $0 }.joined(separator: " · ")
                body += "<mark class=\"\(entity.type.rawValue)\" title=\"\(escape(detail))\">\(escape(entity.text))"
                body += "<sub>\(entity.type.rawValue)</sub></mark>"
                position = entity.range.upperBound
            }
            body += escape(document.text[position...]) + "</div></section>\n"
        }
        let legend = EntityType.allCases.map { "<mark class=\"\($0.rawValue)\">\($0.rawValue)</mark>" }.joined(separator: " ")
        return """
            <!DOCTYPE html>
            <html lang="th"><head><meta charset="utf-8"><title>ThaiAnnotator</title>
            <style>
            body { font-family: "Noto Sans Thai", "Sarabun", sans-serif; margin: 2em; line-height: 2.2; }
            .doc { white-space: pre-wrap; }
            mark { border-radius: 0.3em; padding: 0.1em 0.3em; }
            mark sub { font-size: 0.6em; font-weight: bold; margin-left: 0.3em; opacity: 0.7; }
            .PERSON { background: #aed6f1; } .MINISTRY { background: #d7bde2; } .ORGANIZATION { background: #f9e79f; }
            .ACRONYM { background: #a3e4d7; } .LOCATION { background: #abebc6; } .DATE { background: #f5b7b1; }
            .legend { position: sticky; top: 0; background: white; padding: 0.5em 0; border-bottom: 1px solid #ddd; }
            </style></head>
            <body><div class="legend">\(legend)</div>
            \(body)</body></html>

            """
    }

    private static func escape(_ text: some StringProtocol) -> String {
        var output = ""
        for character in text {
            switch character {
            case "&": output += "&amp;"
            case "<": output += "&lt;"
            case ">": output += "&gt;"
            case "\"": output += "&quot;"
            default: output.append(character)
            }
        }
        return output
    }
}

extension String {
    func replacingNewlines() -> String { String(map { $0.isNewline ? " " : $0 }) }
}
