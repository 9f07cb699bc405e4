/// The longest reply Kashuv takes, the same on every input path: practice (full screen and
/// plain lines), `kashuv score --reply`, each line of `kashuv score --input`, and the group
/// server. A reply in a call is a few sentences; a longer one is refused with a message
/// (``PracticeError/replyTooLong(length:maximum:)``) before it is scored or saved, so a
/// pasted file can neither stall the scorer nor fill a trainee's progress file.
public enum ReplyLength {
    /// At most this many characters (Unicode scalars, the unit of evidence offsets).
    public static let maximum = 2_000

    /// The reply's length in the unit of ``maximum``.
    public static func of(_ reply: String) -> Int { reply.unicodeScalars.count }

    /// Throws ``PracticeError/replyTooLong(length:maximum:)`` when the reply is longer than ``maximum``.
    public static func check(_ reply: String) throws(PracticeError) {
        let length = of(reply)
        if length > maximum { throw .replyTooLong(length: length, maximum: maximum) }
    }
}
