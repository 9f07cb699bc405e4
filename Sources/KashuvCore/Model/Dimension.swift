/// One of the three things a coach rates in every reply (see the scoring guide).
public enum Dimension: String, Codable, CodingKeyRepresentable, Sendable, CaseIterable, Hashable, Comparable {
    /// Active listening (הקשבה פעילה): reflecting the customer's situation and feeling.
    case listening
    /// Ownership (אחריות): apologising, committing to the next step and closing the loop.
    case ownership
    /// What-we-can-do framing (מה כן אפשר): ending with what can be done.
    case framing

    public static func < (lhs: Dimension, rhs: Dimension) -> Bool {
        allCases.firstIndex(of: lhs)! < allCases.firstIndex(of: rhs)!
    }
}
