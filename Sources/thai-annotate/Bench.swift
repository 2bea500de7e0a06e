import ArgumentParser
import Dispatch
import ThaiAnnotator

#if canImport(Glibc)
import Glibc
#endif

/// `thai-annotate bench`: throughput of each stage beside a bare C loop over ICU's break
/// iterator on the same text, measured in alternating rounds in one process.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure segmentation and annotation throughput against a bare ICU break-iterator loop.")

    @Argument(help: "A JSONL file of {\"text\": ...} documents (e.g. the thaigov dev set, unpacked).")
    var input: String

    @Option(help: "Use at most this many documents.")
    var limit: Int = 2000

    @Option(help: "Measured rounds (medians are reported).")
    var rounds: Int = 5

    @Option(name: .customLong("stream-megabytes"), help: "Megabytes of JSONL to stream through a child `thai-annotate --input jsonl -` to measure its peak memory (0: skip).")
    var streamMegabytes: Int = 200

    func run() throws {
        let clockStart = monotonicSeconds()
        let annotator = try Annotator()
        let startup = monotonicSeconds() - clockStart

        var loaded: [String] = []
        var rawRecords: [[UInt8]] = []
        guard let file = InputFile(path: input).open() else {
            printError("thai-annotate: cannot open \(input)")
            throw Exit.noInput
        }
        var reader = LineReader(file: file)
        while loaded.count < limit {
            let lines = reader.nextChunk(maxLines: limit - loaded.count, maxBytes: 64 << 20)
            if lines.isEmpty { break }
            for line in lines {
                guard case .success(let record) = JSONLRecord.parse(line) else { continue }
                loaded.append(record.text)
                rawRecords.append(Array(line) + [0x0A])
            }
        }
        fclose(file)
        let texts = loaded
        let megabytes = Double(texts.reduce(0) { $0 + $1.utf8.count }) / 1_000_000
        let segmenter = annotator.segmenter

        func measure(_ body: () -> Void) -> Double { let start = monotonicSeconds(); body(); return monotonicSeconds() - start }
        var bare: [Double] = [], segment: [Double] = [], entities: [Double] = []
        var annotate1: [Double] = [], annotate2: [Double] = []
        var dateShare: [Double] = []
        var sink = 0
        for _ in 0..<rounds {
            bare.append(measure { for text in texts { sink &+= segmenter.bareICUBoundaryCount(utf8: text) } })
            segment.append(measure { for text in texts { sink &+= segmenter.tokens(in: text).count } })
            entities.append(measure {
                for text in texts {
                    let utf16 = UTF16Text(text)
                    sink &+= annotator.recognizer.mentions(in: utf16, tokens: segmenter.tokens(in: utf16)).count
                }
            })
            annotate1.append(measure { for text in texts { sink &+= jsonl(annotator.annotate(text)).count } })
            annotate2.append(measure {
                let next = Counter()
                DispatchQueue.concurrentPerform(iterations: 2) { _ in
                    while let index = next.take(below: texts.count) {
                        _ = jsonl(annotator.annotate(texts[index]))
                    }
                }
            })
            dateShare.append(measure {
                for text in texts {
                    let utf16 = UTF16Text(text)
                    let tokens = segmenter.tokens(in: utf16)
                    sink &+= annotator.dateNormalizer.dates(in: utf16, tokens: tokens,
                                                            referenceDate: annotator.dateNormalizer.documentDate(in: utf16)).count
                }
            } - segment.last!)
        }
        let bareMedian = median(bare)
        func row(_ name: String, _ seconds: [Double]) -> String {
            let throughput = megabytes / median(seconds)
            let ratios = zip(bare, seconds).map { $0 / $1 }
            return pad(name, 44) + pad(format(throughput) + " MB/s", 14) + "  " + format(median(ratios)) + "x bare ICU"
        }
        print("documents: \(texts.count), UTF-8 input: \(format(megabytes)) MB, rounds: \(rounds), ICU \(WordSegmenter.icuVersion)")
        print(pad("bare C loop over ICU's break iterator", 44) + pad(format(megabytes / bareMedian) + " MB/s", 14))
        print(row("segment (typed tokens with offsets)", segment))
        print(row("segment + entities", entities))
        print(row("annotate, 1 thread (JSONL output)", annotate1))
        print(row("annotate, 2 threads (JSONL output)", annotate2))
        print("2 threads / 1 thread: " + format(median(zip(annotate1, annotate2).map { $0 / $1 })) + "x")
        print("date stage share of 1-thread annotate time: " + format(100 * max(0, median(dateShare)) / median(annotate1)) + "%")
        print("start-up (building the annotator, gazetteers included): " + format(startup * 1000) + " ms")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak RSS: " + format(Double(usage.ru_maxrss) / 1024) + " MB")
        if streamMegabytes > 0 {
            let probe = StreamProbe(records: rawRecords, megabytes: streamMegabytes, threads: 2)
            if let result = probe.run() {
                print("streaming \(format(result.megabytesIn)) MB through stdin (--input jsonl --threads 2): "
                      + "peak RSS \(format(result.peakRSSMegabytes)) MB, \(format(result.megabytesIn / result.seconds)) MB/s, "
                      + "exit status \(result.exitStatus)")
            } else {
                print("streaming through stdin: could not start the child process")
            }
        }
        if sink == 42 { print("") }
    }

    private func jsonl(_ document: Document) -> [UInt8] {
        var writer = JSONWriter()
        writer.annotationRecord(rawID: "0", entities: document.entities)
        return writer.bytes
    }

    private func median(_ values: [Double]) -> Double {
        let sorted = values.sorted()
        return sorted.isEmpty ? 0 : sorted[sorted.count / 2]
    }

    private func format(_ value: Double) -> String {
        let scaled = (value * 100).rounded() / 100
        return String(scaled)
    }

    private func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text + " " : text + String(repeating: " ", count: width - text.count)
    }
}
