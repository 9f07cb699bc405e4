/// The kinds of phrase a coach lists in a cue file; each rule of the scoring guide reads some.
///
/// The raw value is the key in the YAML file (`Trainers/default/cues/he.yaml`). The phrases
/// are data; what each kind *means* is fixed here and described in `docs/scoring.md`.
public enum CueKind: String, CaseIterable, Sendable, Hashable, Codable {
    // Listening
    /// Generic empathy: "I understand", "אני מבין/ה", "that's frustrating".
    case empathy
    /// Any apology: "sorry", "מצטער/ת", "סליחה". One listening act and the apology half of ownership.
    case apology
    /// Thanking the customer: "thanks for telling me", "תודה ש".
    case thanks
    /// Validating the feeling: "that's not okay", "זה באמת הרבה", "you're right".
    case validation
    /// Checking understanding: "did I get that right?", "אם הבנתי נכון".
    case checkUnderstanding = "check_understanding"
    /// A word that checks understanding only as the last word of a question ("…, נכון?", "…, right?").
    case tagQuestion = "tag_question"
    /// An opener that is not a clarifying question: "how can I help?", "מה הבקשה?".
    case opener
    /// A question offering a choice of remedy: "which works better?", "מה מתאים לך?".
    case choiceQuestion = "choice_question"
    /// Fixed positive phrases that contain a negator: "אין בעיה", "no problem", "I can't believe".
    case shield
    // Ownership
    /// A first-person commitment to act: "I'll", "let me", "אני אבדוק", "אחזור".
    case commitment
    /// A tentative or soft commitment: "I'll try", "ננסה", "that's on us".
    case tentative
    /// An impersonal commitment: "it will be handled", "זה יטופל", "someone will call you".
    case impersonal
    /// A time or "now" that makes a commitment concrete: "by 16:00", "עוד היום", "right now".
    case time
    /// A promise to come back to the customer: "I'll call you back", "אחזור אלייך".
    case callback
    /// An action already carried out for the customer: "I've refunded it", "זיכיתי אותך".
    /// Ownership 2 (it is done, now) and a concrete fix.
    case done
    // Framing
    /// A concrete fix or option: "refund", "זיכוי", "book a technician", "swap it".
    case fix
    /// A turn to what can be done: "what I can do is", "מה שאני כן יכול/ה".
    case offerLead = "offer_lead"
    /// A vague positive: "we'll see what we can do", "נראה מה אפשר".
    case vagueOffer = "vague_offer"
    /// A weak alternative: "try again later", "you can buy an add-on", "תנסה שוב".
    case weakAlternative = "weak_alternative"
    /// An option the customer must pay extra for: "for $180", "בתשלום", "you can buy". Weak,
    /// and it makes a fix in the same segment weak ("we can repair it for $180").
    case paidOption = "paid_option"
    /// A statement of what cannot be done: "אי אפשר", "not possible", "there's nothing I can do".
    case limitation
    /// Hiding behind policy or terms: "זה הנוהל", "company policy", "according to the terms".
    case policy
    // Flags
    /// Blaming a third party or the system: "the courier's fault", "באשמת חברת השילוח".
    case blameOthers = "blame_others"
    /// A third party a reply may blame: "the courier", "השליח", "the system". Blame only with a ``fault`` word.
    case thirdParty = "third_party"
    /// A fault word: "fault", "אשמה", "their mistake", "לא עדכנו אותנו". Blame only with a ``thirdParty``.
    case fault
    /// Making the customer the problem: "you should have", "כנראה לא שמת לב". Also dismissive.
    case blameCustomer = "blame_customer"
    /// A channel the customer could be sent to: "website", "the app", "האתר".
    case redirectChannel = "redirect_channel"
    /// Telling the customer to go and do it: "you can", "please contact", "תיכנס".
    case redirectAction = "redirect_action"
    /// A full redirect on its own: "call them directly", "תתקשר/י אליהם ישירות".
    case redirect
    /// A warm transfer that stays on the case: "I've told her everything", "העברתי לה את כל הפרטים".
    case warmTransfer = "warm_transfer"
    /// Talking down: "calm down", "תירגע", "as I already explained", "you need to understand".
    case talkDown = "talk_down"
    /// A shrug: "not much I can do", "they're slammed", "יש עומס".
    case shrug
    /// "I'm sorry you feel that way": not an apology; dismissive, ownership 0.
    case sorryYouFeel = "sorry_you_feel"
    /// Canned or recited text: "we apologise for any inconvenience", "פנייתך התקבלה". Weighted.
    case robotic
    /// Internal terms: "SLA", "טרנזקציה", "ticket escalated to tier 2".
    case jargon
    /// Guarantees: "I guarantee", "אני מבטיח/ה", "100%". Weighted; over-promising at weight 2.
    case promise
    // Words the clause rules compose (matched by lemma: every person, tense and prefix form)
    /// A verb that is itself a fix when the trainee does it: refund, book, send, replace; זיכה, קבע, שלח.
    case fixAction = "fix_action"
    /// A verb of following up that is not yet a fix: check, look into, verify; בדק, בירר, וידא.
    case checkAction = "check_action"
    /// A verb the customer is told to do when sent elsewhere: go, log in, fill in, call; נכנס, מילא, פנה.
    case customerAction = "customer_action"
    /// Being able or allowed: can, able, possible, allow; יכול, ניתן, אפשר. Negated, it is a limitation.
    case ability
    /// Being covered or entitled: covered, included, eligible; כלול, מכוסה, זכאי. Negated, a limitation.
    case coverage
    /// A rule as a reason: policy, terms, regulations, standard; תקנון, נוהל, סטנדרט.
    case rule
    /// A word that makes the customer choose: prefer, suit, convenient; נוח, מתאים, מעדיף.
    case preference
    /// A form of address that talks down only when used as one ("Look, dear, …"), never inside
    /// a sentence ("I'd love to help").
    case addressTerm = "address_term"
    /// Being responsible or in control: responsible, liable, up to; אחראי, תלוי, בידיים. Negated
    /// beside another party named in the reply, it passes the blame ("זה לא תלוי בי").
    case responsibility
    /// A word that gives a cause: because, due to; בגלל, בשל. With a third party after it, blame.
    case cause
    /// A guess at what happened: probably, apparently, must have; כנראה, ייתכן, מן הסתם. With
    /// the customer as the one who acted, it puts the fault on them ("כנראה חסמת הודעות").
    case likelihood
    /// A verb of knowing, feeling, perceiving, saying or receiving: קיבל, שמע, הבין, got, heard.
    /// It tells what someone went through or thought, not what they did: no step of the
    /// trainee's ("הבנתי"), no fault of the customer's ("you never got the email").
    case notAnAct = "not_an_act"
    /// A duty put on the customer: must, have to; חייב, צריך, תצטרך. In a closing "but…" clause, a limitation.
    case obligation
    /// A word that narrows what is given: only, just; רק. In a closing "but…" clause, a limitation.
    case restriction
    /// An abbreviation every customer knows (SMS, PDF, ATM, ש"ח, מע"מ): never jargon, where
    /// any other acronym the customer did not use is.
    case plainTerm = "plain_term"
    /// The trainee or the company as the one who acts: I, we, let me; אני, אנחנו.
    case firstPerson = "first_person"
    /// The customer as the one who acts: you; את, אתה, אתם.
    case secondPerson = "second_person"
    /// A word that makes what follows a condition: if, unless; אם, במידה.
    case condition
    // Language
    /// Words that negate what follows: "לא", "אין", "not", "never".
    case negator
    /// Words that carry no content for reflection: "the", "של", "אני".
    case stopword

