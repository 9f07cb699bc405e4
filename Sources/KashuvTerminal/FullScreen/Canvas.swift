/// A surface the screens draw one frame on: an ncurses ``Terminal`` on this machine, or a
/// grid of cells that the group layer sends to a trainee over SSH.
///
/// A frame is drawn from scratch: ``erase()``, then ``put(_:row:column:style:)`` calls, then
/// the cursor; the owner of the canvas decides when it reaches the screen.
package protocol Canvas: AnyObject {
    /// The size in rows and columns.
    var size: (rows: Int, columns: Int) { get }
    /// Clears every cell.
    func erase()
    /// Writes characters (in visual order) at a position with a style, cut at the right edge.
    func put(_ scalars: some Collection<Unicode.Scalar>, row: Int, column: Int, style: Style)
    /// Shows the cursor at a cell, or hides it (`row` nil).
    func showCursor(row: Int?, column: Int)
}

extension Canvas {
    /// Writes a string (see ``put(_:row:column:style:)``).
    package func put(_ text: String, row: Int, column: Int, style: Style = .normal) {
        put(text.unicodeScalars, row: row, column: column, style: style)
    }

    /// Fills a row with a style (for bars).
    package func fill(row: Int, style: Style) {
        put(String(repeating: " ", count: size.columns), row: row, column: 0, style: style)
    }
}
