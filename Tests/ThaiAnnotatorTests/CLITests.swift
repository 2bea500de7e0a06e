import Foundation
import Testing

/// The `thai-annotate` command-line contract: JSONL in and out, order, error records, exit codes.
struct CLITests {
    /// The built executable, next to the test bundle.
    static let executable: URL = {
        let exe = URL(fileURLWithPath: "/proc/self/exe").resolvingSymlinksInPath()
        var directory = exe.deletingLastPathComponent()
        while !FileManager.default.fileExists(atPath: directory.appendingPathComponent("thai-annotate").path),
              directory.path != "/" {
            directory = directory.deletingLastPathComponent()
        }
        return directory.appendingPathComponent("thai-annotate")
    }()

    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
        var lines: [String] { stdout.split(separator: "\n").map(String.init) }
    }

    static func run(_ arguments: [String], stdin: Data = Data()) throws -> Run {
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let input = Pipe(), output = Pipe(), error = Pipe()
        process.standardInput = input
        process.standardOutput = output
        process.standardError = error
        try process.run()
        let writer = Thread { input.fileHandleForWriting.write(stdin); try? input.fileHandleForWriting.close() }
        writer.start()
        let out = output.fileHandleForReading.readDataToEndOfFile()
        let err = error.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Run(status: process.terminationStatus, stdout: String(decoding: out, as: UTF8.self),
                   stderr: String(decoding: err, as: UTF8.self))
    }

    static func json(_ line: String) -> [String: Any] {
        (try? JSONSerialization.jsonObject(with: Data(line.utf8))) as? [String: Any] ?? [:]
    }

    @Test func jsonlKeepsOrderAndIDsAndReportsBadLines() throws {
        var input = ""
        for index in 0..<300 {
            switch index % 50 {
            case 7: input += "{\"id\": \(index), \"text\": 42}\n"
            case 13: input += "not json at all\n"
            default: input += "{\"id\": {\"n\": \(index)}, \"text\": \"วันนี้ (\(index % 28 + 1) มิ.ย.60) ประชุม\", \"referenceDate\": \"2017-06-07\"}\n"
            }
        }
        let result = try Self.run(["--input", "jsonl", "--threads", "2"], stdin: Data(input.utf8))
        #expect(result.status == 65)
        #expect(result.lines.count == 300)
        for (index, line) in result.lines.enumerated() {
            let object = Self.json(line)
            switch index % 50 {
            case 7:
                #expect(object["id"] as? Int == index)
                #expect(object["error"] is String)
            case 13:
                #expect(object["id"] is NSNull)
                #expect(object["error"] is String)
            default:
                #expect((object["id"] as? [String: Any])?["n"] as? Int == index)
                #expect(object["entities"] is [Any])
            }
        }
    }

    @Test func jsonlOffsetsAreScalarOffsetsThatRoundTrip() throws {
        let text = "🇹🇭 วันพุธที่ 7 มิถุนายน 2560 ครบ 130 ปี"
        let line = "{\"id\": \"a\", \"text\": \"\(text)\"}\n"
        let result = try Self.run(["annotate", "--input", "jsonl"], stdin: Data(line.utf8))
        #expect(result.status == 0)
        let entities = Self.json(result.lines.first ?? "")["entities"] as? [[String: Any]] ?? []
        let scalars = Array(text.unicodeScalars)
        #expect(!entities.isEmpty)
        for entity in entities {
            let start = entity["start"] as! Int, end = entity["end"] as! Int
            #expect(String(String.UnicodeScalarView(scalars[start..<end])) == entity["text"] as? String)
        }
        let date = entities.first { $0["type"] as? String == "DATE" }
        #expect(date?["value"] as? String == "2017-06-07")
        #expect(date?["grain"] as? String == "day")
        #expect(date?["start"] as? Int == 13)  // 🇹🇭 is two scalars
    }

    @Test func loneSurrogateAndMissingTextAreErrorRecords() throws {
        let input = "{\"id\": 1, \"text\": \"a\\ud800b\"}\n{\"id\": 2}\n{\"id\": 3, \"text\": \"ok\"}\n"
        let result = try Self.run(["--input", "jsonl"], stdin: Data(input.utf8))
        #expect(result.status == 65)
        #expect(result.lines.count == 3)
        #expect(Self.json(result.lines[0])["error"] is String)
        #expect(Self.json(result.lines[1])["error"] is String)
        #expect(Self.json(result.lines[2])["entities"] is [Any])
    }

    @Test func invalidUTF8FileNamesTheFileAndOffset() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("bad-\(UUID()).txt")
        try Data([0xE0, 0xB8, 0x81, 0x20, 0xFF, 0x41]).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        let result = try Self.run([path.path])
        #expect(result.status == 65)
        #expect(result.stderr.contains(path.path))
        #expect(result.stderr.contains("byte offset 4"))
    }

    @Test func exitCodes() throws {
        #expect(try Self.run(["/nonexistent/file.txt"]).status == 66)
        #expect(try Self.run(["--format", "yaml"]).status == 64)
        #expect(try Self.run(["--reference-date", "2017-02-30"]).status == 64)
        #expect(try Self.run([], stdin: Data()).status == 0)
    }

    @Test func modelFileErrors() throws {
        let missing = try Self.run(["--model", "/nonexistent/model.bin"], stdin: Data("นายสมชาย".utf8))
        #expect(missing.status == 66)
        #expect(missing.stderr.contains("/nonexistent/model.bin"))
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("not-a-model-\(getpid()).bin")
        try Data("THTG but not a model".utf8).write(to: path)
        defer { try? FileManager.default.removeItem(at: path) }
        for command in [["annotate"], ["bench", "/dev/null"], ["eval"]] {
            let result = try Self.run(command + ["--model", path.path], stdin: Data("นายสมชาย".utf8))
            #expect(result.status == 65, "\(command)")
            #expect(result.stderr.contains("malformed tagger model"), "\(command)")
        }
    }

    @Test func segmentPrintsOneLinePerInputLine() throws {
        let result = try Self.run(["segment"], stdin: Data("กระทรวงอุตสาหกรรม\r\nSMRJ 2560\n".utf8))
        #expect(result.status == 0)
        #expect(result.lines == ["กระทรวง|อุตสาหกรรม", "SMRJ| |2560"])
    }

    @Test func textOutputMarksEntities() throws {
        let result = try Self.run(["--reference-date", "2017-06-07"], stdin: Data("ประชุม 7 มิถุนายน 2560".utf8))
        #expect(result.stdout.contains("[7 มิถุนายน 2560]DATE=2017-06-07"))
    }

    @Test func parseDate() throws {
        let run = try Self.run(["parse-date", "15 ก.ค. 2565", "15 07 2565", "29 ก.พ. 2566"])
        #expect(run.lines == ["2022-07-15", "2022-07-15", "error: no such day"])
        #expect(run.status == 65)
        let piped = try Self.run(["parse-date", "--reference-date", "2020-01-01"], stdin: Data("15-ก.ค.-2565\nพรุ่งนี้\n".utf8))
        #expect(piped.lines == ["2022-07-15", "2020-01-02"])
        #expect(piped.status == 0)
    }

    @Test func repairDatesFlag() throws {
        let text = "วันพุธที่ 10 มกราคม 2561\nประชุมเมื่อวันพุธที่ ๑๐ มกราคม ๒๔๖๑ ณ ทำเนียบรัฐบาล"
        let plain = try Self.run(["--format", "json", "-"], stdin: Data(text.utf8))
        #expect(plain.stdout.contains("\"value\":\"1918-01-10\""))
        #expect(plain.stdout.contains("\"suggestedValue\":\"2018-01-10\""))
        let repaired = try Self.run(["--format", "json", "--repair-dates", "-"], stdin: Data(text.utf8))
        #expect(!repaired.stdout.contains("1918-01-10"))
        #expect(repaired.stdout.contains("\"suggestedValue\":\"2018-01-10\""))
    }
}
