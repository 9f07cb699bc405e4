import ArgumentParser
import Foundation
import KashuvCore

/// `kashuv calibrate`: how well the scorer agrees with a coach's labelled replies.
struct CalibrateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "calibrate",
        abstract: "Compare the scorer with a coach's labelled replies (JSON Lines).",
        discussion: """
            Prints, for all replies and for Hebrew and English separately: per dimension the \
            quadratic-weighted kappa, exact agreement and 3×3 confusion matrix (rows: coach, \
            columns: scorer); per flag precision, recall and F1; then the worst disagreements \
            with the scorer's evidence. With --holdout every fifth reply in id order is held \
            out: figures are given for the tuning part and the held-out part, and disagreements \
            are shown for the tuning part only.
            """
    )

    @Argument(help: "A labelled file in the format of shared/data/dev-replies.jsonl.")
    var file: String

    @ArgumentParser.Flag(name: .long, help: "Report the held-out fifth (every 5th id) separately; hide its texts.")
    var holdout = false

    @Option(name: .long, help: "How many disagreements to show.")
    var worst = 10

    @Option(name: .long, help: "An extra cue file or folder (repeatable).")
    var cues: [String] = []

    func run() throws {
        let items: [LabelledReply]
        do { items = try LabelledReply.load(contentsOf: URL(fileURLWithPath: file)) } catch {
            throw ValidationError("cannot read \(file): \(error)")
        }
        let scorer = try PracticeScorer.load(profile: try PracticeScorer.profile(),
                                             extraFiles: cues.map { URL(fileURLWithPath: $0) })
        let scored = items.map { ($0, scorer.score($0.reply, context: $0.context)) }
        let heldOut = holdout ? LabelledReply.heldOutIDs(items) : []

        var groups: [(String, [(LabelledReply, ScoreResult)])] = []
        if holdout {
            let tuning = scored.filter { !heldOut.contains($0.0.id) }
            let held = scored.filter { heldOut.contains($0.0.id) }
            groups = [("tuning", tuning), ("tuning he", tuning.filter { $0.0.lang == .hebrew }),
                      ("tuning en", tuning.filter { $0.0.lang == .english }),
                      ("held-out", held), ("held-out he", held.filter { $0.0.lang == .hebrew }),
                      ("held-out en", held.filter { $0.0.lang == .english }), ("all", scored)]
        } else {
            groups = [("all", scored), ("he", scored.filter { $0.0.lang == .hebrew }),
                      ("en", scored.filter { $0.0.lang == .english })]
        }
        var out = ""
        for (name, group) in groups {
            let report = CalibrationReport(pairs: group.map { (Assessment(levels: $0.0.labels, flags: Set($0.0.flags)), $0.1.assessment) })
            out += Self.render(name: name, report: report)
        }
        let shown = scored.filter { !heldOut.contains($0.0.id) }
            .map { ($0.0, $0.1, Self.distance($0.0, $0.1)) }
            .filter { $0.2 > 0 }
            .sorted { ($0.2, $1.0.id) > ($1.2, $0.0.id) }
            .prefix(worst)
        out += "\n== worst disagreements\(holdout ? " (tuning part only)" : "") ==\n"
        for (item, result, _) in shown {
            out += "\n\(item.id) [\(item.lang.rawValue)] coach \(Self.levels(item.labels)) \(item.flags.map(\.rawValue))"
            out += "  scorer \(Self.levels(result.levels)) \(result.flags.map(\.rawValue))\n"
            if let customer = item.customer { out += "  customer: \(customer)\n" }
            out += "  " + ScoreRendering.human(reply: item.reply, result: result, styled: ScoreRendering.stdoutIsStyled)
                .split(separator: "\n", omittingEmptySubsequences: false).joined(separator: "\n  ")
            if let note = item.note { out += "coach's note: \(note)\n" }
        }
        print(out, terminator: "")
    }

    static func levels(_ levels: Levels) -> String { "L\(levels.listening) O\(levels.ownership) F\(levels.framing)" }

    static func distance(_ item: LabelledReply, _ result: ScoreResult) -> Int {
        var total = 0
        for dimension in Dimension.allCases { total += abs(item.labels[dimension] - result.levels[dimension]) * 2 }
        total += Set(item.flags).symmetricDifference(Set(result.flags)).count
        return total
    }

    static func render(name: String, report: CalibrationReport) -> String {
        func f(_ value: Double) -> String { String(format: "%.2f", value) }
        var out = "\n== \(name) (\(report.count) replies) ==\n"
        for dimension in Dimension.allCases {
            guard let d = report.dimensions[dimension] else { continue }
            out += "\(dimension.rawValue.padding(toLength: 10, withPad: " ", startingAt: 0)) kappa \(f(d.kappa))  exact \(f(d.exact))"
            out += "  confusion (coach→scorer 0/1/2): " + d.confusion.map { $0.map { String($0) }.joined(separator: " ") }.joined(separator: " | ") + "\n"
        }
        out += "flags      micro-F1 \(f(report.microF1))\n"
        for flag in KashuvCore.Flag.allCases {
            guard let figures = report.flags[flag] else { continue }
            out += "  \(flag.rawValue.padding(toLength: 13, withPad: " ", startingAt: 0)) P \(f(figures.precision))  R \(f(figures.recall))  F1 \(f(figures.f1))"
            out += "  (tp \(figures.truePositives) fp \(figures.falsePositives) fn \(figures.falseNegatives))\n"
        }
        return out
    }
}
