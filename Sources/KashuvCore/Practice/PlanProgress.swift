import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Where a trainee stands in a workshop plan (`kashuv practice --plan`): the scenarios
/// finished in this run of the plan, in order, each with how it ended.
///
/// Kept beside the progress files, in `<progress>/plans/<trainee file stem>.<plan name>.json`
/// (a subfolder, so `progress/*.jsonl` still matches only the trainees' files), and replaced
/// whole (written to a temporary file, `fsync`ed, renamed) after each finished scenario, so a
/// crash leaves the old state or the new one, never half of one. A trainee who stops mid-plan
/// comes back to the first scenario of the plan not yet finished; the turns of a scenario
/// left midway are in the trainee's progress file and are continued from there.
public struct PlanProgress: Codable, Sendable, Hashable {
    /// The plan's name: its file name without `.yaml`.
    public var plan: String
    /// The trainee's name as typed.
    public var trainee: String
    /// When this run of the plan started.
    public var startedAt: Date
    /// When the last scenario of the plan was finished; `nil` while the run goes on.
    public var completedAt: Date?
    /// The scenarios finished in this run, in the order they were finished.
    public var finished: [Finished]

    /// One scenario of the plan played to an ending.
    public struct Finished: Codable, Sendable, Hashable {
        /// The scenario.
        public var scenarioID: String
        /// The attempt that finished it (its lines are in the progress file).
        public var attemptID: UUID
        /// How the call ended.
        public var outcome: AttemptOutcome
        /// Replies scored.
        public var turns: Int
        /// The customer's mood at the start and at the end, 0–10.
        public var moodAtStart: Int
        /// The customer's mood at the end.
        public var moodAtEnd: Int
        /// Each dimension's average level (0–2) over the turns that rate it (absent where none did).
        public var averages: [Dimension: Double]
        /// The trainer profile's weighted overall score (0–2), when there is a profile.
        public var overallScore: Double?

        enum CodingKeys: String, CodingKey {
            case scenarioID = "scenario_id", attemptID = "attempt_id", outcome, turns
            case moodAtStart = "mood_at_start", moodAtEnd = "mood_at_end", averages
            case overallScore = "overall_score"
        }
    }

    enum CodingKeys: String, CodingKey {
        case plan, trainee, startedAt = "started_at", completedAt = "completed_at", finished
    }

    /// A new run of a plan, nothing finished yet.
    public init(plan: String, trainee: TraineeName, startedAt: Date = Date()) {
        self.plan = plan
        self.trainee = trainee.displayName
        self.startedAt = startedAt
        completedAt = nil
        finished = []
    }

    /// The first of the plan's scenarios (in the plan's order) not finished in this run; `nil`
    /// when every one is.
    public func next(in scenarioIDs: [String]) -> String? {
        scenarioIDs.first { id in !finished.contains { $0.scenarioID == id } }
    }

    /// Adds a session that reached its ending (a session not over is ignored).
    public mutating func record(_ session: PracticeSession) {
        guard session.state.isOver, !finished.contains(where: { $0.attemptID == session.attemptID }) else { return }
        finished.append(Finished(
            scenarioID: session.scenario.id, attemptID: session.attemptID,
            outcome: session.ending.map { AttemptOutcome($0.outcome) } ?? .abandoned, turns: session.turns.count,
            moodAtStart: session.turns.first?.moodBefore ?? session.mood, moodAtEnd: session.mood,
            averages: Scorecard.averages(session.turns.map(\.ratedLevels)),
            overallScore: session.scorecard?.overall))
    }

    /// Each dimension's average over every finished scenario's turns that rate it
    /// (weighted by those scenarios' turns), for the summary.
    public var averages: [Dimension: Double] {
        var result: [Dimension: Double] = [:]
        for dimension in Dimension.allCases {
            let rated = finished.compactMap { item in item.averages[dimension].map { ($0, Double(item.turns)) } }
            let weight = rated.reduce(0) { $0 + $1.1 }
            guard weight > 0 else { continue }
            result[dimension] = rated.reduce(0) { $0 + $1.0 * $1.1 } / weight
        }
        return result
    }

    // MARK: - The file

    /// Where a trainee's run of a plan is kept.
    public static func fileURL(in store: ProgressStore, trainee: TraineeName, plan: String) -> URL {
        let safePlan = String(plan.unicodeScalars.map { scalar -> Character in
            CharacterSet.alphanumerics.contains(scalar) || scalar == "-" || scalar == "_" ? Character(scalar) : "_"
        })
        return store.folder.appendingPathComponent("plans", isDirectory: true)
            .appendingPathComponent("\(trainee.fileStem).\(safePlan).json", isDirectory: false)
    }

    /// The saved run, `nil` when there is none; a file that cannot be read or parsed throws
    /// ``ProgressError/cannotRead(path:reason:)`` naming it.
    public static func load(from file: URL) throws(ProgressError) -> PlanProgress? {
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(PlanProgress.self, from: Data(contentsOf: file))
        } catch {
            throw .cannotRead(
                path: file.path,
                reason: "not a saved plan (\(error)); move it away to start the plan afresh (the practice itself is in the .jsonl file)")
        }
    }

    /// Replaces the saved run with this one: a temporary file beside it, `fsync`ed, renamed over it.
    public func save(to file: URL) throws(ProgressError) {
        let folder = file.deletingLastPathComponent()
        try ProgressStore.makeFolder(folder)
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        let data: Data
        do { data = try encoder.encode(self) + Data("\n".utf8) } catch {
            throw .cannotRead(path: file.path, reason: "cannot encode the plan's state: \(error)")
        }
        try ReplacedFile.write(data, to: file)
    }
}
