/// The language a scenario, a reply or a piece of feedback is written in.
///
/// Kashuv is Hebrew-first; every scenario and every line of feedback exists in one of these.
public enum Language: String, Codable, Sendable, CaseIterable, Hashable {
    /// Hebrew (עברית), written right to left.
    case hebrew = "he"
    /// English.
    case english = "en"

    /// Whether text in this language is written right to left.
    public var isRightToLeft: Bool { self == .hebrew }
}
