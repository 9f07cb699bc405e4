import Foundation

/// Checks cue files as a coach writes them and reports every problem (codes KS0500–KS0599).
///
/// `kashuv validate` calls it for files under a `cues/` folder. The codes are listed in
/// `docs/scoring.md`.
public enum CueBookValidator {
    /// The problems in one cue file's text; empty when the file is good.
    public static func validate(yaml: String, path: String) -> [Diagnostic] {
        var diagnostics = CueFile.parse(yaml: yaml, path: path).diagnostics
        diagnostics.sort { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        return diagnostics
    }

    /// The problems in one cue file on disk.
    public static func validate(file: URL) -> [Diagnostic] {
        guard let data = try? Data(contentsOf: file) else {
            return [Diagnostic(path: file.path, code: "KS0500", message: "the cue file could not be read",
                               hint: "check the path and the file's permissions")]
        }
        guard let text = String(data: data, encoding: .utf8) else {
            return [Diagnostic(path: file.path, code: "KS0500", message: "the cue file is not UTF-8 text",
                               hint: "save the file as UTF-8")]
        }
        return validate(yaml: text, path: file.path)
    }
}
