/// What the dialogue engine needs to know about a reply: its levels and its flags.
///
/// The scorer produces a richer result with evidence and advice; the engine only
/// reads these two, so scenario test plans can script them directly.
public struct Assessment: Codable, Sendable, Hashable {
    /// The three levels the reply earned.
    public var levels: Levels
    /// The flags raised on the reply.
    public var flags: Set<Flag>

    /// Creates an assessment.
    public init(levels: Levels, flags: Set<Flag> = []) {
        self.levels = levels
        self.flags = flags
    }
}
