/// The flags of the scoring guide, each with the words that raised it.
///
/// - `blame`: a cue blaming a third party, the system or the customer.
/// - `redirect`: a full redirect phrase, or telling the customer to go and do it themselves
///   through a channel in the same sentence — unless the reply is a warm transfer.
/// - `dismissive`: talking down, a shrug, "sorry you feel that way", or making the customer the problem.
/// - `jargon`: an internal term the customer did not use themselves.
/// - `robotic`: canned or recited text weighing ``roboticThreshold`` or more, or a reply that
///   repeats an earlier one.
/// - `over_promise`: guarantees weighing ``promiseThreshold`` or more, or a commitment that
///   offers something on the scenario's "cannot offer" list.
/// - `policy_wall` is raised by ``FramingRule``.
struct FlagRules {
    static let roboticThreshold = 2.0
    static let promiseThreshold = 2.0
    static let repeatSimilarity = 0.8
    /// A recital is a whole answer: at least this many words.
    static let recitalMinimumWords = 8

    struct Outcome {
        var flags: Set<Flag> = []
        var evidence: [Evidence] = []
        /// What closes the door when nothing is offered: a shrug, disowning the matter, a recital
        /// of rules ("זה מה שיש", "זה לא בשליטתנו", "non-returnable per our terms").
        var doorClosers: [CueMatch] = []
    }

    static let firstPerson: Set<String> = ["i", "we", "me", "us", "אני", "אנחנו", "אנו"]

    /// How far after "you can…" a channel still belongs to it.
    static let redirectReach = 8

    /// Telling the customer to go and do it (an action) through a channel that follows it in
    /// the same clause: "את יכולה להירשם דרך האפליקציה", "please file it on our website".
    static func redirectPairs(_ f: ReplyFeatures) -> [(CueMatch, CueMatch)] {
        let channels = f.active(.redirectChannel)
        var pairs: [(CueMatch, CueMatch)] = []
        for action in f.active(.redirectAction) {
            // "I'll check with our team" is the trainee acting, not the customer being sent.
            // ("I'll also ask your doctor's office": up to three words back.)
            let before = max(0, action.first - 3)..<action.first
            if before.contains(where: { firstPerson.contains(f.tokens[$0].text) && f.tokens[$0].segment == f.tokens[action.first].segment }) {
                continue
            }
            if let channel = channels.first(where: {
                $0.first >= action.end && $0.first - action.end <= redirectReach && f.clause(of: $0) == f.clause(of: action)
            }) {
                pairs.append((action, channel))
            }
        }
        // The customer told to go and do it through a channel, however it is worded ("תיכנסי
        // לאתר", "file a dispute on our website", "log in to the app"): a customer action with
        // a channel in its clause. A channel the trainee uses is no redirect.
        // Another party to go through counts as a channel ("תדבר איתם", "complain to the operator").
        let elsewhere = channels + f.active(.thirdParty)
        for action in f.actions where action.actor == .customer && action.match.kind == .customerAction && !action.negated {
            let verb = f.asMatch(action, kind: .redirectAction)
            guard !pairs.contains(where: { $0.0.first <= verb.first && verb.first < $0.0.end || $0.0.first == verb.first }),
                  let channel = elsewhere.first(where: {
                      f.clause(of: $0) == f.clause(of: verb) && abs($0.first - verb.end) <= redirectReach
                  }) else { continue }
            pairs.append((verb, channel))
        }
        return pairs
    }

    /// Whether hspell reads a Hebrew token as a verb in some reading ("התעדכנה"; not "של").
    static func isVerb(_ token: Token) -> Bool {
        !WordInfo.of(token, language: .hebrew).verbReadings.isEmpty
    }

    /// Whether a token is an acronym or code as typed: two to six Latin capitals (digits
    /// allowed after the first letter: "P1"), or Hebrew letters with gershayim inside ("ד\"נ").
    static func isAcronym(_ token: Token, typed: String) -> Bool {
        let scalars = Array(typed.unicodeScalars)
        switch token.kind {
        case .latin, .mixed:
            guard (2...6).contains(scalars.count), let first = scalars.first, ("A"..."Z").contains(first) else { return false }
            return scalars.allSatisfy { ("A"..."Z").contains($0) || ("0"..."9").contains($0) }
        case .hebrew:
            return token.text.contains("\"") && scalars.count <= 6
        default:
            return false
        }
    }

