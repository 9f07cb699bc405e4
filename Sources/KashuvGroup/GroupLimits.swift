/// The limits a group session enforces, so that one client (or a flood of them) cannot hurt
/// the session or the other trainees.
package struct GroupLimits: Sendable {
    /// Open TCP connections at once, joined or not; more are closed at once.
    package var connections = 400
    /// Connections from one address that have not joined yet.
    package var pendingPerAddress = 100
    /// Trainees in the session (a reconnecting trainee does not count twice).
    package var trainees = 300
    /// Characters in a name; longer names are refused at the prompt.
    package var nameLength = 40
    /// Characters in a reply (the input stops taking characters beyond it).
    package var replyLength = 1_000
    /// Seconds a connection may take to authenticate and open its shell.
    package var joinSeconds: Int64 = 30
    /// Seconds without a key before a trainee is disconnected (they can reconnect).
    package var idleSeconds: Int64 = 2 * 60 * 60
    /// Wrong codes tried on one connection before it is closed.
    package var attemptsPerConnection = 3

    package init() {}
}
