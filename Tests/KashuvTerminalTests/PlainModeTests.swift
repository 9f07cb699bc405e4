import Foundation
import KashuvCore
import Testing
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain line mode end to end: the built `kashuv` driven through pipes, and its progress files read back.
@Suite("Plain mode through pipes", .serialized)
struct PlainModeTests {
    let progress: URL

    init() throws {
        progress = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-plain-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
    }

    /// Hebrew replies a trainee might type to the senior-citizen scenario.
    static let hebrewReplies = [
        "אני מבין שחיכית 35 דקות ושלושה ימים אתה מנסה לקבוע תור, זה באמת מתסכל. אני קובע לך את התור עכשיו בטלפון.",
        "אני מצטער על ההמתנה. אני קובע לך עכשיו תור לרופא עיניים ושולח לך הודעת SMS עם כל הפרטים.",
        "קבעתי לך את התור, ואני שולח לך עכשיו הודעה עם התאריך והשעה. רשמתי בתיק שאתה מעדיף נציג.",
        "אני איתך, אני לא שולח אותך לאפליקציה. אני מטפל בזה עכשיו ומתקשר אליך מחר לוודא שהכול בסדר.",
        "תודה על הסבלנות. התור קבוע וההודעה בדרך אליך.",
        "יש עוד משהו שאני יכול לעזור בו?",
    ]

    /// The shipped default scenario, for the strings the output must contain.
    static func shippedScenario() throws -> Scenario {
        try Scenario.load(from: KashuvProcess.packageRoot.appendingPathComponent("Scenarios/he-waiting-app-senior.yaml"))
    }

    func records(_ trainee: String) throws -> ProgressFileContents {
        try ProgressStore(folder: progress).read(TraineeName(trainee))
    }

    func practise(_ arguments: [String], input: [String], environment: [String: String] = [:]) throws -> KashuvProcess {
        try KashuvProcess.run(["practice", "--progress", progress.path] + arguments, input: input, environment: environment)
    }

    @Test("the built kashuv is next to the tests")
    func executableFound() {
        #expect(KashuvProcess.executable != nil, Comment(rawValue: KashuvProcess.missingAdvice))
    }

    @Test("a Hebrew call in plain mode: brief, customer line, scores, mood, ending and debrief; every turn on disk")
    func hebrewCallToTheEnd() throws {
        let scenario = try Self.shippedScenario()
        let replies = (0..<scenario.maxTurns).map { Self.hebrewReplies[$0 % Self.hebrewReplies.count] }
        let run = try practise(["he-waiting-app-senior", "--plain", "--trainee", "דנה"], input: replies)
        #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
        let out = run.stdout
        #expect(out.contains("== תדריך =="))
        #expect(out.contains("\(scenario.customer.name):\n"))
        #expect(out.contains(try #require(scenario.turn(scenario.start)).says(.plural)))
        #expect(out.contains("הקשבה פעילה: "))
        #expect(out.contains("מצב רוח: \(scenario.customer.mood) → "))
        #expect(out.contains("=== השיחה הסתיימה: "))
        #expect(out.contains("=== סיכום ==="))
        #expect(out.contains("הדבר האחד לתרגל: "))
        #expect(out.contains("ציון כולל: "), "the overall score by the default profile's weights")
        #expect(out.contains("הקשבה פעילה: ממוצע ") && out.contains("רף מעבר 1.5 — "), "pass or fail against the thresholds")
        #expect(out.contains("התרחיש הבא: "), "the library was read for the suggestion")
        #expect(!run.stdoutBytes.contains(0x1B), "no escape codes in plain mode")

        let contents = try records("דנה")
        #expect(contents.issues.isEmpty)
        let turns = contents.records.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
        let attempts = contents.records.compactMap { if case .attempt(let attempt) = $0 { attempt } else { nil } }
        #expect(!turns.isEmpty && turns.count <= scenario.maxTurns)
        #expect(turns.map(\.turnNumber) == Array(1...turns.count))
        #expect(turns.first?.reply == Self.hebrewReplies[0])
        #expect(attempts.count == 1)
        #expect(attempts.first?.outcome != .abandoned)
        #expect(attempts.first?.turns == turns.count)
        #expect(Set(turns.map(\.attemptID)) == [try #require(attempts.first).attemptID])
        let scoreBlocks = out.components(separatedBy: "  מצב רוח: ").count - 1
        #expect(scoreBlocks == turns.count, "one score shown per saved turn")
    }

