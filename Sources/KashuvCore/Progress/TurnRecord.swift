import Foundation

/// A scored reply, as written to the progress file (`"type": "turn"`).
///
/// Written and flushed to storage before the trainee sees the score.
public struct TurnRecord: Decodable, Sendable, Hashable {
    /// The format version this record was written in (``ProgressRecord/schemaVersion``).
    public var schemaVersion: Int
    /// A UUID unique to this record, across machines.
    public var recordID: UUID
    /// The trainee's display name (``TraineeName/displayName``).
    public var trainee: String
    /// The scenario played.
    public var scenarioID: String
    /// The attempt (one call from the first customer line to an ending); a UUID.
    public var attemptID: UUID
    /// When the attempt started (its first customer line was shown).
    public var attemptStartedAt: Date
    /// The group session (`kashuv facilitate`) the reply was given in; `nil` when practising alone.
    public var session: String?
    /// 1 for the first reply of the attempt, 2 for the second, …
    public var turnNumber: Int
    /// The id of the customer line the reply answered (the scenario's turn id).
    public var lineID: String
    /// What the customer said.
    public var customerLine: String
    /// The trainee's reply as typed.
    public var reply: String
    /// The scenario's language.
    public var language: Language
    /// The levels of the dimensions this turn rates; `nil` (JSON `null`) where it does not.
    public var levels: RatedLevels
    /// The dimensions this turn rates.
    public var rated: [Dimension]
    /// The scorer's levels for all three dimensions, rated or not: what the dialogue engine
    /// read, and what `--resume` replays.
    public var scoredLevels: Levels
    /// The flags raised, in ``Flag`` order.
    public var flags: [Flag]
    /// The customer's mood before the reply, 0–10.
    public var moodBefore: Int
    /// The customer's mood after the reply, 0–10.
    public var moodAfter: Int
    /// Where the call went: the id of the next customer line or of the ending.
    public var next: String
    /// The words of the reply that earned or cost a level or raised a flag.
    public var evidence: [EvidenceSummary]?
    /// The scorer's advice, most important first.
    public var advice: [String]?
    /// When the reply was scored.
    public var timestamp: Date

    /// Creates a record.
    public init(
        recordID: UUID = UUID(), trainee: String, scenarioID: String, attemptID: UUID, attemptStartedAt: Date,
        turnNumber: Int, lineID: String, customerLine: String, reply: String, language: Language, score: ScoreResult,
        moodBefore: Int, moodAfter: Int, next: String, timestamp: Date, session: String? = nil
    ) {
        schemaVersion = ProgressRecord.schemaVersion
        self.recordID = recordID
        self.trainee = trainee
        self.scenarioID = scenarioID
        self.attemptID = attemptID
        self.attemptStartedAt = attemptStartedAt
        self.session = session
        self.turnNumber = turnNumber
        self.lineID = lineID
        self.customerLine = customerLine
        self.reply = reply
        self.language = language
        levels = RatedLevels(score.levels, rated: score.rated)
        rated = score.rated.sorted()
        scoredLevels = score.levels
        flags = score.flags.sorted()
        self.moodBefore = moodBefore
        self.moodAfter = moodAfter
        self.next = next
        evidence = score.evidence.map(EvidenceSummary.init)
        advice = score.advice
        self.timestamp = timestamp
    }

    /// The levels and flags the dialogue engine read for this reply.
    public var assessment: Assessment { Assessment(levels: scoredLevels, flags: Set(flags)) }

    /// The score as far as the record keeps it (evidence offsets included; the reply's id is not).
    public var score: ScoreResult {
        ScoreResult(
            language: language, levels: scoredLevels, rated: Set(rated), flags: flags,
            evidence: (evidence ?? []).map(\.evidence), advice: advice ?? [])
    }

