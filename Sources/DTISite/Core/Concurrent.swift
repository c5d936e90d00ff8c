import Dispatch

/// How dtisite runs work on every core: a map whose results come back in order (`map`), or a few
/// large jobs that map concurrently themselves (`jobs`). Each call of `transform` writes only its own
/// slot, so no lock is needed.
enum Concurrent {
    static func map<R>(count: Int, _ transform: @Sendable (Int) -> R) -> [R] {
        guard count > 0 else { return [] }
        return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            DispatchQueue.concurrentPerform(iterations: count) { i in
                (slots.base + i).initialize(to: transform(i))
            }
            initialized = count
        }
    }

    static func map<T: Sendable, R>(_ items: [T], _ transform: @Sendable (T) -> R) -> [R] {
        map(count: items.count) { transform(items[$0]) }
    }

    /// A few large jobs at once, each on its own dispatch task, results in order. For jobs that run
    /// concurrent maps themselves: a map nested in a map's iteration gets the width left over by the
    /// outer one (on two cores, none: it runs serially), so the VNeID builder's 700 districts ran on one
    /// core while the other builders had long finished.
    static func jobs<R>(count: Int, _ transform: @escaping @Sendable (Int) -> R) -> [R] {
        guard count > 0 else { return [] }
        return [R](unsafeUninitializedCapacity: count) { buffer, initialized in
            let slots = Slots(base: buffer.baseAddress!)
            let group = DispatchGroup()
            for i in 0..<count {
                DispatchQueue.global().async(group: group) { (slots.base + i).initialize(to: transform(i)) }
            }
            group.wait()
            initialized = count
        }
    }

    /// The buffer's start, shared by the iterations; each writes its own element.
    private struct Slots<R>: @unchecked Sendable {
        let base: UnsafeMutablePointer<R>
    }
}

/// Work started now on another thread, its result read later: `value` waits for it. For work that
/// nothing else needs until the end of a stage, such as the search index during template rendering.
final class Pending<T>: @unchecked Sendable {
    // Written once by the work, read only after `done` was signalled.
    private var result: T?
    private(set) var duration: Duration = .zero
    private let done = DispatchSemaphore(value: 0)

    init(_ work: @escaping @Sendable () -> T) {
        DispatchQueue.global().async {
            let start = ContinuousClock.now
            self.result = work()
            self.duration = ContinuousClock.now - start
            self.done.signal()
        }
    }

    var value: T {
        done.wait()
        done.signal()
        return result!
    }
}
