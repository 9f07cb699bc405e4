import Foundation

/// The report as JSON, for scripts: the layout is documented in docs/report.md
/// ("JSON"). `"trainees"` is a list whose items carry `"trainee"`, `"attempts"` and
/// `"turns"`; levels are averages 0–2 rounded to two decimals; times are progress-file
/// timestamps (UTC).
public enum ReportJSON {
    /// The version of this layout; a change that would make a script misread it gets a new number.
    public static let formatVersion = 1

    /// The whole report, indented, ending in a newline.
    public static func render(_ report: Report) -> String {
        let value: JSONValue = .object([
            ("format_version", .int(formatVersion)),
            ("language", .string(report.language.rawValue)),
            ("pass_thresholds", .object(Dimension.allCases.map { ($0.rawValue, .rounded(report.threshold($0))) })),
            ("filters", filters(report.filters)),
            ("team", team(report.team)),
            ("trainees", .array(report.trainees.map(trainee))),
            ("skipped", .array(report.skipped.map { issue in
                .object([
                    ("path", .string(issue.path)), ("line", issue.line.map { .int($0) } ?? .null),
                    ("kind", .string(issue.kind.rawValue)), ("detail", .string(issue.detail)),
                ])
            })),
        ])
        return value.text() + "\n"
    }

    static func filters(_ filter: ReportFilter) -> JSONValue {
        .object([
            ("trainees", .array(filter.trainees.map { .string($0) })),
            ("scenarios", .array(filter.scenarios.map { .string($0) })),
            ("categories", .array(filter.categories.map { .string($0.rawValue) })),
            ("since", .string(filter.since)), ("until", .string(filter.until)),
        ])
    }

    static func outcomes(_ counts: OutcomeCounts) -> JSONValue {
        .object(AttemptOutcome.allCases.map { ($0.rawValue, .int(counts[$0])) } + [("unfinished", .int(counts.unfinished))])
    }

    static func flags(_ counts: [Flag: Int]) -> JSONValue {
        .object(Flag.allCases.compactMap { flag in counts[flag].map { (flag.rawValue, .int($0)) } })
    }

    static func time(_ milliseconds: Int64) -> JSONValue { .string(ReportTime.timestamp(milliseconds)) }

    static func trainee(_ trainee: TraineeReport) -> JSONValue {
        .object([
            ("trainee", .string(trainee.trainee)),
            ("attempts", .int(trainee.attempts)),
            ("turns", .int(trainee.turns)),
            ("first_practised", time(trainee.firstPractised)),
            ("last_practised", time(trainee.lastPractised)),
            ("outcomes", outcomes(trainee.outcomes)),
            ("levels", .object(trainee.levels.map { level in
                (level.dimension.rawValue, .object([
                    ("mean", .rounded(level.mean)), ("rated_turns", .int(level.ratedTurns)),
                    ("threshold", .rounded(level.threshold)), ("passes", level.passes.map { .bool($0) } ?? .null),
                    ("change", .rounded(level.change)), ("trend", .array(level.trend.map { .rounded($0) })),
                ]))
            })),
            ("flags", flags(trainee.flags)),
            ("most_frequent_trap", .string(trainee.mostFrequentTrap?.rawValue)),
            ("needs_attention", .array(trainee.attention.map(attention))),
            ("practise_next", trainee.practiseNext.map { next in
                .object([
                    ("dimension", .string(next.dimension.rawValue)), ("mean", .rounded(next.mean)),
                    ("threshold", .rounded(next.threshold)), ("scenario_id", .string(next.scenarioID)),
                    ("scenario_title", .string(next.scenarioTitle)), ("advice", .string(next.advice)),
                ])
            } ?? .null),
            ("scenarios", .array(trainee.scenarios.map { scenario in
                .object([
                    ("scenario_id", .string(scenario.scenarioID)), ("attempts", .int(scenario.attempts)),
                    ("first", attempt(scenario.first)), ("latest", attempt(scenario.latest)), ("best", attempt(scenario.best)),
                ])
            })),
            ("best_reply", trainee.bestReply.map(quote) ?? .null),
            ("reply_to_discuss", trainee.replyToDiscuss.map(quote) ?? .null),
        ])
    }

    static func attention(_ reason: AttentionReason) -> JSONValue {
        switch reason {
        case .belowThreshold(let dimension): .object([("reason", .string("below_threshold")), ("dimension", .string(dimension.rawValue))])
        case .gettingWorse(let dimension): .object([("reason", .string("getting_worse")), ("dimension", .string(dimension.rawValue))])
        }
    }

    static func attempt(_ attempt: AttemptSummary) -> JSONValue {
        .object([
            ("attempt_id", .string(attempt.attemptID.uuidString)), ("started_at", time(attempt.startedAt)),
            ("turns", .int(attempt.turns)), ("outcome", .string(attempt.outcome?.rawValue ?? "unfinished")),
            ("levels", .object(Dimension.allCases.map { ($0.rawValue, .rounded(attempt.levels[$0])) })),
            ("overall", .rounded(attempt.overall)), ("flags", .int(attempt.flags)),
        ])
    }

    static func quote(_ quote: QuotedReply) -> JSONValue {
        .object([
            ("scenario_id", .string(quote.scenarioID)), ("line_id", .string(quote.lineID)),
            ("customer_line", .string(quote.customerLine)), ("reply", .string(quote.reply)),
            ("language", .string(quote.language.rawValue)),
            ("levels", .object(Dimension.allCases.map { ($0.rawValue, quote.levels[$0].map { .int($0) } ?? .null) })),
            ("flags", .array(quote.flags.map { .string($0.rawValue) })),
            ("evidence", .array(quote.evidence.map { evidence in
                .object([
                    ("dimension", .string(evidence.dimension?.rawValue)), ("flag", .string(evidence.flag?.rawValue)),
                    ("text", .string(evidence.text)), ("effect", .string(evidence.effect.rawValue)),
                ])
            })),
            ("advice", .string(quote.advice)), ("timestamp", time(quote.timestamp)),
        ])
    }

    static func team(_ team: TeamReport) -> JSONValue {
        .object([
            ("trainees", .int(team.trainees)), ("attempts", .int(team.attempts)), ("turns", .int(team.turns)),
            ("outcomes", outcomes(team.outcomes)),
            ("levels", .object(Dimension.allCases.map { ($0.rawValue, .rounded(team.levels[$0] ?? nil)) })),
            ("flags", flags(team.flags)),
            ("scenarios", .array(team.scenarios.map { scenario in
                .object([
                    ("scenario_id", .string(scenario.scenarioID)), ("title", .string(scenario.title)),
                    ("trainees", .int(scenario.trainees)), ("attempts", .int(scenario.attempts)),
                    ("turns", .int(scenario.turns)), ("mean_level", .rounded(scenario.meanLevel)),
                    ("resolved_share", .rounded(scenario.resolvedShare)),
                ])
            })),
            ("flagged_lines", .array(team.flaggedLines.map { line in
                .object([
                    ("scenario_id", .string(line.scenarioID)), ("line_id", .string(line.lineID)),
                    ("customer_line", .string(line.customerLine)), ("turns", .int(line.turns)),
                    ("flags", .int(line.flags)), ("top_flag", .string(line.topFlag?.rawValue)),
                ])
            })),
        ])
    }
}
