import Foundation

/// Runs independent pieces of work on a few threads, each thread with its own state, and
/// returns every thread's state for merging. Pieces are handed out in order as threads free up.
enum ParallelWork {
    static func run<State: Sendable>(
        count: Int, workers: Int, makeState: @Sendable () -> State,
        work: @Sendable (inout State, Int) -> Void
    ) -> [State] {
        let threads = max(1, min(workers, count))
        let shared = Shared<State>(count: threads)
        DispatchQueue.concurrentPerform(iterations: threads) { slot in
            var state = makeState()
            while let index = shared.next(below: count) {
                work(&state, index)
            }
            shared.store(state, at: slot)
        }
        return shared.results.compactMap { $0 }
    }

    private final class Shared<State>: @unchecked Sendable {
        private let lock = NSLock()
        private var nextIndex = 0
        private(set) var results: [State?]

        init(count: Int) { results = Array(repeating: nil, count: count) }

        func next(below count: Int) -> Int? {
            lock.lock()
            defer { lock.unlock() }
            guard nextIndex < count else { return nil }
            nextIndex += 1
            return nextIndex - 1
        }

        func store(_ state: State, at slot: Int) {
            lock.lock()
            results[slot] = state
            lock.unlock()
        }
    }
}
