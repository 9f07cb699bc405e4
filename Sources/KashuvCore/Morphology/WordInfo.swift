import Foundation

/// What the morphology says about one folded word, derived once and cached, so that the hot
/// path asks hspell and the stemmer nothing twice: the lemma keys the cue matcher looks up,
/// whether it is a correctly spelled word, and its verb readings.
struct WordInfo: Sendable {
    /// Lemma keys (Hebrew: verb form keys and lemma keys; English: the stem key).
    var keys: [UInt64]
    /// Whether the word is a correctly spelled word of its language (never a typing slip).
    var isKnownWord: Bool
    /// The plausible verb readings of a Hebrew word.
    var verbReadings: [HebrewReading]
    /// Whether a Hebrew word can also be read as something other than a verb ("יכולת": "you
    /// could" or "ability").
    var hasOtherReadings: Bool = false

    static let none = WordInfo(keys: [], isKnownWord: false, verbReadings: [])

    /// Whether the word can only be a verb of this person and tense ("שילמת": second person
    /// past; not "יכולת", which is also "ability").
    func isOnlyVerb(person: Int, tense: HebrewReading.Tense) -> Bool {
        !verbReadings.isEmpty && !hasOtherReadings && verbReadings.allSatisfy { $0.person == person && $0.tense == tense }
    }

    /// The info of a token read in a reply of `language` (cached; thread-safe).
    static func of(_ token: Token, language: Language) -> WordInfo {
        switch (language, token.kind) {
        case (.hebrew, .hebrew): WordInfoCache.shared.info(token.text, hebrew: true)
        case (_, .latin): WordInfoCache.shared.info(token.text, hebrew: false)
        default: .none
        }
    }
}

/// The cache behind ``WordInfo/of(_:language:)``: one lock, keyed by the word's hash,
/// bounded so that no input grows it without end.
final class WordInfoCache: @unchecked Sendable {
    static let shared = WordInfoCache()
    static let capacity = 200_000

    private let lock = NSLock()
    private var known: [UInt64: WordInfo] = [:]

    func info(_ word: String, hebrew: Bool) -> WordInfo {
        let key = WordHash.hash(word) &+ (hebrew ? 1 : 0)
        lock.lock()
        if let found = known[key] {
            lock.unlock()
            return found
        }
        lock.unlock()
        let info = hebrew ? Self.hebrewInfo(word) : Self.englishInfo(word)
        lock.lock()
        if known.count >= Self.capacity { known.removeAll(keepingCapacity: true) }
        known[key] = info
        lock.unlock()
        return info
    }

    private static func hebrewInfo(_ word: String) -> WordInfo {
        guard let analyzer = HebrewAnalyzer.shared, word.unicodeScalars.count <= 24 else { return .none }
        let readings = analyzer.plausibleReadings(of: word)
        return WordInfo(keys: WordAnalysis.hebrewKeys(of: word) + WordAnalysis.hebrewLemmaKeys(of: word),
                        isKnownWord: analyzer.isWord(word),
                        verbReadings: readings.filter { $0.partOfSpeech == .verb },
                        hasOtherReadings: readings.contains { $0.partOfSpeech != .verb })
    }

    private static func englishInfo(_ word: String) -> WordInfo {
        WordInfo(keys: WordAnalysis.englishKey(of: word, minimumLength: 3).map { [$0] } ?? [],
                 isKnownWord: EnglishWords.shared.contains(word), verbReadings: [])
    }
}
