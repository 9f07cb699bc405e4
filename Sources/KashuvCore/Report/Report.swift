import Foundation

/// What a coach reads about a team: one ``TraineeReport`` per trainee and the team's figures,
/// built by ``ReportBuilder`` from progress files and rendered as text, CSV, HTML or JSON.
///
/// Levels are averages of 0 (missing), 1 (partial) and 2 (strong) over the turns that rate a
/// dimension; a dimension passes when its average reaches the trainer profile's threshold.
public struct Report: Sendable, Hashable {
    /// The language of headings and names (the trainer profile's feedback language).
    public var language: Language
    /// The pass threshold of each dimension, from the trainer profile.
    public var passThresholds: [Dimension: Double]
    /// The filters the report was built with, as the coach gave them (empty: everything).
    public var filters: ReportFilter
    /// The trainees, by name.
    public var trainees: [TraineeReport]
    /// Everyone in the report together.
    public var team: TeamReport
    /// Lines and files that were skipped, with where and why.
    public var skipped: [ReportIssue]

    /// Creates a report.
    public init(
        language: Language, passThresholds: [Dimension: Double], filters: ReportFilter, trainees: [TraineeReport],
        team: TeamReport, skipped: [ReportIssue]
    ) {
        self.language = language
        self.passThresholds = passThresholds
        self.filters = filters
        self.trainees = trainees
        self.team = team
        self.skipped = skipped
    }

    /// The pass threshold of a dimension.
    public func threshold(_ dimension: Dimension) -> Double {
        passThresholds[dimension] ?? Double(Levels.range.upperBound)
    }
}

/// How attempts ended, counted. An attempt's last attempt record decides; an attempt with
/// turns but no attempt record is ``unfinished`` (interrupted, or still going on).
public struct OutcomeCounts: Sendable, Hashable {
    /// Attempts that reached a resolving ending.
    public var resolved = 0
    /// Attempts where the customer asked for a manager.
    public var escalated = 0
    /// Attempts where the customer hung up.
    public var left = 0
    /// Attempts the trainee stopped before an ending.
    public var abandoned = 0
    /// Attempts with no attempt record (killed, power cut, or going on).
    public var unfinished = 0

    /// Creates counts, all zero.
    public init() {}

    /// The count for an outcome.
    public subscript(outcome: AttemptOutcome) -> Int {
        get {
            switch outcome {
            case .resolved: resolved
            case .escalated: escalated
            case .left: left
            case .abandoned: abandoned
            }
        }
        set {
            switch outcome {
            case .resolved: resolved = newValue
            case .escalated: escalated = newValue
            case .left: left = newValue
            case .abandoned: abandoned = newValue
            }
        }
    }

    /// Every attempt counted.
    public var total: Int { resolved + escalated + left + abandoned + unfinished }
}

/// A dimension's average level over the turns that rate it.
public struct DimensionLevel: Sendable, Hashable {
    /// The dimension.
    public var dimension: Dimension
    /// The average, 0–2; `nil` when no turn rated it.
    public var mean: Double?
    /// How many turns rated it.
    public var ratedTurns: Int
    /// The trainer profile's pass threshold.
    public var threshold: Double
    /// How the level moved: the average of the later half of the trainee's attempts minus
    /// that of the earlier half (`nil` with fewer than two attempts rating it).
    public var change: Double?
    /// The per-attempt averages, oldest first (at most ``TraineeReport/trendLength``): the trend.
    public var trend: [Double?]

    /// Whether the average reaches the threshold (`nil` when never rated).
    public var passes: Bool? { mean.map { $0 + 1e-9 >= threshold } }
    /// Whether the level is falling: ``change`` at or below -``DimensionLevel/worseningStep``.
    public var isGettingWorse: Bool { (change ?? 0) <= -Self.worseningStep }
    /// A fall in average level that counts as getting worse.
    public static let worseningStep = 0.3
}

/// One attempt, summed up for a comparison (first, latest, best).
public struct AttemptSummary: Sendable, Hashable {
    /// The attempt's id.
    public var attemptID: UUID
    /// When it started (ms since 1970, UTC).
    public var startedAt: Int64
    /// Its turns.
    public var turns: Int
    /// How it ended; `nil` when unfinished.
    public var outcome: AttemptOutcome?
    /// The average level per dimension over its rated turns (`nil` when none rated it).
    public var levels: [Dimension: Double]
    /// The weighted average of ``levels`` (the trainer profile's weights), 0–2.
    public var overall: Double?
    /// Flags raised in it.
    public var flags: Int
}

/// A trainee's attempts at one scenario: the first, the latest and the best.
public struct ScenarioProgress: Sendable, Hashable {
    /// The scenario.
    public var scenarioID: String
    /// Attempts at it.
    public var attempts: Int
    /// The first attempt.
    public var first: AttemptSummary
    /// The latest attempt.
    public var latest: AttemptSummary
    /// The attempt with the highest overall level (ties: the later one).
    public var best: AttemptSummary
}

/// A reply quoted as evidence.
public struct QuotedReply: Sendable, Hashable {
    /// The scenario.
    public var scenarioID: String
    /// The customer line answered.
    public var lineID: String
    /// What the customer said.
    public var customerLine: String
    /// The trainee's reply, as typed.
    public var reply: String
    /// The reply's language.
    public var language: Language
    /// The rated levels.
    public var levels: [Dimension: Int]
    /// The flags it raised.
    public var flags: [Flag]
    /// The words that earned (`+`) or cost (`-`) a level or raised a flag.
    public var evidence: [EvidenceSummary]
    /// The scorer's first piece of advice for it, if any.
    public var advice: String?
    /// When it was scored (ms since 1970, UTC).
    public var timestamp: Int64
}

