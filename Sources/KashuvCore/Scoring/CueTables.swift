import Foundation

/// A scorer's compiled cue tables, one ``CueMatcher`` per language: compiled at once, or on a
/// background thread while the first screen shows, scoring waiting for them if it comes first.
///
/// This is the one place the scorer's start-up work is put off. The background thread gets
/// the cue book (parsing it too, when its files are known to be good), compiles the tables,
/// then builds the lemma tables (loading hspell's dictionary), so the first reply scored
/// finds everything ready; compiling cannot fail, so putting it off changes when the work is
/// done, never what a reply scores.
final class CueTables: @unchecked Sendable {
    private let condition = NSCondition()
    private var compiled: [Language: CueMatcher]?

    /// Compiles the book's tables now, the languages side by side; the lemma tables are built
    /// when a reply first needs them.
    init(book: CueBook) {
        compiled = Self.compile(book, workers: ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Starts one thread that gets the book, compiles its tables, builds the lemma tables and
    /// then runs `afterwards`; returns at once. One thread, so that the main thread keeps a
    /// core to itself for the first screen.
    init(inBackground book: @escaping @Sendable () -> CueBook, afterwards: @escaping @Sendable () -> Void = {}) {
        Thread.detachNewThread { [self] in
            let matchers = Self.compile(book(), workers: 1)
            condition.lock()
            compiled = matchers
            condition.broadcast()
            condition.unlock()
            for matcher in matchers.values { matcher.buildLemmaTable() }
            afterwards()
        }
    }

    /// The matchers by language, waiting for them while they compile.
    var matchers: [Language: CueMatcher] {
        condition.lock()
        defer { condition.unlock() }
        while compiled == nil { condition.wait() }
        return compiled!
    }

    private static func compile(_ book: CueBook, workers: Int) -> [Language: CueMatcher] {
        let languages = Language.allCases
        let matchers = languages.parallelMap(workers: workers) { CueMatcher(book: book, language: $0) }
        return Dictionary(uniqueKeysWithValues: zip(languages, matchers))
    }
}
