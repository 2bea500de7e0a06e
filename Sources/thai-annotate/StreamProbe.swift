import Dispatch

#if canImport(Glibc)
import Glibc
#endif

/// Runs this executable as `thai-annotate --input jsonl -` in a child process, streams a given
/// number of megabytes of JSONL records through its standard input while draining its output,
/// and reports the child's peak resident memory: the figure that shows memory does not grow
/// with the input. The peak is read from the child's /proc/PID/status (VmHWM) as it runs:
/// the `ru_maxrss` that `wait4` reports would include the parent's, which Linux carries across
/// the spawn.
struct StreamProbe {
    /// What one streaming run measured.
    struct Result {
        var megabytesIn: Double
        var seconds: Double
        var outputBytes: Int
        var peakRSSMegabytes: Double
        /// The peak after the first tenth of the input: equal to the final peak when memory is flat.
        var earlyPeakRSSMegabytes: Double
        var exitStatus: Int32
    }

    let records: [[UInt8]]
    let megabytes: Int
    let threads: Int

    func run() -> Result? {
        var executable = [CChar](repeating: 0, count: 4096)
        let length = readlink("/proc/self/exe", &executable, executable.count - 1)
        guard length > 0 else { return nil }
        var input: [Int32] = [0, 0], output: [Int32] = [0, 0]
        guard pipe(&input) == 0, pipe(&output) == 0 else { return nil }

        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_adddup2(&actions, input[0], STDIN_FILENO)
        posix_spawn_file_actions_adddup2(&actions, output[1], STDOUT_FILENO)
        for descriptor in input + output { posix_spawn_file_actions_addclose(&actions, descriptor) }
        let arguments = [String(decoding: executable.prefix(length).map { UInt8(bitPattern: $0) }, as: UTF8.self), "--input", "jsonl", "--threads", String(threads), "-"]
        var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let start = monotonicSeconds()
        guard posix_spawn(&pid, argv[0]!, &actions, nil, &argv, environ) == 0 else { return nil }
        close(input[0])
        close(output[1])

        // Drain the child's output on another thread so that neither side blocks the other.
        let drained = DispatchSemaphore(value: 0)
        let outputBytes = ByteCount()
        let readEnd = output[0]
        DispatchQueue.global().async {
            var buffer = [UInt8](repeating: 0, count: 1 << 16)
            while true {
                let count = read(readEnd, &buffer, buffer.count)
                if count <= 0 { break }
                outputBytes.add(count)
            }
            drained.signal()
        }
        var peakKilobytes = 0
        var earlyPeakKilobytes: Int?
        func samplePeak() { peakKilobytes = max(peakKilobytes, Self.highWaterKilobytes(of: pid) ?? 0) }
        var written = 0
        var nextSample = 0
        let target = megabytes * 1_000_000
        let tenth = target / 10
        var index = 0
        signal(SIGPIPE, SIG_IGN)
        writing: while written < target, !records.isEmpty {
            let record = records[index % records.count]
            index += 1
            var offset = 0
            while offset < record.count {
                let count = record.withUnsafeBufferPointer { write(input[1], $0.baseAddress! + offset, record.count - offset) }
                if count <= 0 { break writing }
                offset += count
            }
            written += record.count
            if written >= nextSample {
                samplePeak()
                nextSample = written + 1_000_000
                if earlyPeakKilobytes == nil, written >= tenth { earlyPeakKilobytes = peakKilobytes }
            }
        }
        samplePeak()
        close(input[1])
        drained.wait()
        close(readEnd)
        var status: Int32 = 0
        waitpid(pid, &status, 0)
        return Result(megabytesIn: Double(written) / 1_000_000, seconds: monotonicSeconds() - start,
                      outputBytes: outputBytes.value, peakRSSMegabytes: Double(peakKilobytes) / 1024,
                      earlyPeakRSSMegabytes: Double(earlyPeakKilobytes ?? peakKilobytes) / 1024,
                      exitStatus: (status >> 8) & 0xFF)
    }

    /// VmHWM, the peak resident set of a running process, in kilobytes.
    private static func highWaterKilobytes(of pid: pid_t) -> Int? {
        guard let file = fopen("/proc/\(pid)/status", "r") else { return nil }
        defer { fclose(file) }
        var line = [CChar](repeating: 0, count: 256)
        while fgets(&line, Int32(line.count), file) != nil {
            let text = String(decoding: line.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
            if text.hasPrefix("VmHWM:") { return Int(text.dropFirst(6).filter(\.isNumber)) }
        }
        return nil
    }
}

/// A byte counter written by one thread and read by another after it finishes.
private final class ByteCount: @unchecked Sendable {
    private(set) var value = 0
    func add(_ count: Int) { value += count }
}
