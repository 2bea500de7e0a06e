import Dispatch
import ThaiAnnotator
#if canImport(Glibc)
import Glibc
#endif

/// Runs `--input jsonl` batches: reads records in bounded chunks, processes each chunk on
/// `threads` threads, and writes one output line per input record, in input order.
struct BatchRunner {
    let threads: Int

    /// Returns whether any record failed.
    func run(inputs: [InputFile], process: @escaping @Sendable (JSONLRecord) -> Result<[UInt8], JSONLRecord.Failure>) -> (failed: Bool, unreadable: Bool) {
        var failed = false
        var unreadable = false
        let sizes = inputs.map(\.size)
        var progress = ProgressDisplay(totalBytes: sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + $1! })
        var documents = 0
        var bytesBefore = 0
        defer { progress.finish() }
        for input in inputs {
            guard let file = input.open() else {
                printError("thai-annotate: cannot open \(input.displayName)")
                unreadable = true
                continue
            }
            defer { fclose(file) }
            var reader = LineReader(file: file)
            while true {
                let lines = reader.nextChunk(maxLines: 1024, maxBytes: 4 << 20).filter { line in
                    line.contains { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }
                }
                if lines.isEmpty { break }
                let outputs = OutputSlots(count: lines.count)
                let next = Counter()
                DispatchQueue.concurrentPerform(iterations: min(threads, lines.count)) { _ in
                    while let index = next.take(below: lines.count) {
                        let output: [UInt8]
                        var error = false
                        switch JSONLRecord.parse(lines[index]).flatMap(process) {
                        case .success(let bytes): output = bytes
                        case .failure(let failure):
                            var writer = JSONWriter()
                            writer.raw("{\"id\":\(failure.rawID),\"error\":")
                            writer.string(failure.message)
                            writer.raw("}\n")
                            output = writer.bytes
                            error = true
                        }
                        outputs.set(index, output, failed: error)
                    }
                }
                for index in 0..<lines.count {
                    writeStdout(outputs.bytes(index))
                    failed = failed || outputs.failed(index)
                }
                documents += lines.count
                progress.update(documents: documents, bytes: bytesBefore + reader.bytesConsumed)
            }
            bytesBefore += reader.bytesConsumed
            if reader.failed {
                printError("thai-annotate: error reading \(input.displayName)")
                unreadable = true
            }
        }
        return (failed, unreadable)
    }
}

/// A shared work counter.
final class Counter: @unchecked Sendable {
    private var value = 0
    private let lock = DispatchSemaphore(value: 1)

    func take(below limit: Int) -> Int? {
        lock.wait()
        defer { lock.signal() }
        guard value < limit else { return nil }
        value += 1
        return value - 1
    }
}

/// One output slot per record of a chunk; each slot is written by exactly one worker. The slots
/// live in buffers allocated once, so that workers never mutate a shared array (which would race
/// on the array's own bookkeeping).
final class OutputSlots: @unchecked Sendable {
    private let outputs: UnsafeMutableBufferPointer<[UInt8]>
    private let failures: UnsafeMutableBufferPointer<Bool>

    init(count: Int) {
        outputs = .allocate(capacity: count)
        outputs.initialize(repeating: [])
        failures = .allocate(capacity: count)
        failures.initialize(repeating: false)
    }

    deinit {
        outputs.deinitialize().deallocate()
        failures.deallocate()
    }

    func set(_ index: Int, _ bytes: [UInt8], failed: Bool) {
        outputs[index] = bytes
        failures[index] = failed
    }

    func bytes(_ index: Int) -> [UInt8] { outputs[index] }
    func failed(_ index: Int) -> Bool { failures[index] }
}
