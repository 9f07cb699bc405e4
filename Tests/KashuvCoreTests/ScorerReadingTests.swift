import Testing
@testable import KashuvCore

/// How the scorer reads what a reply is doing, beyond the words it lists: the customer's own
/// story told back, the customer as the cause, a door closed with nothing offered, and the
/// forms a chat reply takes (an emoji as a full stop, a formal letter's greetings).
@Suite("Scorer reading of a reply")
struct ScorerReadingTests {
    @Test("a guess that the customer did it, or what they failed to do, is blame however worded")
    func customerAsCause() {
        let he = ScorerFixture.score("הכול תקין במערכת שלנו. כנראה לחצת על הקישור הישן מהמייל הקודם.", lang: .hebrew)
        #expect(he.flags.contains(.blame))
        #expect(he.levels.ownership == 0)
        let en = ScorerFixture.score("Our records are fine. It looks like you never activated the card after it arrived.",
                                     lang: .english)
        #expect(en.flags.contains(.blame))
        let counterfactual = ScorerFixture.score("You should have returned the form before the deadline.", lang: .english)
        #expect(counterfactual.flags.contains(.blame))
    }

    @Test("what happened to the customer, told back, is no blame")
    func customerStoryIsNoBlame() {
        let en = ScorerFixture.score("You never got the confirmation email and you were charged twice. I'm sorry, I'm refunding the second charge now.",
                                     lang: .english)
        #expect(!en.flags.contains(.blame))
        #expect(en.levels.ownership == 2)
        let he = ScorerFixture.score("שילמת פעמיים ולא קיבלת אישור, וזה באמת מתסכל. אני מחזירה לך עכשיו את החיוב הכפול.",
                                     customer: "חייבתם אותי פעמיים על אותה הזמנה ואף אחד לא שלח לי אישור!", lang: .hebrew)
        #expect(!he.flags.contains(.blame))
        #expect(he.levels.listening == 2)
    }

    @Test("a question about what the customer did asks, it does not accuse")
    func questionIsNoBlame() {
        let he = ScorerFixture.score("באיזה סניף הזמנת את המשקפיים? אני בודקת מולם עכשיו.", lang: .hebrew)
        #expect(!he.flags.contains(.blame))
    }

    @Test("with nothing offered, a shrug that says nothing can be done or disowning the matter closes the door")
    func doorClosedWithNothingOffered() {
        let shrug = ScorerFixture.score("Not much we can do about the queue, to be honest.", lang: .english)
        #expect(shrug.levels.framing == 0)
        #expect(shrug.flags.contains(.policyWall))
        let disowning = ScorerFixture.score("ההחלטה הזאת של חברת הביטוח, זה לא בידיים שלנו.", lang: .hebrew)
        #expect(disowning.levels.framing == 0)
        #expect(disowning.flags.contains(.policyWall))
    }

    @Test("an excuse with nothing offered only explains: framing 1, no wall")
    func excuseOnlyExplains() {
        let he = ScorerFixture.score("יש עומס גדול השבוע, זה קורה בתקופת החגים.", lang: .hebrew)
        #expect(he.levels.framing == 1)
        #expect(!he.flags.contains(.policyWall))
    }

    @Test("a thing restated as itself closes the matter")
    func restatementIsALimitation() {
        let he = ScorerFixture.score("העמלה היא העמלה.", lang: .hebrew)
        #expect(he.levels.framing == 0)
        let en = ScorerFixture.score("Fees are fees.", lang: .english)
        #expect(en.levels.framing == 0)
        #expect(en.flags.contains(.policyWall))
    }

    @Test("options, then what cannot be done, then a next step: the reply centres on the options")
    func optionsThenLimitThenStep() {
        let en = ScorerFixture.score(
            "I'm booking you a taxi to the venue now and crediting the $30 delivery fee. I can't promise the cake arrives before six, but I'll call you by 5:15 with its exact time.",
            lang: .english)
        #expect(en.levels.framing == 2)
    }

    @Test("a fix named with a time is this customer's offer, though nobody says 'I'")
    func impersonalFixWithTime() {
        let he = ScorerFixture.score("הזיכוי על המשלוח נכנס לחשבון היום.", lang: .hebrew)
        #expect(he.levels.framing == 2)
        #expect(he.levels.ownership <= 1)
        let rule = ScorerFixture.score("Refunds are processed within 10 business days of approval.", lang: .english)
        #expect(rule.levels.framing < 2)
    }

    @Test("the customer's story told back promises nothing")
    func storyIsNoOverPromise() {
        let he = ScorerFixture.score(
            "אם הבנתי נכון, הבטיחו לך החזר מלא של 800 ₪ ובפועל קיבלת רק 200. אני מזכה אותך עכשיו ב-150 ₪ ומעבירה את השאר לאישור המנהלת.",
            lang: .hebrew, cannotOffer: ["להחזיר את מלוא 800 ₪ בלי אישור המנהלת"],
            canOffer: ["לזכות 150 ₪ מיד", "להעביר את בקשת ההחזר לאישור המנהלת"])
        #expect(!he.flags.contains(.overPromise))
        #expect(he.levels.framing == 2)
    }

    @Test("an emoji ends a sentence like a full stop")
    func emojiEndsASentence() {
        let he = ScorerFixture.score("זה ממש לא בסדר 😕 שולח לך עכשיו שליח עם מטען חדש.", lang: .hebrew)
        #expect(he.levels.ownership == 2)
        #expect(he.levels.framing == 2)
    }

