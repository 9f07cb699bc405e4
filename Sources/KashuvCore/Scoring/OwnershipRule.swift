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
            evidence.append(f.evidence(match, dimension: .ownership, rule: "ownership.apology", effect: .plus))
        }
        if !apologies.isEmpty { level = 1 }
        // A warm transfer keeps the trainee on the case: it is a commitment too; so is an
        // English "I'm ordering / we're sending…" in the progressive.
        let commitments = f.active([.commitment, .offerLead, .warmTransfer]) + progressiveCommitments(f)
        let times = f.active(.time)
        var concrete = false
        let clockTimes = clockTimeTokens(f)
        for commitment in commitments {
            let sentence = f.sentence(of: commitment)
            evidence.append(f.evidence(commitment, dimension: .ownership, rule: "ownership.commitment", effect: .plus))
            if let time = times.first(where: { f.sentence(of: $0) == sentence }) {
                concrete = true
                evidence.append(f.evidence(time, dimension: .ownership, rule: "ownership.follow_through", effect: .plus))
            } else if let clock = clockTimes.first(where: { f.tokens[$0].sentence == sentence }) {
                concrete = true
                evidence.append(f.evidence(first: clock, end: clock + 1, dimension: .ownership,
                                           rule: "ownership.follow_through", effect: .plus))
            }
        }
        for action in f.active(.done) {
            concrete = true
            evidence.append(f.evidence(action, dimension: .ownership, rule: "ownership.done", effect: .plus))
        }
        for callback in f.active(.callback) {
            concrete = true
            evidence.append(f.evidence(callback, dimension: .ownership, rule: "ownership.callback", effect: .plus))
        }
        for (kind, rule) in [(CueKind.tentative, "ownership.tentative"), (.impersonal, "ownership.impersonal"),
                             (.promise, "ownership.promise")] {
            for match in f.active(kind) {
                level = max(level, 1)
                evidence.append(f.evidence(match, dimension: .ownership, rule: rule, effect: .plus))
            }
        }
        // An offer of a fix is a (partial) commitment, unless it sits inside a refusal.
        let refusingSegments = Set(f.matches.filter { $0.kind == .limitation || $0.kind == .policy }
            .map { f.tokens[$0.first].segment })
        let offersFix = f.active(.fix).contains { !refusingSegments.contains(f.tokens[$0.first].segment) }
        if !commitments.isEmpty || offersFix { level = max(level, 1) }
        if concrete { level = 2 }
        for match in f.active(.sorryYouFeel) {
            level = 0
            evidence.append(f.evidence(match, dimension: .ownership, rule: "ownership.sorry_you_feel", effect: .minus))
        }
        return Outcome(level: level, evidence: evidence, committed: !commitments.isEmpty, concrete: concrete)
    }

    static let notActions: Set<String> = ["sorry", "afraid", "going", "trying", "hoping", "wondering", "thinking", "feeling", "being", "seeing", "hearing", "looking"]

    /// Hebrew present-tense words after "אני" that are feelings, beliefs or apologies, not actions.
    static let hebrewNotActions: Set<String> = [
        "מבין", "מבינה", "מצטער", "מצטערת", "מתנצל", "מתנצלת", "מרגיש", "מרגישה", "מקווה", "מאמין", "מאמינה",
        "מסכים", "מסכימה", "מכיר", "מכירה", "מודה", "מתכוון", "מתכוונת", "מניח", "מניחה", "מעריך", "מעריכה",
        "מזדהה", "מתאר", "מתארת", "משער", "משערת", "מנסה", "מחכה", "מפחד", "מפחדת", "מאוד", "ממש", "מיד",
        "מייד", "מקודם", "מאוכזב", "מאוכזבת", "מצטערים", "מתנצלים", "משתדל", "משתדלת", "מבינים", "מודים",
    ].reduce(into: Set<String>()) { $0.insert(HebrewLetters.foldFinals($1)) }

    static let hebrewFirstPerson: Set<String> = ["אני", "ואני", "שאני", "כשאני"]

    /// "I am ordering…", "we are sending…", "אני מסירה עכשיו…": a first-person action in progress.
    /// (Hebrew: "אני" and a present-tense verb of the מ- patterns, "אני מסירה", "ואני מעדכן".)
    static func progressiveCommitments(_ f: ReplyFeatures) -> [CueMatch] {
        if f.language == .hebrew {
            var result: [CueMatch] = []
            let tokens = f.tokens
            for index in tokens.indices.dropLast() where hebrewFirstPerson.contains(tokens[index].text) {
                let verb = tokens[index + 1]
                guard verb.kind == .hebrew, verb.segment == tokens[index].segment, verb.text.hasPrefix("מ"),
                      verb.text.unicodeScalars.count >= 4, !hebrewNotActions.contains(verb.text) else { continue }
                result.append(CueMatch(kind: .commitment, cue: -1, first: index, end: index + 2, weight: 1))
            }
            return result
        }
        guard f.language == .english else { return [] }
        var result: [CueMatch] = []
        let tokens = f.tokens
        for index in tokens.indices.dropFirst().dropFirst() {
            let verb = tokens[index].text
            guard verb.hasSuffix("ing"), verb.count > 4, !notActions.contains(verb),
                  tokens[index - 1].text == "am" && tokens[index - 2].text == "i"
                    || tokens[index - 1].text == "are" && tokens[index - 2].text == "we",
                  tokens[index].sentence == tokens[index - 2].sentence else { continue }
            result.append(CueMatch(kind: .commitment, cue: -1, first: index - 2, end: index + 1, weight: 1))
        }
        return result
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
