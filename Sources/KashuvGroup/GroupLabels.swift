import KashuvCore

/// The group session's own words, in Hebrew and English (the rest comes from the practice
/// screen's labels).
package struct GroupLabels: Sendable {
    let language: Language

    package init(language: Language) {
        self.language = language
    }

    private var hebrew: Bool { language == .hebrew }

    /// Put on a spotlighted reply: who wrote it is never shown.
    var spotlight: String { hebrew ? "זרקור — תשובה מהקבוצה (ללא שם)" : "Spotlight — a reply from the group (no name)" }
    /// While no round is open yet.
    var waitingForStart: String { hebrew ? "ממתינים שהמנחה יתחיל את הסבב" : "Waiting for the facilitator to start the round" }
    /// After answering.
    var waitingForOthers: String { hebrew ? "התשובה נשמרה — ממתינים למנחה" : "Reply saved — waiting for the facilitator" }
    /// Between scenarios.
    var waitingForNext: String { hebrew ? "השיחה הסתיימה — ממתינים לתרחיש הבא" : "The call ended — waiting for the next scenario" }
    /// At the end.
    var sessionOver: String { hebrew ? "המפגש הסתיים. תודה! Esc ליציאה" : "The session is over. Thank you! Esc to leave" }
    /// The keys under the input box: leaving a group session is not the end of it.
    var inputHint: String {
        hebrew ? "↑↓ גלילת השיחה · F1 או ? עזרה · Esc יציאה (מתחברים שוב באותו שם וממשיכים)"
            : "↑↓ scroll · F1 or ? help · Esc leave (connect again with the same name to continue)"
    }
    /// When the same name logs in elsewhere.
    var continuedElsewhere: String { hebrew ? "המשכת בחלון אחר." : "You continued in another window." }
    /// Idle disconnect.
    var idle: String { hebrew ? "נותקת אחרי זמן ללא פעילות; אפשר להתחבר שוב." : "Disconnected after a long idle time; connect again to continue." }

    // MARK: The facilitator's console

    var console: String { hebrew ? "קשוב · מפגש קבוצתי" : "Kashuv · group session" }
    var join: String { hebrew ? "הצטרפות" : "Join" }
    var code: String { hebrew ? "קוד" : "code" }
    var hostKey: String { hebrew ? "מפתח השרת" : "host key" }
    var trainees: String { hebrew ? "משתתפים" : "Trainees" }
    var connected: String { hebrew ? "מחוברים" : "connected" }
    var scenario: String { hebrew ? "תרחיש" : "Scenario" }
    var round: String { hebrew ? "סבב" : "Round" }
    var lobby: String { hebrew ? "ממתינים להצטרפות — Enter מתחיל את הסבב הראשון" : "Waiting for trainees — Enter starts the first round" }
    var answered: String { hebrew ? "ענו" : "Answered" }
    var flags: String { hebrew ? "מלכודות" : "Traps" }
    var branches: String { hebrew ? "לאן התשובות מובילות" : "Where the replies lead" }
    var replies: String { hebrew ? "תשובות (ללא שמות; ↑ ↓ לבחירה)" : "Replies (no names; ↑ ↓ to choose)" }
    var callOver: String { hebrew ? "השיחה הסתיימה — Enter לתרחיש הבא" : "The call ended — Enter for the next scenario" }
    var confirmEnd: String { hebrew ? "לסיים את המפגש? q שוב לסיום, כל מקש אחר ממשיך" : "End the session? q again to end, any other key goes on" }
    var finished: String { hebrew ? "המפגש הסתיים — q ליציאה וכתיבת הסיכום" : "The session is over — q to leave and write the summary" }
    var keys: String {
        hebrew
            ? "Enter סבב הבא (רוב) · c לפי התשובה הנבחרת · s זרקור לנבחרת · b הטובה · w החלשה · t המלכודת הנפוצה · q סיום"
            : "Enter next round (majority) · c follow chosen reply · s spotlight chosen · b best · w weakest · t common trap · q end"
    }
}
