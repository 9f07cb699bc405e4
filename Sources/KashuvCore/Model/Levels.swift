/// The three levels a reply earns, each 0 (missing), 1 (partial) or 2 (strong).
public struct Levels: Codable, Sendable, Hashable {
    /// Active listening, 0–2.
    public var listening: Int
    /// Ownership, 0–2.
    public var ownership: Int
    /// What-we-can-do framing, 0–2.
    public var framing: Int

    /// The valid range of every level.
    public static let range: ClosedRange<Int> = 0...2

    /// Creates levels, clamping each into ``range``.
    public init(listening: Int, ownership: Int, framing: Int) {
        self.listening = Self.range.clamped(listening)
        self.ownership = Self.range.clamped(ownership)
        self.framing = Self.range.clamped(framing)
    }

    /// The level of one dimension.
    public subscript(dimension: Dimension) -> Int {
        get {
            switch dimension {
            case .listening: listening
            case .ownership: ownership
            case .framing: framing
            }
        }
        set {
            let value = Self.range.clamped(newValue)
            switch dimension {
            case .listening: listening = value
            case .ownership: ownership = value
            case .framing: framing = value
            }
        }
    }

    /// The sum of the three levels, 0–6.
    public var total: Int { listening + ownership + framing }
}

extension ClosedRange where Bound == Int {
    /// The value moved into this range.
    func clamped(_ value: Int) -> Int { Swift.min(Swift.max(value, lowerBound), upperBound) }
}
