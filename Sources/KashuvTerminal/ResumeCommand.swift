import KashuvCore

/// The command line that continues an unfinished attempt, shown when a trainee leaves early.
public enum ResumeCommand {
    /// `kashuv practice ID --trainee NAME --progress DIR --resume`, quoted for a POSIX shell
    /// and safe to print on a terminal.
    public static func text(for session: PracticeSession) -> String {
        "kashuv practice \(quoted(session.scenario.id)) --trainee \(quoted(session.trainee.displayName)) "
            + "--progress \(quoted(session.store.folder.path)) --resume"
    }

    private static func quoted(_ text: String) -> String {
        let safe = DisplaySafeText.clean(text, keepingNewlines: false)
        if !safe.isEmpty, safe.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) { return safe }
        return "'" + safe.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }
}
