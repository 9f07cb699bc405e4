import Foundation
import Testing
@testable import KashuvCore

/// A small scenario whose numbers make the engine's rules easy to see. It has no test plan,
/// so `kashuv validate` would refuse it: it is decoded without the checks, as a model value.
private let courierScenario = uncheckedScenario(yaml: """
    id: en-test-courier
    language: en
    category: disappointment
    title: Parcel with no date
    brief: The parcel is late and the courier has no date.
    can_offer: [open a trace with the courier]
    cannot_offer: [a delivery date]
    customer: { name: Noa, background: Orders often., mood: 6 }
    facts: [order 4471, ten days late]
    max_turns: 3
    start: opening
    on_furious: hung-up
    on_max_turns: escalated
    turns:
      - id: opening
        says: Ten days and no parcel. Where is it?
        branches:
          - when: { at_least: { listening: 2 }, no_flags: [dismissive] }
            mood: -2
            next: calmer
          - when: { flags: [dismissive, blame] }
            mood: 3
            next: angrier
          - when: { mood_at_least: 8 }
            mood: 1
            next: angrier
          - mood: 1
            next: calmer
      - id: calmer
        says: Fine. So when will it come?
        rates: [ownership, framing]
        branches:
          - when: { at_least: { ownership: 2, framing: 2 } }
            mood: -3
            next: sorted
          - mood: 0
            next: calmer
      - id: angrier
        says: Are you even listening?
        branches:
          - mood: 2
            next: calmer
    endings:
      - { id: sorted, outcome: resolved, debrief: Good. }
      - { id: escalated, outcome: escalated, debrief: Manager. }
      - { id: hung-up, outcome: left, debrief: Gone. }
    test_plan: []
    """)

/// A scenario decoded from YAML without the validator's checks (for engine unit tests only).
private func uncheckedScenario(yaml: String) -> Scenario {
    guard case .success(let root) = YAMLSource.compose(YAMLSource.Text(path: "test.yaml", text: yaml), limits: ValidationLimits()),
          case .success(let scenario) = ScenarioValidator.decode(Scenario.self, from: root, path: "test.yaml")
    else { fatalError("the test scenario does not decode") }
    return scenario
}

private func reply(_ listening: Int, _ ownership: Int, _ framing: Int, _ flags: Flag...) -> Assessment {
    Assessment(levels: Levels(listening: listening, ownership: ownership, framing: framing), flags: Set(flags))
}

@Suite("The dialogue engine")
struct DialogueEngineTests {
    let engine = DialogueEngine(scenario: courierScenario)

    @Test("starts at the scenario's first turn with the persona's mood")
    func startsAtTheFirstTurn() {
        let state = engine.start()
        #expect(state.currentTurnID == "opening")
        #expect(state.mood == 6)
        #expect(state.repliesGiven == 0)
        #expect(!state.isOver)
    }

    @Test("takes the first branch whose condition holds, in order")
    func firstMatchWins() throws {
        var state = engine.start()
        // Listening 2 but dismissive: the first branch's no_flags fails, the second matches.
        let step = try engine.reply(reply(2, 0, 0, .dismissive), in: &state)
        #expect(step.branchIndex == 1)
        #expect(state.currentTurnID == "angrier")
        #expect(state.mood == 9)
    }

    @Test("falls back to the last branch when nothing else matches")
    func fallsBack() throws {
        var state = engine.start()
        let step = try engine.reply(reply(1, 1, 1), in: &state)
        #expect(step.branchIndex == 3)
        #expect(step.moodBefore == 6)
        #expect(step.moodAfter == 7)
    }

    @Test("reads the mood before the reply in mood conditions")
    func moodConditionsReadTheMoodBefore() throws {
        var state = engine.start()
        state.mood = 8
        let step = try engine.reply(reply(1, 1, 1), in: &state)
        #expect(step.branchIndex == 2)
    }

    @Test("ends the call with on_furious when the mood reaches 10, whatever the branch says")
    func furiousEndsTheCall() throws {
        var state = engine.start()
        try engine.reply(reply(0, 0, 0, .dismissive), in: &state)  // 6 → 9
        try engine.reply(reply(0, 0, 0), in: &state)  // 9 → 11, clamped to 10
        #expect(state.mood == Mood.furious)
        #expect(state.position == .ended(ending: "hung-up", reason: .furious))
    }

    @Test("ends the call with on_max_turns after the last allowed reply")
    func maxTurnsEndsTheCall() throws {
        var state = engine.start()
        try engine.reply(reply(2, 0, 0), in: &state)
        try engine.reply(reply(2, 1, 1), in: &state)
        #expect(state.currentTurnID == "calmer")
        try engine.reply(reply(2, 1, 1), in: &state)
        #expect(state.position == .ended(ending: "escalated", reason: .maxTurns))
    }

    @Test("a branch that leads to an ending ends the call there")
    func branchToAnEnding() throws {
        var state = engine.start()
        try engine.reply(reply(2, 0, 0), in: &state)
        try engine.reply(reply(0, 2, 2), in: &state)
        #expect(state.position == .ended(ending: "sorted", reason: .branch))
        #expect(state.mood == 1)
        #expect(state.history.map(\.turnID) == ["opening", "calmer"])
    }

    @Test("refuses a reply once the call is over")
    func refusesAfterTheEnd() throws {
        var state = engine.start()
        try engine.reply(reply(2, 0, 0), in: &state)
        try engine.reply(reply(0, 2, 2), in: &state)
        #expect(throws: DialogueError.callIsOver) { try engine.reply(reply(2, 2, 2), in: &state) }
    }

    @Test("refuses a state saved from another scenario")
    func refusesAnotherScenariosState() {
        var state = engine.start()
        state.scenarioID = "something-else"
        #expect(throws: DialogueError.wrongScenario(expected: "en-test-courier", found: "something-else")) {
            try engine.reply(reply(2, 2, 2), in: &state)
        }
    }

    @Test("a state saved as JSON and restored continues exactly where it was")
    func saveAndRestore() throws {
        var straight = engine.start()
        var restored = engine.start()
        for assessment in [reply(1, 1, 1), reply(1, 1, 1), reply(1, 2, 2)] {
            try engine.reply(assessment, in: &straight)
            restored = try JSONDecoder().decode(DialogueState.self, from: JSONEncoder().encode(restored))
            try engine.reply(assessment, in: &restored)
        }
        #expect(restored == straight)
        #expect(straight.endingID == "sorted")
    }
}
