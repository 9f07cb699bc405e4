import Foundation
import Testing
@testable import KashuvCore

/// Where a trainee stands in a workshop plan, and how that is kept.
@Suite("Plan progress")
struct PlanProgressTests {
    let plan = ["he-waiting-app-senior", "en-price-billing-error", "he-value-fiber-speed"]

    func finishedSession(in folder: URL) throws -> PracticeSession {
        let session = PracticeSession.start(
            scenario: try PracticeFixtures.seniorScenario(), trainee: try TraineeName("דנה"),
            store: ProgressStore(folder: folder), scorer: ScriptedScorer())
        _ = try session.submit(reply: "L2 O1 F1 אני מבין שחיכית 35 דקות")
        _ = try session.submit(reply: "L1 O2 F2 אני קובעת לך עכשיו")
        _ = try session.submit(reply: "L1 O2 F2 שולחת הודעה")
        return session
    }

    @Test("the next scenario is the first of the plan not finished, in the plan's order")
    func next() throws {
        var progress = PlanProgress(plan: "basics", trainee: try TraineeName("דנה"))
        #expect(progress.next(in: plan) == "he-waiting-app-senior")
        progress.finished.append(.init(
            scenarioID: "en-price-billing-error", attemptID: UUID(), outcome: .resolved, turns: 2,
            moodAtStart: 6, moodAtEnd: 3, averages: [.listening: 2], overallScore: nil))
        #expect(progress.next(in: plan) == "he-waiting-app-senior", "order comes from the plan, not from what was played")
        progress.finished.append(.init(
            scenarioID: "he-waiting-app-senior", attemptID: UUID(), outcome: .left, turns: 4,
            moodAtStart: 6, moodAtEnd: 10, averages: [.listening: 0.5], overallScore: nil))
        #expect(progress.next(in: plan) == "he-value-fiber-speed")
        // Averages over the plan weigh each scenario by its turns: (2·2 + 0.5·4) / 6 = 1.
        #expect(abs((progress.averages[.listening] ?? 0) - 1) < 1e-9)
        #expect(progress.averages[.ownership] == nil)
    }

    @Test("a session is recorded only once it reached its ending, with its outcome, turns, mood and averages")
    func records() throws {
        let folder = try PracticeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        var progress = PlanProgress(plan: "basics", trainee: try TraineeName("דנה"))
        let unfinished = PracticeSession.start(
            scenario: try PracticeFixtures.seniorScenario(), trainee: try TraineeName("דנה"),
            store: ProgressStore(folder: folder), scorer: ScriptedScorer())
        _ = try unfinished.submit(reply: "L2 O1 F1 שמעתי")
        progress.record(unfinished)
        #expect(progress.finished.isEmpty)

        let session = try finishedSession(in: folder)
        progress.record(session)
        progress.record(session)
        #expect(progress.finished.count == 1)
        let finished = try #require(progress.finished.first)
        #expect(finished.attemptID == session.attemptID && finished.outcome == .resolved && finished.turns == 3)
        #expect(finished.moodAtStart == 6 && finished.moodAtEnd == session.mood)
        #expect(finished.averages[.listening] != nil)
    }

    @Test("saved and read back whole, in a plans/ folder beside the trainee's progress file")
    func file() throws {
        let folder = try PracticeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let store = ProgressStore(folder: folder)
        let trainee = try TraineeName("Dana Cohen")
        let url = PlanProgress.fileURL(in: store, trainee: trainee, plan: "workshop-basics")
        #expect(url.deletingLastPathComponent().lastPathComponent == "plans")
        #expect(url.lastPathComponent.hasPrefix(trainee.fileStem + ".workshop-basics"))
        #expect(try PlanProgress.load(from: url) == nil)

        var progress = PlanProgress(plan: "workshop-basics", trainee: trainee)
        progress.record(try finishedSession(in: folder))
        try progress.save(to: url)
        let read = try #require(try PlanProgress.load(from: url))
        #expect(read.finished == progress.finished && read.plan == "workshop-basics" && read.trainee == "Dana Cohen")
        // No temporary file is left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: url.deletingLastPathComponent().path) == [url.lastPathComponent])
    }

    @Test("a damaged plan file is refused with its path and what to do, not a crash")
    func damaged() throws {
        let folder = try PracticeFixtures.temporaryFolder()
        defer { try? FileManager.default.removeItem(at: folder) }
        let url = folder.appendingPathComponent("plans/x.basics.json")
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try Data("{\"plan\": ".utf8).write(to: url)
        #expect {
            _ = try PlanProgress.load(from: url)
        } throws: { error in
            "\(error)".contains(url.path) && "\(error)".contains("move it away")
        }
    }
}
