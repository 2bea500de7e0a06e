import Foundation
import Testing
import ThaiAnnotator

/// Hostile and unusual input, through the library and through the built `thai-annotate`:
/// invalid UTF-8, NUL bytes, a 50 MB line, 100,000 records, empty and whitespace-only input, BOM,
/// ZWSP/ZWJ, escaped lone surrogates, mixed line ends, punctuation runs, Thai digits, emoji and
/// combining marks, concurrency, and every input the fuzzer (Fuzz/run.sh) ever broke.
///
/// Every annotated document is checked against `PipelineInvariants` (offsets in range and on
/// scalar boundaries, texts exact, tokens tiling, entities sorted and non-overlapping, JSON
/// round trip), the same checker the fuzzer uses.
@Suite(.serialized)
struct RobustnessTests {
    static let annotator = PipelineInvariants.guidelinesAnnotator
    static let thaiNERAnnotator = PipelineInvariants.thaiNERAnnotator
    static let reference = PipelineInvariants.fixedReference
    static let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent()

    // MARK: Helpers

    /// Annotates each text with both span conventions and expects every invariant to hold.
    ///
    /// The texts first go through the built `thai-annotate` (--input jsonl, both conventions),
    /// so that a text that crashes the pipeline fails this test instead of killing the whole
    /// test process; the CLI's JSON output is checked against the text as well. Texts that
    /// crash are reported and not annotated in-process (their document is nil).
    @discardableResult
    static func annotateChecked(_ texts: [String], referenceDate: CalendarDate? = nil,
                                sourceLocation: SourceLocation = #_sourceLocation) -> [Document?] {
        let crashing = crashingTexts(texts, sourceLocation: sourceLocation)
        return texts.enumerated().map { index, text in
            if crashing.contains(index) { return nil }
            let document = annotator.annotate(text, referenceDate: referenceDate)
            let problems = PipelineInvariants.violations(of: document, for: text)
            #expect(problems == [], "guidelines annotator on \(PipelineInvariants.debugScalars(text))", sourceLocation: sourceLocation)
            let other = thaiNERAnnotator.annotate(text, referenceDate: reference)
            let otherProblems = PipelineInvariants.violations(of: other, for: text)
            #expect(otherProblems == [], "thainer annotator on \(PipelineInvariants.debugScalars(text))", sourceLocation: sourceLocation)
            return document
        }
    }

    @discardableResult
    static func annotateChecked(_ text: String, referenceDate: CalendarDate? = nil,
                                sourceLocation: SourceLocation = #_sourceLocation) -> Document? {
        annotateChecked([text], referenceDate: referenceDate, sourceLocation: sourceLocation)[0]
    }

    /// The indices of the texts on which `thai-annotate` crashes (recorded as issues).
    static func crashingTexts(_ texts: [String], sourceLocation: SourceLocation) -> Set<Int> {
        func jsonl(_ indices: some Sequence<Int>) -> Data {
            var writer = JSONWriter()
            for index in indices {
                writer.raw("{\"id\":\(index),\"text\":")
                writer.string(texts[index])
                writer.raw("}\n")
            }
            return Data(writer.bytes)
        }
        let conventions = [["--input", "jsonl", "--threads", "1"],
                           ["--input", "jsonl", "--threads", "1", "--span-convention", "thainer", "--reference-date", "2017-06-07"]]
        var crashing: Set<Int> = []
        for arguments in conventions {
            // Bisect down to the texts that make the run fail.
            func failing(_ indices: ArraySlice<Int>) -> [Int] {
                guard !indices.isEmpty else { return [] }
                guard let result = try? run(arguments, stdin: jsonl(indices)) else {
                    Issue.record("cannot run thai-annotate", sourceLocation: sourceLocation)
                    return Array(indices)
                }
                if result.exited && result.status == 0 && result.lines.count == indices.count {
                    for (index, line) in zip(indices, result.lines) {
                        let record = json(line)
                        #expect(record?["id"] as? Int == index, "record \(index) out of order", sourceLocation: sourceLocation)
                        expectContractEntities(entities(record), of: texts[index], sourceLocation: sourceLocation)
                    }
                    return []
                }
                if indices.count == 1 {
                    Issue.record("thai-annotate \(arguments.dropFirst(4).joined(separator: " ")) \(result.exited ? "exited \(result.status)" : "crashed (signal \(result.status))") on \(PipelineInvariants.debugScalars(texts[indices.first!])): \(result.stderr.prefix(300))",
                                 sourceLocation: sourceLocation)
                    return Array(indices)
                }
                let middle = indices.startIndex + indices.count / 2
                return failing(indices[..<middle]) + failing(indices[middle...])
            }
            crashing.formUnion(failing(ArraySlice(texts.indices.filter { !crashing.contains($0) })))
        }
        return crashing
    }

