/// Plays a scenario: customer line, scored reply, mood change, next line … ending.
///
/// The engine does no I/O and keeps no state of its own: every step takes a
/// ``DialogueState`` and returns the next one, so a call can be saved and resumed anywhere.
///
/// ```swift
/// let engine = DialogueEngine(scenario: scenario)
/// var state = engine.start()
/// let step = try engine.reply(assessment, in: &state)
/// ```
public struct DialogueEngine: Sendable {
    /// The scenario being played.
    public let scenario: Scenario

    /// Creates an engine for a scenario (which should have passed validation).
    public init(scenario: Scenario) {
        self.scenario = scenario
    }

    /// The state at the start of the call: the customer says the first line.
    public func start() -> DialogueState {
        DialogueState(
            scenarioID: scenario.id,
            position: .turn(scenario.start),
            mood: Mood.range.clamped(scenario.customer.mood),
            repliesGiven: 0,
            history: []
        )
    }

    /// The turn waiting for a reply in this state, if the call is not over.
    public func currentTurn(in state: DialogueState) -> Turn? {
        state.currentTurnID.flatMap(scenario.turn)
    }

    /// Takes a scored reply: chooses the branch, moves the mood and goes on to the next
    /// turn or an ending. Returns the step taken, which is also appended to the state's
    /// history, so a caller that only follows the state may ignore it.
    @discardableResult
    public func reply(_ assessment: Assessment, in state: inout DialogueState) throws(DialogueError) -> DialogueStep {
        guard state.scenarioID == scenario.id else {
            throw .wrongScenario(expected: scenario.id, found: state.scenarioID)
        }
        guard let turnID = state.currentTurnID else { throw .callIsOver }
        guard let turn = scenario.turn(turnID) else { throw .unknownTurn(turnID) }
        guard let index = turn.branches.firstIndex(where: { $0.when?.holds(for: assessment, mood: state.mood) ?? true })
        else { throw .noBranchMatched(turnID) }

        let branch = turn.branches[index]
        let moodBefore = state.mood
        let moodAfter = Mood.range.clamped(moodBefore + branch.mood)
        let replies = state.repliesGiven + 1

        let next: DialogueState.Position
        if moodAfter >= Mood.furious {
            next = .ended(ending: scenario.onFurious, reason: .furious)
        } else if scenario.ending(branch.next) != nil {
            next = .ended(ending: branch.next, reason: .branch)
        } else if scenario.turn(branch.next) == nil {
            throw .unknownTurn(branch.next)
        } else if replies >= scenario.maxTurns {
            next = .ended(ending: scenario.onMaxTurns, reason: .maxTurns)
        } else {
            next = .turn(branch.next)
        }

        let step = DialogueStep(
            turnID: turnID, assessment: assessment, branchIndex: index,
            moodBefore: moodBefore, moodAfter: moodAfter, next: next
        )
        state.mood = moodAfter
        state.repliesGiven = replies
        state.position = next
        state.history.append(step)
        return step
    }
}

/// Why the engine could not take a reply.
public enum DialogueError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The state belongs to another scenario.
    case wrongScenario(expected: String, found: String)
    /// The call has already ended.
    case callIsOver
    /// A turn id that the scenario does not have (the scenario did not pass validation).
    case unknownTurn(String)
    /// No branch of the turn matched and there was no fallback (the scenario did not pass validation).
    case noBranchMatched(String)

    public var description: String {
        switch self {
        case .wrongScenario(let expected, let found):
            "the saved call belongs to scenario '\(found)', not '\(expected)'"
        case .callIsOver: "the call has already ended"
        case .unknownTurn(let id): "the scenario has no turn or ending '\(id)'; run 'kashuv validate'"
        case .noBranchMatched(let id): "no branch of turn '\(id)' matched and it has no fallback; run 'kashuv validate'"
        }
    }
}
