import Testing
@testable import KashuvCore

/// The clause rules, as behaviours a coach would name, in both languages: who acts decides
/// whether a channel is a redirect; what is offered (not one shared word) decides an
/// over-promise; a rule or impossibility in any register is a wall; the trainee's own
/// action in the present tense is the fix.
@Suite("Scorer clause rules")
struct ScorerClauseRuleTests {
    @Test("an allowed offer is never over_promise, even when it shares words with a forbidden one")
    func allowedOffer() {
        let he = ScorerFixture.score(
            "אני מזמינה לך עכשיו טכנאי לבדיקת המזגן, ושולחת לך הודעה עם שעת ההגעה.", lang: .hebrew,
            cannotOffer: ["טכנאי עוד היום לפני 14:00 בלי תוספת תשלום"],
            canOffer: ["להזמין טכנאי לבדיקת המזגן למחר בבוקר", "לשלוח הודעה עם שעת ההגעה"])
        #expect(!he.flags.contains(.overPromise))
        #expect(he.levels.framing == 2)
        let en = ScorerFixture.score(
            "I'm crediting the $40 late fee back to your account now and emailing you the confirmation.", lang: .english,
            cannotOffer: ["Waive next month's $40 fee as well"],
            canOffer: ["Credit the $40 late fee now", "Email a written confirmation today"])
        #expect(!en.flags.contains(.overPromise))
        #expect(en.levels.ownership == 2)
    }

    @Test("offering what the scenario rules out is over_promise")
    func forbiddenOffer() {
        let he = ScorerFixture.score("אני שולחת לך טכנאי עוד היום לפני 14:00, בלי תוספת תשלום.", lang: .hebrew,
                                     cannotOffer: ["טכנאי עוד היום לפני 14:00 בלי תוספת תשלום"],
                                     canOffer: ["להזמין טכנאי לבדיקת המזגן למחר בבוקר"])
        #expect(he.flags.contains(.overPromise))
        let en = ScorerFixture.score("I'll waive next month's $40 fee as well, no problem.", lang: .english,
                                     cannotOffer: ["Waive next month's $40 fee as well"],
                                     canOffer: ["Credit the $40 late fee now"])
        #expect(en.flags.contains(.overPromise))
    }

    @Test("a channel the customer is sent to is a redirect; a channel the trainee uses is not")
    func channelSentOrUsed() {
        #expect(ScorerFixture.score("תיכנסי לאזור האישי באתר ותגישי שם בקשה להחזר.", lang: .hebrew).flags.contains(.redirect))
        let used = ScorerFixture.score("אני נכנסת עכשיו לאזור האישי שלך באתר ומגישה בשבילך את הבקשה להחזר.", lang: .hebrew)
        #expect(!used.flags.contains(.redirect))
        #expect(ScorerFixture.score("Please log in to the portal and submit a claim form there.", lang: .english)
            .flags.contains(.redirect))
        let own = ScorerFixture.score("I'm logging your claim in our portal for you right now.", lang: .english)
        #expect(!own.flags.contains(.redirect))
    }

    @Test("sending the customer away after a refusal is no door: framing 0 and policy_wall")
    func refusalThenRedirect() {
        let en = ScorerFixture.score("There's nothing I can do about the fee. You can raise a complaint through our online form.",
                                     lang: .english)
        #expect(en.levels.framing == 0)
        #expect(en.flags.contains(.policyWall))
        #expect(en.flags.contains(.redirect))
    }

    @Test("a policy wall in a formal or folksy register is still a wall")
    func formalPolicyWall() {
        let formal = ScorerFixture.score("על פי הנהלים, מנוי שחודש אינו ניתן לביטול באמצע התקופה.", lang: .hebrew)
        #expect(formal.flags.contains(.policyWall))
        #expect(formal.levels.framing == 0)
        let english = ScorerFixture.score("Unfortunately the damage isn't covered under the basic warranty.", lang: .english)
        #expect(english.flags.contains(.policyWall))
        #expect(english.levels.framing == 0)
    }

    @Test("the trainee's own action in the present tense is a concrete fix and ownership 2")
    func presentTenseAction() {
        let he = ScorerFixture.score("אני מבטל עכשיו את דמי המשלוח ומזכה אותך על ההפרש.", lang: .hebrew)
        #expect(he.levels.ownership == 2)
        #expect(he.levels.framing == 2)
        let dropped = ScorerFixture.score("מזמינה לך שליח חדש למחר בבוקר.", lang: .hebrew)
        #expect(dropped.levels.framing == 2)
        let en = ScorerFixture.score("I'm reversing the duplicate charge right now.", lang: .english)
        #expect(en.levels.ownership == 2)
        #expect(en.levels.framing == 2)
    }

    @Test("a step that is not yet a fix (passing it on, opening a ticket) is ownership and framing 1")
    func stepIsNotAFix() {
        let he = ScorerFixture.score("העברתי את הפנייה למחלקה הטכנית.", lang: .hebrew)
        #expect(he.levels.framing == 1)
        #expect(he.levels.ownership == 1)
    }

    @Test("a question that lets the customer choose the fix is a concrete option")
    func choiceOfFix() {
        let he = ScorerFixture.score("מה יותר נוח לך, שהטכנאי יגיע מחר בבוקר או ביום חמישי אחר הצהריים?", lang: .hebrew)
        #expect(he.levels.framing == 2)
        let en = ScorerFixture.score("Would you prefer a replacement sent tomorrow or a refund today?", lang: .english)
        #expect(en.levels.framing == 2)
    }

    @Test("warmth is not talking down; a form of address set off on its own is")
    func warmthIsNotDismissive() {
        let warm = ScorerFixture.score("I'd love to help with this. Honestly, I'd be annoyed too, 'cause that's a long wait.",
                                       lang: .english)
        #expect(!warm.flags.contains(.dismissive))
        #expect(!warm.flags.contains(.robotic))
        #expect(ScorerFixture.score("Look, dear, there's a queue like for everyone.", lang: .english).flags.contains(.dismissive))
        #expect(ScorerFixture.score("תקשיבי מותק, יש תור כמו לכולם.", lang: .hebrew).flags.contains(.dismissive))
    }

    @Test("an acronym or internal code the customer did not use is jargon; an everyday one is not")
    func acronymsAreJargon() {
        #expect(ScorerFixture.score("I've logged a P2 RMA against your unit.", lang: .english).flags.contains(.jargon))
        #expect(!ScorerFixture.score("I'll text you an SMS with the PIN now.", lang: .english).flags.contains(.jargon))
        #expect(ScorerFixture.score("פתחתי לך קריאת שת\"פ מול הספק.", lang: .hebrew).flags.contains(.jargon))
        #expect(!ScorerFixture.score("אני מזכה אותך ב-50 ש\"ח עכשיו.", lang: .hebrew).flags.contains(.jargon))
    }

    @Test("blame through an impersonal cause: the system or a third party as the subject of a failure")
    func impersonalBlame() {
        let he = ScorerFixture.score("חברת ההובלה לא עדכנה את הסטטוס, זה לא תלוי בנו.", lang: .hebrew)
        #expect(he.flags.contains(.blame))
        let en = ScorerFixture.score("The supplier didn't ship it on time, that's on them.", lang: .english)
        #expect(en.flags.contains(.blame))
    }
}
