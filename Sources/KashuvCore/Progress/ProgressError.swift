import Foundation

/// Why progress could not be saved or read. Every case names the file.
public enum ProgressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The progress folder could not be created: `blocking` is the part of the path that failed.
    case cannotCreateFolder(path: String, blocking: String, code: Int32)
    /// The progress folder exists but nothing can be written in it (permissions, a read-only disk).
    case folderNotWritable(path: String, code: Int32)
    /// The progress file could not be opened (permissions, a read-only disk, a symbolic link, a folder).
    case cannotOpen(path: String, code: Int32)
    /// The line could not be written whole (a full disk, an I/O error); the file was put back
    /// as it was before, earlier lines intact.
    case writeFailed(path: String, code: Int32, written: Int, of: Int)
    /// The line was written but could not be flushed to storage; it was removed again.
    case syncFailed(path: String, code: Int32)
    /// The progress file exists but could not be read.
    case cannotRead(path: String, reason: String)
    /// The file the trainee's name maps to holds another trainee's records; nothing was written.
    case belongsToAnotherTrainee(path: String, owner: String, trainee: String)

    public var description: String {
        switch self {
        case .cannotCreateFolder(let path, let blocking, let code):
            code == ENOTDIR
                ? "cannot create the progress folder \(path): \(blocking) is a file, not a folder; "
                    + "move that file away or choose another folder with --progress"
                : "cannot create the progress folder \(path): creating \(blocking) failed: \(Self.explain(code)); "
                    + Self.advice(code, subject: "the folder above it")
        case .folderNotWritable(let path, let code):
            "cannot write in the progress folder \(path): \(Self.explain(code)); " + Self.advice(code, subject: "the folder")
        case .cannotOpen(let path, let code):
            "cannot open the progress file \(path): " + Self.openProblem(code)
        case .writeFailed(let path, let code, let written, let total):
            "could not write to \(path): \(Self.explain(code))"
                + (written > 0 ? " (only \(written) of \(total) bytes written)" : "")
                + "; the earlier lines of the file are intact; " + Self.advice(code, subject: "the file")
        case .syncFailed(let path, let code):
            "could not flush the line to storage in \(path): \(Self.explain(code)); the earlier lines of the file are intact; "
                + Self.advice(code, subject: "the disk")
        case .cannotRead(let path, let reason):
            "cannot read the progress file \(path): \(reason); "
                + (reason.contains("directory") ? "it is a folder, not a file: move it away so Kashuv can create the file"
                    : "check that it is a readable file (`ls -l`), or choose another folder with --progress")
        case .belongsToAnotherTrainee(let path, let owner, let trainee):
            "the progress file \(path) belongs to the trainee '\(owner)', not to '\(trainee)' (the two names map to one file); "
                + "nothing was written: practise under a different name (add a surname or an initial) or with another --progress folder"
        }
    }

    private static func openProblem(_ code: Int32) -> String {
        switch code {
        case ELOOP: "it is a symbolic link, and Kashuv does not follow links in the progress folder (ELOOP); "
            + "move the link away so Kashuv can create the file"
        case EISDIR: "it is a folder, not a file (EISDIR); move the folder away so Kashuv can create the file"
        default: "\(explain(code)); " + advice(code, subject: "the file and its folder")
        }
    }

    /// What to do about an error code.
    static func advice(_ code: Int32, subject: String) -> String {
        switch code {
        case ENOSPC, EDQUOT: "free some space on the disk (or choose another folder with --progress), then try again"
        case EROFS: "the disk is read-only: choose a folder on a writable disk with --progress"
        case EACCES, EPERM: "check the permissions of \(subject) (`ls -ld`), or choose another folder with --progress"
        case EIO: "the disk reported an error: check it, or choose another folder with --progress"
        case EFBIG: "the file is too large for this disk: choose another folder with --progress"
        default: "check \(subject), or choose another folder with --progress"
        }
    }

    /// `strerror` and the symbolic name, e.g. "No space left on device (ENOSPC)".
    static func explain(_ code: Int32) -> String {
        let text = String(cString: strerror(code))
        let names: [Int32: String] = [
            ENOSPC: "ENOSPC", EIO: "EIO", EDQUOT: "EDQUOT", EACCES: "EACCES", EROFS: "EROFS",
            ELOOP: "ELOOP", ENOENT: "ENOENT", EPERM: "EPERM", EFBIG: "EFBIG",
        ]
        return names[code].map { "\(text) (\($0))" } ?? "\(text) (errno \(code))"
    }
}
