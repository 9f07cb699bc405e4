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

    @Test("Two trainees join, answer a round, see their feedback and the spotlight but never each other's names")
    func workshopRound() throws {
        let port = try Self.freePort()
        let console = try facilitator(port: port)
        defer { console.close() }

        // A Hebrew name as the SSH user name; another through the name prompt.
        let noa = try trainee("נועה", port: port)
        defer { noa.close() }
        try join(noa)
        try noa.waitFor(visual(labels.waitingForStart))
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
        try noa.type(strong)
        try noa.press("Enter")
        try noa.waitFor(visual(labels.waitingForOthers))
        try yossi.type(weak)
        try yossi.press("Enter")
        try yossi.waitFor(visual(labels.waitingForOthers))
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
        let dana = try trainee("דנה", port: port)
        defer { dana.close() }
        try join(dana)
        try dana.waitFor(visual(labels.waitingForStart))
        try console.press("Enter")
        try dana.waitFor(visual(TestScenario.customerName + ": " + TestScenario.opening))
        try dana.type("אני מבינה, אני בודקת עכשיו")
        try dana.press("Enter")
        try dana.waitFor(visual(labels.waitingForOthers))
        try console.waitFor("1 answer") { $0.contains(visual("\(labels.answered): 1/1")) }
    }
}

/// Whether the OpenSSH client is installed.
let sshInstalled = FileManager.default.isExecutableFile(atPath: "/usr/bin/ssh")

private extension String {
    var reversedScalars: String { String(String.UnicodeScalarView(unicodeScalars.reversed())) }
}
