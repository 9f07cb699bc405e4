import Testing
@testable import KashuvCore

/// Negation is read the way a coach reads it: fixed positive phrases stay positive, a
/// negator cancels what it governs, and "can't X, but can Y" is read by its last clause.
@Suite("Negation")
struct TextNegationTests {
    @Test("\"אין בעיה\" and \"no problem\" are not walls")
    func noProblem() {
        for (reply, lang) in [("אין בעיה, אני מטפלת בזה עכשיו", Language.hebrew), ("No problem, I'll sort it now.", .english)] {
            let result = ScorerFixture.score(reply, lang: lang)
            #expect(!result.flags.contains(.policyWall), "\(reply)")
            #expect(result.levels.framing >= 1, "\(reply)")
        }
    }

    @Test("\"לא תהיה לי בעיה לעזור\" and \"לא אכפת לי לבדוק\" are positive")
    func positiveHebrewNegations() {
        for reply in ["לא תהיה לי בעיה לעזור לך בזה", "לא אכפת לי לבדוק את זה בשבילך"] {
            let result = ScorerFixture.score(reply, lang: .hebrew)
            #expect(!result.flags.contains(.policyWall), "\(reply)")
            #expect(result.levels.framing == 1, "\(reply)")
        }
        #expect(ScorerFixture.score("לא אכפת לי לבדוק את זה בשבילך", lang: .hebrew).levels.ownership >= 1)
    }

    @Test("\"לא נוכל לעזור\" is a wall")
    func hebrewWall() {
        let result = ScorerFixture.score("לא נוכל לעזור בזה.", lang: .hebrew)
        #expect(result.flags.contains(.policyWall))
        #expect(result.levels.framing == 0)
    }

    @Test("\"I can't refund it, but what I can do is…\" is framing 2")
    func cantButCan() {
        let result = ScorerFixture.score("I can't refund it, but what I can do is add a $20 credit to your account today.",
                                         lang: .english)
        #expect(result.levels.framing == 2)
        #expect(!result.flags.contains(.policyWall))
        #expect(result.evidence.contains { $0.rule == "framing.limitation" && $0.text == "I can't" })
    }

    @Test("\"I can't believe you waited that long — let me fix it\" is listening and ownership, not a wall")
    func cantBelieve() {
        let result = ScorerFixture.score("I can't believe you waited that long, let me fix it right now.", lang: .english)
        #expect(!result.flags.contains(.policyWall))
        #expect(result.levels.listening >= 1)
        #expect(result.levels.ownership == 2)
    }

    @Test("a negated promise is no promise: \"אני לא יכולה להבטיח\" does not over-promise")
    func negatedPromise() {
        let result = ScorerFixture.score("אני לא יכולה להבטיח שזה יגיע היום, אבל אני מזכה אותך עכשיו על המשלוח.", lang: .hebrew)
        #expect(!result.flags.contains(.overPromise))
        #expect(result.levels.framing == 2)
    }

    @Test("a negated commitment is no commitment: \"I won't be able to call you back\"")
    func negatedCommitment() {
        let result = ScorerFixture.score("I won't call you back.", lang: .english)
        #expect(result.levels.ownership == 0)
    }
}
