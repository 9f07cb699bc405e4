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

    /// Kinds that make a fix named in their sentence an offer: someone offers or does it.
    static let offeringKinds: Set<CueKind> = [
        .firstPerson, .commitment, .offerLead, .done, .callback, .tentative, .vagueOffer, .promise, .choiceQuestion,
        .preference, .impersonal, .warmTransfer, .secondPerson,
    ]

    /// The sentences in which a fix named is offered: someone offers or does it, or a time
    /// makes it this customer's fix ("ההחזר יוצא היום", "the credit goes through tonight") —
    /// unless the sentence asks, or states a rule ("refunds are processed within 7 business days").
    static func offeringSentences(_ f: ReplyFeatures) -> Set<Int> {
        let ruleKinds = CueKind.rule.bit | CueKind.policy.bit | CueKind.coverage.bit | CueKind.robotic.bit
        let timed = f.active(.time).map { f.sentence(of: $0) }.filter {
            !f.text.sentenceIsQuestion[$0] && f.sentenceKinds[$0] & ruleKinds == 0
        }
        return Set(f.active(offeringKinds).map { f.sentence(of: $0) } + f.ownActions.map { f.sentence(of: $0.match) } + timed)
    }

    /// Whether a match sits in a segment opened by "if" / "אם" before it.
    static func isConditional(_ match: CueMatch, in f: ReplyFeatures) -> Bool {
        let segment = f.tokens[match.first].segment
        var index = match.first - 1
        while index >= 0 && f.tokens[index].segment == segment {
            if f.matches.contains(where: { $0.kind == .condition && $0.first == index }) { return true }
            index -= 1
        }
        return false
    }

    /// A question that offers the customer a choice about a fix: a preference word ("נוח",
    /// "prefer", "works for you") with a fix, an action or a time in the same question.
    static func choicesOfFix(_ f: ReplyFeatures) -> [CueMatch] {
        var result: [CueMatch] = []
        for preference in f.active([.preference, .choiceQuestion]) where f.text.sentenceIsQuestion[f.sentence(of: preference)] {
            let sentence = f.sentence(of: preference)
            // The options may be laid out in the sentence before the question ("יש לי תור ב-14:00
            // או ב-17:30 להחלפה. מה מתאים לך?").
            let near = { (other: Int) in other == sentence || other == sentence - 1 }
            let hasFix = f.active([.fix, .fixAction, .time]).contains { near(f.sentence(of: $0)) }
                || OwnershipRule.clockTimeTokens(f).contains { near(f.tokens[$0].sentence) }
            if hasFix { result.append(CueMatch(kind: .choiceQuestion, cue: -1, first: preference.first, end: preference.end, weight: 1)) }
        }
        return result
    }

    /// - Parameter doorClosers: a shrug, disowning or recital found by the flag rules: with
    ///   nothing offered at all, it closes the door (guide, clarification 11: a reply that
    ///   justifies a refusal or pushes the problem elsewhere and offers nothing is level 0).
    static func judge(_ f: ReplyFeatures, doorClosers: [CueMatch] = []) -> Outcome {
        var evidence: [Evidence] = []
        // A fix counts as concrete unless it is only something the customer must go and do or buy.
        var redirectSentences = Set(f.active(.redirect).map { f.sentence(of: $0) })
        for (action, _) in FlagRules.redirectPairs(f) { redirectSentences.insert(f.sentence(of: action)) }
        // An option the customer must pay extra for ("repair it for $180", "בתשלום") is weak.
        let paidSegments = Set(f.active(.paidOption).map { f.tokens[$0.first].segment })
        // The trainee doing the fix ("אני מעבירה עכשיו את ההחזר", "I'll book the technician"), and a
        // question that lets the customer choose the fix ("איזה יום נוח לך שהטכנאי יגיע?").
        // …and whatever the trainee does after "what I can do is" / "מה שאני כן עושה" / "but I can".
        let leads = f.active(.offerLead)
        let ownFixes = f.ownActions.filter { action in
            action.match.kind == .fixAction || leads.contains {
                $0.end <= action.match.first && f.sentence(of: $0) == f.sentence(of: action.match)
            }
        }.map { f.asMatch($0, kind: .fix) }
        // A fix named in a sentence where nobody offers it is a description ("refunds are
        // processed within 7 days", "the plane swap was due to…"), not an option.
        let offering = offeringSentences(f)
        let offeredFixes = f.active(.fix).filter { offering.contains(f.sentence(of: $0)) }
        // In a warm transfer, the colleague the case is handed to doing the fix ("היא מנפיקה את
        // הטופס תוך כמה דקות", "he'll process the refund while you're on the line").
        let handedFixes = f.has(.warmTransfer) ? f.actions.filter {
            $0.actor == .other && $0.match.kind == .fixAction && !$0.negated && !$0.conditional && !$0.question
        }.map { f.asMatch($0, kind: .fix) } : []
        let strong = (offeredFixes + f.active(.done) + ownFixes + handedFixes + choicesOfFix(f)).filter {
            !redirectSentences.contains(f.sentence(of: $0)) && !paidSegments.contains(f.tokens[$0.first].segment)
        }.sorted { $0.first < $1.first }
        // Sending the customer elsewhere is a weak alternative (a "you can…" alone is not).
        let weak = f.active(weakKinds) + FlagRules.redirectPairs(f).map(\.0)
        // A limitation inside a condition ("if it can't be repaired, you'll get a new one") is a
        // fallback, not a wall.
        let limits = f.active([.limitation, .policy]).filter { !isConditional($0, in: f) }
        guard let lastLimit = limits.last else {
            if let best = strong.last {
                for match in strong { evidence.append(f.evidence(match, dimension: .framing, rule: ScoringRule.framingConcreteOption, effect: .plus)) }
                _ = best
                return Outcome(level: 2, evidence: evidence, wall: false)
            }
            let offered = weak.filter { $0.kind != .redirect && $0.kind != .redirectAction }
            if offered.isEmpty && f.ownActions.isEmpty, let closer = doorClosers.min(by: { $0.first < $1.first }) {
                evidence.append(f.evidence(closer, dimension: .framing, rule: ScoringRule.framingDoorClosed, effect: .minus))
                return Outcome(level: 0, evidence: evidence, wall: true)
            }
            for match in weak { evidence.append(f.evidence(match, dimension: .framing, rule: ScoringRule.framingVague, effect: .plus)) }
            return Outcome(level: 1, evidence: evidence, wall: false)
        }
        let limitClause = f.clause(of: lastLimit)
        func after(_ match: CueMatch) -> Bool { match.first > lastLimit.first || f.clause(of: match) == limitClause }
        for match in limits {
            evidence.append(f.evidence(match, dimension: .framing, rule: match.kind == .policy ? ScoringRule.framingPolicy : ScoringRule.framingLimitation, effect: .minus))
        }
        // An option counts when it follows the last limitation, or stands in its own segment
        // of the same clause; an option the limitation itself qualifies does not
        // ("compensation is payable only where applicable").
        let limitSegment = f.tokens[lastLimit.first].segment
        // The word right after a refusal is what is refused ("isn't something I can waive"), not an option.
        func refusedObject(_ match: CueMatch) -> Bool {
            f.tokens[match.first].segment == limitSegment && match.first >= lastLimit.end && match.first <= lastLimit.end + 1
        }
        // In the limitation's own segment an option is what is refused, before or after it
        // ("לבטל את העמלה אני לא יכולה", "I can't speed up the refund itself").
        func inLimitSegment(_ match: CueMatch) -> Bool { f.tokens[match.first].segment == limitSegment }
        let strongAfter = strong.filter {
            !refusedObject($0) && !inLimitSegment($0)
                && ($0.first > lastLimit.first || (f.clause(of: $0) == limitClause && f.tokens[$0.first].segment != limitSegment))
        }
        if !strongAfter.isEmpty {
            for match in strongAfter { evidence.append(f.evidence(match, dimension: .framing, rule: ScoringRule.framingLimitationThenOption, effect: .plus)) }
            return Outcome(level: 2, evidence: evidence, wall: false)
        }
        // Sending the customer elsewhere after a refusal is no door ("that's our policy… you can
        // file a dispute on our website").
        let sending = Set(FlagRules.redirectPairs(f).map(\.0.first))
        let weakAfter = weak.filter {
            after($0) && !refusedObject($0) && !inLimitSegment($0) && $0.kind != .redirect && $0.kind != .redirectAction && !sending.contains($0.first)
        }
        let limitSegments = Set(limits.map { f.tokens[$0.first].segment })
        let optionsBefore = strong.filter { !limitSegments.contains(f.tokens[$0.first].segment) && !refusedObject($0) }
        if !weakAfter.isEmpty {
            // Concrete options, then what cannot be done, then a next step: the reply centres on
            // the options and does not end on the wall ("a room now and meal vouchers; seats I
            // can't promise, but I'll update you by 22:00").
            if !optionsBefore.isEmpty {
                for match in optionsBefore { evidence.append(f.evidence(match, dimension: .framing, rule: ScoringRule.framingConcreteOption, effect: .plus)) }
                return Outcome(level: 2, evidence: evidence, wall: false)
            }
            for match in weakAfter { evidence.append(f.evidence(match, dimension: .framing, rule: ScoringRule.framingLimitationThenWeak, effect: .plus)) }
            return Outcome(level: 1, evidence: evidence, wall: false)
        }
        evidence.append(f.evidence(lastLimit, dimension: .framing, rule: ScoringRule.framingEndsWithLimitation, effect: .minus))
        // An option then a limitation that ends the reply is framing 0, but a policy wall only
        // when the reply offers nothing at all (guide, clarification 12).
        let offeredBefore = !optionsBefore.isEmpty
        return Outcome(level: 0, evidence: evidence, wall: !offeredBefore)
    }
}
