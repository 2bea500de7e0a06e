import Foundation
import Testing
import ThaiAnnotator

/// The library's batch API: `OrderedBatch`, `AsyncOrderedBatch` and `Annotator.annotate(_:threads:)`.
struct BatchAPITests {
    /// A sequence of 0, 1, 2, ... that counts how many elements have been read from it.
    final class CountingNumbers: Sequence, @unchecked Sendable {
        let count: Int
        private(set) var read = 0
        init(count: Int) { self.count = count }
        func makeIterator() -> AnyIterator<Int> {
            var next = 0
            return AnyIterator { [self] in
                guard next < count else { return nil }
                defer { next += 1; read += 1 }
                return next
            }
        }
    }

    /// Work whose length varies a lot from element to element, so that workers finish out of order.
    static func unevenWork(_ value: Int) -> Int {
        var sum = 0
        for step in 0..<((value * 7919) % 5000) { sum &+= step ^ value }
        return value * 2 + (sum & 0)
    }

    @Test(arguments: [1, 2, 3, 8])
    func resultsComeInInputOrderOnePerInput(threads: Int) {
        let results = Array(OrderedBatch(0..<5000, threads: threads, transform: Self.unevenWork))
        #expect(results == (0..<5000).map { $0 * 2 })
    }

    @Test func smallWindowsAndEmptyInputsWork() {
        #expect(Array(OrderedBatch([Int](), threads: 4) { $0 }).isEmpty)
        #expect(Array(OrderedBatch(0..<100, threads: 4, window: 1, transform: Self.unevenWork)) == (0..<100).map { $0 * 2 })
        #expect(Array(OrderedBatch(0..<1, threads: 8) { $0 + 1 }) == [1])
    }

    @Test func readsAtMostAWindowAhead() {
        let numbers = CountingNumbers(count: 1_000_000)
        var iterator = OrderedBatch(numbers, threads: 2, window: 10, transform: Self.unevenWork).makeIterator()
        for expected in 0..<50 { #expect(iterator.next() == expected * 2) }
        // 50 yielded and at most a window of 10 in flight: the input is not read to its end.
        #expect(numbers.read <= 60)
    }

    @Test func stoppingEarlyReleasesTheWorkers() {
        for _ in 0..<50 {
            let firstFive = Array(OrderedBatch(0..<100_000, threads: 4, transform: Self.unevenWork).prefix(5))
            #expect(firstFive == [0, 2, 4, 6, 8])
        }
    }

    @Test func failuresStayInTheirPlaces() {
        struct Odd: Error, Equatable { var value: Int }
        let results = Array(OrderedBatch(0..<1000, threads: 2) { value -> Result<Int, Odd> in
            value % 2 == 0 ? .success(Self.unevenWork(value)) : .failure(Odd(value: value))
        })
        #expect(results.count == 1000)
        for (index, result) in results.enumerated() {
            switch result {
            case .success(let value): #expect(index % 2 == 0 && value == index * 2)
            case .failure(let odd): #expect(odd.value == index)
            }
        }
    }

    static let texts: [String] = Corpus.names.prefix(40).compactMap {
        try? String(contentsOf: Corpus.root.appendingPathComponent("documents/\($0).txt"), encoding: .utf8)
    }

    @Test func batchDocumentsEqualOneByOneDocuments() throws {
        let annotator = try Annotator()
        #expect(Self.texts.count == 40)
        let expected = Self.texts.map { annotator.annotate($0) }
        #expect(Array(annotator.annotate(Self.texts, threads: 2)) == expected)
        #expect(Array(annotator.annotate(Self.texts, threads: 1)) == expected)
        let date = CalendarDate(year: 2017, month: 6, day: 7)
        let requests = ["วันนี้ประชุม", "เมื่อวานนี้", "7 มิ.ย."].map { AnnotationRequest(text: $0, referenceDate: date) }
        #expect(Array(annotator.annotate(requests, threads: 2)) == requests.map { annotator.annotate($0.text, referenceDate: date) })
    }

    /// The library's batch API, writing the JSON contract, gives the CLI's --input jsonl bytes.
    @Test func batchAPIOutputIsByteIdenticalToTheCLI() throws {
        let date = CalendarDate(year: 2020, month: 1, day: 29)
        var input = ""
        var requests: [AnnotationRequest] = []
        for (index, text) in Self.texts.enumerated() {
            var writer = JSONWriter()
            writer.raw("{\"id\":\(index),\"text\":")
            writer.string(text)
            if index % 3 == 0 { writer.raw(",\"referenceDate\":\"2020-01-29\"") }
            writer.raw("}\n")
            input += String(decoding: writer.bytes, as: UTF8.self)
            requests.append(AnnotationRequest(text: text, referenceDate: index % 3 == 0 ? date : nil))
        }
        let cli = try CLITests.run(["--input", "jsonl", "--threads", "2"], stdin: Data(input.utf8))
        #expect(cli.status == 0)
        let annotator = try Annotator()
        var library: [UInt8] = []
        for (index, document) in annotator.annotate(requests, threads: 2).enumerated() {
            var writer = JSONWriter()
            writer.annotationRecord(rawID: String(index), entities: document.entities, roles: document.roles)
            library += writer.bytes
        }
        #expect(cli.stdout == String(decoding: library, as: UTF8.self))
    }

    @Test func asyncBatchKeepsOrder() async throws {
        let annotator = try Annotator()
        let stream = AsyncStream<String> { continuation in
            for text in Self.texts { continuation.yield(text) }
            continuation.finish()
        }
        var documents: [Document] = []
        for try await document in annotator.annotate(stream, concurrency: 3) { documents.append(document) }
        #expect(documents == Self.texts.map { annotator.annotate($0) })

        let numbers = AsyncStream<Int> { continuation in
            for value in 0..<2000 { continuation.yield(value) }
            continuation.finish()
        }
        var results: [Int] = []
        for try await value in AsyncOrderedBatch(numbers, concurrency: 4, transform: Self.unevenWork) { results.append(value) }
        #expect(results == (0..<2000).map { $0 * 2 })
    }
}
