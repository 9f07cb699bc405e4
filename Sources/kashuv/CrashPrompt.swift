import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Keeps Swift's crash reporter from ever waiting for a key, and makes Ctrl-\ (SIGQUIT) end
/// the program like SIGTERM.
///
/// On Linux the Swift runtime catches crash signals, SIGQUIT among them, and on a terminal it
/// asks "Press space to interact…" and waits: drawn over the full screen, with the process
/// still running in keypad mode. The runtime reads its settings (`SWIFT_BACKTRACE`) only at
/// start-up, so when they are unset and standard input is a terminal, ``disableInteractivePrompt()``
/// starts the program again once with `interactive=no` (a backtrace is still printed on a
/// crash; nothing waits). Settings the user chose are left alone.
enum CrashPrompt {
    /// Re-executes the program with `SWIFT_BACKTRACE=interactive=no` when that matters (see above).
    static func disableInteractivePrompt() {
        #if os(Linux)
        guard getenv("SWIFT_BACKTRACE") == nil, isatty(0) == 1 else { return }
        // Exec the binary by its real path (not /proc/self/exe), so the process keeps its name.
        var path = [CChar](repeating: 0, count: Int(PATH_MAX) + 1)
        let length = readlink("/proc/self/exe", &path, Int(PATH_MAX))
        guard length > 0 else { return }
        setenv("SWIFT_BACKTRACE", "interactive=no", 1)
        execv(path, CommandLine.unsafeArgv)
        // exec failed (no /proc): carry on; SIGQUIT is still handled below and in the full screen.
        #endif
    }

    /// SIGQUIT ends the program as SIGTERM does. Every scored turn is already on disk, and the
    /// full screen replaces this with its own handler, which restores the terminal first.
    static func quitLikeTerminate() {
        signal(SIGQUIT) { _ in
            signal(SIGTERM, SIG_DFL)
            raise(SIGTERM)
        }
    }
}