/// The one thing a trainee should practise next.
public struct PractiseNext: Sendable, Hashable {
    /// The weakest dimension against the pass thresholds (the largest shortfall; when every
    /// dimension passes, the smallest margin).
    public var dimension: Dimension
    /// Its average level.
    public var mean: Double
    /// Its pass threshold.
    public var threshold: Double
    /// A scenario whose kind of customer calls for it, in the trainee's language, the one
    /// they have tried least; `nil` when the library has none.
    public var scenarioID: String?
    /// That scenario's title.
    public var scenarioTitle: String?
    /// How to practise it, in the report's language.
    public var advice: String
}

/// Everything the report says about one trainee.
public struct TraineeReport: Sendable, Hashable {
    /// The trainee's name as typed (the latest spelling).
    public var trainee: String
    /// Attempts (calls) started.
    public var attempts: Int
    /// Scored replies.
    public var turns: Int
    /// How the attempts ended.
    public var outcomes: OutcomeCounts
    /// Listening, ownership, framing.
    public var levels: [DimensionLevel]
    /// Per scenario, by id.
    public var scenarios: [ScenarioProgress]
    /// Flags raised, per flag (only flags raised at least once).
    public var flags: [Flag: Int]
    /// The flag raised most often (ties: the earlier flag).
    public var mostFrequentTrap: Flag?
    /// What to practise next; `nil` when no turn was rated.
    public var practiseNext: PractiseNext?
    /// The best reply: highest levels, no flag.
    public var bestReply: QuotedReply?
    /// The reply to discuss: the most flags, then the lowest levels, the latest.
    public var replyToDiscuss: QuotedReply?
    /// The first and last time practised (ms since 1970, UTC).
    public var firstPractised: Int64
    /// The last time practised.
    public var lastPractised: Int64

    /// How many attempts a trend shows at most (the latest ones).
    public static let trendLength = 30

    /// The level of one dimension.
    public func level(_ dimension: Dimension) -> DimensionLevel {
        levels.first { $0.dimension == dimension }!
    }

    /// Why a coach should look at this trainee: dimensions below threshold and getting worse.
    public var attention: [AttentionReason] {
        levels.compactMap { level in
            if level.passes == false { return .belowThreshold(level.dimension) }
            return nil
        } + levels.filter(\.isGettingWorse).map { .gettingWorse($0.dimension) }
    }
}

/// Why a trainee needs attention.
public enum AttentionReason: Sendable, Hashable {
    /// The dimension's average is below its pass threshold.
    case belowThreshold(Dimension)
    /// The dimension's level is falling.
    case gettingWorse(Dimension)
}

/// The team: everyone in the report together.
public struct TeamReport: Sendable, Hashable {
    /// Trainees.
    public var trainees: Int
    /// Attempts.
    public var attempts: Int
    /// Scored replies.
    public var turns: Int
    /// How attempts ended.
    public var outcomes: OutcomeCounts
    /// The average level per dimension over every rated turn.
    public var levels: [Dimension: Double]
    /// Flags raised per flag, over everyone.
    public var flags: [Flag: Int]
    /// Scenarios, hardest first (lowest average level over their rated turns).
    public var scenarios: [ScenarioDifficulty]
    /// Customer lines that drew the most flags, most first (at most ten).
    public var flaggedLines: [FlaggedLine]
}

/// How hard a scenario was for the team.
public struct ScenarioDifficulty: Sendable, Hashable {
    /// The scenario.
    public var scenarioID: String
    /// Its title, when the library has it.
    public var title: String?
    /// Trainees who tried it.
    public var trainees: Int
    /// Attempts at it.
    public var attempts: Int
    /// Turns in it.
    public var turns: Int
    /// The average level over its rated turns (all dimensions).
    public var meanLevel: Double?
    /// Attempts that ended resolved, of the attempts that ended.
    public var resolvedShare: Double?
}

/// A customer line and the flags replies to it raised.
public struct FlaggedLine: Sendable, Hashable {
    /// The scenario.
    public var scenarioID: String
    /// The line's id.
    public var lineID: String
    /// What the customer says.
    public var customerLine: String
    /// Replies to it.
    public var turns: Int
    /// Flags raised in those replies.
    public var flags: Int
    /// The flag raised most often.
    public var topFlag: Flag?
}

/// A line or file the report skipped, and why.
public struct ReportIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file or folder.
    public var path: String
    /// The 1-based line, or `nil` for a whole file or folder.
    public var line: Int?
    /// What kind of problem.
    public var kind: Kind
    /// What was wrong, in words.
    public var detail: String

    /// Kinds of problem. Only ``tornLastLine`` leaves the exit status 0.
    public enum Kind: String, Sendable, Hashable {
        /// A last line without its newline: the normal trace of a power cut.
        case tornLastLine = "torn_last_line"
        /// A line that is not a progress record.
        case malformed
        /// A record written by a newer Kashuv.
        case newerVersion = "newer_version"
        /// A file with nothing in it.
        case emptyFile = "empty_file"
        /// A folder with no `.jsonl` files.
        case noProgressFiles = "no_progress_files"
        /// A path that does not exist or cannot be read.
        case unreadable
    }

    /// Creates an issue.
    public init(path: String, line: Int?, kind: Kind, detail: String) {
        self.path = path
        self.line = line
        self.kind = kind
        self.detail = detail
    }

    /// `path:line: warning: detail`, the way compilers report.
    public var description: String {
        "\(path)\(line.map { ":\($0)" } ?? ""): warning: \(detail)"
    }
}
