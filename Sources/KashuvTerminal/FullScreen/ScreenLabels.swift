import KashuvCore

/// The words of the full-screen interface, in the scenario's language.
struct ScreenLabels: Sendable {
    let language: Language

    private func pick(_ hebrew: String, _ english: String) -> String {
        language == .hebrew ? hebrew : english
    }

    var appName: String { pick("קשוב", "Kashuv") }
    var keysHint: String { pick("F1 עזרה · Esc יציאה", "F1 help · Esc quit") }
    var mood: String { pick("מצב רוח", "Mood") }
    var you: String { pick("את/ה", "You") }
    var brief: String { pick("התדריך", "Brief") }
    var replyPrompt: String { pick("התשובה שלך — Enter לשליחה", "Your reply — Enter to send") }
    var inputHint: String {
        pick("↑↓ גלילת השיחה · F1 או ? עזרה · Esc יציאה (אפשר להמשיך אחר כך עם ‎--resume)",
             "↑↓ scroll · F1 or ? help · Esc quit (continue later with --resume)")
    }
    var pressForDebrief: String { pick("השיחה הסתיימה — מקש כלשהו לסיכום", "The call is over — any key for the debrief") }
    var debriefHint: String { pick("↑↓ גלילה · מקש אחר ליציאה", "↑↓ scroll · any other key to exit") }
    var turn: String { pick("תור", "Turn") }
    var notRated: String { pick("לא מדורג", "not rated") }
    var flags: String { pick("דגלים", "Flags") }
    var advice: String { pick("עצה", "Advice") }
    var earned: String { pick("מה עבד", "Worked") }
    var cost: String { pick("מה עלה לך", "Cost you") }
    var callEnded: String { pick("השיחה הסתיימה", "The call ended") }
    var debriefTitle: String { pick("סיכום השיחה", "Debrief") }
    var wentWell: String { pick("מה עבד טוב", "What went well") }
    var practiseNext: String { pick("הדבר האחד לתרגל בפעם הבאה", "The one thing to practise next") }
    var suggestion: String { pick("תרחיש מומלץ להמשך", "Try next") }
    var abandoned: String { pick("השיחה הופסקה לפני סיום", "The call was left before an ending") }
    var nothingScored: String { pick("לא נשלחה אף תשובה.", "No reply was given.") }
    var table: String { pick("תור אחר תור", "Turn by turn") }

    func moodChange(from before: Int, to after: Int) -> String {
        if before == after { return pick("מצב הרוח נשאר \(after)", "mood stays \(after)") }
        return after < before
            ? pick("מצב הרוח ירד מ-\(before) ל-\(after)", "mood \(before) → \(after), calmer")
            : pick("מצב הרוח עלה מ-\(before) ל-\(after)", "mood \(before) → \(after), angrier")
    }

    func moodWord(_ mood: Int) -> String {
        switch mood {
        case ...3: pick("רגוע", "calm")
        case 4...6: pick("מתוסכל", "frustrated")
        case 7...8: pick("כועס", "angry")
        default: pick("זועם", "furious")
        }
    }

    func dimension(_ dimension: Dimension) -> String {
        switch dimension {
        case .listening: pick("הקשבה פעילה", "Listening")
        case .ownership: pick("אחריות", "Ownership")
        case .framing: pick("מה כן אפשר", "Can-do framing")
        }
    }

    func shortDimension(_ dimension: Dimension) -> String {
        switch dimension {
        case .listening: pick("הקשבה", "Listen")
        case .ownership: pick("אחריות", "Own")
        case .framing: pick("מה כן", "Can-do")
        }
    }

    func flag(_ flag: Flag) -> String {
        switch flag {
        case .blame: pick("האשמה", "blame")
        case .redirect: pick("הפניה לערוץ אחר", "redirect")
        case .policyWall: pick("חומת נהלים", "policy wall")
        case .dismissive: pick("זלזול", "dismissive")
        case .jargon: pick("ז'רגון", "jargon")
        case .robotic: pick("רובוטי", "robotic")
        case .overPromise: pick("הבטחת יתר", "over-promise")
        }
    }

    func outcome(_ outcome: Outcome) -> String {
        switch outcome {
        case .resolved: pick("נפתר", "resolved")
        case .escalated: pick("הסלמה", "escalated")
        case .left: pick("הלקוח עזב", "the customer left")
        }
    }

    func endReason(_ reason: EndReason) -> String {
        switch reason {
        case .branch: ""
        case .furious: pick("הלקוח הגיע לזעם", "the customer got furious")
        case .maxTurns: pick("נגמרו התורות", "out of turns")
        }
    }

    func suggestionReason(_ reason: ScenarioSuggestion.Reason) -> String {
        switch reason {
        case .practise(let dimension): pick("לתרגל \(self.dimension(dimension))", "to practise \(self.dimension(dimension).lowercased())")
        case .sameCategory: pick("אותו סוג לקוח, מצב אחר", "same kind of customer, another situation")
        case .another: pick("עוד תרחיש", "another scenario")
        }
    }

    var helpTitle: String { pick("מקשים", "Keys") }
    var helpLines: [(String, String)] {
        [
            ("Enter", pick("שליחת התשובה (תשובה ריקה לא נשלחת)", "send the reply (an empty reply is ignored)")),
            ("← →", pick("הזזת הסמן על המסך", "move the cursor on screen")),
            ("Home / End", pick("תחילת / סוף התשובה", "start / end of the reply")),
            ("Backspace / Delete", pick("מחיקה לפני / תחת הסמן", "delete before / under the cursor")),
            ("↑ ↓ PgUp PgDn", pick("גלילת השיחה", "scroll the conversation")),
            ("F1, ?", pick("העזרה הזו (? כשהתשובה ריקה)", "this help (? when the reply is empty)")),
            ("Esc, Ctrl-C", pick("יציאה; מה שקיבל ציון כבר שמור", "quit; every scored turn is already saved")),
            ("--resume", pick("המשך השיחה מאותו מקום", "continue the call where you left it")),
        ]
    }
    var helpClose: String { pick("מקש כלשהו לסגירה", "any key to close") }
}
