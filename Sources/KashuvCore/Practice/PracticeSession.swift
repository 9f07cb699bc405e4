import Foundation

/// One trainee practising one scenario: the dialogue engine, the scorer and the progress
/// file tied together. The terminal front ends (plain line mode, full screen) drive this.
///
/// ```swift
/// let session = PracticeSession.start(scenario: scenario, trainee: name, store: store, scorer: scorer)
/// while let turn = session.currentTurn {
///     show(turn.says, mood: session.mood)
///     let outcome = try session.submit(reply: readReply())   // saved and fsynced when this returns
///     show(outcome.score, outcome.moodBefore, outcome.moodAfter)
/// }
/// show(session.debrief)
/// ```
///
/// - Saving: ``submit(reply:)`` appends the turn record and `fsync`s it before it returns,
///   so whatever the caller shows afterwards is already on storage. When the call reaches an
///   ending, the attempt record follows. ``abandon()`` records an attempt the trainee leaves.
/// - Resuming: ``resume(scenario:trainee:store:scorer:library:)`` replays the saved turns'
///   levels and flags through the dialogue engine, so the call continues at the same turn
///   with the same mood and the same earlier replies (for the `robotic` check).
/// - Text: scenario and reply text here is raw; pass it through ``DisplaySafeText`` before
///   it reaches a terminal.
///
/// Not thread-safe: use a session from one thread (or serialise access yourself).
public final class PracticeSession {
    /// The scenario being played.
    public let scenario: Scenario
    /// The trainee practising.
    public let trainee: TraineeName
    /// Where the progress records go.
    public let store: ProgressStore
    /// This attempt's id (kept when it is resumed).
    public let attemptID: UUID
    /// When the attempt started.
    public let startedAt: Date
    /// Whether this session continues an attempt saved earlier.
    public let isResumed: Bool
    /// Every scored turn of the attempt, oldest first, including those replayed on resume.
    public private(set) var turns: [TurnOutcome]
    /// The dialogue state (Codable), for front ends that want to inspect it.
    public private(set) var state: DialogueState
    /// Whether ``abandon()`` recorded the attempt as abandoned.
    public private(set) var isAbandoned = false
    /// The trainer profile the attempt is measured against (overall score, pass or fail);
    /// `nil` for none.
    public let profile: TrainerProfile?
    /// The language of advice, labels and the debrief: the trainee's choice, else the
    /// profile's `feedback_language`, else the scenario's language.
    public let feedbackLanguage: Language
    /// The group session this attempt is played in (`kashuv facilitate`), written into every
    /// record as `session`; `nil` when practising alone.
    public let groupSession: String?
    /// How the trainee is addressed (``Coaching/address``).
    public let address: AddressForm

    private let engine: DialogueEngine
    private let scorer: any ReplyScoring
    private let loadLibrary: () -> [Scenario]
    private var library: [Scenario]?
    private var attemptRecorded = false

    private init(
        scenario: Scenario, trainee: TraineeName, store: ProgressStore, scorer: any ReplyScoring,
        library: @escaping () -> [Scenario], attemptID: UUID, startedAt: Date, isResumed: Bool,
        coaching: Coaching, groupSession: String? = nil
    ) {
        self.scenario = scenario
        profile = coaching.profile
        address = coaching.address
        feedbackLanguage = coaching.feedbackLanguage ?? coaching.profile?.feedbackLanguage ?? scenario.language
        self.trainee = trainee
        self.store = store
        self.scorer = scorer
        loadLibrary = library
        self.attemptID = attemptID
        self.startedAt = startedAt
        self.isResumed = isResumed
        self.groupSession = groupSession
        engine = DialogueEngine(scenario: scenario)
        state = engine.start()
        turns = []
    }

    /// Starts a new attempt at the scenario's first line. Nothing is written until the
    /// first reply.
    ///
    /// - Parameters:
    ///   - library: the scenarios the debrief may suggest next (may be empty). It is
    ///     evaluated only when the debrief is first built, so reading a whole library folder
    ///     does not slow the start.
    ///   - coaching: the trainer profile and the trainee's own choices.
    ///   - groupSession: the group session's id when the trainee plays in one; the call then
    ///     goes where the group goes (``follow(_:mood:)``).
    public static func start(
        scenario: Scenario, trainee: TraineeName, store: ProgressStore, scorer: any ReplyScoring,
        library: @autoclosure @escaping () -> [Scenario] = [], coaching: Coaching = Coaching(), groupSession: String? = nil
    ) -> PracticeSession {
        PracticeSession(
            scenario: scenario, trainee: trainee, store: store, scorer: scorer, library: library,
            attemptID: UUID(), startedAt: Date(), isResumed: false, coaching: coaching, groupSession: groupSession)
    }

