/// The trainee's own words to show for one scored reply: each dimension's and each flag's
/// best evidence, overlapping spans merged, no words quoted twice, most important first.
///
/// The scorer reports every span a rule matched, so one sentence can carry several
/// overlapping spans ("אני מבינה", "מבינה כמה", "כמה זה מתסכל") or speak to several
/// dimensions and flags. The progress file keeps them all; a screen shows what
/// ``select(from:reply:)`` picks:
///
/// 1. Only spans about a flag raised or a dimension the turn rates, inside the reply.
/// 2. Spans with the same effect that overlap, or are separated only by spaces, are merged
///    into one quote that covers all of them.
/// 3. What cost the trainee comes first: for each flag (in the score's order), then each rated
///    dimension that lost a level (weakest first), the longest quote that speaks to it.
/// 4. Then what earned a level: for each rated dimension (strongest first), the longest quote
///    that speaks to it and does not overlap a quote already shown under cost.
/// 5. A quote picked for several dimensions or flags is shown once, naming all of them.
public struct QuotedEvidence: Sendable, Hashable {
    /// Whether the words earned (`+`) or cost (`-`).
    public var effect: Evidence.Effect
    /// The reply's words, as typed.
    public var text: String
    /// Offset of the first character in the reply, in Unicode scalars.
    public var start: Int
    /// Offset just past the last character, in Unicode scalars.
    public var end: Int
    /// The flags this quote is shown for, in the score's order.
    public var flags: [Flag]
    /// The dimensions this quote is shown for, most important first.
    public var dimensions: [Dimension]

    /// The quotes to show for a reply: what cost the trainee first, then what earned.
    public static func select(from score: ScoreResult, reply: String) -> [QuotedEvidence] {
        let scalars = Array(reply.unicodeScalars)
        let usable = score.evidence.filter { item in
            guard item.start >= 0, item.end > item.start, item.end <= scalars.count else { return false }
            if let flag = item.flag { return score.flags.contains(flag) }
            return item.dimension.map(score.rated.contains) ?? false
        }
        let costs = merge(usable.filter { $0.effect == .minus }, in: scalars)
        let earned = merge(usable.filter { $0.effect == .plus }, in: scalars)

        var chosen: [QuotedEvidence] = []
        func pick(_ clusters: [Cluster], flag: Flag? = nil, dimension: Dimension? = nil, effect: Evidence.Effect, avoiding: [QuotedEvidence]) {
            let candidates = clusters.filter { cluster in
                cluster.items.contains { $0.flag == flag && $0.dimension == dimension }
                    && !avoiding.contains { $0.start < cluster.end && cluster.start < $0.end }
            }
            // The longest quote, the earlier on a tie.
            guard let best = candidates.max(by: { ($0.end - $0.start, $1.start) < ($1.end - $1.start, $0.start) }) else { return }
            if let index = chosen.firstIndex(where: { $0.effect == effect && $0.start == best.start && $0.end == best.end }) {
                if let flag { chosen[index].flags.append(flag) }
                if let dimension { chosen[index].dimensions.append(dimension) }
                return
            }
            chosen.append(QuotedEvidence(
                effect: effect, text: text(of: best, in: scalars), start: best.start, end: best.end,
                flags: flag.map { [$0] } ?? [], dimensions: dimension.map { [$0] } ?? []))
        }

        // Rated dimensions, weakest first (ties in listening, ownership, framing order).
        let weakestFirst = Dimension.allCases.enumerated()
            .filter { score.rated.contains($0.element) }
            .sorted { (score.levels[$0.element], $0.offset) < (score.levels[$1.element], $1.offset) }
            .map(\.element)
        let strongestFirst = Dimension.allCases.enumerated()
            .filter { score.rated.contains($0.element) }
            .sorted { (-score.levels[$0.element], $0.offset) < (-score.levels[$1.element], $1.offset) }
            .map(\.element)
        for flag in score.flags { pick(costs, flag: flag, effect: .minus, avoiding: []) }
        for dimension in weakestFirst { pick(costs, dimension: dimension, effect: .minus, avoiding: []) }
        let shownCosts = chosen
        for dimension in strongestFirst where score.levels[dimension] > 0 {
            pick(earned, dimension: dimension, effect: .plus, avoiding: shownCosts)
        }
        return chosen
    }

    /// Spans merged where they overlap or only spaces separate them.
    struct Cluster {
        var start: Int
        var end: Int
        var items: [Evidence]
    }

    static func merge(_ items: [Evidence], in scalars: [Unicode.Scalar]) -> [Cluster] {
        var clusters: [Cluster] = []
        for item in items.sorted(by: { ($0.start, $0.end) < ($1.start, $1.end) }) {
            if var last = clusters.last,
               item.start <= last.end || scalars[last.end..<item.start].allSatisfy({ $0 == " " }) {
                last.end = max(last.end, item.end)
                last.items.append(item)
                clusters[clusters.count - 1] = last
            } else {
                clusters.append(Cluster(start: item.start, end: item.end, items: [item]))
            }
        }
        return clusters
    }

    private static func text(of cluster: Cluster, in scalars: [Unicode.Scalar]) -> String {
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[cluster.start..<cluster.end])
        return String(view)
    }
}
