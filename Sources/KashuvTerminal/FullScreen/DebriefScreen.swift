import KashuvCore

/// The debrief at the end of a call: the ending and its debrief text, the mood, a per-turn
/// table, what went well (with the trainee's own words), the one thing to practise next and
/// a scenario to try next. Built as lines; the controller scrolls them.
struct DebriefScreen {
    let labels: ScreenLabels
    let block: TextBlock
    let scenarioTitle: String
    /// The command that starts a scenario, by id, for this trainee (``ShellCommand``).
    let practiseCommand: (String) -> String

    /// The debrief's lines in a screen `width` wide.
    func lines(_ debrief: Debrief, width: Int) -> [StyledLine] {
        let inner = max(20, width - 2)
        var lines: [StyledLine] = []
        func heading(_ text: String) {
            lines.append(.blank)
            lines += block.lines(text, width: inner, indent: 1, style: .heading)
        }

        // The ending and its debrief text.
        var ending = StyledText()
        if let reached = debrief.ending {
            ending.append(labels.callEnded + ": ", .heading)
            ending.append(labels.outcome(reached.outcome), reached.outcome == .resolved ? .plus : .minus)
            if let reason = debrief.endReason, !labels.endReason(reason).isEmpty {
                ending.append(" (" + labels.endReason(reason) + ")")
            }
        } else {
            ending.append(labels.abandoned, .minus)
        }
        ending.append(" · ", .dim)
        ending.append(labels.mood + " \(debrief.moodAtStart) → \(debrief.moodAtEnd)".replacingOccurrences(
            of: "→", with: labels.language.isRightToLeft ? "←" : "→"))
        lines += ending.lines(block, width: inner, indent: 1)
        if let text = debrief.endingText {
            lines += block.lines(DisplaySafeText.clean(text), width: inner, indent: 1)
        }

        // Turn by turn.
        heading(labels.table)
        if debrief.rows.isEmpty {
            lines += block.lines(labels.nothingScored, width: inner, indent: 1, style: .dim)
        } else {
            lines += tableLines(debrief.rows, width: inner)
        }

        // The attempt against the trainer profile: overall score, pass or fail per dimension.
        if let card = debrief.scorecard {
            let (overall, entries) = labels.shared.scorecard(card)
            heading(overall)
            for entry in entries {
                lines += block.lines(
                    "• " + entry.line, width: inner, indent: 1,
                    style: entry.passed == true ? .plus : entry.passed == false ? .minus : .dim)
            }
        }

        // What went well, in the trainee's words.
        if !debrief.wentWell.isEmpty {
            heading(labels.wentWell)
            for quote in debrief.wentWell {
                var styled = StyledText()
                styled.append("• " + labels.dimension(quote.dimension) + " (\(labels.turn) \(quote.turnNumber)): ")
                styled.append("\"" + DisplaySafeText.clean(quote.text, keepingNewlines: false) + "\"", .plus)
                lines += styled.lines(block, width: inner, indent: 1)
            }
        }

        // The one thing to practise next.
        if let focus = debrief.practiseNext {
            heading(labels.practiseNext)
            var styled = StyledText()
            styled.append(labels.dimension(focus.dimension) + ": ", .heading)
            styled.append(DisplaySafeText.clean(focus.advice))
            lines += styled.lines(block, width: inner, indent: 1)
        }

        // A scenario to try next.
        if let suggestion = debrief.suggestion {
            heading(labels.suggestion)
            var styled = StyledText()
            styled.append(DisplaySafeText.clean(suggestion.title, keepingNewlines: false), .trainee)
            styled.append(" (" + labels.suggestionReason(suggestion.reason) + ")", .dim)
            lines += styled.lines(block, width: inner, indent: 1)
            // The command as the shell shows it while typed (logical order), so it can be copied.
            lines += TextBlock(layout: BidiLayout(mode: .terminal, neutralDirection: .leftToRight))
                .lines(practiseCommand(suggestion.scenarioID), width: inner, indent: 1, style: .dim)
                .map { line in
                    var line = line
                    if labels.language.isRightToLeft && block.layout.mode == .app {
                        line.column = 1 + max(0, inner - DisplayWidth.of(line.text))
                    }
                    return line
                }
        }
        return lines
    }

