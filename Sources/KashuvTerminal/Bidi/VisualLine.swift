/// One screen line of text in the order it is drawn, left to right.
public struct VisualLine: Sendable, Hashable {
    /// The characters in visual order (left to right on the screen).
    public var scalars: [Unicode.Scalar]
    /// For each character in ``scalars``, its offset in the laid-out text, in Unicode scalars
    /// of the text as given (so scorer evidence offsets can be matched against it).
    public var logicalOffsets: [Int]
    /// The range of logical offsets this line covers, including trailing spaces that are not drawn.
    public var logicalRange: Range<Int>
    /// The direction of the paragraph the line belongs to.
    public var direction: TextDirection
    /// Whether the line should be drawn against the right edge (right-to-left paragraphs in app mode).
    public var alignRight: Bool

    /// The line as a string, in visual order.
    public var text: String {
        var string = String.UnicodeScalarView()
        string.append(contentsOf: scalars)
        return String(string)
    }

    /// The cells the line takes.
    public var width: Int { scalars.reduce(0) { $0 + DisplayWidth.of($1) } }

    /// The column of each character relative to the line's first cell.
    public var columns: [Int] {
        var result: [Int] = []
        result.reserveCapacity(scalars.count)
        var x = 0
        for scalar in scalars {
            result.append(x)
            x += DisplayWidth.of(scalar)
        }
        return result
    }

    /// The column the line starts at inside a box `width` cells wide.
    public func startColumn(inWidth width: Int) -> Int {
        alignRight ? max(0, width - self.width) : 0
    }
}
