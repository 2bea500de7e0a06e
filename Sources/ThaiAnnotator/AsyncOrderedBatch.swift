/// The `AsyncSequence` counterpart of ``OrderedBatch``: applies a function to every element of
/// an asynchronous sequence in child tasks, at most `concurrency` at once, and yields the
/// results in the base sequence's order, one result per element.
///
/// Memory is bounded by `concurrency` elements in flight. The work runs on the concurrency
/// runtime's global executor, so it shares the process's cores with the rest of its tasks;
/// for a long batch job that should own its threads, use ``OrderedBatch``. If iteration stops
/// early, the elements in flight are still processed and their results dropped.
public struct AsyncOrderedBatch<Base: AsyncSequence, Output: Sendable>: AsyncSequence
where Base.Element: Sendable {
    /// The error the base sequence throws.
    public typealias Failure = Base.Failure

    private let base: Base
    private let concurrency: Int
    private let transform: @Sendable (Base.Element) -> Output

    /// A batch over `base`, with at most `concurrency` elements in flight (at least 1).
    public init(_ base: Base, concurrency: Int = OrderedBatch<[Int], Int>.defaultThreads,
                transform: @escaping @Sendable (Base.Element) -> Output) {
        precondition(concurrency >= 1, "a batch needs a concurrency of at least 1")
        self.base = base
        self.concurrency = concurrency
        self.transform = transform
    }

    /// An iterator that starts work as it reads the base sequence.
    public func makeAsyncIterator() -> AsyncIterator {
        AsyncIterator(base: base.makeAsyncIterator(), concurrency: concurrency, transform: transform)
    }

    /// Yields the results in the base sequence's order.
    public struct AsyncIterator: AsyncIteratorProtocol {
        private var base: Base.AsyncIterator
        private let concurrency: Int
        private let transform: @Sendable (Base.Element) -> Output
        /// Results in the making, oldest first, from `head` on.
        private var pending: [Task<Output, Never>] = []
        private var head = 0
        private var baseFinished = false

        init(base: Base.AsyncIterator, concurrency: Int, transform: @escaping @Sendable (Base.Element) -> Output) {
            self.base = base
            self.concurrency = concurrency
            self.transform = transform
        }

        /// The next result in order, or nil after the last; rethrows the base sequence's errors.
        public mutating func next(isolation actor: isolated (any Actor)? = #isolation) async throws(Failure) -> Output? {
            while !baseFinished, pending.count - head < concurrency {
                if let element = try await base.next(isolation: actor) {
                    let transform = transform
                    pending.append(Task.detached { transform(element) })
                } else {
                    baseFinished = true
                }
            }
            guard head < pending.count else { return nil }
            let task = pending[head]
            head += 1
            if head == pending.count || head >= 64 {
                pending.removeFirst(head)
                head = 0
            }
            return await task.value
        }
    }
}
