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

    /// The header line of `roleTable`.
    static let roleTableHeader = "document\tperson\tperson_canonical\trole\toffice\torganisation\torganisation_canonical\tdate\n"

    /// Who holds which office, a link a line, tab-separated (a spreadsheet opens it): the
    /// document's name, the person as written and canonical, the role as written, the office in
    /// full, the body as written and canonical, and the document's date (ISO 8601). Empty fields
    /// where a value is unknown; tabs and line breaks inside a field become spaces.
    static func roleTable(_ document: Document, name: String, date: CalendarDate?) -> String {
        var output = ""
        for link in document.roles {
            let person = document.entities[link.person]
            let body = link.organization.map { document.entities[$0] }
            let fields = [name, person.text, person.link?.canonical ?? person.text, link.role.text, link.canonical ?? "",
                          body?.text ?? "", body.map { $0.acronym?.expansion ?? $0.link?.canonical ?? $0.text } ?? "",
                          date?.description ?? ""]
            output += fields.map { String($0.map { $0 == "\t" || $0.isNewline ? " " : $0 }) }.joined(separator: "\t") + "\n"
        }
        return output
    }

    /// A self-contained HTML page highlighting entities by type and role words, with a legend;
    /// hovering an entity shows its type and its value, expansion or canonical name, hovering a
    /// role shows whose it is and the office in full; a table under each document lists the links.
    static func html(_ documents: [(name: String, document: Document)]) -> String {
        var body = ""
        for (name, document) in documents {
            body += "<section><h2>\(escape(name))</h2><div class=\"doc\">"
            // Entities and role words in order of position (role words never overlap entities).
            var marks: [(range: Range<String.Index>, html: String)] = []
            for entity in document.entities {
                let detail = [entity.type.rawValue, note(for: entity)].compactMap { $0 }.joined(separator: " · ")
                marks.append((entity.range, "<mark class=\"\(entity.type.rawValue)\" title=\"\(escape(detail))\">\(escape(entity.text))"
                              + "<sub>\(entity.type.rawValue)</sub></mark>"))
            }
            for link in document.roles {
                let detail = "ROLE of \(document.entities[link.person].text)" + (link.canonical.map { " · \($0)" } ?? "")
                marks.append((link.role.range, "<mark class=\"ROLE\" title=\"\(escape(detail))\">\(escape(link.role.text))<sub>ROLE</sub></mark>"))
            }
            marks.sort { $0.range.lowerBound < $1.range.lowerBound }
            var position = document.text.startIndex
            for mark in marks where mark.range.lowerBound >= position {
                body += escape(document.text[position..<mark.range.lowerBound]) + mark.html
                position = mark.range.upperBound
            }
            body += escape(document.text[position...]) + "</div>"
            if !document.roles.isEmpty {
                body += "<table class=\"roles\"><tr><th>person</th><th>role</th><th>organisation</th><th>office</th></tr>"
                for link in document.roles {
                    body += "<tr><td>\(escape(document.entities[link.person].text))</td><td>\(escape(link.role.text))</td>"
                    body += "<td>\(escape(link.organization.map { document.entities[$0].text } ?? ""))</td>"
                    body += "<td>\(escape(link.canonical ?? ""))</td></tr>"
                }
                body += "</table>"
            }
            body += "</section>\n"
        }
        let legend = (EntityType.allCases.map(\.rawValue) + ["ROLE"]).map { "<mark class=\"\($0)\">\($0)</mark>" }.joined(separator: " ")
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
            .ROLE { background: none; border: 1px dashed #7f8c8d; }
            table.roles { border-collapse: collapse; line-height: 1.4; margin-top: 1em; }
            table.roles td, table.roles th { border: 1px solid #ddd; padding: 0.2em 0.6em; text-align: left; }
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
