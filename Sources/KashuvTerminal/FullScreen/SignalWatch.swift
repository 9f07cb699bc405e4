import Synchronization
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The last signal that asked the full-screen program to stop or reflow, set by our own
/// async-signal-safe handlers and read by the input loop between short waits.
package enum SignalWatch {
    /// The signal number waiting to be handled, or 0. Only ``handle(_:)`` writes it from a handler.
    private static let pendingStop = Atomic<Int32>(0)
    private static let pendingResize = Atomic<Bool>(false)

    /// The signals that end the program: Ctrl-C, `kill`, the terminal closing, and Ctrl-\\
    /// (SIGQUIT), which would otherwise reach Swift's crash reporter and leave the program
    /// running under its prompt with the terminal in full-screen mode.
    static let stopSignals: [Int32] = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    /// Installs the handlers (after `newterm`, so they replace ncurses' own).
    package static func install() {
        // A parent may have handed us these signals blocked (masks are inherited across exec):
        // unblock them on this thread, or SIGHUP/SIGTERM would never reach the handlers.
        var unblock = sigset_t()
        sigemptyset(&unblock)
        for signalNumber in stopSignals + [SIGWINCH] { sigaddset(&unblock, signalNumber) }
        pthread_sigmask(SIG_UNBLOCK, &unblock, nil)
        for signalNumber in stopSignals {
            signal(signalNumber) { number in SignalWatch.pendingStop.store(number, ordering: .relaxed) }
        }
        signal(SIGWINCH) { _ in SignalWatch.pendingResize.store(true, ordering: .relaxed) }
        // Writing to a terminal that has gone away must not kill us before we restore it.
        signal(SIGPIPE, SIG_IGN)
    }

    /// Puts the default handlers back.
    package static func uninstall() {
        for signalNumber in stopSignals + [SIGWINCH] { signal(signalNumber, SIG_DFL) }
    }

    /// The stop signal received since the last call, if any (and forgets it).
    package static func takeStop() -> Int32? {
        let number = pendingStop.exchange(0, ordering: .relaxed)
        return number == 0 ? nil : number
    }

    /// Whether the window changed size since the last call (and forgets it).
    package static func takeResize() -> Bool {
        pendingResize.exchange(false, ordering: .relaxed)
    }
}
