/// One word or number of a reply, folded for matching, with where it sits in the reply.
public struct Token: Sendable, Hashable {
    /// What a token is made of.
    public enum Kind: Sendable, Hashable {
        /// Hebrew letters (possibly with an inner geresh or gershayim: צ'ט, ש"ח).
        case hebrew
        /// Latin letters (English words inside Hebrew included).
        case latin
        /// Digits, possibly with a decimal point or a time colon (4800, 29.90, 14:00).
        case number
        /// Letters of both scripts or letters and digits run together.
        case mixed
    }

    /// The folded text: lower case, final letters folded, thousands separators removed.
    public var text: String
    /// Offset of the first scalar in the reply as typed.
    public var start: Int
    /// Offset just past the last scalar in the reply as typed.
    public var end: Int
    /// What the token is made of.
    public var kind: Kind
    /// The sentence it belongs to (split at `.`, `!`, `?`, `;` and line breaks).
    public var sentence: Int
    /// The clause it belongs to (sentences split further at "but", "אבל", "אך", "however").
    public var clause: Int
    /// The segment it belongs to (clauses split further at commas, colons and dashes).
    public var segment: Int
}
