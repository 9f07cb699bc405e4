/// How an attempt measures up against a trainer profile: each dimension's average level over
/// the turns that rate it, pass or fail against the profile's `pass_thresholds`, and one
/// overall score weighted by the profile's `weights`.
///
/// ```swift
/// let card = Scorecard(turns: session.turns.map(\.ratedLevels), profile: profile)
/// card.overall            // 1.45 (0–2), weighted by the profile
/// card[.listening].passed // true when the average reached the threshold
/// ```
///
/// A dimension no turn rated has no average and is neither passed nor failed; the overall
/// score is weighted over the dimensions that were rated (`nil` when none was).
public struct Scorecard: Sendable, Hashable {
    /// One dimension's line of the card.
    public struct Entry: Sendable, Hashable {
        /// The dimension.
        public var dimension: Dimension
        /// Its average level (0–2) over the turns that rate it; `nil` when none does.
        public var average: Double?
        /// The average it needs to pass (the profile's `pass_thresholds`).
        public var threshold: Double
        /// Its share of the overall score (the profile's weight, scaled so the rated
        /// dimensions' shares add up to 1); 0 when it was not rated.
        public var share: Double
        /// Whether the average reached the threshold; `nil` when not rated.
        public var passed: Bool? { average.map { $0 >= threshold - 1e-9 } }
    }

    /// One entry per dimension, in ``Dimension`` order.
    public var entries: [Entry]
    /// The weighted average level, 0–2; `nil` when no turn was scored.
    public var overall: Double?

    /// The card for turns' rated levels under a profile.
    public init(turns: [RatedLevels], profile: TrainerProfile) {
        self.init(averages: Self.averages(turns), profile: profile)
    }

    /// The card for averages already worked out (absent: not rated), under a profile.
    public init(averages: [Dimension: Double], profile: TrainerProfile) {
        let rated = Dimension.allCases.filter { averages[$0] != nil }
        let weights = rated.map(profile.weight(of:))
        let total = weights.reduce(0, +)
        var shares: [Dimension: Double] = [:]
        for (dimension, weight) in zip(rated, weights) {
            shares[dimension] = total > 0 ? weight / total : 1 / Double(rated.count)
        }
        entries = Dimension.allCases.map { dimension in
            Entry(
                dimension: dimension, average: averages[dimension], threshold: profile.passThreshold(of: dimension),
                share: shares[dimension] ?? 0)
        }
        overall = rated.isEmpty ? nil : rated.reduce(0) { $0 + (averages[$1] ?? 0) * (shares[$1] ?? 0) }
    }

    /// The entry of one dimension.
    public subscript(dimension: Dimension) -> Entry {
        entries.first { $0.dimension == dimension }!
    }

    /// Each dimension's average level over the turns that rate it (absent when none does).
    public static func averages(_ turns: [RatedLevels]) -> [Dimension: Double] {
        var averages: [Dimension: Double] = [:]
        for dimension in Dimension.allCases {
            let levels = turns.compactMap { $0[dimension] }
            guard !levels.isEmpty else { continue }
            averages[dimension] = Double(levels.reduce(0, +)) / Double(levels.count)
        }
        return averages
    }
}

extension RatedLevels {
    /// The level of one dimension, `nil` when not rated.
    public subscript(dimension: Dimension) -> Int? {
        switch dimension {
        case .listening: listening
        case .ownership: ownership
        case .framing: framing
        }
    }
}
