import Foundation
import KashuvCore
@testable import KashuvGroup
import Testing
#if canImport(Glibc)
import Glibc
#endif

/// `kashuv facilitate` joined with the stock OpenSSH client, like a workshop: the
/// facilitator's console and every trainee's `ssh` each run in their own tmux, on 127.0.0.1,
/// a free port and a temporary host key.
@Suite("Group session over SSH", .serialized,
       .enabled(if: TmuxSession.isInstalled && sshInstalled, "tmux or ssh is not installed"))
struct GroupSSHTests {
    static let code = "314159"
    let labels = GroupLabels(language: .hebrew)

    /// A port nobody listens on now.
    static func freePort() throws -> Int {
        let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
        defer { close(socket) }
        var address = sockaddr_in()
        address.sin_family = sa_family_t(AF_INET)
        address.sin_addr.s_addr = inet_addr("127.0.0.1")
        address.sin_port = 0
        var length = socklen_t(MemoryLayout<sockaddr_in>.size)
        let bound = withUnsafeMutablePointer(to: &address) { pointer in
            pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { bind(socket, $0, length) == 0 && getsockname(socket, $0, &length) == 0 }
        }
        guard bound else { throw TmuxError.timeout(what: "a free port", screen: "") }
        return Int(UInt16(bigEndian: address.sin_port))
    }

    /// The facilitator's console running the test scenario.
    func facilitator(port: Int) throws -> TmuxSession {
        let tmux = try TmuxSession()
        guard let binary = TmuxSession.kashuvBinary else { throw TmuxError.noBinary }
        try tmux.start("'\(binary)' facilitate \(TestScenario.id) --host 127.0.0.1 --port \(port) --code \(Self.code) "
            + "--progress '\(tmux.progressFolder.path)' --host-key '\(tmux.folder.path)/host_key'; sleep 5", columns: 120, rows: 40)
        try tmux.waitFor(Self.code)
        return tmux
    }

    /// A trainee's `ssh` (no known-hosts file, no keys: only the join code).
    func trainee(_ user: String, port: Int, command: String = "") throws -> TmuxSession {
        let tmux = try TmuxSession()
        try tmux.start("ssh -p \(port) -o StrictHostKeyChecking=no -o UserKnownHostsFile=/dev/null -o PubkeyAuthentication=no "
            + "-o LogLevel=ERROR '\(user)'@127.0.0.1 \(command); echo SSH-EXITED; sleep 5")
        try tmux.waitFor("password:")
        return tmux
    }

    func join(_ tmux: TmuxSession, code: String = Self.code) throws {
        try tmux.type(code)
        try tmux.press("Enter")
    }

    /// A trainee's `ssh` that joined with their name and waits for the first round.
    func joined(_ user: String, port: Int) throws -> TmuxSession {
        let tmux = try trainee(user, port: port)
        do {
            try join(tmux)
            try tmux.waitFor(visual(labels.waitingForStart))
        } catch {
            tmux.close()
            throw error
        }
        return tmux
    }

    /// Types a reply and waits until it is scored and saved.
    func answer(_ tmux: TmuxSession, _ reply: String) throws {
        try tmux.type(reply)
        try tmux.press("Enter")
        try tmux.waitFor(visual(labels.waitingForOthers))
    }

