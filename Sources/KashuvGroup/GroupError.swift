import Foundation

/// What can go wrong in a group session, with a message that says what to do.
public enum GroupError: Error, CustomStringConvertible, Equatable {
    /// `--code` is not 4–64 printable characters.
    case badCode
    /// The host key file exists but cannot be used.
    case hostKey(path: String, reason: String)
    /// The address or port cannot be listened on.
    case cannotListen(host: String, port: Int, reason: String)
    /// No plan or scenario to play.
    case nothingToPlay(String)
    /// A reply came when no round is open.
    case roundClosed
    /// The trainee already answered this round.
    case alreadyAnswered
    /// The reply is longer than the limit.
    case replyTooLong(limit: Int)
    /// A channel other than an interactive session (port forwarding) was asked for.
    case channelRefused
    /// The saved position of an interrupted session cannot be read.
    case roomFileUnreadable(path: String, reason: String)
    /// The progress folder holds another session that was interrupted.
    case otherSessionInProgress(path: String, session: String, name: String)

    public var description: String {
        switch self {
        case .badCode:
            "--code: use 4 to 64 letters, digits or punctuation, without spaces (or leave it out for 6 random digits)"
        case .hostKey(let path, let reason):
            "host key \(path): \(reason)"
        case .cannotListen(let host, let port, let reason):
            "cannot listen on \(host):\(port): \(reason) (choose another --port, or stop what uses it)"
        case .nothingToPlay(let reason):
            reason
        case .roundClosed:
            "no round is open: wait for the facilitator"
        case .alreadyAnswered:
            "you already answered this round"
        case .replyTooLong(let limit):
            "the reply is longer than \(limit) characters: shorten it"
        case .channelRefused:
            "only an interactive session is offered"
        case .roomFileUnreadable(let path, let reason):
            "\(path): the saved position of an interrupted group session cannot be read (\(reason)); "
                + "move the file away to start a new session (every trainee's turns are in their own file)"
        case .otherSessionInProgress(let path, let session, let name):
            "\(path): the group session \(session) (\(name)) was interrupted and can be continued: start "
                + "`kashuv facilitate` with the same plan or scenario (\(name)) and this --progress folder, "
                + "or move the file away to start a different session here"
        }
    }
}
