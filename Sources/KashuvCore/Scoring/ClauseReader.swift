/// Reads who does what in each clause of a reply, so that the rules compose instead of
/// listing phrases: who acts (the trainee, the customer, someone else), what they do (a
/// verb class from the cue book: a fix, a check, going elsewhere), when (done, now, later),
/// whether it is negated or only a condition, and whether a rule or impossibility is stated.
///
/// Hebrew persons and tenses come from hspell's analysis of each verb ("אעביר": first
/// person, future; "מעבירה" after "אני": first person, now); English from the subject and
/// auxiliaries before the verb ("I've refunded", "I'm booking", "you can file").
struct ClauseReader {
    /// Who carries out an action.
    enum Actor: Sendable, Hashable {
        /// The trainee or the company ("I", "we", "let me", a first-person verb form).
        case trainee
        /// The customer, told or invited to do it ("you can", an imperative, a second-person form).
        case customer
        /// Someone else, or nobody named.
        case other
    }

    /// When an action happens, as the trainee says it.
    enum Time: Sendable, Hashable {
        /// Already done ("I've refunded", "זיכיתי").
        case done
        /// Being done as they speak ("I'm booking", "אני מעבירה").
        case now
        /// Promised or offered ("I'll send", "אשלח", "I can book").
        case later
    }

    /// One action verb of a reply, read in its clause.
    struct Action: Sendable {
        /// The verb's cue match (kind ``CueKind/fixAction``, ``CueKind/checkAction`` or ``CueKind/customerAction``).
        var match: CueMatch
        /// From the subject (or the person of the verb) to the verb.
        var first: Int
        var actor: Actor
        var time: Time
        /// A negator governs it ("I can't refund", "לא אוכל לזכות").
        var negated: Bool
        /// It sits inside a condition ("if it doesn't arrive, I'll refund").
        var conditional: Bool
        /// Its sentence is a question ("shall I book Tuesday?").
        var question: Bool
    }

    /// What the reader found: actions, and statements of a limitation or a rule that no
    /// listed phrase covered, as cue matches the framing rule reads like any other.
    struct Reading {
        var actions: [Action] = []
        var composed: [CueMatch] = []
    }

    /// Kinds that say something is being done in a sentence.
    static let actingKinds: Set<CueKind> = [
        .commitment, .impersonal, .callback, .done, .fix, .offerLead, .time, .warmTransfer, .vagueOffer, .tentative,
    ]

    /// How many words back a subject or an auxiliary may stand from its verb.
    static let subjectReach = 3

    /// Words after "את" that make it the accusative marker, not "you".
    static let accusativeFollowers: Set<String> = ["זה", "זו", "זאת", "כל", "מה", "שני", "שתי", "אותו", "אותה", "עצמכ"]

    /// Cue kinds that say how the trainee feels or what they say, not what they do.
    static let feelingKinds: Set<CueKind> = [.empathy, .apology, .thanks, .validation, .checkUnderstanding, .ability,
                                             .sorryYouFeel, .shrug, .talkDown]

    /// Present-tense words after "I am" / "אני" that are feelings, beliefs or states, not acts.
    static let notActions: Set<String> = [
        "sorry", "afraid", "going", "trying", "hoping", "wondering", "thinking", "feeling", "being", "seeing", "hearing",
        "looking", "saying", "telling", "asking", "writing", "talking", "speaking",
        "מבינ", "מבינה", "מצטער", "מצטערת", "מתנצל", "מתנצלת", "מרגיש", "מרגישה", "מקווה", "מאמינ", "מאמינה",
        "מסכימ", "מסכימה", "מכיר", "מכירה", "מודה", "מתכוונ", "מתכוונת", "מניח", "מניחה", "מעריכ", "מעריכה",
        "מזדהה", "משער", "משערת", "מנסה", "מחכה", "מפחד", "מפחדת", "רואה", "שומע", "שומעת", "יודע", "יודעת",
        "חושב", "חושבת", "רוצה", "צריכ", "צריכה", "אומר", "אומרת", "מדבר", "מדברת", "מבקש", "מבקשת", "זוכר", "זוכרת",
    ]

