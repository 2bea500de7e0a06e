// Leak check driver: annotates the first N thaigov documents (JSONL, one {"text": ...} a line)
// with annotators that are built, used from several threads (so the segmenter's pool clones
// several ICU break iterators) and destroyed again, then exits. Built with AddressSanitizer by
// Fuzz/leak-check.sh; LeakSanitizer runs at exit and reports every allocation nothing can reach
// any more: an ICU iterator that was never closed, a Swift object kept alive by nothing, ...
// It also prints the heap in use after each round, which must not grow with the rounds.

import CICU
import Dispatch
import Foundation
import ThaiAnnotator

@main
struct LeakCheck {
    struct Record: Decodable { var text: String }

    static func main() throws {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2 else {
            FileHandle.standardError.write(Data("usage: leak-check FILE.jsonl [LIMIT] [ROUNDS]\n".utf8))
            exit(64)
        }
        let limit = arguments.count > 2 ? Int(arguments[2]) ?? 1000 : 1000
        let rounds = arguments.count > 3 ? Int(arguments[3]) ?? 3 : 3
        if ProcessInfo.processInfo.environment["LEAK_CHECK_SELFTEST"] != nil {
            // The positive control: an ICU break iterator opened and never closed must be reported.
            leakOneICUIterator()
            print("self-test: leaked one ICU break iterator on purpose")
            return
        }
        let texts = try loadTexts(arguments[1], limit: limit)
        print("documents: \(texts.count), UTF-8 bytes: \(texts.reduce(0) { $0 + $1.utf8.count })")
        for round in 1...rounds {
            let entities = annotateAll(texts, threads: round == 1 ? 1 : 4)
            print("round \(round): \(entities) entities, heap in use \(heapInUse() / 1024) KB")
        }
        // The segmenter on its own, and the JSON paths, once more.
        do {
            let segmenter = try WordSegmenter()
            var tokens = 0
            for text in texts.prefix(100) { tokens += segmenter.tokens(in: text).count }
            let annotator = try Annotator()
            let document = annotator.annotate(texts.first ?? "")
            _ = try JSONDecoder().decode(Document.self, from: JSONEncoder().encode(document))
            print("segmenter: \(tokens) tokens")
        }
        print("done; LeakSanitizer reports at exit (nothing below this line means no leaks)")
    }

    static func loadTexts(_ path: String, limit: Int) throws -> [String] {
        let data = try Data(contentsOf: URL(fileURLWithPath: path))
        var texts: [String] = []
        for line in data.split(separator: 0x0A) where texts.count < limit {
            texts.append(try JSONDecoder().decode(Record.self, from: Data(line)).text)
        }
        return texts
    }

    /// Builds an annotator, annotates every text on `threads` threads, and lets the annotator go.
    static func annotateAll(_ texts: [String], threads: Int) -> Int {
        let annotator = try! Annotator()
        let counts = UnsafeMutableBufferPointer<Int>.allocate(capacity: threads)
        defer { counts.deallocate() }
        nonisolated(unsafe) let slots = counts
        DispatchQueue.concurrentPerform(iterations: threads) { worker in
            var count = 0
            for index in stride(from: worker, to: texts.count, by: threads) {
                count += annotator.annotate(texts[index]).entities.count
            }
            slots[worker] = count
        }
        return counts.reduce(0, +)
    }

    @inline(never)
    static func leakOneICUIterator() {
        var status: Int32 = 0
        _ = cicu_word_iterator_open(&status)
    }

    /// Bytes the ASan allocator has handed out and not had back.
    static func heapInUse() -> Int { sanitizerAllocatedBytes() }
}

@_silgen_name("__sanitizer_get_current_allocated_bytes")
func sanitizerAllocatedBytes() -> Int