    /// The per-turn table: one row of levels, mood and flags, then the reply cut to one line.
    private func tableLines(_ rows: [Debrief.Row], width: Int) -> [StyledLine] {
        let rightToLeft = labels.language.isRightToLeft && block.layout.mode == .app
        let numbers = TextBlock(layout: BidiLayout(mode: block.layout.mode, neutralDirection: .leftToRight))
        let fixed = [4] + Dimension.allCases.map { max(6, DisplayWidth.of(labels.shortDimension($0)) + 1) } + [max(8, DisplayWidth.of(labels.mood) + 1)]
        let flagsWidth = max(8, width - fixed.reduce(0, +))
        let widths = fixed + [flagsWidth]

        func row(_ cells: [(String, Style)]) -> StyledLine {
            var result: [(scalar: Unicode.Scalar, style: Style)] = []
            var line = Array(repeating: (scalar: Unicode.Scalar(" "), style: Style.normal), count: width)
            var x = rightToLeft ? width : 0
            for (index, (text, style)) in cells.enumerated() {
                let cellWidth = widths[index] - 1
                let isNumber = TextDirection.firstStrong(in: text) == nil
                let drawn = (isNumber ? numbers : block).oneLine(text, width: cellWidth, style: style)
                let drawnWidth = DisplayWidth.of(drawn.text)
                let start = rightToLeft ? x - drawnWidth : x
                var column = start
                for cell in drawn.cells where column >= 0 && column < width {
                    line[column] = cell
                    column += max(1, DisplayWidth.of(cell.scalar))
                }
                x += rightToLeft ? -widths[index] : widths[index]
            }
            result = line.filter { DisplayWidth.of($0.scalar) > 0 || $0.scalar == " " }
            return StyledLine(cells: trimmed(result), column: 1)
        }

        var lines: [StyledLine] = []
        lines.append(row([("#", .heading)] + Dimension.allCases.map { (labels.shortDimension($0), .heading) }
                         + [(labels.mood, .heading), (labels.flags, .heading)]))
        for entry in rows {
            var cells: [(String, Style)] = [("\(entry.number)", .normal)]
            for dimension in Dimension.allCases {
                let level = entry.levels[dimension]
                cells.append(level.map { ("\($0)", $0 == 2 ? .plus : $0 == 0 ? .minus : .normal) } ?? ("–", .dim))
            }
            let mood = rightToLeft ? "\(entry.moodAfter)←\(entry.moodBefore)" : "\(entry.moodBefore)→\(entry.moodAfter)"
            cells.append((mood, entry.moodAfter > entry.moodBefore ? .moodHot : entry.moodAfter < entry.moodBefore ? .moodCalm : .normal))
            cells.append((entry.flags.isEmpty ? "—" : entry.flags.map(labels.flag).joined(separator: ", "), entry.flags.isEmpty ? .dim : .minus))
            lines.append(row(cells))
            var reply = block.oneLine("\"" + DisplaySafeText.clean(entry.reply, keepingNewlines: false) + "\"", width: width - 6, style: .dim)
            reply.column += rightToLeft ? 1 : 5
            lines.append(reply)
        }
        return lines
    }

    /// Cells without the trailing blanks of a row (a right-to-left row keeps its leading ones).
    private func trimmed(_ cells: [(scalar: Unicode.Scalar, style: Style)]) -> [(scalar: Unicode.Scalar, style: Style)] {
        var cells = cells
        while cells.last?.scalar == " " { cells.removeLast() }
        return cells
    }
}
