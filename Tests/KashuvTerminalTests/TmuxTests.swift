import Foundation
import KashuvCore
import KashuvTerminal
import Testing

/// The real `kashuv` binary under tmux, driven like a person: typing Hebrew, pressing keys,
/// reading the screen (visual order), killing it, closing its terminal, resizing it.
///
/// Skipped only when tmux is not installed. Needs the built binary (`swift build --product kashuv`).
@Suite("Full screen under tmux", .serialized, .enabled(if: TmuxSession.isInstalled, "tmux is not installed"))
struct TmuxTests {
    let he = Labels.hebrew

    /// The customer's line as the transcript draws it: name, colon, text.
    func customerLine(_ says: String) -> String { TestScenario.customerName + ": " + says }

    @Test("A Hebrew call from first line to debrief")
    func wholeCall() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvInShell())

        // The opening line, in visual order: numbers and "A-1234" left to right inside Hebrew.
        var screen = try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        #expect(screen.contains("!וקה לע תוקד 35 יתיכיח"))
        #expect(screen.contains("A-1234 רפסמ הנמזהה"))
        #expect(screen.contains("6/10"))
        #expect(try tmux.display("#{alternate_on}") == "1")

        // A Hebrew reply; the score panel appears, the mood moves 6 → 4.
        let reply = "רחל, אני מבינה שחיכית 35 דקות, אני בודקת את ההזמנה עכשיו"
        try tmux.type(reply)
        try tmux.waitFor(visual(reply))
        try tmux.press("Enter")
        screen = try tmux.waitFor(visual(customerLine(TestScenario.second)))
        #expect(screen.contains(visual("\(he.turn) 1")))
        #expect(screen.contains(visual(he.name(of: .listening))))
        #expect(screen.contains("4/10"))
        #expect(screen.contains("↓"))
        #expect(!screen.contains("6/10"))
        // Brackets are mirrored for the right-to-left line: "(לפני שבוע)" reads correctly.
        #expect(screen.contains("(עובש ינפל)"))

        // The progress file already holds the scored turn.
        var turns = try tmux.progressRecords().filter { $0["type"] as? String == "turn" }
        #expect(turns.count == 1)
        #expect(turns.first?["reply"] as? String == reply)

        // Empty Enter is ignored; two more replies end the call.
        try tmux.press("Enter")
        try tmux.type("אני שולחת לך SMS עכשיו")
        try tmux.press("Enter")
        screen = try tmux.waitFor(visual(customerLine(TestScenario.third)))
        #expect(screen.contains("3/10"))
        try tmux.type("ההזמנה תגיע ביום שלישי, אני מתקשרת אלייך מחר לוודא")
        try tmux.press("Enter")
        screen = try tmux.waitFor(visual(he.callEnded))
        turns = try tmux.progressRecords().filter { $0["type"] as? String == "turn" }
        #expect(turns.count == 3)

        // Any key: the debrief, with the ending's text and the per-turn table.
        try tmux.press("x")
        screen = try tmux.waitFor(visual(TestScenario.endingDebrief))
        #expect(screen.contains(visual(he.debrief)))
        #expect(screen.contains(visual(he.name(of: .resolved))))
        #expect(screen.contains(visual(he.practiseNext)) || screen.contains(visual(he.wentWell)))
        let attempts = try tmux.progressRecords().filter { $0["type"] as? String == "attempt" }
        #expect(attempts.count == 1)

        // Any key exits and gives the terminal back.
        try tmux.press("q")
        try tmux.waitFor("EXITED 0")
        #expect(try tmux.display("#{alternate_on}") == "0")
    }

    @Test("kill -9 after a scored turn: every turn shown as scored is on disk and the file reads cleanly")
    func killNine() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvCommand())
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        try tmux.type("אני מבינה שחיכית 35 דקות")
        try tmux.press("Enter")
        try tmux.waitFor(visual(customerLine(TestScenario.second)))
        try tmux.type("אני שולחת SMS עכשיו")
        try tmux.press("Enter")
        let screen = try tmux.waitFor(visual(customerLine(TestScenario.third)))
        let shownTurns = [1, 2].filter { screen.contains(visual("\(he.turn) \($0)")) }
        #expect(shownTurns == [1, 2])
        // Half-typed third reply, then the process dies without any chance to clean up.
        try tmux.type("ההזמנה תגי")
        let pid = try #require(try tmux.programPID())
        kill(pid, SIGKILL)
        try tmux.waitFor("the process to die", timeout: 5) { _ in kill(pid, 0) != 0 }

        let records = try tmux.progressRecords()  // throws if any line is torn
        let turns = records.filter { $0["type"] as? String == "turn" }
        #expect(turns.compactMap { $0["turn"] as? Int } == shownTurns)
        #expect(records.allSatisfy { $0["type"] as? String != "attempt" })

        // --resume continues at the third line with the mood where it was (a new tmux server:
        // the old one went away with its only pane).
        try tmux.start(try tmux.kashuvCommand(extra: "--resume"))
        let resumed = try tmux.waitFor(visual(customerLine(TestScenario.third)))
        #expect(resumed.contains("3/10"))
    }

    @Test("SIGHUP and SIGTERM restore the terminal", arguments: [("HUP", SIGHUP), ("TERM", SIGTERM)])
    func signalsRestoreTheTerminal(name: String, signal: Int32) throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvInShell())
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        #expect(try tmux.display("#{alternate_on}") == "1")
        try tmux.type("אני מבינה")
        let pid = try #require(try tmux.programPID())
        kill(pid, signal)
        let screen = try tmux.waitFor("EXITED \(128 + signal)")
        #expect(try tmux.display("#{alternate_on}") == "0")
        // The normal screen is back: the full-screen frame is gone.
        #expect(!screen.contains(visual(customerLine(TestScenario.opening))))
    }

    @Test("Ctrl-\\ (SIGQUIT) restores the terminal and exits like SIGTERM; no crash prompt waits for a key")
    func quitSignal() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvInShell())
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        try tmux.press("C-\\")
        let screen = try tmux.waitFor("EXITED \(128 + SIGQUIT)")
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(!screen.contains("Press space"), "no crash prompt: \(screen)")
        #expect(!screen.contains("crashed"))
    }

    @Test("Ctrl-\\ in plain mode on a terminal leaves the attempt as SIGTERM does (recorded as left), without a crash prompt")
    func quitSignalPlain() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvInShell(extra: "--plain"))
        try tmux.waitFor("A-1234")  // the order number in the opening line (Hebrew around it is laid out for the terminal)
        try tmux.press("C-\\")
        let screen = try tmux.waitFor("EXITED \(128 + SIGQUIT)")
        #expect(!screen.contains("Press space"), "no crash prompt: \(screen)")
        #expect(screen.contains("--resume"), "the resume line is printed as for SIGTERM")
    }

    @Test("Asked once how to be addressed: the answer is kept, the screen says אתה, and the next start does not ask")
    func askedOnceHowToBeAddressed() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvInShell(trainee: "דני", address: nil))
        // The question, laid out right to left like every Hebrew line outside the full screen.
        try tmux.waitFor(visual(he.askAddress))
        try tmux.type("2")
        try tmux.press("Enter")
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        try tmux.type("אני מבין שחיכית")
        try tmux.press("Enter")
        // The trainee's reply is labelled with the masculine "you", not a slash form.
        let screen = try tmux.waitFor(visual(customerLine(TestScenario.second)))
        #expect(screen.contains(visual("אתה: אני מבין שחיכית")), "\(screen)")
        #expect(!screen.contains("ה/תא"))
        try tmux.press("Escape")
        try tmux.waitFor("EXITED 0")
        let choices = ProgressStore(folder: tmux.progressFolder).choices(for: try TraineeName("דני"))
        #expect(choices?.address == .masculine)

        try tmux.start(try tmux.kashuvInShell(trainee: "דני", address: nil))
        let again = try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        #expect(!again.contains(visual(he.askAddress)), "asked once")
    }

    @Test("Esc quits at once, records the attempt as abandoned, and the attempt stays resumable")
    func escapeQuits() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvInShell())
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        try tmux.type("אני מבינה שחיכית")
        try tmux.press("Enter")
        try tmux.waitFor(visual(customerLine(TestScenario.second)))
        try tmux.press("Escape")
        try tmux.waitFor("EXITED 0")
        #expect(try tmux.display("#{alternate_on}") == "0")
        let records = try tmux.progressRecords()
        #expect(records.filter { $0["type"] as? String == "turn" }.count == 1)
        // docs/progress-format.md: quitting writes an "abandoned" attempt line, as plain mode does.
        let attempt = try #require(records.last)
        #expect(attempt["type"] as? String == "attempt")
        #expect(attempt["outcome"] as? String == "abandoned")
        #expect(attempt["turns"] as? Int == 1)
        #expect(attempt["ending_id"] is NSNull)

        // --resume continues at the second line; leaving again adds a second abandoned line.
        tmux.stopServer()
        try tmux.start(try tmux.kashuvInShell(extra: "--resume"))
        try tmux.waitFor(visual(customerLine(TestScenario.second)))
        try tmux.press("C-c")
        try tmux.waitFor("EXITED 0")
        let again = try tmux.progressRecords().filter { $0["type"] as? String == "attempt" }
        #expect(again.map { $0["outcome"] as? String } == ["abandoned", "abandoned"])
        #expect(Set(again.compactMap { $0["attempt_id"] as? String }).count == 1)
    }

    @Test("Outside the full screen Hebrew reads the same way: the name prompt and the exit message in visual order, right-aligned; the command as typed")
    func hebrewAroundTheFullScreen() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvInShell(trainee: nil, extra: "--bidi auto"), columns: 100, rows: 30)
        // "מה השם שלך? (Enter עבור …):" before the full screen opens, right-aligned like its Hebrew.
        var screen = try tmux.waitFor(visual(he.askName))
        let prompt = try #require(screen.split(separator: "\n").first { $0.contains(visual(he.askName)) })
        #expect(DisplayWidth.of(String(prompt)) == 100, "right-aligned: \(prompt)")
        #expect(!screen.contains(he.askName), "not in logical order")
        try tmux.type("נועה")
        try tmux.press("Enter")
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        try tmux.press("Escape")
        screen = try tmux.waitFor("EXITED 0")
        #expect(screen.contains(visual(he.attemptKeptUnfinished)))
        #expect(!screen.contains(he.attemptKeptUnfinished))
        // The command to continue is shown as the shell shows it while typed, so it can be copied.
        // (The terminal may wrap the long command anywhere; join its lines to read it whole.)
        let joined = try tmux.captureJoined()
        #expect(joined.contains("practice he-tmux-test --trainee נועה --progress '\(tmux.progressFolder.path)' --resume")
                || joined.contains("practice he-tmux-test --trainee נועה --progress \(tmux.progressFolder.path) --resume"), "\(joined)")
    }

    @Test("Plain mode on a terminal lays Hebrew out like the full screen; --bidi terminal leaves it in logical order")
    func plainModeOnATerminal() throws {
        for (extra, visualOrder) in [("--plain", true), ("--plain --bidi terminal", false)] {
            let tmux = try TmuxSession()
            defer { tmux.close() }
            try tmux.start(try tmux.kashuvInShell(extra: extra), columns: 100, rows: 30)
            let expected = visualOrder ? visual(TestScenario.opening) : TestScenario.opening
            let screen = try tmux.waitFor(expected)
            #expect(screen.contains(visualOrder ? visual(he.yourReply) : he.yourReply), "\(extra)")
            #expect(screen.contains(visualOrder ? visual(TestScenario.customerName + ":") : TestScenario.customerName + ":"))
            try tmux.type("אני מבינה שחיכית 35 דקות")
            try tmux.press("Enter")
            let scored = try tmux.waitFor(visualOrder ? visual(TestScenario.second) : TestScenario.second)
            let mood = "\(he.mood): 6 → 4"
            #expect(scored.contains(visualOrder ? visual(mood) : mood), "\(extra)")
            try tmux.press("C-d")
            try tmux.waitFor("EXITED 0")
        }
    }

    @Test("A workshop plan in the full screen: the first call's debrief leads to the second; Esc keeps the place, and the printed command continues there")
    func planInTheFullScreen() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        // A second scenario, and a plan of the two.
        let secondTitle = "מבחן שני"
        let secondOpening = "שלום, אני מתקשרת שוב בעניין ההזמנה."
        let second = TestScenario.yaml
            .replacingOccurrences(of: "id: \(TestScenario.id)", with: "id: he-tmux-second")
            .replacingOccurrences(of: "title: מבחן מסך מלא", with: "title: \(secondTitle)")
            .replacingOccurrences(of: TestScenario.opening, with: secondOpening)
        try second.write(to: tmux.folder.appendingPathComponent("Scenarios/he-tmux-second.yaml"), atomically: true, encoding: .utf8)
        let plan = tmux.folder.appendingPathComponent("plan.yaml")
        try "title: שני מבחנים\nscenarios:\n  - \(TestScenario.id)\n  - he-tmux-second\n".write(to: plan, atomically: true, encoding: .utf8)
        let binary = try #require(TmuxSession.kashuvBinary)
        let command = "'\(binary)' practice --plan '\(plan.path)' --trainee דנה --address feminine --progress '\(tmux.progressFolder.path)'"
        try tmux.start("bash -c \"\(command); echo EXITED \\$?; sleep 5\"")

        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        for (reply, next) in [("אני מבינה שחיכית 35 דקות", TestScenario.second), ("אני שולחת SMS עכשיו", TestScenario.third)] {
            try tmux.type(reply)
            try tmux.press("Enter")
            try tmux.waitFor(visual(customerLine(next)))
        }
        try tmux.type("ההזמנה תגיע ביום שלישי")
        try tmux.press("Enter")
        try tmux.waitFor(visual(he.callEnded))
        try tmux.press("x")
        try tmux.waitFor(visual(he.debrief))
        try tmux.press("q")
        // The plan goes straight on to its second scenario.
        try tmux.waitFor(visual(customerLine(secondOpening)))
        try tmux.press("Escape")
        let screen = try tmux.waitFor("EXITED 0")
        #expect(screen.contains(visual(he.planKept)))
        #expect(try tmux.captureJoined().contains("practice --plan \(plan.path) --trainee דנה --progress"))

        // Started again, it continues at the second scenario.
        tmux.stopServer()
        try tmux.start(command)
        try tmux.waitFor(visual(customerLine(secondOpening)))
        let attempts = try tmux.progressRecords().filter { $0["type"] as? String == "attempt" }
        #expect(attempts.compactMap { $0["scenario_id"] as? String } == [TestScenario.id, "he-tmux-second"])
        #expect(attempts.compactMap { $0["outcome"] as? String } == ["resolved", "abandoned"])
    }

    @Test("TERM=dumb falls back to plain lines in logical order")
    func dumbTerminal() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start("env TERM=dumb \(try tmux.kashuvCommand()); sleep 5")
        // Plain mode writes logical order; tmux shows it as is.
        let screen = try tmux.waitFor(TestScenario.opening)
        #expect(try tmux.display("#{alternate_on}") == "0")
        #expect(!screen.contains(visual(TestScenario.opening)))
    }

    @Test("Resizing the window reflows the conversation")
    func resizeReflows() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvCommand(), columns: 100, rows: 30)
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        try tmux.resize(columns: 44, rows: 24)
        // The transcript is wrapped to 42 cells and each line reordered on its own.
        let expected = BidiLayout(mode: .app).lines(for: customerLine(TestScenario.opening), width: 42).map(\.text)
        #expect(expected.count > 1)
        let screen = try tmux.waitFor("the opening line wrapped to 44 columns") { screen in
            expected.allSatisfy { screen.contains($0) }
        }
        #expect(screen.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 44 })
        // Back to wide: one line again.
        try tmux.resize(columns: 100, rows: 30)
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
    }

    @Test("Editing Hebrew in the input box: visual cursor keys, Home, Backspace, paste")
    func editing() throws {
        let tmux = try TmuxSession()
        defer { tmux.close() }
        try tmux.start(try tmux.kashuvCommand())
        try tmux.waitFor(visual(customerLine(TestScenario.opening)))
        // Type "שלום עולם", go to the start (Home), type "אהלן " in front of it.
        try tmux.type("שלום עולם")
        try tmux.press("Home")
        try tmux.type("אהלן ")
        try tmux.waitFor(visual("אהלן שלום עולם"))
        // Right in a Hebrew line moves towards the start of the text: from the end, eight
        // Rights put the cursor on "ל" of "שלום", and Backspace deletes the "ש" before it.
        try tmux.press("End")
        for _ in 0..<8 { try tmux.press("Right") }
        try tmux.press("BSpace")
        try tmux.waitFor(visual("אהלן לום עולם"))
        // A paste with a line feed in it stays one reply.
        try tmux.press("End")
        try tmux.type(" 35\nדקות")
        try tmux.waitFor(visual("אהלן לום עולם 35 דקות"))
        try tmux.press("Enter")
        try tmux.waitFor(visual(customerLine(TestScenario.second)))
        let turns = try tmux.progressRecords().filter { $0["type"] as? String == "turn" }
        #expect(turns.first?["reply"] as? String == "אהלן לום עולם 35 דקות")
    }

    @Test("Readable on 80×24, in colour, and without colour under NO_COLOR")
    func smallScreenAndColours() throws {
        for noColor in [false, true] {
            let tmux = try TmuxSession()
            defer { tmux.close() }
            // `swift test` itself may set NO_COLOR, and the tmux server inherits it: say it explicitly.
            try tmux.start((noColor ? "env NO_COLOR=1 " : "env -u NO_COLOR ") + (try tmux.kashuvCommand()), columns: 80, rows: 24)
            let expected = BidiLayout(mode: .app).lines(for: customerLine(TestScenario.opening), width: 78).map(\.text)
            // Wait for the whole first frame (the input box's key hints are drawn after the line).
            let screen = try tmux.waitFor("the opening line at 80 columns") { screen in
                expected.allSatisfy { screen.contains($0) } && screen.contains("Enter")
            }
            let rows = screen.split(separator: "\n", omittingEmptySubsequences: false)
            #expect(rows.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
            #expect(screen.contains("6/10"))
            #expect(screen.contains(visual(TestScenario.customerName)))
            #expect(screen.contains("Enter"))
            // Foreground colours are SGR 30–37 (possibly combined with bold: "1;36m").
            let styled = try tmux.captureWithAttributes()
            let usesColour = styled.range(of: "\u{1B}\\[[0-9;]*3[0-7]m", options: .regularExpression) != nil
            #expect(usesColour == !noColor, "NO_COLOR=\(noColor): colour escape sequences \(usesColour ? "found" : "not found")")
        }
    }
}
