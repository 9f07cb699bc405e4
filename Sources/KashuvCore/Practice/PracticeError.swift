import Foundation

/// Why a practice session could not take a reply or continue an attempt.
public enum PracticeError: Error, Sendable, Hashable, CustomStringConvertible {
    /// The reply was empty or only white space.
    case emptyReply
    /// The reply is longer than ``ReplyLength/maximum``; nothing was scored or saved.
    case replyTooLong(length: Int, maximum: Int)
    /// The call has already ended or was abandoned.
    case callIsOver
    /// The saved attempt no longer fits the scenario (the scenario file was edited since).
    case cannotResume(attemptID: UUID, reason: String)
    /// The dialogue engine refused the reply (a scenario that did not pass validation).
    case dialogue(DialogueError)

    public var description: String {
        switch self {
        case .emptyReply: "the reply is empty"
        case .replyTooLong(let length, let maximum):
            "the reply is \(length) characters long; at most \(maximum) are taken: shorten it to a few sentences and send it again"
        case .callIsOver: "the call is over; start a new attempt"
        case .cannotResume(let id, let reason):
            "cannot continue attempt \(id.uuidString.lowercased()): \(reason); start a new attempt instead"
        case .dialogue(let error): "\(error)"
        }
    }
}
