import KashuvCore

/// The report as text for a terminal or a pipe: readable on 80 columns, Hebrew laid out with
/// the practice screen's bidi handling (``BidiLayout``), trends as Unicode sparklines, and
/// colour only when asked for (a terminal without `NO_COLOR`).
///
/// Everything from the progress files passes through ``DisplaySafeText`` first, so a name or
/// reply cannot move the cursor or change the terminal.
public struct TextReport: Sendable {
    /// Who reorders right-to-left lines: ``BidiMode/app`` on a terminal, ``BidiMode/terminal``
    /// (logical order) when piped, for screen readers and files.
    public var bidi: BidiMode
    /// The width lines wrap at.
    public var width: Int
    /// Whether to colour headings and levels below threshold (ANSI escapes).
    public var colour: Bool

    /// Creates a renderer.
    public init(bidi: BidiMode, width: Int = 80, colour: Bool) {
        self.bidi = bidi == .auto ? .app : bidi
        self.width = max(40, width)
        self.colour = colour
    }

    enum Tone { case plain, heading, subheading, fail, pass, muted }

    /// The report, one line per screen line, ending in a newline.
    public func render(_ report: Report) -> String {
        let paragraphs = TextReportLines(report: report).paragraphs
        let layout = BidiLayout(mode: bidi, neutralDirection: report.language.isRightToLeft ? .rightToLeft : .leftToRight)
        var out = ""
        for (text, tone) in paragraphs {
            if text.isEmpty { out += "\n"; continue }
            // An indented paragraph keeps its indent on every line it wraps to (on the right
            // for a right-to-left paragraph laid out here).
            let indent = text.prefix { $0 == " " }.count
            let box = width - indent
            for line in layout.lines(for: String(text.dropFirst(indent)), width: box) {
                let pad = line.alignRight ? line.startColumn(inWidth: box) : indent
                out += String(repeating: " ", count: pad) + styled(line.text, tone) + "\n"
            }
        }
        return out
    }

    private func styled(_ text: String, _ tone: Tone) -> String {
        guard colour else { return text }
        let code: String
        switch tone {
        case .plain: return text
        case .heading: code = "1;36"
        case .subheading: code = "1"
        case .fail: code = "31"
        case .pass: code = "32"
        case .muted: code = "2"
        }
        return "\u{1B}[\(code)m\(text)\u{1B}[0m"
    }

    /// A sparkline of levels 0–2: one block per attempt, `·` where the dimension was not rated.
    public static func sparkline(_ values: [Double?]) -> String {
        let blocks: [Character] = ["▁", "▂", "▃", "▄", "▅", "▆", "▇", "█"]
        return String(values.map { value in
            guard let value else { return "·" }
            return blocks[min(blocks.count - 1, max(0, Int((value / 2 * Double(blocks.count - 1)).rounded())))]
        })
    }
}

/// The report's paragraphs in logical order, each with its tone.
struct TextReportLines {
    let report: Report
    let words: ReportLabels
    private(set) var paragraphs: [(String, TextReport.Tone)] = []

    init(report: Report) {
        self.report = report
        words = ReportLabels(report.language)
        build()
    }

    private func safe(_ text: String) -> String { DisplaySafeText.clean(text, keepingNewlines: false) }
    private func formatted(_ value: Double?) -> String { value.map { String(format: "%.2f", $0) } ?? "–" }
    private func signed(_ value: Double?) -> String {
        guard let value else { return "" }
        return (value >= 0 ? "+" : "-") + String(format: "%.2f", abs(value))
    }

    private func pad(_ text: String, _ width: Int) -> String {
        let used = DisplayWidth.of(text)
        return used >= width ? text + " " : text + String(repeating: " ", count: width - used)
    }

    private mutating func add(_ text: String, _ tone: TextReport.Tone = .plain) { paragraphs.append((text, tone)) }

