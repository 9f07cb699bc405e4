import Foundation
import KashuvCore

/// The commands Kashuv prints for the trainee to type (continue an attempt, try the next
/// scenario). They must run as printed, so they start with how this program can actually be
/// run from the trainee's shell (``program``), and name the trainee and the progress folder
/// (absolute) so they work from any folder.
///
/// A command is printed in logical order, as the trainee's shell shows it while it is typed,
/// so it can be copied from the screen and pasted back (even with a Hebrew name in it).
public enum ShellCommand {
    /// How this program is run from the trainee's shell: `kashuv` when that name on `PATH`
    /// is this program (or the `scripts/kashuv` launcher that runs it, as `scripts/install`
    /// links it); otherwise the launcher's path (`$KASHUV_LAUNCHER`, set by `scripts/kashuv`),
    /// or the executable's own path.
    public static let program: String = program(
        environment: ProcessInfo.processInfo.environment, executable: LibraryLocation.current.executable?.path)

    /// ``program`` for a given environment and executable path (tests use this).
    public static func program(environment: [String: String], executable: String?) -> String {
        let launcher = environment["KASHUV_LAUNCHER"].flatMap { $0.isEmpty ? nil : $0 }
        let ours = Set([executable, launcher].compactMap { $0.map(resolved) })
        // The first `kashuv` on PATH is what the shell would run.
        for folder in (environment["PATH"] ?? "").split(separator: ":") where !folder.isEmpty {
            let candidate = String(folder) + "/kashuv"
            guard FileManager.default.isExecutableFile(atPath: candidate) else { continue }
            if ours.contains(resolved(candidate)) { return "kashuv" }
            break
        }
        return quoted(launcher ?? executable ?? "kashuv")
    }

    /// `<program> practice ID --trainee NAME --progress DIR --resume`: continues the session's attempt.
    public static func resume(_ session: PracticeSession) -> String {
        practice(scenarioID: session.scenario.id, for: session) + " --resume"
    }

    /// `<program> practice ID --trainee NAME --progress DIR`: a new attempt at a scenario,
    /// for the same trainee and progress folder as the session.
    public static func practice(scenarioID: String, for session: PracticeSession) -> String {
        practice(scenarioID: scenarioID, trainee: session.trainee, progress: session.store.folder)
    }

    /// `<program> practice ID --trainee NAME --progress DIR`.
    public static func practice(scenarioID: String, trainee: TraineeName, progress: URL) -> String {
        "\(program) practice \(quoted(scenarioID)) --trainee \(quoted(trainee.displayName)) "
            + "--progress \(quoted(progress.standardizedFileURL.path))"
    }

    /// `<program> practice --plan FILE --trainee NAME --progress DIR [--feedback LANGUAGE]`:
    /// continues a workshop plan (keeping the trainee's own choice of feedback language).
    public static func plan(_ file: URL, trainee: TraineeName, progress: URL, feedback: Language? = nil) -> String {
        "\(program) practice --plan \(quoted(file.standardizedFileURL.path)) --trainee \(quoted(trainee.displayName)) "
            + "--progress \(quoted(progress.standardizedFileURL.path))" + (feedback.map { " --feedback \($0.rawValue)" } ?? "")
    }

    /// The text as one word for a POSIX shell, safe to print on a terminal.
    static func quoted(_ text: String) -> String {
        let safe = DisplaySafeText.clean(text, keepingNewlines: false)
        if !safe.isEmpty, safe.allSatisfy({ $0.isLetter || $0.isNumber || "-_./".contains($0) }) { return safe }
        return "'" + safe.replacingOccurrences(of: "'", with: "'\\''") + "'"
    }

    private static func resolved(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