    @Test("Two trainees join, answer a round, see their feedback and the spotlight but never each other's names")
    func workshopRound() throws {
        let port = try Self.freePort()
        let console = try facilitator(port: port)
        defer { console.close() }

        // A Hebrew name as the SSH user name; another through the name prompt.
        let noa = try joined("נועה", port: port)
        defer { noa.close() }
        let yossi = try trainee("join", port: port)
        defer { yossi.close() }
        try join(yossi)
        try yossi.waitFor("Your name?")
        try yossi.type("יוסי")
        try yossi.press("Enter")
        try yossi.waitFor(visual(labels.waitingForStart))
        try console.waitFor("both names on the console") { $0.contains(visual("נועה")) && $0.contains(visual("יוסי")) }

        // The round opens on every screen at once.
        try console.press("Enter")
        let opening = visual(TestScenario.customerName + ": " + TestScenario.opening)
        let noaRound = try noa.waitFor(opening)
        #expect(!noaRound.contains("--resume"), "leaving a group session is not resumed alone: the hint says to connect again")
        try yossi.waitFor(opening)

        // Each answers and sees their own feedback.
        let strong = "רחל, אני מבינה שחיכית 35 דקות וזה מתסכל. אני בודקת את ההזמנה עכשיו"
        let weak = "זה לא באחריותנו, תתקשרי לחברת המשלוחים"
        try answer(noa, strong)
        try answer(yossi, weak)
        try console.waitFor("2 answers") { $0.contains(visual("\(labels.answered): 2/2")) }

        // The best reply in the spotlight: Yossi sees Noa's words with their score, not her name.
        try console.press("b")
        let yossiScreen = try yossi.waitFor(visual(labels.spotlight))
        #expect(yossiScreen.contains(visual("35 דקות וזה מתסכל")) || yossiScreen.contains("מתסכל".reversedScalars))
        #expect(!yossiScreen.contains(visual("נועה")) && !yossiScreen.contains("נועה"))
        let noaScreen = try noa.waitFor(visual(labels.spotlight))
        #expect(!noaScreen.contains(visual("יוסי")) && !noaScreen.contains("יוסי"))
        #expect(!noaScreen.contains(visual("חברת המשלוחים")), "a reply that was not spotlighted is never shown to others")

        // The facilitator advances: the next line reaches both.
        try console.press("Enter")
        let second = visual(TestScenario.customerName + ": " + TestScenario.second)
        try noa.waitFor(second)
        try yossi.waitFor(second)

        // Yossi's window gets narrower: ssh sends window-change and the screen is drawn for
        // the new width (the title bar, right-aligned in Hebrew, moves into the 60 columns).
        try yossi.resize(columns: 60, rows: 24)
        try yossi.waitFor("the title bar redrawn at 60 columns") { screen in
            screen.split(separator: "\n").first.map { $0.contains(visual("קשוב")) } ?? false
        }

        // Every trainee's turn is in their own progress file, with the session.
        let turns = try console.progressRecords().filter { $0["type"] as? String == "turn" }
        #expect(Set(turns.compactMap { $0["trainee"] as? String }) == ["נועה", "יוסי"])
        #expect(turns.allSatisfy { ($0["session"] as? String)?.hasPrefix(TestScenario.id) == true })
        #expect(Set(turns.compactMap { $0["reply"] as? String }) == [strong, weak])

        // Noa leaves and comes back with the same name: the call continues where it is.
        try noa.press("Escape")
        try noa.waitFor("SSH-EXITED")
        let again = try trainee("נועה", port: port)
        defer { again.close() }
        try join(again)
        let back = try again.waitFor(second)
        #expect(back.contains(visual(strong)) || back.contains(visual("אני בודקת את ההזמנה עכשיו")))

        // q asks first (a stray key must not end a workshop); q again ends it and writes the
        // summary next to the progress files.
        try console.press("q")
        try console.waitFor(visual(labels.confirmEnd))
        try console.press("q")
        try console.waitFor("summary:")
        let summaries = try FileManager.default.contentsOfDirectory(atPath: console.progressFolder.path).filter { $0.hasPrefix("group-") }
        #expect(summaries.count == 1)
    }

