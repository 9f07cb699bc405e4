/// Text assembled from pieces, remembering the style of each piece by logical offset.
struct StyledText {
    /// The text so far.
    private(set) var text = ""
    private var spans: [(range: Range<Int>, style: Style)] = []
    private var count = 0

    /// Adds a piece in a style.
    mutating func append(_ piece: String, _ style: Style = .normal) {
        let length = piece.unicodeScalars.count
        spans.append((count..<(count + length), style))
        text += piece
        count += length
    }

    /// Marks a range (in scalars of ``text``) with a style that wins over the pieces' own.
    mutating func highlight(_ range: Range<Int>, _ style: Style) {
        spans.append((range, style))
    }

    /// The style at a logical offset (the last span that covers it).
    func style(at offset: Int) -> Style {
        spans.last { $0.range.contains(offset) }?.style ?? .normal
    }

    /// The lines of the text in a box.
    func lines(_ block: TextBlock, width: Int, indent: Int = 0) -> [StyledLine] {
        block.lines(text, width: width, indent: indent) { style(at: $0) }
    }
}
