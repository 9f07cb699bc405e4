import Foundation
import KashuvCore
import NIOCore

/// The state of a group session: the plan's scenarios, the group's call, the rounds, the
/// trainees and the spotlight. It does no I/O except through the trainees' practice
/// sessions (progress files), and is used from one thread (the server's event loop): the
/// SSH connections and the facilitator's console call it there and redraw after it changes.
///
/// Rounds go in lockstep: ``next()`` opens the first round, then closes each round by moving
/// the group's call along the branch the majority of replies leads to (or ``next(following:)``
/// a chosen reply's branch), and opens the next one; after an ending it goes to the plan's
/// next scenario.
package final class GroupRoom: @unchecked Sendable {  // used on the event loop only
    /// Where the session stands.
    package enum Phase: String, Equatable {
        /// Trainees join; no round yet.
        case lobby
        /// A round is open: trainees answer the customer's line.
        case roundOpen
        /// The scenario's call ended; the next step starts the next scenario.
        case scenarioOver
        /// Every scenario was played (or the facilitator ended the session).
        case finished
    }

    /// The session's id, written into every progress record as `session`.
    package let sessionID: String
    /// The plan's title.
    package let title: String
    /// The scenarios, in order.
    package let scenarios: [Scenario]
    /// The limits in force.
    package let limits: GroupLimits
    let store: ProgressStore
    let scorer: any ReplyScoring
    let coaching: Coaching

    /// Index of the scenario being played.
    package private(set) var scenarioIndex = 0
    /// The group's call.
    package private(set) var state: DialogueState
    private var engine: DialogueEngine
    package private(set) var phase = Phase.lobby
    /// Every round so far, oldest first.
    package private(set) var rounds: [RoundTally] = []
    /// Trainees by file stem (one seat per name, kept across reconnects).
    package private(set) var seats: [String: TraineeSeat] = [:]
    /// Seats in the order trainees joined.
    package private(set) var joinOrder: [String] = []
    /// The public part of the current scenario's screen (customer lines, spotlights, ending)
    /// that a trainee who joins late starts from.
    private var publicLog: [SeatEvent] = []
    /// Problems saving a trainee's records (full disk…), for the console.
    package private(set) var warnings: [String] = []
    /// When the session started.
    package let startedAt: Date
    /// What every screen showed in the current scenario, as kept in the room file.
    private var savedEvents: [RoomSnapshot.Event] = []
    /// Where the room's position is kept (``RoomFile``); `nil`: nowhere (tests).
    package var roomFile: RoomFile?
    /// The plan's file name or the scenario id, and the port, for the room file.
    package var name = "", port = 0
    /// How long the server took per reply, in milliseconds: from the reply's bytes arriving to
    /// the feedback frame sent (scoring, saving with fsync, drawing), and its parts. For the summary.
    package private(set) var replyHandling = ReplyHandling()

    /// Notes that a trainee's feedback frame was handed to their connection: the reply's
    /// handling is complete.
    package func noteFrameSent(for seat: TraineeSeat) {
        guard let timing = seat.replyTiming else { return }
        seat.replyTiming = nil
        replyHandling.add(timing, frameSent: .now())
    }
    /// Called after every change (redraw the console and the trainees' screens).
    package var onChange: ((_ publicChange: Bool) -> Void)?

    package init(sessionID: String, title: String, scenarios: [Scenario], store: ProgressStore, scorer: any ReplyScoring,
                 coaching: Coaching = Coaching(), limits: GroupLimits, startedAt: Date = Date()) throws(GroupError) {
        guard let first = scenarios.first else { throw .nothingToPlay("the plan names no scenario that is in the library") }
        self.sessionID = sessionID
        self.startedAt = startedAt
        self.title = title
        self.scenarios = scenarios
        self.store = store
        self.scorer = scorer
        self.coaching = coaching
        self.limits = limits
        engine = DialogueEngine(scenario: first)
        state = engine.start()
    }

    /// The room of a session that was interrupted (a crash, `kill -9`, a power cut), at the
    /// position its room file kept: the same session id, scenario, rounds, spotlights and
    /// trainees. Each round's replies are read back from the trainees' progress files (a turn
    /// is saved before its feedback is shown, so every reply a trainee saw scored is there);
    /// each trainee's attempt continues where it was, and who already answered the open round
    /// cannot answer it twice. Trainees are seated as disconnected until they connect again.
    package convenience init(restoring saved: RoomSnapshot, scenarios: [Scenario], store: ProgressStore, scorer: any ReplyScoring,
                             coaching: Coaching = Coaching(), limits: GroupLimits) throws(GroupError) {
        try self.init(sessionID: saved.session, title: saved.title, scenarios: scenarios, store: store, scorer: scorer,
                      coaching: coaching, limits: limits, startedAt: saved.startedAt)
        name = saved.name
        port = saved.port
        try restore(saved)
    }

    private func restore(_ saved: RoomSnapshot) throws(GroupError) {
        func unusable(_ reason: String) -> GroupError { .nothingToPlay("the saved position does not fit the plan: \(reason)") }
        guard scenarios.indices.contains(saved.scenarioIndex), let phase = Phase(rawValue: saved.phase) else {
            throw unusable("scenario \(saved.scenarioIndex + 1), phase \(saved.phase)")
        }
        scenarioIndex = saved.scenarioIndex
        engine = DialogueEngine(scenario: scenario)
        state = saved.state
        self.phase = phase
        for round in saved.rounds {
            guard let turn = scenarios.first(where: { $0.id == round.scenarioID })?.turn(round.lineID) else {
                throw unusable("round \(round.number) answered \(round.scenarioID)/\(round.lineID)")
            }
            var tally = RoundTally(number: round.number, scenarioID: round.scenarioID, turn: turn, openedAt: round.openedAt)
            tally.advanced = round.next.map { ($0, round.rule ?? "majority") }
            rounds.append(tally)
        }

        // Every trainee's replies of this session, from their file, into their rounds.
        var answers: [(round: Int, at: Date, answer: RoundTally.Answer)] = []
        var ownReplies: [String: [Int: TurnOutcome]] = [:]
        var sessions: [String: PracticeSession] = [:]
        for displayName in saved.trainees {
            guard let trainee = try? TraineeName(displayName), sessions[trainee.fileStem] == nil, !joinOrder.contains(trainee.fileStem) else { continue }
            joinOrder.append(trainee.fileStem)
            let records: [ProgressRecord]
            do {
                records = try store.read(trainee).records
            } catch {
                warnings.append("\(displayName): \(error)")
                continue
            }
            for played in scenarios where rounds.contains(where: { $0.scenarioID == played.id }) {
                let rejoined: PracticeSession?
                do {
                    rejoined = try PracticeSession.rejoin(groupSession: sessionID, scenario: played, trainee: trainee, records: records,
                                                          store: store, scorer: scorer, coaching: coaching)
                } catch {
                    warnings.append("\(displayName): \(error)")
                    continue
                }
                guard let rejoined else { continue }
                if played.id == scenario.id { sessions[trainee.fileStem] = rejoined }
                var seen = Set<Int>()
                let turnRecords = records.compactMap { record -> TurnRecord? in
                    if case .turn(let turn) = record, turn.attemptID == rejoined.attemptID { turn } else { nil }
                }.sorted { $0.turnNumber < $1.turnNumber }.filter { seen.insert($0.turnNumber).inserted }
                for (outcome, record) in zip(rejoined.turns, turnRecords) {
                    let candidates = rounds.filter { $0.scenarioID == played.id && $0.turn.id == record.lineID }
                    // The last round of that line opened before the reply (timestamps are kept to the millisecond).
                    guard let round = candidates.last(where: { $0.openedAt <= record.timestamp.addingTimeInterval(0.001) }) ?? candidates.last
                    else { continue }
                    answers.append((round.number, record.timestamp, RoundTally.Answer(trainee: trainee.displayName, outcome: outcome)))
                    if played.id == scenario.id { ownReplies[trainee.fileStem, default: [:]][round.number] = outcome }
                }
            }
        }
        for (number, _, answer) in answers.sorted(by: { $0.at < $1.at }) {
            if let index = rounds.firstIndex(where: { $0.number == number }) { rounds[index].add(answer) }
        }

        // The screens: the public events, each trainee's own reply after its round's line.
        savedEvents = saved.events
        publicLog = saved.events.compactMap(seatEvent)
        let order = joinOrder
        joinOrder = []
        for displayName in saved.trainees {
            guard let trainee = try? TraineeName(displayName), order.contains(trainee.fileStem), seats[trainee.fileStem] == nil else { continue }
            let own = ownReplies[trainee.fileStem] ?? [:]
            var log: [SeatEvent] = []
            for event in saved.events {
                guard let shown = seatEvent(event) else { continue }
                log.append(shown)
                if case .line(let round, _) = event, let reply = own[round] { log.append(.ownReply(reply)) }
            }
            let seat = TraineeSeat(name: trainee, session: sessions[trainee.fileStem] ?? newSession(for: trainee), log: log)
            seat.answeredRound = own.keys.max() ?? 0
            seats[trainee.fileStem] = seat
            joinOrder.append(trainee.fileStem)
        }
    }

    /// A saved event as the screens show it.
    private func seatEvent(_ event: RoomSnapshot.Event) -> SeatEvent? {
        switch event {
        case .line(let number, let change):
            return rounds.first { $0.number == number }.map { .customerLine($0.turn.says(.plural), moodChange: change) }
        case .spotlight(let number, let trainee):
            guard var shown = rounds.first(where: { $0.number == number })?.answers.first(where: { $0.trainee == trainee })?.outcome else { return nil }
            shown.warning = nil
            return .spotlight(shown)
        case .ending(let id, let reason):
            return scenario.ending(id).map { .ending($0, reason) }
        case .sessionOver:
            return .sessionOver
        }
    }

    /// The scenario being played.
    package var scenario: Scenario { scenarios[scenarioIndex] }

    /// The round open or last played, if any, in the current scenario.
    package var currentRound: RoundTally? {
        guard let last = rounds.last, last.scenarioID == scenario.id else { return nil }
        return last
    }

    /// The number of the round open now (0 when none is).
    package var openRound: Int { phase == .roundOpen ? rounds.count : 0 }

    // MARK: Trainees

    /// Seats a trainee, or gives back their seat when the name is already in the room.
    /// Returns `nil` when the room is full.
    package func seat(_ name: TraineeName) -> TraineeSeat? {
        if let seat = seats[name.fileStem] { return seat }
        guard seats.count < limits.trainees else { return nil }
        let seat = TraineeSeat(name: name, session: newSession(for: name), log: publicLog)
        seats[name.fileStem] = seat
        joinOrder.append(name.fileStem)
        savePosition()
        onChange?(false)
        return seat
    }

    /// A trainee's connection came or went.
    package func setConnected(_ seat: TraineeSeat, _ connected: Bool) {
        seat.isConnected = connected
        onChange?(false)
    }

    private func newSession(for name: TraineeName) -> PracticeSession {
        PracticeSession.start(scenario: scenario, trainee: name, store: store, scorer: scorer, coaching: coaching, groupSession: sessionID)
    }

    /// Scores and saves replies off the room's thread (``ReplyPipeline``); `nil` does both at
    /// once on the caller's thread (tests).
    package var pipeline: ReplyPipeline?
    /// Replies being scored and saved now; the round does not close under them.
    package private(set) var repliesInFlight = 0

    /// Scores and saves a trainee's reply to the open round, then calls back (on the room's
    /// thread) with the outcome. The turn is on storage before the callback; the trainee then
    /// sees their own feedback, and the facilitator the tally.
    ///
    /// - Parameter received: when the reply's bytes arrived (for the timing breakdown).
    package func answer(_ reply: String, from seat: TraineeSeat, received: NIODeadline = .now(),
                        completion: @escaping (Result<TurnOutcome, any Error>) -> Void) {
        guard phase == .roundOpen, let round = currentRound else { return completion(.failure(GroupError.roundClosed)) }
        guard seat.answeredRound != round.number else { return completion(.failure(GroupError.alreadyAnswered)) }
        guard reply.count <= limits.replyLength else { return completion(.failure(GroupError.replyTooLong(limit: limits.replyLength))) }
        do {
            try seat.session.follow(state.position, mood: state.mood)
        } catch {
            return completion(.failure(error))
        }
        let previous = seat.answeredRound
        seat.answeredRound = round.number
        repliesInFlight += 1
        // The seat's session is used by this work alone until the callback: the room does not
        // advance while a reply is in flight, and nothing else writes to the session.
        let session = UncheckedSendable(seat.session)
        let store = self.store, trainee = seat.name
        let score: @Sendable () throws -> PracticeSession.PreparedTurn = { try session.value.prepare(reply: reply) }
        let save: @Sendable (PracticeSession.PreparedTurn) throws -> Void = { try store.append($0.record, for: trainee) }
        let finish: (Result<PracticeSession.PreparedTurn, any Error>, ReplyTiming?) -> Void = { [self] result, timing in
            repliesInFlight -= 1
            switch result {
            case .success(let prepared):
                let outcome = seat.session.accept(prepared)
                seat.append(.ownReply(outcome))
                if let index = rounds.lastIndex(where: { $0.number == round.number }) {
                    rounds[index].add(.init(trainee: seat.name.displayName, outcome: outcome))
                }
                seat.replyTiming = timing
                onChange?(false)
                completion(.success(outcome))
            case .failure(let error):
                seat.answeredRound = previous
                completion(.failure(error))
            }
        }
        if let pipeline {
            pipeline.handle(score: score, save: save, received: received) { finish($0, $1) }
        } else {
            finish(Result { let prepared = try score(); try save(prepared); return prepared }, nil)
        }
    }

    /// Scores and saves a reply at once (without ``pipeline``); for tests.
    package func answer(_ reply: String, from seat: TraineeSeat) throws -> TurnOutcome {
        var outcome: Result<TurnOutcome, any Error>?
        answer(reply, from: seat) { outcome = $0 }
        return try outcome!.get()
    }

    // MARK: The facilitator's steps

    /// The facilitator's "next": opens the first round; closes an open round along the
    /// majority's branch and opens the next; or goes on to the plan's next scenario.
    /// Returns a reason when it cannot (no reply yet), for the console.
    @discardableResult
    package func next() -> String? {
        switch phase {
        case .lobby:
            openRoundAtCurrentTurn()
        case .roundOpen:
            guard repliesInFlight == 0 else { return "replies are being saved: press again" }
            guard let answer = currentRound?.majorityAnswer else { return "no reply yet: wait for at least one" }
            advance(following: answer, rule: "majority")
        case .scenarioOver:
            guard scenarioIndex + 1 < scenarios.count else {
                finish()
                return nil
            }
            scenarioIndex += 1
            engine = DialogueEngine(scenario: scenario)
            state = engine.start()
            publicLog = []
            savedEvents = []
            for seat in seats.values {
                seat.restart(session: newSession(for: seat.name), log: [])
                seat.answeredRound = 0
            }
            openRoundAtCurrentTurn()
        case .finished:
            return "the session is over"
        }
        return nil
    }

    /// Closes the open round along the branch a chosen reply leads to.
    @discardableResult
    package func next(following answer: RoundTally.Answer) -> String? {
        guard phase == .roundOpen else { return "no round is open" }
        guard repliesInFlight == 0 else { return "replies are being saved: press again" }
        advance(following: answer, rule: "chosen")
        return nil
    }

    /// Puts a reply of the open or last round on every trainee's screen, without its author.
    package func spotlight(_ answer: RoundTally.Answer) {
        var shown = answer.outcome
        shown.warning = nil
        broadcast(.spotlight(shown), saved: .spotlight(round: currentRound?.number ?? rounds.count, trainee: answer.trainee))
    }

    /// Ends the session: the open scenario's attempts stay resumable (`--resume`), the
    /// trainees are told, and nothing more is accepted.
    package func finish() {
        guard phase != .finished else { return }
        phase = .finished
        broadcast(.sessionOver, saved: .sessionOver)
    }

    private func openRoundAtCurrentTurn() {
        guard let turn = engine.currentTurn(in: state) else { return }
        rounds.append(RoundTally(number: rounds.count + 1, scenarioID: scenario.id, turn: turn))
        phase = .roundOpen
        warmUpScorer(for: turn)
        let change = state.history.last.map { $0.moodAfter - $0.moodBefore } ?? 0
        // A group shares one call: the customer speaks to everyone, in the plural.
        broadcast(.customerLine(turn.says(.plural), moodChange: change), saved: .line(round: rounds.count, moodChange: change))
    }

    /// Scores a sample reply to the round's line on a scoring thread while the trainees read
    /// it, so that the first real reply does not pay for the scorer's lazily built tables and
    /// for reading this customer line (measured: the first replies of a session waited up to
    /// 86 ms for them, and the replies queued behind them too).
    private func warmUpScorer(for turn: Turn) {
        guard let pipeline else { return }
        var context = ScoringContext(scenario: scenario, turn: turn, address: coaching.address)
        context.adviceLanguage = coaching.feedbackLanguage ?? coaching.profile?.feedbackLanguage ?? scenario.language
        let sample = scenario.language == .hebrew ? "אני מבינה, אני בודקת את זה עכשיו" : "I understand, I am checking it now"
        let scorer = self.scorer, prepared = context
        pipeline.warmUp { _ = scorer.score(sample, context: prepared) }
    }

    private func advance(following answer: RoundTally.Answer, rule: String) {
        let assessment = Assessment(levels: answer.outcome.score.levels, flags: Set(answer.outcome.score.flags))
        let step: DialogueStep
        do {
            step = try engine.reply(assessment, in: &state)
        } catch {
            warnings.append("round \(rounds.count): \(error)")
            onChange?(false)
            return
        }
        let destination: String = switch step.next {
        case .turn(let id): id
        case .ended(let id, _): "end:" + id
        }
        rounds[rounds.count - 1].advanced = (destination, rule)
        switch state.position {
        case .turn:
            openRoundAtCurrentTurn()
        case .ended(let endingID, let reason):
            phase = .scenarioOver
            for seat in seats.values {
                do {
                    try seat.session.follow(state.position, mood: state.mood)
                } catch {
                    warnings.append("\(seat.name.displayName): \(error)")
                }
            }
            if let ending = scenario.ending(endingID) {
                broadcast(.ending(ending, reason), saved: .ending(id: endingID, reason: reason))
            } else {
                savePosition()
            }
        }
    }

    private func broadcast(_ event: SeatEvent, saved: RoomSnapshot.Event) {
        publicLog.append(event)
        savedEvents.append(saved)
        savePosition()
        for seat in seats.values { seat.append(event) }
        onChange?(true)
    }

    // MARK: The room file

    /// The room's position as kept in the room file.
    package var snapshot: RoomSnapshot {
        RoomSnapshot(
            session: sessionID, title: title, name: name, scenarioIDs: scenarios.map(\.id), port: port, startedAt: startedAt,
            scenarioIndex: scenarioIndex, phase: phase.rawValue, state: state,
            rounds: rounds.map { round in
                RoomSnapshot.Round(number: round.number, scenarioID: round.scenarioID, lineID: round.turn.id, openedAt: round.openedAt,
                                   next: round.advanced?.next, rule: round.advanced?.rule)
            },
            events: savedEvents, trainees: joinOrder.compactMap { seats[$0]?.name.displayName })
    }

    /// Saves the room's position (``RoomFile``): on the pipeline's I/O threads, before any
    /// reply given after this change is saved; at once without a pipeline.
    package func savePosition() {
        guard let roomFile else { return }
        let snapshot = self.snapshot
        guard let pipeline else {
            do { try roomFile.write(snapshot) } catch { warnings.append("\(error)") }
            return
        }
        pipeline.savePosition({ try roomFile.write(snapshot) }) { [self] error in
            warnings.append("\(error)")
            onChange?(false)
        }
    }
}

/// A value handed to another thread under an invariant the compiler cannot check (here: one
/// trainee's practice session, used by one piece of work at a time).
struct UncheckedSendable<Value>: @unchecked Sendable {
    let value: Value
    init(_ value: Value) { self.value = value }
}