    /// Kinds whose phrases, when a longer phrase of another kind contains them, give way to it
    /// ("sorry" inside "sorry you feel that way", "send you" inside "send you a confirmation").
    /// Flag and limitation cues never give way to another kind: each is its own finding.
    var givesWayWhenContained: Bool {
        switch self {
        case .robotic, .jargon, .time, .negator, .stopword, .blameOthers, .blameCustomer, .thirdParty, .fault,
             .redirect, .redirectAction, .redirectChannel, .warmTransfer, .talkDown, .shrug, .promise, .limitation,
             .policy, .shield:
            false
        case _ where isClauseWord: false
        default: true
        }
    }

    /// Whether a phrase of this kind inside a longer phrase of `outer` gives way to it. A fix
    /// stays a fix inside a commitment ("אני מזכה") but not inside a confirmation callback
    /// ("send you a confirmation") or a question offering a choice.
    func givesWay(to outer: CueKind) -> Bool {
        // "Dear" inside "Dear customer" is a canned greeting, not talking down.
        if self == .talkDown && outer == .robotic { return true }
        // "no way to" inside "that's no way to treat a claim" is validation, not a wall.
        if self == .limitation && [.validation, .empathy, .checkUnderstanding].contains(outer) { return true }
        // "הטעות" inside "זו הטעות שלנו" / "mistake" inside "my mistake" is owning it, not blaming.
        if self == .fault && [.tentative, .validation, .apology].contains(outer) { return true }
        guard givesWayWhenContained, outer.suppressesContained else { return false }
        if self == .fix {
            return [.callback, .choiceQuestion, .vagueOffer, .weakAlternative, .opener, .sorryYouFeel].contains(outer)
        }
        return true
    }

