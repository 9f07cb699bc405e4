import Foundation

/// Why progress could not be saved or read. Every case names the file.
public enum ProgressError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The progress folder could not be created.
    case cannotCreateFolder(path: String, reason: String)
    /// The progress file could not be opened (permissions, a read-only disk, a symbolic link).
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
        case .cannotCreateFolder(let path, let reason):
            "cannot create the progress folder \(path): \(reason)"
        case .cannotOpen(let path, let code):
            "cannot open the progress file \(path): \(Self.explain(code))"
        case .writeFailed(let path, let code, let written, let total):
            "could not save this turn to \(path): \(Self.explain(code))"
                + (written > 0 ? " (only \(written) of \(total) bytes written)" : "")
                + "; the earlier lines of the file are intact"
        case .syncFailed(let path, let code):
            "could not flush this turn to storage in \(path): \(Self.explain(code)); the earlier lines of the file are intact"
        case .cannotRead(let path, let reason):
            "cannot read the progress file \(path): \(reason)"
        case .belongsToAnotherTrainee(let path, let owner, let trainee):
            "the progress file \(path) belongs to the trainee '\(owner)', not to '\(trainee)' (the two names map to one file); "
                + "nothing was written: practise under a different name (add a surname or an initial) or with another --progress folder"
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
