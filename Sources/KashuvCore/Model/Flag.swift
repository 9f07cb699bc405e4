/// A trap a coach points out in a reply. Most flags cap one dimension (see ``Flag/cap``).
public enum Flag: String, Codable, Sendable, CaseIterable, Hashable, Comparable {
    /// Blames the courier, another department, the system or the customer. Ownership 0.
    case blame
    /// Sends the customer to another channel instead of handling it. Ownership 0.
    case redirect
    /// Hides behind policy or impossibility with no alternative. Framing 0.
    case policyWall = "policy_wall"
    /// Attacks, judges, belittles or talks down. Listening 0.
    case dismissive
    /// Internal terms the customer may not know. No cap; shown as advice.
    case jargon
    /// Recites policy text or repeats an earlier canned reply. Listening at most 1.
    case robotic
    /// Promises what the trainee cannot give. Ownership and framing at most 1.
    case overPromise = "over_promise"

    /// The highest level each capped dimension may keep when this flag is raised.
    public var cap: [Dimension: Int] {
        switch self {
        case .blame, .redirect: [.ownership: 0]
        case .policyWall: [.framing: 0]
        case .dismissive: [.listening: 0]
        case .jargon: [:]
        case .robotic: [.listening: 1]
        case .overPromise: [.ownership: 1, .framing: 1]
        }
    }

    public static func < (lhs: Flag, rhs: Flag) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
