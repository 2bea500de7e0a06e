#if canImport(Glibc)
import Glibc
#endif

/// A one-line progress display for batch runs: documents, megabytes, throughput and, when the
/// input size is known, the time left. It draws on standard error only when standard error is a
/// terminal, at most a few times a second, and erases itself at the end.
struct ProgressDisplay {
    private let isEnabled: Bool
    private let totalBytes: Int?
    private let start: Double
    private var lastDrawn = 0.0

    /// - Parameters:
    ///   - totalBytes: the size of the whole input, or nil when it is not known (a pipe).
    ///   - isEnabled: whether to draw (default: when standard error is a terminal).
    init(totalBytes: Int?, isEnabled: Bool = isatty(STDERR_FILENO) != 0) {
        self.isEnabled = isEnabled
        self.totalBytes = totalBytes
        start = monotonicSeconds()
    }

    /// Redraws the line after `documents` records and `bytes` bytes of input.
    mutating func update(documents: Int, bytes: Int) {
        guard isEnabled else { return }
        let now = monotonicSeconds()
        guard now - lastDrawn >= 0.2 else { return }
        lastDrawn = now
        printError(Self.line(documents: documents, bytes: bytes, totalBytes: totalBytes, seconds: now - start),
                   terminator: "\u{1B}[K\r")
    }

    /// Erases the line.
    func finish() {
        guard isEnabled, lastDrawn > 0 else { return }
        printError("\u{1B}[K", terminator: "")
    }

    /// The text of the line: `1,234 docs  10.5 MB  9.8 MB/s  ETA 0:42`.
    static func line(documents: Int, bytes: Int, totalBytes: Int?, seconds: Double) -> String {
        let megabytes = Double(bytes) / 1_000_000
        let rate = seconds > 0 ? megabytes / seconds : 0
        var text = "\(grouped(documents)) docs  \(oneDecimal(megabytes)) MB  \(oneDecimal(rate)) MB/s"
        if let totalBytes, totalBytes > 0, rate > 0 {
            let left = max(0, Double(totalBytes - bytes) / 1_000_000 / rate)
            text += "  \(Int(100 * Double(bytes) / Double(totalBytes)))%  ETA \(clock(Int(left.rounded())))"
        }
        return text
    }

    private static func grouped(_ value: Int) -> String {
        var digits = String(value)
        var index = digits.count - 3
        while index > 0 {
            digits.insert(",", at: digits.index(digits.startIndex, offsetBy: index))
            index -= 3
        }
        return digits
    }

    private static func oneDecimal(_ value: Double) -> String {
        let tenths = Int((value * 10).rounded())
        return "\(tenths / 10).\(tenths % 10)"
    }

    private static func clock(_ seconds: Int) -> String {
        let minutes = seconds / 60, rest = seconds % 60
        return minutes >= 60 ? "\(minutes / 60):\(pad(minutes % 60)):\(pad(rest))" : "\(minutes):\(pad(rest))"
    }

    private static func pad(_ value: Int) -> String { value < 10 ? "0\(value)" : "\(value)" }
}
