import KashuvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The full-screen practice: holds what is on screen and reacts to keys.
///
/// A score is shown only after ``PracticeSession/submit(reply:)`` returned, which means
/// the turn is already on storage.
final class PracticeScreen {
    /// Where the call stands on screen.
    enum Phase {
        /// The customer waits for a reply.
        case conversation
        /// The call ended; the last score is on screen; any key opens the debrief.
        case callOver
        /// The debrief; any key but scrolling exits.
        case debrief
    }

    /// How the screen loop ended.
    enum Exit {
        /// The trainee read the debrief and left.
        case finished
        /// The trainee pressed Esc or Ctrl-C.
        case quit
        /// SIGTERM or SIGHUP.
        case signal(Int32)
    }

    let terminal: Terminal
    let session: PracticeSession
    let labels: ScreenLabels
    let block: TextBlock
    let renderer: TranscriptRenderer
    let debriefScreen: DebriefScreen
    let timing: StartupTiming?

    var transcript: [TranscriptEntry] = []
    var editor = InputEditor()
    var phase = Phase.conversation
    var showingHelp = false
    /// Lines scrolled up from the newest (0 = newest at the bottom).
    var scroll = 0
    var moodChange = 0
    var notice: String?
    private var firstFrameDrawn = false

    init(terminal: Terminal, session: PracticeSession, bidi: BidiMode, timing: StartupTiming?) {
        self.terminal = terminal
        self.session = session
        labels = ScreenLabels(language: session.feedbackLanguage)
        let layout = BidiLayout(mode: bidi, neutralDirection: session.feedbackLanguage.isRightToLeft ? .rightToLeft : .leftToRight)
        block = TextBlock(layout: layout)
        let name = DisplaySafeText.clean(session.scenario.customer.name, keepingNewlines: false)
        renderer = TranscriptRenderer(labels: labels, block: block, customerName: name)
        debriefScreen = DebriefScreen(labels: labels, block: block, scenarioTitle: session.scenario.title)
        self.timing = timing
        rebuildTranscript()
    }

    /// The transcript so far: the brief, every saved turn (on resume), the waiting line.
    private func rebuildTranscript() {
        let scenario = session.scenario
        transcript = [.brief(scenario.brief, canOffer: scenario.canOffer, cannotOffer: scenario.cannotOffer)]
        for outcome in session.turns {
            transcript.append(.customer(outcome.turn.says))
            append(outcome)
        }
        if let turn = session.currentTurn, session.turns.isEmpty {
            transcript.append(.customer(turn.says))
        }
        if session.isOver { phase = .callOver }
    }

    /// Adds a scored reply and what followed it.
    private func append(_ outcome: TurnOutcome) {
        transcript.append(.trainee(outcome.reply, evidence: outcome.score.evidence))
        transcript.append(.score(outcome))
        moodChange = outcome.moodAfter - outcome.moodBefore
        switch outcome.next {
        case .turn(let next): transcript.append(.customer(next.says))
        case .ending(let ending, let reason): transcript.append(.ending(ending, reason))
        }
    }

    /// Runs until the trainee leaves or a signal arrives.
    func run() -> Exit {
        draw()
        while true {
            switch terminal.nextEvent() {
            case .timeout:
                continue
            case .signal(let number):
                return number == SIGINT ? .quit : .signal(number)
            case .key(let key):
                let keys = [key] + terminal.pendingKeys()
                if let exit = handle(keys) { return exit }
                draw()
            }
        }
    }

    /// Handles a batch of keys that arrived together (one key, or a paste).
    private func handle(_ keys: [Key]) -> Exit? {
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
            editor.insert([scalar])
            notice = nil
        case .enter:
            // A line feed inside a paste is a space; Enter typed alone sends the reply.
            if isLast { submit() } else { editor.insert([" "]) }
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
        guard !editor.isBlank else { return }
        do {
            let outcome = try session.submit(reply: editor.text)
            append(outcome)
            editor.clear()
            scroll = 0
            notice = nil
            if outcome.ending != nil { phase = .callOver }
        } catch PracticeError.emptyReply {
            return
        } catch {
            // Nothing advanced (e.g. a full disk): keep the reply so it can be sent again.
            notice = DisplaySafeText.clean("\(error)", keepingNewlines: false)
        }
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
        let page = max(1, terminal.size.rows - 4)
        switch key {
        case .up: scroll -= 1
        case .down: scroll += 1
        case .pageUp: scroll -= page
        case .pageDown: scroll += page
        default: break
        }
        scroll = max(0, scroll)
    }

    /// Records the time from launch to the first frame on screen, when asked to.
    func noteFirstFrame() {
        guard !firstFrameDrawn else { return }
        firstFrameDrawn = true
        timing?.record()
    }
}
