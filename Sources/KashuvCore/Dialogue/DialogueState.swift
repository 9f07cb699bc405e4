/// Where a call stands: a Codable value that can be saved after any step and restored
/// to continue exactly there.
public struct DialogueState: Codable, Sendable, Hashable {
    /// The scenario being played.
    public var scenarioID: String
    /// The turn the customer is on, or the ending reached.
    public var position: Position
    /// The customer's mood now, 0 (calm) to 10 (furious).
    public var mood: Int
    /// How many replies the trainee has given.
    public var repliesGiven: Int
    /// Every step taken so far, oldest first.
    public var history: [DialogueStep]

    /// Where the call is.
    public enum Position: Codable, Sendable, Hashable {
        /// The customer has said the line of this turn and waits for a reply.
        case turn(String)
        /// The call is over.
        case ended(ending: String, reason: EndReason)
    }

    /// Whether the call is over.
    public var isOver: Bool {
        if case .ended = position { return true }
        return false
    }

    /// The id of the turn waiting for a reply, if the call is not over.
    public var currentTurnID: String? {
        if case .turn(let id) = position { return id }
        return nil
    }

    /// The id of the ending reached, if the call is over.
    public var endingID: String? {
        if case .ended(let id, _) = position { return id }
        return nil
    }
}

/// Why a call ended.
public enum EndReason: String, Codable, Sendable, Hashable {
    /// A branch led to an ending.
    case branch
    /// The customer's mood reached furious.
    case furious
    /// The scenario's maximum number of replies was reached.
    case maxTurns = "max_turns"
}

/// One reply and what it did to the call.
public struct DialogueStep: Codable, Sendable, Hashable {
    /// The turn (customer line) the reply answered.
    public var turnID: String
    /// The reply's levels and flags.
    public var assessment: Assessment
    /// The index of the branch taken in that turn.
    public var branchIndex: Int
    /// The mood before the reply.
    public var moodBefore: Int
    /// The mood after the branch moved it.
    public var moodAfter: Int
    /// Where the call went: the next turn, or the ending.
    public var next: DialogueState.Position
}
