import Foundation

/// What the scorer reads from a customer line (and scenario facts), kept for the next
/// replies to the same line: a workshop file or a practice call scores many replies
/// against one customer line.
final class CustomerProfileCache: @unchecked Sendable {
    /// The customer's texts, tokenised, with their reflection profile and words.
    struct Entry: Sendable {
        var texts: [TokenizedText]
        var profile: ReflectionProfile
        /// Hashes (``WordHash``) of every word of the customer's texts.
        var words: Set<UInt64>
    }

    static let capacity = 64

    private let lock = NSLock()
    private var entries: [Key: Entry] = [:]
    private var order: [Key] = []

    private struct Key: Hashable {
        var texts: [String]
        var language: Language
    }

    /// The profile of these texts, computed once.
    func profile(for texts: [String], language: Language, stopwords: Set<UInt64>) -> Entry {
        let key = Key(texts: texts, language: language)
        lock.lock()
        if let entry = entries[key] {
            lock.unlock()
            return entry
        }
        lock.unlock()
        let tokenized = texts.map { Tokenizer.tokenize($0) }
        let entry = Entry(texts: tokenized, profile: ReflectionProfile(tokenized: tokenized, stopwords: stopwords),
                          words: Set(tokenized.flatMap { $0.tokens.map { WordHash.hash($0.text) } }))
        lock.lock()
        if entries[key] == nil {
            if order.count >= Self.capacity { entries[order.removeFirst()] = nil }
            order.append(key)
            entries[key] = entry
        }
        lock.unlock()
        return entry
    }
}
