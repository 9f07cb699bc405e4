import Foundation
import KashuvCore
#if canImport(Glibc)
import Glibc
#endif

/// The full-screen trainee experience (ncursesw): the customer's card with a mood gauge,
/// the conversation in correct right-to-left order, an input box, a score panel after each
/// reply, and a debrief at the end.
///
/// `kashuv practice` calls it when stdin and stdout are terminals and `TERM` is not `dumb`.
/// Esc or Ctrl-C leave at once; every scored turn is already saved, the attempt is recorded
/// as abandoned (an `"abandoned"` attempt line, docs/progress-format.md) and can be continued
/// with `--resume`. SIGTERM, SIGHUP and SIGQUIT restore the terminal and leave the same way.
public enum FullScreenPractice {
    /// How the full-screen session ended.
    public enum Result: Sendable, Equatable {
        /// The call ended and the trainee closed the debrief.
        case finished
        /// The trainee quit before the end (Esc, Ctrl-C); the attempt can be resumed.
        case quit
        /// SIGTERM, SIGHUP or SIGQUIT arrived; the terminal was restored; the attempt can be resumed.
        case interrupted(signal: Int32)

        /// The exit status a command should use: 0, or 128 + the signal.
        public var exitStatus: Int32 {
            switch self {
            case .finished, .quit: 0
            case .interrupted(let signal): 128 + signal
            }
        }
    }

    /// Plays a session on a terminal until the trainee leaves.
    ///
    /// - Parameters:
    ///   - session: a started or resumed session.
    ///   - library: the scenario library (reserved for choosing the next scenario from the debrief).
    ///   - bidi: who reorders right-to-left text; ``BidiMode/auto`` is resolved from `environment`.
    ///   - input: the terminal's input descriptor.
    ///   - output: the terminal's output descriptor.
    ///   - terminalType: the terminal type; `TERM` from `environment` when `nil`.
    ///   - environment: read for `TERM`, `NO_COLOR`, `KASHUV_BIDI`, and `KASHUV_TIMING_FILE`
    ///     with `KASHUV_TIMING_START` (see `scripts/measure-startup.sh`).
    ///   - handleSignals: install our SIGINT/SIGTERM/SIGHUP/SIGWINCH handlers (for the process's own terminal).
    public static func run(
        session: PracticeSession, library: ScenarioLibrary?, bidi: BidiMode, input: Int32 = 0, output: Int32 = 1,
        terminalType: String? = nil, environment: [String: String] = ProcessInfo.processInfo.environment,
        handleSignals: Bool = true
    ) throws -> Result {
        let type = terminalType ?? environment["TERM"] ?? "xterm"
        let terminal = try Terminal(type: type, input: input, output: output, environment: environment, handleSignals: handleSignals)
        defer { terminal.end() }
        let screen = PracticeScreen(session: session, bidi: bidi.resolved(environment: environment), size: terminal.size)
        let timing = environment["KASHUV_TIMING_FILE"].map { StartupTiming(file: $0, environment: environment) }
        let exit = drive(screen, on: terminal, timing: timing)
        terminal.end()
        if !session.isOver {
            recordAbandoned(session, output: PlainLineOutput(
                fileDescriptor: output, bidi: bidi, language: session.scenario.language, environment: environment))
        }
        switch exit {
        case .finished: return .finished
        case .quit: return .quit
        case .signal(let number): return .interrupted(signal: number)
        }
    }

    /// The local loop: waits for keys or a signal on the terminal, feeds them to the screen
    /// one step at a time, and sends each new frame.
    private static func drive(_ screen: PracticeScreen, on terminal: Terminal, timing: StartupTiming?) -> PracticeScreen.Exit {
        func frame() {
            screen.size = terminal.size
            screen.draw(on: terminal)
            terminal.refresh()
        }
        frame()
        timing?.record()
        while true {
            switch terminal.nextEvent() {
            case .timeout:
                continue
            case .signal(let number):
                return number == SIGINT ? .quit : .signal(number)
            case .key(let key):
                screen.size = terminal.size
                if let exit = screen.handle([key] + terminal.pendingKeys()) { return exit }
                frame()
            }
        }
    }

    /// Appends the `"abandoned"` attempt line for a trainee who left before an ending. The
    /// turns are already saved, so a failure here loses nothing; it is still said.
    private static func recordAbandoned(_ session: PracticeSession, output: PlainLineOutput) {
        do {
            try session.abandon()
        } catch {
            let labels = Labels.for(session.scenario.language)
            output.lines("\(labels.couldNotSave) \(DisplaySafeText.clean("\(error)", keepingNewlines: false))")
        }
    }
}
