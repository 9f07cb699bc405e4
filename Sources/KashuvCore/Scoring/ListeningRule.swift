/// Active listening, per the scoring guide (section 1 and clarifications 1–3, 7).
///
/// Level 2 needs a specific reflection *and* one more listening act (feeling, apology,
/// thanks, validation, a check of understanding). One act alone is level 1; a clarifying
/// question is an act, an opener ("how can I help?") is not. Naming the customer's issue only
/// inside an apology, a refusal, an offer or a question is no reflection.
struct ListeningRule {
    /// Cue kinds that make a segment something other than a reflection.
    static let notReflection: UInt64 = CueKind.mask([
        .apology, .commitment, .done, .tentative, .impersonal, .callback, .fix, .offerLead, .vagueOffer, .weakAlternative,
        .paidOption,
        .limitation, .policy, .blameOthers, .blameCustomer, .redirect, .talkDown, .shrug,
        .sorryYouFeel, .promise, .opener, .choiceQuestion, .jargon, .warmTransfer,
    ])
    /// In the customer's story told back, the kinds that still make a segment something else:
    /// an item they chose or were promised is part of their story, a refusal or a jab is not.
    static let notReflectionInStory: UInt64 = notReflection
        & ~CueKind.mask([.fix, .done, .impersonal, .promise, .commitment, .tentative, .callback])
    /// Cue kinds that make a question something other than a clarifying question.
    static let notClarifyingKinds: Set<CueKind> = [
        .opener, .choiceQuestion, .commitment, .fix, .offerLead, .talkDown, .blameCustomer, .redirectAction,
        .redirect, .checkUnderstanding, .callback, .vagueOffer,
    ]
    static let notClarifying: UInt64 = CueKind.mask(notClarifyingKinds)

    /// Offers whose sentence's later segments still belong to the offer.
    static let continuedKinds: Set<CueKind> = [.fix, .done, .commitment, .offerLead, .callback, .redirect, .warmTransfer]

    /// Words that open a real question rather than an echo of the customer's words.
    static let interrogatives: Set<String> = [
        "what", "which", "when", "where", "how", "why", "who", "whose", "is", "are", "do", "does", "did", "can", "could",
        "would", "will", "have", "has", "should", "may", "was", "were", "any",
        "באיזה", "באיזו", "איזה", "איזו", "מה", "מתי", "איפה", "למה", "איכ", "מי", "האמ", "כמה", "יש", "תוכל", "תוכלי",
        "אפשר", "ממתי", "מאיפה", "לאן", "אילו", "ומה", "האמנמ",
    ]

    struct Outcome {
        var level: Int
        var evidence: [Evidence]
        var reflected: Bool
        var generic: Bool
    }

