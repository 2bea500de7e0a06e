/// A sequence that applies a function to every element of another sequence on worker threads
/// and yields the results in the other sequence's order, one result per element: the engine of
/// ``Annotator``'s batch `annotate` methods and of `thai-annotate --input jsonl`.
///
/// Memory is bounded: at most `window` elements are read ahead of the one being yielded, so a
/// stream of any length goes through in constant space. The base sequence is iterated on the
/// thread that iterates the batch; `transform` runs on `threads` threads of the batch's own
/// (none with one thread, where it runs on the iterating thread). Stopping early is allowed:
/// when the iterator is dropped, the workers finish the element in hand and exit.
///
/// ```swift
/// let lines: [String] = ...
/// for count in OrderedBatch(lines, threads: 4) { line in line.unicodeScalars.count } {
///     print(count)
/// }
/// ```
public struct OrderedBatch<Base: Sequence, Output: Sendable>: Sequence where Base.Element: Sendable {
    private let base: Base
    private let threads: Int
    private let window: Int
    private let transform: @Sendable (Base.Element) -> Output

    /// The default number of threads: the processors online.
    public static var defaultThreads: Int { onlineProcessorCount }

    /// A batch over `base`.
    ///
    /// - Parameters:
    ///   - base: the elements, read lazily on the iterating thread.
    ///   - threads: worker threads (at least 1).
    ///   - window: elements in flight at most, read but not yet yielded (default: 16 per
    ///     thread); more evens out uneven element sizes, fewer bounds memory tighter.
    ///   - transform: the function, called once per element, on any of the worker threads.
    public init(_ base: Base, threads: Int = defaultThreads, window: Int? = nil,
                transform: @escaping @Sendable (Base.Element) -> Output) {
        precondition(threads >= 1, "a batch needs at least one thread")
        self.base = base
        self.threads = threads
        self.window = Swift.max(threads, window ?? 16 * threads)
        self.transform = transform
    }

    /// An iterator that starts the workers on its first call to `next()`.
    public func makeIterator() -> Iterator {
        Iterator(base: base.makeIterator(), threads: threads, window: window, transform: transform)
    }

    /// Yields the results in the base sequence's order.
    public struct Iterator: IteratorProtocol {
        private var base: Base.Iterator
        private let transform: @Sendable (Base.Element) -> Output
        private let threads: Int
        private let window: Int
        private var owner: BatchEngine<Base.Element, Output>.Owner?
        private var baseFinished = false
        /// Elements handed to the workers, and results yielded (only this iterator changes them).
        private var submitted = 0, delivered = 0

        init(base: Base.Iterator, threads: Int, window: Int, transform: @escaping @Sendable (Base.Element) -> Output) {
            self.base = base
            self.threads = threads
            self.window = window
            self.transform = transform
        }

        /// The next result in order, or nil after the last.
        public mutating func next() -> Output? {
            if threads == 1 { return base.next().map(transform) }
            if owner == nil { owner = .init(BatchEngine(threads: threads, window: window, transform: transform)) }
            let engine = owner!.engine
            while !baseFinished, submitted - delivered < window {
                if let element = base.next() {
                    engine.submit(element, at: submitted)
                    submitted += 1
                } else {
                    baseFinished = true
                    engine.finishInput()
                }
            }
            guard delivered < submitted else { return nil }
            defer { delivered += 1 }
            return engine.result(at: delivered)
        }
    }
}

/// The shared state of one iteration: a ring of `window` slots, each holding an element
/// waiting for a worker or a result waiting to be yielded.
final class BatchEngine<Element: Sendable, Output: Sendable>: @unchecked Sendable {
    private enum Slot { case empty, element(Element), result(Output) }

    private let monitor = Monitor()
    private var slots: [Slot]
    private var submitted = 0, taken = 0
    private var inputFinished = false, cancelled = false
    private let transform: @Sendable (Element) -> Output
    /// Cancels the workers when the iterator that owns it goes away.
    final class Owner { let engine: BatchEngine; init(_ engine: BatchEngine) { self.engine = engine }; deinit { engine.cancel() } }

    init(threads: Int, window: Int, transform: @escaping @Sendable (Element) -> Output) {
        slots = Array(repeating: .empty, count: window)
        self.transform = transform
        for _ in 0..<threads { startThread { [self] in work() } }
    }

    func submit(_ element: Element, at index: Int) {
        monitor.lock()
        slots[index % slots.count] = .element(element)
        submitted = index + 1
        monitor.signal(.workAvailable)
        monitor.unlock()
    }

    func finishInput() {
        monitor.lock()
        inputFinished = true
        monitor.broadcast(.workAvailable)
        monitor.unlock()
    }

    func cancel() {
        monitor.lock()
        cancelled = true
        monitor.broadcast(.workAvailable)
        monitor.unlock()
    }

    /// Waits for the result of element `index` and takes it out of its slot.
    func result(at index: Int) -> Output {
        monitor.lock()
        defer { monitor.unlock() }
        while true {
            if case .result(let output) = slots[index % slots.count] {
                slots[index % slots.count] = .empty
                return output
            }
            monitor.wait(.resultReady)
        }
    }

    private func work() {
        monitor.lock()
        while !cancelled {
            guard taken < submitted else {
                if inputFinished { break }
                monitor.wait(.workAvailable)
                continue
            }
            let index = taken
            taken += 1
            guard case .element(let element) = slots[index % slots.count] else { preconditionFailure("slot \(index) holds no element") }
            slots[index % slots.count] = .empty
            monitor.unlock()
            let output = transform(element)
            monitor.lock()
            slots[index % slots.count] = .result(output)
            monitor.signal(.resultReady)
        }
        monitor.unlock()
    }
}
