/// A text to annotate in a batch, with the date its relative and year-less dates resolve
/// against (nil: the document's own date line, as in ``Annotator/annotate(_:referenceDate:)``).
public struct AnnotationRequest: Sendable, Hashable {
    /// The text.
    public var text: String
    /// The reference date, or nil.
    public var referenceDate: CalendarDate?

    /// Creates a request.
    public init(text: String, referenceDate: CalendarDate? = nil) {
        self.text = text
        self.referenceDate = referenceDate
    }
}

extension Annotator {
    /// Annotates texts on `threads` threads and yields one document per text, in order, with
    /// bounded memory (see ``OrderedBatch``). The documents equal what
    /// ``annotate(_:referenceDate:)`` gives for each text.
    ///
    /// ```swift
    /// for document in annotator.annotate(texts, threads: 4) { print(document.entities.count) }
    /// ```
    public func annotate<Texts: Sequence>(_ texts: Texts, threads: Int = OrderedBatch<Texts, Document>.defaultThreads)
        -> OrderedBatch<Texts, Document> where Texts.Element == String {
        OrderedBatch(texts, threads: threads) { [self] text in annotate(text) }
    }

    /// Annotates requests (texts with reference dates) on `threads` threads and yields one
    /// document per request, in order, with bounded memory.
    public func annotate<Requests: Sequence>(_ requests: Requests, threads: Int = OrderedBatch<Requests, Document>.defaultThreads)
        -> OrderedBatch<Requests, Document> where Requests.Element == AnnotationRequest {
        OrderedBatch(requests, threads: threads) { [self] request in annotate(request.text, referenceDate: request.referenceDate) }
    }

    /// Annotates the texts of an asynchronous sequence, at most `concurrency` at once, and
    /// yields one document per text, in order (see ``AsyncOrderedBatch``).
    ///
    /// ```swift
    /// for try await document in annotator.annotate(lines, concurrency: 4) { ... }
    /// ```
    public func annotate<Texts: AsyncSequence>(_ texts: Texts, concurrency: Int = OrderedBatch<[Int], Int>.defaultThreads)
        -> AsyncOrderedBatch<Texts, Document> where Texts.Element == String {
        AsyncOrderedBatch(texts, concurrency: concurrency) { [self] text in annotate(text) }
    }

    /// Annotates the requests of an asynchronous sequence, at most `concurrency` at once, and
    /// yields one document per request, in order.
    public func annotate<Requests: AsyncSequence>(_ requests: Requests, concurrency: Int = OrderedBatch<[Int], Int>.defaultThreads)
        -> AsyncOrderedBatch<Requests, Document> where Requests.Element == AnnotationRequest {
        AsyncOrderedBatch(requests, concurrency: concurrency) { [self] request in
            annotate(request.text, referenceDate: request.referenceDate)
        }
    }
}
