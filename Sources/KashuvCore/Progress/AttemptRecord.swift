import Foundation

/// The end of an attempt, as written to the progress file (`"type": "attempt"`).
///
/// Written when the call reaches an ending, or when the trainee leaves before it does
/// (``AttemptOutcome/abandoned``: end of input, quit, Ctrl-C, a closed terminal). An attempt
/// that was abandoned and later continued with `--resume` gets a second attempt record when
/// it ends; the last attempt record of an attempt id is its final state.
public struct AttemptRecord: Decodable, Sendable, Hashable {
    /// The format version this record was written in (``ProgressRecord/schemaVersion``).
    public var schemaVersion: Int
    /// A UUID unique to this record, across machines.
    public var recordID: UUID
    /// The trainee's display name.
    public var trainee: String
    /// The scenario played.
    public var scenarioID: String
    /// The attempt this record closes.
    public var attemptID: UUID
    /// The group session (`kashuv facilitate`) the attempt was played in; `nil` when practising alone.
    public var session: String?
    /// How the attempt ended.
    public var outcome: AttemptOutcome
    /// The id of the ending reached; `nil` when abandoned.
    public var endingID: String?
    /// Why the call ended; `nil` when abandoned.
    public var endReason: EndReason?
    /// How many replies were scored in the attempt.
    public var turns: Int
    /// The customer's mood when the attempt ended, 0–10.
    public var finalMood: Int
    /// When the first customer line was shown (when the attempt started).
    public var startedAt: Date
    /// When the attempt ended.
    public var endedAt: Date
    /// The language feedback was given in; `nil` in records written before it was kept.
    public var feedbackLanguage: Language?
    /// Each dimension's average level (0–2) over the turns that rate it, `nil` for one no
    /// turn rated; `nil` altogether in records written before it was kept.
    public var averages: [Dimension: Double?]?
    /// The overall score (0–2) weighted by the trainer profile's `weights`; `nil` when no
    /// turn was scored or there was no profile.
    public var overallScore: Double?
    /// Pass or fail per dimension against the profile's `pass_thresholds` (`nil` for a
    /// dimension no turn rated); `nil` without a profile.
    public var passed: [Dimension: Bool?]?
    /// The profile's weights the overall score used; `nil` without a profile.
    public var weights: [Dimension: Double]?
    /// The profile's pass thresholds; `nil` without a profile.
    public var passThresholds: [Dimension: Double]?

    /// Creates a record; `scorecard` and `feedbackLanguage` fill the scoring fields.
    public init(
        recordID: UUID = UUID(), trainee: String, scenarioID: String, attemptID: UUID, outcome: AttemptOutcome,
        endingID: String?, endReason: EndReason?, turns: Int, finalMood: Int, startedAt: Date, endedAt: Date,
        feedbackLanguage: Language? = nil, averages: [Dimension: Double]? = nil,
        scorecard: Scorecard? = nil, profile: TrainerProfile? = nil,
        session: String? = nil
    ) {
        schemaVersion = ProgressRecord.schemaVersion
        self.recordID = recordID
        self.trainee = trainee
        self.scenarioID = scenarioID
        self.attemptID = attemptID
        self.session = session
        self.outcome = outcome
        self.endingID = endingID
        self.endReason = endReason
        self.turns = turns
        self.finalMood = finalMood
        self.startedAt = startedAt
        self.endedAt = endedAt
        self.feedbackLanguage = feedbackLanguage
        func rounded(_ value: Double) -> Double { (value * 100).rounded() / 100 }
        self.averages = averages.map { known in
            Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, known[$0].map(rounded)) })
        }
        overallScore = scorecard?.overall.map(rounded)
        passed = scorecard.map { card in Dictionary(uniqueKeysWithValues: card.entries.map { ($0.dimension, $0.passed) }) }
        weights = profile.map { profile in Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, profile.weight(of: $0)) }) }
        passThresholds = profile.map { profile in
            Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, profile.passThreshold(of: $0)) })
        }
    }

    func addMembers(to line: inout OrderedJSONLine) throws {
        try line.add(CodingKeys.schemaVersion.rawValue, schemaVersion)
        try line.add(CodingKeys.recordID.rawValue, recordID)
        try line.add(CodingKeys.trainee.rawValue, trainee)
        try line.add(CodingKeys.scenarioID.rawValue, scenarioID)
        try line.add(CodingKeys.attemptID.rawValue, attemptID)
        try line.add(CodingKeys.session.rawValue, session)
        try line.add(CodingKeys.outcome.rawValue, outcome)
        try line.add(CodingKeys.endingID.rawValue, endingID)
        try line.add(CodingKeys.endReason.rawValue, endReason)
        try line.add(CodingKeys.turns.rawValue, turns)
        try line.add(CodingKeys.finalMood.rawValue, finalMood)
        try line.add(CodingKeys.startedAt.rawValue, startedAt)
        try line.add(CodingKeys.endedAt.rawValue, endedAt)
        try line.add(CodingKeys.feedbackLanguage.rawValue, feedbackLanguage)
        try line.add(CodingKeys.averages.rawValue, averages)
        try line.add(CodingKeys.overallScore.rawValue, overallScore)
        try line.add(CodingKeys.passed.rawValue, passed)
        try line.add(CodingKeys.weights.rawValue, weights)
        try line.add(CodingKeys.passThresholds.rawValue, passThresholds)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case recordID = "record_id"
        case trainee
        case scenarioID = "scenario_id"
        case attemptID = "attempt_id"
        case session
        case outcome
        case endingID = "ending_id"
        case endReason = "end_reason"
        case turns
        case finalMood = "final_mood"
        case startedAt = "started_at"
        case endedAt = "ended_at"
        case feedbackLanguage = "feedback_language"
        case averages
        case overallScore = "overall_score"
        case passed, weights
        case passThresholds = "pass_thresholds"
    }
}

/// How an attempt ended: the outcome of the ending reached, or abandoned.
public enum AttemptOutcome: String, Codable, Sendable, CaseIterable, Hashable {
    /// The customer's problem is on its way to being solved.
    case resolved
    /// The customer asked for a manager or a formal complaint.
    case escalated
    /// The customer hung up or walked away.
    case left
    /// The trainee stopped before the call reached an ending.
    case abandoned

    /// The outcome of reaching an ending.
    public init(_ outcome: Outcome) {
        switch outcome {
        case .resolved: self = .resolved
        case .escalated: self = .escalated
        case .left: self = .left
        }
    }
}
