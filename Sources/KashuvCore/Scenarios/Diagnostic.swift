/// One problem found in a facilitator's file, with where it is and what to do about it.
///
/// Printed as `PATH:LINE:COL: error[KS0001]: message` followed by a `hint:` line; a warning
/// (``Severity/warning``) says `warning[…]` and does not make the file invalid.
/// The codes are listed in `docs/diagnostics.md`.
public struct Diagnostic: Sendable, Hashable, Error, CustomStringConvertible {
    /// The file the problem is in, as the user named it.
    public var path: String
    /// The 1-based line, when known.
    public var line: Int?
    /// The 1-based column, when known.
    public var column: Int?
    /// The stable code, for example `KS0001`.
    public var code: String
    /// What is wrong.
    public var message: String
    /// What to do about it.
    public var hint: String
    /// Whether the problem makes the file invalid (an error) or is worth a look (a warning).
    public var severity: Severity

    /// How serious a diagnostic is.
    public enum Severity: String, Sendable, Hashable {
        /// The file is invalid: `kashuv validate` exits 1.
        case error
        /// The file plays, but something in it is probably not what the author meant.
        case warning
    }

    /// Creates a diagnostic.
    public init(
        path: String, line: Int? = nil, column: Int? = nil, code: String, message: String, hint: String, severity: Severity? = nil
    ) {
        // Without a severity, the documented code says (a stored verdict keeps only the code).
        self.severity = severity ?? (DiagnosticCode(rawValue: code)?.isWarning == true ? .warning : .error)
        self.path = path
        self.line = line
        self.column = column
        self.code = code
        self.message = message
        self.hint = hint
    }

    /// The two lines printed on standard error. The path, message and hint are made safe for
    /// a terminal and kept on their line (``DisplaySafeText``): a file name can hold escapes or
    /// a newline, and a message can quote the text it objects to.
    public var description: String {
        func safe(_ text: String) -> String { DisplaySafeText.clean(text, keepingNewlines: false) }
        var location = safe(path)
        if let line {
            location += ":\(line)"
            if let column { location += ":\(column)" }
        }
        return "\(location): \(severity.rawValue)[\(safe(code))]: \(safe(message))\n  hint: \(safe(hint))"
    }
}
