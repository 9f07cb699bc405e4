import Foundation
import Testing
@testable import KashuvCore

/// The folder of the package's own scenario library.
let packageRoot = URL(fileURLWithPath: #filePath)
    .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
let scenariosFolder = packageRoot.appendingPathComponent("Scenarios")

@Suite("Every scenario's test plan")
struct ScenarioTestPlanTests {
    static let library = try! ScenarioLibrary(folder: scenariosFolder)

    static var paths: [(String, Int)] {
        library.scenarios.flatMap { scenario in scenario.testPlan.indices.map { (scenario.id, $0) } }
    }

    @Test("every scenario ships a test plan that reaches each of its endings")
    func everyScenarioShipsAPlan() {
        for scenario in Self.library.scenarios {
            #expect(!scenario.testPlan.isEmpty, "\(scenario.id) has no test plan")
            let reached = Set(scenario.testPlan.map(\.ending))
            #expect(reached == Set(scenario.endings.map(\.id)), "\(scenario.id): test plan reaches \(reached.sorted())")
        }
    }

    @Test("plays straight through", arguments: paths)
    func playsStraight(scenarioID: String, pathIndex: Int) throws {
        try play(scenarioID, pathIndex, restoringEveryStep: false)
    }

    @Test("plays with the state saved and restored after every step", arguments: paths)
    func playsWithSaveAndRestore(scenarioID: String, pathIndex: Int) throws {
        try play(scenarioID, pathIndex, restoringEveryStep: true)
    }

    @Test("how the customer reacts on every path: no line twice, a line that answers a trap only right after it, a harmful reply raising the mood by 2 or more", arguments: paths)
    func customerReactsBelievably(scenarioID: String, pathIndex: Int) throws {
        let scenario = try #require(Self.library.scenario(scenarioID))
        let path = scenario.testPlan[pathIndex]
        let engine = DialogueEngine(scenario: scenario)
        var state = engine.start()
        var seen: Set<String> = []
        var raised: Set<Flag> = []
        for (number, step) in path.steps.enumerated() {
            guard let id = state.currentTurnID, let turn = scenario.turn(id) else { break }
            let label = "\(scenarioID) / \(path.name), step \(number + 1)"
            #expect(seen.insert(id).inserted, "\(label): the customer says `\(id)` a second time")
            for form in AddressForm.allCases where turn.says.isPerForm || form == .plural {
                #expect(!path.steps.prefix(number).contains { scenario.turn($0.line)?.says(form) == turn.says(form) && $0.line != id },
                        "\(label): `\(id)` repeats an earlier line word for word")
            }
            if !turn.answers.isEmpty {
                #expect(!raised.isDisjoint(with: turn.answers),
                        "\(label): `\(id)` answers \(turn.answers.map(\.rawValue)), but the reply before it raised \(raised.map(\.rawValue).sorted())")
            }
            let step = try engine.reply(step.reply.assessment, in: &state)
            raised = step.assessment.flags
            if !raised.isDisjoint(with: ScenarioChecks.harmfulFlags) {
                #expect(step.moodAfter - step.moodBefore >= ScenarioChecks.clearMoodRise || step.moodAfter == Mood.furious,
                        "\(label): a reply with \(raised.map(\.rawValue).sorted()) moved the mood only \(step.moodBefore) → \(step.moodAfter)")
            }
        }
    }

    private func play(_ scenarioID: String, _ pathIndex: Int, restoringEveryStep: Bool) throws {
        let scenario = try #require(Self.library.scenario(scenarioID))
        let path = scenario.testPlan[pathIndex]
        let engine = DialogueEngine(scenario: scenario)
        var state = engine.start()
        for (number, step) in path.steps.enumerated() {
            if restoringEveryStep {
                let saved = try JSONEncoder().encode(state)
                state = try JSONDecoder().decode(DialogueState.self, from: saved)
            }
            #expect(
                state.currentTurnID == step.line,
                "\(scenarioID) / \(path.name): before step \(number + 1) expected line '\(step.line)', found \(state.position)"
            )
            guard state.currentTurnID == step.line else { return }
            try engine.reply(step.reply.assessment, in: &state)
        }
        #expect(state.endingID == path.ending, "\(scenarioID) / \(path.name): ended at \(state.position), expected '\(path.ending)'")
    }
}
