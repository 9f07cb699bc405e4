import KashuvCore
import KashuvTerminal

/// The facilitator's full-screen console: how to join, who joined, the round, who answered,
/// the distribution of levels and traps, where the replies lead, and the replies themselves
/// without names (the console is often on a projector). Keys start and advance rounds and
/// put replies in the spotlight.
///
/// Drawn like the trainees' screens, as frames of cells (``FrameCanvas``), on the event loop.
package final class FacilitatorConsole: @unchecked Sendable {  // used on the event loop only
    /// What the facilitator asked for.
    package enum Command: Equatable {
        case next, followChosen, spotlightChosen, spotlightBest, spotlightWeakest, spotlightTrap, up, down, end, none
    }

    private let room: GroupRoom
    private let joinLine: String
    private let code: String
    private let fingerprint: String
    /// The reply chosen with ↑ ↓ in the current round.
    package private(set) var selected = 0
    /// The last message for the facilitator.
    package private(set) var message = ""
    /// Whether `q` was pressed once: the next `q` ends the session (a stray key must not end a workshop).
    private var endAsked = false
    private var shown: FrameCanvas?
    package var size = (rows: 24, columns: 80)

    package init(room: GroupRoom, joinLine: String, code: String, fingerprint: String) {
        self.room = room
        self.joinLine = joinLine
        self.code = code
        self.fingerprint = fingerprint
    }

    /// The command a key means.
    package static func command(for key: Key) -> Command {
        switch key {
        case .enter, .character("n"), .character(" "): .next
        case .character("c"): .followChosen
        case .character("s"): .spotlightChosen
        case .character("b"): .spotlightBest
        case .character("w"): .spotlightWeakest
        case .character("t"): .spotlightTrap
        case .up: .up
        case .down: .down
        case .character("q"): .end
        default: .none
        }
    }

    /// Shows a message for the facilitator (until the next command).
    package func note(_ text: String) { message = text }

    /// Carries out a command; returns `true` when the facilitator ends the session.
    package func perform(_ command: Command) -> Bool {
        let answers = room.currentRound?.answers ?? []
        let chosen = answers.indices.contains(selected) ? answers[selected] : nil
        message = ""
        let confirmingEnd = endAsked
        endAsked = false
        switch command {
        case .next:
            message = room.next() ?? ""
            selected = 0
        case .followChosen:
            guard let chosen else { message = "choose a reply with ↑ ↓ first"; break }
            message = room.next(following: chosen) ?? ""
            selected = 0
        case .spotlightChosen:
            if let chosen { room.spotlight(chosen) } else { message = "no reply to show yet" }
        case .spotlightBest:
            if let answer = room.currentRound?.best { room.spotlight(answer) } else { message = "no reply to show yet" }
        case .spotlightWeakest:
            if let answer = room.currentRound?.weakest { room.spotlight(answer) } else { message = "no reply to show yet" }
        case .spotlightTrap:
            if let answer = room.currentRound?.commonTrap { room.spotlight(answer) } else { message = "no reply fell into a trap" }
        case .up: selected = max(0, selected - 1)
        case .down: selected = min(max(0, answers.count - 1), selected + 1)
        case .end:
            if confirmingEnd || room.phase == .finished { return true }
            endAsked = true
            message = GroupLabels(language: room.scenario.language).confirmEnd
        case .none: break
        }
        return false
    }

    /// The escape sequences that bring the facilitator's terminal up to date.
    package func frame(colours: Bool) -> [UInt8] {
        let canvas = FrameCanvas(rows: size.rows, columns: size.columns, colours: colours)
        draw(on: canvas)
        defer { shown = canvas }
        return canvas.updates(from: shown)
    }

    /// Forget what the terminal shows (after a resize): the next frame is drawn whole.
    package func invalidate() { shown = nil }

    /// The console's lines in logical order, each with a style (also the plain log's source).
    package func lines() -> [(text: String, style: Style)] {
        let labels = GroupLabels(language: room.scenario.language)
        let names = Labels.for(room.scenario.language)
        var lines: [(String, Style)] = []
        lines.append((labels.console + " · " + clean(room.title), .bar))
        lines.append((labels.join + ": " + joinLine + "   " + labels.code + ": " + code, .heading))
        lines.append((labels.hostKey + ": " + fingerprint, .dim))
        let seats = room.joinOrder.compactMap { room.seats[$0] }
        let connected = seats.filter(\.isConnected).count
        lines.append(("\(labels.trainees): \(seats.count) (\(connected) \(labels.connected)): "
            + seats.map { clean($0.name.displayName) + ($0.isConnected ? "" : "°") }.joined(separator: ", "), .normal))
        lines.append(("", .normal))
        lines.append(("\(labels.scenario) \(room.scenarioIndex + 1)/\(room.scenarios.count): " + clean(room.scenario.title)
            + (room.openRound > 0 ? " · \(labels.round) \(room.openRound)" : ""), .heading))
        switch room.phase {
        case .lobby: lines.append((labels.lobby, .normal))
        case .scenarioOver: lines.append((labels.callOver, .normal))
        case .finished: lines.append((labels.finished, .normal))
        case .roundOpen: break
        }
        guard let round = room.currentRound else { return lines }
        lines.append((clean(room.scenario.customer.name) + ": " + clean(round.turn.says(.plural)), .customer))
        let answeredNames = round.answers.map { clean($0.trainee) }
        lines.append(("\(labels.answered): \(round.answers.count)/\(max(connected, round.answers.count)) — "
            + answeredNames.joined(separator: ", "), .heading))
        for dimension in Dimension.allCases {
            let (counts, notRated) = round.levels(dimension)
            var text = names.name(of: dimension) + ":  0 ×\(counts[0])   1 ×\(counts[1])   2 ×\(counts[2])"
            if notRated > 0 { text += "   – ×\(notRated)" }
            lines.append((text, .normal))
        }
        let flags = round.flags
        lines.append((labels.flags + ": " + (flags.isEmpty ? "—" : flags.map { "\(names.name(of: $0.flag)) ×\($0.count)" }.joined(separator: " · ")),
                      flags.isEmpty ? .normal : .minus))
        lines.append((labels.branches + ": " + round.branches.map { "\($0.destination) ×\($0.count)" }.joined(separator: " · "), .normal))
        lines.append((labels.replies + ":", .heading))
        for (index, answer) in round.answers.enumerated() {
            let levels = Dimension.allCases.map { answer.outcome.score.level($0).map(String.init) ?? "–" }.joined(separator: "/")
            let flagText = answer.outcome.score.flags.map { names.name(of: $0) }.joined(separator: ", ")
            let marker = index == selected ? "▶ " : "  "
            lines.append((marker + "[\(levels)] " + clean(answer.outcome.reply) + (flagText.isEmpty ? "" : "  (\(flagText))"),
                          index == selected ? .trainee : .normal))
        }
        return lines
    }

    private func draw(on canvas: FrameCanvas) {
        let labels = GroupLabels(language: room.scenario.language)
        let (rows, columns) = size
        let layout = BidiLayout(mode: .app, neutralDirection: room.scenario.language.isRightToLeft ? .rightToLeft : .leftToRight)
        let width = max(10, columns - 2)
        var all = lines()
        // Keep the chosen reply on screen: drop replies above it when the list is long.
        let messageLines = message.isEmpty ? [] : Array(layout.lines(for: message, width: width).prefix(2))
        let footer = 1 + max(1, messageLines.count)
        if all.count > rows - footer, let first = all.firstIndex(where: { $0.text.hasPrefix("▶ ") || $0.text.hasPrefix("  [") }) {
            let room = rows - footer - first
            let replies = Array(all[first...])
            let start = max(0, min(selected - room / 2, replies.count - room))
            all = Array(all[..<first]) + Array(replies.dropFirst(start).prefix(max(0, room)))
        }
        var row = 0
        for (index, entry) in all.enumerated() where row < rows - footer {
            if entry.style == .bar { canvas.fill(row: row, style: .bar) }
            let wrapped = layout.lines(for: entry.text, width: width)
            let limit = index == 0 || entry.style != .customer ? 1 : 3
            for line in wrapped.prefix(limit) where row < rows - footer {
                canvas.put(line.scalars, row: row, column: 1 + line.startColumn(inWidth: width), style: entry.style)
                row += 1
            }
            if wrapped.isEmpty { row += 1 }
        }
        for (index, line) in messageLines.enumerated() {
            canvas.put(line.scalars, row: rows - 1 - messageLines.count + index, column: 1 + line.startColumn(inWidth: width), style: .minus)
        }
        if let line = layout.lines(for: labels.keys, width: width).first {
            canvas.put(line.scalars, row: rows - 1, column: 1 + line.startColumn(inWidth: width), style: .dim)
        }
        canvas.showCursor(row: nil, column: 0)
    }

    private func clean(_ text: String) -> String { DisplaySafeText.clean(text, keepingNewlines: false) }
}

extension FacilitatorConsole {
    /// Chooses reply `index` (from 0) of the current round, for commands typed as lines.
    package func choose(_ index: Int) {
        selected = max(0, min(index, (room.currentRound?.answers.count ?? 1) - 1))
    }

    /// One line for the plain log: the round and how many answered.
    package func statusLine() -> String {
        let seats = room.seats.values
        let answered = room.currentRound?.answers.count ?? 0
        return "[\(room.phase)] scenario \(room.scenarioIndex + 1)/\(room.scenarios.count) round \(room.openRound)"
            + " trainees \(seats.count) connected \(seats.filter(\.isConnected).count) answered \(answered)"
    }
}
