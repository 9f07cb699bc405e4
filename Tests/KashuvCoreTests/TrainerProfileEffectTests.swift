import Foundation
import Testing
@testable import KashuvCore

@Suite("Trainer profile: weights, pass thresholds and feedback language take effect")
struct TrainerProfileEffectTests {
    static let profile = TrainerProfile(
        feedbackLanguage: .hebrew,
        weights: [.listening: 40, .ownership: 35, .framing: 25],
        passThresholds: [.listening: 1.5, .ownership: 1.2, .framing: 1.0])

    static func levels(_ listening: Int?, _ ownership: Int?, _ framing: Int?) -> RatedLevels {
        let rated = Set([listening.map { _ in Dimension.listening }, ownership.map { _ in .ownership }, framing.map { _ in .framing }]
            .compactMap { $0 })
        return RatedLevels(Levels(listening: listening ?? 0, ownership: ownership ?? 0, framing: framing ?? 0), rated: rated)
    }

    @Test("the overall score is the average level of each dimension, weighted by the profile")
    func weightedOverall() throws {
        // listening 2, 1 → 1.5; ownership 2, 0 → 1; framing 1, 1 → 1.
        let card = Scorecard(turns: [Self.levels(2, 2, 1), Self.levels(1, 0, 1)], profile: Self.profile)
        #expect(card[.listening].average == 1.5)
        #expect(card[.ownership].average == 1.0)
        let overall = try #require(card.overall)
        #expect(abs(overall - (1.5 * 0.40 + 1.0 * 0.35 + 1.0 * 0.25)) < 1e-9)
        // 40/35/25 and 0.4/0.35/0.25 mean the same.
        var fractions = Self.profile
        fractions.weights = [.listening: 0.4, .ownership: 0.35, .framing: 0.25]
        let same = try #require(Scorecard(turns: [Self.levels(2, 2, 1), Self.levels(1, 0, 1)], profile: fractions).overall)
        #expect(abs(same - overall) < 1e-9)
    }

    @Test("each dimension passes when its average reaches the threshold, exactly at the threshold too")
    func passOrFail() {
        let card = Scorecard(turns: [Self.levels(2, 2, 1), Self.levels(1, 0, 1)], profile: Self.profile)
        #expect(card[.listening].passed == true)   // 1.5 ≥ 1.5
        #expect(card[.ownership].passed == false)  // 1.0 < 1.2
        #expect(card[.framing].passed == true)     // 1.0 ≥ 1.0
    }

    @Test("a dimension no turn rated is neither passed nor failed, and the weights are shared among the rated ones")
    func unratedDimension() throws {
        let card = Scorecard(turns: [Self.levels(nil, 2, 1), Self.levels(nil, 1, 2)], profile: Self.profile)
        #expect(card[.listening].average == nil && card[.listening].passed == nil && card[.listening].share == 0)
        #expect(abs(card[.ownership].share - 35.0 / 60.0) < 1e-9)
        #expect(abs(try #require(card.overall) - 1.5) < 1e-9)
        #expect(Scorecard(turns: [], profile: Self.profile).overall == nil)
    }

