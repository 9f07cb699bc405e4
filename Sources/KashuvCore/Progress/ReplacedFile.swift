import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Replaces a small file whole, so that a crash, `kill -9` or power cut leaves either the old
/// file or the new one, never a mix: the data goes to a temporary file beside it, which is
/// `fsync`ed and renamed over the target, and the folder is `fsync`ed so the rename lasts.
/// Used for the files Kashuv rewrites rather than appends to (a plan's run, a trainee's
/// choices, a group room's position).
public enum ReplacedFile {
    /// Writes `data` as the new contents of `target` (the folder must exist).
    ///
    /// - Throws: ``ProgressError`` naming `target`; the old file is then untouched.
    public static func write(_ data: Data, to target: URL) throws(ProgressError) {
        let folder = target.deletingLastPathComponent()
        let temporary = folder.appendingPathComponent(".\(target.lastPathComponent).\(getpid()).new")
        let fd = open(temporary.path, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: temporary.path, code: errno) }
        let written = data.withUnsafeBytes { systemWrite(fd, $0.baseAddress, $0.count) }
        let writeCode = errno
        let synced = written == data.count && fsync(fd) == 0
        let syncCode = errno
        close(fd)
        guard written == data.count else {
            unlink(temporary.path)
            throw .writeFailed(path: target.path, code: written < 0 ? writeCode : ENOSPC, written: max(0, written), of: data.count)
        }
        guard synced else {
            unlink(temporary.path)
            throw .syncFailed(path: target.path, code: syncCode)
        }
        guard rename(temporary.path, target.path) == 0 else {
            let code = errno
            unlink(temporary.path)
            throw .cannotOpen(path: target.path, code: code)
        }
        let folderFD = open(folder.path, O_RDONLY | O_CLOEXEC)
        if folderFD >= 0 {
            _ = fsync(folderFD)
            close(folderFD)
        }
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