    /// Continues the trainee's latest attempt at this scenario if it stopped before an
    /// ending (killed, closed, quit, end of input); `nil` when there is none.
    ///
    /// The saved turns are replayed through the engine and checked against the scenario;
    /// if the scenario changed so that they no longer fit, this throws
    /// ``PracticeError/cannotResume(attemptID:reason:)``. If the saved turns had already reached
    /// an ending whose attempt record was never written, the record is written now and the
    /// session comes back with ``isOver`` true, ready for its ``debrief``.
    public static func resume(
        scenario: Scenario, trainee: TraineeName, store: ProgressStore, scorer: any ReplyScoring,
        library: @autoclosure @escaping () -> [Scenario] = [], coaching: Coaching = Coaching()
    ) throws -> PracticeSession? {
        guard let saved = try store.resumableAttempt(for: trainee, scenarioID: scenario.id) else { return nil }
        let session = PracticeSession(
            scenario: scenario, trainee: trainee, store: store, scorer: scorer, library: library,
            attemptID: saved.attemptID, startedAt: saved.startedAt, isResumed: true, coaching: coaching)
        try session.replay(saved.turns)
        if session.state.isOver { try session.recordEnding() }
        return session
    }

    /// In a group session restarted after a crash: the trainee's latest attempt at this
    /// scenario within `groupSession`, rebuilt from their progress records (`records`, their
    /// file's), with its turns replayed and its attempt record, if written, known; `nil` when
    /// they did not answer in this scenario of the session. The rebuilt session goes on
    /// writing to the same attempt.
    public static func rejoin(
        groupSession: String, scenario: Scenario, trainee: TraineeName, records: [ProgressRecord],
        store: ProgressStore, scorer: any ReplyScoring, coaching: Coaching = Coaching()
    ) throws -> PracticeSession? {
        var latest: UUID?
        var turns: [TurnRecord] = []
        for case .turn(let turn) in records where turn.scenarioID == scenario.id && turn.session == groupSession {
            if turn.attemptID != latest { (latest, turns) = (turn.attemptID, []) }
            turns.append(turn)
        }
        guard let attemptID = latest, let first = turns.first else { return nil }
        var seen = Set<Int>()
        turns = turns.sorted { $0.turnNumber < $1.turnNumber }.filter { seen.insert($0.turnNumber).inserted }
        let session = PracticeSession(
            scenario: scenario, trainee: trainee, store: store, scorer: scorer, library: { [] },
            attemptID: attemptID, startedAt: first.attemptStartedAt, isResumed: true, coaching: coaching,
            groupSession: groupSession)
        try session.replay(turns)
        session.attemptRecorded = records.contains { record in
            if case .attempt(let attempt) = record { attempt.attemptID == attemptID && attempt.outcome != .abandoned } else { false }
        }
        return session
    }

    // MARK: - Where the call stands

    /// The brief as this trainee reads it (in their ``address`` form).
    public var brief: String { scenario.brief(address) }

    /// What the customer says in a turn, to this trainee (in their ``address`` form).
    public func line(_ turn: Turn) -> String { turn.says(address) }

    /// An ending's debrief text, to this trainee.
    public func debriefText(_ ending: Ending) -> String { ending.debrief(address) }

    /// The customer's turn waiting for a reply; `nil` once the call is over or abandoned.
    public var currentTurn: Turn? { isAbandoned ? nil : engine.currentTurn(in: state) }

    /// The customer's mood now, 0 (calm) to 10 (furious).
    public var mood: Int { state.mood }

    /// Whether the call reached an ending or was abandoned.
    public var isOver: Bool { state.isOver || isAbandoned }

    /// The ending reached, if any.
    public var ending: Ending? { state.endingID.flatMap(scenario.ending) }

    /// The number the next reply will have (1 for the first).
    public var nextTurnNumber: Int { turns.count + 1 }

    // MARK: - Playing

