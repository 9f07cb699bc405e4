import KashuvCore

/// The reply being typed: text in logical order and a cursor, with editing that moves the
/// cursor in *visual* terms (Left goes left on the screen, through Hebrew and English alike).
struct InputEditor: Sendable {
    /// The reply so far, in logical (typing) order.
    private(set) var scalars: [Unicode.Scalar] = []
    /// The cursor: the logical offset a typed character is inserted at (0…count).
    private(set) var cursor = 0

    /// The reply as a string.
    var text: String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars)
        return String(view)
    }

    /// Whether only spaces (or nothing) have been typed.
    var isBlank: Bool { scalars.allSatisfy { $0 == " " } }

    /// Inserts characters at the cursor (typing or pasting); returns `false`, inserting
    /// nothing, when the reply would grow past ``ReplyLength/maximum``.
    @discardableResult
    mutating func insert(_ new: [Unicode.Scalar]) -> Bool {
        guard scalars.count + new.count <= ReplyLength.maximum else { return false }
        scalars.insert(contentsOf: new, at: cursor)
        cursor += new.count
        return true
    }

    /// Deletes the character before the cursor.
    mutating func backspace() {
        guard cursor > 0 else { return }
        // Delete a letter together with its combining marks.
        var start = cursor - 1
        while start > 0 && DisplayWidth.of(scalars[start]) == 0 && scalars[start] != " " { start -= 1 }
        scalars.removeSubrange(start..<cursor)
        cursor = start
    }

    /// Deletes the character at the cursor.
    mutating func delete() {
        guard cursor < scalars.count else { return }
        var end = cursor + 1
        while end < scalars.count && DisplayWidth.of(scalars[end]) == 0 { end += 1 }
        scalars.removeSubrange(cursor..<end)
    }

    /// Moves to the logical start (the right edge of a Hebrew reply).
    mutating func home() { cursor = 0 }

    /// Moves to the logical end.
    mutating func end() { cursor = scalars.count }

    /// Empties the editor.
    mutating func clear() {
        scalars = []
        cursor = 0
    }

    // MARK: Layout and visual movement

    /// The reply laid out in a box: lines, and where the cursor is drawn.
    struct Layout {
        /// The lines, top to bottom, each with its first column inside the box.
        var lines: [(line: VisualLine, start: Int)]
        /// The cell of every cursor position 0…count: (row, column) inside the box.
        var stops: [(row: Int, column: Int)]
        /// The cell the cursor is drawn at.
        var cursor: (row: Int, column: Int)
    }

    /// Lays the reply out in a box `width` cells wide. One cell is kept free for the cursor
    /// at the end of a line. Empty or neutral replies take `direction`.
    func layout(width: Int, layout bidi: BidiLayout) -> Layout {
        let inner = max(2, width - 1)
        let lines = bidi.lines(for: text, width: inner)
        var placed: [(line: VisualLine, start: Int)] = []
        var stops = Array(repeating: (row: 0, column: 0), count: scalars.count + 1)
        var known = Array(repeating: false, count: scalars.count + 1)
        for (row, line) in lines.enumerated() {
            // Right-aligned lines leave column 0 free; left-aligned ones the last column.
            let start = line.alignRight ? 1 + line.startColumn(inWidth: inner) : 0
            placed.append((line, start))
            for (index, column) in zip(line.logicalOffsets, line.columns) {
                stops[index] = (row, start + column)
                known[index] = true
            }
        }
        // Offsets not drawn (spaces hanging at a line break, and the end of the reply)
        // sit just past the line's text in its reading direction.
        for (row, entry) in placed.enumerated() {
            let line = entry.line
            let rightToLeft = line.direction == .rightToLeft && bidi.mode != .terminal
            let isLast = row == placed.count - 1
            let upper = isLast ? line.logicalRange.upperBound : line.logicalRange.upperBound - 1
            var step = 0
            for offset in line.logicalRange.lowerBound...max(line.logicalRange.lowerBound, upper) where offset < known.count && !known[offset] {
                step += 1
                let column = rightToLeft ? entry.start - step : entry.start + line.width + step - 1
                stops[offset] = (row, min(max(0, column), width - 1))
                known[offset] = true
            }
        }
        let cursor = stops[min(cursor, stops.count - 1)]
        return Layout(lines: placed, stops: stops, cursor: cursor)
    }

    /// Moves the cursor one cell left (`-1`) or right (`+1`) on the screen.
    mutating func moveVisually(_ direction: Int, width: Int, layout bidi: BidiLayout) {
        let layout = layout(width: width, layout: bidi)
        let here = layout.stops[cursor]
        let sameRow = layout.stops.enumerated().filter { $0.element.row == here.row }
        let candidates = sameRow.filter { direction < 0 ? $0.element.column < here.column : $0.element.column > here.column }
        if let best = candidates.min(by: { abs($0.element.column - here.column) < abs($1.element.column - here.column) }) {
            cursor = best.offset
            return
        }
        // At the edge of a row: continue on the neighbouring row in reading order.
        let rightToLeft = layout.lines.indices.contains(here.row) && layout.lines[here.row].line.alignRight
        let forward = (direction < 0) == rightToLeft  // moving towards the end of the text?
        let nextRow = here.row + (forward ? 1 : -1)
        let rowStops = layout.stops.enumerated().filter { $0.element.row == nextRow }
        let target = direction < 0 ? rowStops.max { $0.element.column < $1.element.column } : rowStops.min { $0.element.column < $1.element.column }
        if let target { cursor = target.offset }
    }
}
