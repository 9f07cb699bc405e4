import Foundation

/// The cue word ids a lemma key stands for, built on first use.
///
/// Building it asks hspell (and the stemmer) about every cue word a coach listed, which takes
/// longer than the first screen may wait; practice builds it on ``CueTables``' background thread
/// while the trainee reads the customer's first line, and a reply scored before that waits for it.
final class LemmaIndex: @unchecked Sendable {
    /// A cue word to index: its form as listed, whether any form of its lemma matches (the
    /// clause words), and the id its element carries for lemma matches.
    struct Entry: Sendable {
        var form: String
        var anyForm: Bool
        var id: Int32
    }

    private let language: Language
    private let entries: [Entry]
    private let lock = NSLock()
    private var built: [UInt64: [Int32]]?

    init(language: Language, entries: [Entry]) {
        self.language = language
        self.entries = entries
    }

    /// Whether there is anything to index.
    var isEmpty: Bool { entries.isEmpty }

    /// The table, built once.
    func table() -> [UInt64: [Int32]] {
        lock.lock()
        defer { lock.unlock() }
        if let built { return built }
        var table: [UInt64: [Int32]] = [:]
        for entry in entries {
            let keys: [UInt64]
            switch language {
            case .hebrew:
                keys = entry.anyForm ? WordAnalysis.hebrewLemmaKeys(of: entry.form, cueWord: true)
                    : WordAnalysis.hebrewKeys(of: entry.form, cueWord: true)
            case .english:
                keys = WordAnalysis.englishKey(of: entry.form, minimumLength: entry.anyForm ? 3 : 5).map { [$0] } ?? []
            }
            for key in keys where !(table[key]?.contains(entry.id) ?? false) { table[key, default: []].append(entry.id) }
        }
        built = table
        return table
    }
}
