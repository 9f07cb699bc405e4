import Foundation
import Testing
@testable import KashuvCore

@Suite("Practice session: engine, scorer and progress together")
struct PracticeSessionTests {
    let scenario: Scenario
    let folder: URL
    let store: ProgressStore
    let trainee: TraineeName
    let scorer = ScriptedScorer()

    init() throws {
        scenario = try PracticeFixtures.seniorScenario()
        folder = try PracticeFixtures.temporaryFolder()
        store = ProgressStore(folder: folder)
        trainee = try TraineeName("נועה")
    }

    func start(library: [Scenario] = []) -> PracticeSession {
        PracticeSession.start(scenario: scenario, trainee: trainee, store: store, scorer: scorer, library: library)
    }

    func records() throws -> [ProgressRecord] { try store.read(trainee).records }

    @Test("a call played to its ending writes one turn record per reply and one attempt record")
    func playsToEnding() throws {
        let session = start()
        #expect(session.currentTurn?.id == "opening")
        #expect(session.mood == 6)

        let first = try session.submit(reply: "  L2 O1 F1 אני מבין שחיכית 35 דקות \n")
        #expect(first.number == 1)
        #expect(first.reply == "L2 O1 F1 אני מבין שחיכית 35 דקות")
        #expect(first.moodBefore == 6 && first.moodAfter == 4)
        #expect(first.next == .turn(try #require(scenario.turn("feels-heard"))))
        #expect(try records().count == 1, "the turn is on disk when submit returns")

        _ = try session.submit(reply: "L1 O2 F2 אני קובעת לך עכשיו")
        let last = try session.submit(reply: "L1 O2 F2 שולחת הודעה")
        #expect(last.ending?.id == "thanked")
        #expect(session.isOver)
        #expect(session.currentTurn == nil)

        let written = try records()
        #expect(written.count == 4)
        guard case .turn(let turn) = written[1], case .attempt(let attempt) = written[3] else {
            Issue.record("expected three turns then an attempt record: \(written)")
            return
        }
        #expect(turn.turnNumber == 2 && turn.lineID == "feels-heard" && turn.customerLine == scenario.turn("feels-heard")?.says(.plural))
        #expect(turn.attemptID == session.attemptID && turn.trainee == "נועה")
        #expect(turn.levels == RatedLevels(Levels(listening: 1, ownership: 2, framing: 2), rated: Set(Dimension.allCases)))
        #expect(attempt.outcome == .resolved && attempt.endingID == "thanked" && attempt.endReason == .branch)
        #expect(attempt.turns == 3 && attempt.finalMood == 0)
        #expect(attempt.attemptID == session.attemptID)
    }

    @Test("a reply in two steps: prepare scores it and saves nothing; accept, after the caller saved it, moves the call on")
    func prepareThenAccept() throws {
        let session = start()
        let prepared = try session.prepare(reply: "L2 O1 F1 אני מבין שחיכית 35 דקות")
        #expect(try records().isEmpty, "prepare writes nothing")
        #expect(session.currentTurn?.id == "opening" && session.turns.isEmpty, "prepare does not move the call")
        guard case .turn(let record) = prepared.record else {
            Issue.record("a prepared reply carries a turn record")
            return
        }
        #expect(record.turnNumber == 1 && record.lineID == "opening" && record.reply == "L2 O1 F1 אני מבין שחיכית 35 דקות")
        try store.append(prepared.record, for: trainee)
        let outcome = session.accept(prepared)
        #expect(outcome == prepared.outcome && outcome.moodAfter == 4)
        #expect(session.currentTurn?.id == "feels-heard" && session.turns.count == 1)
        #expect(try records().count == 1)
    }

    @Test("the scorer gets the turn's context and the earlier replies")
    func scoringContext() throws {
        let session = start()
        _ = try session.submit(reply: "L2 O1 F1 ראשונה")
        _ = try session.submit(reply: "L0 O0 F0 שנייה")
        let contexts = scorer.contexts
        #expect(contexts.count == 2)
        #expect(contexts[0].earlierReplies.isEmpty)
        #expect(contexts[1].earlierReplies == ["L2 O1 F1 ראשונה"])
        #expect(contexts[1].customerLine == scenario.turn("feels-heard")?.says(.plural))
        #expect(contexts[1].facts == scenario.facts && contexts[1].cannotOffer == scenario.cannotOffer)
        #expect(contexts[0].language == .hebrew)
    }

