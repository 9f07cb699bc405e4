import Foundation
import KashuvCore
import NIOCore
import NIOPosix

/// Where a trainee's reply goes after Enter, off the event loop: it is scored on a pool of
/// threads sized to the machine's cores (scoring is CPU work), then its turn record is
/// appended and `fsync`ed on a separate I/O pool, and the result comes back to the event
/// loop, where the trainee's feedback frame is drawn. The feedback is never shown before the
/// record is on storage.
///
/// The I/O pool has many threads although saving is little work: a save is mostly waiting
/// for `fsync`, and when many replies arrive together their `fsync`s run at the same time,
/// so the file system commits them together (ext4's journal joins concurrent `fsync`s into
/// one commit: on the development machine 200 appends to 200 files took 23–38 ms with 16
/// threads, against 0.4–0.7 s one after another). A round's burst of replies is therefore
/// committed in a few groups instead of one disk flush each, and one slow `fsync` does not
/// hold up the replies queued behind it.
package final class ReplyPipeline: Sendable {
    /// Threads that score (one per core).
    private let scorers: NIOThreadPool
    /// Threads that append and `fsync`.
    private let savers: NIOThreadPool
    private let loop: any EventLoop
    private let positions = PositionWrites()

    /// How many threads save at once.
    package static let saverThreads = 16

    package init(loop: any EventLoop) {
        self.loop = loop
        scorers = NIOThreadPool(numberOfThreads: max(1, System.coreCount))
        savers = NIOThreadPool(numberOfThreads: Self.saverThreads)
        scorers.start()
        savers.start()
    }

    /// Scores with `score` on a scoring thread, saves the record with `save` on an I/O
    /// thread, and calls `done` on the event loop with the result and where the time went.
    package func handle(
        score: @escaping @Sendable () throws -> PracticeSession.PreparedTurn,
        save: @escaping @Sendable (PracticeSession.PreparedTurn) throws -> Void,
        received: NIODeadline,
        done: @escaping (Result<PracticeSession.PreparedTurn, any Error>, ReplyTiming) -> Void
    ) {
        let finish = NIOLoopBound(done, eventLoop: loop)
        let loop = self.loop, savers = self.savers, positions = self.positions
        // A reply is saved only after the room's position it answered (``savePosition(_:failed:)``).
        let position = positions.requested
        // Each stage hands straight to the next thread (not through the event loop): under
        // load every hand-over is a wait for the scheduler.
        let fail: @Sendable (any Error) -> Void = { error in
            loop.execute { finish.value(.failure(error), ReplyTiming(received: received)) }
        }
        scorers.submit { state in
            guard case .active = state else { return fail(GroupError.roundClosed) }
            var timing = ReplyTiming(received: received)
            timing.scoreStarted = .now()
            let prepared: PracticeSession.PreparedTurn
            do { prepared = try score() } catch { return fail(error) }
            timing.scored = .now()
            let scoredTiming = timing
            savers.submit { state in
                guard case .active = state else { return fail(GroupError.roundClosed) }
                var timing = scoredTiming
                positions.waitUntilSaved(position)
                timing.saveStarted = .now()
                do { try save(prepared) } catch { return fail(error) }
                timing.saved = .now()
                let done = timing
                loop.execute {
                    var timing = done
                    timing.backOnLoop = .now()
                    finish.value(.success(prepared), timing)
                }
            }
        }
    }

    /// Saves the room's position with `write` on an I/O thread. Replies handed over after this
    /// call are saved only once it is done, so a turn on storage never answers a round the
    /// room file does not know. Positions asked for while one is being written are coalesced:
    /// only the latest is written next. `failed` is called on the event loop.
    package func savePosition(_ write: @escaping @Sendable () throws -> Void, failed: @escaping (any Error) -> Void) {
        let report = NIOLoopBound(failed, eventLoop: loop)
        let loop = self.loop, positions = self.positions
        guard positions.request(write) else { return }
        savers.submit { _ in
            while let job = positions.next() {
                do {
                    try job.write()
                } catch {
                    loop.execute { report.value(error) }
                }
                positions.saved(job.number)
            }
        }
    }

    /// Runs `work` on a scoring thread, for nothing but its side effects (warming caches).
    package func warmUp(_ work: @escaping @Sendable () -> Void) {
        scorers.submit { state in
            if case .active = state { work() }
        }
    }

    /// Lets the queued work finish and stops the threads.
    package func shutdown() {
        scorers.shutdownGracefully { _ in }
        savers.shutdownGracefully { _ in }
    }

    /// Lets the queued work finish, waits for it, and stops the threads. Not on the event loop.
    package func syncShutdown() {
        try? scorers.syncShutdownGracefully()
        try? savers.syncShutdownGracefully()
    }
}