    private mutating func build() {
        add(words.title, .heading)
        var meta = words.generatedFrom
        if let first = report.trainees.map(\.firstPractised).filter({ $0 > 0 }).min(),
           let last = report.trainees.map(\.lastPractised).max() {
            meta += " · \(ReportTime.day(first)) – \(ReportTime.day(last))"
        }
        add(meta, .muted)
        if !report.filters.isEmpty {
            let filter = report.filters
            let parts = filter.trainees.map(safe) + filter.scenarios.map(safe) + filter.categories.map(\.rawValue)
                + (filter.since.map { ["\(words.since) \(safe($0))"] } ?? []) + (filter.until.map { ["\(words.until) \(safe($0))"] } ?? [])
            add("\(words.filters): " + parts.joined(separator: ", "), .muted)
        }
        guard !report.trainees.isEmpty else {
            add("")
            add(words.noRecords)
            return
        }
        team()
        for trainee in report.trainees { self.trainee(trainee) }
    }

    private func outcomeLine(_ counts: OutcomeCounts) -> String {
        "\(words.outcomes): " + (AttemptOutcome.allCases.map { "\(words.short($0)) \(counts[$0])" }
            + ["\(words.unfinished) \(counts.unfinished)"]).joined(separator: " · ")
    }

    private mutating func team() {
        let team = report.team
        add("")
        add("\(words.team): \(team.trainees) \(words.trainees) · \(team.attempts) \(words.attempts) · \(team.turns) \(words.turns)", .heading)
        add(outcomeLine(team.outcomes))
        // The heat map as a table: trainee, then the three dimensions.
        add("")
        add(pad(words.trainee, 22) + Dimension.allCases.map { pad(clip(words.name(of: $0), 17), 18) }.joined(), .subheading)
        for trainee in report.trainees {
            let cells = trainee.levels.map { level in
                pad(formatted(level.mean) + (level.passes == false ? " ▼" : "") + (level.isGettingWorse ? " ↓" : ""), 18)
            }
            add(pad(clip(safe(trainee.trainee), 20), 22) + cells.joined(), trainee.attention.isEmpty ? .plain : .fail)
        }
        add(pad(words.threshold, 22) + Dimension.allCases.map { pad(String(format: "%.1f", report.threshold($0)), 18) }.joined(), .muted)
        add("")
        add(words.needsAttention, .subheading)
        let attention = report.trainees.filter { !$0.attention.isEmpty }
        if attention.isEmpty { add("  " + words.nobodyNeedsAttention) }
        for trainee in attention {
            add("  • \(safe(trainee.trainee)): " + trainee.attention.map(words.reason).joined(separator: "; "), .fail)
        }
        if !team.flags.isEmpty {
            add("")
            add(words.flagChart, .subheading)
            let largest = team.flags.values.max() ?? 1
            for (flag, count) in team.flags.sorted(by: { ($1.value, $0.key) < ($0.value, $1.key) }) {
                let bar = String(repeating: "█", count: max(1, count * 30 / largest))
                add("  " + pad(clip(words.name(of: flag), 20), 22) + bar + " \(count)")
            }
        }
        add("")
        add(words.hardestScenarios, .subheading)
        for scenario in team.scenarios.prefix(8) {
            let resolved = scenario.resolvedShare.map { "\(words.resolvedShare) \(Int(($0 * 100).rounded()))%" } ?? ""
            add("  " + pad(safe(scenario.scenarioID), 38) + pad(formatted(scenario.meanLevel), 6) + pad(resolved, 14)
                + "\(scenario.attempts) \(words.attempts)")
        }
        if !team.flaggedLines.isEmpty {
            add("")
            add(words.flaggedLines, .subheading)
            for line in team.flaggedLines.prefix(5) {
                let top = line.topFlag.map { " (\(words.name(of: $0)))" } ?? ""
                add("  \(line.flags) \(words.flags)\(top) · \(safe(line.scenarioID)) · \(safe(line.lineID))", .plain)
                add("    “\(clip(safe(line.customerLine), 150))”", .muted)
            }
        }
    }

