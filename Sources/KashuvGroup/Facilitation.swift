import Foundation
import KashuvCore
import KashuvTerminal
import NIOCore
import NIOPosix
import Synchronization
#if canImport(Glibc)
import Glibc
#endif

/// What `kashuv facilitate` was asked to run.
public struct FacilitationOptions: Sendable {
    /// The session's title (the plan's, or the scenario's).
    public var title: String
    /// A short name for the session id (the plan's file name or the scenario id).
    public var name: String
    /// The scenarios in order.
    public var scenarios: [Scenario]
    /// The address to listen on (`0.0.0.0`: every network interface).
    public var host: String
    /// The port (0: any free port).
    public var port: Int
    /// The join code; six random digits when `nil`.
    public var code: String?
    /// The progress folder.
    public var progressFolder: URL
    /// The host key file; `~/.config/kashuv/ssh_host_ed25519_key` when `nil`.
    public var hostKeyPath: String?
    /// The trainer profile the attempts are measured against.
    public var coaching = Coaching()
    /// Why this run continues an earlier one, when its supervisor restarted it after a crash
    /// (shown on the console).
    public var restartNote: String?

    /// Options with every field given.
    public init(title: String, name: String, scenarios: [Scenario], host: String, port: Int, code: String?,
                progressFolder: URL, hostKeyPath: String?) {
        self.title = title
        self.name = name
        self.scenarios = scenarios
        self.host = host
        self.port = port
        self.code = code
        self.progressFolder = progressFolder
        self.hostKeyPath = hostKeyPath
    }
}

