import Foundation
import KashuvCore

/// The group summary: per round, the line, how many answered, the levels, the traps and where
/// the group went. Written as JSON next to the progress files (`group-<session>.json`) at
/// the end and on Ctrl-C, and printed as text for the facilitator.
package enum GroupSummary {
    struct File: Encodable {
        var session: String
        var title: String
        var startedAt: Date
        var endedAt: Date
        var trainees: [String]
        var rounds: [Round]

        enum CodingKeys: String, CodingKey {
            case session, title, trainees, rounds
            case startedAt = "started_at"
            case endedAt = "ended_at"
        }
    }

    struct Round: Encodable {
        var round: Int
        var scenarioID: String
        var lineID: String
        var customerLine: String
        var answers: Int
        var levels: [String: [String: Int]]
        var flags: [String: Int]
        var next: String?
        var rule: String?

        enum CodingKeys: String, CodingKey {
            case round, answers, levels, flags, next, rule
            case scenarioID = "scenario_id"
            case lineID = "line_id"
            case customerLine = "customer_line"
        }
    }

    /// Writes the summary (replacing an earlier one of the same session) and returns its path.
    package static func write(_ room: GroupRoom, folder: URL) throws -> URL {
        let file = File(
            session: room.sessionID, title: room.title, startedAt: room.startedAt, endedAt: Date(),
            trainees: room.joinOrder.compactMap { room.seats[$0]?.name.displayName },
            rounds: room.rounds.map { round in
                var levels: [String: [String: Int]] = [:]
                for dimension in Dimension.allCases {
                    let (counts, notRated) = round.levels(dimension)
                    levels[dimension.rawValue] = ["0": counts[0], "1": counts[1], "2": counts[2], "not_rated": notRated]
                }
                return Round(
                    round: round.number, scenarioID: round.scenarioID, lineID: round.turn.id, customerLine: round.turn.says(.plural),
                    answers: round.answers.count, levels: levels,
                    flags: Dictionary(uniqueKeysWithValues: round.flags.map { ($0.flag.rawValue, $0.count) }),
                    next: round.advanced?.next, rule: round.advanced?.rule)
            })
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let url = folder.appendingPathComponent("group-\(room.sessionID).json")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try encoder.encode(file).write(to: url, options: .atomic)
        return url
    }

    /// The summary as lines of text (logical order) for the facilitator's terminal.
    package static func text(_ room: GroupRoom) -> [String] {
        let names = Labels.for(room.scenario.language)
        var lines = ["\(room.title) — \(room.sessionID): \(room.seats.count) trainees, \(room.rounds.count) rounds"]
        for round in room.rounds {
            let levels = Dimension.allCases.map { dimension in
                let (counts, _) = round.levels(dimension)
                return "\(names.name(of: dimension)) \(counts[0])/\(counts[1])/\(counts[2])"
            }.joined(separator: " · ")
            let flags = round.flags.map { "\(names.name(of: $0.flag)) ×\($0.count)" }.joined(separator: ", ")
            lines.append("  \(round.number). \(round.scenarioID) \(round.turn.id): \(round.answers.count) answers · \(levels)"
                + (flags.isEmpty ? "" : " · \(flags)") + (round.advanced.map { " → \($0.next) (\($0.rule))" } ?? ""))
        }
        if let timings = room.replyHandling.text { lines.append(timings) }
        return lines.map { DisplaySafeText.clean($0, keepingNewlines: false) }
    }
}
