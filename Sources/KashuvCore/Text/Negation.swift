/// Where a negator ("לא", "אין", "not", "never") changes what a cue means.
///
/// A negator negates a cue that starts within ``window`` tokens after it in the same
/// segment ("לא נוכל לעזור", "not able to help"), or an English cue it directly follows
/// ("I can not help": the cue "i can" followed by "not"). Fixed positive phrases ("אין בעיה",
/// "no problem", "לא תהיה לי בעיה", "I can't believe") are shields: their words never negate.
public enum Negation {
    /// How many tokens before a cue a negator still reaches.
    public static let window = 2

    /// Whether the cue spanning tokens `start..<end` is negated.
    ///
    /// - Parameters:
    ///   - negators: for each token, whether it is a negator outside any shield phrase.
    public static func isNegated(start: Int, end: Int, tokens: [Token], negators: [Bool]) -> Bool {
        guard start < tokens.count else { return false }
        let segment = tokens[start].segment
        var index = start - 1
        while index >= 0 && index >= start - window {
            if tokens[index].segment != segment { break }
            if negators[index] { return true }
            index -= 1
        }
        // Negators inside the cue itself ("can not") and one right after an English modal.
        if end < tokens.count, tokens[end].segment == segment, negators[end], tokens[end].kind == .latin,
           let last = tokens[end - 1].text as String?, modals.contains(last) {
            return true
        }
        return false
    }

    static let modals: Set<String> = ["can", "will", "would", "could", "do", "does", "did", "is", "am", "are", "should", "shall"]
}