    struct Run {
        var status: Int32
        var exited: Bool  // false when the process died of a signal (a crash)
        var stdout: Data
        var stderr: String
        var lines: [String] {
            String(decoding: stdout, as: UTF8.self).split(separator: "\n", omittingEmptySubsequences: false)
                .dropLast(stdout.last == 0x0A ? 1 : 0).map(String.init)
        }
    }

    /// Runs the built `thai-annotate` with files for stdin, stdout and stderr (no pipe can fill
    /// up, whatever the output size) and the Swift backtracer off (a crash is reported as such).
    static func run(_ arguments: [String], stdin: Data = Data()) throws -> Run {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("robust-\(UUID())")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let inURL = directory.appendingPathComponent("in"), outURL = directory.appendingPathComponent("out"),
            errURL = directory.appendingPathComponent("err")
        try stdin.write(to: inURL)
        _ = FileManager.default.createFile(atPath: outURL.path, contents: nil)
        _ = FileManager.default.createFile(atPath: errURL.path, contents: nil)
        let process = Process()
        process.executableURL = CLITests.executable
        process.arguments = arguments
        var environment = ProcessInfo.processInfo.environment
        environment["SWIFT_BACKTRACE"] = "enable=no"
        process.environment = environment
        let input = try FileHandle(forReadingFrom: inURL), output = try FileHandle(forWritingTo: outURL),
            error = try FileHandle(forWritingTo: errURL)
        defer { try? input.close(); try? output.close(); try? error.close() }
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, exited: process.terminationReason == .exit,
                   stdout: try Data(contentsOf: outURL), stderr: String(decoding: try Data(contentsOf: errURL), as: UTF8.self))
    }

    static func json(_ line: String) -> [String: Any]? {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any]
    }

    static func temporaryFile(_ bytes: some Sequence<UInt8>, name: String = "doc") throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("\(name)-\(UUID()).txt")
        try Data(bytes).write(to: url)
        return url
    }

    /// Checks a JSON-contract entity list against the text it was produced from: offsets are
    /// scalar offsets, `text` is exactly the text between them, sorted and non-overlapping.
    static func expectContractEntities(_ entities: [[String: Any]], of text: String,
                                       sourceLocation: SourceLocation = #_sourceLocation) {
        let scalars = Array(text.unicodeScalars)
        var previousEnd = 0
        for entity in entities {
            guard let start = entity["start"] as? Int, let end = entity["end"] as? Int, let surface = entity["text"] as? String,
                  0 <= start, start < end, end <= scalars.count else {
                Issue.record("bad entity \(entity) for a text of \(scalars.count) scalars", sourceLocation: sourceLocation)
                continue
            }
            #expect(Array(surface.unicodeScalars) == Array(scalars[start..<end]), "\(entity)", sourceLocation: sourceLocation)
            #expect(start >= previousEnd, "overlapping or unsorted: \(entity)", sourceLocation: sourceLocation)
            previousEnd = end
        }
    }

    static func entities(_ record: [String: Any]?) -> [[String: Any]] { record?["entities"] as? [[String: Any]] ?? [] }

    static func firstDate(_ entities: [[String: Any]]) -> [String: Any]? { entities.first { $0["type"] as? String == "DATE" } }

    // MARK: Invalid UTF-8

    static let invalidSequences: [(String, [UInt8])] = [
        ("lone continuation byte", [0x80]),
        ("0xFF", [0xFF]),
        ("overlong slash", [0xC0, 0xAF]),
        ("UTF-8-encoded surrogate", [0xED, 0xA0, 0x80]),
        ("above U+10FFFF", [0xF4, 0x90, 0x80, 0x80]),
        ("Thai letter cut short", [0xE0, 0xB8, 0x41]),
        ("truncated at the end", [0xE0, 0xB8]),
    ]

    @Test(arguments: invalidSequences.indices)
    func invalidUTF8FileIsRejectedWithItsOffsetWhileOtherFilesAreAnnotated(_ index: Int) throws {
        let (name, sequence) = Self.invalidSequences[index]
        let prefix = Array("ประชุม 7 มิถุนายน 2560 ".utf8)
        let good = "กระทรวงอุตสาหกรรม ประชุม 8 มิถุนายน 2560"
        let before = try Self.temporaryFile(Array(good.utf8), name: "good1")
        let rest = name == "truncated at the end" ? [] : Array(" ข้อความ".utf8)
        let bad = try Self.temporaryFile(prefix + sequence + rest, name: "bad")
        let after = try Self.temporaryFile(Array(good.utf8), name: "good2")
        defer { for url in [before, bad, after] { try? FileManager.default.removeItem(at: url) } }

        let result = try Self.run(["--format", "jsonl", before.path, bad.path, after.path])
        #expect(result.exited && result.status == 65, "\(name): status \(result.status)")
        #expect(result.stderr.contains(bad.path), "\(name): \(result.stderr)")
        #expect(result.stderr.contains("byte offset \(prefix.count)"), "\(name): \(result.stderr)")
        let records = result.lines.map(Self.json)
        #expect(records.count == 2, "\(name): the bad file must give no output, the good ones theirs")
        #expect(records.first??["id"] as? String == before.path)
        #expect(records.last??["id"] as? String == after.path)
        for record in records {
            #expect(Self.entities(record).map { $0["type"] as? String } == ["MINISTRY", "DATE"])
        }
    }

    @Test func invalidUTF8InJSONLGivesErrorRecordsInOrderAndTheRestIsAnnotated() throws {
        var input: [UInt8] = []
        input += Array("{\"id\":1,\"text\":\"7 มิถุนายน 2560\"}\n".utf8)
        input += Array("{\"id\":2,\"text\":\"ab".utf8) + [0xFF] + Array("cd\"}\n".utf8)
        input += [0xFF, 0xFE, 0x7B, 0x7D, 0x0A]
        input += Array("{\"id\":4,\"text\":\"ประชุม ๗ มิ.ย. ๖๐\"}\n".utf8)
        input += Array("{\"id\":\"".utf8) + [0xC0, 0xAF] + Array("\",\"text\":\"x\"}\n".utf8)
        input += Array("{\"id\":6,\"text\":\"ก".utf8) + [0xE0, 0xB8] + Array("\"}\n".utf8)
        input += Array("{\"id\":7,\"text\":\"กระทรวงอุตสาหกรรม\"}".utf8)  // no final newline

        let result = try Self.run(["--input", "jsonl", "--threads", "2"], stdin: Data(input))
        #expect(result.exited && result.status == 65)
        #expect(String(validating: result.stdout, as: UTF8.self) != nil, "output must be valid UTF-8")
        let records = result.lines.map(Self.json)
        try #require(records.count == 7, "one output line per input line: \(result.lines)")
        #expect(records.allSatisfy { $0 != nil }, "every output line is JSON")
        #expect(Self.firstDate(Self.entities(records[0]))?["value"] as? String == "2017-06-07")
        #expect(records[1]?["id"] as? Int == 2)
        #expect((records[1]?["error"] as? String)?.contains("UTF-8") == true, "clear error: \(records[1] ?? [:])")
        #expect(records[2]?["id"] is NSNull && records[2]?["error"] is String)
        #expect(Self.firstDate(Self.entities(records[3]))?["value"] as? String == "2017-06-07")
        #expect(records[4]?["error"] is String)
        #expect(records[5]?["id"] as? Int == 6 && records[5]?["error"] is String)
        #expect(Self.entities(records[6]).first?["type"] as? String == "MINISTRY")
    }

    // MARK: NUL bytes

    @Test func nulBytesAreOrdinaryCharactersInFilesAndJSONL() throws {
        let text = "\0ประชุม\0 7 มิถุนายน 2560\0กระทรวงอุตสาหกรรม\0\0"
        let file = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try Self.run(["--format", "jsonl", file.path])
        #expect(fromFile.exited && fromFile.status == 0)
        let fileEntities = Self.entities(Self.json(fromFile.lines.first ?? ""))
        #expect(fileEntities.map { $0["type"] as? String } == ["DATE", "MINISTRY"])
        #expect(Self.firstDate(fileEntities)?["start"] as? Int == 9)
        Self.expectContractEntities(fileEntities, of: text)

        // Escaped NUL is fine; a raw NUL inside a JSON string is a control character: an error record.
        let jsonl = "{\"id\":1,\"text\":\"\\u0000ประชุม\\u0000 7 มิถุนายน 2560\\u0000กระทรวงอุตสาหกรรม\\u0000\\u0000\"}\n"
            + "{\"id\":2,\"text\":\"a\0b\"}\n" + "{\"id\":3,\"text\":\"7 มิ.ย. 60\"}\n"
        let fromJSONL = try Self.run(["--input", "jsonl"], stdin: Data(jsonl.utf8))
        #expect(fromJSONL.exited && fromJSONL.status == 65)
        let records = fromJSONL.lines.map(Self.json)
        try #require(records.count == 3)
        #expect(Self.entities(records[0]).map { $0["start"] as? Int } == fileEntities.map { $0["start"] as? Int })
        Self.expectContractEntities(Self.entities(records[0]), of: text)
        #expect(records[1]?["id"] as? Int == 2 && records[1]?["error"] is String)
        #expect(Self.firstDate(Self.entities(records[2]))?["value"] as? String == "2017-06-07")

        Self.annotateChecked([text, String(repeating: "\0", count: 10_000) + "7 มิถุนายน 2560"])
    }

    // MARK: Size

    /// 50 MB on one line: a date and a ministry at both ends of a long run, through --input jsonl.
    /// Offsets past 2^24 must still be exact scalar offsets. The run is one long Georgian word
    /// (U+10D0, three UTF-8 bytes, one UTF-16 unit): a third of the code units that 50 MB of
    /// ASCII would be, so the per-unit passes of a debug build take a third of the time.
    @Test func fiftyMegabyteSingleLineDocument() throws {
        let head = "ประชุม 7 มิถุนายน 2560 "
        let tail = " กระทรวงอุตสาหกรรม 8 มิถุนายน 2560"
        // Mostly spaces with a Thai word every 64 KB: the size is what is under test, and a debug
        // build takes minutes over 50 MB of words.
        let block = String(repeating: " ", count: 65_536 - 18) + "ประชุม"
        let filler = String(repeating: block, count: 50 * 1024 * 1024 / 65_536 + 1)
        let fillerCount = filler.unicodeScalars.count
        var line = Array("{\"id\":\"big\",\"text\":\"\(head)".utf8)
        line.reserveCapacity(filler.utf8.count + 200)
        line += filler.utf8
        #expect(line.count > 50 * 1024 * 1024)
        line += Array("\(tail)\"}\n".utf8)
        let result = try Self.run(["--input", "jsonl"], stdin: Data(line))
        #expect(result.exited && result.status == 0, "\(result.stderr.prefix(300))")
        #expect(result.lines.count == 1)
        let entities = Self.entities(Self.json(result.lines.first ?? ""))
        let headCount = head.unicodeScalars.count
        let tailStart = headCount + fillerCount + 1
        #expect(entities.map { $0["type"] as? String } == ["DATE", "MINISTRY", "DATE"])
        #expect(entities.map { $0["start"] as? Int } == [7, tailStart, tailStart + 18])
        #expect(entities.last?["end"] as? Int == headCount + fillerCount + tail.unicodeScalars.count)
        #expect(entities.last?["value"] as? String == "2017-06-08")
    }

    /// 100,000 one-character records (every 1,000th a date) on 8 threads: exactly one output
    /// line per record, in order, nothing lost, no crash.
    @Test func hundredThousandTinyDocumentsGiveOneRecordEachInOrder() throws {
        let count = 100_000
        var input = ""
        input.reserveCapacity(count * 24)
        for index in 0..<count {
            let text = index % 1000 == 0 ? "\(index / 1000 % 28 + 1) มิ.ย. 60" : "ก"
            input += "{\"id\":\(index),\"text\":\"\(text)\"}"
            if index < count - 1 { input += "\n" }  // the last line has no newline
        }
        // The batch runner's output slots have raced (heap corruption, lost records) in about half
        // the runs on 8 threads; three runs make a pass by luck unlikely.
        for attempt in 1...3 {
            let failures = try Self.tinyDocumentsRun(input, count: count)
            #expect(failures == [], "run \(attempt)")
            if !failures.isEmpty { break }
        }
    }

    static func tinyDocumentsRun(_ input: String, count: Int) throws -> [String] {
        let result = try Self.run(["--input", "jsonl", "--threads", "8"], stdin: Data(input.utf8))
        guard result.exited && result.status == 0 else {
            return ["status \(result.status), \(result.exited ? "exited" : "crashed"), \(result.lines.count) lines written"]
        }
        let lines = result.lines
        guard lines.count == count else { return ["\(lines.count) lines for \(count) records"] }
        var wrong: [String] = []
        for (index, line) in lines.enumerated() where wrong.count < 5 {
            // Cheap exact check for the common record; full JSON parse for the dated ones.
            if index % 1000 != 0 {
                if line != "{\"id\":\(index),\"entities\":[],\"roles\":[]}" { wrong.append("\(index): \(line.prefix(200))") }
            } else {
                let record = Self.json(line)
                let date = Self.firstDate(Self.entities(record))
                let day = index / 1000 % 28 + 1
                if record?["id"] as? Int != index || date?["value"] as? String != String(format: "2017-06-%02d", day) {
                    wrong.append("\(index): \(line.prefix(200))")
                }
            }
        }
        return wrong
    }

    // MARK: Empty and blank

    @Test func emptyInput() throws {
        let document = try #require(Self.annotateChecked(""))
        #expect(document.tokens.isEmpty && document.entities.isEmpty)

        let jsonl = try Self.run(["--input", "jsonl"])
        #expect(jsonl.exited && jsonl.status == 0 && jsonl.stdout.isEmpty)
        let blankLines = try Self.run(["--input", "jsonl"], stdin: Data("\n\r\n   \n\t\n\n".utf8))
        #expect(blankLines.exited && blankLines.status == 0 && blankLines.stdout.isEmpty, "blank lines are skipped")
        let emptyText = try Self.run(["--input", "jsonl"], stdin: Data("{\"id\":\"e\",\"text\":\"\"}\n".utf8))
        #expect(emptyText.exited && emptyText.status == 0)
        #expect(emptyText.lines == ["{\"id\":\"e\",\"entities\":[],\"roles\":[]}"])

        let file = try Self.temporaryFile([UInt8]())
        defer { try? FileManager.default.removeItem(at: file) }
        let json = try Self.run(["--format", "json", file.path])
        #expect(json.exited && json.status == 0)
        let object = Self.json(String(decoding: json.stdout, as: UTF8.self))
        #expect(object?["text"] as? String == "")
        #expect((object?["entities"] as? [Any])?.isEmpty == true)
        let segment = try Self.run(["segment", file.path])
        #expect(segment.exited && segment.status == 0 && segment.stdout.isEmpty)
    }

    @Test func whitespaceOnlyInput() throws {
        let texts = [" ", "\n", "\r\n\r\n", " \t \u{A0}\n\u{A0}", String(repeating: " \t\r\n", count: 5000),
                     "\u{3000}\u{2003}\u{2028}\u{2029}\u{85}\u{0B}\u{0C}"]
        for (text, document) in zip(texts, Self.annotateChecked(texts)) {
            #expect(document?.entities.isEmpty == true, "\(text.debugDescription)")
        }
        let ascii = Self.annotator.annotate(" \t\u{A0}\r\n  ")
        #expect(ascii.tokens.allSatisfy { $0.kind == .whitespace }, "spaces, tabs, NBSP and line breaks are whitespace tokens")

        let result = try Self.run(["--input", "jsonl"], stdin: Data("{\"id\":1,\"text\":\" \\t\\r\\n\\u00a0 \"}\n{\"id\":2,\"text\":\"7 มิ.ย. 60\"}\n".utf8))
        #expect(result.exited && result.status == 0)
        #expect(result.lines.first == "{\"id\":1,\"entities\":[],\"roles\":[]}")
        #expect(result.lines.count == 2)
    }

    // MARK: BOM, ZWSP, ZWJ

    @Test func byteOrderMarkIsKeptInOffsetsAndDoesNotHideTheFirstEntity() throws {
        let text = "\u{FEFF}กระทรวงอุตสาหกรรม ประชุม 7 มิถุนายน 2560"
        let document = try #require(Self.annotateChecked(text))
        #expect(document.entities.map(\.type) == [.ministry, .date])
        #expect(document.entities.first?.scalarOffsets == 1..<18)

        let file = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try Self.run(["--format", "jsonl", file.path])
        #expect(result.exited && result.status == 0)
        let entities = Self.entities(Self.json(result.lines.first ?? ""))
        #expect(entities.first?["start"] as? Int == 1, "offsets count the BOM, as Python's str does")
        Self.expectContractEntities(entities, of: text)

        // A BOM inside the text (U+FEFF as a zero-width no-break space) and at the start of a JSONL file.
        Self.annotateChecked("กระทรวง\u{FEFF}อุตสาหกรรม 7\u{FEFF} มิถุนายน\u{FEFF}2560\u{FEFF}")
        let jsonl = try Self.run(["--input", "jsonl"], stdin: Data(([0xEF, 0xBB, 0xBF] + Array("{\"id\":1,\"text\":\"ก\"}\n{\"id\":2,\"text\":\"7 มิ.ย. 60\"}\n".utf8))))
        #expect(jsonl.exited)
        #expect(jsonl.lines.count == 2, "one output line per input line, BOM or not")
        #expect(Self.json(jsonl.lines.last ?? "")?["id"] as? Int == 2)
    }

    @Test func zeroWidthSpaceAndJoinerKeepOffsetsExact() throws {
        let text = "ประชุม\u{200B}7 มิถุนายน 2560\u{200B}ที่กระทรวงอุตสาหกรรม\u{200D}"
        let document = try #require(Self.annotateChecked(text))
        let date = document.entities.first { $0.type == .date }
        #expect(date?.scalarOffsets == 7..<22)
        #expect(date?.date?.value?.iso == "2017-06-07")
        #expect(document.entities.contains { $0.type == .ministry && $0.text == "กระทรวงอุตสาหกรรม" })

        // ZWJ emoji sequences: one "character", several scalars, more UTF-16 units.
        let emoji = "👩\u{200D}💻 👨\u{200D}👩\u{200D}👧\u{200D}👦 7 มิถุนายน 2560"
        let emojiDocument = Self.annotateChecked(emoji)
        #expect(emojiDocument?.entities.first?.scalarOffsets.lowerBound == 12, "3 + 1 + 7 + 1 scalars before the date")
        let result = try Self.run(["--input", "jsonl"], stdin: Data("{\"id\":1,\"text\":\"\(emoji)\"}\n".utf8))
        let entities = Self.entities(Self.json(result.lines.first ?? ""))
        #expect(Self.firstDate(entities)?["start"] as? Int == 12)
        Self.expectContractEntities(entities, of: emoji)

        Self.annotateChecked([String(repeating: "\u{200B}\u{200D}\u{200C}", count: 3000) + "กระทรวงอุตสาหกรรม",
                              "ก\u{200B}.\u{200B}พ\u{200B}.\u{200B}ร\u{200B}. \u{200D}๒๕\u{200D}๖๐"])
    }

    // MARK: JSON escapes

    @Test func escapedLoneSurrogatesAreErrorRecordsAndPairsAreOneScalar() throws {
        let lines = [
            #"{"id":1,"text":"\ud800"}"#,
            #"{"id":2,"text":"x\udc00y"}"#,
            #"{"id":3,"text":"\ud800\u0041"}"#,
            #"{"id":4,"text":"\ud83d\ude00 7 \u0e21\u0e34\u0e16\u0e38\u0e19\u0e32\u0e22\u0e19 2560"}"#,
            #"{"id":5,"text":"abc\ud800"}"#,
            #"{"id":6,"text":"\uD800\uDC00 \uDBFF\uDFFF"}"#,
            #"{"id":7,"text":"\ud800\ud800\udc00"}"#,
        ]
        let result = try Self.run(["--input", "jsonl"], stdin: Data((lines.joined(separator: "\n") + "\n").utf8))
        #expect(result.exited && result.status == 65)
        let records = result.lines.map(Self.json)
        try #require(records.count == lines.count)
        for (index, record) in records.enumerated() {
            #expect(record?["id"] as? Int == index + 1)
            let isError = [1, 2, 3, 5, 7].contains(index + 1)
            #expect((record?["error"] as? String)?.contains("surrogate") == (isError ? true : nil), "\(result.lines[index])")
        }
        let date = Self.firstDate(Self.entities(records[3]))
        #expect(date?["start"] as? Int == 2, "the escaped pair is one scalar")
        #expect(date?["text"] as? String == "7 มิถุนายน 2560")
        #expect(Self.entities(records[5]).isEmpty)
    }

    /// Some `id`s are accepted but are not JSON (nan, 0x10, +1, 01, ...); they are echoed raw and
    /// the output line is then not JSON either. Every output line must be JSON.
    @Test func everyOutputLineIsJSONWhateverTheID() throws {
        let ids = ["nan", "inf", "-infinity", "0x10", "+1", "01", "1.", ".5", "1e5", "-0", "true", "null", "[1,{\"a\":[]}]", "\"s\""]
        let input = ids.map { "{\"id\": \($0), \"text\": \"7 มิ.ย. 60\"}" }.joined(separator: "\n") + "\n"
        let result = try Self.run(["--input", "jsonl"], stdin: Data(input.utf8))
        #expect(result.exited)
        try #require(result.lines.count == ids.count)
        for (id, line) in zip(ids, result.lines) {
            let record = Self.json(line)
            #expect(record != nil, "id \(id) gave a line that is not JSON: \(line)")
            let valid = ["1e5", "-0", "true", "null", "[1,{\"a\":[]}]", "\"s\""].contains(id)
            #expect(valid == (record?["entities"] != nil), "id \(id): \(line)")
        }
        #expect(result.status == 65, "records with invalid JSON are bad data")
    }

    /// A deeply nested `id` must give one record (an error, or the id echoed), not a crash
    /// that loses the whole batch.
    @Test func deeplyNestedIDIsNotACrash() throws {
        let depth = 300_000
        let nested = String(repeating: "[", count: depth) + String(repeating: "]", count: depth)
        let input = "{\"id\":1,\"text\":\"7 มิ.ย. 60\"}\n{\"id\":\(nested),\"text\":\"ก\"}\n{\"id\":3,\"text\":\"8 มิ.ย. 60\"}\n"
        let result = try Self.run(["--input", "jsonl", "--threads", "1"], stdin: Data(input.utf8))
        #expect(result.exited, "thai-annotate crashed (status \(result.status))")
        #expect(result.lines.count == 3)
        #expect(Self.firstDate(Self.entities(Self.json(result.lines.last ?? "")))?["value"] as? String == "2017-06-08")
    }

    // MARK: Line ends, punctuation, digits, marks

    @Test func mixedLineEndsCountAsTheirScalars() throws {
        let text = "ประชุม\r\n7 มิถุนายน 2560\n\rกระทรวงอุตสาหกรรม\r\n\r\nวันนี้ (8 มิ.ย. 60)\r"
        let document = try #require(Self.annotateChecked(text, referenceDate: Self.reference))
        #expect(document.entities.first?.scalarOffsets == 8..<23, "\\r\\n is two scalars (one Character)")
        #expect(document.entities.contains { $0.type == .ministry && $0.scalarOffsets == 25..<42 })

        let file = try Self.temporaryFile(Array(text.utf8))
        defer { try? FileManager.default.removeItem(at: file) }
        let fromFile = try Self.run(["--format", "jsonl", "--reference-date", "2017-06-07", file.path])
        let escaped = text.replacingOccurrences(of: "\r", with: "\\r").replacingOccurrences(of: "\n", with: "\\n")
        let fromJSONL = try Self.run(["--input", "jsonl", "--reference-date", "2017-06-07"],
                                     stdin: Data("{\"id\":1,\"text\":\"\(escaped)\"}\r\n".utf8))
        #expect(fromFile.status == 0 && fromJSONL.status == 0)
        let fileEntities = Self.entities(Self.json(fromFile.lines.first ?? ""))
        let jsonlEntities = Self.entities(Self.json(fromJSONL.lines.first ?? ""))
        Self.expectContractEntities(fileEntities, of: text)
        #expect(fileEntities.map { "\($0["type"]!) \($0["start"]!) \($0["end"]!)" } == document.entities.map { "\($0.type.rawValue) \($0.scalarOffsets.lowerBound) \($0.scalarOffsets.upperBound)" })
        #expect(jsonlEntities.map { "\($0["type"]!) \($0["start"]!)" } == fileEntities.map { "\($0["type"]!) \($0["start"]!)" })
    }

    @Test func longRunsOfPunctuationFinishAndHold() throws {
        let runs = [
            String(repeating: ".", count: 30_000),
            String(repeating: "(", count: 15_000) + "7 มิถุนายน 2560" + String(repeating: ")", count: 15_000),
            String(repeating: "ก.", count: 15_000),
            String(repeating: "-", count: 15_000) + "2560" + String(repeating: "-", count: 15_000),
            String(repeating: "7 มิถุนายน 2560 - ", count: 2_000),
            String(repeating: "ๆฯ\"'“”«»!?/\\,;:", count: 2_000),
            String(repeating: "พ.ศ.", count: 10_000),
            String(repeating: "( )", count: 1_000),
            String(repeating: "(ก.พ.ร.)", count: 1_000),
        ]
        Self.annotateChecked(runs)
        let bracketed = Self.annotator.annotate(String(repeating: "(", count: 1000) + "7 มิถุนายน 2560" + String(repeating: ")", count: 1000))
        #expect(bracketed.entities.first?.scalarOffsets == 1000..<1015)
    }

    /// Doubling a run of bracketed acronyms must about double the time, not quadruple it.
    /// Thousands of bracketed acronyms in one document (once quadratic in the definition scan;
    /// its speed is the benchmark's business, its output this test's).
    @Test func thousandsOfBracketedAcronymsAreEachFound() throws {
        let document = Self.annotator.annotate(String(repeating: "(ก.พ.ร.)", count: 3_000))
        let acronyms = document.entities.filter { $0.type == .acronym }
        #expect(acronyms.count == 3_000)
        #expect(acronyms.allSatisfy { $0.text == "ก.พ.ร." })
    }

    @Test func thaiDigitsEverywhere() throws {
        let cases: [(String, String)] = [
            ("๗ มิถุนายน ๒๕๖๐", "2017-06-07"),
            ("๒๕-๓๐ ก.ค. ๖๐", "2017-07-25/2017-07-30"),
            ("วันที่ ๓๑ สิงหาคม ๒๕๖๑", "2018-08-31"),
            ("ปีงบประมาณ ๒๕๖๑", ""),
        ]
        for ((text, value), document) in zip(cases, Self.annotateChecked(cases.map(\.0))) {
            let date = document?.entities.first { $0.type == .date }
            #expect(date != nil, "\(text)")
            if !value.isEmpty { #expect(date?.date?.value?.iso == value, "\(text)") }
        }
        // Pseudo-random soup of Thai digits, month names, separators and brackets.
        var generator = SplitMix(seed: 42)
        let pieces = ["๐", "๑", "๒", "๓", "๔", "๕", "๖", "๗", "๘", "๙", " ", "-", ".", "/", "(", ")", "มิถุนายน", "มิ.ย.",
                      "พ.ศ.", "ปี", "วันที่", "ถึง", "2", "5", "๒๕๖๐", "๓๑", "ก.พ.", "เดือน", "ทุกปี"]
        var soups: [String] = []
        for _ in 0..<12 {
            var text = ""
            for _ in 0..<1_500 { text += pieces[Int(generator.next() % UInt64(pieces.count))] }
            soups.append(text)
        }
        Self.annotateChecked(soups + [String(repeating: "๙", count: 50_000)])
    }

    @Test func emojiAndCombiningMarksOutOfOrderKeepScalarsExact() throws {
        let texts = [
            "\u{0E31}\u{0E48}7 มิถุนายน 2560",                         // marks with no base
            "กระทรวงอุตสาหกรรม\u{0E48}\u{0E31}\u{0E4C} 7 มิถุนายน 2560\u{0301}", // marks stacked after a name, after a year
            "e\u{0301}\u{0323} 7 มิถุนายน 2560",                       // two marks in one order ...
            "e\u{0323}\u{0301} 7 มิถุนายน 2560",                       // ... and in the canonical one
            "👍🏽 🇹🇭🇯🇵 7\u{FE0F}\u{20E3} ☎\u{FE0E} 🏴\u{E0067}\u{E0062}\u{E0073}\u{E0063}\u{E0074}\u{E007F} 7 มิถุนายน 2560",
            "7\u{0E48} มิ\u{0E31}ถุนายน 2560 ก\u{0301}.\u{0301}พ\u{0301}.",
            String(repeating: "\u{0E48}", count: 5_000) + "กระทรวงอุตสาหกรรม",
            String(repeating: "🇹", count: 2_001) + " 7 มิถุนายน 2560",
        ]
        // annotateChecked also runs the texts through the CLI and checks that every entity's
        // text is the input's scalars between its offsets: the CLI must not normalise.
        let documents = Self.annotateChecked(texts)
        for (text, document) in zip(texts.prefix(5), documents) {
            #expect(document?.entities.contains { $0.type == .date && $0.text == "7 มิถุนายน 2560" } == true, "\(text.debugDescription)")
        }
    }

    // MARK: Concurrency

    /// One annotator shared by 8 concurrent tasks gives exactly what sequential runs give.
    @Test func sharedAnnotatorAcrossEightTasksMatchesSequentialRuns() async throws {
        let directory = Self.packageRoot.appendingPathComponent("corpus/documents")
        let names = try FileManager.default.contentsOfDirectory(atPath: directory.path).filter { $0.hasSuffix(".txt") }.sorted()
        let texts = try names.prefix(24).map { try String(contentsOf: directory.appendingPathComponent($0), encoding: .utf8) }
            + ["", "🇹🇭 วันพุธที่ 7 มิถุนายน 2560", "\u{FEFF}ก\u{0E48}\u{0E31}\r\n๒๕-๓๐ ก.ค. ๖๐"]
        try #require(texts.count > 20)
        let annotator = Self.annotator
        let sequential = texts.map { annotator.annotate($0) }
        let concurrent = await withTaskGroup(of: (Int, [Document]).self) { group in
            for task in 0..<8 {
                group.addTask {
                    // Each task walks the texts from a different place, so different texts are in flight.
                    let order = texts.indices.map { ($0 + task * 3) % texts.count }
                    var results = [Document?](repeating: nil, count: texts.count)
                    for index in order { results[index] = annotator.annotate(texts[index]) }
                    return (task, results.map { $0! })
                }
            }
            var all: [(Int, [Document])] = []
            for await result in group { all.append(result) }
            return all
        }
        #expect(concurrent.count == 8)
        for (task, documents) in concurrent {
            for (index, document) in documents.enumerated() where document != sequential[index] {
                Issue.record("task \(task) differs from the sequential run on text \(index)")
            }
        }
    }

    // MARK: Fuzz regressions

    static var fuzzRegressionFiles: [String] {
        guard let directory = Bundle.module.url(forResource: "Fixtures/fuzz-regressions", withExtension: nil) else { return [] }
        return ((try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? [])
            .filter { !$0.hasPrefix(".") && $0 != "README.md" }.sorted()
    }

    @Test func fuzzRegressionsAreBundled() {
        #expect(!Self.fuzzRegressionFiles.isEmpty, "Fixtures/fuzz-regressions is missing from the test bundle")
    }

    /// Every input that ever crashed the fuzzer or broke an invariant, through the pipeline the
    /// way Fuzz/AnnotatorFuzzer.swift runs it (bytes decoded as UTF-8 with replacement).
    @Test(arguments: fuzzRegressionFiles)
    func fuzzRegression(_ name: String) throws {
        let url = try #require(Bundle.module.url(forResource: "Fixtures/fuzz-regressions/\(name)", withExtension: nil))
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        Self.annotateChecked(text)
    }
}

/// A small deterministic generator for the pseudo-random inputs above.
struct SplitMix {
    var state: UInt64
    init(seed: UInt64) { state = seed }
    mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
