import Foundation
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// `kashuv facilitate` as a small supervisor: the server (SSH, room, console) runs as a
/// child process of the same program, and when it ends abnormally — a Swift trap (a bug), a
/// signal such as `kill -9`, the out-of-memory killer — the supervisor puts the terminal back,
/// says so, and starts it again. The new server reads the room file (``RoomFile``) and continues
/// the session at the same round with the same join code, host key and port, so the trainees
/// connect again with the same command and name.
///
/// The child is the same command with `--supervised` (and the join code fixed, so it does not
/// change on restart). A child that exits by itself (the facilitator ended the session, a
/// wrong option) ends the supervisor with its status. Ctrl-C reaches the child (the terminal's
/// process group); SIGTERM and SIGHUP sent to the supervisor are passed on to it.
public enum FacilitationSupervisor {
    /// Restarts allowed within ``quickCrashWindow`` of each other before giving up (a crash
    /// that comes back at once, e.g. while restoring, is not retried forever).
    static let quickCrashes = 3
    static let quickCrashWindow: TimeInterval = 30

    /// Runs the server as a child until it ends normally; returns its exit status.
    ///
    /// - Parameters:
    ///   - arguments: the child's arguments after the program path (`facilitate …`).
    ///   - restartNoteOption: the option that tells the child why it was restarted.
    public static func run(arguments: [String], restartNoteOption: String) -> Int32 {
        let program = executablePath()
        let interactive = isatty(0) == 1
        var saved = termios()
        if interactive { tcgetattr(0, &saved) }
        // The supervisor only waits: Ctrl-C is for the child (which ends the session cleanly).
        signal(SIGINT, SIG_IGN)
        signal(SIGQUIT, SIG_IGN)
        ForwardedSignals.install()

        var note: String?
        var crashes: [Date] = []
        while true {
            let started = Date()
            let childArguments = arguments + (note.map { [restartNoteOption, $0] } ?? [])
            guard let pid = spawn(program, childArguments) else {
                FileHandle.standardError.write(Data("kashuv facilitate: cannot start the server (\(String(cString: strerror(errno))))\n".utf8))
                return 1
            }
            ForwardedSignals.child.store(pid, ordering: .relaxed)
            var status: Int32 = 0
            while waitpid(pid, &status, 0) < 0 && errno == EINTR {}
            ForwardedSignals.child.store(0, ordering: .relaxed)

            let signalled = status & 0x7F
            if signalled == 0 { return (status >> 8) & 0xFF }  // ended by itself: its status
            // Deliberate stops end it too: one passed on from the supervisor, or Ctrl-C and
            // the like reaching the server before it installed its own handlers.
            if ForwardedSignals.stopping.load(ordering: .relaxed) || [SIGINT, SIGTERM, SIGHUP, SIGQUIT].contains(signalled) {
                return 128 + signalled
            }

            if interactive {
                tcsetattr(0, TCSANOW, &saved)
                let reset = "\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l"
                FileHandle.standardOutput.write(Data(reset.utf8))
            }
            crashes = crashes.filter { Date().timeIntervalSince($0) < quickCrashWindow } + [Date()]
            let ran = Int(Date().timeIntervalSince(started))
            let cause = "\(signalName(signalled)) after \(ran) s"
            let what = "the server stopped unexpectedly (\(cause))"
            if crashes.count >= quickCrashes {
                FileHandle.standardOutput.write(Data(("kashuv facilitate: \(what), \(crashes.count) times in \(Int(quickCrashWindow)) s: not restarting it. "
                    + "Every trainee's turns are saved; run the same command to continue the session.\n").utf8))
                return 1
            }
            FileHandle.standardOutput.write(Data("kashuv facilitate: \(what); restarting it.\n".utf8))
            note = "Restarted at \(clock()) (\(cause));"
        }
    }

    private static func spawn(_ program: String, _ arguments: [String]) -> pid_t? {
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        // The child handles Ctrl-C and the stop signals itself: not ignored as in the supervisor.
        var defaults = sigset_t()
        sigemptyset(&defaults)
        for number in [SIGINT, SIGQUIT, SIGTERM, SIGHUP, SIGPIPE] { sigaddset(&defaults, number) }
        posix_spawnattr_setsigdefault(&attributes, &defaults)
        var none = sigset_t()
        sigemptyset(&none)
        posix_spawnattr_setsigmask(&attributes, &none)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGDEF | POSIX_SPAWN_SETSIGMASK))
        let argv = ([program] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        var pid: pid_t = 0
        let result = posix_spawn(&pid, program, nil, &attributes, argv, environ)
        if result != 0 {
            errno = result
            return nil
        }
        return pid
    }

    private static func executablePath() -> String {
        var buffer = [CChar](repeating: 0, count: 4096)
        let count = readlink("/proc/self/exe", &buffer, buffer.count - 1)
        guard count > 0 else { return CommandLine.arguments[0] }
        return String(decoding: buffer.prefix(count).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private static func signalName(_ number: Int32) -> String {
        switch number {
        case SIGKILL: "killed, signal 9"
        case SIGILL, SIGTRAP: "a program error, signal \(number)"
        case SIGSEGV, SIGBUS: "a memory fault, signal \(number)"
        case SIGABRT: "aborted, signal \(number)"
        default: "signal \(number)"
        }
    }

    private static func clock() -> String {
        let formatter = DateFormatter()
        formatter.dateFormat = "HH:mm:ss"
        return formatter.string(from: Date())
    }
}


/// SIGTERM and SIGHUP sent to the supervisor, passed on to the server.
private enum ForwardedSignals {
    static let child = Atomic<Int32>(0)
    static let stopping = Atomic<Bool>(false)

    static func install() {
        for number in [SIGTERM, SIGHUP] {
            signal(number) { number in
                ForwardedSignals.stopping.store(true, ordering: .relaxed)
                let pid = ForwardedSignals.child.load(ordering: .relaxed)
                if pid > 0 { kill(pid, number) }
            }
        }
    }
}
