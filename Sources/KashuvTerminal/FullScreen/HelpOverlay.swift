/// The help box listing the keys, drawn over the conversation; any key closes it.
struct HelpOverlay {
    let labels: ScreenLabels
    let block: TextBlock

    /// Draws the box centred on the terminal.
    func draw(on canvas: some Canvas) {
        let (rows, columns) = canvas.size
        let width = min(columns - 2, 72)
        let keyWidth = 20
        guard width > 20, rows > 6 else { return }
        var lines: [StyledLine] = block.lines(labels.helpTitle, width: width - 4, indent: 2, style: .heading)
        let rightToLeft = labels.language.isRightToLeft && block.layout.mode == .app
        for (key, meaning) in labels.helpLines {
            let textWidth = width - 4 - keyWidth
            let meaningLines = block.lines(meaning, width: textWidth, indent: 0)
            for (index, line) in meaningLines.enumerated() {
                var cells = line.cells
                var column = line.column
                if index == 0 {
                    let keyCells = Array(key.unicodeScalars).map { (scalar: $0, style: Style.trainee) }
                    let pad = Array(repeating: (scalar: Unicode.Scalar(" "), style: Style.normal), count: max(0, keyWidth - keyCells.count))
                    if rightToLeft {
                        // Meaning on the left, key on the right.
                        let gap = Array(repeating: (scalar: Unicode.Scalar(" "), style: Style.normal), count: max(0, textWidth - DisplayWidth.of(line.text) - line.column))
                        cells = Array(repeating: (scalar: Unicode.Scalar(" "), style: Style.normal), count: line.column) + cells + gap + pad + keyCells
                        column = 2
                    } else {
                        cells = keyCells + pad + cells
                        column = 2
                    }
                } else {
                    column = rightToLeft ? 2 + line.column : 2 + keyWidth + line.column
                }
                lines.append(StyledLine(cells: cells, column: column))
            }
        }
        lines.append(.blank)
        lines += block.lines(labels.helpClose, width: width - 4, indent: 2, style: .dim)
        let height = min(rows - 2, lines.count + 2)
        let top = max(0, (rows - height) / 2)
        let left = max(0, (columns - width) / 2)
        let border = "+" + String(repeating: "-", count: width - 2) + "+"
        canvas.put(border, row: top, column: left, style: .heading)
        for row in 1..<(height - 1) {
            canvas.put("|" + String(repeating: " ", count: width - 2) + "|", row: top + row, column: left, style: .heading)
            if row - 1 < lines.count {
                var line = lines[row - 1]
                line.column += left
                line.draw(on: canvas, row: top + row)
            }
        }
        canvas.put(border, row: top + height - 1, column: left, style: .heading)
    }
}