    @Test("a turn that rates two dimensions records the third as not rated")
    func notRated() throws {
        let session = start()
        _ = try session.submit(reply: "L2 O2 F1")  // opening → feels-heard
        _ = try session.submit(reply: "L1 O1 F1 +over_promise")  // → false-hope (rates listening, ownership)
        let outcome = try session.submit(reply: "L1 O1 F2")
        #expect(outcome.turn.id == "false-hope")
        #expect(outcome.score.level(.framing) == nil)
        guard case .turn(let record) = try records()[2] else { Issue.record("expected a turn record"); return }
        #expect(record.levels.framing == nil)
        #expect(record.scoredLevels.framing == 2)
        #expect(record.rated == [.listening, .ownership])
    }

    @Test("an empty reply is refused and nothing is written")
    func emptyReply() throws {
        let session = start()
        #expect(throws: PracticeError.emptyReply) { try session.submit(reply: "  \n ") }
        #expect(try records().isEmpty)
        #expect(session.currentTurn?.id == "opening")
    }

    @Test("when saving fails the call does not move on, and the same turn can be tried again")
    func saveFailureDoesNotAdvance() throws {
        let full = ProgressStore(folder: folder, calls: FailingAppendCalls(failure: .writeError(ENOSPC)))
        let session = PracticeSession.start(scenario: scenario, trainee: trainee, store: full, scorer: scorer)
        #expect(throws: ProgressError.self) { try session.submit(reply: "L2 O1 F1") }
        #expect(session.currentTurn?.id == "opening")
        #expect(session.mood == 6)
        #expect(session.turns.isEmpty)
        #expect(try records().isEmpty)
    }

    @Test("abandoning writes one abandoned attempt record and ends the session")
    func abandon() throws {
        let session = start()
        _ = try session.submit(reply: "L2 O1 F1")
        try session.abandon()
        try session.abandon()
        #expect(session.isOver && session.isAbandoned && session.currentTurn == nil)
        #expect(throws: PracticeError.callIsOver) { try session.submit(reply: "L2 O2 F2") }
        let written = try records()
        #expect(written.count == 2)
        guard case .attempt(let attempt) = written.last else { Issue.record("expected an attempt record"); return }
        #expect(attempt.outcome == .abandoned && attempt.endingID == nil && attempt.turns == 1 && attempt.finalMood == 4)
        #expect(session.debrief.abandoned && session.debrief.ending == nil)
    }

    @Test("abandon after the ending writes nothing more")
    func abandonAfterEnding() throws {
        let session = start()
        _ = try session.submit(reply: "L0 O0 F0 +dismissive")
        _ = try session.submit(reply: "L0 O0 F0 +dismissive")
        #expect(session.ending?.id == "hung-up")
        try session.abandon()
        #expect(try records().count == 3)
        #expect(!session.isAbandoned)
    }

    @Test("resume continues a killed attempt at the same turn, mood and earlier replies")
    func resumeAfterKill() throws {
        let first = start()
        _ = try first.submit(reply: "L2 O1 F1 אחת")
        _ = try first.submit(reply: "L1 O1 F1 +over_promise שתיים")
        // The process dies here: no attempt record.
        let resumed = try #require(try PracticeSession.resume(scenario: scenario, trainee: trainee, store: store, scorer: scorer))
        #expect(resumed.isResumed)
        #expect(resumed.attemptID == first.attemptID)
        #expect(abs(resumed.startedAt.timeIntervalSince(first.startedAt)) < 0.001, "progress files keep milliseconds")
        #expect(resumed.currentTurn?.id == first.currentTurn?.id)
        #expect(resumed.currentTurn?.id == "false-hope")
        #expect(resumed.mood == first.mood)
        #expect(resumed.turns == first.turns)
        #expect(resumed.state == first.state)

        let outcome = try resumed.submit(reply: "L1 O1 F0 שלוש")
        #expect(outcome.number == 3)
        #expect(scorer.contexts.last?.earlierReplies == ["L2 O1 F1 אחת", "L1 O1 F1 +over_promise שתיים"])
        _ = try resumed.submit(reply: "L1 O2 F1 ארבע")
        #expect(resumed.ending?.id == "thanked")
        let attempts = try records().compactMap { if case .attempt(let a) = $0 { a } else { nil } }
        #expect(attempts.map(\.attemptID) == [first.attemptID])
        #expect(attempts.first?.turns == 4)
        #expect(try PracticeSession.resume(scenario: scenario, trainee: trainee, store: store, scorer: scorer) == nil)
    }