    /// Words that open an object, so "cancelling the fee now" is an act and "booking fees" a noun.
    static let objectStarts: Set<String> = ["the", "your", "you", "it", "this", "that", "a", "an", "both", "all", "them"]

    static let englishPast: Set<String> = [
        "sent", "gave", "made", "put", "set", "got", "took", "paid", "left", "brought", "told", "found", "done", "had",
    ]
    static let englishAuxiliaries: Set<String> = [
        "will", "am", "are", "can", "could", "would", "shall", "have", "has", "just", "already", "now", "personally",
        "also", "be", "going", "gonna", "able", "happy", "glad", "want", "to", "right", "straight", "away", "go", "ahead",
        "and", "immediately", "myself", "ourselves", "happily", "quickly", "do",
    ]

    static func read(tokens: [Token], matches: [CueMatch], language: Language, questions: [Bool]) -> Reading {
        var reading = Reading()
        var byToken = [UInt64](repeating: 0, count: tokens.count)
        for match in matches where match.kind.isClauseWord || match.kind == .negator {
            for index in match.first..<match.end { byToken[index] |= match.kind.bit }
        }
        // Hebrew "את" is also the accusative marker: before a definite noun or "זה" it is not "you"
        // ("אני מחזיר את התוספת").
        for index in tokens.indices where byToken[index] & CueKind.secondPerson.bit != 0 && tokens[index].text.hasSuffix("את")
            && index + 1 < tokens.count && tokens[index + 1].segment == tokens[index].segment
            && (tokens[index + 1].text.hasPrefix("ה") || Self.accusativeFollowers.contains(tokens[index + 1].text)) {
            byToken[index] &= ~CueKind.secondPerson.bit
        }
        func has(_ index: Int, _ kind: CueKind) -> Bool { byToken[index] & kind.bit != 0 }
        func sameSegment(_ a: Int, _ b: Int) -> Bool { tokens[a].segment == tokens[b].segment }

        /// Whether the verb opens its segment (nothing but connectives before it).
        func startsSegment(_ verb: Int) -> Bool {
            verb == 0 || !sameSegment(verb - 1, verb) || (verb >= 1 && tokens[verb - 1].kind == .latin && !sameSegment(max(0, verb - 2), verb))
        }
        let leads = matches.filter { $0.kind == .offerLead && !$0.negated }
        /// Whether "what I can do is…" / "מה שאני כן יכול" stands earlier in the verb's sentence.
        func offeredBefore(_ verb: Int) -> Bool {
            leads.contains { $0.end <= verb && tokens[$0.first].sentence == tokens[verb].sentence }
        }
        for match in matches where [.fixAction, .checkAction, .customerAction].contains(match.kind) {
            let verb = match.first
            var actor = Actor.other
            var time = Time.later
            var first = verb
            // Condition: "if" / "אם" earlier in the segment.
            var conditional = false
            var back = verb - 1
            while back >= 0 && sameSegment(back, verb) {
                if has(back, .condition) { conditional = true; break }
                back -= 1
            }
            switch language {
            case .hebrew:
                let readings = WordInfo.of(tokens[verb], language: .hebrew).verbReadings
                // A first-person form only where every reading is one ("אעביר", "זיכיתי"); "נקבע"
                // is also "it was set", so it needs a subject.
                if !readings.isEmpty, readings.allSatisfy({ $0.person == 1 }),
                   let own = readings.first(where: { $0.tense == .future || $0.tense == .past }) {
                    actor = .trainee
                    time = own.tense == .past ? .done : .later
                } else if let subject = (max(0, verb - subjectReach)..<verb).last(where: {
                    sameSegment($0, verb) && (has($0, .firstPerson) || has($0, .secondPerson))
                }) {
                    actor = has(subject, .firstPerson) ? .trainee : .customer
                    first = subject
                    // "אני מעבירה": present tense right after the subject is happening now.
                    if readings.contains(where: { $0.tense == .present }) && actor == .trainee { time = .now }
                } else if readings.contains(where: { $0.person == 2 && ($0.tense == .future || $0.tense == .imperative) }) {
                    actor = .customer
                } else if startsSegment(verb) && readings.contains(where: { $0.tense == .present }) {
                    // A present-tense action with the subject dropped, as people type ("מזמינה לכם
                    // מלון עכשיו", "שולח עכשיו לאסותא"): the trainee, doing it now.
                    actor = .trainee
                    time = .now
                }
                if actor == .other, match.kind == .customerAction, let before = verb > 0 ? verb - 1 : nil,
                   sameSegment(before, verb), has(before, .ability) || tokens[before].text == "צריכ",
                   readings.contains(where: { $0.tense == .infinitive }) {
                    // "ניתן לפנות בשעות הקבלה", "צריך לברר בסניף": an impersonal directive to the customer.
                    actor = .customer
                } else if actor == .other, match.kind == .customerAction, startsSegment(verb),
                          readings.contains(where: { $0.tense == .present && $0.plural }) {
                    // "ממלאים טופס באתר": what "one does" is what the customer is told to do.
                    actor = .customer
                }
                if actor == .other, offeredBefore(verb) {
                    // "מה שאני כן יכול זה להוציא לך סים": the action a "what I can do" leads to.
                    actor = .trainee
                }
            case .english:
                var index = verb - 1
                var steps = 0
                var auxiliaries: [String] = []
                while index >= 0, sameSegment(index, verb), steps <= subjectReach + 1 {
                    let word = tokens[index].text
                    if has(index, .firstPerson) || (word == "me" || word == "us") && index > 0 && tokens[index - 1].text == "let" {
                        actor = .trainee
                        first = word == "me" || word == "us" ? index - 1 : index
                        break
                    }
                    if has(index, .secondPerson) {
                        actor = .customer
                        first = index
                        break
                    }
                    guard englishAuxiliaries.contains(word) || has(index, .negator) || has(index, .ability)
                            || word == "need" || word == "should" || word == "must" || word == "please" || word == "simply"
                    else { break }
                    auxiliaries.append(word)
                    index -= 1
                    steps += 1
                }
                // An imperative opening its segment, or after "please": the customer is told to do it.
                if actor == .other && (index < 0 || !sameSegment(index, verb)) && auxiliaries.allSatisfy({ $0 == "please" || $0 == "simply" || $0 == "just" }) {
                    actor = .customer
                    first = index + 1
                }
                let word = tokens[verb].text
                if actor == .customer && auxiliaries.isEmpty && word.hasSuffix("ing") && verb + 1 < tokens.count
                    && Self.objectStarts.contains(tokens[verb + 1].text) {
                    // "Cancelling the extra fee now": a progressive with the subject dropped is the trainee.
                    actor = .trainee
                }
                if actor == .other, offeredBefore(verb) { actor = .trainee }
                if auxiliaries.contains("have") || auxiliaries.contains("has") || auxiliaries.contains("already")
                    || (auxiliaries.isEmpty && actor == .trainee && (word.hasSuffix("ed") || englishPast.contains(word))) {
                    time = .done
                } else if word.hasSuffix("ing") && (auxiliaries.contains("am") || auxiliaries.contains("are")) {
                    time = .now
                }
            }
            reading.actions.append(Action(match: match, first: first, actor: actor, time: time,
                                          negated: match.negated || negatedBetween(first, verb, byToken),
                                          conditional: conditional, question: questions[tokens[verb].sentence]))
        }

        // Any other verb the trainee is doing as they speak is a step too, though not a named
        // fix: "I'm sorting it with the courier now", "אני מסדרת את זה מול השליח".
        let acted = Set(reading.actions.map(\.match.first))
        let feelings = Set(matches.filter { Self.feelingKinds.contains($0.kind) }.flatMap { Array($0.first..<$0.end) })
        for index in tokens.indices where !acted.contains(index) && !feelings.contains(index) {
            let word = tokens[index].text
            var subject: Int?
            switch language {
            case .english:
                if index >= 2, word.hasSuffix("ing"), word.count > 4, !Self.notActions.contains(word),
                   ["am", "are"].contains(tokens[index - 1].text), has(index - 2, .firstPerson) {
                    subject = index - 2
                }
            case .hebrew:
                if index >= 1, has(index - 1, .firstPerson), tokens[index].kind == .hebrew, !Self.notActions.contains(word),
                   WordInfo.of(tokens[index], language: .hebrew).verbReadings.contains(where: { $0.tense == .present }) {
                    subject = index - 1
                }
            }
            // A step already taken, in the first person past ("העליתי דחיפות", "I've flagged it"):
            // the trainee acted on the case, though not yet a fix.
            var time = ClauseReader.Time.now
            if subject == nil, !has(index, .notAnAct), let step = Self.pastStep(tokens, index, language: language) {
                subject = step
                time = .done
            }
            guard let subject, sameSegment(subject, index) else { continue }
            let match = CueMatch(kind: .checkAction, cue: -1, first: index, end: index + 1, weight: 1)
            reading.actions.append(Action(match: match, first: subject, actor: .trainee, time: time,
                                          negated: negatedBetween(subject, index, byToken), conditional: false,
                                          question: questions[tokens[index].sentence]))
        }

        // A negated ability or coverage is a limitation ("אינה ניתנת לשינוי", "isn't covered"),
        // unless the customer is its subject ("can't you…?").
        for match in matches where (match.kind == .ability || match.kind == .coverage) && match.negated {
            let subject = (max(0, match.first - subjectReach)..<match.first).last { sameSegment($0, match.first) && has($0, .secondPerson) }
            if subject == nil && !questions[tokens[match.first].sentence] {
                // From the negation that cancels it ("nothing I can do", "אין לי אפשרות"), so the
                // evidence quotes the refusal, not the bare "can".
                var start = match.first
                while start > 0 && sameSegment(start - 1, match.first) && has(start - 1, .negator) { start -= 1 }
                if start == match.first, let negator = (max(0, match.first - subjectReach)..<match.first).last(where: {
                    sameSegment($0, match.first) && has($0, .negator)
                }) {
                    start = negator
                }
                reading.composed.append(CueMatch(kind: .limitation, cue: -1, first: min(start, match.first), end: match.end, weight: 1))
            }
        }
        // A closing "but…" clause that takes back ("…, אבל את ההפרש תצטרכו לשלם בעצמכם", "…, but we
        // only refund after a review", "אבל החזר כספי אין"): a negation, a duty on the customer or
        // "only", and nothing offered in it, is a limitation that ends the reply.
        if let lastClause = tokens.last?.clause, let start = tokens.firstIndex(where: { $0.clause == lastClause }),
           start > 0, tokens[start - 1].sentence == tokens[start].sentence || tokens[start].sentence == tokens[start - 1].sentence + 1 {
            let clause = start..<tokens.count
            let takesBack = clause.contains { has($0, .negator) || has($0, .obligation) || has($0, .restriction) }
            let offers = reading.actions.contains { clause.contains($0.match.first) && $0.actor == .trainee && !$0.negated }
                || matches.contains { clause.contains($0.first) && [.offerLead, .commitment, .callback, .done].contains($0.kind) && !$0.negated }
            let opensWithContrast = start == 0 || tokens[start - 1].clause != lastClause && tokens[start - 1].sentence == tokens[start].sentence
            if opensWithContrast && takesBack && !offers && !questions[tokens[start].sentence] {
                reading.composed.append(CueMatch(kind: .limitation, cue: -1, first: start, end: tokens.count, weight: 1))
            }
        }

        // A thing said to be itself closes the matter ("המחיר הוא המחיר", "rules are rules", "the
        // process is the same process for everyone"): a limitation.
        for index in tokens.indices where !questions[tokens[index].sentence] && tokens[index].kind != .number {
            let word = Self.bareNoun(tokens[index].text)
            guard word.count >= 3, index + 2 < tokens.count, Self.copulas.contains(tokens[index + 1].text) else { continue }
            var next = index + 2
            while next < tokens.count, sameSegment(index, next), Self.sameFillers.contains(tokens[next].text) { next += 1 }
            if next < tokens.count, sameSegment(index, next), Self.bareNoun(tokens[next].text) == word {
                reading.composed.append(CueMatch(kind: .limitation, cue: -1, first: index, end: next + 1, weight: 1))
            }
        }

        // A rule given as the reason is policy ("that's the standard", "בהתאם לתקנון", "under
        // the bylaw…"): as the last word, with nothing offered after it, it is a wall.
        let limitSentences = Set(matches.filter { $0.kind == .limitation || $0.kind == .policy }.map { tokens[$0.first].sentence }
            + reading.composed.map { tokens[$0.first].sentence })
        let actingSentences = Set(matches.filter { Self.actingKinds.contains($0.kind) && !$0.negated }.map { tokens[$0.first].sentence }
            + reading.actions.filter { $0.actor == .trainee && !$0.negated }.map { tokens[$0.match.first].sentence })
        for match in matches where match.kind == .rule {
            let sentence = tokens[match.first].sentence
            // "…will be handled according to procedure within 5 days" names how an action is
            // done; only a rule given as the reason for nothing being done is policy.
            if !questions[sentence] && (limitSentences.contains(sentence) || !actingSentences.contains(sentence)) {
                reading.composed.append(CueMatch(kind: .policy, cue: -1, first: match.first, end: match.end, weight: 1))
            }
        }
        return reading
    }

