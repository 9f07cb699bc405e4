/// Spots the most common YAML mistake in Hebrew files: a quoted scalar broken by the
/// quote mark inside a Hebrew acronym or loanword.
///
/// `"המנכ"ל אמר"` ends at the `"` of מנכ"ל, and `'קיבלתי צ'ק'` ends at the `'` of צ'ק.
/// When a syntax error falls on (or just after) a line with such a scalar, the validator
/// explains the trap instead of libyaml's generic message.
enum HebrewQuoteTrap {
    /// The quote mark that broke the scalar and the line it is on.
    struct Finding: Sendable, Hashable {
        /// The 1-based line with the quoted scalar.
        var line: Int
        /// The quote mark: `"` or `'`.
        var quote: Character
    }

    /// Looks for the trap on the error line and the two lines before it.
    static func find(in text: String, errorLine: Int) -> Finding? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        for number in stride(from: errorLine, through: max(1, errorLine - 2), by: -1) where number <= lines.count {
            if let quote = brokenQuote(in: lines[number - 1]) { return Finding(line: number, quote: quote) }
        }
        return nil
    }

    /// The hint printed with the syntax error.
    static func hint(for finding: Finding) -> String {
        let example = finding.quote == "\"" ? "מנכ\"ל or ש\"ח" : "צ'ק or ג'ינס"
        let quoted = finding.quote == "\"" ? "double-quoted" : "single-quoted"
        return "line \(finding.line) has a \(quoted) text whose own \(finding.quote) (as in \(example)) ends the quotes early. "
            + "Remove the outer quotes and write the Hebrew unquoted, or as a block: put `|-` after the key and the text "
            + "on the next lines, indented. (Or write the Hebrew marks ״ and ׳, which YAML does not treat as quotes.)"
    }

    /// The quote mark, if the line opens a quoted scalar that contains that same mark
    /// between or right after Hebrew letters.
    static func brokenQuote(in line: Substring) -> Character? {
        let characters = Array(line)
        guard let opening = openingQuoteIndex(in: characters) else { return nil }
        let quote = characters[opening]
        var index = opening + 1
        while index < characters.count {
            if characters[index] == quote, index > opening + 1, isHebrewLetter(characters[index - 1]) {
                let next = index + 1 < characters.count ? characters[index + 1] : " "
                if isHebrewLetter(next) || (quote == "'" && next == " ") { return quote }
            }
            index += 1
        }
        return nil
    }

    /// Where a quoted scalar starts on the line: after `key: `, `- ` or at the start.
    private static func openingQuoteIndex(in characters: [Character]) -> Int? {
        var index = 0
        while index < characters.count, characters[index] == " " || characters[index] == "-" { index += 1 }
        if index < characters.count, characters[index] == "\"" || characters[index] == "'" { return index }
        var position = index
        while position + 1 < characters.count {
            if characters[position] == ":", characters[position + 1] == " " {
                var value = position + 1
                while value < characters.count, characters[value] == " " { value += 1 }
                if value < characters.count, characters[value] == "\"" || characters[value] == "'" { return value }
                return nil
            }
            position += 1
        }
        return nil
    }

    /// Whether the character is a Hebrew letter (א–ת, final forms included).
    static func isHebrewLetter(_ character: Character) -> Bool {
        character.unicodeScalars.contains { (0x05D0...0x05EA).contains($0.value) }
    }
}
