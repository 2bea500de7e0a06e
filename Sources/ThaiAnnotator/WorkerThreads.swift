#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif

/// A mutex and two condition variables: the batch engine's only synchronisation.
final class Monitor: @unchecked Sendable {
    /// The condition variables.
    enum Condition: Int { case workAvailable = 0, resultReady = 1 }

    private let mutex = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
    private let conditions = UnsafeMutablePointer<pthread_cond_t>.allocate(capacity: 2)

    init() {
        pthread_mutex_init(mutex, nil)
        pthread_cond_init(conditions, nil)
        pthread_cond_init(conditions + 1, nil)
    }

    deinit {
        pthread_cond_destroy(conditions)
        pthread_cond_destroy(conditions + 1)
        pthread_mutex_destroy(mutex)
        conditions.deallocate()
        mutex.deallocate()
    }

    func lock() { pthread_mutex_lock(mutex) }
    func unlock() { pthread_mutex_unlock(mutex) }
    /// Waits for a signal; the mutex must be held.
    func wait(_ condition: Condition) { pthread_cond_wait(conditions + condition.rawValue, mutex) }
    func signal(_ condition: Condition) { pthread_cond_signal(conditions + condition.rawValue) }
    func broadcast(_ condition: Condition) { pthread_cond_broadcast(conditions + condition.rawValue) }
}

/// The number of processors online: the default thread count of a batch.
var onlineProcessorCount: Int {
    max(1, Int(sysconf(Int32(_SC_NPROCESSORS_ONLN))))
}

/// Runs `body` on a new detached thread (not one of Dispatch's or the concurrency runtime's
/// pools, whose threads should not block waiting for work).
func startThread(_ body: @escaping @Sendable () -> Void) {
    final class Box { let body: @Sendable () -> Void; init(_ body: @escaping @Sendable () -> Void) { self.body = body } }
    let context = Unmanaged.passRetained(Box(body)).toOpaque()
    #if canImport(Darwin)
    var thread: pthread_t?
    let status = pthread_create(&thread, nil, { context in
        Unmanaged<Box>.fromOpaque(context).takeRetainedValue().body()
        return nil
    }, context)
    precondition(status == 0, "pthread_create failed (\(status))")
    pthread_detach(thread!)
    #else
    var thread = pthread_t()
    let status = pthread_create(&thread, nil, { context in
        Unmanaged<Box>.fromOpaque(context!).takeRetainedValue().body()
        return nil
    }, context)
    precondition(status == 0, "pthread_create failed (\(status))")
    pthread_detach(thread)
    #endif
}
