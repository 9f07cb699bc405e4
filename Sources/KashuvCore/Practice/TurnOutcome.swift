import Foundation

/// What one reply did: its score, the mood change, and where the call went.
///
/// Returned by ``PracticeSession/submit(reply:)`` only after the turn is on storage.
public struct TurnOutcome: Sendable, Hashable {
    /// 1 for the first reply of the attempt, 2 for the second, …
    public var number: Int
    /// The customer's turn the reply answered.
    public var turn: Turn
    /// The reply as saved (trimmed of surrounding white space).
    public var reply: String
    /// Levels, flags, evidence and advice.
    public var score: ScoreResult
    /// The customer's mood before the reply, 0–10.
    public var moodBefore: Int
    /// The customer's mood after it, 0–10.
    public var moodAfter: Int
    /// The next customer line, or the ending reached.
    public var next: Next
    /// A problem to show the trainee that did not stop the turn being saved, e.g. that
    /// the end-of-call record could not be written (the turns themselves are saved).
    public var warning: String?

    /// Where the call goes after a reply.
    public enum Next: Sendable, Hashable {
        /// The customer answers with this turn's line.
        case turn(Turn)
        /// The call ended here, for this reason.
        case ending(Ending, reason: EndReason)
    }

    /// The levels of the dimensions the turn rates (`nil` for the others).
    public var ratedLevels: RatedLevels { RatedLevels(score.levels, rated: score.rated) }

    /// The ending reached by this reply, if it ended the call.
    public var ending: Ending? {
        if case .ending(let ending, _) = next { return ending }
        return nil
    }
}
