import Foundation

/// The cue files a scorer is built from, read into memory: a folder's `.yaml`/`.yml` files by
/// name, then each further file (or folder of them) a trainer profile names, in that order.
///
/// Reading is kept apart from parsing so that practice can ask the validator's verdict cache
/// (``ValidationCache``) whether every file, exactly as read, is already known to be good, and
/// then leave the parsing to a background thread as well
/// (``ReplyScorer/loadingInBackground(_:cache:)``).
public struct CueFiles: Sendable {
    /// One file as read.
    struct File: Sendable {
        var path: String
        var text: String
    }

    let files: [File]

    /// The files' paths, in order.
    public var paths: [String] { files.map(\.path) }

    /// Reads the files named, in order; a folder stands for its `.yaml`/`.yml` files, by name.
    public init(reading urls: [URL]) throws {
        var found: [URL] = []
        for url in urls {
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder), isFolder.boolValue {
                found += try FileManager.default.contentsOfDirectory(atPath: url.path)
                    .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                    .sorted()
                    .map { url.appendingPathComponent($0) }
            } else {
                found.append(url)
            }
        }
        files = try found.map { File(path: $0.path, text: String(decoding: try Data(contentsOf: $0), as: UTF8.self)) }
    }

    /// The default cue folder's files (`Trainers/default/cues/`, found with
    /// ``CueLocation/defaultFolder()`` when `folder` is `nil`), then `extraFiles`.
    public static func `default`(extraFiles: [URL] = [], folder: URL? = nil) throws -> CueFiles {
        guard let folder = folder ?? CueLocation.defaultFolder() else { throw CueLocation.NotFound() }
        return try CueFiles(reading: [folder] + extraFiles)
    }

    /// Every file's cues, in order (the files parsed side by side on up to `workers` threads);
    /// throws the first problem, in file order (``CueBookValidator`` reports them all).
    public func book(workers: Int = ProcessInfo.processInfo.activeProcessorCount) throws -> CueBook {
        let books = files.parallelMap(workers: workers) { file in Result { try CueBook(yaml: file.text, path: file.path) } }
        var cues: [Cue] = []
        for book in books { cues += try book.get().cues }
        return CueBook(cues: cues)
    }

    /// The cues of files ``knownGood(in:)`` found good, parsed on this thread. Were a file
    /// to have a problem after all, its good cues still count rather than none.
    func goodCues() -> CueBook {
        CueBook(cues: files.flatMap { CueFile.parse(yaml: $0.text, path: $0.path).cues })
    }

    /// Whether the validator has checked every file, exactly as read, and found no problem at
    /// all (its verdicts are keyed by the text and the program, so an edited file or a
    /// rebuilt `kashuv` is not known, and a damaged entry is ignored).
    func knownGood(in cache: ValidationCache?) -> Bool {
        guard let cache, !files.isEmpty else { return false }
        return files.allSatisfy { file in
            guard let outcome = cache.outcome(for: Self.key(file)) else { return false }
            return outcome.kind == .cueBook && outcome.diagnostics.isEmpty
        }
    }

    /// Has the validator check every file as a cue file and keep its verdicts, so that the
    /// next start finds them (``knownGood(in:)``).
    func recordVerdicts(in cache: ValidationCache?) {
        guard let cache else { return }
        let validator = ScenarioValidator(cache: cache)
        for file in files { _ = validator.check(file: file.path, as: .cueBook) }
    }

    /// The key the validator keeps a cue file's verdict under (its text without a byte order mark).
    private static func key(_ file: File) -> ValidationCache.Key {
        let text = file.text.unicodeScalars.first == "\u{FEFF}" ? String(file.text.unicodeScalars.dropFirst()) : file.text
        return ValidationCache.Key(path: file.path, text: text, kind: .cueBook, limits: ValidationLimits())
    }
}
