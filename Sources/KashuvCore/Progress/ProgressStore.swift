import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The progress folder: one append-only JSON Lines file per trainee.
///
/// The folder is `./progress` unless `--progress DIR` names another
/// (``defaultFolderName``). Each trainee's file is `<file stem>.jsonl`, the stem derived from
/// the name by ``TraineeName``. Records are only ever appended; see ``append(_:for:)`` for
/// what "saved" means, and `docs/progress-format.md` for the format.
public struct ProgressStore: Sendable {
    /// The folder's default name, relative to the current directory.
    public static let defaultFolderName = "progress"

    /// The progress folder.
    public let folder: URL
    let calls: any AppendSystemCalls

    /// A store for a folder; the folder is created on the first append.
    public init(folder: URL) {
        self.init(folder: folder, calls: SystemAppendCalls())
    }

    init(folder: URL, calls: any AppendSystemCalls) {
        self.folder = folder
        self.calls = calls
    }

    /// The trainee's progress file.
    public func fileURL(for trainee: TraineeName) -> URL {
        folder.appendingPathComponent(trainee.fileStem + ".jsonl", isDirectory: false)
    }

    /// Creates the folder if needed and checks that progress can be written there, so a
    /// front end can refuse to start rather than fail at the first reply.
    public func prepareFolder() throws(ProgressError) {
        try createFolder()
        guard access(folder.path, W_OK) == 0 else { throw .folderNotWritable(path: folder.path, code: errno) }
    }

    /// Creates the folder and any missing parents, one `mkdir` at a time, so a failure says
    /// which part of the path is in the way and why (a file where a folder should be, a
    /// read-only disk, permissions).
    private func createFolder() throws(ProgressError) {
        try Self.makeFolder(folder)
    }

    /// Creates a folder and its missing parents (see ``prepareFolder()``); shared by every
    /// file Kashuv keeps in the progress folder.
    static func makeFolder(_ folder: URL) throws(ProgressError) {
        var isFolder: ObjCBool = false
        if FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue { return }
        var path = folder.path.hasPrefix("/") ? "" : "."
        for component in folder.pathComponents {
            path = component == "/" ? "/" : (path.hasSuffix("/") ? path + component : path + "/" + component)
            if component == "/" || component == "." { continue }
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) {
                guard isDirectory.boolValue else { throw .cannotCreateFolder(path: folder.path, blocking: path, code: ENOTDIR) }
                continue
            }
            if mkdir(path, 0o755) != 0, errno != EEXIST { throw .cannotCreateFolder(path: folder.path, blocking: path, code: errno) }
        }
    }

    /// Appends one record to the trainee's file and returns only once it is on storage.
    ///
    /// The whole line goes out in one `write(2)` and is `fsync`ed before this returns, so a
    /// caller that shows a score only after `append` returned never shows a score that a
    /// crash, `kill -9` or power cut could lose. On a full disk or an I/O error it throws a
    /// ``ProgressError`` naming the file, and the file is left as it was.
    public func append(_ record: ProgressRecord, for trainee: TraineeName) throws(ProgressError) {
        try createFolder()
        try checkOwner(trainee)
        let line: Data
        do {
            line = try record.jsonLine()
        } catch {
            preconditionFailure("a progress record always encodes: \(error)")
        }
        try AppendOnlyFile(url: fileURL(for: trainee), calls: calls).append(line: line)
    }

    /// Checks that the trainee's file, if it holds records, holds this trainee's: a file holds
    /// one trainee only. Reads the first record (an unreadable first line cannot tell, and passes).
    ///
    /// - Throws: ``ProgressError/belongsToAnotherTrainee(path:owner:trainee:)``.
    /// Also refuses, before anything is typed, a file that could never be appended to: a
    /// symbolic link (not followed in the progress folder) or a folder in the file's place.
    public func checkOwner(_ trainee: TraineeName) throws(ProgressError) {
        let url = fileURL(for: trainee)
        var info = stat()
        if lstat(url.path, &info) == 0 {
            switch info.st_mode & S_IFMT {
            case S_IFLNK: throw .cannotOpen(path: url.path, code: ELOOP)
            case S_IFDIR: throw .cannotOpen(path: url.path, code: EISDIR)
            default: break
            }
        }
        guard let handle = FileHandle(forReadingAtPath: url.path) else { return }
        defer { try? handle.close() }
        guard let head = try? handle.read(upToCount: 1 << 16),
              let firstLine = head.split(separator: 0x0A, maxSplits: 1, omittingEmptySubsequences: true).first,
              let record = try? ProgressRecord.decode(line: Data(firstLine))
        else { return }
        if !trainee.isSameTrainee(as: record.trainee) {
            throw .belongsToAnotherTrainee(path: url.path, owner: DisplaySafeText.clean(record.trainee, keepingNewlines: false),
                                           trainee: trainee.displayName)
        }
    }

    /// Reads the trainee's file (empty when they have none yet).
    public func read(_ trainee: TraineeName) throws(ProgressError) -> ProgressFileContents {
        try ProgressFileContents.read(fileURL(for: trainee))
    }

    /// What start-up needs from the trainee's file, read from its end (``ProgressTail``):
    /// the latest attempt at a scenario (or at the scenario practised last, for `nil`) if it
    /// can be continued, and the lines skipped among those read.
    public func tail(for trainee: TraineeName, scenarioID: String?) throws(ProgressError) -> ProgressTail {
        try ProgressTail.read(fileURL(for: trainee), scenarioID: scenarioID)
    }

    /// The trainee's latest attempt at a scenario, if it can be continued (read from the
    /// file's end; the same answer as ``ProgressFileContents/resumableAttempt(scenarioID:)``).
    public func resumableAttempt(for trainee: TraineeName, scenarioID: String) throws(ProgressError) -> ResumableAttempt? {
        try tail(for: trainee, scenarioID: scenarioID).attempt
    }

    /// The scenario the trainee was practising last, if that attempt can be continued
    /// (read from the file's end; the same answer as ``ProgressFileContents/lastResumableScenarioID``).
    public func lastResumableScenarioID(for trainee: TraineeName) throws(ProgressError) -> String? {
        let tail = try tail(for: trainee, scenarioID: nil)
        return tail.attempt == nil ? nil : tail.scenarioID
    }
}

/// An attempt that stopped before an ending and can be continued (`--resume`).
public struct ResumableAttempt: Sendable, Hashable {
    /// The attempt's id; the continued attempt keeps it.
    public var attemptID: UUID
    /// When the attempt started.
    public var startedAt: Date
    /// Its scored turns, in order.
    public var turns: [TurnRecord]
    /// Lines of the trainee's file that were skipped while reading it.
    public var issues: [ProgressIssue]
}
