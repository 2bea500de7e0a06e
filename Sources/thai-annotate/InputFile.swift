#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// An input named on the command line: a file path, or "-" for standard input.
struct InputFile {
    let path: String

    var displayName: String { path == "-" ? "<stdin>" : path }

    /// Opens the input for reading, or nil when it cannot be opened.
    func open() -> UnsafeMutablePointer<FILE>? {
        path == "-" ? fdopen(STDIN_FILENO, "rb") : fopen(path, "rb")
    }

    /// The size of a regular file, or nil (standard input, a pipe, a missing file).
    var size: Int? {
        guard path != "-" else { return nil }
        var status = stat()
        guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { return nil }
        return Int(status.st_size)
    }

    /// The whole input, or nil when it cannot be read.
    func readAll() -> [UInt8]? {
        guard let file = open() else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var buffer = [UInt8](repeating: 0, count: 1 << 16)
        while true {
            let count = fread(&buffer, 1, buffer.count, file)
            if count > 0 { bytes.append(contentsOf: buffer[0..<count]) }
            if count < buffer.count { return ferror(file) == 0 ? bytes : nil }
        }
    }
}

/// The byte offset of the first invalid UTF-8 sequence, or nil when the bytes are valid.
func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
    var parser = Unicode.UTF8.ForwardParser()
    var iterator = bytes.makeIterator()
    var offset = 0
    while true {
        switch parser.parseScalar(from: &iterator) {
        case .valid(let encoded): offset += encoded.count
        case .emptyInput: return nil
        case .error: return offset
        }
    }
}

/// Reads an input line by line in bounded chunks, so memory does not grow with the input.
struct LineReader {
    private let file: UnsafeMutablePointer<FILE>
    private var buffer: [UInt8] = []
    private var atEnd = false
    /// Whether a read failed.
    private(set) var failed = false
    /// Bytes handed out so far, newlines included.
    private(set) var bytesConsumed = 0
    private static let blockSize = 1 << 20

    init(file: UnsafeMutablePointer<FILE>) { self.file = file }

    /// Up to `maxLines` lines (without their newlines), or about `maxBytes` of them; empty at the end.
    mutating func nextChunk(maxLines: Int, maxBytes: Int) -> [ArraySlice<UInt8>] {
        var lines: [ArraySlice<UInt8>] = []
        var size = 0
        var consumed = 0
        // Where the search for the next newline resumes, so a long line is scanned once.
        var searchFrom = 0
        while lines.count < maxLines, size < maxBytes {
            if let newline = buffer[searchFrom...].firstIndex(of: 0x0A) {
                var line = buffer[consumed..<newline]
                if line.last == 0x0D { line = line.dropLast() }
                lines.append(ArraySlice(line))
                size += line.count
                consumed = newline + 1
                searchFrom = consumed
                continue
            }
            searchFrom = buffer.count
            if atEnd {
                if consumed < buffer.count { lines.append(ArraySlice(buffer[consumed...])) }
                consumed = buffer.count
                break
            }
            buffer.removeFirst(consumed)
            bytesConsumed += consumed
            searchFrom -= consumed
            consumed = 0
            let oldCount = buffer.count
            buffer.append(contentsOf: repeatElement(0, count: Self.blockSize))
            let count = buffer.withUnsafeMutableBufferPointer { fread($0.baseAddress! + oldCount, 1, Self.blockSize, file) }
            buffer.removeLast(Self.blockSize - count)
            if count < Self.blockSize {
                atEnd = true
                failed = ferror(file) != 0
            }
        }
        buffer.removeFirst(consumed)
        bytesConsumed += consumed
        return lines
    }
}

/// Seconds on the monotonic clock, for timing.
func monotonicSeconds() -> Double {
    var time = timespec()
    clock_gettime(CLOCK_MONOTONIC, &time)
    return Double(time.tv_sec) + Double(time.tv_nsec) / 1e9
}

/// Writes bytes to standard output.
func writeStdout(_ bytes: [UInt8]) { writeAll(bytes, to: STDOUT_FILENO) }

/// Writes a line to standard error.
func printError(_ message: String, terminator: String = "\n") {
    writeAll(Array((message + terminator).utf8), to: STDERR_FILENO)
}

private func writeAll(_ bytes: [UInt8], to descriptor: Int32) {
    bytes.withUnsafeBufferPointer { buffer in
        var offset = 0
        while offset < buffer.count {
            let written = write(descriptor, buffer.baseAddress! + offset, buffer.count - offset)
            if written < 0 { if errno == EINTR { continue } else { return } }
            offset += written
        }
    }
}
