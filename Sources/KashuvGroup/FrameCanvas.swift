import KashuvTerminal

/// A screen drawn into memory: a grid of cells that a remote terminal is brought up to date
/// with by plain xterm/VT escape sequences (``updates(from:)``), without ncurses.
///
/// This is how the group layer renders every trainee's screen in one process: the
/// full-screen practice draws a frame on it exactly as on an ncurses terminal (the same
/// layout code, ``Canvas``), and only the cells that changed since the frame the client has
/// are sent. A frame is a value owned by one trainee's connection; nothing is shared.
package final class FrameCanvas: Canvas {
    /// One cell: the characters drawn in it (a letter with its marks), or the right half of a
    /// wide character.
    package struct Cell: Equatable {
        var text: String = " "
        var style: Style = .normal
        var isContinuation = false
    }

    package private(set) var size: (rows: Int, columns: Int)
    private(set) var cells: [Cell]
    /// Where the cursor is shown, or `nil` when hidden.
    package private(set) var cursor: (row: Int, column: Int)?
    /// Whether styles use colour (off for `TERM=dumb`-like terminals and `NO_COLOR`).
    let colours: Bool

    package init(rows: Int, columns: Int, colours: Bool) {
        size = (max(1, rows), max(1, columns))
        cells = Array(repeating: Cell(), count: size.rows * size.columns)
        self.colours = colours
    }

    package func erase() {
        for index in cells.indices { cells[index] = Cell() }
        cursor = nil
    }

    package func put(_ scalars: some Collection<Unicode.Scalar>, row: Int, column: Int, style: Style) {
        let (rows, columns) = size
        guard row >= 0, row < rows, column < columns else { return }
        var x = column
        var last: Int?
        var skipped = false
        for scalar in scalars {
            let width = DisplayWidth.of(scalar)
            if x < 0 { x += width; skipped = true; continue }
            if width == 0 {
                // A mark joins the letter before it; one whose letter was cut off is dropped.
                if !skipped, let last { cells[last].text.unicodeScalars.append(scalar) }
                continue
            }
            skipped = false
            if x + width > columns { break }
            let index = row * columns + x
            cells[index] = Cell(text: String(Character(scalar)), style: style)
            if width == 2 { cells[index + 1] = Cell(text: "", style: style, isContinuation: true) }
            last = index
            x += width
        }
    }

    package func showCursor(row: Int?, column: Int) {
        cursor = row.map { ($0, column) }
    }

    /// The escape sequences and text that turn `previous` (what the client shows now, or
    /// `nil` for a blank or unknown screen) into this frame.
    package func updates(from previous: FrameCanvas?) -> [UInt8] {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        func emit(_ text: String) { out.append(contentsOf: text.utf8) }
        emit("\u{1B}[?25l")
        let columns = size.columns
        let full = previous == nil || previous!.size != size
        if full { emit("\u{1B}[0m\u{1B}[H\u{1B}[2J") }
        var current: Style? = full ? .normal : nil
        for row in 0..<size.rows {
            let base = row * columns
            var first = -1, last = -1
            for column in 0..<columns {
                let differs = full ? cells[base + column] != Cell() : cells[base + column] != previous!.cells[base + column]
                if differs {
                    if first < 0 { first = column }
                    last = column
                }
            }
            guard first >= 0 else { continue }
            while first > 0, cells[base + first].isContinuation { first -= 1 }
            if last + 1 < columns, cells[base + last + 1].isContinuation { last += 1 }
            emit("\u{1B}[\(row + 1);\(first + 1)H")
            for column in first...last {
                let cell = cells[base + column]
                if cell.isContinuation { continue }
                if current != cell.style {
                    emit(sgr(cell.style))
                    current = cell.style
                }
                emit(cell.text.isEmpty ? " " : cell.text)
            }
        }
        emit("\u{1B}[0m")
        if let cursor {
            emit("\u{1B}[\(cursor.row + 1);\(cursor.column + 1)H\u{1B}[?25h")
        }
        return out
    }

    /// Select Graphic Rendition for a style, mirroring the ncurses palette (``Palette``).
    private func sgr(_ style: Style) -> String {
        let code: String
        switch style {
        case .normal: code = "0"
        case .bar: code = "0;7"
        case .dim: code = "0;2"
        case .trainee: code = "0;1"
        case .customer: code = colours ? "0;1;36" : "0;1"
        case .heading: code = colours ? "0;1;33" : "0;1"
        case .plus: code = colours ? "0;1;4;32" : "0;1;4"
        case .minus: code = colours ? "0;1;7;31" : "0;7"
        case .moodCalm: code = colours ? "0;1;32" : "0;1"
        case .moodWarm: code = colours ? "0;1;33" : "0;1"
        case .moodHot: code = colours ? "0;1;31" : "0;1"
        }
        return "\u{1B}[" + code + "m"
    }

    /// Every row as text (for tests and the facilitator's plain log).
    package var rowsText: [String] {
        (0..<size.rows).map { row in
            cells[(row * size.columns)..<((row + 1) * size.columns)].filter { !$0.isContinuation }.map(\.text).joined()
        }
    }
}
