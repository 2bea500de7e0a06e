import ArgumentParser
import ThaiAnnotator

#if canImport(Glibc)
import Glibc
#endif

/// `thai-annotate bench`: throughput of each stage beside a bare C loop over ICU's break
/// iterator on the same text, in one process: each stage runs chunk by chunk, right after the
/// bare loop on the same chunk, and the ratios are medians over rounds.
struct Bench: ParsableCommand {
    static let configuration = CommandConfiguration(
        abstract: "Measure segmentation and annotation throughput against a bare ICU break-iterator loop.")

    @Argument(help: "A JSONL file of {\"text\": ...} documents (e.g. the thaigov dev set, unpacked).")
    var input: String

    @Option(help: "Use at most this many documents.")
    var limit: Int = 2000

    @Option(help: "Measured rounds (medians are reported).")
    var rounds: Int = 5

    @Option(name: .customLong("stream-megabytes"), help: "Megabytes of documents to stream through the batch API in this process and through a child `thai-annotate --input jsonl -`, to measure memory (0: skip).")
    var streamMegabytes: Int = 200

    @Option(name: .customLong("model"), help: ModelArgument.help)
    var model: ModelArgument = .bundled

    func run() throws {
        let clockStart = monotonicSeconds()
        let annotator = try model.annotator(Annotator.Configuration())
        // The first document also pays for tables read on first use (name lists, word frequencies).
        _ = annotator.annotate("นายสมชัย มาเสถียร เดินทางไปจังหวัดลำปาง เมื่อวันที่ 1 มกราคม 2563")
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
        var sink = 0
        func segmentOnly(_ chunk: ArraySlice<String>) { for text in chunk { sink &+= segmenter.tokens(in: text).count } }
        func entities(_ chunk: ArraySlice<String>) {
            for text in chunk {
                let utf16 = UTF16Text(text)
                sink &+= annotator.recognizer.mentions(in: utf16, tokens: segmenter.tokens(in: utf16)).count
            }
        }
        func entitiesAndModel(_ chunk: ArraySlice<String>) {
            for text in chunk {
                let utf16 = UTF16Text(text)
                sink &+= annotator.namedMentions(in: utf16, tokens: segmenter.tokens(in: utf16)).count
            }
        }
        func dates(_ chunk: ArraySlice<String>) {
            for text in chunk {
                let utf16 = UTF16Text(text)
                let tokens = segmenter.tokens(in: utf16)
                sink &+= annotator.dateNormalizer.dates(in: utf16, tokens: tokens,
                                                        referenceDate: annotator.dateNormalizer.documentDate(in: utf16)).count
            }
        }
        func roles(_ chunk: ArraySlice<String>) {
            guard let linker = annotator.roleLinker else { return entities(chunk) }
            for text in chunk {
                let utf16 = UTF16Text(text)
                let tokens = segmenter.tokens(in: utf16)
                sink &+= linker.links(in: utf16, tokens: tokens, mentions: annotator.recognizer.mentions(in: utf16, tokens: tokens)).count
            }
        }
        // Both annotate stages go through the library's batch API, as `--input jsonl` does; with
        // one thread it runs on the calling thread.
        func annotate(_ chunk: ArraySlice<String>, threads: Int) {
            for bytes in OrderedBatch(chunk, threads: threads, transform: { Self.jsonl(annotator.annotate($0)) }) { sink &+= bytes.count }
        }
        func annotate1(_ chunk: ArraySlice<String>) { annotate(chunk, threads: 1) }
        func annotate2(_ chunk: ArraySlice<String>) { annotate(chunk, threads: 2) }
        // Each stage runs chunk by chunk, each chunk right after the bare loop on the same chunk,
        // so that a ratio compares runs a fraction of a second apart: the machine's speed drifts
        // over seconds, and rounds of whole passes let that drift into the ratios.
        let chunkSize = 100
        let chunks = stride(from: 0, to: texts.count, by: chunkSize).map { texts[$0..<min($0 + chunkSize, texts.count)] }
        var stages: [(name: String, run: (ArraySlice<String>) -> Void)] = [
            ("segment (typed tokens with offsets)", segmentOnly), ("segment + entities", entities),
            ("segment + dates", dates), ("annotate, 1 thread (JSONL output)", annotate1),
            ("annotate, 2 threads (JSONL output)", annotate2), ("segment + entities + roles", roles),
        ]
        // Without a model, entities + model would time the entities stage a second time.
        let hasModel = annotator.tagger != nil
        if hasModel { stages.append(("segment + entities + model", entitiesAndModel)) }
        // seconds[stage][round], and the bare loop's seconds on the same chunks beside them.
        var seconds = [[Double]](repeating: [], count: stages.count)
        var bareSeconds = [[Double]](repeating: [], count: stages.count)
        for _ in 0..<rounds {
            for (index, stage) in stages.enumerated() {
                var bare = 0.0, staged = 0.0
                for chunk in chunks {
                    bare += measure { for text in chunk { sink &+= segmenter.bareICUBoundaryCount(utf8: text) } }
                    staged += measure { stage.run(chunk) }
                }
                bareSeconds[index].append(bare)
                seconds[index].append(staged)
            }
        }
        // Per round: how many times the bare loop's speed a stage ran at.
        let ratios = stages.indices.map { index in zip(bareSeconds[index], seconds[index]).map { $0 / $1 } }
        func row(_ index: Int) -> String {
            pad(stages[index].name, 44) + pad(format(megabytes / median(seconds[index])) + " MB/s", 14)
                + "  " + format(median(ratios[index])) + "x bare ICU"
        }
        print("documents: \(texts.count), UTF-8 input: \(format(megabytes)) MB, rounds: \(rounds), ICU \(WordSegmenter.icuVersion)")
        print(pad("bare C loop over ICU's break iterator", 44) + pad(format(megabytes / median(bareSeconds.flatMap { $0 })) + " MB/s", 14))
        for index in hasModel ? [0, 1, 5, 6, 3, 4] : [0, 1, 5, 3, 4] { print(row(index)) }
        print("2 threads / 1 thread: " + format(median(zip(ratios[4], ratios[3]).map { $0 / $1 })) + "x")
        // The date stage's time is segment + dates less segment alone, each in bare-loop units.
        let dateShare = (0..<rounds).map { round in
            (1 / ratios[2][round] - 1 / ratios[0][round]) / (1 / ratios[3][round])
        }
        print("date stage share of 1-thread annotate time: " + format(100 * max(0, median(dateShare))) + "%")
        // The role stage's: segment + entities + roles less segment + entities.
        let roleShare = (0..<rounds).map { round in
            (1 / ratios[5][round] - 1 / ratios[1][round]) / (1 / ratios[3][round])
        }
        print("role stage share of 1-thread annotate time: " + format(100 * max(0, median(roleShare))) + "%")
        // The model's time is entities + model less entities alone, likewise.
        if hasModel {
            let modelShare = (0..<rounds).map { round in
                (1 / ratios[6][round] - 1 / ratios[1][round]) / (1 / ratios[3][round])
            }
            print("model stage share of 1-thread annotate time: " + format(100 * max(0, median(modelShare))) + "%")
        } else {
            print("model stage share of 1-thread annotate time: no model loaded (--model off)")
        }
        print("start-up (building the annotator and annotating a first sentence, gazetteers included): " + format(startup * 1000) + " ms")
        var usage = rusage()
        getrusage(RUSAGE_SELF.rawValue, &usage)
        print("peak RSS: " + format(Double(usage.ru_maxrss) / 1024) + " MB")
        if streamMegabytes > 0 {
            // In this process: the library's batch API over a lazy stream of the documents, repeated
            // up to the size given; resident memory is sampled as it goes.
            let target = streamMegabytes * 1_000_000
            var produced = 0
            let stream = sequence(state: 0) { (index: inout Int) -> String? in
                guard produced < target else { return nil }
                let text = texts[index % texts.count]
                index += 1
                produced += text.utf8.count
                return text
            }
            func resident() -> Double { Double(StreamProbe.statusKilobytes("VmRSS", of: "self") ?? 0) / 1024 }
            let residentBefore = resident()
            var residentMost = residentBefore
            let streamStart = monotonicSeconds()
            for (index, document) in annotator.annotate(stream, threads: 2).enumerated() {
                sink &+= document.entities.count
                if index % 256 == 0 { residentMost = max(residentMost, resident()) }
            }
            print("in process, \(format(Double(produced) / 1_000_000)) MB through annotator.annotate(_:threads: 2): resident "
                  + "\(format(residentBefore)) MB before, at most \(format(residentMost)) MB during, "
                  + "\(format(Double(produced) / 1_000_000 / (monotonicSeconds() - streamStart))) MB/s")
            let probe = StreamProbe(records: rawRecords, megabytes: streamMegabytes, threads: 2)
            if let result = probe.run() {
                print("streaming \(format(result.megabytesIn)) MB through stdin (--input jsonl --threads 2): "
                      + "peak RSS \(format(result.peakRSSMegabytes)) MB (\(format(result.earlyPeakRSSMegabytes)) MB after the first "
                      + "tenth), \(format(result.megabytesIn / result.seconds)) MB/s, exit status \(result.exitStatus)")
            } else {
                print("streaming through stdin: could not start the child process")
            }
        }
        if sink == 42 { print("") }
    }

    private static func jsonl(_ document: Document) -> [UInt8] {
        var writer = JSONWriter()
        writer.annotationRecord(rawID: "0", entities: document.entities, roles: document.roles)
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