    /// The first English scenario in the shipped library.
    static func englishScenarioID() throws -> String {
        try #require(
            try FileManager.default.contentsOfDirectory(atPath: KashuvProcess.packageRoot.appendingPathComponent("Scenarios").path)
                .filter { $0.hasPrefix("en-") && $0.hasSuffix(".yaml") }.sorted().first
        ).replacingOccurrences(of: ".yaml", with: "")
    }

    @Test("an English scenario with --feedback en gets English labels; --resume without a scenario continues it")
    func englishLabelsAndResume() throws {
        let english = try Self.englishScenarioID()
        let run = try practise(
            [english, "--plain", "--trainee", "Dana", "--feedback", "en"],
            input: ["I'm sorry, I understand how frustrating this is. Let me fix it now."])
        #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("== Brief =="))
        #expect(run.stdout.contains("Active listening: "))
        #expect(run.stdout.contains("Mood: "))
        #expect(run.stdout.contains("The attempt is saved as unfinished."))
        #expect(!run.stdout.contains("הקשבה"))

        let resumed = try practise(
            ["--plain", "--trainee", "Dana", "--resume", "--feedback", "en"],
            input: ["Thank you for waiting. I will call you back today by five."])
        #expect(resumed.exitStatus == 0, "stderr: \(resumed.stderr)")
        #expect(resumed.stdout.contains("Continuing your earlier attempt at turn 2"))
        let turns = try records("Dana").records.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
        #expect(turns.map(\.scenarioID) == [english, english])
    }

    @Test("an English scenario under the default profile (feedback_language: he) gets Hebrew feedback, recorded as such")
    func profileFeedbackLanguage() throws {
        let english = try Self.englishScenarioID()
        let run = try practise([english, "--plain", "--trainee", "Avi"], input: ["Go to the website, that's not my department."])
        #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("== תדריך =="))
        #expect(run.stdout.contains("  עצה: אמרתם "), "advice in Hebrew, in the plural when the trainee has not said: \(run.stdout)")
        guard case .attempt(let attempt)? = try records("Avi").records.last else {
            Issue.record("no attempt record")
            return
        }
        #expect(attempt.feedbackLanguage == .hebrew)
        #expect(attempt.weights?[.listening] == 0.4 && attempt.passThresholds?[.ownership] == 1.2)
    }

    @Test("--address masculine: the customer says אתה יכול, advice has no slash forms, and the choice is kept for the next run")
    func addressForm() throws {
        let first = try practise(["he-waiting-app-senior", "--plain", "--trainee", "דני", "--address", "masculine"], input: [Self.hebrewReplies[0]])
        #expect(first.exitStatus == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("אתה יכול לקבוע לי את התור"), "\(first.stdout)")
        #expect(!first.stdout.contains("את יכולה"))
        #expect(first.stdout.range(of: #"\p{Hebrew}/\p{Hebrew}"#, options: .regularExpression) == nil, "no slash forms")
        let second = try practise(["he-waiting-app-senior", "--plain", "--trainee", "דני"], input: [Self.hebrewReplies[0]])
        #expect(second.stdout.contains("אתה יכול לקבוע לי את התור"), "the choice was remembered")
        #expect(ProgressStore(folder: progress).choices(for: try TraineeName("דני"))?.address == .masculine)
        let plural = try practise(["he-waiting-app-senior", "--plain", "--trainee", "רותם"], input: [Self.hebrewReplies[0]])
        #expect(plural.stdout.contains("אתם יכולים לקבוע לי את התור"), "not asked when piped: the plural")
    }

    @Test("end of input before the ending records the attempt as abandoned, exit 0, and --resume continues it")
    func endOfInputThenResume() throws {
        let first = try practise(["--plain", "--trainee", "נועה"], input: [Self.hebrewReplies[0]])
        #expect(first.exitStatus == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("--resume"))
        var contents = try records("נועה")
        guard case .attempt(let abandoned) = try #require(contents.records.last) else {
            Issue.record("expected an attempt record last: \(contents.records)")
            return
        }
        #expect(abandoned.outcome == .abandoned && abandoned.turns == 1 && abandoned.endingID == nil)

        // The command printed for the trainee runs as printed, pasted into a shell in another folder.
        let lines = first.stdout.components(separatedBy: "\n")
        let printed = try #require(lines.firstIndex { $0.hasPrefix("הניסיון נשמר כלא גמור") }.map { lines[$0 + 1] })
        #expect(printed.hasSuffix(" --resume") && !printed.hasPrefix("  kashuv "), "kashuv is not on this PATH, so the command names the program's path")
        let second = try KashuvProcess.run(
            [], input: Array(Self.hebrewReplies.dropFirst()), shellCommand: printed, directory: FileManager.default.temporaryDirectory)
        #expect(second.exitStatus == 0, "stderr: \(second.stderr)")
        #expect(second.stdout.contains("ממשיכים את הניסיון הקודם מסבב 2"))
        contents = try records("נועה")
        let turns = contents.records.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
        #expect(turns.map(\.turnNumber) == Array(1...turns.count))
        #expect(Set(turns.map(\.attemptID)) == [abandoned.attemptID], "the resumed attempt keeps its id")
    }

    @Test("scenario text and replies cannot put escape sequences on the terminal")
    func noEscapeInjection() throws {
        let hostile = "\u{1B}[2J\u{1B}]0;owned\u{07}אני מבין שחיכית 35 דקות \u{9B}31m"
        let run = try practise(["--plain", "--trainee", "eve\u{1B}[31m"], input: [hostile])
        #expect(run.exitStatus == 0)
        #expect(!run.stdoutBytes.contains(0x1B))
        #expect(!run.stdout.unicodeScalars.contains { $0.value == 0x9B || $0.value == 0x07 })
        let files = try FileManager.default.contentsOfDirectory(atPath: progress.path)
        #expect(files == [try TraineeName("eve[31m").fileStem + ".jsonl"], "the name's escape is gone from the file name too")
    }

    @Test("without --trainee the name is asked for; an empty answer takes $USER")
    func asksName() throws {
        let named = try practise(["--plain"], input: ["שירה", Self.hebrewReplies[0]])
        #expect(named.exitStatus == 0)
        #expect(named.stdout.hasPrefix("מה השם שלך? (Enter עבור tester): "))
        #expect(try records("שירה").records.count == 2)

        let defaulted = try practise(["--plain"], input: ["", Self.hebrewReplies[0]])
        #expect(defaulted.exitStatus == 0)
        #expect(try records("tester").records.count == 2)
    }

    @Test("`kashuv` alone asks the name and practises the default scenario, in plain mode when piped")
    func bareKashuv() throws {
        // This run writes to the package's own ./progress: a name no person has, removed after.
        let name = "גיל-בדיקה-\(UUID().uuidString.prefix(8))"
        let run = try KashuvProcess.run([], input: [name, Self.hebrewReplies[0]])
        #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
        #expect(run.stdout.contains("\(try Self.shippedScenario().customer.name):\n"))
        #expect(!run.stdoutBytes.contains(0x1B))
        let folder = KashuvProcess.packageRoot.appendingPathComponent("progress")
        let file = ProgressStore(folder: folder).fileURL(for: try TraineeName(name))
        defer { try? FileManager.default.removeItem(at: file) }
        let contents = try ProgressFileContents.read(file)
        #expect(contents.records.contains { if case .turn(let turn) = $0 { turn.scenarioID == "he-waiting-app-senior" } else { false } })
    }

    @Test("an unknown scenario is a clear error listing the ones there are")
    func unknownScenario() throws {
        let run = try practise(["no-such-scenario", "--plain", "--trainee", "x"], input: [])
        #expect(run.exitStatus != 0)
        #expect(run.stderr.contains("no-such-scenario"))
        #expect(run.stderr.contains("he-waiting-app-senior"))
    }

    @Test("a progress folder that cannot be written stops before practice starts, naming it")
    func unwritableProgressFolder() throws {
        let blocker = progress.appendingPathComponent("a-file")
        try Data("x".utf8).write(to: blocker)
        let run = try KashuvProcess.run(
            ["practice", "--plain", "--trainee", "x", "--progress", blocker.appendingPathComponent("progress").path],
            input: [Self.hebrewReplies[0]])
        #expect(run.exitStatus != 0)
        #expect(run.stderr.contains(blocker.path))
        #expect(!run.stdout.contains("--- "), "no customer line was shown")
    }

    // MARK: - Killed, hung up, terminated

    /// How many score blocks plain mode has printed (each ends with the mood line).
    static func scoresShown(_ output: String) -> Int { output.components(separatedBy: "  מצב רוח: ").count - 1 }

    @Test("kill -9 after two scored turns: both turns are in the file and it reads cleanly; --resume continues at turn 3")
    func killNine() throws {
        let program = try KashuvProcess(["practice", "--plain", "--trainee", "קובי", "--progress", progress.path])
        program.send(Self.hebrewReplies[0])
        #expect(program.waitForOutput { Self.scoresShown($0) == 1 }, "first score: \(program.stdout)")
        program.send(Self.hebrewReplies[1])
        #expect(program.waitForOutput { Self.scoresShown($0) == 2 }, "second score: \(program.stdout)")
        let shownBeforeKill = Self.scoresShown(program.stdout)
        program.send(signal: SIGKILL)
        #expect(program.finish() == 128 + SIGKILL)

        let contents = try records("קובי")
        #expect(contents.issues.isEmpty, "\(contents.issues)")
        let turns = contents.records.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
        #expect(turns.count >= shownBeforeKill, "every turn shown as scored is on disk")
        #expect(turns.map(\.reply).prefix(2) == Self.hebrewReplies.prefix(2))
        let endedEarly = contents.records.contains { if case .attempt = $0 { true } else { false } }

        if !endedEarly {
            let resumed = try practise(["--plain", "--trainee", "קובי", "--resume"], input: [Self.hebrewReplies[2]])
            #expect(resumed.stdout.contains("ממשיכים את הניסיון הקודם מסבב 3"))
            let after = try records("קובי").records.compactMap { if case .turn(let turn) = $0 { turn } else { nil } }
            #expect(after.last?.turnNumber == 3)
            #expect(Set(after.map(\.attemptID)).count == 1)
        }
    }

    @Test("SIGHUP, SIGTERM or SIGINT between turns: the turn is kept, the attempt recorded as abandoned, the file reads cleanly",
          arguments: [SIGHUP, SIGTERM, SIGINT])
    func stopSignal(number: Int32) throws {
        let trainee = "signal-\(number)"
        let program = try KashuvProcess(["practice", "--plain", "--trainee", trainee, "--progress", progress.path])
        program.send(Self.hebrewReplies[0])
        #expect(program.waitForOutput { Self.scoresShown($0) == 1 && $0.hasSuffix("Enter לשליחה):\n") }, "\(program.stdout)")
        program.send(signal: number)
        #expect(program.finish() == 128 + number)

        let contents = try records(trainee)
        #expect(contents.issues.isEmpty)
        #expect(contents.records.count == 2)
        guard case .attempt(let attempt) = try #require(contents.records.last) else {
            Issue.record("expected the abandoned attempt record last")
            return
        }
        #expect(attempt.outcome == .abandoned && attempt.turns == 1)
        #expect(program.stdout.contains("--resume"))
    }
}
