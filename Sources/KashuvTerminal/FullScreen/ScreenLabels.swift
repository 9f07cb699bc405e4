import KashuvCore

/// The words of the full-screen interface, in the scenario's language: the shared
/// ``Labels`` (the same words plain line mode uses) plus the few only this screen needs.
struct ScreenLabels: Sendable {
    let language: Language
    /// How the trainee is addressed (the Hebrew "you" has gender and number).
    let address: AddressForm
    /// The words shared with plain line mode.
    let shared: Labels

    init(language: Language, address: AddressForm = .unspecified) {
        self.language = language
        self.address = address
        shared = Labels.for(language)
    }

    private func pick(_ hebrew: String, _ english: String) -> String {
        language == .hebrew ? hebrew : english
    }

    var appName: String { pick("קשוב", "Kashuv") }
    var keysHint: String { pick("F1 עזרה · Esc יציאה", "F1 help · Esc quit") }
    var mood: String { shared.mood }
    var you: String { pick(address.pick("את", "אתה", "אתם"), "You") }
    var brief: String { shared.brief }
    var replyPrompt: String { pick("התשובה שלך — Enter לשליחה", "Your reply — Enter to send") }
    var inputHint: String {
        pick("↑↓ גלילת השיחה · F1 או ? עזרה · Esc יציאה (אפשר להמשיך אחר כך עם ‎--resume)",
             "↑↓ scroll · F1 or ? help · Esc quit (continue later with --resume)")
    }
    var pressForDebrief: String { pick("השיחה הסתיימה — מקש כלשהו לסיכום", "The call is over — any key for the debrief") }
    var debriefHint: String { pick("↑↓ גלילה · מקש אחר ליציאה", "↑↓ scroll · any other key to exit") }
    var turn: String { shared.turn }
    var notRated: String { shared.notRated }
    var flags: String { shared.flags }
    var advice: String { shared.advice }
    var earned: String { pick("מה עבד", "Worked") }
    var cost: String { pick("מה עלה לך", "Cost you") }
    var callEnded: String { shared.callEnded }
    var debriefTitle: String { shared.debrief }
    var wentWell: String { shared.wentWell }
    var practiseNext: String { shared.practiseNext }
    var suggestion: String { shared.tryNext }
    var abandoned: String { shared.name(of: .abandoned) }
    var nothingScored: String { pick("לא נשלחה אף תשובה.", "No reply was given.") }
    var table: String { pick("סבב אחר סבב", "Turn by turn") }

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

    func dimension(_ dimension: Dimension) -> String { shared.name(of: dimension) }

    func shortDimension(_ dimension: Dimension) -> String {
        switch dimension {
        case .listening: pick("הקשבה", "Listen")
        case .ownership: pick("אחריות", "Own")
        case .framing: pick("מה כן", "Can-do")
        }
    }

    func flag(_ flag: Flag) -> String { shared.name(of: flag) }

    func outcome(_ outcome: Outcome) -> String { shared.name(of: AttemptOutcome(outcome)) }

    func endReason(_ reason: EndReason) -> String {
        switch reason {
        case .branch: ""
        case .furious: shared.endedFurious
        case .maxTurns: shared.endedMaxTurns
        }
    }

    func suggestionReason(_ reason: ScenarioSuggestion.Reason) -> String { shared.reason(reason) }

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
