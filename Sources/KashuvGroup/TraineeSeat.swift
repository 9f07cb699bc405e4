import KashuvCore

/// What a trainee's screen shows in a group session, in order, for the scenario being played:
/// the group's customer lines, the trainee's own scored replies, the spotlights and the ending.
/// A screen is (re)built from this log, so a trainee who reconnects sees the same call.
package enum SeatEvent {
    /// The customer's line of a round.
    case customerLine(String, moodChange: Int)
    /// The trainee's own reply and its score.
    case ownReply(TurnOutcome)
    /// A reply put on every screen without its author.
    case spotlight(TurnOutcome)
    /// The group's call ended.
    case ending(Ending, EndReason)
    /// A message to everyone.
    case notice(String)
    /// The facilitator ended the session.
    case sessionOver
}

/// A trainee in the room: their name, their practice session for the scenario being played,
/// what their screen shows, and whether a connection is attached. Kept when the connection
/// drops, so the same name continues where it was.
package final class TraineeSeat {
    /// The name as the trainee gave it (cleaned).
    package let name: TraineeName
    /// The session for the current scenario (its records carry the group's session id).
    package var session: PracticeSession
    /// What the screen shows for the current scenario.
    package private(set) var log: [SeatEvent] = []
    /// The round this trainee last answered (0 for none).
    package var answeredRound = 0
    /// Whether a connection is attached now.
    package var isConnected = false
    /// The connection showing this seat now, if any (a second login with the same name takes over).
    package weak var connection: TraineeConnection?
    /// Where the time of the trainee's last reply went, until its feedback frame is sent.
    var replyTiming: ReplyTiming?
    /// Bumped whenever the log is replaced (a new scenario), so screens know to start over.
    package private(set) var generation = 0

    init(name: TraineeName, session: PracticeSession, log: [SeatEvent]) {
        self.name = name
        self.session = session
        self.log = log
    }

    func append(_ event: SeatEvent) { log.append(event) }

    func restart(session: PracticeSession, log: [SeatEvent]) {
        self.session = session
        self.log = log
        generation += 1
    }
}
