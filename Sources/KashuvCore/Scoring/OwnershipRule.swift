/// Ownership, per the scoring guide (section 2 and clarifications 1, 4, 6, 8).
///
/// Level 2 is a first-person commitment with a concrete follow-through (a time or "now" in
/// the same sentence), or a first-person promise to come back to the customer. An apology,
/// a commitment without follow-through, a tentative or impersonal one is level 1.
struct OwnershipRule {
    struct Outcome {
        var level: Int
        var evidence: [Evidence]
        var committed: Bool
        var concrete: Bool
    }

    static func judge(_ f: ReplyFeatures) -> Outcome {
        var evidence: [Evidence] = []
        var level = 0
        let apologies = f.active(.apology)
        for match in apologies {
            evidence.append(f.evidence(match, dimension: .ownership, rule: ScoringRule.ownershipApology, effect: .plus))
        }
        if !apologies.isEmpty { level = 1 }
        // A warm transfer keeps the trainee on the case: it is a commitment too; so is an
        // English "I'm ordering / we're sending…" in the progressive.
        let own = f.ownActions
        let commitments = f.active([.commitment, .offerLead, .warmTransfer]) + own.map { f.asMatch($0, kind: .commitment) }
        let times = f.active(.time)
        var concrete = false
        // Done or being done as the trainee speaks: "I've refunded", "אני מעבירה", "I'm booking".
        // (A check or a hand-over already done is a step, not yet a follow-through: "העברתי לטכני".)
        for action in own where action.time != .later && action.match.kind == .fixAction {
            concrete = true
            evidence.append(f.evidence(f.asMatch(action, kind: .done), dimension: .ownership,
                                       rule: action.time == .done ? ScoringRule.ownershipDone : ScoringRule.ownershipActionNow, effect: .plus))
        }
        let clockTimes = clockTimeTokens(f)
        for commitment in commitments {
            let sentence = f.sentence(of: commitment)
            evidence.append(f.evidence(commitment, dimension: .ownership, rule: ScoringRule.ownershipCommitment, effect: .plus))
            if let time = times.first(where: { f.sentence(of: $0) == sentence }) {
                concrete = true
                evidence.append(f.evidence(time, dimension: .ownership, rule: ScoringRule.ownershipFollowThrough, effect: .plus))
            } else if let clock = clockTimes.first(where: { f.tokens[$0].sentence == sentence }) {
                concrete = true
                evidence.append(f.evidence(first: clock, end: clock + 1, dimension: .ownership,
                                           rule: ScoringRule.ownershipFollowThrough, effect: .plus))
            }
        }
        for action in f.active(.done) {
            concrete = true
            evidence.append(f.evidence(action, dimension: .ownership, rule: ScoringRule.ownershipDone, effect: .plus))
        }
        for callback in f.active(.callback) {
            concrete = true
            evidence.append(f.evidence(callback, dimension: .ownership, rule: ScoringRule.ownershipCallback, effect: .plus))
        }
        for (kind, rule) in [(CueKind.tentative, ScoringRule.ownershipTentative), (.impersonal, ScoringRule.ownershipImpersonal),
                             (.promise, ScoringRule.ownershipPromise)] {
            for match in f.active(kind) {
                level = max(level, 1)
                evidence.append(f.evidence(match, dimension: .ownership, rule: rule, effect: .plus))
            }
        }
        // An offer of a fix is a (partial) commitment, unless it sits inside a refusal.
        let refusingSegments = Set(f.matches.filter { $0.kind == .limitation || $0.kind == .policy }
            .map { f.tokens[$0.first].segment })
        // (A fix only named in a description, "refunds are processed within 7 days", offers nothing.)
        let offering = FramingRule.offeringSentences(f)
        let offersFix = f.active(.fix).contains {
            !refusingSegments.contains(f.tokens[$0.first].segment) && offering.contains(f.sentence(of: $0))
        }
        if !commitments.isEmpty || offersFix { level = max(level, 1) }
        if concrete { level = 2 }
        for match in f.active(.sorryYouFeel) {
            level = 0
            evidence.append(f.evidence(match, dimension: .ownership, rule: ScoringRule.ownershipSorryYouFeel, effect: .minus))
        }
        return Outcome(level: level, evidence: evidence, committed: !commitments.isEmpty, concrete: concrete)
    }

    /// Tokens that are a clock time: "14:00", "9:30", "5pm", "5 pm".
    static func clockTimeTokens(_ f: ReplyFeatures) -> [Int] {
        var result: [Int] = []
        for (index, token) in f.tokens.enumerated() {
            switch token.kind {
            case .number:
                if token.text.contains(":") {
                    result.append(index)
                } else if index + 1 < f.tokens.count, ["am", "pm"].contains(f.tokens[index + 1].text) {
                    result.append(index)
                }
            case .mixed:
                if token.text.hasSuffix("am") || token.text.hasSuffix("pm"),
                   token.text.unicodeScalars.first.map(Tokenizer.isDigit) == true {
                    result.append(index)
                }
            default: break
            }
        }
        return result
    }
}
