import Testing
@testable import KashuvCore

/// The three levels as the guide defines them.
@Suite("Scorer levels")
struct ScorerLevelTests {
    let sofa = "הזמנתי ספה ב-4,800 ₪ ואמרו לי שתגיע ביום שלישי. לקחתי יום חופש וחיכיתי עד הערב ואף אחד לא הגיע."

    @Test("the model answer: reflection + feeling, apology + timed commitment, a concrete option")
    func modelAnswer() {
        let result = ScorerFixture.score(
            "לקחת יום חופש וחיכית עד הערב, אני מבינה כמה זה מתסכל ומתנצלת. אני מתאמת לך עכשיו משלוח חדש למחר בבוקר ואחזור אלייך עד 14:00.",
            customer: sofa, lang: .hebrew)
        #expect(result.levels == Levels(listening: 2, ownership: 2, framing: 2))
        #expect(result.flags.isEmpty)
    }

    @Test("a generic acknowledgement is listening 1; several generic phrases are still 1")
    func generic() {
        #expect(ScorerFixture.score("I understand your frustration and I appreciate your patience.",
                                    customer: "I've been on hold for 50 minutes.", lang: .english).levels.listening == 1)
    }

    @Test("a specific reflection alone is listening 1; with a feeling it is 2")
    func reflection() {
        let customer = "I've been on hold for 50 minutes just to move my flight by one day."
        #expect(ScorerFixture.score("So, 50 minutes on hold to move your flight.", customer: customer, lang: .english)
            .levels.listening == 1)
        #expect(ScorerFixture.score("50 minutes on hold to move a flight, that's really frustrating.", customer: customer,
                                    lang: .english).levels.listening == 2)
    }

    @Test("naming the issue only inside an apology or a solution is not a reflection")
    func notAReflection() {
        let customer = "חייבתם אותי פעמיים על החשבון של מאי, 189 ₪ פעמיים!"
        let result = ScorerFixture.score("אין בעיה, אני בודקת את החיוב הכפול של 189 ואחזור אליך עד מחר.",
                                         customer: customer, lang: .hebrew)
        #expect(result.levels.listening == 0)
        #expect(result.levels.ownership == 2)
        #expect(result.levels.framing == 1)
    }

    @Test("an opener is not a clarifying question; a real question about their situation is")
    func questions() {
        #expect(ScorerFixture.score("How can I help you today?", lang: .english).levels.listening == 0)
        #expect(ScorerFixture.score("Is it leaking from the bottom or from the water tank?",
                                    customer: "The coffee machine leaks every morning.", lang: .english).levels.listening == 1)
    }

    @Test("ownership: an impersonal commitment is 1 even with a time; a vague 'I'll look into it' is 1")
    func ownership() {
        #expect(ScorerFixture.score("זה יטופל תוך 24 שעות.", lang: .hebrew).levels.ownership == 1)
        #expect(ScorerFixture.score("I'll look into it.", lang: .english).levels.ownership == 1)
        #expect(ScorerFixture.score("I'll call you back by 4pm today.", lang: .english).levels.ownership == 2)
    }

    @Test("framing: a check with a callback and no option yet is framing 1")
    func checkIsNotAnOption() {
        let result = ScorerFixture.score("I'll check with the courier and call you back by 16:00.", lang: .english)
        #expect(result.levels.framing == 1)
        #expect(result.levels.ownership == 2)
    }

    @Test("a cue ending in a lone prefix letter matches the attached word: \"תודה ש\" in \"תודה שפנית\"")
    func prefixLetterCue() {
        let result = ScorerFixture.score("תודה שפנית אלינו.", lang: .hebrew)
        #expect(result.evidence.contains { $0.rule == "listening.thanks" })
    }

    @Test("an English action in the progressive is a commitment: \"I'm ordering you a replacement right now\"")
    func progressive() {
        let result = ScorerFixture.score("I'm ordering you a replacement right now.", lang: .english)
        #expect(result.levels.ownership == 2)
        #expect(result.levels.framing == 2)
    }

    @Test("a Hebrew first-person present-tense action is a commitment: \"אני מסירה עכשיו את החסימה\"; feelings are not")
    func hebrewPresent() {
        let action = ScorerFixture.score("אני מסירה עכשיו את החסימה.", lang: .hebrew)
        #expect(action.levels.ownership == 2)
        let feeling = ScorerFixture.score("אני מבינה אותך, היום זה באמת קשה.", lang: .hebrew)
        #expect(feeling.levels.ownership == 0)
        let negated = ScorerFixture.score("אני לא מסירה את החסימה עכשיו.", lang: .hebrew)
        #expect(negated.levels.ownership < 2)
    }

    @Test("a Hebrew noun in the construct state matches its cue: הנחת נאמנות is a discount (הנחה)")
    func constructState() {
        #expect(WordForms.variants(of: "הנחה").contains("הנחת"))
    }

    @Test("a negated blame on the customer does not stop a reflection: 'על בדיקות שלא אישרת'")
    func negatedBlameReflects() {
        let result = ScorerFixture.score("באת לחיסון ויצאת עם חשבון של 680 ₪ על בדיקות שלא אישרת. אני מתנצלת.",
                                         customer: "הבאתי את הכלב לחיסון וקיבלתי חשבון של 680 ₪ על בדיקות שאף אחד לא שאל אותי עליהן.",
                                         lang: .hebrew)
        #expect(result.levels.listening == 2)
        #expect(!result.flags.contains(.blame))
    }

    @Test("an option the customer must pay extra for is a weak alternative: framing 1")
    func paidOption() {
        let he = ScorerFixture.score("אי אפשר לבטל את ההאטה, אבל אפשר לרכוש תוסף של 5 ג'יגה ב-39 ₪.", lang: .hebrew)
        #expect(he.levels.framing == 1)
        let en = ScorerFixture.score("Screen damage isn't covered, but we can repair it for $180.", lang: .english)
        #expect(en.levels.framing == 1)
        #expect(!en.flags.contains(.policyWall))
    }
}
