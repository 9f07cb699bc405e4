/// What-we-can-do framing, per the scoring guide (section 3 and clarification 5).
///
/// Level 2 needs a concrete fix or option that is not cancelled by a limitation stated after
/// it; a limitation is fine when what can be done follows it ("I can't refund it, but what I
/// can do is…"). A reply that ends on a limitation with nothing after it is level 0 and raises
/// `policy_wall`. Everything else — vague offers, weak alternatives, neither refusing nor
/// offering — is level 1.
struct FramingRule {
    static let weakKinds: Set<CueKind> = [
        .weakAlternative, .paidOption, .vagueOffer, .tentative, .commitment, .impersonal, .callback, .redirect,
        .promise, .offerLead, .fix, .warmTransfer,
    ]

    struct Outcome {
        var level: Int
        var evidence: [Evidence]
        var wall: Bool
    }

    static let conditionWords: Set<String> = ["if", "unless", "אמ", "ואמ", "במידה", "ובמידה"]

    /// Whether a match sits in a segment opened by "if" / "אם" before it.
    static func isConditional(_ match: CueMatch, in f: ReplyFeatures) -> Bool {
        let segment = f.tokens[match.first].segment
        var index = match.first - 1
        while index >= 0 && f.tokens[index].segment == segment {
            if conditionWords.contains(f.tokens[index].text) { return true }
            index -= 1
        }
        return false
    }

    static func judge(_ f: ReplyFeatures) -> Outcome {
        var evidence: [Evidence] = []
        // A fix counts as concrete unless it is only something the customer must go and do or buy.
        var redirectSentences = Set(f.active(.redirect).map { f.sentence(of: $0) })
        for (action, _) in FlagRules.redirectPairs(f) { redirectSentences.insert(f.sentence(of: action)) }
        // An option the customer must pay extra for ("repair it for $180", "בתשלום") is weak.
        let paidSegments = Set(f.active(.paidOption).map { f.tokens[$0.first].segment })
        let strong = f.active([.fix, .done]).filter {
            !redirectSentences.contains(f.sentence(of: $0)) && !paidSegments.contains(f.tokens[$0.first].segment)
        }
        // Sending the customer elsewhere is a weak alternative (a "you can…" alone is not).
        let weak = f.active(weakKinds) + FlagRules.redirectPairs(f).map(\.0)
        // A limitation inside a condition ("if it can't be repaired, you'll get a new one") is a
        // fallback, not a wall.
        let limits = f.active([.limitation, .policy]).filter { !isConditional($0, in: f) }
        guard let lastLimit = limits.last else {
            if let best = strong.last {
                for match in strong { evidence.append(f.evidence(match, dimension: .framing, rule: "framing.concrete_option", effect: .plus)) }
                _ = best
                return Outcome(level: 2, evidence: evidence, wall: false)
            }
            for match in weak { evidence.append(f.evidence(match, dimension: .framing, rule: "framing.vague", effect: .plus)) }
            return Outcome(level: 1, evidence: evidence, wall: false)
        }
        let limitClause = f.clause(of: lastLimit)
        func after(_ match: CueMatch) -> Bool { match.first > lastLimit.first || f.clause(of: match) == limitClause }
        for match in limits {
            evidence.append(f.evidence(match, dimension: .framing, rule: match.kind == .policy ? "framing.policy" : "framing.limitation", effect: .minus))
        }
        // An option counts when it follows the last limitation, or stands in its own segment
        // of the same clause; an option the limitation itself qualifies does not
        // ("compensation is payable only where applicable").
        let limitSegment = f.tokens[lastLimit.first].segment
        // The word right after a refusal is what is refused ("isn't something I can waive"), not an option.
        func refusedObject(_ match: CueMatch) -> Bool {
            f.tokens[match.first].segment == limitSegment && match.first >= lastLimit.end && match.first <= lastLimit.end + 1
        }
        let strongAfter = strong.filter {
            !refusedObject($0)
                && ($0.first > lastLimit.first || (f.clause(of: $0) == limitClause && f.tokens[$0.first].segment != limitSegment))
        }
        if !strongAfter.isEmpty {
            for match in strongAfter { evidence.append(f.evidence(match, dimension: .framing, rule: "framing.limitation_then_option", effect: .plus)) }
            return Outcome(level: 2, evidence: evidence, wall: false)
        }
        let weakAfter = weak.filter { after($0) && !refusedObject($0) }
        if !weakAfter.isEmpty {
            for match in weakAfter { evidence.append(f.evidence(match, dimension: .framing, rule: "framing.limitation_then_weak", effect: .plus)) }
            return Outcome(level: 1, evidence: evidence, wall: false)
        }
        evidence.append(f.evidence(lastLimit, dimension: .framing, rule: "framing.ends_with_limitation", effect: .minus))
        return Outcome(level: 0, evidence: evidence, wall: true)
    }
}
