/// Kashuv's one string table: the names of dimensions, flags and outcomes, and every word the
/// practice screens show around the scenario's own text, in Hebrew and in English.
///
/// It lives in the core (no terminal code) so that every layer says the same thing: plain
/// line mode and the full-screen UI in `KashuvTerminal`, the coach's report, and the group
/// layer. Take `Labels.for(language)` and use these strings rather than writing new ones.
/// Add a label here (in both languages) when a screen or report needs one.
public struct Labels: Sendable {
    /// The language of the labels.
    public let language: Language
    /// Heading of the trainee's brief.
    public let brief: String
    /// Heading of the list of what the trainee may offer.
    public let canOffer: String
    /// Heading of the list of what the trainee must not promise.
    public let cannotOffer: String
    /// Heading of the customer's card.
    public let customer: String
    /// "Mood".
    public let mood: String
    /// The mood scale explained, after "6/10".
    public let moodScale: String
    /// Heading of a turn; followed by its number and ``ofAtMost``.
    public let turn: String
    /// "of at most" between a turn's number and the scenario's maximum.
    public let ofAtMost: String
    /// The prompt for the trainee's reply.
    public let yourReply: String
    /// Shown in place of a level for a dimension the turn does not rate.
    public let notRated: String
    /// "Flags".
    public let flags: String
    /// Shown when no flag was raised.
    public let none: String
    /// Heading of the trainee's own words that earned or cost a level.
    public let yourWords: String
    /// "Advice".
    public let advice: String
    /// Heading shown when the call ends; followed by the outcome.
    public let callEnded: String
    /// Heading of the debrief.
    public let debrief: String
    /// Column heading of the per-turn table for the turn number.
    public let turnColumn: String
    /// Column heading for the customer line id.
    public let lineColumn: String
    /// Heading of "what went well".
    public let wentWell: String
    /// Shown under "what went well" when no level was earned.
    public let nothingEarnedYet: String
    /// Heading of the one thing to practise next.
    public let practiseNext: String
    /// "average" before a dimension's average level.
    public let average: String
    /// Heading of the suggested next scenario.
    public let tryNext: String
    /// Asks the trainee's name; followed by the default in parentheses.
    public let askName: String
    /// "Enter for" before the default name.
    public let enterFor: String
    /// Where progress is saved; followed by the file.
    public let progressSavedIn: String
    /// Shown when a resumed attempt continues; followed by the turn number.
    public let continuingAtTurn: String
    /// Shown when the trainee has an unfinished attempt and started a new one.
    public let unfinishedAttemptHint: String
    /// Shown when the attempt stopped before an ending.
    public let attemptKeptUnfinished: String
    /// Shown for an empty reply.
    public let emptyReply: String
    /// Shown when a turn could not be saved; followed by the error.
    public let couldNotSave: String
    /// Shown after ``couldNotSave``: what the trainee can do.
    public let trySavingAgain: String
    /// The reason the call ended when the mood reached furious.
    public let endedFurious: String
    /// The reason the call ended when the maximum number of replies was reached.
    public let endedMaxTurns: String

    /// The labels for a language.
    public static func `for`(_ language: Language) -> Labels {
        switch language {
        case .hebrew: hebrew
        case .english: english
        }
    }

    /// The name of a dimension, as a coach says it.
    public func name(of dimension: Dimension) -> String {
        switch (dimension, language) {
        case (.listening, .hebrew): "הקשבה פעילה"
        case (.ownership, .hebrew): "אחריות"
        case (.framing, .hebrew): "מה כן אפשר"
        case (.listening, .english): "Active listening"
        case (.ownership, .english): "Ownership"
        case (.framing, .english): "What-we-can-do framing"
        }
    }

    /// The name of a flag.
    public func name(of flag: Flag) -> String {
        switch (flag, language) {
        case (.blame, .hebrew): "האשמה"
        case (.redirect, .hebrew): "הפניה לערוץ אחר"
        case (.policyWall, .hebrew): "חומת נהלים"
        case (.dismissive, .hebrew): "זלזול"
        case (.jargon, .hebrew): "ז'רגון"
        case (.robotic, .hebrew): "תשובה רובוטית"
        case (.overPromise, .hebrew): "הבטחה שאי אפשר לקיים"
        case (.blame, .english): "blame"
        case (.redirect, .english): "redirect"
        case (.policyWall, .english): "policy wall"
        case (.dismissive, .english): "dismissive"
        case (.jargon, .english): "jargon"
        case (.robotic, .english): "robotic"
        case (.overPromise, .english): "over-promise"
        }
    }

