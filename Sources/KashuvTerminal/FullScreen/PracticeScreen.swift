import KashuvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The full-screen practice as steps: keys in, a frame out.
///
/// It holds what is on screen and reacts to keys; it never reads a terminal or waits.
/// A driver feeds it the keys that arrived (``handle(_:)``), tells it the screen's size
/// (``size``) and asks for a frame (``draw(on:)``): ``FullScreenPractice`` drives it on the
/// process's own terminal with ncurses, the group layer on a trainee's SSH channel.
///
/// A score is shown only after ``PracticeSession/submit(reply:)`` returned, which means
/// the turn is already on storage.
package final class PracticeScreen {
    /// Where the call stands on screen.
    package enum Phase {
        /// The customer waits for a reply.
        case conversation
        /// The call ended; the last score is on screen; any key opens the debrief.
        case callOver
        /// The debrief; any key but scrolling exits.
        case debrief
    }

    /// Why the screen wants to stop.
    package enum Exit: Equatable {
        /// The trainee read the debrief and left.
        case finished
        /// The trainee pressed Esc or Ctrl-C.
        case quit
        /// SIGTERM or SIGHUP.
        case signal(Int32)
    }

    let session: PracticeSession
    let labels: ScreenLabels
    let block: TextBlock
    let renderer: TranscriptRenderer
    let debriefScreen: DebriefScreen

    /// The size of the screen in rows and columns; the driver sets it before each step.
    package var size: (rows: Int, columns: Int)
    var transcript: [TranscriptEntry] = []
    var editor = InputEditor()
    package var phase = Phase.conversation
    var showingHelp = false
    /// Lines scrolled up from the newest (0 = newest at the bottom).
    var scroll = 0
    package var moodChange = 0
    /// The mood the gauge shows when not the session's own (a group's call).
    package var moodShown: Int?
    var notice: String?
    /// In a group session, the group layer scores and saves a reply (it puts the call where
    /// the group is first, and saves off the screen's thread), then calls back with the
    /// outcome; it decides what the customer says next. `nil` when alone.
    package var groupSubmit: ((String, @escaping (Result<TurnOutcome, any Error>) -> Void) -> Void)?
    /// Whether a reply is being saved (in a group): Enter waits.
    package private(set) var savingReply = false
    /// Whether Enter sends the reply now (in a group: only while a round is open).
    package var acceptsReplies = true
    /// What the status line says while replies are not accepted.
    package var waitingHint: String?
    /// The keys hint under the input box when not the practice's own (a group session's).
    package var inputHint: String?

    /// A screen for a session, sized `size`, with text laid out by `bidi` (already resolved).
    /// With `showingSavedTurns` false (a group session) the transcript starts with the brief
    /// only, and the group layer adds what follows.
    package init(session: PracticeSession, bidi: BidiMode, size: (rows: Int, columns: Int), showingSavedTurns: Bool = true) {
        self.session = session
        self.size = size
        labels = ScreenLabels(language: session.feedbackLanguage, address: session.address)
        let layout = BidiLayout(mode: bidi, neutralDirection: session.feedbackLanguage.isRightToLeft ? .rightToLeft : .leftToRight)
        block = TextBlock(layout: layout)
        let name = DisplaySafeText.clean(session.scenario.customer.name, keepingNewlines: false)
        renderer = TranscriptRenderer(labels: labels, block: block, customerName: name)
        debriefScreen = DebriefScreen(
            labels: labels, block: block, scenarioTitle: session.scenario.title,
            practiseCommand: { [session] id in ShellCommand.practice(scenarioID: id, for: session) })
        if showingSavedTurns {
            rebuildTranscript()
        } else {
            let scenario = session.scenario
            transcript = [.brief(session.brief, canOffer: scenario.canOffer, cannotOffer: scenario.cannotOffer)]
        }
    }

    /// The transcript so far: the brief, every saved turn (on resume), the waiting line.
    private func rebuildTranscript() {
        let scenario = session.scenario
        transcript = [.brief(session.brief, canOffer: scenario.canOffer, cannotOffer: scenario.cannotOffer)]
        for outcome in session.turns {
            transcript.append(.customer(session.line(outcome.turn)))
            append(outcome)
        }
        if let turn = session.currentTurn, session.turns.isEmpty {
            transcript.append(.customer(session.line(turn)))
        }
        if session.isOver { phase = .callOver }
    }

    /// Adds a scored reply and what followed it (in a group the group decides what follows).
    private func append(_ outcome: TurnOutcome) {
        transcript.append(.trainee(outcome.reply, evidence: outcome.score.evidence))
        transcript.append(.score(outcome))
        moodChange = outcome.moodAfter - outcome.moodBefore
        guard groupSubmit == nil else { return }
        switch outcome.next {
        case .turn(let next): transcript.append(.customer(session.line(next)))
        case .ending(let ending, let reason): transcript.append(.ending(ending, reason))
        }
    }

    /// One step: handles a batch of keys that arrived together (one key, or a paste), and
    /// says whether the screen is done. Draw the next frame with ``draw(on:)``.
    package func handle(_ keys: [Key]) -> Exit? {
        for (index, key) in keys.enumerated() {
            if key == .resize { continue }
            if showingHelp {
                showingHelp = false
                continue
            }
            let isLast = index == keys.count - 1
            switch phase {
            case .conversation:
                if let exit = handleConversation(key, isLast: isLast, alone: keys.count == 1) { return exit }
            case .callOver:
                if key == .escape { return .quit }
                if [.up, .down, .pageUp, .pageDown].contains(key) {
                    scrollTranscript(key)
                } else {
                    phase = .debrief
                    scroll = 0
                }
            case .debrief:
                if [.up, .down, .pageUp, .pageDown].contains(key) {
                    scrollDebrief(key)
                } else {
                    return .finished
                }
            }
        }
        return nil
    }

    private func handleConversation(_ key: Key, isLast: Bool, alone: Bool) -> Exit? {
        let width = inputWidth
        switch key {
        case .character("?") where editor.scalars.isEmpty && alone:
            showingHelp = true
        case .character(let scalar):
            notice = editor.insert([scalar]) ? nil : labels.shared.replyTooLong()
        case .enter:
            // A line feed inside a paste is a space; Enter typed alone sends the reply.
            if isLast { submit() } else if !editor.insert([" "]) { notice = labels.shared.replyTooLong() }
        case .backspace: editor.backspace()
        case .delete: editor.delete()
        case .home: editor.home()
        case .end: editor.end()
        case .left: editor.moveVisually(-1, width: width, layout: block.layout)
        case .right: editor.moveVisually(1, width: width, layout: block.layout)
        case .up, .down, .pageUp, .pageDown: scrollTranscript(key)
        case .escape:
            // Esc alone quits; Esc followed at once by another key is Alt+key: ignored.
            if isLast { return .quit }
        case .help: showingHelp = true
        case .resize, .other: break
        }
        return nil
    }

    /// Sends the reply; the score appears only once the session has saved the turn.
    private func submit() {
        guard !editor.isBlank, !savingReply else { return }
        guard acceptsReplies else {
            notice = waitingHint
            return
        }
        if let groupSubmit {
            savingReply = true
            notice = nil
            groupSubmit(editor.text) { [weak self] result in self?.groupReplySaved(result) }
            return
        }
        do {
            let outcome = try session.submit(reply: editor.text)
            append(outcome)
            editor.clear()
            scroll = 0
            notice = nil
            if outcome.ending != nil { phase = .callOver }
        } catch PracticeError.emptyReply {
            return
        } catch PracticeError.replyTooLong {
            notice = labels.shared.replyTooLong()
        } catch {
            // Nothing advanced (e.g. a full disk): keep the reply so it can be sent again.
            showSaveFailure(error)
        }
    }

    /// A reply that could not be saved: the whole message (file, what happened, what to do)
    /// wrapped in the conversation, where nothing is cut off, and a short line by the input.
    private func showSaveFailure(_ error: any Error) {
        let message = DisplaySafeText.clean("\(error)", keepingNewlines: false)
        guard error is ProgressError else {
            showNotice(message)
            notice = message
            return
        }
        showNotice(labels.shared.couldNotSave + " " + message + " " + labels.shared.trySavingAgain)
        notice = labels.shared.couldNotSave + " " + labels.shared.trySavingAgain
    }

    // MARK: Driven by a group session

    /// The group layer saved the reply (show its score) or could not (keep the reply, say why).
    private func groupReplySaved(_ result: Result<TurnOutcome, any Error>) {
        savingReply = false
        switch result {
        case .success(let outcome):
            append(outcome)
            editor.clear()
            scroll = 0
            notice = nil
        case .failure(let error):
            showSaveFailure(error)
        }
    }

    /// Adds a customer line the group moved to, newest at the bottom.
    package func showCustomerLine(_ text: String) {
        transcript.append(.customer(text))
        scroll = 0
    }

    /// Adds a reply of this trainee's that was scored and saved (when rebuilding a screen).
    package func showScored(_ outcome: TurnOutcome) {
        append(outcome)
        scroll = 0
    }

    /// Adds a reply put on every screen for discussion, without its author's name.
    package func showSpotlight(_ outcome: TurnOutcome, title: String) {
        transcript.append(.spotlight(outcome, title: title))
        scroll = 0
    }

    /// Adds the ending the group's call reached.
    package func showEnding(_ ending: Ending, reason: EndReason) {
        transcript.append(.ending(ending, reason))
        scroll = 0
    }

    /// Adds a message from Kashuv or the facilitator.
    package func showNotice(_ text: String) {
        transcript.append(.notice(text))
        scroll = 0
    }

    private func scrollTranscript(_ key: Key) {
        let page = max(1, transcriptHeight - 2)
        switch key {
        case .up: scroll += 1
        case .down: scroll -= 1
        case .pageUp: scroll += page
        case .pageDown: scroll -= page
        default: break
        }
        scroll = max(0, scroll)
    }

    private func scrollDebrief(_ key: Key) {
        let page = max(1, size.rows - 4)
        switch key {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        default: break
        }
        scroll = max(0, scroll)
    }

}
