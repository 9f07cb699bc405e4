import Testing
@testable import KashuvCore

/// Every flag of the guide, in both languages, with its cap.
@Suite("Scorer flags")
struct ScorerFlagTests {
    @Test("blame: a third party or the system is blamed; ownership drops to 0")
    func blame() {
        let he = ScorerFixture.score("זה באשמת חברת השילוח, לא שלנו.", lang: .hebrew)
        #expect(he.flags.contains(.blame))
        #expect(he.levels.ownership == 0)
        let en = ScorerFixture.score("Sorry, that's the courier's fault, not ours.", lang: .english)
        #expect(en.flags.contains(.blame))
        #expect(en.levels.ownership == 0)
    }

    @Test("blame: making the customer the problem is also dismissive")
    func blameCustomer() {
        let result = ScorerFixture.score("You should have read the terms before you paid.", lang: .english)
        #expect(result.flags.contains(.blame))
        #expect(result.flags.contains(.dismissive))
        #expect(result.levels.listening == 0)
    }

    @Test("redirect: sending the customer to another channel; a warm transfer is not a redirect")
    func redirect() {
        let he = ScorerFixture.score("תיכנס לאתר ותמלא טופס.", lang: .hebrew)
        #expect(he.flags.contains(.redirect))
        #expect(he.levels.ownership == 0)
        let en = ScorerFixture.score("Please call UPS directly, they handle it.", lang: .english)
        #expect(en.flags.contains(.redirect))
        let warm = ScorerFixture.score(
            "I'm transferring you to Dana in billing, I've told her everything, she'll call you within the hour.",
            lang: .english)
        #expect(!warm.flags.contains(.redirect))
        // A channel mentioned beside what the trainee already did is a tip, not a redirect.
        let tip = ScorerFixture.score("I've refunded it now, and you can also see the refund in our app.", lang: .english)
        #expect(!tip.flags.contains(.redirect))
    }

    @Test("policy_wall: policy or impossibility with no alternative; framing drops to 0")
    func policyWall() {
        let he = ScorerFixture.score("זה הנוהל, אי אפשר.", lang: .hebrew)
        #expect(he.flags.contains(.policyWall))
        #expect(he.levels.framing == 0)
        let en = ScorerFixture.score("Company policy doesn't allow refunds.", lang: .english)
        #expect(en.flags.contains(.policyWall))
        // Telling the customer to read the terms is a policy wall, not a redirect.
        let terms = ScorerFixture.score("You need to read the terms and conditions.", lang: .english)
        #expect(terms.flags.contains(.policyWall))
        #expect(!terms.flags.contains(.redirect))
    }

    @Test("dismissive: talking down caps listening at 0 even with empathy words")
    func dismissive() {
        let he = ScorerFixture.score("אני מבין, אבל תירגע.", lang: .hebrew)
        #expect(he.flags.contains(.dismissive))
        #expect(he.levels.listening == 0)
        let en = ScorerFixture.score("Calm down, as I already explained, it's fine.", lang: .english)
        #expect(en.flags.contains(.dismissive))
        // A shrug is dismissive too.
        #expect(ScorerFixture.score("We're slammed today, not much I can do.", lang: .english).flags.contains(.dismissive))
    }

    @Test("\"I'm sorry you feel that way\" is no apology: dismissive and ownership 0")
    func sorryYouFeel() {
        let en = ScorerFixture.score("I'm sorry you feel that way.", lang: .english)
        #expect(en.flags.contains(.dismissive))
        #expect(en.levels.ownership == 0)
        let he = ScorerFixture.score("אני מצטער על התחושה.", lang: .hebrew)
        #expect(he.flags.contains(.dismissive))
        #expect(he.levels.ownership == 0)
    }

    @Test("jargon: internal terms are flagged, with no cap; not when the customer used the word")
    func jargon() {
        let he = ScorerFixture.score("אני פותחת לך טיקט עכשיו ואחזור אלייך עד 16:00.", lang: .hebrew)
        #expect(he.flags.contains(.jargon))
        #expect(he.levels.ownership == 2)
        let en = ScorerFixture.score("Your ticket was escalated to tier 2.", lang: .english)
        #expect(en.flags.contains(.jargon))
        let echoed = ScorerFixture.score("I'll check the SLA now.", customer: "Your SLA says four hours!", lang: .english)
        #expect(!echoed.flags.contains(.jargon))
    }

    @Test("robotic: recited text caps listening at 1; so does repeating an earlier reply")
    func robotic() {
        let canned = ScorerFixture.score(
            "We apologise for any inconvenience. As per our policy, please allow 10 working days.", lang: .english)
        #expect(canned.flags.contains(.robotic))
        #expect(canned.levels.listening <= 1)
        let he = ScorerFixture.score("שלום רב, פנייתך התקבלה ותטופל בהתאם לנהלים.", lang: .hebrew)
        #expect(he.flags.contains(.robotic))
        let repeated = ScorerFixture.score("I understand, I'll look into it.", lang: .english,
                                           earlier: ["I understand, I'll look into it."])
        #expect(repeated.flags.contains(.robotic))
    }

