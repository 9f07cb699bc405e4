/// Word-wraps a paragraph in logical order, before any reordering, by display width.
///
/// Lines break after spaces; a word wider than the line is cut between characters,
/// never between a letter and its combining marks.
enum LineWrapper {
    /// The logical ranges of the lines of `scalars` wrapped to `width` cells.
    /// Trailing spaces stay in the range of the line they end (they are not drawn).
    static func wrap(_ scalars: [Unicode.Scalar], width: Int) -> [Range<Int>] {
        let width = max(1, width)
        guard !scalars.isEmpty else { return [0..<0] }
        var lines: [Range<Int>] = []
        var start = 0
        var lineWidth = 0
        var lastBreak: Int?  // offset just after a run of spaces inside the current line
        var index = 0
        while index < scalars.count {
            let scalar = scalars[index]
            let cells = DisplayWidth.of(scalar)
            if scalar == " " {
                lineWidth += cells
                index += 1
                lastBreak = index
                continue  // spaces may hang past the edge; they are not drawn at a break
            }
            if lineWidth + cells > width && index > start && cells > 0 {
                if let lastBreak, lastBreak > start {
                    lines.append(start..<lastBreak)
                    start = lastBreak
                    lineWidth = (start..<index).reduce(0) { $0 + DisplayWidth.of(scalars[$1]) }
                } else {
                    lines.append(start..<index)
                    start = index
                    lineWidth = 0
                }
                lastBreak = nil
                continue
            }
            lineWidth += cells
            index += 1
        }
        lines.append(start..<scalars.count)
        return lines
    }
}
