import KashuvCore

/// The customer's mood as a gauge: `מצב רוח ███████░░░ 7/10 ↑ כועס`.
///
/// 0 is calm, 10 furious. The arrow shows the last change (↑ angrier, ↓ calmer).
struct MoodGauge {
    /// The mood now, 0–10.
    var mood: Int
    /// The change the last reply caused (0 before the first reply).
    var change: Int

    /// The gauge text in logical order, and the logical range of the filled part of the bar.
    func text(labels: ScreenLabels) -> (text: String, filled: Range<Int>, bar: Range<Int>) {
        let mood = Mood.range.clamped(self.mood)
        let prefix = labels.mood + " "
        let filledBar = String(repeating: "█", count: mood)
        let emptyBar = String(repeating: "░", count: Mood.furious - mood)
        let arrow = change > 0 ? " ↑" : change < 0 ? " ↓" : ""
        let signed = change > 0 ? " (+\(change))" : change < 0 ? " (\(change))" : ""
        let text = prefix + filledBar + emptyBar + " \(mood)/\(Mood.furious)" + arrow + signed + " " + labels.moodWord(mood)
        let start = prefix.unicodeScalars.count
        return (text, start..<(start + mood), start..<(start + Mood.furious))
    }

    /// The style of the filled bar.
    var style: Style {
        switch mood {
        case ...3: .moodCalm
        case 4...6: .moodWarm
        default: .moodHot
        }
    }

    /// The gauge as one styled line in a box `width` wide.
    func line(labels: ScreenLabels, block: TextBlock, width: Int, indent: Int) -> StyledLine {
        let (text, filled, bar) = self.text(labels: labels)
        let changeStyle: Style = change > 0 ? .moodHot : change < 0 ? .moodCalm : .normal
        let arrowStart = bar.upperBound
        return block.lines(text, width: width, indent: indent) { offset in
            if filled.contains(offset) { return style }
            if bar.contains(offset) { return .dim }
            if offset > arrowStart { return changeStyle == .normal ? .heading : changeStyle }
            return .heading
        }.first ?? .blank
    }
}

extension ClosedRange where Bound == Int {
    /// The value moved into this range.
    func clamped(_ value: Int) -> Int { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