/// Runs a group session: the SSH server for the trainees and the facilitator's console on
/// this terminal (or, when stdin/stdout is not a terminal, a plain log with one command per
/// input line: `n` next, `c N` follow reply N, `s N` spotlight reply N, `b`, `w`, `t`, `q`).
public enum Facilitation {
    /// Serves until the facilitator ends the session (`q`, Ctrl-C, SIGTERM, SIGHUP); writes the
    /// group summary and returns the exit status.
    public static func run(_ options: FacilitationOptions, scorer: any ReplyScoring,
                           environment: [String: String] = ProcessInfo.processInfo.environment) throws -> Int32 {
        DisplayWidth.prepareLocale()
        let code = try options.code.map { code throws(GroupError) in try JoinCode(code) } ?? JoinCode.generate()
        let hostKey = try HostKeyFile(path: options.hostKeyPath ?? HostKeyFile.defaultPath(environment: environment))
        let store = ProgressStore(folder: options.progressFolder)
        try store.prepareFolder()
        // A session interrupted in this progress folder (a crash, kill -9) continues where it was.
        let roomFile = RoomFile(folder: options.progressFolder)
        var savedRoom = try roomFile.read()
        if let earlier = savedRoom, earlier.phase == GroupRoom.Phase.finished.rawValue {
            roomFile.remove()
            savedRoom = nil
        }
        if let earlier = savedRoom, earlier.name != options.name || earlier.scenarioIDs != options.scenarios.map(\.id) {
            throw GroupError.otherSessionInProgress(path: roomFile.url.path, session: earlier.session, name: earlier.name)
        }
        let room: GroupRoom
        if let savedRoom {
            room = try GroupRoom(restoring: savedRoom, scenarios: options.scenarios, store: store, scorer: scorer,
                                 coaching: options.coaching, limits: GroupLimits())
        } else {
            room = try GroupRoom(
                sessionID: sessionID(name: options.name), title: options.title, scenarios: options.scenarios,
                store: store, scorer: scorer, coaching: options.coaching, limits: GroupLimits())
        }
        room.name = options.name
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let server = GroupServer(room: room, code: code, hostKey: hostKey.key, group: group)
        // The same port as before the interruption when none was chosen, so the join command stays the same.
        let port: Int
        if let savedRoom, options.port == 0, savedRoom.port > 0, let again = try? server.start(host: options.host, port: savedRoom.port) {
            port = again
        } else {
            port = try server.start(host: options.host, port: options.port)
        }
        try server.loop.submit {
            room.port = port
            room.roomFile = roomFile
            room.savePosition()
        }.wait()
        let joinLine = "ssh -p \(port) NAME@\(displayHost(options.host))"
        let console = FacilitatorConsole(room: room, joinLine: joinLine, code: code.text, fingerprint: hostKey.fingerprint)
        let continuing = savedRoom.map { _ in
            (options.restartNote.map { $0 + " " } ?? "") + "continuing \(room.sessionID) at scenario \(room.scenarioIndex + 1), "
                + "round \(room.rounds.count): trainees reconnect with the same command and name"
        }
        if let continuing { console.note(continuing) }

        let interactive = isatty(0) == 1 && isatty(1) == 1 && !["", "dumb"].contains(environment["TERM"] ?? "")
        let colours = (environment["NO_COLOR"] ?? "").isEmpty
        let loop = server.loop
        let ended = Atomic<Bool>(false)
        let output = Output()

        // Redraws are coalesced: many replies at once cost one frame per 50 ms.
        final class Redraw: @unchecked Sendable { var scheduled = false }
        let redraw = Redraw()
        let drawConsole: @Sendable () -> Void = {
            if interactive {
                output.write(console.frame(colours: colours))
            } else {
                output.line(console.statusLine())
            }
        }
        room.onChange = { isPublic in
            if isPublic { server.refreshAll() }
            guard !redraw.scheduled else { return }
            redraw.scheduled = true
            loop.scheduleTask(in: .milliseconds(50)) {
                redraw.scheduled = false
                drawConsole()
            }
        }

        var saved = termios()
        if interactive {
            tcgetattr(0, &saved)
            var raw = saved
            raw.c_lflag &= ~tcflag_t(ICANON | ECHO | ISIG | IEXTEN)
            raw.c_iflag &= ~tcflag_t(IXON | ICRNL)
            withUnsafeMutablePointer(to: &raw.c_cc) { pointer in
                pointer.withMemoryRebound(to: cc_t.self, capacity: Int(NCCS)) { cc in
                    cc[Int(VMIN)] = 1
                    cc[Int(VTIME)] = 0
                }
            }
            tcsetattr(0, TCSANOW, &raw)
            output.write(Array("\u{1B}[?1049h".utf8))
        } else {
            output.line("kashuv facilitate: \(options.title)")
            output.line("join: \(joinLine)")
            output.line("code: \(code.text)")
            output.line("host key: \(hostKey.fingerprint)\(hostKey.created ? " (new)" : "")")
            if let continuing { output.line(continuing) }
            output.line("listening on port \(port)")
        }
        SignalWatch.install()
        loop.execute {
            console.size = terminalSize()
            drawConsole()
        }

        // The main thread reads the facilitator's keys (or command lines) and watches signals;
        // everything else happens on the event loop.
        var decoder = KeyDecoder()
        var lineBuffer: [UInt8] = []
        var inputOpen = true
        while !ended.load(ordering: .relaxed) {
            if SignalWatch.takeStop() != nil { break }
            if SignalWatch.takeResize() {
                loop.execute {
                    console.size = terminalSize()
                    console.invalidate()
                    drawConsole()
                }
            }
            var descriptor = pollfd(fd: 0, events: Int16(POLLIN), revents: 0)
            guard inputOpen, poll(&descriptor, 1, 100) > 0 else {
                if !inputOpen { usleep(100_000) }
                continue
            }
            var bytes = [UInt8](repeating: 0, count: 4096)
            let count = read(0, &bytes, bytes.count)
            if count <= 0 {
                inputOpen = false  // keep serving; signals still end the session
                continue
            }
            let chunk = Array(bytes[0..<count])
            var commands: [(FacilitatorConsole.Command, Int?)] = []
            if interactive {
                if chunk.contains(3) { break }  // Ctrl-C
                commands = decoder.keys(from: chunk).map { (FacilitatorConsole.command(for: $0), nil) }
            } else {
                lineBuffer += chunk
                while let newline = lineBuffer.firstIndex(of: 10) {
                    let line = String(decoding: lineBuffer[..<newline], as: UTF8.self).trimmingCharacters(in: .whitespaces)
                    lineBuffer.removeSubrange(...newline)
                    let command = lineCommand(line)
                    commands.append(command)
                    // A typed `q` line is deliberate: it needs no second `q` to confirm.
                    if command.0 == .end { commands.append(command) }
                }
            }
            let toRun = commands
            let stop = try loop.submit { () -> Bool in
                for (command, index) in toRun {
                    if let index { console.choose(index - 1) }
                    if console.perform(command) { return true }
                    if !interactive, !console.message.isEmpty { output.line(console.message) }
                }
                drawConsole()
                return false
            }.wait()
            if stop { ended.store(true, ordering: .relaxed) }
        }

        // The end: the summary, the trainees told, the terminal restored.
        let summary = try loop.submit { () -> (path: String?, lines: [String]) in
            room.finish()
            server.stop()
            return (try? GroupSummary.write(room, folder: options.progressFolder).path, GroupSummary.text(room))
        }.wait()
        // Every reply and position handed over is on storage; the session is over, so the room
        // file goes (the summary is the record now). Without a summary it stays.
        server.finishSaving()
        if summary.path != nil { roomFile.remove() }
        SignalWatch.uninstall()
        if interactive {
            output.write(Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8))
            tcsetattr(0, TCSANOW, &saved)
        }
        for line in summary.lines { output.line(line) }
        output.line("summary: \(summary.path ?? "(could not be written)")")
        return 0
    }

    private static func lineCommand(_ line: String) -> (FacilitatorConsole.Command, Int?) {
        let parts = line.split(separator: " ")
        let number = parts.count > 1 ? Int(parts[1]) : nil
        switch parts.first.map(String.init) ?? "" {
        case "", "n", "next": return (.next, nil)
        case "c": return (.followChosen, number)
        case "s": return (.spotlightChosen, number)
        case "b": return (.spotlightBest, nil)
        case "w": return (.spotlightWeakest, nil)
        case "t": return (.spotlightTrap, nil)
        case "q", "quit", "end": return (.end, nil)
        default: return (.none, nil)
        }
    }

    /// `name-YYYY-MM-DD-HHMM` (UTC), e.g. `workshop-basics-2026-12-06-0912`.
    static func sessionID(name: String) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "UTC")
        formatter.dateFormat = "yyyy-MM-dd-HHmm"
        let safe = String(name.unicodeScalars.map { $0.properties.isAlphabetic || ("0"..."9").contains($0) ? Character($0) : "-" })
        return String(safe.prefix(40)) + "-" + formatter.string(from: Date())
    }

    /// The address to read out: the one given, or this machine's first non-loopback IPv4.
    static func displayHost(_ host: String) -> String {
        guard host == "0.0.0.0" || host == "::" else { return host }
        var addresses: UnsafeMutablePointer<ifaddrs>?
        guard getifaddrs(&addresses) == 0, let first = addresses else { return "HOST" }
        defer { freeifaddrs(addresses) }
        var cursor: UnsafeMutablePointer<ifaddrs>? = first
        while let entry = cursor {
            defer { cursor = entry.pointee.ifa_next }
            guard let address = entry.pointee.ifa_addr, address.pointee.sa_family == sa_family_t(AF_INET),
                  entry.pointee.ifa_flags & UInt32(IFF_LOOPBACK) == 0 else { continue }
            var buffer = [CChar](repeating: 0, count: Int(INET_ADDRSTRLEN))
            var inet = address.withMemoryRebound(to: sockaddr_in.self, capacity: 1) { $0.pointee.sin_addr }
            inet_ntop(AF_INET, &inet, &buffer, socklen_t(buffer.count))
            return String(decoding: buffer.prefix { $0 != 0 }.map { UInt8(bitPattern: $0) }, as: UTF8.self)
        }
        return "HOST"
    }

    static func terminalSize() -> (rows: Int, columns: Int) {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 { return (Int(size.ws_row), Int(size.ws_col)) }
        return (24, 80)
    }
}

/// Writes to standard output from any thread, whole writes at a time.
private final class Output: Sendable {
    private let lock = Mutex(())

    func write(_ bytes: [UInt8]) {
        lock.withLock { _ in
            var offset = 0
            while offset < bytes.count {
                let written = bytes[offset...].withUnsafeBytes { Glibc.write(1, $0.baseAddress, $0.count) }
                if written <= 0 { if errno == EINTR { continue } else { return } }
                offset += written
            }
        }
    }

    func line(_ text: String) { write(Array((text + "\n").utf8)) }
}
