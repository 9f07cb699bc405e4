import Foundation
import KashuvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain line mode: a practice session as lines of text, for screen readers, scripts and
/// terminals without full-screen support.
///
/// Everything is printed in logical order with no escape codes, and every piece of scenario
/// or reply text goes through ``DisplaySafeText`` first. One reply is read per input line.
/// After each reply (saved to the progress file before anything is printed): the three
/// levels ("not rated" where the turn does not rate one), the flags, the trainee's own words
/// that earned or cost them, one line of advice, and the mood before → after; then the
/// customer's next line. At the ending, the ending's text and the debrief.
///
/// End of input before the ending records the attempt as abandoned (it can be continued
/// with `--resume`). SIGINT, SIGTERM, SIGHUP and SIGQUIT do the same between turns; a reply
/// being saved when the signal arrives is finished first.
public struct PlainPractice {
    /// How the run ended.
    public enum Result: Sendable, Hashable {
        /// The call reached an ending.
        case finished
        /// Input ended first; the attempt was recorded as abandoned.
        case abandoned
        /// Input ended first and something could not be saved (the last reply, or the record
        /// that the attempt was left): the message named the file and why. The scored turns
        /// before it are kept and the attempt can be continued with `--resume`. Exit non-zero.
        case notSaved
    }

    private let session: PracticeSession
    private let input: PlainLineInput
    private let output: PlainLineOutput
    private let labels: Labels
    private let echoesReplies: Bool
    private let continuation: Continuation?

    /// What to tell a trainee who stops before the ending when the run is part of something
    /// larger (a workshop plan): said instead of the attempt's own `--resume` command. The
    /// debrief then suggests no scenario of its own.
    public struct Continuation: Sendable {
        /// The sentence before the command.
        public var message: String
        /// The command that continues.
        public var command: String

        /// Creates a continuation.
        public init(message: String, command: String) {
            self.message = message
            self.command = command
        }
    }

    /// Prepares a run; labels follow the feedback language (``PracticeSession/feedbackLanguage``). When the input is not a
    /// terminal (a script, a file) each reply is echoed after the prompt as `> reply`, so the
    /// output reads as a transcript.
    public init(session: PracticeSession, input: PlainLineInput, output: PlainLineOutput, continuation: Continuation? = nil) {
        self.session = session
        self.input = input
        self.output = output
        self.continuation = continuation
        labels = Labels.for(session.feedbackLanguage)
        echoesReplies = isatty(input.fileDescriptor) == 0
    }

    /// Plays the session to its ending or to the end of input.
    ///
    /// - Parameter handlingSignals: install handlers that record the attempt as abandoned on
    ///   SIGINT, SIGTERM, SIGHUP and SIGQUIT and then exit with 128 + the signal number. Turn it off
    ///   when embedding the run in something that handles signals itself.
    public func run(handlingSignals: Bool = true) -> Result {
        let guardian = SessionGuard(session: session, output: output, labels: labels, continuation: continuation)
        if handlingSignals { guardian.exitOnStopSignals() }
        defer { guardian.restoreSignals() }

        guardian.locked { showOpening() }
        var replyUnsaved = false
        while true {
            let turn: Turn? = guardian.locked { session.currentTurn }
            guard let turn else { break }
            guardian.locked { showPrompt(turn) }
            guard let line = input.readLine() else {
                let recorded = guardian.locked { guardian.abandon() }
                return recorded && !replyUnsaved ? .abandoned : .notSaved
            }
            guardian.locked {
                if echoesReplies { write(["> \(DisplaySafeText.clean(line, keepingNewlines: false))"]) }
                replyUnsaved = !answer(line)
            }
        }
        guardian.locked { showEnding() }
        return .finished
    }

    // MARK: - Screens as lines

    private func clean(_ text: String) -> String { DisplaySafeText.clean(text) }

