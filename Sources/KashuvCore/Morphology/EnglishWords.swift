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

    /// Loads a list of one word a line (case folded, possessives skipped). ASCII lines are
    /// hashed straight from their bytes, so the 100,000 words load in a few milliseconds.
    public init(path: String) {
        var words = Set<UInt64>()
        if let data = FileManager.default.contents(atPath: path) {
            words.reserveCapacity(110_000)
            data.withUnsafeBytes { (raw: UnsafeRawBufferPointer) in
                var hash = WordHash.offset
                var ascii = true, apostrophe = false, empty = true
                var lineStart = 0
                for index in 0...raw.count {
                    let byte: UInt8 = index < raw.count ? raw[index] : 10
                    if byte == 10 {
                        if !empty && !apostrophe {
                            if ascii {
                                words.insert(hash)
                            } else {
                                let line = String(decoding: UnsafeRawBufferPointer(rebasing: raw[lineStart..<index]), as: UTF8.self)
                                words.insert(WordHash.hash(line.lowercased()))
                            }
                        }
                        hash = WordHash.offset
                        ascii = true; apostrophe = false; empty = true
                        lineStart = index + 1
                        continue
                    }
                    empty = false
                    if byte == UInt8(ascii: "'") { apostrophe = true }
                    if byte >= 0x80 { ascii = false }
                    let lower = byte >= 65 && byte <= 90 ? byte + 32 : byte
                    hash ^= UInt64(lower)
                    hash = hash &* WordHash.prime
                }
            }
        }
        self.words = words
    }

    /// Whether the list is present.
    public var isAvailable: Bool { !words.isEmpty }

    /// Whether a folded word is in the list.
    public func contains(_ word: String) -> Bool { words.contains(WordHash.hash(word)) }
}
