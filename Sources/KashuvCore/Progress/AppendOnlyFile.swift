import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Appends whole lines to a file so that a line is either entirely on storage or not there.
///
/// Each append: open with `O_APPEND|O_CREAT` (mode 0644), take an exclusive `flock` where the
/// file system allows it, write
/// the whole line with a single `write(2)`, `fsync`, close. When the write is short or fails
/// (a full disk, an I/O error) or the `fsync` fails, the file is truncated back to its length
/// before the append, so the earlier lines stay exactly as they were, and the error names the
/// file. If the file does not end in a newline (a line torn by a crash), the new line starts
/// with one, so the torn fragment never swallows a good line.
struct AppendOnlyFile: Sendable {
    /// The file appended to.
    let url: URL
    /// The system calls a full disk shows up in; replaced in tests.
    let calls: any AppendSystemCalls

    func append(line: Data) throws(ProgressError) {
        precondition(line.last == 0x0A, "a progress line ends in a newline")
        let path = url.path
        let existed = FileManager.default.fileExists(atPath: path)
        let fd = open(path, O_RDWR | O_APPEND | O_CREAT | O_CLOEXEC | O_NOFOLLOW, 0o644)
        guard fd >= 0 else { throw .cannotOpen(path: path, code: errno) }
        defer { close(fd) }
        // Serialises appends from several processes; a file system without locks still gets
        // whole-line appends from O_APPEND, so a refused lock does not stop the save.
        _ = flock(fd, LOCK_EX)

        var info = stat()
        guard fstat(fd, &info) == 0 else { throw .cannotOpen(path: path, code: errno) }
        let lengthBefore = info.st_size

        var bytes = line
        if lengthBefore > 0 {
            var last: UInt8 = 0
            if pread(fd, &last, 1, lengthBefore - 1) == 1, last != 0x0A { bytes.insert(0x0A, at: 0) }
        }

        let result = bytes.withUnsafeBytes { buffer in
            var result: Result<Int, SystemCallError>
            repeat { result = calls.write(fd, buffer) } while result.isInterrupted
            return result
        }
        switch result {
        case .success(let written) where written == bytes.count:
            break
        case .success(let written):
            ftruncate(fd, lengthBefore)
            throw .writeFailed(path: path, code: ENOSPC, written: written, of: bytes.count)
        case .failure(let error):
            ftruncate(fd, lengthBefore)
            throw .writeFailed(path: path, code: error.code, written: 0, of: bytes.count)
        }

        if case .failure(let error) = calls.fsync(fd) {
            ftruncate(fd, lengthBefore)
            throw .syncFailed(path: path, code: error.code)
        }
        if !existed { Self.syncFolder(of: url) }
    }

    /// Makes a newly created file's name durable too (best effort: not every file system allows it).
    private static func syncFolder(of url: URL) {
        let fd = open(url.deletingLastPathComponent().path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { return }
        _ = fsync(fd)
        close(fd)
    }
}

/// The two system calls where a full disk or a failing device shows up when appending.
/// The real ones are ``SystemAppendCalls``; tests substitute failures.
protocol AppendSystemCalls: Sendable {
    /// `write(2)`: the number of bytes written, or the error.
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Int, SystemCallError>
    /// `fsync(2)`.
    func fsync(_ fd: Int32) -> Result<Void, SystemCallError>
}

/// An `errno` from a system call.
struct SystemCallError: Error, Hashable {
    let code: Int32
}

extension Result where Failure == SystemCallError {
    var isInterrupted: Bool {
        if case .failure(let error) = self { return error.code == EINTR }
        return false
    }
}

/// The operating system's `write(2)` and `fsync(2)`.
struct SystemAppendCalls: AppendSystemCalls {
    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> {
        let written = systemWrite(fd, buffer.baseAddress, buffer.count)
        return written < 0 ? .failure(SystemCallError(code: errno)) : .success(written)
    }

    func fsync(_ fd: Int32) -> Result<Void, SystemCallError> {
        systemFsync(fd) == 0 ? .success(()) : .failure(SystemCallError(code: errno))
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
private let systemFsync = Glibc.fsync
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
private let systemFsync = Darwin.fsync
#endif