    private func showOpening() {
        let scenario = session.scenario
        var lines = ["=== \(clean(scenario.title)) ===", "", "== \(labels.brief) ==", clean(session.brief)]
        if !scenario.canOffer.isEmpty {
            lines.append("\(labels.canOffer):")
            lines += scenario.canOffer.map { "  - \(clean($0))" }
        }
        if !scenario.cannotOffer.isEmpty {
            lines.append("\(labels.cannotOffer):")
            lines += scenario.cannotOffer.map { "  - \(clean($0))" }
        }
        lines += [
            "", "== \(labels.customer) ==",
            "\(clean(scenario.customer.name)): \(clean(scenario.customer.background))",
            "\(labels.mood): \(scenario.customer.mood)/\(Mood.furious) \(labels.moodScale)",
            "\(labels.progressSavedIn) \(clean(session.store.fileURL(for: session.trainee).path))",
        ]
        if session.isResumed, !session.turns.isEmpty {
            lines += ["", "\(labels.continuingAtTurn) \(session.nextTurnNumber)"]
            for done in session.turns {
                lines.append("  \(done.number). \(clean(scenario.customer.name)): \(clean(session.line(done.turn)))")
                lines.append("     > \(clean(done.reply))")
            }
        }
        write(lines)
    }

    private func showPrompt(_ turn: Turn) {
        let scenario = session.scenario
        write([
            "", "--- \(labels.turn) \(session.nextTurnNumber) \(labels.ofAtMost) \(scenario.maxTurns) ---",
            "\(clean(scenario.customer.name)):", clean(session.line(turn)),
            "\(labels.mood): \(session.mood)/\(Mood.furious)",
            labels.yourReply,
        ])
    }

    /// Scores and saves one reply; `false` when it could not be saved (a full disk, an I/O error).
    private func answer(_ line: String) -> Bool {
        let outcome: TurnOutcome
        do {
            outcome = try session.submit(reply: line)
        } catch PracticeError.emptyReply {
            write([labels.emptyReply])
            return true
        } catch PracticeError.replyTooLong {
            write([labels.replyTooLong()])
            return true
        } catch let error as ProgressError {
            write(["\(labels.couldNotSave) \(clean(error.description))", labels.trySavingAgain])
            return false
        } catch {
            write(["\(labels.couldNotSave) \(clean("\(error)"))"])
            return false
        }
        showScore(outcome)
        return true
    }

    private func showScore(_ outcome: TurnOutcome) {
        let score = outcome.score
        var lines = Dimension.allCases.map { "  \(labels.name(of: $0)): \(labels.level(score.level($0)))" }
        let flags = score.flags.map(labels.name(of:))
        lines.append("  \(labels.flags): \(flags.isEmpty ? labels.none : flags.joined(separator: ", "))")
        // Each dimension's and flag's best words, merged and quoted once, what cost first.
        let quotes = QuotedEvidence.select(from: score, reply: outcome.reply)
        if !quotes.isEmpty {
            lines.append("  \(labels.yourWords):")
            for quote in quotes {
                let text = DisplaySafeText.clean(quote.text, keepingNewlines: false)
                let about = quote.flags.map(labels.name(of:)) + quote.dimensions.map(labels.name(of:))
                lines.append("    \(quote.effect.rawValue) \"\(text)\" (\(about.joined(separator: ", ")))")
            }
        }
        if let advice = score.advice.first {
            lines.append("  \(labels.advice): \(clean(advice))")
        }
        lines.append("  \(labels.mood): \(outcome.moodBefore) → \(outcome.moodAfter)")
        if let warning = outcome.warning {
            lines.append("  \(labels.couldNotSave) \(clean(warning))")
        }
        write(lines)
    }

    private func showEnding() {
        let debrief = session.debrief
        var lines: [String] = [""]
        if let ending = debrief.ending {
            lines.append("=== \(labels.callEnded): \(labels.name(of: AttemptOutcome(ending.outcome))) ===")
            switch debrief.endReason {
            case .furious: lines.append("(\(labels.endedFurious))")
            case .maxTurns: lines.append("(\(labels.endedMaxTurns))")
            case .branch, nil: break
            }
            lines.append(clean(debrief.endingText ?? ""))
        }
        lines += Self.debriefLines(debrief, labels: labels, suggesting: continuation == nil)
        write(lines)
        if let suggestion = debrief.suggestion, continuation == nil {
            output.command("  " + ShellCommand.practice(scenarioID: suggestion.scenarioID, for: session))
        }
    }