    @Test("the attempt record keeps the overall score, pass or fail, the averages and the profile used")
    func attemptRecordKeepsScorecard() throws {
        let folder = try PracticeFixtures.temporaryFolder()
        let store = ProgressStore(folder: folder)
        let trainee = try TraineeName("דנה")
        let session = PracticeSession.start(
            scenario: try PracticeFixtures.seniorScenario(), trainee: trainee, store: store, scorer: ScriptedScorer(),
            coaching: Coaching(profile: Self.profile))
        _ = try session.submit(reply: "L2 O1 F1")  // opening → feels-heard
        _ = try session.submit(reply: "L1 O2 F2")  // → booked (rates ownership, framing)
        _ = try session.submit(reply: "L1 O2 F2")  // → thanked
        #expect(session.isOver)

        let lines = try String(contentsOf: store.fileURL(for: trainee), encoding: .utf8).split(separator: "\n")
        let attempt = try #require(lines.last)
        #expect(attempt.contains(#""feedback_language":"he""#))
        #expect(attempt.contains(#""averages":{"framing":1.67,"listening":1.5,"ownership":1.67}"#))
        #expect(attempt.contains(#""passed":{"framing":true,"listening":true,"ownership":true}"#))
        #expect(attempt.contains(#""weights":{"framing":25,"listening":40,"ownership":35}"#))
        #expect(attempt.contains(#""pass_thresholds":{"framing":1,"listening":1.5,"ownership":1.2}"#))
        guard case .attempt(let record)? = try store.read(trainee).records.last else {
            Issue.record("no attempt record")
            return
        }
        // 1.5 × 0.4 + 1.667 × 0.35 + 1.667 × 0.25
        #expect(record.overallScore == 1.6)
        #expect(record.passed?[.ownership] == .some(true))
        #expect(session.debrief.scorecard?.overall.map { ($0 * 100).rounded() / 100 } == 1.6)
    }

    @Test("an attempt line written before these fields existed still reads, with them empty")
    func oldAttemptLineReads() throws {
        let line = #"{"type":"attempt","schema_version":1,"record_id":"D44B1E52-9B2C-4A47-9D0E-4D62E5C8E0AA","trainee":"דנה","scenario_id":"he-waiting-app-senior","attempt_id":"8E1F1E52-9B2C-4A47-9D0E-4D62E5C8E0AA","outcome":"resolved","ending_id":"thanked","end_reason":"branch","turns":3,"final_mood":0,"started_at":"2026-11-23T10:50:02.118Z","ended_at":"2026-11-23T10:51:40.008Z"}"#
        guard case .attempt(let record) = try ProgressRecord.decode(line: Data(line.utf8)) else {
            Issue.record("not an attempt")
            return
        }
        #expect(record.overallScore == nil && record.passed == nil && record.averages == nil && record.feedbackLanguage == nil)
    }

    @Test("feedback follows the profile's language on a scenario in the other language, unless the trainee chose one")
    func feedbackLanguage() throws {
        var english = try PracticeFixtures.seniorScenario()
        english.language = .english
        let store = ProgressStore(folder: try PracticeFixtures.temporaryFolder())
        let trainee = try TraineeName("Dana")
        let scorer = try ReplyScorer.loadDefault()
        let reply = "Go to the website, that's not my department."

        let underProfile = PracticeSession.start(
            scenario: english, trainee: trainee, store: store, scorer: scorer, coaching: Coaching(profile: Self.profile))
        #expect(underProfile.feedbackLanguage == .hebrew)
        let hebrewAdvice = try underProfile.submit(reply: reply).score.advice
        #expect(!hebrewAdvice.isEmpty)
        #expect(hebrewAdvice.first?.hasPrefix("אמרת") == true, "advice in Hebrew: \(hebrewAdvice)")
        #expect(underProfile.debrief.language == .hebrew)
        #expect(underProfile.debrief.practiseNext?.advice.unicodeScalars.contains { (0x05D0...0x05EA).contains($0.value) } == true)

        let chosen = PracticeSession.start(
            scenario: english, trainee: trainee, store: store, scorer: scorer,
            coaching: Coaching(profile: Self.profile, feedbackLanguage: .english))
        #expect(chosen.feedbackLanguage == .english)
        let englishAdvice = try chosen.submit(reply: reply).score.advice
        #expect(englishAdvice.first?.hasPrefix("You said") == true, "advice in English: \(englishAdvice)")

        let noProfile = PracticeSession.start(scenario: english, trainee: trainee, store: store, scorer: scorer)
        #expect(noProfile.feedbackLanguage == .english)
        #expect(noProfile.debrief.scorecard == nil)
    }
}
