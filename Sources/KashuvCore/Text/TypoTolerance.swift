/// Tolerance for typing slips in longer words: one letter missing, extra, wrong or swapped.
///
/// Words of five letters or more (both the typed and the known word) match a known word at
/// edit distance 1 ("לגמריי" for "לגמרי", "apologise" for "apologize"); a wrong Hebrew letter
/// (rather than a missing, extra or swapped one) only in words of six letters or more.
/// Two Hebrew slips are not forgiven because they usually make another word: a different
/// last letter of a short word (הספה / הספק) and a different prefix letter (בסניף / לסניף).
/// Lookups use a deletion index of hashes built once, so the hot path allocates nothing.
struct TypoIndex: Sendable {
    /// Words at least this long tolerate one slip.
    static let minimumLength = 5
    /// Words longer than this are no word a coach listed: they are never looked up, which keeps
    /// scoring linear in the reply however long one "word" is.
    static let maximumLength = 30

    private var deletions: [UInt64: [Int32]] = [:]
    private var exact: [UInt64: Int32] = [:]
    private var words: [[Unicode.Scalar]] = []

    /// Creates an empty index.
    init() {}

    /// Adds a known word under an id of the caller's choosing.
    mutating func insert(_ word: String, id: Int32) {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= Self.minimumLength - 1 else { return }
        let slot = Int32(words.count)
        words.append(scalars)
        ids.append(id)
        exact[WordHash.hash(scalars, range: 0..<scalars.count)] = slot
        for index in scalars.indices {
            deletions[WordHash.hash(scalars, range: 0..<scalars.count, skipping: index), default: []].append(slot)
        }
    }

    private var ids: [Int32] = []

    /// The ids of the known words one slip away from `word` (never `word` itself).
    func neighbours(of word: [Unicode.Scalar]) -> [Int32] {
        let length = word.count
        guard length >= Self.minimumLength, !deletions.isEmpty else { return [] }
        var found: [Int32] = []
        func consider(_ slot: Int32) {
            let candidate = words[Int(slot)]
            guard min(candidate.count, length) >= Self.minimumLength, Self.isOneSlip(word, candidate),
                  !found.contains(ids[Int(slot)]) else { return }
            found.append(ids[Int(slot)])
        }
        let whole = 0..<length
        // A letter missing from the typed word: the typed word is a deletion of a known word.
        for slot in deletions[WordHash.hash(word, range: whole)] ?? [] { consider(slot) }
        for index in whole {
            let deletion = WordHash.hash(word, range: whole, skipping: index)
            // An extra letter typed.
            if let slot = exact[deletion] { consider(slot) }
            // A wrong or swapped letter: both share a deletion.
            for slot in deletions[deletion] ?? [] { consider(slot) }
        }
        return found
    }

    static let prefixLetters: Set<Unicode.Scalar> = ["ו", "ה", "ב", "כ", "ל", "מ", "ש"]

    /// Whether two words are one insertion, deletion, substitution or adjacent swap apart.
    static func isOneSlip(_ a: String, _ b: String) -> Bool {
        isOneSlip(Array(a.unicodeScalars), Array(b.unicodeScalars))
    }

    /// Whether two words are one insertion, deletion, substitution or adjacent swap apart.
    static func isOneSlip(_ x: [Unicode.Scalar], _ y: [Unicode.Scalar]) -> Bool {
        if x == y { return false }
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            var diffs: [Int] = []
            for index in x.indices where x[index] != y[index] {
                diffs.append(index)
                if diffs.count > 2 { return false }
            }
            if diffs.count == 1 {
                // Hebrew words are short and dense: one wrong letter in a word under six letters
                // is usually another word (לחכות / לזכות, הספה / הספק).
                if HebrewLetters.isLetter(x[diffs[0]]) && x.count < 6 { return false }
                if diffs[0] == x.count - 1 && x.count <= 5 { return false }
                if diffs[0] == 0 && prefixLetters.contains(x[0]) && prefixLetters.contains(y[0]) { return false }
                return true
            }
            if diffs.count == 2, diffs[1] == diffs[0] + 1, x[diffs[0]] == y[diffs[1]], x[diffs[1]] == y[diffs[0]] {
                // A Hebrew prefix letter swapped at the start is another word (בקלות / קבלות).
                if diffs[0] == 0 && (prefixLetters.contains(x[0]) || prefixLetters.contains(y[0])) { return false }
                return true
            }
            return false
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        // A Hebrew past-tense "-תי" against "-ת" is another person, not a slip (ביטלתי / ביטלת).
        if long.last == "י", short.last == "ת", HebrewLetters.isLetter(short[0]), Array(long.dropLast()) == short {
            return false
        }
        var i = 0, j = 0, skipped = false
        while i < short.count && j < long.count {
            if short[i] == long[j] { i += 1; j += 1 } else if skipped { return false } else { skipped = true; j += 1 }
        }
        return true
    }
}
