import Foundation

/// The English words a dictionary knows (Debian's `wamerican`, `/usr/share/dict/words`), so
/// that a correctly spelled word is never read as a typing slip of a cue word ("cause" is
/// not a slip of "case", "love" not of "lose").
///
/// Where the list is not installed, every word counts as unknown and slips are tolerated as before.
public final class EnglishWords: Sendable {
    /// The word list, loaded on first use.
    public static let shared = EnglishWords(path: "/usr/share/dict/words")

    private let words: Set<UInt64>

    /// Loads a list of one word a line (case folded, possessives skipped).
    public init(path: String) {
        var words = Set<UInt64>()
        if let data = FileManager.default.contents(atPath: path) {
            words.reserveCapacity(110_000)
            for line in data.split(separator: UInt8(ascii: "\n")) where !line.contains(UInt8(ascii: "'")) {
                words.insert(WordHash.hash(String(decoding: line, as: UTF8.self).lowercased()))
            }
        }
        self.words = words
    }

    /// Whether the list is present.
    public var isAvailable: Bool { !words.isEmpty }

    /// Whether a folded word is in the list.
    public func contains(_ word: String) -> Bool { words.contains(WordHash.hash(word)) }
}
