import Foundation

/// The report as CSV for a spreadsheet: UTF-8 with a byte-order mark (so Excel reads Hebrew
/// correctly), RFC 4180 quoting, CRLF line ends, and text cells that a spreadsheet would run
/// as a formula (starting with `=`, `+`, `-`, `@`, tab or carriage return) made inert with a
/// leading `'`. Column names are English and stable; values in the cells are as recorded.
public enum ReportCSV {
    /// The byte-order mark that starts every file.
    public static let byteOrderMark = "\u{FEFF}"

    /// The columns of the per-trainee table (one row per trainee and dimension).
    public static let traineeColumns = [
        "trainee", "dimension", "mean_level", "rated_turns", "pass_threshold", "passes", "change", "attempts", "turns",
        "resolved", "escalated", "left", "abandoned", "unfinished", "flags", "most_frequent_trap", "practise_next",
        "practise_scenario", "first_practised", "last_practised",
    ]

    /// The columns of the per-turn table (`--by turn`).
    public static let turnColumns = [
        "trainee", "scenario_id", "attempt_id", "turn", "timestamp", "line_id", "language", "listening", "ownership",
        "framing", "flags", "mood_before", "mood_after", "customer_line", "reply",
    ]

    /// One row per trainee and dimension, header first.
    public static func render(_ report: Report) -> String {
        var out = byteOrderMark + row(traineeColumns.map { .text($0) })
        for trainee in report.trainees {
            let flags = trainee.flags.values.reduce(0, +)
            for level in trainee.levels {
                out += row([
                    .text(trainee.trainee), .text(level.dimension.rawValue), .number(level.mean),
                    .int(level.ratedTurns), .number(level.threshold),
                    .text(level.passes.map { $0 ? "yes" : "no" } ?? ""), .number(level.change),
                    .int(trainee.attempts), .int(trainee.turns), .int(trainee.outcomes.resolved),
                    .int(trainee.outcomes.escalated), .int(trainee.outcomes.left), .int(trainee.outcomes.abandoned),
                    .int(trainee.outcomes.unfinished), .int(flags), .text(trainee.mostFrequentTrap?.rawValue ?? ""),
                    .text(trainee.practiseNext?.dimension.rawValue ?? ""), .text(trainee.practiseNext?.scenarioID ?? ""),
                    .text(ReportTime.timestamp(trainee.firstPractised)), .text(ReportTime.timestamp(trainee.lastPractised)),
                ])
            }
        }
        return out
    }

    /// The header of the per-turn table, with the byte-order mark.
    public static var turnHeader: String { byteOrderMark + row(turnColumns.map { .text($0) }) }

    /// One per-turn row.
    public static func row(_ turn: TurnRow) -> String {
        row([
            .text(turn.trainee), .text(turn.scenarioID), .text(turn.attemptID.uuidString), .int(turn.turn),
            .text(ReportTime.timestamp(turn.timestamp)), .text(turn.lineID), .text(turn.language.rawValue),
            turn.levels[.listening].map { .int($0) } ?? .text(""), turn.levels[.ownership].map { .int($0) } ?? .text(""),
            turn.levels[.framing].map { .int($0) } ?? .text(""), .text(turn.flags.map(\.rawValue).joined(separator: " ")),
            .int(turn.moodBefore), .int(turn.moodAfter), .text(turn.customerLine), .text(turn.reply),
        ])
    }

    /// A cell: text from the records (quoted and neutralised as needed), or a number the report computed.
    enum Cell {
        case text(String)
        case int(Int)
        case number(Double?)
    }

    static func row(_ cells: [Cell]) -> String {
        cells.map { cell in
            switch cell {
            case .int(let value): String(value)
            case .number(let value): value.map { String(($0 * 100).rounded() / 100) } ?? ""
            case .text(let value): field(value)
            }
        }.joined(separator: ",") + "\r\n"
    }

    /// One text field: formula starts neutralised, then quoted when it holds a comma, quote,
    /// line break or leading/trailing space.
    public static func field(_ text: String) -> String {
        var value = text
        if let first = value.unicodeScalars.first, ["=", "+", "-", "@", "\t", "\r", "\u{FF1D}", "\u{FF0B}", "\u{FF0D}", "\u{FF20}"].contains(first) {
            value = "'" + value
        }
        let needsQuotes = value.contains { $0 == "," || $0 == "\"" || $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
            || value.first == " " || value.last == " "
        guard needsQuotes else { return value }
        return "\"" + value.replacingOccurrences(of: "\"", with: "\"\"") + "\""
    }
}
