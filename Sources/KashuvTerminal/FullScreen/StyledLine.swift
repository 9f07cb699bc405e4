import KashuvCore

/// One screen line ready to draw: characters in visual order, each with its style.
struct StyledLine {
    /// Characters left to right with their styles.
    var cells: [(scalar: Unicode.Scalar, style: Style)]
    /// The column of the first character.
    var column: Int

    /// An empty line.
    static let blank = StyledLine(cells: [], column: 0)

    /// The characters as a string (for tests and measuring).
    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: cells.map(\.scalar))
        return String(view)
    }

    /// Draws the line at a row, shifted right by `offset` columns.
    func draw(on canvas: some Canvas, row: Int, offset: Int = 0) {
        var x = column + offset
        var run: [Unicode.Scalar] = []
        var runStyle = cells.first?.style ?? .normal
        var runStart = x
        for cell in cells {
            if cell.style != runStyle, !run.isEmpty {
                canvas.put(run, row: row, column: runStart, style: runStyle)
                run = []
                runStart = x
            }
            runStyle = cell.style
            run.append(cell.scalar)
            x += DisplayWidth.of(cell.scalar)
        }
        if !run.isEmpty { canvas.put(run, row: row, column: runStart, style: runStyle) }
    }
}

/// Turns text into styled screen lines: wrap, reorder, align, style by logical offset.
struct TextBlock {
    /// How text is ordered and aligned.
    let layout: BidiLayout

    /// The lines of `text` in a box `width` cells wide starting at column `indent`.
    /// `style` gives the style of the character at a logical offset (Unicode scalars of `text`).
    func lines(_ text: String, width: Int, indent: Int = 0, style: (Int) -> Style) -> [StyledLine] {
        layout.lines(for: text, width: max(1, width)).map { line in
            let cells = zip(line.scalars, line.logicalOffsets).map { ($0, style($1)) }
            return StyledLine(cells: cells, column: indent + line.startColumn(inWidth: width))
        }
    }

    /// The lines of `text` in one style.
    func lines(_ text: String, width: Int, indent: Int = 0, style: Style = .normal) -> [StyledLine] {
        lines(text, width: width, indent: indent) { _ in style }
    }

    /// `text` cut to one line of `width` cells, with "…" at its logical end when cut.
    func oneLine(_ text: String, width: Int, indent: Int = 0, style: Style = .normal) -> StyledLine {
        let flat = text.replacingOccurrences(of: "\n", with: " ")
        if DisplayWidth.of(flat) <= width {
            return lines(flat, width: width, indent: indent, style: style).first ?? .blank
        }
        let all = layout.lines(for: flat, width: max(2, width - 1))
        guard all.count > 1, let first = all.first else {
            return lines(flat, width: width, indent: indent, style: style).first ?? .blank
        }
        let scalars = Array(flat.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[0..<first.logicalRange.upperBound])
        let cut = String(view).trimmingTrailingSpaces() + "…"
        return lines(cut, width: width, indent: indent, style: style).first ?? .blank
    }
}

extension String {
    /// The string without spaces at its end.
    func trimmingTrailingSpaces() -> String {
        var scalars = Array(unicodeScalars)
        while scalars.last == " " { scalars.removeLast() }
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }
}
