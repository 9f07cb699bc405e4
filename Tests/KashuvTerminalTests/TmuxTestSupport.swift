import Foundation
import KashuvTerminal

/// Drives the real `kashuv` binary inside a private tmux server, like a person at a terminal.
///
/// Every instance has its own socket (`tmux -L kashuv-test-<uuid>`) and its own temporary
/// folder (with a `Scenarios/` library and a progress folder); ``close()`` kills the server
/// and removes the folder.
final class TmuxSession {
    /// Whether tmux is installed (the tmux tests are skipped otherwise).
    static let isInstalled: Bool = findExecutable("tmux") != nil

    /// The built `kashuv` binary: `$KASHUV_BINARY`, or next to the test bundle in the build products folder.
    static let kashuvBinary: String? = {
        if let path = ProcessInfo.processInfo.environment["KASHUV_BINARY"] { return path }
        var folder = URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent()
        for _ in 0..<4 {
            let candidate = folder.appendingPathComponent("kashuv").path
            if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            folder = folder.deletingLastPathComponent()
        }
        return nil
    }()

    let socket = "kashuv-test-\(UUID().uuidString.prefix(8))"
    let folder: URL
    var progressFolder: URL { folder.appendingPathComponent("progress") }

    /// Creates the folder with the test scenarios; nothing runs yet.
    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-tmux-\(UUID().uuidString)")
        let scenarios = folder.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try TestScenario.yaml.write(to: scenarios.appendingPathComponent("\(TestScenario.id).yaml"), atomically: true, encoding: .utf8)
    }

    /// Starts `command` (a shell command line) in a new detached session of the given size.
    func start(_ command: String, columns: Int = 100, rows: Int = 30) throws {
        // The first command starts the server, which would keep an output pipe open forever.
        try tmux(["-u", "new-session", "-d", "-x", "\(columns)", "-y", "\(rows)", "-c", folder.path, command], readOutput: false)
    }

    /// The shell command that runs `kashuv practice` on the test scenario. Without a trainee
    /// (`nil`) the program asks for the name; `address` answers how the trainee is addressed
    /// beforehand (`nil` leaves the question to the program).
    func kashuvCommand(trainee: String? = "דנה", address: String? = "feminine", extra: String = "") throws -> String {
        guard let binary = Self.kashuvBinary else { throw TmuxError.noBinary }
        let name = trainee.map { " --trainee '\($0)'" } ?? ""
        let addressing = address.map { " --address \($0)" } ?? ""
        return "'\(binary)' practice \(TestScenario.id) --progress '\(progressFolder.path)'\(name)\(addressing) \(extra)"
    }

    /// The same command inside a shell that prints `EXITED <status>` afterwards and stays
    /// open a few seconds, so the screen after exit can be read.
    func kashuvInShell(trainee: String? = "דנה", address: String? = "feminine", extra: String = "") throws -> String {
        let command = try kashuvCommand(trainee: trainee, address: address, extra: extra)
        return "bash -c \"\(command); echo EXITED \\$?; sleep 5\""
    }

    /// Types text literally (Hebrew included).
    func type(_ text: String) throws { try tmux(["send-keys", "-l", text]) }

    /// Presses named keys (`Enter`, `Escape`, `C-c`, `Left`…).
    func press(_ keys: String...) throws { try tmux(["send-keys"] + keys) }

    /// The screen as text, one line per row, in visual order.
    func capture() throws -> String { try tmux(["capture-pane", "-p"]) }

    /// The screen as text with lines the terminal wrapped joined again (`capture-pane -J`).
    func captureJoined() throws -> String { try tmux(["capture-pane", "-p", "-J"]) }

    /// The screen with its colours and attributes as escape sequences (`capture-pane -e`).
    func captureWithAttributes() throws -> String { try tmux(["capture-pane", "-p", "-e"]) }

    /// A tmux format value, e.g. `#{alternate_on}`.
    func display(_ format: String) throws -> String {
        try tmux(["display-message", "-p", format]).trimmingCharacters(in: .whitespacesAndNewlines)
    }

    /// Resizes the window.
    func resize(columns: Int, rows: Int) throws {
        try tmux(["resize-window", "-x", "\(columns)", "-y", "\(rows)"])
    }

    /// The pid of the program running in the pane (the child of the pane's shell, or the pane itself).
    func programPID(named name: String = "kashuv") throws -> Int32? {
        let pane = try display("#{pane_pid}")
        let children = try run("/usr/bin/env", ["pgrep", "-P", pane, "-x", name]).split(separator: "\n").first
        if let child = children, let pid = Int32(child) { return pid }
        let command = try display("#{pane_current_command}")
        return command == name ? Int32(pane) : nil
    }

    /// Waits until the screen satisfies `condition`, polling every 30 ms; returns the last capture.
    @discardableResult
    func waitFor(_ what: String, timeout: Double = 10, _ condition: (String) -> Bool) throws -> String {
        let deadline = Date().addingTimeInterval(timeout)
        var screen = ""
        while Date() < deadline {
            screen = (try? capture()) ?? ""
            if condition(screen) { return screen }
            usleep(30_000)
        }
        throw TmuxError.timeout(what: what, screen: screen)
    }

    /// Waits until the screen shows `text`.
    @discardableResult
    func waitFor(_ text: String, timeout: Double = 10) throws -> String {
        try waitFor("'\(text)'", timeout: timeout) { $0.contains(text) }
    }

    /// The trainee's progress records, one parsed JSON object per line; throws if a line does not parse.
    func progressRecords() throws -> [[String: Any]] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: progressFolder.path)) ?? []
        var records: [[String: Any]] = []
        for file in files where file.hasSuffix(".jsonl") {
            let text = try String(contentsOf: progressFolder.appendingPathComponent(file), encoding: .utf8)
            for line in text.split(separator: "\n") {
                guard let object = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any] else {
                    throw TmuxError.badRecord(String(line))
                }
                records.append(object)
            }
        }
        return records
    }

    /// Ends every pane (the server goes with them), keeping the folder: the next ``start(_:columns:rows:)``
    /// begins a fresh server, as a trainee would start the program again.
    func stopServer() {
        _ = try? tmux(["kill-server"])
        // A new server must not meet the old one still going away: wait until no session answers.
        let deadline = Date().addingTimeInterval(3)
        while !((try? tmux(["list-sessions"])) ?? "").isEmpty, Date() < deadline { usleep(20_000) }
    }

    /// Kills the tmux server and removes the folder.
    func close() {
        _ = try? tmux(["kill-server"])
        let base = ProcessInfo.processInfo.environment["TMUX_TMPDIR"] ?? "/tmp"
        unlink("\(base)/tmux-\(getuid())/\(socket)")
        try? FileManager.default.removeItem(at: folder)
    }

    /// Runs a tmux command on this test's own server (one session, so no target is needed).
    @discardableResult
    private func tmux(_ arguments: [String], readOutput: Bool = true) throws -> String {
        try run("/usr/bin/env", ["tmux", "-L", socket] + arguments, readOutput: readOutput)
    }

    /// Runs a program and waits for it with `posix_spawn` and `waitpid`. Foundation's `Process`
    /// is not used: it waits for EOF on a descriptor that the daemonised tmux server inherits,
    /// and would hang forever. Output goes through a temporary file for the same reason.
    private func run(_ executable: String, _ arguments: [String], readOutput: Bool = true) throws -> String {
        let outputPath = readOutput ? folder.appendingPathComponent("tmux-out-\(UUID().uuidString)").path : "/dev/null"
        defer { if readOutput { unlink(outputPath) } }
        var actions = posix_spawn_file_actions_t()
        posix_spawn_file_actions_init(&actions)
        defer { posix_spawn_file_actions_destroy(&actions) }
        posix_spawn_file_actions_addopen(&actions, 0, "/dev/null", O_RDONLY, 0)
        posix_spawn_file_actions_addopen(&actions, 1, outputPath, O_WRONLY | O_CREAT | O_TRUNC, 0o600)
        posix_spawn_file_actions_addopen(&actions, 2, "/dev/null", O_WRONLY, 0)
        let argv = ([executable] + arguments).map { strdup($0) } + [nil]
        defer { argv.forEach { free($0) } }
        // A clean signal mask and default handlers: the test runner's threads block signals,
        // and the tmux server (and so the program under test) would inherit that.
        var attributes = posix_spawnattr_t()
        posix_spawnattr_init(&attributes)
        defer { posix_spawnattr_destroy(&attributes) }
        var empty = sigset_t(), all = sigset_t()
        sigemptyset(&empty)
        sigfillset(&all)
        sigdelset(&all, SIGKILL)
        sigdelset(&all, SIGSTOP)
        posix_spawnattr_setsigmask(&attributes, &empty)
        posix_spawnattr_setsigdefault(&attributes, &all)
        posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
        var pid: pid_t = 0
        let status = posix_spawn(&pid, executable, &actions, &attributes, argv, environ)
        guard status == 0 else { throw TmuxError.spawn(executable, status) }
        var exit: Int32 = 0
        while waitpid(pid, &exit, 0) < 0 && errno == EINTR {}
        guard readOutput else { return "" }
        return (try? String(contentsOfFile: outputPath, encoding: .utf8)) ?? ""
    }

    private static func findExecutable(_ name: String) -> String? {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        return path.split(separator: ":").map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }
}

