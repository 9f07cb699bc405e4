/// Finds the name a facilitator probably meant when they mistyped a key or a value.
enum SpellingSuggestion {
    /// The known name closest to `word`, if it is close enough to be a likely typo:
    /// the same letters in another case or with `-`/`_`/camelCase instead of `_`,
    /// or at most two edits away (one for short words).
    static func closest(to word: String, in candidates: [String]) -> String? {
        let normalized = normalize(word)
        if let same = candidates.first(where: { normalize($0) == normalized }) { return same }
        let budget = normalized.count <= 4 ? 1 : 2
        let scored = candidates.map { ($0, editDistance(normalized, normalize($0), limit: budget)) }
        return scored.filter { $0.1 <= budget }.min { $0.1 < $1.1 }?.0
    }

    /// The candidates as "`a`, `b` or `c`", for messages.
    static func list(_ candidates: [String]) -> String {
        let quoted = candidates.map { "`\($0)`" }
        guard quoted.count > 1 else { return quoted.first ?? "" }
        return quoted.dropLast().joined(separator: ", ") + " or " + quoted.last!
    }

    private static func normalize(_ word: String) -> String {
        var result = ""
        for character in word {
            if character.isUppercase, !result.isEmpty, result.last != "_" { result.append("_") }
            result.append(character == "-" || character == " " ? "_" : Character(character.lowercased()))
        }
        return result
    }

    /// Levenshtein distance, giving up (returning `limit + 1`) once it must exceed `limit`.
    private static func editDistance(_ a: String, _ b: String, limit: Int) -> Int {
        let a = Array(a), b = Array(b)
        if abs(a.count - b.count) > limit { return limit + 1 }
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var current = [i] + Array(repeating: 0, count: b.count)
            for j in 1...max(b.count, 1) where !b.isEmpty {
                let cost = a[i - 1] == b[j - 1] ? 0 : 1
                current[j] = min(previous[j] + 1, current[j - 1] + 1, previous[j - 1] + cost)
            }
            if current.min()! > limit { return limit + 1 }
            previous = current
        }
        return previous[b.count]
    }
}
