/// Loose stems for comparing the content of a reply with the customer's line.
///
/// Reflection asks whether the trainee picked up the customer's words, whatever their
/// inflection: "חיכיתי" and "וחיכית", "ביטלתי" and "ביטלת", "arrived" and "arriving". A word
/// gets a small set of keys (prefixes split off, one common suffix removed); two words are
/// the same content when their key sets meet.
enum WordStems {
    static let hebrewSuffixes = ["ים", "ות", "תי", "נו", "תמ", "ת", "ה", "י", "כ", "מ", "ו"].map(HebrewLetters.foldFinals)

    /// The comparison keys of a folded Hebrew word.
    static func hebrewKeys(_ word: String) -> [String] {
        var keys: [String] = []
        var bases = [word]
        bases.append(contentsOf: HebrewPrefixes.splits(word, minimumRest: 3))
        for base in bases {
            keys.append(base)
            let count = base.unicodeScalars.count
            for suffix in hebrewSuffixes {
                let suffixCount = suffix.unicodeScalars.count
                if count - suffixCount >= 3 && base.hasSuffix(suffix) {
                    keys.append(String(String.UnicodeScalarView(base.unicodeScalars.dropLast(suffixCount))))
                }
            }
        }
        return keys
    }

    static let hebrewSuffixScalars: [[Unicode.Scalar]] = hebrewSuffixes.map { Array($0.unicodeScalars) }

    /// The comparison keys of a folded Hebrew word, as hashes (same keys as ``hebrewKeys(_:)``).
    static func hebrewKeyHashes(_ scalars: [Unicode.Scalar], into keys: inout [UInt64]) {
        let n = scalars.count
        var starts = [0]
        var seen = Set<Unicode.Scalar>()
        for length in 1...3 where length + 3 <= n {
            let letter = scalars[length - 1]
            guard HebrewPrefixes.letters.contains(letter), seen.insert(letter).inserted,
                  letter != "ו" || length == 1 else { break }
            starts.append(length)
            if letter == "ה" { break }
        }
        for start in starts {
            keys.append(WordHash.hash(scalars, range: start..<n))
            let count = n - start
            for suffix in hebrewSuffixScalars where count - suffix.count >= 3 {
                var matches = true
                for (offset, letter) in suffix.enumerated() where scalars[n - suffix.count + offset] != letter {
                    matches = false
                    break
                }
                if matches { keys.append(WordHash.hash(scalars, range: start..<(n - suffix.count))) }
            }
        }
    }

    /// The stem of a folded English word: a light suffix stripper ("arriving" → "arriv").
    static func englishStem(_ word: String) -> String {
        var scalars = Array(word.unicodeScalars)
        func strip(_ suffix: String) -> Bool {
            let tail = Array(suffix.unicodeScalars)
            guard scalars.count - tail.count >= 3, Array(scalars.suffix(tail.count)) == tail else { return false }
            scalars.removeLast(tail.count)
            return true
        }
        if !(strip("ies") || strip("ing") || strip("ed") || strip("es") || strip("ly")) {
            if scalars.count > 3, scalars.last == "s", scalars[scalars.count - 2] != "s" { scalars.removeLast() }
        }
        if scalars.count > 3, scalars.last == "e" { scalars.removeLast() }
        if scalars.count > 3, scalars.last == "y" { scalars.removeLast() }
        // Doubled final consonant left by -ing/-ed: "stopped" → "stopp" → "stop".
        if scalars.count > 3, scalars[scalars.count - 1] == scalars[scalars.count - 2],
           !"aeiou".unicodeScalars.contains(scalars[scalars.count - 1]) {
            scalars.removeLast()
        }
        return String(String.UnicodeScalarView(scalars))
    }
}
