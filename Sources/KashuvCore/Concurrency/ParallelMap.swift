import Dispatch
import Foundation

extension Array where Element: Sendable {
    /// The transform of every element, computed on up to `workers` threads at once (the
    /// machine's cores by default), in the elements' order. Each worker takes every
    /// `workers`-th element, so equal items spread evenly.
    func parallelMap<Mapped: Sendable>(
        workers: Int = ProcessInfo.processInfo.activeProcessorCount, _ transform: @Sendable (Element) -> Mapped
    ) -> [Mapped] {
        let count = self.count
        let workerCount = Swift.max(1, Swift.min(workers, count))
        if workerCount <= 1 { return map(transform) }
        let slots = Slots<Mapped>(count: count)
        let items = self
        withoutActuallyEscaping(transform) { transform in
            let work: @Sendable (Int) -> Void = { worker in
                for index in stride(from: worker, to: count, by: workerCount) { slots.set(index, transform(items[index])) }
            }
            DispatchQueue.concurrentPerform(iterations: workerCount, execute: work)
        }
        return slots.all
    }
}

/// Results filled in by several threads, each slot by one.
private final class Slots<Value: Sendable>: @unchecked Sendable {
    private let lock = NSLock()
    private var values: [Value?]
    init(count: Int) { values = Array(repeating: nil, count: count) }
    func set(_ index: Int, _ value: Value) { lock.withLock { values[index] = value } }
    var all: [Value] { lock.withLock { values.map { $0! } } }
}