    @Test("over_promise: a guarantee caps ownership and framing at 1")
    func overPromise() {
        let en = ScorerFixture.score("I guarantee it arrives today, I'll refund you now.", lang: .english)
        #expect(en.flags.contains(.overPromise))
        #expect(en.levels.ownership == 1)
        #expect(en.levels.framing == 1)
        let he = ScorerFixture.score("אני מבטיחה לך שזה יגיע היום.", lang: .hebrew)
        #expect(he.flags.contains(.overPromise))
    }

    @Test("over_promise: offering what the scenario's cannot-offer list rules out")
    func overPromiseFromScenario() {
        let result = ScorerFixture.score("I'll give you a full refund of the fee today.", lang: .english,
                                         cannotOffer: ["a full refund of the fee"])
        #expect(result.flags.contains(.overPromise))
        let fine = ScorerFixture.score("I can't give a full refund of the fee, but I'll add a credit now.",
                                       lang: .english, cannotOffer: ["a full refund of the fee"])
        #expect(!fine.flags.contains(.overPromise))
    }

    @Test("not rated: a dimension the turn does not call for is reported as not rated")
    func notRated() {
        let result = ScorerFixture.scorer.score("I understand.", context: ScoringContext(language: .english, rated: [.listening]))
        #expect(result.level(.listening) == 1)
        #expect(result.level(.framing) == nil)
    }

    @Test("negated blame: 'it's not your fault' and 'זו לא אשמתך' reassure; they are not blame")
    func notYourFault() {
        let en = ScorerFixture.score("It's not your fault at all, and I'm sorry. I'm refunding it now.", lang: .english)
        #expect(!en.flags.contains(.blame))
        #expect(!en.flags.contains(.dismissive))
        #expect(en.levels.ownership == 2)
        let he = ScorerFixture.score("זו לא אשמתך בכלל, ואני מתנצלת. אני מבטלת את החיוב עכשיו.", lang: .hebrew)
        #expect(!he.flags.contains(.blame))
        #expect(!he.flags.contains(.dismissive))
    }

    @Test("over_promise: a guarantee the customer spoke of is their word, not the trainee's promise")
    func echoedGuarantee() {
        let result = ScorerFixture.score("You asked on day 5 of a 14-day guarantee, I'm approving the refund right now.",
                                         customer: "I asked for a refund on day 5 of your 14-day money-back guarantee.",
                                         lang: .english)
        #expect(!result.flags.contains(.overPromise))
        #expect(result.levels.ownership == 2)
    }

    @Test("fault words need their exact form: 'in stock' is not 'stuck'")
    func faultNoTypo() {
        let result = ScorerFixture.score("I'll ask the pharmacy today about an equivalent they have in stock.", lang: .english)
        #expect(!result.flags.contains(.blame))
    }

    @Test("the trainee's own 'I'll also ask your doctor' is no redirect")
    func ownAskIsNoRedirect() {
        let result = ScorerFixture.score("I've put them on hold, and I'll also ask your doctor's office today.", lang: .english)
        #expect(!result.flags.contains(.redirect))
    }

    @Test("what a refusal names is refused, not offered: 'isn't something I can waive'")
    func refusedObject() {
        let result = ScorerFixture.score("The fee isn't something I can waive.", lang: .english)
        #expect(result.levels.framing == 0)
        #expect(result.flags.contains(.policyWall))
    }

    @Test("owning the mistake while naming a third party is not blame: 'זו הטעות שלנו ולא של חברת השליחויות'")
    func owningTheMistake() {
        let he = ScorerFixture.score("אני מצטערת, זו הטעות שלנו ולא של חברת השליחויות. אני שולחת לך חבילה חדשה היום.", lang: .hebrew)
        #expect(!he.flags.contains(.blame))
        #expect(he.levels.ownership == 2)
        let en = ScorerFixture.score("That was our mistake, not the courier's, and I'm sorry. I'm sending a new one today.", lang: .english)
        #expect(!en.flags.contains(.blame))
    }

    @Test("the trainee dealing with a third party themselves, with a time, is no redirect; a cold transfer still is")
    func traineeDealsWithThem() {
        let he = ScorerFixture.score("אני מתאמת מול חברת ההובלה הגעה מחר בין 8 ל-10 ומעדכנת אותך.", lang: .hebrew)
        #expect(!he.flags.contains(.redirect))
        let en = ScorerFixture.score("You won't have to do anything yourself, I'm sorting it with the courier now.", lang: .english)
        #expect(!en.flags.contains(.redirect))
        let cold = ScorerFixture.score("I'll transfer you to billing now.", lang: .english)
        #expect(cold.flags.contains(.redirect))
    }
}