    /// Kinds whose longer phrases make a contained phrase of another kind give way.
    var suppressesContained: Bool {
        switch self {
        case .robotic, .jargon, .time, .negator, .stopword: false
        case _ where isClauseWord: false
        default: true
        }
    }

    /// The kinds the clause rules compose: single words that never contain or give way to a
    /// phrase, only tell the rules who acts, what they do and whether it is possible.
    var isClauseWord: Bool {
        switch self {
        case .fixAction, .checkAction, .customerAction, .ability, .coverage, .rule, .preference, .addressTerm,
             .firstPerson, .secondPerson, .condition, .plainTerm, .obligation, .restriction, .responsibility, .cause,
             .likelihood, .notAnAct:
            true
        default: false
        }
    }

    /// Kinds matched by lemma whatever the form: a coach writes the lemma (זיכה, refund) and
    /// every person, tense, gender, number and prefix of it matches.
    var matchesAnyForm: Bool {
        switch self {
        case .fixAction, .checkAction, .customerAction, .ability, .coverage, .preference, .obligation, .responsibility,
             .notAnAct: true
        default: false
        }
    }

    /// Kinds whose words may be matched with one typing slip.
    var toleratesTypos: Bool {
        switch self {
        // Fault words only count beside a third party; a slip there ("stock" / "stuck") is too loose.
        case .jargon, .negator, .stopword, .thirdParty, .redirectChannel, .fault, .firstPerson, .secondPerson,
             .condition, .addressTerm, .rule, .preference, .plainTerm, .obligation, .restriction, .cause, .likelihood, .notAnAct: false
        default: true
        }
    }

    /// Kinds whose verbs also match by lemma (Hebrew, through hspell: same lemma, tense and
    /// person, any prefix, gender or number) or stem (English, Snowball). These are the kinds
    /// that name what someone does or says. Recited text, jargon, fault words, third parties,
    /// channels, talk-down and the closed lists match the words as listed: their exact wording
    /// is the finding.
    var matchesByLemma: Bool {
        switch self {
        case .empathy, .apology, .thanks, .validation, .checkUnderstanding, .choiceQuestion, .commitment,
             .tentative, .impersonal, .callback, .done, .fix, .offerLead, .vagueOffer, .weakAlternative,
             .redirectAction, .redirect, .warmTransfer, .promise:
            true
        case _ where matchesAnyForm: true
        default: false
        }
    }

    /// Kinds a negator in front cancels.
    var isNegatable: Bool {
        switch self {
        // A blame on the customer is negatable: "it's not your fault", "זו לא אשמתך" reassure.
        case .limitation, .policy, .blameOthers, .shrug, .talkDown, .sorryYouFeel, .shield,
             .robotic, .jargon, .negator, .stopword, .redirectChannel, .time, .thirdParty, .rule, .preference,
             .addressTerm, .firstPerson, .secondPerson, .condition, .plainTerm, .obligation, .restriction, .cause,
             .likelihood, .notAnAct:
            false
        default: true
        }
    }

    private static let bits: [CueKind: UInt64] = {
        var bits: [CueKind: UInt64] = [:]
        for (index, kind) in CueKind.allCases.enumerated() { bits[kind] = 1 << UInt64(index) }
        return bits
    }()

    /// A bit of its own, so sets of kinds are masks on the hot path.
    var bit: UInt64 { Self.bits[self] ?? 0 }

    /// The mask of a set of kinds.
    static func mask(_ kinds: Set<CueKind>) -> UInt64 { kinds.reduce(0) { $0 | $1.bit } }
}
