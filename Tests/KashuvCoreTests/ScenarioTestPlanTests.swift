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
