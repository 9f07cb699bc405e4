/// Tolerance for typing slips in longer words: one letter missing, extra, wrong or swapped.
///
/// Words of five letters or more (counting the longer of the two) match a known word at
/// edit distance 1 ("עכשו" for "עכשיו", "לגמריי" for "לגמרי", "apologise" for "apologize").
/// Lookups use a deletion index built once, so the hot path does no pairwise comparison.
public struct TypoIndex: Sendable {
    /// Words at least this long tolerate one slip.
    public static let minimumLength = 5

    private var deletions: [String: [Int32]] = [:]
    private var words: [String] = []
    private var exact: [String: Int32] = [:]

    /// Creates an empty index.
    public init() {}

    /// Adds a known word and returns its id in the index.
    @discardableResult
    public mutating func insert(_ word: String) -> Int32 {
        if let id = exact[word] { return id }
        let id = Int32(words.count)
        words.append(word)
        exact[word] = id
        if word.unicodeScalars.count >= Self.minimumLength - 1 {
            for deletion in Self.deletions(of: word) { deletions[deletion, default: []].append(id) }
        }
        return id
    }

    /// The known words one slip away from `word` (never `word` itself).
    public func neighbours(of word: String) -> [String] {
        let length = word.unicodeScalars.count
        guard length >= Self.minimumLength - 1 else { return [] }
        var found: [String] = []
        func consider(_ id: Int32) {
            let candidate = words[Int(id)]
            guard candidate != word, max(candidate.unicodeScalars.count, length) >= Self.minimumLength,
                  Self.isOneSlip(word, candidate), !found.contains(candidate) else { return }
            found.append(candidate)
        }
        // A letter missing from the typed word: the typed word is a deletion of a known word.
        for id in deletions[word] ?? [] { consider(id) }
        for deletion in Self.deletions(of: word) {
            // An extra letter typed.
            if let id = exact[deletion] { consider(id) }
            // A wrong or swapped letter: both share a deletion.
            for id in deletions[deletion] ?? [] { consider(id) }
        }
        return found
    }

    static func deletions(of word: String) -> [String] {
        let scalars = Array(word.unicodeScalars)
        var result: [String] = []
        result.reserveCapacity(scalars.count)
        for index in scalars.indices {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[..<index])
            view.append(contentsOf: scalars[(index + 1)...])
            result.append(String(view))
        }
        return result
    }

    static let prefixLetters: Set<Unicode.Scalar> = ["ו", "ה", "ב", "כ", "ל", "מ", "ש"]

    /// Whether two words are one insertion, deletion, substitution or adjacent swap apart.
    public static func isOneSlip(_ a: String, _ b: String) -> Bool {
        let x = Array(a.unicodeScalars), y = Array(b.unicodeScalars)
        if x == y { return false }
        if abs(x.count - y.count) > 1 { return false }
        if x.count == y.count {
            let diffs = x.indices.filter { x[$0] != y[$0] }
            if diffs.count == 1 {
                // A different last letter of a short word is usually another word (הספה / הספק),
                // and a different first prefix letter is another prefix (בסניף / לסניף).
                if diffs[0] == x.count - 1 && x.count <= 5 { return false }
                if diffs[0] == 0 && prefixLetters.contains(x[0]) && prefixLetters.contains(y[0]) { return false }
                return true
            }
            if diffs.count == 2, diffs[1] == diffs[0] + 1, x[diffs[0]] == y[diffs[1]], x[diffs[1]] == y[diffs[0]] {
                return true
            }
            return false
        }
        let (short, long) = x.count < y.count ? (x, y) : (y, x)
        var i = 0, j = 0, skipped = false
        while i < short.count && j < long.count {
            if short[i] == long[j] { i += 1; j += 1 } else if skipped { return false } else { skipped = true; j += 1 }
        }
        return true
    }
}