/// What went wrong driving tmux.
enum TmuxError: Error, CustomStringConvertible {
    case noBinary
    case timeout(what: String, screen: String)
    case badRecord(String)
    case spawn(String, Int32)

    var description: String {
        switch self {
        case .noBinary: "the kashuv binary was not found next to the test bundle; run `swift build --product kashuv` first or set KASHUV_BINARY"
        case .timeout(let what, let screen): "timed out waiting for \(what); the screen was:\n\(screen)"
        case .badRecord(let line): "a progress line does not parse as JSON: \(line)"
        case .spawn(let program, let status): "cannot start \(program): error \(status)"
        }
    }
}

/// A small Hebrew scenario whose branches do not depend on the scorer: every reply moves the
/// mood the same way (6 → 4 → 3 → 2), so the screen can be checked exactly.
enum TestScenario {
    static let id = "he-tmux-test"
    static let customerName = "רחל כהן"
    static let opening = "חיכיתי 35 דקות על הקו! ההזמנה מספר A-1234 עדיין לא הגיעה."
    static let second = "טוב. ומה עם ה-SMS שהבטחתם לי (לפני שבוע)?"
    static let third = "אז מתי זה יגיע?"
    static let endingDebrief = "רחל קיבלה תשובה ברורה ותאריך."

