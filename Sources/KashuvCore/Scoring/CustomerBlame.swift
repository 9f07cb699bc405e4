/// Blame put on the customer by what they did, however it is worded: the customer as the one
/// who acted in the past, in a sentence that guesses at the cause ("כנראה חסמת הודעות", "it
/// looks like you never confirmed it"), says they failed to do it ("לא חיכית שהגיבוי יסתיים",
/// "you would of seen it") in a reply that neither apologises nor helps.
///
/// What happened *to* the customer ("you never got the email", "לא קיבלת תשובה") tells their
/// story back and is no blame: `not_an_act` verbs (receiving, paying, being told, expecting,
/// feeling: "בטח ציפיתם לערב רומנטי" guesses at a feeling) are left out. A
/// question about what the customer did ("באיזה סניף לקחת את ההלוואה?") asks, it does not accuse.
struct CustomerBlame {
    /// English words between "you" and the verb that do not change who acts.
    static let englishModifiers: Set<String> = [
        "never", "just", "probably", "clearly", "obviously", "actually", "already", "really", "must", "might", "may",
        "should", "could", "would", "have", "of", "ve", "not", "did", "even", "accidentally", "simply", "maybe",
    ]
    static let englishIrregularPast: Set<String> = [
        "forgot", "chose", "wrote", "rode", "drove", "broke", "bought", "left", "lost", "took", "made", "put", "sent",
        "gave", "set", "threw", "let", "ran", "sold", "spent", "went", "did",
    ]

    /// A past action of the customer's, at token `verb`, and how it is told.
    struct Act {
        var verb: Int
        var negated: Bool
        /// "should have", "must have", "would of": what the customer ought to have done.
        var counterfactual: Bool
    }

    /// The customer's past actions in the reply.
    static func acts(_ f: ReplyFeatures) -> [Act] {
        let tokens = f.tokens
        var acts: [Act] = []
        let negatorStarts = Set(f.matches.filter { $0.kind == .negator }.map(\.first))
        let notActs = Set(f.matches.filter { $0.kind == .notAnAct }.flatMap { Array($0.first..<$0.end) })
        switch f.language {
        case .hebrew:
            for (index, token) in tokens.enumerated() where token.kind == .hebrew {
                guard WordInfo.of(token, language: .hebrew).isOnlyVerb(person: 2, tense: .past),
                      !notActs.contains(index) else { continue }
                let negated = (max(0, index - 2)..<index).contains {
                    negatorStarts.contains($0) && tokens[$0].segment == token.segment
                }
                acts.append(Act(verb: index, negated: negated, counterfactual: false))
            }
        case .english:
            for (index, token) in tokens.enumerated() where token.text == "you" {
                var next = index + 1
                var words: [String] = []
                while next < tokens.count, tokens[next].segment == token.segment, englishModifiers.contains(tokens[next].text) {
                    words.append(tokens[next].text)
                    next += 1
                }
                guard next < tokens.count, tokens[next].segment == token.segment else { continue }
                let word = tokens[next].text
                let modal = words.contains { ["should", "must", "would", "could", "might"].contains($0) }
                let perfect = modal && words.contains { ["have", "of", "ve"].contains($0) }
                let didAsk = words.contains("did") || (index > 0 && tokens[index - 1].text == "did")
                let participle = (word.hasSuffix("ed") && word.count >= 4) || word.hasSuffix("en") || englishIrregularPast.contains(word)
                    || ["read", "seen", "known", "done", "gone"].contains(word)
                let past = (perfect && participle) || didAsk || (words.allSatisfy { !["should", "must", "would", "could", "might", "may"].contains($0) }
                    && ((word.hasSuffix("ed") && word.count >= 4) || englishIrregularPast.contains(word)))
                guard past, !notActs.contains(next), word != "you" else { continue }
                let negated = words.contains("never") || words.contains("not")
                acts.append(Act(verb: next, negated: negated, counterfactual: perfect && !words.contains("might")))
            }
        }
        return acts
    }

    /// The matches that put the fault on the customer, one per blaming sentence.
    static func matches(_ f: ReplyFeatures, echoes: Set<UInt64>) -> [CueMatch] {
        let apologising = Set(f.active(.apology).map { f.sentence(of: $0) })
        let checking = Set(f.active(.checkUnderstanding).map { f.sentence(of: $0) })
        let guesses = f.active(.likelihood)
        // The guess is about this act: just before it or just after "you" ("כנראה חסמת", "it looks
        // like you never confirmed it", "you probably typed"), in its clause.
        func guessed(_ verb: Int) -> Bool {
            guesses.contains { $0.first < verb ? verb - $0.end <= 3 : $0.first - verb <= 1 }
                && guesses.contains { f.clause(of: $0) == f.tokens[verb].clause }
        }
        // A reply with feeling or help in it asks to understand, not to accuse.
        let cold = !(f.has(.apology) || f.has(.empathy) || f.has(.validation) || f.has(.thanks))
            && !f.ownActions.contains { $0.match.kind == .fixAction } && !f.has(.done)
        var result: [CueMatch] = []
        var blamed = Set<Int>()
        for act in acts(f) {
            let sentence = f.tokens[act.verb].sentence
            guard !blamed.contains(sentence), !apologising.contains(sentence), !checking.contains(sentence),
                  !echoes.contains(WordHash.hash(f.tokens[act.verb].text)) else { continue }
            guard !f.text.sentenceIsQuestion[sentence],
                  guessed(act.verb) || act.counterfactual || (act.negated && cold) else { continue }
            blamed.insert(sentence)
            result.append(CueMatch(kind: .blameCustomer, cue: -1, first: act.verb, end: act.verb + 1, weight: 1))
        }
        return result
    }
}
