#if canImport(Glibc)
import Glibc
#endif

/// Measures launch → first frame (the customer's first line on screen) for
/// `scripts/measure-startup.sh`.
///
/// `KASHUV_TIMING_START` holds the wall-clock time in nanoseconds taken just before the
/// program was started (`date +%s%N`); without it the process start time from `/proc` is used
/// (10 ms resolution). After the first frame has been sent to the terminal, one line
/// `first-frame-ms <milliseconds>` is appended to the file named by `KASHUV_TIMING_FILE`.
struct StartupTiming {
    let file: String
    let start: (clock: clockid_t, nanoseconds: UInt64)?

    init(file: String, environment: [String: String]) {
        self.file = file
        if let text = environment["KASHUV_TIMING_START"], let value = UInt64(text) {
            start = (CLOCK_REALTIME, value)
        } else {
            start = Self.processStart().map { (CLOCK_BOOTTIME, $0) }
        }
    }

    /// Appends the elapsed time to the file.
    func record() {
        guard let start else { return }
        var now = timespec()
        clock_gettime(start.clock, &now)
        let elapsed = Int64(now.tv_sec) * 1_000_000_000 + Int64(now.tv_nsec) - Int64(start.nanoseconds)
        guard let handle = fopen(file, "a") else { return }
        fputs("first-frame-ms \(Double(elapsed) / 1_000_000)\n", handle)
        fclose(handle)
    }

    /// When this process started, in nanoseconds since boot (field 22 of /proc/self/stat).
    private static func processStart() -> UInt64? {
        guard let handle = fopen("/proc/self/stat", "r") else { return nil }
        defer { fclose(handle) }
        var buffer = [CChar](repeating: 0, count: 1024)
        guard fgets(&buffer, Int32(buffer.count), handle) != nil else { return nil }
        let line = String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        guard let close = line.lastIndex(of: ")") else { return nil }
        let fields = line[line.index(after: close)...].split(separator: " ")
        guard fields.count > 19, let ticks = UInt64(fields[19]) else { return nil }
        let hertz = UInt64(max(1, sysconf(Int32(_SC_CLK_TCK))))
        return ticks * (1_000_000_000 / hertz)
    }
}