    /// How an attempt ended, in words.
    public func name(of outcome: AttemptOutcome) -> String {
        switch (outcome, language) {
        case (.resolved, .hebrew): "נפתר"
        case (.escalated, .hebrew): "הלקוח ביקש מנהל"
        case (.left, .hebrew): "הלקוח ניתק"
        case (.abandoned, .hebrew): "הופסק לפני הסוף"
        case (.resolved, .english): "resolved"
        case (.escalated, .english): "escalated: the customer asked for a manager"
        case (.left, .english): "the customer hung up"
        case (.abandoned, .english): "stopped before the end"
        }
    }

    /// A level as shown: "2/2", or ``notRated``.
    /// Shown when the record that an attempt was left could not be saved; followed by the reason.
    public var couldNotSaveAttemptEnd: String {
        language == .hebrew ? "לא הצלחתי לרשום שהניסיון הופסק:" : "Could not record that the attempt was left:"
    }

    /// Shown when a reply is longer than ``ReplyLength/maximum``.
    public func replyTooLong(maximum: Int = ReplyLength.maximum) -> String {
        language == .hebrew
            ? "(התשובה ארוכה מדי: עד \(maximum) תווים. קצרו אותה לכמה משפטים ושלחו שוב)"
            : "(the reply is too long: at most \(maximum) characters. Shorten it to a few sentences and send it again)"
    }

    public func level(_ level: Int?) -> String {
        level.map { "\($0)/\(Levels.range.upperBound)" } ?? notRated
    }

    /// Why a scenario is suggested next.
    public func reason(_ reason: ScenarioSuggestion.Reason) -> String {
        switch (reason, language) {
        case (.practise(let dimension), .hebrew): "כדי לתרגל \(name(of: dimension))"
        case (.practise(let dimension), .english): "to practise \(name(of: dimension).lowercased())"
        case (.sameCategory, .hebrew): "לקוח מאותו סוג, מצב אחר"
        case (.sameCategory, .english): "the same kind of customer, a different situation"
        case (.another, .hebrew): "תרחיש נוסף מהספרייה"
        case (.another, .english): "another scenario from the library"
        }
    }

    /// Asks how the trainee wants to be addressed; followed by the answer on the same line.
    public var askAddress: String {
        language == .hebrew
            ? "איך לפנות אלייך? 1 · בלשון נקבה (את)  2 · בלשון זכר (אתה)  3 · בלשון רבים (אתם) — 1, 2 או 3:"
            : "How should Hebrew lines address you? 1 · feminine (את)  2 · masculine (אתה)  3 · plural (אתם) — 1, 2 or 3:"
    }

    /// The form an answer to ``askAddress`` names (1/2/3, or the form's name in either
    /// language); `nil` for anything else.
    public static func addressForm(answer: String) -> AddressForm? {
        switch answer.trimmingCharacters(in: .whitespaces).lowercased() {
        case "1", "f", "feminine", "נקבה", "את": .feminine
        case "2", "m", "masculine", "זכר", "אתה": .masculine
        case "3", "p", "plural", "רבים", "אתם", "אתן": .plural
        default: nil
        }
    }