    @Test("a formal letter that reflects the specifics and acts is not canned")
    func formalLetterIsNotRobotic() {
        let he = ScorerFixture.score(
            "שלום רב, תודה שפנית אלינו ואני מתנצלת על אי הנוחות. אני מבינה שהמקרר שהזמנת הגיע עם דלת שבורה ושחיכית לו שבועיים. אני שולחת אלייך מחר בבוקר טכנאי שיחליף את הדלת.",
            customer: "חיכיתי שבועיים למקרר והוא הגיע עם דלת שבורה!", lang: .hebrew)
        #expect(!he.flags.contains(.robotic))
        #expect(he.levels.listening == 2)
    }

    @Test("a formal form of address set off in a cold reply talks down; in a warm one it does not")
    func formalAddress() {
        let cold = ScorerFixture.score("אדוני, ככה עובדים פה, יש תור.", lang: .hebrew)
        #expect(cold.flags.contains(.dismissive))
        let warm = ScorerFixture.score("אדוני, אני מצטערת על ההמתנה, אני מזמינה לך עכשיו טכנאי למחר.", lang: .hebrew)
        #expect(!warm.flags.contains(.dismissive))
    }
}

@Suite("Scorer reading of steps taken")
struct ScorerStepTests {
    @Test("a step already taken in the first person past is ownership 1, not yet a fix")
    func pastStep() {
        let he = ScorerFixture.score("סימנתי את התיק כדחוף.", lang: .hebrew)
        #expect(he.levels.ownership == 1)
        #expect(he.levels.framing == 1)
        let en = ScorerFixture.score("I've flagged your case to the billing team.", lang: .english)
        #expect(en.levels.ownership == 1)
    }

    @Test("what the trainee understood or heard is no step")
    func perceptionIsNoStep() {
        let he = ScorerFixture.score("הבנתי.", lang: .hebrew)
        #expect(he.levels.ownership == 0)
    }

    @Test("an impersonal fix with a time is ownership 1")
    func impersonalFixWithTimeIsPartialOwnership() {
        let he = ScorerFixture.score("הזיכוי יוצא היום.", lang: .hebrew)
        #expect(he.levels.ownership == 1)
    }
}

@Suite("Scorer reading of what is offered")
struct ScorerOfferMeaningTests {
    @Test("a ruled-out item offered in other words is over_promise ('entire' for 'whole', 'מובטח' for 'להבטיח')")
    func paraphrasedOverPromise() {
        let en = ScorerFixture.score("I'll refund the entire booking for the trouble.", lang: .english,
                                     cannotOffer: ["refund the whole booking"],
                                     canOffer: ["refund the parking charge", "add a $20 voucher for the next booking"])
        #expect(en.flags.contains(.overPromise))
        let he = ScorerFixture.score("אני רושם אותך עכשיו לסדנה, מקום מובטח גם אם היא מלאה.", lang: .hebrew,
                                     cannotOffer: ["להבטיח מקום בסדנה המלאה"],
                                     canOffer: ["לרשום לסדנה המקבילה שיש בה מקום", "להכניס לרשימת ההמתנה של הסדנה"])
        #expect(he.flags.contains(.overPromise))
    }

    @Test("an allowed item that shares the ruled-out item's quantifier is not an over-promise")
    func allowedWithQuantifier() {
        let en = ScorerFixture.score("I'll refund all the parking charges today.", lang: .english,
                                     cannotOffer: ["refund the whole booking"],
                                     canOffer: ["refund the parking charges", "add a $20 voucher for the next booking"])
        #expect(!en.flags.contains(.overPromise))
    }
}

@Suite("Scorer advice says what the words did")
struct ScorerAdviceWordingTests {
    @Test("a shrug is named as a shrug, not as talking down, and the wall quotes the refusal whole")
    func shrugAdvice() {
        let en = ScorerFixture.score("I'm sorry. There's nothing I can do about it though.", lang: .english)
        #expect(en.flags.contains(.dismissive))
        #expect(en.advice.first?.contains("shrugging") == true)
        #expect(!en.advice.contains { $0.contains("talks down") })
        #expect(en.evidence.contains { $0.flag == .policyWall && $0.text == "nothing I can do" })
    }
}

@Suite("Scoring rule ids")
struct ScoringRuleTests {
    @Test("docs/scoring.md lists every rule id")
    func documented() throws {
        let docs = try String(contentsOf: ScorerFixture.packageRoot.appendingPathComponent("docs/scoring.md"), encoding: .utf8)
        for rule in ScoringRule.allCases {
            #expect(docs.contains("`\(rule.rawValue)`"), "\(rule.rawValue) is not in docs/scoring.md")
        }
    }

    @Test("every piece of evidence the scorer gives names a known rule")
    func evidenceNamesKnownRules() {
        let replies = [
            ("I'm so sorry, I understand. You were charged $45 twice; I'm refunding it now and I'll call you by 5pm.", Language.english),
            ("That's our policy, there's nothing I can do. You can file a dispute on our website.", .english),
            ("תירגע, כנראה לחצת פעמיים. זה באשמת חברת האשראי, אין החזרים.", .hebrew),
            ("בהתאם לתקנון, הזמנה שאושרה אינה ניתנת לשינוי. ה-SLA שלנו 72 שעות.", .hebrew),
        ]
        for (reply, language) in replies {
            for item in ScorerFixture.score(reply, lang: language).evidence {
                #expect(item.scoringRule != nil, "\(item.rule)")
            }
        }
    }
}