    /// Scores a reply to ``currentTurn``, saves it, and moves the call on.
    ///
    /// In order: the reply is scored with the turn's context and the earlier replies; the
    /// engine picks the branch; the turn record is appended and `fsync`ed; only then does the
    /// session advance. If saving throws (a full disk), nothing advances and the same turn
    /// can be tried again. When the reply ends the call, the attempt record is written too;
    /// if that one fails, the outcome carries a ``TurnOutcome/warning`` and `--resume` will
    /// write it later.
    ///
    /// - Throws: ``PracticeError/emptyReply``, ``PracticeError/replyTooLong(length:maximum:)``, ``PracticeError/callIsOver``,
    ///   ``PracticeError/dialogue(_:)``, or the ``ProgressError`` from saving.
    public func submit(reply: String) throws -> TurnOutcome {
        let prepared = try prepare(reply: reply)
        try store.append(prepared.record, for: trainee)
        return accept(prepared)
    }

    /// A reply scored and its turn record made, not yet saved: what ``submit(reply:)`` does
    /// before the save, for a front end that saves records itself (a group session saves
    /// many trainees' records at once, then calls ``accept(_:)`` for each).
    public struct PreparedTurn: Sendable {
        /// The turn record to append to the trainee's progress file.
        public let record: ProgressRecord
        /// What the trainee will see once the record is on storage.
        public let outcome: TurnOutcome
        fileprivate let next: DialogueState
    }

    /// Scores a reply to ``currentTurn`` and makes its record, without saving it or moving
    /// the call on. Save ``PreparedTurn/record`` (``ProgressStore/append(_:for:)``), then
    /// call ``accept(_:)``; nothing else may use the session in between.
    ///
    /// - Throws: the errors of ``submit(reply:)`` except those of saving.
    public func prepare(reply: String) throws -> PreparedTurn {
        let reply = reply.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !reply.isEmpty else { throw PracticeError.emptyReply }
        try ReplyLength.check(reply)
        guard let turn = currentTurn else { throw PracticeError.callIsOver }

        var context = ScoringContext(scenario: scenario, turn: turn, earlierReplies: turns.map(\.reply), address: address)
        context.adviceLanguage = feedbackLanguage
        let score = scorer.score(reply, context: context)
        var next = state
        let step: DialogueStep
        do {
            step = try engine.reply(score.assessment, in: &next)
        } catch {
            throw PracticeError.dialogue(error)
        }

        let nextID: String = switch step.next {
        case .turn(let id): id
        case .ended(let ending, _): ending
        }
        let record = TurnRecord(
            trainee: trainee.displayName, scenarioID: scenario.id, attemptID: attemptID,
            attemptStartedAt: startedAt, turnNumber: nextTurnNumber, lineID: turn.id, customerLine: turn.says(address),
            reply: reply, language: scenario.language, score: score,
            moodBefore: step.moodBefore, moodAfter: step.moodAfter, next: nextID, timestamp: Date(), session: groupSession)
        let outcome = try makeOutcome(number: record.turnNumber, turn: turn, reply: reply, score: score, step: step)
        return PreparedTurn(record: .turn(record), outcome: outcome, next: next)
    }

    /// Moves the call on by a prepared reply whose record is now on storage, and returns
    /// what to show. When the reply ends the call (practising alone), the attempt record is
    /// written too; if that fails, the outcome carries a ``TurnOutcome/warning``.
    @discardableResult
    public func accept(_ prepared: PreparedTurn) -> TurnOutcome {
        var outcome = prepared.outcome
        state = prepared.next
        turns.append(outcome)
        // In a group session the call ends when the group's does (``follow(_:mood:)``).
        if state.isOver, groupSession == nil {
            do {
                try recordEnding()
            } catch {
                outcome.warning = "\(error)"
                turns[turns.count - 1] = outcome
            }
        }
        return outcome
    }

    /// In a group session, puts the call where the group's call is: at a customer line with
    /// the group's mood (the next reply is scored against that line, and the trainee's own
    /// replies so far still count for the `robotic` check), or at the ending the group reached,
    /// which writes the attempt record if the trainee answered at least once.
    ///
    /// Each turn record keeps the line answered and the mood before the reply, so `--resume`
    /// replays a group attempt line by line and continues alone where the trainee's own last
    /// reply led.
    public func follow(_ position: DialogueState.Position, mood: Int) throws {
        guard !isAbandoned, !attemptRecorded else { return }
        if case .turn(let id) = position, scenario.turn(id) == nil {
            throw PracticeError.dialogue(.unknownTurn(id))
        }
        state.position = position
        state.mood = mood
        if state.isOver, !turns.isEmpty { try recordEnding() }
    }

