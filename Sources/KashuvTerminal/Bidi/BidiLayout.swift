import CFriBidi

/// Lays text out for a terminal: splits it into paragraphs at line feeds, finds each
/// paragraph's direction, word-wraps it in logical order and reorders every line into
/// visual order with FriBidi (Unicode bidi algorithm, brackets mirrored).
///
/// ```swift
/// let lines = BidiLayout(mode: .app).lines(for: "שלום, order 123!", width: 40)
/// lines[0].text   // "!order 123 ,םולש" — drawn right-aligned
/// ```
public struct BidiLayout: Sendable {
    /// Whether lines are reordered here (``BidiMode/app``) or left in logical order.
    public let mode: BidiMode
    /// The direction of a paragraph with no strong character (digits only, empty).
    public let neutralDirection: TextDirection

    /// Creates a layout. `mode` ``BidiMode/auto`` is treated as ``BidiMode/app``; resolve it first
    /// with ``BidiMode/resolved(environment:)``.
    public init(mode: BidiMode, neutralDirection: TextDirection = .rightToLeft) {
        self.mode = mode == .auto ? .app : mode
        self.neutralDirection = neutralDirection
    }

    /// The screen lines of `text` in a box `width` cells wide. Offsets in the result count
    /// Unicode scalars of `text`; line feeds start a new paragraph.
    public func lines(for text: String, width: Int) -> [VisualLine] {
        let scalars = Array(text.unicodeScalars)
        var result: [VisualLine] = []
        var paragraphStart = 0
        var previous: TextDirection?
        while true {
            let end = scalars[paragraphStart...].firstIndex(of: "\n") ?? scalars.count
            let paragraph = Array(scalars[paragraphStart..<end])
            let direction = TextDirection.firstStrong(in: paragraph) ?? previous ?? neutralDirection
            previous = direction
            result += layParagraph(paragraph, offset: paragraphStart, direction: direction, width: width)
            if end >= scalars.count { break }
            paragraphStart = end + 1
        }
        return result
    }

    /// One line of `text` in visual order, without wrapping (for tests and short labels).
    public func visual(_ text: String) -> String {
        lines(for: text, width: Int.max / 4).map(\.text).joined(separator: "\n")
    }

    private func layParagraph(_ scalars: [Unicode.Scalar], offset: Int, direction: TextDirection, width: Int) -> [VisualLine] {
        let ranges = LineWrapper.wrap(scalars, width: width)
        let alignRight = mode == .app && direction == .rightToLeft
        guard mode == .app, !scalars.isEmpty else {
            return ranges.map { range in
                let drawn = trimmed(range, in: scalars)
                return VisualLine(
                    scalars: Array(scalars[drawn]), logicalOffsets: drawn.map { $0 + offset },
                    logicalRange: (range.lowerBound + offset)..<(range.upperBound + offset),
                    direction: direction, alignRight: alignRight)
            }
        }
        let count = FriBidiStrIndex(scalars.count)
        let chars = scalars.map { FriBidiChar($0.value) }
        var types = [FriBidiCharType](repeating: FriBidiCharType(0), count: scalars.count)
        fribidi_get_bidi_types(chars, count, &types)
        var brackets = [FriBidiBracketType](repeating: 0, count: scalars.count)
        fribidi_get_bracket_types(chars, count, types, &brackets)
        var baseDirection = direction == .rightToLeft ? kashuv_fribidi_par_rtl() : kashuv_fribidi_par_ltr()
        var levels = [FriBidiLevel](repeating: 0, count: scalars.count)
        var visual = chars
        var map = (0..<count).map { $0 }
        let ok = fribidi_get_par_embedding_levels_ex(types, brackets, count, &baseDirection, &levels)
        if ok != 0 {
            fribidi_shape_mirroring(levels, count, &visual)
            for range in ranges where !range.isEmpty {
                _ = fribidi_reorder_line(
                    kashuv_fribidi_reorder_flags(), types, FriBidiStrIndex(range.count), FriBidiStrIndex(range.lowerBound),
                    baseDirection, &levels, &visual, &map)
            }
        }
        return ranges.map { range in
            let drawn = trimmed(range, in: scalars)
            // Keep the visual positions of the drawn (not trailing-space) characters.
            var lineScalars: [Unicode.Scalar] = []
            var offsets: [Int] = []
            for position in range {
                let logical = Int(map[position])
                guard drawn.contains(logical), let scalar = Unicode.Scalar(visual[position]) else { continue }
                // Bidi marks (LRM, RLM, ALM) have done their work; terminals may draw them as boxes.
                if Self.isBidiMark(scalar) { continue }
                lineScalars.append(scalar)
                offsets.append(logical + offset)
            }
            return VisualLine(
                scalars: lineScalars, logicalOffsets: offsets,
                logicalRange: (range.lowerBound + offset)..<(range.upperBound + offset),
                direction: direction, alignRight: alignRight)
        }
    }

    /// Whether a character is an invisible bidi mark.
    static func isBidiMark(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value == 0x200E || scalar.value == 0x200F || scalar.value == 0x061C
    }

    /// The range without its trailing spaces.
    private func trimmed(_ range: Range<Int>, in scalars: [Unicode.Scalar]) -> Range<Int> {
        var end = range.upperBound
        while end > range.lowerBound && scalars[end - 1] == " " { end -= 1 }
        return range.lowerBound..<end
    }
}
