import KashuvCore

/// Drawing: the top bar, the customer's card with the mood gauge, the transcript, the input
/// box and the status line; or the debrief; with the help box on top when open.
extension PracticeScreen {
    /// Cells available for the reply inside the input box.
    var inputWidth: Int { max(10, size.columns - 2) }

    /// The rows of the input box for the current reply (1–4).
    private var inputLayout: InputEditor.Layout { editor.layout(width: inputWidth, layout: block.layout) }

    /// Rows the transcript pane has.
    var transcriptHeight: Int {
        let rows = size.rows
        return max(1, rows - 4 - cardLines.count - inputRows)
    }

    private var inputRows: Int { phase == .conversation ? min(4, max(1, inputLayout.lines.count)) : 0 }

    private var rightToLeft: Bool { labels.language.isRightToLeft && block.layout.mode == .app }

    private var cardLines: [StyledLine] {
        let width = max(10, size.columns - 2)
        var card = StyledText()
        card.append(DisplaySafeText.clean(session.scenario.customer.name, keepingNewlines: false), .customer)
        card.append(" · ", .dim)
        card.append(DisplaySafeText.clean(session.scenario.customer.background, keepingNewlines: false))
        var lines = Array(card.lines(block, width: width, indent: 1).prefix(2))
        lines.append(MoodGauge(mood: moodShown ?? session.mood, change: moodChange).line(labels: labels, block: block, width: width, indent: 1))
        return lines
    }

    /// Draws the whole screen as one frame on a canvas of ``size``.
    package func draw(on canvas: some Canvas) {
        canvas.erase()
        switch phase {
        case .conversation, .callOver: drawConversation(on: canvas)
        case .debrief: drawDebrief(on: canvas)
        }
        if showingHelp {
            HelpOverlay(labels: labels, block: block).draw(on: canvas)
            canvas.showCursor(row: nil, column: 0)
        }
    }

    private func drawBar(title: String, keysHint: String, on canvas: some Canvas) {
        let (_, columns) = size
        canvas.fill(row: 0, style: .bar)
        let titleLine = block.oneLine(title, width: max(10, columns - 2 - DisplayWidth.of(keysHint) - 3), style: .bar)
        let hint = block.oneLine(keysHint, width: columns - 2, style: .bar)
        let hintWidth = DisplayWidth.of(hint.text), titleWidth = DisplayWidth.of(titleLine.text)
        if rightToLeft {
            StyledLine(cells: titleLine.cells, column: columns - 1 - titleWidth).draw(on: canvas, row: 0)
            StyledLine(cells: hint.cells, column: 1).draw(on: canvas, row: 0)
        } else {
            StyledLine(cells: titleLine.cells, column: 1).draw(on: canvas, row: 0)
            StyledLine(cells: hint.cells, column: max(0, columns - 1 - hintWidth)).draw(on: canvas, row: 0)
        }
    }

    private func drawConversation(on canvas: some Canvas) {
        let (rows, columns) = size
        drawBar(title: labels.appName + " · " + DisplaySafeText.clean(session.scenario.title, keepingNewlines: false),
                keysHint: labels.keysHint, on: canvas)

        // The customer's card and the mood gauge.
        var row = 1
        for line in cardLines {
            line.draw(on: canvas, row: row)
            row += 1
        }
        canvas.put(String(repeating: "─", count: columns), row: row, column: 0, style: .dim)
        row += 1

        // The transcript, newest at the bottom.
        let height = transcriptHeight
        let all = transcript.flatMap { renderer.lines($0, width: columns) }
        scroll = min(scroll, max(0, all.count - height))
        let end = all.count - scroll
        let visible = all[max(0, end - height)..<end]
        // Newest at the bottom, right above the input box.
        let top = row + height - visible.count
        for (index, line) in visible.enumerated() {
            line.draw(on: canvas, row: top + index)
        }
        if scroll > 0 {
            let more = rightToLeft ? "↓ +\(scroll)" : "↓ +\(scroll)"
            canvas.put(more, row: row + height - 1, column: rightToLeft ? 0 : columns - DisplayWidth.of(more), style: .bar)
        }
        row += height

        // The input box.
        let status = rows - 1
        if phase == .conversation {
            let label = block.oneLine(labels.replyPrompt, width: columns - 6, style: .dim)
            canvas.put(String(repeating: "─", count: columns), row: row, column: 0, style: .dim)
            let labelColumn = rightToLeft ? columns - 2 - DisplayWidth.of(label.text) : 2
            StyledLine(cells: label.cells, column: labelColumn).draw(on: canvas, row: row)
            row += 1
            let layout = inputLayout
            let first = max(0, min(layout.cursor.row - inputRows + 1, layout.lines.count - inputRows))
            for (index, entry) in layout.lines.enumerated() where index >= first && index < first + inputRows {
                let cells = entry.line.scalars.map { (scalar: $0, style: Style.trainee) }
                StyledLine(cells: cells, column: 1 + entry.start)
                    .draw(on: canvas, row: row + index - first)
            }
            let hint = notice.map { block.oneLine($0, width: columns - 2, style: .minus) }
                ?? block.oneLine(inputHint ?? labels.inputHint, width: columns - 2, style: .dim)
            hint.draw(on: canvas, row: status, offset: 1)
            canvas.showCursor(row: row + layout.cursor.row - first, column: 1 + layout.cursor.column)
        } else {
            canvas.put(String(repeating: "─", count: columns), row: row, column: 0, style: .dim)
            let hint = block.oneLine(labels.pressForDebrief, width: columns - 2, style: .heading)
            hint.draw(on: canvas, row: status, offset: 1)
            canvas.showCursor(row: nil, column: 0)
        }
    }

    private func drawDebrief(on canvas: some Canvas) {
        let (rows, columns) = size
        drawBar(title: labels.debriefTitle + " · " + DisplaySafeText.clean(session.scenario.title, keepingNewlines: false),
                keysHint: "", on: canvas)
        let lines = debriefScreen.lines(session.debrief, width: columns)
        let height = max(1, rows - 2)
        scroll = min(scroll, max(0, lines.count - height))
        for (index, line) in lines.dropFirst(scroll).prefix(height).enumerated() {
            line.draw(on: canvas, row: 1 + index)
        }
        block.oneLine(labels.debriefHint, width: columns - 2, style: .dim).draw(on: canvas, row: rows - 1, offset: 1)
        canvas.showCursor(row: nil, column: 0)
    }
}