    /// Records the attempt as abandoned: the trainee left before an ending. Call it on
    /// quit, end of input, Ctrl-C or a closed terminal. Does nothing if the call is already
    /// over or was abandoned already. The attempt can be continued later with `--resume`.
    public func abandon() throws {
        guard !isOver else { return }
        try store.append(.attempt(attemptRecord(outcome: .abandoned, endingID: nil, reason: nil)), for: trainee)
        isAbandoned = true
    }

    /// The debrief: per-turn table, what went well, what to practise next, the ending and a
    /// suggested next scenario (from the library the session was given).
    public var debrief: Debrief {
        let library = self.library ?? loadLibrary()
        self.library = library
        return Debrief(
            scenario: scenario, turns: turns, state: state, abandoned: isAbandoned, library: library,
            feedbackLanguage: feedbackLanguage, profile: profile, address: address)
    }

    /// The attempt so far against the trainer profile; `nil` without a profile.
    public var scorecard: Scorecard? {
        profile.map { Scorecard(turns: turns.map(\.ratedLevels), profile: $0) }
    }

    // MARK: - Inside

    private func recordEnding() throws {
        guard !attemptRecorded, case .ended(let endingID, let reason) = state.position else { return }
        let outcome = scenario.ending(endingID).map { AttemptOutcome($0.outcome) } ?? .abandoned
        try store.append(.attempt(attemptRecord(outcome: outcome, endingID: endingID, reason: reason)), for: trainee)
        attemptRecorded = true
    }

    /// The attempt record as of now: the turns so far, the mood, and the scorecard.
    private func attemptRecord(outcome: AttemptOutcome, endingID: String?, reason: EndReason?) -> AttemptRecord {
        AttemptRecord(
            trainee: trainee.displayName, scenarioID: scenario.id, attemptID: attemptID, outcome: outcome,
            endingID: endingID, endReason: reason, turns: turns.count, finalMood: state.mood,
            startedAt: startedAt, endedAt: Date(), feedbackLanguage: feedbackLanguage,
            averages: Scorecard.averages(turns.map(\.ratedLevels)), scorecard: scorecard, profile: profile,
            session: groupSession)
    }

    private func makeOutcome(number: Int, turn: Turn, reply: String, score: ScoreResult, step: DialogueStep) throws -> TurnOutcome {
        let next: TurnOutcome.Next
        switch step.next {
        case .turn(let id):
            guard let nextTurn = scenario.turn(id) else { throw PracticeError.dialogue(.unknownTurn(id)) }
            next = .turn(nextTurn)
        case .ended(let id, let reason):
            guard let ending = scenario.ending(id) else { throw PracticeError.dialogue(.unknownTurn(id)) }
            next = .ending(ending, reason: reason)
        }
        return TurnOutcome(
            number: number, turn: turn, reply: reply, score: score,
            moodBefore: step.moodBefore, moodAfter: step.moodAfter, next: next)
    }

    private func replay(_ saved: [TurnRecord]) throws {
        for (index, record) in saved.enumerated() {
            func refuse(_ reason: String) -> PracticeError { .cannotResume(attemptID: attemptID, reason: reason) }
            guard record.turnNumber == index + 1 else { throw refuse("turn \(index + 1) is missing from the progress file") }
            // In a group session the group chose each line: start every reply where it was given.
            if record.session != nil {
                state.position = .turn(record.lineID)
                state.mood = record.moodBefore
            }
            guard let turn = currentTurn else { throw refuse("the saved turns go on after the call ended") }
            guard turn.id == record.lineID else {
                throw refuse("turn \(record.turnNumber) answered '\(record.lineID)' but the scenario now asks '\(turn.id)'")
            }
            let step: DialogueStep
            do {
                step = try engine.reply(record.assessment, in: &state)
            } catch {
                throw refuse("\(error)")
            }
            guard step.moodBefore == record.moodBefore, step.moodAfter == record.moodAfter else {
                throw refuse("turn \(record.turnNumber) moved the mood \(record.moodBefore)→\(record.moodAfter) "
                    + "but the scenario now moves it \(step.moodBefore)→\(step.moodAfter)")
            }
            turns.append(try makeOutcome(number: record.turnNumber, turn: turn, reply: record.reply, score: record.score, step: step))
        }
    }
}
