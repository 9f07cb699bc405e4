/// Coaching advice in the reply's language, most important first, quoting the trainee's words.
enum Advice {
    struct Input {
        var language: Language
        var levels: Levels
        var rated: Set<Dimension>
        var flags: Set<Flag>
        var evidence: [Evidence]
        var reflected: Bool
        var listeningActs: Bool
        var committed: Bool
        var customerDetail: String?
    }

    static func make(_ input: Input) -> [String] {
        let he = input.language == .hebrew
        var advice: [String] = []
        func quote(_ flag: Flag) -> String? {
            input.evidence.first { $0.flag == flag }.map { "\u{201C}\($0.text)\u{201D}" }
        }
        func quote(rule prefix: String) -> String? {
            input.evidence.first { $0.rule.hasPrefix(prefix) }.map { "\u{201C}\($0.text)\u{201D}" }
        }
        let detail = input.customerDetail.map { he ? " (למשל \u{201C}\($0)\u{201D})" : " (for example \u{201C}\($0)\u{201D})" } ?? ""

        if input.flags.contains(.dismissive) {
            let said = quote(.dismissive) ?? ""
            advice.append(he
                ? "אמרת \(said) — זה נשמע מזלזל. הורד/י את הטון והתחל/י מההכרה במה שהלקוח מרגיש."
                : "You said \(said) — that talks down to the customer. Drop it and start by acknowledging how they feel.")
        }
        if input.flags.contains(.blame) {
            let said = quote(.blame) ?? ""
            advice.append(he
                ? "אמרת \(said) — בעיני הלקוח את/ה החברה. במקום להאשים, קח/י את הצעד הבא על עצמך."
                : "You said \(said) — to the customer you *are* the company. Instead of pointing elsewhere, own the next step.")
        }
        if input.flags.contains(.redirect) {
            let said = quote(.redirect) ?? ""
            advice.append(he
                ? "אמרת \(said) — אל תשלח/י את הלקוח לערוץ אחר. עשה/י את זה בשבילו, או העבר/י בהעברה חמה עם כל הפרטים."
                : "You said \(said) — don't send the customer elsewhere. Do it for them, or make a warm transfer with all the details.")
        }
        if input.flags.contains(.policyWall) || (input.rated.contains(.framing) && input.levels.framing == 0) {
            let said = quote(.policyWall) ?? quote(rule: "framing.ends_with_limitation") ?? ""
            advice.append(he
                ? "אמרת \(said) — סיים/י במה שכן אפשר: \u{201C}מה שאני כן יכול/ה לעשות זה…\u{201D}"
                : "You said \(said) — end with what you *can* do: \u{201C}What I can do right now is…\u{201D}")
        }
        if input.flags.contains(.overPromise) {
            let said = quote(.overPromise) ?? ""
            advice.append(he
                ? "הבטחת \(said) — אל תבטיח/י מה שלא בידיים שלך. הצע/י את מה שאת/ה כן יכול/ה לתת, עם זמן."
                : "You promised \(said) — don't guarantee what isn't in your hands. Offer what you can actually give, with a time.")
        }
        if input.flags.contains(.robotic) {
            advice.append(he
                ? "זה נשמע כמו טקסט מוכן. דבר/י אל הלקוח במילים שלך, על המקרה שלו."
                : "That sounds like a script. Talk to this customer, in your own words, about their case.")
        }
        if input.rated.contains(.listening) && input.levels.listening < 2 && !input.flags.contains(.dismissive) {
            if !input.reflected {
                advice.append(he
                    ? "שקף/י במילים שלך את מה שהלקוח סיפר\(detail), ואז הכר/י בתחושה: \u{201C}אני מבין/ה כמה זה מתסכל\u{201D}."
                    : "Reflect what the customer told you in your own words\(detail), then acknowledge the feeling: \u{201C}I can see how frustrating that is.\u{201D}")
            } else {
                advice.append(he
                    ? "שיקפת את המצב — הוסף/י עוד צעד הקשבה: הכרה ברגש או בדיקה \u{201C}אם הבנתי נכון…\u{201D}."
                    : "Good reflection — add one more listening act: name the feeling, or check \u{201C}Did I get that right?\u{201D}")
            }
        }
        if input.rated.contains(.ownership) && input.levels.ownership < 2 && !input.flags.contains(.blame) && !input.flags.contains(.redirect) {
            if let said = quote(rule: "ownership.impersonal") {
                advice.append(he
                    ? "אמרת \(said) — זה סביל. קח/י את זה אלייך: \u{201C}אני מטפל/ת בזה ואחזור אלייך עד 14:00\u{201D}."
                    : "You said \(said) — that's impersonal. Make it yours: \u{201C}I'll handle this and call you back by 2pm.\u{201D}")
            } else if input.committed {
                advice.append(he
                    ? "התחייבת — עכשיו תן/י לזה זמן או צעד הבא ברור: \u{201C}אחזור אלייך עד סוף היום\u{201D}."
                    : "You committed — now give it a time or a clear next step: \u{201C}I'll call you back by 4pm today.\u{201D}")
            } else {
                advice.append(he
                    ? "קח/י אחריות בגוף ראשון, עם זמן: \u{201C}אני מטפל/ת בזה אישית ואחזור אלייך עד…\u{201D}."
                    : "Take ownership in the first person, with a time: \u{201C}I'll take care of this myself and get back to you by…\u{201D}")
            }
        }
        if input.rated.contains(.framing) && input.levels.framing == 1 && !input.flags.contains(.overPromise) {
            advice.append(he
                ? "הצע/י אפשרות קונקרטית שזמינה עכשיו — או שתיים לבחירה — ולא רק \u{201C}נבדוק\u{201D}."
                : "Offer a concrete option available now — or two to choose from — not just \u{201C}we'll see\u{201D}.")
        }
        if input.flags.contains(.jargon) {
            let said = quote(.jargon) ?? ""
            advice.append(he
                ? "המונח \(said) פנימי — אמור/י אותו במילים של הלקוח."
                : "\(said) is internal language — say it in the customer's words.")
        }
        return advice
    }
}
