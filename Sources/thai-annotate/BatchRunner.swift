import ThaiAnnotator
#if canImport(Glibc)
import Glibc
#endif

/// Runs `--input jsonl` batches over the library's `OrderedBatch`: the inputs' non-blank lines
/// go through `process` on `threads` threads, and each gives one output line, in input order.
struct BatchRunner {
    let threads: Int

    /// Returns whether any record failed and whether any input could not be read.
    func run(inputs: [InputFile], process: @escaping @Sendable (JSONLRecord) -> Result<[UInt8], JSONLRecord.Failure>) -> (failed: Bool, unreadable: Bool) {
        let lines = InputLines(inputs: inputs)
        let sizes = inputs.map(\.size)
        var progress = ProgressDisplay(totalBytes: sizes.contains(nil) ? nil : sizes.reduce(0) { $0 + $1! })
        defer { progress.finish() }
        var failed = false
        var documents = 0
        var output: [UInt8] = []
        let records = OrderedBatch(lines, threads: threads) { line -> (bytes: [UInt8], failed: Bool) in
            switch JSONLRecord.parse(line).flatMap(process) {
            case .success(let bytes): return (bytes, false)
            case .failure(let failure):
                var writer = JSONWriter()
                writer.raw("{\"id\":\(failure.rawID),\"error\":")
                writer.string(failure.message)
                writer.raw("}\n")
                return (writer.bytes, true)
            }
        }
        for record in records {
            output += record.bytes
            if output.count >= 1 << 16 {
                writeStdout(output)
                output.removeAll(keepingCapacity: true)
            }
            failed = failed || record.failed
            documents += 1
            progress.update(documents: documents, bytes: lines.progress.bytesRead)
        }
        writeStdout(output)
        return (failed, lines.progress.unreadable)
    }
}

/// The non-blank lines of the inputs, one input after another, read in bounded blocks. Inputs
/// that cannot be opened or read are reported on standard error and noted in `progress`.
struct InputLines: Sequence {
    /// What iterating has read so far; shared by the iterator and whoever made the sequence.
    final class Progress {
        /// Bytes of input read, newlines included.
        var bytesRead = 0
        /// Whether an input could not be opened or read.
        var unreadable = false
    }

    let inputs: [InputFile]
    let progress = Progress()

    func makeIterator() -> Iterator { Iterator(inputs: inputs[...], progress: progress) }

    struct Iterator: IteratorProtocol {
        var inputs: ArraySlice<InputFile>
        let progress: Progress
        private var current: (input: InputFile, file: UnsafeMutablePointer<FILE>, reader: LineReader)?
        private var chunk: [ArraySlice<UInt8>] = []
        private var position = 0
        private var bytesBefore = 0

        init(inputs: ArraySlice<InputFile>, progress: Progress) {
            self.inputs = inputs
            self.progress = progress
        }

        mutating func next() -> ArraySlice<UInt8>? {
            while true {
                while position < chunk.count {
                    let line = chunk[position]
                    position += 1
                    if line.contains(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0D) }) { return line }
                }
                if current != nil {
                    chunk = current!.reader.nextChunk(maxLines: 256, maxBytes: 1 << 20)
                    position = 0
                    progress.bytesRead = bytesBefore + current!.reader.bytesConsumed
                    if !chunk.isEmpty { continue }
                    if current!.reader.failed {
                        printError("thai-annotate: error reading \(current!.input.displayName)")
                        progress.unreadable = true
                    }
                    bytesBefore = progress.bytesRead
                    fclose(current!.file)
                    current = nil
                }
                guard let input = inputs.popFirst() else { return nil }
                guard let file = input.open() else {
                    printError("thai-annotate: cannot open \(input.displayName)")
                    progress.unreadable = true
                    continue
                }
                current = (input, file, LineReader(file: file))
            }
        }
    }
}
