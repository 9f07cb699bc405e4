import Foundation

/// Runs work that recurses once per level of a YAML tree on a thread with a large stack.
///
/// ``YAMLPreflight`` turns away deeply nested text before it is parsed, and the libyaml
/// inside Yams stops at 1000 levels; this is the third line of defence. Composing a tree
/// in Yams, hashing its keys, walking it and freeing it all recurse per level, and a test
/// runner's or a task's thread may have well under a megabyte of stack. The stack is
/// reserved address space: pages are only used as the recursion reaches them.
enum LargeStackThread {
    /// The stack size used for parsing: many times what libyaml's 1000 levels need.
    static let defaultStackSize = 64 << 20

    /// Runs `body` on a new thread with `stackSize` bytes of stack and waits for its result.
    static func run<Result: Sendable>(stackSize: Int = defaultStackSize, _ body: @escaping @Sendable () -> Result) -> Result {
        let box = ResultBox<Result>()
        let finished = DispatchSemaphore(value: 0)
        let thread = Thread {
            box.value = body()
            finished.signal()
        }
        thread.stackSize = stackSize
        thread.start()
        finished.wait()
        guard let value = box.value else { preconditionFailure("the parsing thread finished without a result") }
        return value
    }

    /// Carries the result from the worker thread; the semaphore orders the write before the read.
    private final class ResultBox<Value>: @unchecked Sendable {
        var value: Value?
    }
}
