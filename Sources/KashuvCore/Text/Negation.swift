/// Where a negator ("לא", "אין", "not", "never") changes what a cue means.
///
/// A negator negates a cue it directly precedes in the same segment ("לא נוכל לעזור"), or
/// one word later across a pronoun or an intensifier ("לא ממש נוכל", "not really able"), or
/// an English cue it directly follows
/// ("I can not help": the cue "i can" followed by "not"). Fixed positive phrases ("אין בעיה",
/// "no problem", "לא תהיה לי בעיה", "I can't believe") are shields: their words never negate.
enum Negation {

    /// Whether the cue spanning tokens `start..<end` is negated.
    ///
    /// - Parameters:
    ///   - negators: for each token, whether it is a negator outside any shield phrase.
    static func isNegated(start: Int, end: Int, tokens: [Token], negators: [Bool]) -> Bool {
        guard start < tokens.count else { return false }
        let segment = tokens[start].segment
        // The word right before, or one or two words earlier across pronouns, intensifiers
        // and "let me"-style words ("לא ממש נוכל", "not really able", "doesn't let me refund",
        // "לא מאפשרת לי לזכות").
        var index = start - 1
        var bridged = 0
        while index >= 0, tokens[index].segment == segment {
            if negators[index] { return true }
            guard bridged < 2, bridgeWords.contains(tokens[index].text) else { break }
            bridged += 1
            index -= 1
        }
        // Negators inside the cue itself ("can not") and one right after an English modal.
        if end < tokens.count, tokens[end].segment == segment, negators[end], tokens[end].kind == .latin,
           let last = tokens[end - 1].text as String?, modals.contains(last) {
            return true
        }
        return false
    }

    static let bridgeWords: Set<String> = [
        "אני", "אנחנו", "אנו", "ממש", "באמת", "כל", "ככ", "כך", "עוד", "תמיד", "בדיוק", "לגמרי", "הייתי", "נוכל", "אוכל", "אפשרות", "ניתן",
        "יכול", "יכולה", "יכולים", "מצליח", "מצליחה", "אמור", "אמורה",
        "מאפשר", "מאפשרים", "נותנ", "נותנימ", "עושימ", "עושה", "מבצעימ", "מחזירימ",
        "really", "i", "we", "you", "just", "even", "yet", "be", "quite", "always", "exactly", "fully", "totally", "able", "allowed", "possible",
        "going", "planning", "allow", "permit", "offer", "give", "do", "issue", "provide", "let", "me", "us",
        "לי", "לנו", "מאפשרת", "מאפשרימ",
    ].reduce(into: Set<String>()) { $0.insert(HebrewLetters.foldFinals($1)) }

    static let modals: Set<String> = ["can", "will", "would", "could", "do", "does", "did", "is", "am", "are", "should", "shall"]
}
