/// Expands English contractions so one cue covers both spellings ("I'll" and "I will").
///
/// "can't" and "cannot" become "can not", "won't" becomes "will not", "I'm" becomes "i am",
/// "we'll" becomes "we will", and a possessive "'s" is dropped ("courier's" → "courier")
/// except after pronouns, where it stands for "is" ("it's" → "it is").
enum EnglishContractions {
    private static let isPronouns: Set<String> = [
        "it", "that", "there", "he", "she", "what", "who", "here", "where", "nobody", "everyone", "everybody",
        "nothing", "this", "let",
    ]

    /// Contractions typed without the apostrophe ("im sorry", "cant", "thats").
    private static let withoutApostrophe: [String: [String]] = [
        "cannot": ["can", "not"], "cant": ["can", "not"], "wont": ["will", "not"], "dont": ["do", "not"],
        "doesnt": ["does", "not"], "didnt": ["did", "not"], "isnt": ["is", "not"], "arent": ["are", "not"],
        "wasnt": ["was", "not"], "werent": ["were", "not"], "havent": ["have", "not"], "hasnt": ["has", "not"],
        "couldnt": ["could", "not"], "wouldnt": ["would", "not"], "shouldnt": ["should", "not"],
        "im": ["i", "am"], "ive": ["i", "have"], "youre": ["you", "are"], "thats": ["that", "is"],
        "theyre": ["they", "are"], "weve": ["we", "have"], "youll": ["you", "will"], "theres": ["there", "is"],
    ]

    /// The words a folded English token stands for (itself when it is no contraction).
    static func expand(_ word: String) -> [String] {
        guard word.utf8.contains(UInt8(ascii: "'")) else {
            if let expanded = withoutApostrophe[word] { return expanded }
            return [word]
        }
        switch word {
        case "can't": return ["can", "not"]
        case "won't": return ["will", "not"]
        case "shan't": return ["shall", "not"]
        case "ain't": return ["is", "not"]
        case "let's": return ["let", "us"]
        case "y'all": return ["you"]
        default: break
        }
        if word.hasSuffix("n't") { return [String(word.dropLast(3)), "not"] }
        let parts = word.split(separator: "'", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2 else { return [word] }
        let head = String(parts[0])
        let tail = parts[1]
        if head.isEmpty { return tail.isEmpty ? [] : [String(tail)] }
        switch tail {
        case "m": return [head, "am"]
        case "ll": return [head, "will"]
        case "re": return [head, "are"]
        case "ve": return [head, "have"]
        case "d": return [head, "would"]
        case "s": return isPronouns.contains(head) ? [head, "is"] : [head]
        case "": return [head]
        default: return [String(word.filter { $0 != "'" })]
        }
    }
}