    @Test("resume continues an abandoned attempt; with nothing saved there is nothing to resume")
    func resumeAfterAbandon() throws {
        #expect(try PracticeSession.resume(scenario: scenario, trainee: trainee, store: store, scorer: scorer) == nil)
        let first = start()
        _ = try first.submit(reply: "L0 O0 F1 +redirect")
        try first.abandon()
        let resumed = try #require(try PracticeSession.resume(scenario: scenario, trainee: trainee, store: store, scorer: scorer))
        #expect(resumed.currentTurn?.id == "not-again")
        #expect(!resumed.isOver)
        #expect(resumed.mood == 8)
    }

    @Test("resume refuses an attempt that no longer fits an edited scenario")
    func resumeEditedScenario() throws {
        let first = start()
        _ = try first.submit(reply: "L2 O1 F1")
        var edited = scenario
        let index = try #require(edited.turns.firstIndex { $0.id == "opening" })
        edited.turns[index].branches[0].mood = -1
        #expect(throws: PracticeError.self) {
            try PracticeSession.resume(scenario: edited, trainee: trainee, store: store, scorer: scorer)
        }
    }

    @Test("resume of turns that reached an ending writes the missing attempt record")
    func resumeFinishedWithoutRecord() throws {
        let attempt = UUID()
        let engine = DialogueEngine(scenario: scenario)
        var state = engine.start()
        for (number, levels) in [Levels(listening: 0, ownership: 0, framing: 0)].enumerated() {
            let turn = try #require(engine.currentTurn(in: state))
            let score = ScoreResult(language: .hebrew, levels: levels, flags: [.dismissive], evidence: [], advice: [])
            let step = try engine.reply(score.assessment, in: &state)
            try store.append(.turn(TurnRecord(
                trainee: "נועה", scenarioID: scenario.id, attemptID: attempt, attemptStartedAt: Date(), turnNumber: number + 1,
                lineID: turn.id, customerLine: turn.says(.plural), reply: "לא מעניין אותי", language: .hebrew, score: score,
                moodBefore: step.moodBefore, moodAfter: step.moodAfter, next: "not-again", timestamp: Date())), for: trainee)
        }
        // Mood 6 + 3 = 9: one more dismissive reply ends the call furious.
        let session = try #require(try PracticeSession.resume(scenario: scenario, trainee: trainee, store: store, scorer: scorer))
        _ = try session.submit(reply: "L0 O0 F0 +dismissive")
        #expect(session.ending?.id == "hung-up")
        #expect(session.state.position == .ended(ending: "hung-up", reason: .furious))

        // Now pretend the attempt record was lost in a crash: drop the last line and resume again.
        let url = store.fileURL(for: trainee)
        var lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
        lines.removeLast()
        try (lines.joined(separator: "\n") + "\n").write(to: url, atomically: true, encoding: .utf8)
        let again = try #require(try PracticeSession.resume(scenario: scenario, trainee: trainee, store: store, scorer: scorer))
        #expect(again.isOver && again.ending?.id == "hung-up")
        guard case .attempt(let record) = try records().last else { Issue.record("the attempt record was not written"); return }
        #expect(record.outcome == .left && record.endReason == .furious && record.turns == 2)
    }

    @Test("in a group session the call goes where the group goes, every record names the session, and --resume replays it")
    func groupSession() throws {
        let session = PracticeSession.start(scenario: scenario, trainee: trainee, store: store, scorer: scorer, groupSession: "workshop-1")
        let own = try session.submit(reply: "L0 O0 F0 +redirect תיכנס לאפליקציה")
        #expect(own.next == .turn(try #require(scenario.turn("not-again"))), "the trainee's own reply leads elsewhere")
        // The group's majority went to feels-heard with mood 4.
        try session.follow(.turn("feels-heard"), mood: 4)
        #expect(session.currentTurn?.id == "feels-heard" && session.mood == 4)
        let second = try session.submit(reply: "L1 O2 F2 אני קובעת לך עכשיו")
        #expect(second.moodBefore == 4 && second.number == 2)
        let turns = try records().compactMap { record -> TurnRecord? in if case .turn(let turn) = record { turn } else { nil } }
        #expect(turns.map(\.session) == ["workshop-1", "workshop-1"])
        #expect(turns.map(\.lineID) == ["opening", "feels-heard"])

        // Alone later: --resume replays both replies from the group's lines and continues where the last one led.
        let resumed = try #require(try PracticeSession.resume(scenario: scenario, trainee: trainee, store: store, scorer: scorer))
        #expect(resumed.turns.count == 2 && resumed.currentTurn?.id == session.currentTurn?.id && resumed.mood == session.mood)

        // The group's call ends: the attempt record follows, with the session, even though this
        // trainee's own reply did not end the call.
        try session.follow(.ended(ending: "thanked", reason: .branch), mood: 0)
        guard case .attempt(let attempt) = try records().last else {
            Issue.record("expected an attempt record last")
            return
        }
        #expect(attempt.session == "workshop-1" && attempt.endingID == "thanked" && attempt.turns == 2)
    }

    @Test("the debrief names the weakest dimension, quotes what went well and suggests a scenario")
    func debrief() throws {
        var priceScenario = scenario
        priceScenario.id = "he-price-rise"
        priceScenario.category = .price
        priceScenario.title = "מחיר"
        var sameCategory = scenario
        sameCategory.id = "he-waiting-technician"
        var english = scenario
        english.id = "en-price"
        english.language = .english
        english.category = .price
        let session = start(library: [scenario, sameCategory, english, priceScenario])

        _ = try session.submit(reply: "L2 O1 F0 שמעתי שחיכית")
        _ = try session.submit(reply: "L1 O2 F1 אני קובעת")
        let debrief = session.debrief
        #expect(debrief.rows.map(\.number) == [1, 2])
        #expect(debrief.rows.first?.reply == "L2 O1 F0 שמעתי שחיכית")
        #expect(debrief.moodAtStart == 6)
        #expect(debrief.practiseNext?.dimension == .framing)
        #expect(debrief.practiseNext?.average == 0.5)
        #expect(debrief.practiseNext?.advice.contains("אפשר") == true, "advice in the scenario's language")
        #expect(debrief.wentWell.map(\.dimension) == [.listening, .ownership, .framing])
        #expect(debrief.wentWell.first?.text == "L2 O1 F0 שמעתי שחיכית")
        #expect(debrief.wentWell.first?.turnNumber == 1)
        #expect(debrief.wentWell[1].turnNumber == 2)
        #expect(debrief.suggestion == ScenarioSuggestion(scenarioID: "he-price-rise", title: "מחיר", reason: .practise(.framing)))
        #expect(!debrief.abandoned && debrief.ending == nil)
    }

    @Test("the library is read only when the debrief is first built, and only once")
    func libraryIsLazy() throws {
        final class Counter: @unchecked Sendable { var reads = 0 }
        let counter = Counter()
        var other = scenario
        other.id = "he-waiting-other"
        func library() -> [Scenario] {
            counter.reads += 1
            return [other]
        }
        let session = PracticeSession.start(scenario: scenario, trainee: trainee, store: store, scorer: scorer, library: library())
        _ = try session.submit(reply: "L2 O1 F1")
        #expect(counter.reads == 0)
        #expect(session.debrief.suggestion?.scenarioID == "he-waiting-other")
        _ = session.debrief
        #expect(counter.reads == 1)
    }

    @Test("without a scenario for the weakest dimension the suggestion is the same kind of customer")
    func suggestionFallsBack() {
        var sameCategory = scenario
        sameCategory.id = "he-waiting-technician"
        #expect(ScenarioSuggestion.pick(after: scenario, weakest: .ownership, from: [scenario, sameCategory])
            == ScenarioSuggestion(scenarioID: "he-waiting-technician", title: scenario.title, reason: .sameCategory(.waiting)))
        #expect(ScenarioSuggestion.pick(after: scenario, weakest: .ownership, from: [scenario]) == nil)
    }
}