    /// Where the subject of a first-person past step at `index` starts, if the word is one:
    /// a Hebrew verb whose every reading is first person past, or English "I've" / "I have" / "we've"
    /// before a past participle. (The caller leaves out `not_an_act` verbs: "הבנתי", "I've heard".)
    static func pastStep(_ tokens: [Token], _ index: Int, language: Language) -> Int? {
        let token = tokens[index]
        switch language {
        case .hebrew:
            guard token.kind == .hebrew else { return nil }
            guard WordInfo.of(token, language: .hebrew).isOnlyVerb(person: 1, tense: .past) else { return nil }
            return index
        case .english:
            guard index >= 2, tokens[index - 1].text == "have", ["i", "we"].contains(tokens[index - 2].text),
                  token.text.hasSuffix("ed") && token.text.count >= 5 || ["sent", "put", "set", "made", "done"].contains(token.text)
            else { return nil }
            return index - 2
        }
    }

    static let copulas: Set<String> = ["is", "are", "הוא", "היא", "הם", "זה", "זו"]
    /// Words that may stand between a copula and the thing restated ("the same").
    static let sameFillers: Set<String> = ["the", "same", "just", "still", "אותו", "אותה", "אותמ", "בדיוק"]

    /// A word without the Hebrew definite article ("המחיר" → "מחיר"), to compare restatements.
    static func bareNoun(_ word: String) -> String {
        word.hasPrefix("ה") && word.count > 3 ? String(word.dropFirst()) : word
    }

    /// Whether a negator stands between an action's subject and its verb ("I can't refund").
    static func negatedBetween(_ first: Int, _ verb: Int, _ byToken: [UInt64]) -> Bool {
        guard first < verb else { return false }
        return (first..<verb).contains { byToken[$0] & CueKind.negator.bit != 0 }
    }
}
