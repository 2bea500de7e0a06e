/// A failure inside ICU.
public struct SegmentationError: Error, Sendable, CustomStringConvertible {
    /// What was being done.
    public let operation: String
    /// ICU's UErrorCode.
    public let icuErrorCode: Int32

    /// The operation and ICU's error code, in one line.
    public var description: String { "ICU failed to \(operation) (UErrorCode \(icuErrorCode))" }
}