    @Test("A wrong code is refused; commands, sftp and garbage on the port do not hurt the session")
    func refusals() throws {
        let port = try Self.freePort()
        let console = try facilitator(port: port)
        defer { console.close() }

        let wrong = try trainee("דנה", port: port)
        defer { wrong.close() }
        try join(wrong, code: "000000")
        try wrong.waitFor("Permission denied")

        // A command instead of the screen: refused.
        let command = try trainee("דנה", port: port, command: "cat /etc/passwd")
        defer { command.close() }
        try join(command)
        let refused = try command.waitFor("SSH-EXITED")
        #expect(refused.contains("only an interactive session") || refused.contains("request failed"), "\(refused)")
        #expect(!refused.contains("root:"))

        // Garbage, half-open connections and a burst of connect-and-drop.
        var held: [Int32] = []
        for index in 0..<300 {
            let socket = Glibc.socket(AF_INET, Int32(SOCK_STREAM.rawValue), 0)
            var address = sockaddr_in()
            address.sin_family = sa_family_t(AF_INET)
            address.sin_addr.s_addr = inet_addr("127.0.0.1")
            address.sin_port = UInt16(port).bigEndian
            let connected = withUnsafePointer(to: &address) { pointer in
                pointer.withMemoryRebound(to: sockaddr.self, capacity: 1) { connect(socket, $0, socklen_t(MemoryLayout<sockaddr_in>.size)) == 0 }
            }
            if connected, index % 3 == 0 {
                let garbage: [UInt8] = index % 2 == 0 ? Array("GET / HTTP/1.1\r\n\r\n".utf8) : (0..<512).map { _ in UInt8.random(in: 0...255) }
                _ = garbage.withUnsafeBytes { send(socket, $0.baseAddress, $0.count, Int32(MSG_NOSIGNAL)) }
            }
            if connected, index % 30 == 0 { held.append(socket) } else { close(socket) }
        }
        defer { held.forEach { close($0) } }

        // The session carries on: a trainee joins and answers.
        let dana = try joined("דנה", port: port)
        defer { dana.close() }
        try console.press("Enter")
        try dana.waitFor(visual(TestScenario.customerName + ": " + TestScenario.opening))
        try answer(dana, "אני מבינה, אני בודקת עכשיו")
        try console.waitFor("1 answer") { $0.contains(visual("\(labels.answered): 1/1")) }
    }

    @Test("kill -9 of the server: its supervisor restarts it, the room continues at the same round, trainees reconnect with the same name, nothing is lost")
    func crashAndRestore() throws {
        let port = try Self.freePort()
        let console = try facilitator(port: port)
        defer { console.close() }
        let noa = try joined("נועה", port: port)
        defer { noa.close() }
        let dana = try joined("דנה", port: port)
        defer { dana.close() }

        // Round 1: both answer; the best reply in the spotlight; round 2: Noa answers.
        try console.press("Enter")
        let opening = visual(TestScenario.customerName + ": " + TestScenario.opening)
        try noa.waitFor(opening)
        try dana.waitFor(opening)
        let strong = "רחל, אני מבינה שחיכית 35 דקות וזה מתסכל. אני בודקת את ההזמנה עכשיו"
        try answer(noa, strong)
        try answer(dana, "זה לא באחריותנו, תתקשרי לחברת המשלוחים")
        try console.waitFor("2 answers") { $0.contains(visual("\(labels.answered): 2/2")) }
        try console.press("b")
        try dana.waitFor(visual(labels.spotlight))
        try console.press("Enter")
        let second = visual(TestScenario.customerName + ": " + TestScenario.second)
        try noa.waitFor(second)
        try dana.waitFor(second)
        let booked = "אני קובעת לך תור עכשיו ושולחת אישור בהודעה"
        try answer(noa, booked)
        try console.waitFor("1 answer") { $0.contains(visual("\(labels.answered): 1/2")) }
        let before = try console.progressRecords().filter { $0["type"] as? String == "turn" }
        #expect(before.count == 3)

        // The server dies at once (no summary, no goodbye).
        let server = try #require(Self.serverProcess(progress: console.progressFolder.path), "the supervised server's process")
        #expect(kill(server, SIGKILL) == 0)
        try noa.waitFor("SSH-EXITED")
        try dana.waitFor("SSH-EXITED")
        try console.waitFor("the console says it restarted and continues") { $0.contains("Restarted") && $0.contains("continuing") }
        let restarted = try #require(Self.serverProcess(progress: console.progressFolder.path))
        #expect(restarted != server)

        // Both come back with the same command and name: round 2, their own replies, the spotlight.
        let noaBack = try trainee("נועה", port: port)
        defer { noaBack.close() }
        try join(noaBack)
        let noaScreen = try noaBack.waitFor(visual(labels.waitingForOthers))
        #expect(noaScreen.contains(second), "\(noaScreen)")
        let danaBack = try trainee("דנה", port: port)
        defer { danaBack.close() }
        try join(danaBack)
        try danaBack.waitFor(second)
        try answer(danaBack, "אני מתנצלת, אני קובעת לך תור עכשיו")
        try console.waitFor("2 answers after the restart") { $0.contains(visual("\(labels.answered): 2/2")) }

        // Nothing lost and nothing twice: each trainee one attempt, turns 1 and 2, in the same session.
        let turns = try console.progressRecords().filter { $0["type"] as? String == "turn" }
        #expect(turns.count == 4)
        for name in ["נועה", "דנה"] {
            let mine = turns.filter { $0["trainee"] as? String == name }
            #expect(mine.compactMap { $0["turn"] as? Int }.sorted() == [1, 2], "\(name): \(mine)")
            #expect(Set(mine.compactMap { $0["attempt_id"] as? String }).count == 1)
            #expect(Set(mine.compactMap { $0["session"] as? String }).count == 1)
        }

        // The end: the summary has both rounds, and the room file is gone.
        try console.press("q")
        try console.waitFor(visual(labels.confirmEnd))
        try console.press("q")
        try console.waitFor("summary:")
        let files = try FileManager.default.contentsOfDirectory(atPath: console.progressFolder.path)
        #expect(!files.contains("group-room.json"))
        let summaryFile = try #require(files.first { $0.hasPrefix("group-") && $0.hasSuffix(".json") })
        let summary = try JSONSerialization.jsonObject(with: Data(contentsOf: console.progressFolder.appendingPathComponent(summaryFile))) as? [String: Any]
        let rounds = summary?["rounds"] as? [[String: Any]] ?? []
        #expect(rounds.compactMap { $0["answers"] as? Int } == [2, 2])
    }