    static let yaml = """
        id: \(id)
        language: he
        category: waiting
        title: מבחן מסך מלא
        brief: |-
          רחל הזמינה מקרר לפני שבועיים והמתינה 35 דקות בתור הטלפוני.
        can_offer:
          - לבדוק את ההזמנה עכשיו
        cannot_offer:
          - החזר כספי מלא
        customer:
          name: \(customerName)
          background: לקוחה ותיקה מרמת גן.
          mood: 6
        facts:
          - 35 דקות
        max_turns: 3
        start: opening
        on_furious: hung-up
        on_max_turns: answered
        turns:
          - id: opening
            says: |-
              \(opening)
            branches:
              - mood: -2
                next: second
          - id: second
            says: |-
              \(second)
            branches:
              - mood: -1
                next: third
          - id: third
            says: |-
              \(third)
            branches:
              - mood: -1
                next: answered
        endings:
          - id: answered
            outcome: resolved
            debrief: |-
              \(endingDebrief)
          - id: hung-up
            outcome: left
            debrief: |-
              רחל ניתקה.
        test_plan:
          - name: every reply calms her
            steps:
              - line: opening
                reply: { listening: 1, ownership: 1, framing: 1 }
              - line: second
                reply: { listening: 1, ownership: 1, framing: 1 }
              - line: third
                reply: { listening: 1, ownership: 1, framing: 1 }
            ending: answered

        """
}

/// Visual order, as the screen shows it (the app's own FriBidi layout, no wrapping).
func visual(_ logical: String) -> String {
    BidiLayout(mode: .app).visual(logical)
}