/// Where one reply's time went inside the server, from its bytes arriving to its feedback
/// frame handed to the connection: for the summary's breakdown and the load benchmark.
package struct ReplyTiming: Sendable {
    package var received: NIODeadline
    package var scoreStarted: NIODeadline?
    package var scored: NIODeadline?
    package var saveStarted: NIODeadline?
    package var saved: NIODeadline?
    package var backOnLoop: NIODeadline?

    package init(received: NIODeadline) { self.received = received }

    /// The parts, in milliseconds: waiting for threads (the three hand-overs), scoring,
    /// saving (`write` + `fsync`); `nil` when the reply did not get through.
    package var parts: (toScorer: Double, toSaver: Double, back: Double, scoring: Double, saving: Double)? {
        guard let scoreStarted, let scored, let saveStarted, let saved, let backOnLoop else { return nil }
        func ms(_ from: NIODeadline, _ to: NIODeadline) -> Double { Double((to - from).nanoseconds) / 1_000_000 }
        return (ms(received, scoreStarted), ms(scored, saveStarted), ms(saved, backOnLoop), ms(scoreStarted, scored), ms(saveStarted, saved))
    }
}

/// The server's reply handling times, kept for the summary (at most 100,000 replies).
package struct ReplyHandling: Sendable {
    /// Milliseconds from a reply's bytes arriving to its feedback frame handed to the connection.
    package private(set) var total: [Double] = []
    /// Milliseconds waiting for a thread (the hand-overs between the event loop and the pools).
    package private(set) var waiting: [Double] = []

    /// Milliseconds scoring.
    package private(set) var scoring: [Double] = []
    /// Milliseconds appending and `fsync`ing the turn record.
    package private(set) var saving: [Double] = []
    /// Milliseconds drawing the feedback frame (and the screen's other work on the event loop).
    package private(set) var drawing: [Double] = []

    mutating func add(_ timing: ReplyTiming, frameSent: NIODeadline) {
        guard total.count < 100_000, let parts = timing.parts, let backOnLoop = timing.backOnLoop else { return }
        total.append(Double((frameSent - timing.received).nanoseconds) / 1_000_000)
        waiting.append(parts.toScorer + parts.toSaver + parts.back)
        scoring.append(parts.scoring)
        saving.append(parts.saving)
        drawing.append(Double((frameSent - backOnLoop).nanoseconds) / 1_000_000)
    }

    /// One line: p50 and p99 of the total and of each part.
    package var text: String? {
        guard !total.isEmpty else { return nil }
        func figures(_ values: [Double]) -> String {
            let sorted = values.sorted()
            func percentile(_ p: Double) -> Double { sorted[min(sorted.count - 1, Int((p / 100 * Double(sorted.count - 1)).rounded()))] }
            return String(format: "p50 %.1f ms, p99 %.1f ms", percentile(50), percentile(99))
        }
        return "replies handled by the server (\(total.count)): \(figures(total)), max \(String(format: "%.1f", total.max()!)) ms;"
            + " waiting for threads \(figures(waiting)); scoring \(figures(scoring)); saving (write + fsync) \(figures(saving));"
            + " drawing \(figures(drawing))"
    }
}

/// The room's position writes: the latest one asked for, and which is on storage, so that
/// replies can wait for the position they answered.
private final class PositionWrites: @unchecked Sendable {  // every field under `condition`
    private let condition = NSCondition()
    private var lastRequested = 0
    private var lastSaved = 0
    private var pending: (number: Int, write: @Sendable () throws -> Void)?
    private var writerQueued = false

    /// The number of the latest position asked for.
    var requested: Int {
        condition.lock()
        defer { condition.unlock() }
        return lastRequested
    }

    /// Asks for a position to be written; `true` when a writer must be started.
    func request(_ write: @escaping @Sendable () throws -> Void) -> Bool {
        condition.lock()
        defer { condition.unlock() }
        lastRequested += 1
        pending = (lastRequested, write)
        if writerQueued { return false }
        writerQueued = true
        return true
    }

    /// The next position to write, or `nil` (and the writer stops).
    func next() -> (number: Int, write: @Sendable () throws -> Void)? {
        condition.lock()
        defer { condition.unlock() }
        guard let job = pending else {
            writerQueued = false
            return nil
        }
        pending = nil
        return (job.number, job.write)
    }

    /// A position was written (or failed: nothing waits for it any longer).
    func saved(_ number: Int) {
        condition.lock()
        lastSaved = max(lastSaved, number)
        condition.broadcast()
        condition.unlock()
    }

    /// Waits until position `number` was written.
    func waitUntilSaved(_ number: Int) {
        condition.lock()
        while lastSaved < number { condition.wait() }
        condition.unlock()
    }
}