    /// Whether a first-person subject stands up to three words before a match, in its segment.
    static func firstPersonBefore(_ match: CueMatch, _ f: ReplyFeatures) -> Bool {
        let before = max(0, match.first - 3)..<match.first
        return before.contains { firstPerson.contains(f.tokens[$0].text) && f.tokens[$0].segment == f.tokens[match.first].segment }
    }

    /// Whether a redirect phrase moves the customer ("transfer you to", "מעביר אותך"), which stays a redirect.
    static func sendsTheCustomer(_ match: CueMatch, _ f: ReplyFeatures) -> Bool {
        (match.first..<match.end).contains { ["you", "אותכ", "אותך"].contains(f.tokens[$0].text) }
    }

    static func judge(_ f: ReplyFeatures, context: ScoringContext, customerTokens: Set<UInt64>,
                      offers: ScenarioOffers) -> Outcome {
        var out = Outcome()
        func raise(_ flag: Flag, _ matches: [CueMatch], rule: ScoringRule) {
            guard !matches.isEmpty else { return }
            out.flags.insert(flag)
            for match in matches { out.evidence.append(f.evidence(match, flag: flag, rule: rule, effect: .minus)) }
        }
        raise(.blame, f.active(.blameOthers), rule: ScoringRule.flagBlameOthers)
        // "Sorry you had to call again" is an apology, not blame; a shrug inside a question is a question.
        let apologySegments = Set(f.active(.apology).map { f.tokens[$0.first].segment })
        // Words the trainee echoes from the customer's own line are not the trainee's attitude.
        func echoed(_ match: CueMatch) -> Bool {
            (match.first..<match.end).allSatisfy { customerTokens.contains(WordHash.hash(f.tokens[$0].text)) }
        }
        let blamesCustomer = f.active(.blameCustomer).filter {
            !apologySegments.contains(f.tokens[$0.first].segment) && !echoed($0)
        }
        let shrugs = f.active(.shrug).filter { !f.text.sentenceIsQuestion[f.sentence(of: $0)] && !echoed($0) }
        raise(.blame, blamesCustomer, rule: ScoringRule.flagBlameCustomer)
        // The customer as the cause, however worded ("כנראה חסמת הודעות", "you never confirmed it").
        let customerAsCause = CustomerBlame.matches(f, echoes: customerTokens)
        raise(.blame, customerAsCause, rule: ScoringRule.flagBlameCustomerAsCause)
        let parties = f.active(.thirdParty)
        for fault in f.active(.fault) {
            let sentence = f.sentence(of: fault)
            if let party = parties.first(where: { f.sentence(of: $0) == sentence }) {
                raise(.blame, [fault, party], rule: ScoringRule.flagBlameThirdParty)
            }
        }
        raise(.dismissive, f.active(.talkDown).filter { !echoed($0) }, rule: ScoringRule.flagDismissiveTalkingDown)
        // "Look, dear, …", "calm down, mate": a form of address set off on its own. Inside a
        // sentence the same word is warmth or a verb ("I'd love to help").
        // With warmth around it ("Oh love, I'm so sorry…", "אחי, זה מבאס… אני מזכה אותך") it is
        // affection, not condescension: only a cold reply talks down with it.
        let warm = f.has(.empathy) || f.has(.apology) || f.has(.validation) || f.has(.thanks)
            || f.ownActions.contains { $0.match.kind == .fixAction }
        raise(.dismissive, warm ? [] : f.active(.addressTerm).filter { match in
            let segment = f.tokens[match.first].segment
            return match.end == f.tokens.count || f.tokens[match.end].segment != segment
        }, rule: ScoringRule.flagDismissiveFormOfAddress)
        // Blame through an impersonal cause: a third party or the system as the subject of a
        // negated verb ("המערכת של הבנק לא התעדכנה", "the supplier didn't ship it"), when the
        // trainee neither echoes the customer's own words nor owns it in that sentence.
        let owning = Set(f.active([.apology, .firstPerson]).map { f.sentence(of: $0) })
        let negators = f.matches.filter { $0.kind == .negator }
        // (A reply that apologises or fixes it is explaining, not deflecting.)
        let fixesIt = f.has(.apology) || f.ownActions.contains { $0.match.kind == .fixAction } || f.has(.done)
        // Passing it on by cause or by disowning: "העיכוב הוא בגלל השמאי", "the delay is due to the
        // supplier"; "זה לא תלוי בי" / "that's not on me" with another party named in the reply.
        if !fixesIt {
            let disowning = f.matches.filter { $0.kind == .responsibility && $0.negated }
            out.doorClosers += disowning
            for party in f.active(.thirdParty) where !f.text.sentenceIsQuestion[f.sentence(of: party)] {
                if let cause = f.active(.cause).first(where: { f.sentence(of: $0) == f.sentence(of: party) && $0.first < party.first }) {
                    raise(.blame, [cause, party], rule: ScoringRule.flagBlameCause)
                } else if let disown = disowning.first, !echoed(party) {
                    raise(.blame, [disown, party], rule: ScoringRule.flagBlameDisowning)
                }
            }
        }
        for party in f.active(.thirdParty) where !fixesIt && !owning.contains(f.sentence(of: party))
            && !f.text.sentenceIsQuestion[f.sentence(of: party)] {
            guard let negator = negators.first(where: {
                $0.first > party.first && $0.first - party.end <= 3 && f.clause(of: $0) == f.clause(of: party)
            }), negator.end < f.tokens.count, f.clause(of: negator) == f.tokens[negator.end].clause,
                  f.language == .english || Self.isVerb(f.tokens[negator.end]) else { continue }
            let verb = CueMatch(kind: .fault, cue: -1, first: negator.first, end: negator.end + 1, weight: 1)
            if echoed(verb) || echoed(party) { continue }
            raise(.blame, [party, verb], rule: ScoringRule.flagBlameImpersonalCause)
        }
        raise(.dismissive, shrugs, rule: ScoringRule.flagDismissiveShrug)
        // A shrug that says nothing can be done ("not much we can do", "לא בידיים שלי") closes the
        // door; one that only excuses ("it happens", "יש עומס") explains.
        let negatorStarts = Set(f.matches.filter { $0.kind == .negator }.map(\.first))
        out.doorClosers += shrugs.filter { shrug in (shrug.first..<shrug.end).contains { negatorStarts.contains($0) } }
        raise(.dismissive, f.active(.sorryYouFeel), rule: ScoringRule.flagDismissiveSorryYouFeel)
        raise(.dismissive, blamesCustomer + customerAsCause, rule: ScoringRule.flagDismissiveCustomerIsTheProblem)

        // Redirect.
        if !f.has(.warmTransfer) {
            // "You can also see it in the app" beside "I've refunded it now" is a tip, not a
            // redirect: a channel mention only redirects when the trainee does nothing themselves.
            let committed = f.has(.commitment) || !f.ownActions.isEmpty
            let handlesIt = f.has(.done) || f.has(.callback)
                || (committed && (f.has(.time) || !OwnershipRule.clockTimeTokens(f).isEmpty))
            // "אני מתאמת מול חברת ההובלה מחר": the trainee is the one dealing with them.
            let phrases = f.active(.redirect).filter { match in
                !(handlesIt && Self.firstPersonBefore(match, f) && !Self.sendsTheCustomer(match, f))
            }
            raise(.redirect, phrases, rule: ScoringRule.flagRedirect)
            if !handlesIt {
                for (action, channel) in Self.redirectPairs(f) {
                    raise(.redirect, [action, channel], rule: ScoringRule.flagRedirectChannel)
                }
            }
        }

        // Jargon the customer did not use.
        let jargon = f.active(.jargon).filter { match in
            !(match.first..<match.end).allSatisfy { customerTokens.contains(WordHash.hash(f.tokens[$0].text)) }
        }
        raise(.jargon, jargon, rule: ScoringRule.flagJargon)
        // Any other acronym or internal code the customer did not use: "SR", "HLR", "KYC",
        // "ה-PCB", "ד\"נ" (letters in capitals, or Hebrew with gershayim), unless it is one
        // everybody knows (a `plain_term`: SMS, PDF, ש"ח).
        let plain = Set(f.active(.plainTerm).map(\.first))
        let listed = Set(jargon.map(\.first))
        let codes = f.tokens.indices.filter { index in
            let token = f.tokens[index]
            guard !plain.contains(index), !listed.contains(index),
                  !customerTokens.contains(WordHash.hash(token.text)) else { return false }
            return Self.isAcronym(token, typed: f.typed(index, index + 1))
        }
        raise(.jargon, codes.map { CueMatch(kind: .jargon, cue: -1, first: $0, end: $0 + 1, weight: 1) }, rule: ScoringRule.flagJargonAcronym)

        // Robotic.
        if f.weight(.robotic) >= roboticThreshold {
            raise(.robotic, f.active(.robotic), rule: ScoringRule.flagRoboticCanned)
        }
        // A recital: the whole answer is rules and process told impersonally ("Under our
        // conditions of carriage, refunds are issued…", "בהתאם לנוהל, התחייבות מונפקת רק…"):
        // a rule or limitation, nobody speaking as "I/we" or to "you", no feeling, nothing done.
        if !out.flags.contains(.robotic), f.tokens.count >= recitalMinimumWords,
           f.has(.rule) || f.has(.policy) || f.has(.coverage),
           !f.has(.firstPerson), !f.has(.empathy), !f.has(.apology), !f.has(.validation), !f.has(.thanks),
           f.ownActions.isEmpty, !f.text.sentenceIsQuestion.contains(true),
           // told neutrally: a reply that turns on the customer or another party is not a recital
           !out.flags.contains(.blame), !out.flags.contains(.dismissive), !f.has(.secondPerson) {
            let rules = f.active([.rule, .policy, .coverage])
            out.flags.insert(.robotic)
            out.doorClosers += rules
            for match in rules { out.evidence.append(f.evidence(match, flag: .robotic, rule: ScoringRule.flagRoboticRecital, effect: .minus)) }
        }
        if !out.flags.contains(.robotic), f.tokens.count >= 4 {
            let mine = Set(f.tokens.map(\.text))
            for earlier in context.earlierReplies {
                let theirs = Set(Tokenizer.tokenize(earlier).tokens.map(\.text))
                guard !theirs.isEmpty else { continue }
                let similarity = Double(mine.intersection(theirs).count) / Double(mine.union(theirs).count)
                if similarity >= repeatSimilarity {
                    out.flags.insert(.robotic)
                    out.evidence.append(f.evidence(first: 0, end: f.tokens.count, flag: .robotic,
                                                   rule: ScoringRule.flagRoboticRepeated, effect: .minus))
                    break
                }
            }
        }

        // Over-promising.
        // A guarantee the customer spoke of ("your 14-day money-back guarantee") is their word, not a promise.
        // Nor is a promise or an item named while telling the customer's story back.
        let story = f.storySentences
        let promises = f.active(.promise).filter { !echoed($0) && !story.contains(f.sentence(of: $0)) }
        if promises.reduce(0, { $0 + $1.weight }) >= promiseThreshold {
            raise(.overPromise, promises, rule: ScoringRule.flagOverPromiseGuarantee)
        }
        if !out.flags.contains(.overPromise), !offers.isEmpty {
            // Every sentence that offers, does or asserts something (not a question, not a
            // refusal): "אני מבטלת לך את ה-2,400" offers it, "תוך שעה ההודעות חוזרות לעבוד"
            // asserts it. A sentence with no offering word must match more of the item.
            let offeringSentences = Set(f.active([.commitment, .fix, .offerLead, .promise, .impersonal, .callback, .done])
                .map { f.sentence(of: $0) } + f.ownActions.map { f.sentence(of: $0.match) })
            let refusing = Set(f.matches.filter { $0.kind == .limitation || $0.kind == .policy || ($0.negated && $0.kind == .promise) }
                .map { f.sentence(of: $0) })
            var sentenceStart = 0
            for index in 0...f.tokens.count {
                guard index == f.tokens.count || f.tokens[index].sentence != f.tokens[sentenceStart].sentence else { continue }
                defer { sentenceStart = index }
                guard sentenceStart < index else { continue }
                let sentence = f.tokens[sentenceStart].sentence
                guard !refusing.contains(sentence), !f.text.sentenceIsQuestion[sentence], !story.contains(sentence) else { continue }
                let offering = offeringSentences.contains(sentence)
                if offers.forbids(tokens: f.tokens, range: sentenceStart..<index, stopwords: f.cues.stopwords,
                                  margin: offering ? 0 : 1, echoes: customerTokens, ownWordsOnly: !offering) {
                    out.flags.insert(.overPromise)
                    out.evidence.append(f.evidence(first: sentenceStart, end: index, flag: .overPromise,
                                                   rule: ScoringRule.flagOverPromiseCannotOffer, effect: .minus))
                    break
                }
            }
        }
        return out
    }
}
