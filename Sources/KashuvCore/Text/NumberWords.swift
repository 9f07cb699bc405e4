/// Numbers written as words, read as digits, so "three weeks" reflects "3 weeks" and
/// "שלושה חודשים" reflects "3 חודשים". Numbers are compared by value ("4,800" = "4800").
enum NumberWords {
    static let table: [String: String] = {
        var table: [String: String] = [:]
        let english: [(String, Int)] = [
            ("one", 1), ("two", 2), ("three", 3), ("four", 4), ("five", 5), ("six", 6), ("seven", 7), ("eight", 8),
            ("nine", 9), ("ten", 10), ("eleven", 11), ("twelve", 12), ("fifteen", 15), ("twenty", 20), ("thirty", 30),
            ("forty", 40), ("fifty", 50), ("sixty", 60), ("hundred", 100), ("twice", 2), ("double", 2),
            ("once", 1), ("thrice", 3),
        ]
        // Folded Hebrew (final letters already regular).
        let hebrew: [(String, Int)] = [
            ("אחד", 1), ("אחת", 1), ("שניימ", 2), ("שתיימ", 2), ("שני", 2), ("שתי", 2), ("שלוש", 3), ("שלושה", 3),
            ("שלושת", 3), ("ארבע", 4), ("ארבעה", 4), ("ארבעת", 4), ("חמש", 5), ("חמישה", 5), ("חמשת", 5),
            ("שש", 6), ("שישה", 6), ("ששת", 6), ("שבע", 7), ("שבעה", 7), ("שמונה", 8), ("תשע", 9), ("תשעה", 9),
            ("עשר", 10), ("עשרה", 10), ("עשרימ", 20), ("שלושימ", 30), ("ארבעימ", 40), ("חמישימ", 50),
            ("פעמיימ", 2), ("שבועיימ", 2), ("יומיימ", 2), ("חודשיימ", 2), ("שעתיימ", 2), ("שנתיימ", 2),
            ("כפול", 2), ("כפולה", 2), ("מאה", 100),
        ]
        for (word, value) in english + hebrew { table[word] = String(value) }
        return table
    }()

    /// The value of a folded number token or number word, as a canonical digit string.
    static func value(of word: String, kind: Token.Kind) -> String? {
        if kind == .number { return canonical(word) }
        return table[word]
    }

    /// The canonical digit string of a number token: "4800" for 4,800, "90" for 90.00,
    /// "14:00" unchanged.
    static func canonical(_ digits: String) -> String {
        var text = digits
        if text.contains("."), !text.contains(":") {
            while text.hasSuffix("0") { text.removeLast() }
            if text.hasSuffix(".") { text.removeLast() }
        }
        return text
    }
}
