/// The one-letter prefixes Hebrew attaches to words (ו ה ב כ ל מ ש) and their combinations.
///
/// "ואחזור" is "ו" + "אחזור", "כשאני" is "כש" + "אני", "שבדקתי" is "ש" + "בדקתי". A word is only
/// split when what is left is a word the matcher knows, so "מבין" is never read as "מ" + "בין".
enum HebrewPrefixes {
    static let letters: Set<Unicode.Scalar> = ["ו", "ה", "ב", "כ", "ל", "מ", "ש"]

    /// Whether a string of letters is a valid prefix combination: up to three of ו ה ב כ ל מ ש,
    /// ו only first, ה only last, no letter twice (ו, ה, וה, וב, ול, וכש, שב, שה, מה, כשה…).
    static func isPrefix(_ prefix: Substring.UnicodeScalarView) -> Bool {
        let count = prefix.count
        guard count >= 1 && count <= 3 else { return false }
        var seen = Set<Unicode.Scalar>()
        for (index, letter) in prefix.enumerated() {
            guard letters.contains(letter), seen.insert(letter).inserted else { return false }
            if letter == "ו" && index != 0 { return false }
            if letter == "ה" && index != count - 1 { return false }
        }
        return true
    }

    /// The ways to read a folded Hebrew word as prefix + rest, longest rest first, keeping at
    /// least `minimumRest` letters in the rest. The word itself is not included.
    static func splits(_ word: String, minimumRest: Int = 2) -> [String] {
        let scalars = word.unicodeScalars
        guard let first = scalars.first, letters.contains(first) else { return [] }
        var result: [String] = []
        var index = scalars.startIndex
        for length in 1...3 {
            index = scalars.index(after: index)
            guard index < scalars.endIndex else { break }
            let prefix = Substring(word).unicodeScalars[scalars.startIndex..<index]
            guard isPrefix(prefix) else { break }
            let rest = String(word.unicodeScalars[index...])
            if rest.unicodeScalars.count >= minimumRest { result.append(rest) }
            _ = length
        }
        return result
    }
}