@Suite("Display-safe text")
struct PracticeDisplaySafeTextTests {
    @Test("escape sequences and control characters cannot reach the terminal")
    func stripsControls() {
        let hostile = "שלום\u{1B}[2J\u{1B}]0;title\u{07} עולם\u{9B}31m\u{7F}\u{0}\r"
        let clean = DisplaySafeText.clean(hostile)
        #expect(clean == "שלום[2J]0;title עולם31m")
        #expect(!clean.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
    }

    @Test("Hebrew and newlines stay; every invisible bidi control goes, marks included")
    func keepsText() {
        #expect(DisplaySafeText.clean("שורה 1\nשורה 2") == "שורה 1\nשורה 2")
        #expect(DisplaySafeText.clean("שורה\u{200F} 2\u{200E}\u{061C}") == "שורה 2")
        #expect(DisplaySafeText.clean("a\u{2028}b\u{2029}c") == "a\nb\nc")
        #expect(DisplaySafeText.clean("a\u{2028}b", keepingNewlines: false) == "a b")
        #expect(DisplaySafeText.clean("\u{202A}\u{202B}\u{202C}\u{202D}\u{2067}\u{2068}\u{2069}x") == "x")
        #expect(DisplaySafeText.clean("a\nb", keepingNewlines: false) == "a b")
        #expect(DisplaySafeText.clean("abc\u{202E}def\u{2066}g") == "abcdefg")
        #expect(DisplaySafeText.clean("a\tb") == "a b")
    }
}
