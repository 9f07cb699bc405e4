import Foundation
import KashuvCore
import Testing

/// `kashuv practice --plan` end to end through pipes: the plan's scenarios in order, a
/// summary at the end, and a trainee who stops mid-plan continuing where they were.
@Suite("Workshop plan through pipes", .serialized)
struct PlanPracticeTests {
    let folder: URL
    var progress: URL { folder.appendingPathComponent("progress") }
    var planFile: URL { folder.appendingPathComponent("two-calls.yaml") }

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-plan-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try """
            title: Two calls
            scenarios:
              - he-waiting-app-senior
              - en-price-billing-error

            """.write(to: planFile, atomically: true, encoding: .utf8)
    }

    func run(_ input: [String], extra: [String] = []) throws -> KashuvProcess {
        try KashuvProcess.run(
            ["practice", "--plan", planFile.path, "--trainee", "דנה", "--progress", progress.path, "--feedback", "en"] + extra,
            input: input)
    }

    func attempts() throws -> [AttemptRecord] {
        try ProgressStore(folder: progress).read(TraineeName("דנה")).records.compactMap {
            if case .attempt(let attempt) = $0 { attempt } else { nil }
        }
    }

    /// More replies than any scenario's max_turns, so every call reaches an ending.
    static let replies = Array(repeating: "I understand how frustrating this is, I'm sorry. I will sort it out for you right now and call you back today.", count: 16)

    @Test("stop in the first scenario, come back: it continues at the same turn, then plays the second, then the summary")
    func stopAndContinue() throws {
        let first = try run([Self.replies[0]])
        #expect(first.exitStatus == 0, "stderr: \(first.stderr)")
        #expect(first.stdout.contains("Plan: Two calls — scenario 1 of 2: "))
        #expect(first.stdout.contains("Your place in the plan is kept. To continue:"))
        // The printed command continues the plan, as printed.
        let lines = first.stdout.components(separatedBy: "\n")
        let command = try #require(lines.firstIndex { $0.contains("Your place in the plan is kept") }.map { lines[$0 + 1] })
        #expect(command.contains("practice --plan \(planFile.path) --trainee דנה --progress "))
        let abandoned = try #require(try attempts().last)
        #expect(abandoned.outcome == .abandoned && abandoned.scenarioID == "he-waiting-app-senior")

        let second = try KashuvProcess.run([], input: Self.replies, shellCommand: command, directory: FileManager.default.temporaryDirectory)
        #expect(second.exitStatus == 0, "stderr: \(second.stderr)")
        let out = second.stdout
        #expect(out.contains("Plan: Two calls — scenario 1 of 2: "))
        #expect(out.contains("Continuing your earlier attempt at turn 2"), "the unfinished call goes on where it stopped")
        #expect(out.contains("Plan: Two calls — scenario 2 of 2: "))
        let order = ["scenario 1 of 2", "scenario 2 of 2", "Plan summary: Two calls"].map { out.range(of: $0)?.lowerBound }
        #expect(order.allSatisfy { $0 != nil } && order == order.sorted { $0! < $1! }, "in the plan's order, summary last")
        #expect(out.contains("1. "), "a row per scenario")
        #expect(out.contains("2. Naomi"))
        #expect(out.contains("Average over the plan (of 2): Active listening "))
        #expect(out.contains("The plan is complete."))
        #expect(!out.contains("Try next: ") && !out.contains("התרחיש הבא: "), "in a plan, the plan says what comes next")

        let finals = try attempts().filter { $0.outcome != .abandoned }
        #expect(finals.map(\.scenarioID) == ["he-waiting-app-senior", "en-price-billing-error"])
        #expect(finals.first?.attemptID == abandoned.attemptID, "the first call was continued, not restarted")

        // A finished plan starts again from its first scenario.
        let again = try run([Self.replies[0]])
        #expect(again.stdout.contains("scenario 1 of 2") && !again.stdout.contains("scenario 2 of 2"))
        #expect(!again.stdout.contains("Continuing the plan"))
    }

    @Test("stopping between scenarios keeps the finished ones: the next run starts at the second")
    func betweenScenarios() throws {
        // Enough replies for the first call, then end of input at the start of the second.
        let first = try run(Self.replies)
        #expect(first.stdout.contains("Plan summary"))
        let plans = progress.appendingPathComponent("plans")
        let saved = try FileManager.default.contentsOfDirectory(atPath: plans.path)
        #expect(saved.count == 1 && saved[0].hasSuffix(".two-calls.json"))

        // A fresh run (the plan was complete) that stops after the first call's ending.
        try FileManager.default.removeItem(at: plans)
        let partial = try run(Array(Self.replies.prefix(5)))
        #expect(partial.exitStatus == 0)
        if partial.stdout.contains("scenario 2 of 2") {
            let next = try run([Self.replies[0]])
            #expect(next.stdout.contains("Continuing the plan where you stopped (1 of 2 scenarios done)."))
            #expect(next.stdout.contains("scenario 2 of 2") && !next.stdout.contains("scenario 1 of 2"))
        } else {
            Issue.record("five replies did not finish the first call:\n\(partial.stdout)")
        }
    }

    @Test("a plan naming a scenario the library lacks, or no plan at all: a clear message naming the file, exit 64")
    func badPlans() throws {
        try "title: Broken\nscenarios:\n  - he-no-such-scenario\n".write(to: planFile, atomically: true, encoding: .utf8)
        let missing = try run([])
        #expect(missing.exitStatus != 0)
        #expect(missing.stderr.contains(planFile.path) && missing.stderr.contains("he-no-such-scenario"))
        let none = try KashuvProcess.run(["practice", "--plan", folder.appendingPathComponent("nope.yaml").path], input: [])
        #expect(none.exitStatus != 0)
        #expect(none.stderr.contains("no workshop plan at"))
        // The library's own plan by name.
        let byName = try KashuvProcess.run(
            ["practice", "--plan", "workshop-basics", "--trainee", "דנה", "--progress", progress.path], input: [])
        #expect(byName.exitStatus == 0, "stderr: \(byName.stderr)")
        #expect(byName.stdout.contains("1 מתוך 5") || byName.stdout.contains("1 of 5"))
    }
}