    static func judge(_ f: ReplyFeatures, profile: ReflectionProfile, robotic: Bool) -> Outcome {
        var evidence: [Evidence] = []
        var acts = 0
        // Generic acts: empathy, apology, thanks, validation.
        var generic = false
        for (kind, rule) in [(CueKind.empathy, ScoringRule.listeningEmpathy), (.apology, ScoringRule.listeningApology),
                             (.thanks, ScoringRule.listeningThanks), (.validation, ScoringRule.listeningValidation)] {
            for match in f.active(kind) {
                generic = true
                evidence.append(f.evidence(match, dimension: .listening, rule: rule, effect: .plus))
            }
        }
        if generic { acts += 1 }
        // Checking understanding, including a tag question ("…, right?").
        var checked = false
        for match in f.active(.checkUnderstanding) {
            checked = true
            evidence.append(f.evidence(match, dimension: .listening, rule: ScoringRule.listeningCheck, effect: .plus))
        }
        var tagSentences = Set<Int>()
        for match in f.active(.tagQuestion) {
            let sentence = f.sentence(of: match)
            let isLast = match.end == f.tokens.count || f.tokens[match.end].sentence != sentence
            guard isLast, sentence < f.text.sentenceCount, f.text.sentenceIsQuestion[sentence] else { continue }
            checked = true
            tagSentences.insert(sentence)
            evidence.append(f.evidence(match, dimension: .listening, rule: ScoringRule.listeningCheck, effect: .plus))
        }
        if checked { acts += 1 }
        // A question that checks understanding ("אם הבנתי נכון, …?") may carry the reflection.
        for match in f.active(.checkUnderstanding) { tagSentences.insert(f.sentence(of: match)) }
        // A genuine clarifying question.
        var questionRanges: [Range<Int>] = []
        var sentenceStart = 0
        for index in 0...f.tokens.count {
            if index == f.tokens.count || (index > sentenceStart && f.tokens[index].sentence != f.tokens[sentenceStart].sentence) {
                if sentenceStart < index { questionRanges.append(sentenceStart..<index) }
                sentenceStart = index
            }
        }
        let redirectSentences = Set(FlagRules.redirectPairs(f).map { f.sentence(of: $0.0) })
        var asked = false
        // An echo question restates what the customer said ("You cancelled and you're still
        // being charged $45?"): a reflection that checks understanding.
        var echoes: [Range<Int>] = []
        if !robotic && !profile.isEmpty {
            for range in questionRanges {
                let sentence = f.tokens[range.lowerBound].sentence
                guard f.text.sentenceIsQuestion[sentence], !tagSentences.contains(sentence),
                      !interrogatives.contains(f.tokens[range.lowerBound].text),
                      f.sentenceKinds[sentence] & notReflection == 0 else { continue }
                let overlap = profile.overlap(tokens: f.tokens, range: range, stopwords: f.cues.stopwords)
                if overlap.score >= ReflectionProfile.threshold + 1 {
                    echoes.append(range)
                    tagSentences.insert(sentence)
                    if !checked { acts += 1 }
                    checked = true
                    evidence.append(f.evidence(first: range.lowerBound, end: range.upperBound, dimension: .listening,
                                               rule: ScoringRule.listeningEchoQuestion, effect: .plus))
                }
            }
        }
        for range in questionRanges {
            let sentence = f.tokens[range.lowerBound].sentence
            guard f.text.sentenceIsQuestion[sentence], !tagSentences.contains(sentence), range.count >= 3,
                  !redirectSentences.contains(sentence),
                  f.sentenceKinds[sentence] & notClarifying == 0 else { continue }
            if !f.matches.contains(where: { notClarifyingKinds.contains($0.kind) && f.sentence(of: $0) == sentence }) {
                asked = true
                evidence.append(f.evidence(first: range.lowerBound, end: range.upperBound, dimension: .listening,
                                           rule: ScoringRule.listeningClarifyingQuestion, effect: .plus))
                break
            }
        }
        if asked && !checked { acts += 1 }
        for match in f.active([.opener]) {
            evidence.append(f.evidence(match, dimension: .listening, rule: ScoringRule.listeningOpenerNotQuestion, effect: .minus))
        }
        // Specific reflection, segment by segment (not inside a redirect).
        var reflected = false
        if !robotic && !profile.isEmpty {
            // In the customer's story told back ("You chose a refund back in March, you've been
            // told…"), the refund they chose is theirs, not an offer.
            let story = f.storySentences
            var segmentStart = 0
            for index in 0...f.tokens.count {
                let boundary = index == f.tokens.count || f.tokens[index].segment != f.tokens[segmentStart].segment
                guard boundary else { continue }
                defer { segmentStart = index }
                guard segmentStart < index else { continue }
                let segment = f.tokens[segmentStart].segment
                let sentence = f.tokens[segmentStart].sentence
                if f.text.sentenceIsQuestion[sentence] && !tagSentences.contains(sentence) { continue }
                let told = story.contains(sentence)
                if f.segmentKinds[segment] & (told ? notReflectionInStory : notReflection) != 0 || redirectSentences.contains(sentence) { continue }
                // The rest of a promise, or of an offer begun earlier in the sentence, is part of it.
                if !told && f.matches.contains(where: { match in
                    f.sentence(of: match) == sentence && !match.negated
                        && (match.kind == .promise
                            || (continuedKinds.contains(match.kind) && match.first < segmentStart))
                }) { continue }
                let overlap = profile.overlap(tokens: f.tokens, range: segmentStart..<index, stopwords: f.cues.stopwords)
                if overlap.score >= ReflectionProfile.threshold, let first = overlap.matched.first, let last = overlap.matched.last {
                    reflected = true
                    evidence.append(f.evidence(first: first, end: last + 1, dimension: .listening,
                                               rule: ScoringRule.listeningReflection, effect: .plus))
                }
            }
        }
        let level: Int
        if reflected {
            level = acts >= 1 ? 2 : 1
        } else {
            level = acts >= 1 ? 1 : 0
        }
        return Outcome(level: level, evidence: evidence, reflected: reflected, generic: generic || checked || asked)
    }
}