    func addMembers(to line: inout OrderedJSONLine) throws {
        try line.add(CodingKeys.schemaVersion.rawValue, schemaVersion)
        try line.add(CodingKeys.recordID.rawValue, recordID)
        try line.add(CodingKeys.trainee.rawValue, trainee)
        try line.add(CodingKeys.scenarioID.rawValue, scenarioID)
        try line.add(CodingKeys.attemptID.rawValue, attemptID)
        try line.add(CodingKeys.attemptStartedAt.rawValue, attemptStartedAt)
        try line.add(CodingKeys.session.rawValue, session)
        try line.add(CodingKeys.turnNumber.rawValue, turnNumber)
        try line.add(CodingKeys.lineID.rawValue, lineID)
        try line.add(CodingKeys.customerLine.rawValue, customerLine)
        try line.add(CodingKeys.reply.rawValue, reply)
        try line.add(CodingKeys.language.rawValue, language)
        try line.add(CodingKeys.levels.rawValue, levels)
        try line.add(CodingKeys.rated.rawValue, rated)
        try line.add(CodingKeys.scoredLevels.rawValue, scoredLevels)
        try line.add(CodingKeys.flags.rawValue, flags)
        try line.add(CodingKeys.moodBefore.rawValue, moodBefore)
        try line.add(CodingKeys.moodAfter.rawValue, moodAfter)
        try line.add(CodingKeys.next.rawValue, next)
        try line.add(CodingKeys.evidence.rawValue, evidence)
        try line.add(CodingKeys.advice.rawValue, advice)
        try line.add(CodingKeys.timestamp.rawValue, timestamp)
    }

    enum CodingKeys: String, CodingKey, CaseIterable {
        case schemaVersion = "schema_version"
        case recordID = "record_id"
        case trainee
        case scenarioID = "scenario_id"
        case attemptID = "attempt_id"
        case attemptStartedAt = "attempt_started_at"
        case session
        case turnNumber = "turn"
        case lineID = "line_id"
        case customerLine = "customer_line"
        case reply, language, levels, rated
        case scoredLevels = "scored_levels"
        case flags
        case moodBefore = "mood_before"
        case moodAfter = "mood_after"
        case next, evidence, advice, timestamp
    }
}

/// Levels with `null` for the dimensions a turn does not rate.
public struct RatedLevels: Codable, Sendable, Hashable {
    /// Active listening, 0–2, or `nil` when not rated.
    public var listening: Int?
    /// Ownership, 0–2, or `nil` when not rated.
    public var ownership: Int?
    /// What-we-can-do framing, 0–2, or `nil` when not rated.
    public var framing: Int?

    /// The rated part of a set of levels.
    public init(_ levels: Levels, rated: Set<Dimension>) {
        listening = rated.contains(.listening) ? levels.listening : nil
        ownership = rated.contains(.ownership) ? levels.ownership : nil
        framing = rated.contains(.framing) ? levels.framing : nil
    }

    public func encode(to encoder: any Encoder) throws {
        // Explicit nulls, so every line has the same columns in a spreadsheet or DuckDB.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(listening, forKey: .listening)
        try container.encode(ownership, forKey: .ownership)
        try container.encode(framing, forKey: .framing)
    }

    enum CodingKeys: String, CodingKey { case listening, ownership, framing }
}

/// A piece of evidence as the progress file keeps it.
public struct EvidenceSummary: Codable, Sendable, Hashable {
    /// The dimension the words speak to, if about a level.
    public var dimension: Dimension?
    /// The flag the words raised, if about a flag.
    public var flag: Flag?
    /// The trainee's own words.
    public var text: String
    /// `+` when they earned a level, `-` when they cost one or raised a flag.
    public var effect: Evidence.Effect
    /// The scorer rule that fired.
    public var rule: String
    /// Offset of the first character in the reply, in Unicode scalars.
    public var start: Int
    /// Offset just past the last character, in Unicode scalars.
    public var end: Int

    /// Summarises the scorer's evidence.
    public init(_ evidence: Evidence) {
        dimension = evidence.dimension
        flag = evidence.flag
        text = evidence.text
        effect = evidence.effect
        rule = evidence.rule
        start = evidence.start
        end = evidence.end
    }

    /// The scorer's evidence again.
    public var evidence: Evidence {
        Evidence(dimension: dimension, flag: flag, start: start, end: end, text: text, rule: rule, effect: effect)
    }
}
