/// Facilitators' prose as the trainee should read it: the line breaks a YAML block keeps
/// (`brief: |`) are where the author's editor wrapped, not where a sentence ends.
///
/// ``reflow(_:)`` joins the lines of each paragraph with a space, so a screen of any width
/// wraps the text itself. A blank line still separates paragraphs, and a line that starts a
/// list item (`- `, `* `, `• `, `1. `, `1) `) still starts a new line.
///
/// ```swift
/// Prose.reflow("though\nshe has not\nbeen abroad.\n\n- a refund")
/// // "though she has not been abroad.\n\n- a refund"
/// ```
public enum Prose {
    /// The text with the line breaks inside each paragraph replaced by single spaces;
    /// paragraph breaks (one blank line, however many were written) and list items kept.
    public static func reflow(_ text: String) -> String {
        guard text.unicodeScalars.contains("\n") else { return text }  // not Foundation's contains: a search costing ~40k instructions
        var paragraphs: [[String]] = [[]]
        for rawLine in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let line = rawLine.trimmingSpaces()
            if line.isEmpty {
                if !(paragraphs.last?.isEmpty ?? true) { paragraphs.append([]) }
            } else if let last = paragraphs[paragraphs.count - 1].last, !startsListItem(line) {
                paragraphs[paragraphs.count - 1][paragraphs[paragraphs.count - 1].count - 1] = last + " " + line
            } else {
                paragraphs[paragraphs.count - 1].append(line)
            }
        }
        if paragraphs.last?.isEmpty == true { paragraphs.removeLast() }
        return paragraphs.map { $0.joined(separator: "\n") }.joined(separator: "\n\n")
    }

    /// Whether a line begins a list item: a bullet and a space, or a number with `.` or `)` and a space.
    static func startsListItem(_ line: String) -> Bool {
        if let first = line.first, "-*•".contains(first) {
            return line.dropFirst().first == " "
        }
        let digits = line.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 3 else { return false }
        let rest = line.dropFirst(digits.count)
        return (rest.first == "." || rest.first == ")") && rest.dropFirst().first == " "
    }
}

extension Scenario {
    /// The scenario with every piece of prose reflowed (``Prose/reflow(_:)``): the brief, what
    /// may and may not be offered, the customer's background and lines, and the endings' debriefs.
    public func reflowingProse() -> Scenario {
        var scenario = self
        scenario.title = Prose.reflow(title)
        scenario.brief = brief.map(Prose.reflow)
        scenario.canOffer = canOffer.map(Prose.reflow)
        scenario.cannotOffer = cannotOffer.map(Prose.reflow)
        scenario.customer.background = Prose.reflow(customer.background)
        for index in scenario.turns.indices {
            scenario.turns[index].says = turns[index].says.map(Prose.reflow)
        }
        for index in scenario.endings.indices {
            scenario.endings[index].debrief = endings[index].debrief.map(Prose.reflow)
        }
        return scenario
    }
}

extension Substring {
    fileprivate func trimmingSpaces() -> String {
        let isSpace: (Character) -> Bool = { $0 == " " || $0 == "\t" || $0 == "\r" }
        guard let first = firstIndex(where: { !isSpace($0) }), let last = lastIndex(where: { !isSpace($0) }) else { return "" }
        return String(self[first...last])
    }
}
