#if KASHUV_FUZZ
import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// Stops the fuzzer on an input that has used more than a limit of CPU time: the process's
/// CPU seconds since the input started, not libFuzzer's wall-clock seconds.
///
/// libFuzzer's `-timeout` counts wall-clock time, so a run that is paused (`pkill -STOP -f
/// kashuv-fuzz`, as timings on the shared machine do) or starved by load "times out" on an
/// input that takes milliseconds; the first 30-minute runs stopped on four such false alarms
/// (docs/fuzzing.md). A pause adds no CPU time. A hang or a super-linear path keeps using
/// CPU, so it is still caught: the watchdog aborts, and libFuzzer saves the input as a crash.
/// `scripts/fuzz` keeps libFuzzer's own timeout too, long, for an input that waits forever.
enum CPUTimeWatchdog {
    /// The process's CPU nanoseconds when the current input started; 0 between inputs.
    private static let inputStart = Atomic<UInt64>(0)

    /// The limit in CPU seconds: `KASHUV_FUZZ_CPU_TIMEOUT`, or 10.
    static let limit: Double = ProcessInfo.processInfo.environment["KASHUV_FUZZ_CPU_TIMEOUT"].flatMap(Double.init) ?? 10

    /// Starts the watching thread (once, before the first input).
    static func start() {
        Thread.detachNewThread { watch() }
    }

    /// Marks the start of an input.
    static func begin() { inputStart.store(max(1, cpuNanoseconds()), ordering: .releasing) }

    /// Marks the end of an input.
    static func end() { inputStart.store(0, ordering: .releasing) }

    private static func watch() {
        let limitNanoseconds = UInt64(limit * 1e9)
        while true {
            usleep(100_000)
            let start = inputStart.load(ordering: .acquiring)
            let now = cpuNanoseconds()
            if start != 0, now > start, now - start > limitNanoseconds {
                let seconds = String(format: "%.1f", Double(now - start) / 1e9)
                FileHandle.standardError.write(Data(
                    "kashuv-fuzz: one input has used \(seconds) s of CPU time (limit \(limit) s, KASHUV_FUZZ_CPU_TIMEOUT): a hang or a super-linear path\n".utf8))
                abort()
            }
        }
    }

    /// CPU time used by the whole process so far (every thread: the scenario loader parses on its own).
    private static func cpuNanoseconds() -> UInt64 {
        var time = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &time)
        return UInt64(time.tv_sec) * 1_000_000_000 + UInt64(time.tv_nsec)
    }
}
#endif
