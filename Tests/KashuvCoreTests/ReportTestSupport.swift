import Foundation
@testable import KashuvCore

/// Progress files for report tests, written with the real record writer (`ProgressRecord.jsonLine`).
struct ReportFixture {
    let folder: URL

    init() throws {
        folder = try PracticeFixtures.temporaryFolder()
    }

    /// A moment `minutes` after 2026-11-23 10:00 UTC.
    static func at(_ minutes: Double) -> Date { Date(timeIntervalSince1970: 1_795_428_000 + minutes * 60) }

    static func turn(
        _ trainee: String, attempt: UUID, number: Int, minutes: Double, scenario: String = "he-waiting-app-senior",
        levels: (Int, Int, Int) = (1, 1, 1), rated: Set<KashuvCore.Dimension> = Set(KashuvCore.Dimension.allCases), flags: [Flag] = [],
        reply: String = "אני מבין", customerLine: String = "סוף סוף בן אדם!", lineID: String = "opening",
        language: Language = .hebrew, started: Double? = nil
    ) -> ProgressRecord {
        let score = ScoreResult(
            language: language, levels: Levels(listening: levels.0, ownership: levels.1, framing: levels.2), rated: rated,
            flags: flags, evidence: [Evidence(dimension: .listening, start: 0, end: 3, text: String(reply.prefix(3)), rule: "listening.reflection", effect: .plus)],
            advice: ["advice for \(reply.prefix(10))"])
        return .turn(TurnRecord(
            trainee: trainee, scenarioID: scenario, attemptID: attempt, attemptStartedAt: at(started ?? minutes),
            turnNumber: number, lineID: lineID, customerLine: customerLine, reply: reply, language: language,
            score: score, moodBefore: 6, moodAfter: 5, next: "next", timestamp: at(minutes + Double(number) * 0.5)))
    }

    static func ended(
        _ trainee: String, attempt: UUID, outcome: AttemptOutcome, minutes: Double, scenario: String = "he-waiting-app-senior",
        started: Double? = nil, turns: Int = 1
    ) -> ProgressRecord {
        .attempt(AttemptRecord(
            trainee: trainee, scenarioID: scenario, attemptID: attempt, outcome: outcome,
            endingID: outcome == .abandoned ? nil : "end", endReason: outcome == .abandoned ? nil : .branch,
            turns: turns, finalMood: 3, startedAt: at(started ?? minutes), endedAt: at(minutes + 5)))
    }

    /// Writes records to `name` (a file name) in `subfolder`, optionally with raw bytes after them.
    @discardableResult
    func write(_ records: [ProgressRecord], to name: String, in subfolder: String = "progress", extra: Data = Data()) throws -> URL {
        let directory = folder.appendingPathComponent(subfolder, isDirectory: true)
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        var data = Data()
        for record in records { data += try record.jsonLine() }
        data += extra
        let url = directory.appendingPathComponent(name)
        try data.write(to: url)
        return url
    }

    func path(_ subfolder: String = "progress") -> String { folder.appendingPathComponent(subfolder).path }

    static let profile = TrainerProfile(
        feedbackLanguage: .english, weights: [.listening: 0.4, .ownership: 0.35, .framing: 0.25],
        passThresholds: [.listening: 1.5, .ownership: 1.2, .framing: 1.0])

    /// The shipped scenario library.
    static let library: [Scenario] = {
        let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Scenarios")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".yaml") }.sorted().compactMap { try? Scenario.load(from: folder.appendingPathComponent($0)) }
    }()

    func report(_ paths: [String]? = nil, filter: ReportFilter = try! ReportFilter(), parallelism: Int = 2,
                profile: TrainerProfile = ReportFixture.profile) -> Report {
        ReportBuilder(profile: profile, library: Self.library, filter: filter, parallelism: parallelism)
            .build(paths: paths ?? [path()])
    }
}

extension Report {
    func trainee(_ name: String) -> TraineeReport? { trainees.first { $0.trainee == name } }
}