    /// The scorecard against the trainer profile, as lines: the overall score by the
    /// profile's weights, then each dimension's average, pass mark and pass or fail.
    public func scorecard(_ card: Scorecard) -> (overall: String, entries: [(line: String, passed: Bool?)]) {
        func number(_ value: Double) -> String { String(format: "%.2f", value) }
        let top = Levels.range.upperBound
        let overall = card.overall.map { score in
            language == .hebrew
                ? "ציון כולל: \(number(score)) מתוך \(top) (לפי המשקלות של פרופיל המאמן)"
                : "Overall score: \(number(score)) of \(top) (weighted by the trainer profile)"
        } ?? (language == .hebrew ? "ציון כולל: אין עדיין (לא נשלחה תשובה)" : "Overall score: none yet (no reply was scored)")
        let entries = card.entries.map { entry -> (line: String, passed: Bool?) in
            let threshold = String(format: "%g", entry.threshold)
            let verdict: String = switch (entry.passed, language) {
            case (true?, .hebrew): "עבר"
            case (false?, .hebrew): "לא עבר"
            case (nil, .hebrew): notRated
            case (true?, .english): "passed"
            case (false?, .english): "not passed"
            case (nil, .english): notRated
            }
            let average = entry.average.map(number) ?? "–"
            let line = language == .hebrew
                ? "\(name(of: entry.dimension)): ממוצע \(average), רף מעבר \(threshold) — \(verdict)"
                : "\(name(of: entry.dimension)): average \(average), pass mark \(threshold) — \(verdict)"
            return (line, entry.passed)
        }
        return (overall, entries)
    }

    /// Hebrew labels.
    public static let hebrew = Labels(
        language: .hebrew, brief: "תדריך", canOffer: "מה אפשר להציע", cannotOffer: "מה אסור להבטיח",
        customer: "הלקוח", mood: "מצב רוח", moodScale: "(0 רגוע, 10 זועם)", turn: "סבב", ofAtMost: "מתוך",
        yourReply: "התשובה שלך (שורה אחת, Enter לשליחה):", notRated: "לא נבחן", flags: "דגלים", none: "אין",
        yourWords: "המילים שלך", advice: "עצה", callEnded: "השיחה הסתיימה", debrief: "סיכום",
        turnColumn: "סבב", lineColumn: "שורה", wentWell: "מה עבד", nothingEarnedYet: "עוד לא נצברו נקודות; זה בסדר, זה מה שמתרגלים.",
        practiseNext: "הדבר האחד לתרגל", average: "ממוצע", tryNext: "התרחיש הבא",
        askName: "מה השם שלך?", enterFor: "Enter עבור", progressSavedIn: "ההתקדמות נשמרת ב:",
        continuingAtTurn: "ממשיכים את הניסיון הקודם מסבב",
        unfinishedAttemptHint: "יש לך ניסיון שלא הסתיים בתרחיש הזה. כדי להמשיך אותו:",
        attemptKeptUnfinished: "הניסיון נשמר כלא גמור. כדי להמשיך מאותה נקודה:",
        emptyReply: "(התשובה ריקה; כתבו תשובה ולחצו Enter)", couldNotSave: "לא הצלחתי לשמור את הסבב:",
        trySavingAgain: "הסבב לא נספר. פנו מקום או בדקו את התיקייה ושלחו את התשובה שוב.",
        endedFurious: "מצב הרוח של הלקוח הגיע ל-10", endedMaxTurns: "נגמרו הסבבים בשיחה")

    /// English labels.
    public static let english = Labels(
        language: .english, brief: "Brief", canOffer: "You can offer", cannotOffer: "Do not promise",
        customer: "Customer", mood: "Mood", moodScale: "(0 calm, 10 furious)", turn: "Turn", ofAtMost: "of at most",
        yourReply: "Your reply (one line, Enter to send):", notRated: "not rated", flags: "Flags", none: "none",
        yourWords: "Your words", advice: "Advice", callEnded: "The call ended", debrief: "Debrief",
        turnColumn: "Turn", lineColumn: "Line", wentWell: "What went well", nothingEarnedYet: "No level earned yet; that is what practice is for.",
        practiseNext: "The one thing to practise next", average: "average", tryNext: "Try next",
        askName: "What is your name?", enterFor: "Enter for", progressSavedIn: "Progress is saved in",
        continuingAtTurn: "Continuing your earlier attempt at turn",
        unfinishedAttemptHint: "You have an unfinished attempt at this scenario. To continue it:",
        attemptKeptUnfinished: "The attempt is saved as unfinished. To continue where you stopped:",
        emptyReply: "(empty reply; type a reply and press Enter)", couldNotSave: "Could not save this turn:",
        trySavingAgain: "The turn was not counted. Free some space or check the folder, then send the reply again.",
        endedFurious: "the customer's mood reached 10", endedMaxTurns: "the call ran out of turns")
}