    private mutating func trainee(_ trainee: TraineeReport) {
        add("")
        add("── \(safe(trainee.trainee)) " + String(repeating: "─", count: max(3, 60 - DisplayWidth.of(safe(trainee.trainee)))), .heading)
        add("\(trainee.attempts) \(words.attempts) · \(trainee.turns) \(words.turns) · \(words.practised) \(ReportTime.day(trainee.firstPractised)) – \(ReportTime.day(trainee.lastPractised))")
        add(outcomeLine(trainee.outcomes))
        add("")
        add(pad(words.dimension, 24) + pad(words.mean, 8) + pad(words.threshold, 6) + pad(words.change, 8) + words.trend, .subheading)
        for level in trainee.levels {
            let mark = level.passes == false ? " ▼" : ""
            add(pad(clip(words.name(of: level.dimension), 23), 24) + pad(formatted(level.mean) + mark, 8)
                + pad(String(format: "%.1f", level.threshold), 6) + pad(signed(level.change), 8) + TextReport.sparkline(level.trend),
                level.passes == false || level.isGettingWorse ? .fail : level.passes == true ? .pass : .plain)
        }
        add("")
        let flags = trainee.flags.isEmpty ? words.none
            : Flag.allCases.compactMap { flag in trainee.flags[flag].map { "\(words.name(of: flag)) ×\($0)" } }.joined(separator: " · ")
        add("\(words.flags): \(flags)")
        if let trap = trainee.mostFrequentTrap { add("\(words.mostFrequentTrap): \(words.name(of: trap))") }
        if let next = trainee.practiseNext {
            add("")
            add("\(words.practiseNext): \(words.name(of: next.dimension)) (\(formatted(next.mean)) / \(String(format: "%.1f", next.threshold)))", .subheading)
            add("  " + next.advice)
            if let id = next.scenarioID {
                add("  \(words.tryScenario): \(safe(next.scenarioTitle ?? id)) — kashuv practice \(safe(id))")
            }
        }
        if !trainee.scenarios.isEmpty {
            add("")
            add(words.scenarios, .subheading)
            for scenario in trainee.scenarios {
                let parts = [(words.first, scenario.first), (words.latest, scenario.latest), (words.best, scenario.best)].map { name, attempt in
                    "\(name) \(formatted(attempt.overall)) \(attempt.outcome.map(words.short) ?? words.unfinished)"
                }
                add("  \(safe(scenario.scenarioID)) · \(scenario.attempts) \(words.attempts): " + parts.joined(separator: " · "))
            }
        }
        if let best = trainee.bestReply { quote(best, words.bestReply) }
        if let discuss = trainee.replyToDiscuss { quote(discuss, words.replyToDiscuss) }
    }

    private mutating func quote(_ quote: QuotedReply, _ heading: String) {
        add("")
        let levels = Dimension.allCases.compactMap { dimension in quote.levels[dimension].map { "\(words.name(of: dimension)) \($0)/2" } }
        add("\(heading) · \(safe(quote.scenarioID)) · " + levels.joined(separator: " · "), .subheading)
        add("  \(words.customerSaid): “\(clip(safe(quote.customerLine), 200))”", .muted)
        add("  \(words.replied): “\(safe(quote.reply))”")
        let earned = quote.evidence.filter { $0.effect == .plus }.map { "“\(safe($0.text))”" }
        let cost = quote.evidence.filter { $0.effect == .minus }.map { "“\(safe($0.text))”" }
        if !earned.isEmpty { add("  \(words.earned): " + earned.joined(separator: " "), .pass) }
        if !cost.isEmpty || !quote.flags.isEmpty {
            let flags = quote.flags.map { words.name(of: $0) }.joined(separator: ", ")
            add("  \(words.cost): " + (cost + (flags.isEmpty ? [] : ["(\(flags))"])).joined(separator: " "), .fail)
        }
        if let advice = quote.advice { add("  \(words.advice): \(safe(advice))") }
    }

    private func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