    /// The debrief as plain lines: the per-turn table, what went well, what to practise
    /// next and the suggested scenario (the command that starts it is written after them).
    static func debriefLines(_ debrief: Debrief, labels: Labels, suggesting: Bool = true) -> [String] {
        func clean(_ text: String) -> String { DisplaySafeText.clean(text, keepingNewlines: false) }
        var lines = ["", "=== \(labels.debrief) ==="]
        for row in debrief.rows {
            let levels = Dimension.allCases.map { "\(labels.name(of: $0)) \(labels.level(row.levels[$0]))" }
            let flags = row.flags.isEmpty ? labels.none : row.flags.map(labels.name(of:)).joined(separator: ", ")
            lines.append("\(labels.turnColumn) \(row.number) (\(clean(row.lineID))): " + levels.joined(separator: " · ")
                + " · \(labels.flags): \(flags) · \(labels.mood) \(row.moodBefore) → \(row.moodAfter)")
            lines.append("    > \(clean(row.reply))")
        }
        if let card = debrief.scorecard {
            let (overall, entries) = labels.scorecard(card)
            lines += ["", overall] + entries.map { "  - \($0.line)" }
        }
        lines += ["", "\(labels.wentWell):"]
        if debrief.wentWell.isEmpty { lines.append("  \(labels.nothingEarnedYet)") }
        for quote in debrief.wentWell {
            lines.append("  - \(labels.name(of: quote.dimension)) (\(labels.turnColumn) \(quote.turnNumber)): \"\(clean(quote.text))\"")
        }
        if let focus = debrief.practiseNext {
            let average = String(format: "%.1f", focus.average)
            lines += [
                "", "\(labels.practiseNext): \(labels.name(of: focus.dimension)) (\(labels.average) \(average)/\(Levels.range.upperBound))",
                "  \(clean(focus.advice))",
            ]
        }
        if let suggestion = debrief.suggestion, suggesting {
            lines += ["", "\(labels.tryNext): \(clean(suggestion.scenarioID)) · \(clean(suggestion.title)) (\(labels.reason(suggestion.reason)))"]
        }
        return lines
    }

    private func write(_ lines: [String]) {
        output.write(lines.map { $0 + "\n" }.joined())
    }
}

/// Serialises the main loop and the signal handler around the session, so a signal that
/// arrives while a reply is being saved waits for it, then records the attempt as abandoned.
private final class SessionGuard: @unchecked Sendable {
    private let lock = NSLock()
    private let session: PracticeSession
    private let output: PlainLineOutput
    private let labels: Labels
    private let continuation: PlainPractice.Continuation?
    private var sources: [any DispatchSourceSignal] = []
    /// Ctrl-C, `kill`, the terminal closing, and Ctrl-\\ (SIGQUIT): each records the attempt as left.
    static let stopSignals = [SIGINT, SIGTERM, SIGHUP, SIGQUIT]

    init(session: PracticeSession, output: PlainLineOutput, labels: Labels, continuation: PlainPractice.Continuation?) {
        self.session = session
        self.output = output
        self.labels = labels
        self.continuation = continuation
    }

    func locked<T>(_ body: () -> T) -> T {
        lock.lock()
        defer { lock.unlock() }
        return body()
    }

    /// Records the attempt as abandoned and says how to continue it; `false` when that record
    /// could not be saved (the message names the file and why). Call while locked.
    @discardableResult
    func abandon() -> Bool {
        guard !session.isOver else { return true }
        do {
            try session.abandon()
            output.write("\n\(continuation?.message ?? labels.attemptKeptUnfinished)\n")
            output.command("  " + (continuation?.command ?? ShellCommand.resume(session)))
            return true
        } catch {
            output.write("\n\(labels.couldNotSaveAttemptEnd) \(DisplaySafeText.clean("\(error)"))\n")
            if !session.turns.isEmpty {
                output.write("\(continuation?.message ?? labels.attemptKeptUnfinished)\n")
                output.command("  " + (continuation?.command ?? ShellCommand.resume(session)))
            }
            return false
        }
    }

    func exitOnStopSignals() {
        signal(SIGPIPE, SIG_IGN)
        let queue = DispatchQueue(label: "kashuv.plain.signals")
        for number in Self.stopSignals {
            signal(number, SIG_IGN)
            let source = DispatchSource.makeSignalSource(signal: number, queue: queue)
            source.setEventHandler { [self] in
                lock.lock()
                abandon()
                exit(128 + number)
            }
            source.resume()
            sources.append(source)
        }
    }

    /// Puts the stop signals back to their default actions.
    func restoreSignals() {
        for source in sources { source.cancel() }
        if !sources.isEmpty {
            for number in Self.stopSignals { signal(number, SIG_DFL) }
        }
        sources = []
    }
}