    @Test("a progress folder holding another interrupted session: facilitate says which and how to continue it, and leaves its file alone")
    func otherSessionInProgress() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-room-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let progress = folder.appendingPathComponent("progress")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        let scenario = try Scenario.load(from: KashuvProcess.packageRoot.appendingPathComponent("Scenarios/en-price-billing-error.yaml"))
        let room = try GroupRoom(sessionID: "en-price-billing-error-2026-12-06-0900", title: "t", scenarios: [scenario],
                                 store: ProgressStore(folder: progress), scorer: NoScorer(), limits: GroupLimits())
        room.name = scenario.id
        let file = RoomFile(folder: progress)
        try file.write(room.snapshot)
        let before = try Data(contentsOf: file.url)

        let run = try KashuvProcess.run(
            ["facilitate", "he-waiting-app-senior", "--host", "127.0.0.1", "--port", "0", "--progress", progress.path,
             "--host-key", folder.appendingPathComponent("host_key").path], input: [])
        #expect(run.exitStatus != 0)
        #expect(run.stderr.contains("en-price-billing-error-2026-12-06-0900") && run.stderr.contains("group-room.json"), "\(run.stderr)")
        #expect(run.stderr.contains("move the file away"))
        #expect(try Data(contentsOf: file.url) == before, "the interrupted session's position is kept")
    }

    /// The pid of the supervised server serving this progress folder (from /proc).
    static func serverProcess(progress: String) -> pid_t? {
        let entries = (try? FileManager.default.contentsOfDirectory(atPath: "/proc")) ?? []
        for entry in entries {
            guard let pid = pid_t(entry), let data = FileManager.default.contents(atPath: "/proc/\(entry)/cmdline") else { continue }
            let arguments = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
            if arguments.contains("--supervised"), arguments.contains(progress) { return pid }
        }
        return nil
    }
}

/// A scorer for a room that is never played.
private struct NoScorer: ReplyScoring {
    func score(_ reply: String, context: ScoringContext) -> ScoreResult {
        ScoreResult(language: .english, levels: Levels(listening: 0, ownership: 0, framing: 0), rated: context.rated, flags: [], evidence: [], advice: [])
    }
}

/// Whether the OpenSSH client is installed.
let sshInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")

private extension String {
    var reversedScalars: String { String(String.UnicodeScalarView(unicodeScalars.reversed())) }
}
