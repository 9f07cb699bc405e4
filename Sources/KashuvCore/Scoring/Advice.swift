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
        /// How Hebrew advice addresses the trainee.
        var address: AddressForm = .unspecified
    }

    static func make(_ input: Input) -> [String] {
        let he = input.language == .hebrew
        let g: (String, String, String) -> String = input.address.pick  // the trainee's form of a Hebrew phrase: g(feminine, masculine, plural)
        var advice: [String] = []
        func quote(_ flag: Flag) -> String? {
            input.evidence.first { $0.flag == flag }.map { "\u{201C}\($0.text)\u{201D}" }
        }
        func quote(rule: ScoringRule) -> String? {
            input.evidence.first { $0.scoringRule == rule }.map { "\u{201C}\($0.text)\u{201D}" }
        }
        let detail = input.customerDetail.map { he ? " (למשל \u{201C}\($0)\u{201D})" : " (for example \u{201C}\($0)\u{201D})" } ?? ""

        if input.flags.contains(.dismissive) {
            let said = quote(.dismissive) ?? ""
            // Say what the words did: shrugged the problem off, made the customer the problem, or talked down.
            switch input.evidence.first(where: { $0.flag == .dismissive })?.scoringRule {
            case .flagDismissiveShrug?:
                advice.append(he
                    ? g("אמרת \(said) — הלקוח שומע שאף אחד לא יטפל בזה. במקום למשוך בכתפיים, אמרי מה את עושה עכשיו.",
                      "אמרת \(said) — הלקוח שומע שאף אחד לא יטפל בזה. במקום למשוך בכתפיים, אמור מה אתה עושה עכשיו.",
                      "אמרתם \(said) — הלקוח שומע שאף אחד לא יטפל בזה. במקום למשוך בכתפיים, אמרו מה אתם עושים עכשיו.")
                    : "You said \(said) — the customer hears that nobody will deal with it. Instead of shrugging it off, say what you are doing now.")
            case .flagDismissiveCustomerIsTheProblem?:
                advice.append(he
                    ? g("אמרת \(said) — זה הופך את הלקוח לבעיה. גם אם משהו השתבש אצלו, התחילי מההכרה בתחושה ומה שאפשר לעשות.",
                      "אמרת \(said) — זה הופך את הלקוח לבעיה. גם אם משהו השתבש אצלו, התחל מההכרה בתחושה ומה שאפשר לעשות.",
                      "אמרתם \(said) — זה הופך את הלקוח לבעיה. גם אם משהו השתבש אצלו, התחילו מההכרה בתחושה ומה שאפשר לעשות.")
                    : "You said \(said) — that makes the customer the problem. Even if something went wrong on their side, start from how they feel and what can be done.")
            default:
                advice.append(he
                    ? g("אמרת \(said) — זה נשמע מזלזל. הורידי את הטון ותתחילי מההכרה במה שהלקוח מרגיש.",
                      "אמרת \(said) — זה נשמע מזלזל. הורד את הטון ותתחיל מההכרה במה שהלקוח מרגיש.",
                      "אמרתם \(said) — זה נשמע מזלזל. הורידו את הטון ותתחילו מההכרה במה שהלקוח מרגיש.")
                    : "You said \(said) — that talks down to the customer. Drop it and start by acknowledging how they feel.")
            }
        }
        if input.flags.contains(.blame) {
            let said = quote(.blame) ?? ""
            advice.append(he
                ? g("אמרת \(said) — בעיני הלקוח את החברה. במקום להאשים, קחי את הצעד הבא על עצמך.",
                  "אמרת \(said) — בעיני הלקוח אתה החברה. במקום להאשים, קח את הצעד הבא על עצמך.",
                  "אמרתם \(said) — בעיני הלקוח אתם החברה. במקום להאשים, קחו את הצעד הבא על עצמכם.")
                : "You said \(said) — to the customer you *are* the company. Instead of pointing elsewhere, own the next step.")
        }
        if input.flags.contains(.redirect) {
            let said = quote(.redirect) ?? ""
            advice.append(he
                ? g("אמרת \(said) — אל תשלחי את הלקוח לערוץ אחר. עשי את זה בשבילו, או העבירי אותו בהעברה חמה עם כל הפרטים.",
                  "אמרת \(said) — אל תשלח את הלקוח לערוץ אחר. עשה את זה בשבילו, או העבר אותו בהעברה חמה עם כל הפרטים.",
                  "אמרתם \(said) — אל תשלחו את הלקוח לערוץ אחר. עשו את זה בשבילו, או העבירו אותו בהעברה חמה עם כל הפרטים.")
                : "You said \(said) — don't send the customer elsewhere. Do it for them, or make a warm transfer with all the details.")
        }
        if input.flags.contains(.policyWall) || (input.rated.contains(.framing) && input.levels.framing == 0) {
            let said = quote(.policyWall) ?? quote(rule: .framingEndsWithLimitation) ?? ""
            advice.append(he
                ? g("אמרת \(said) — סיימי במה שכן אפשר: \u{201C}מה שאני כן יכולה לעשות זה…\u{201D}",
                  "אמרת \(said) — סיים במה שכן אפשר: \u{201C}מה שאני כן יכול לעשות זה…\u{201D}",
                  "אמרתם \(said) — סיימו במה שכן אפשר: \u{201C}מה שכן אפשר לעשות כבר עכשיו זה…\u{201D}")
                : "You said \(said) — end with what you *can* do: \u{201C}What I can do right now is…\u{201D}")
        }
        if input.flags.contains(.overPromise) {
            let said = quote(.overPromise) ?? ""
            advice.append(he
                ? g("הבטחת \(said) — אל תבטיחי מה שלא בידיים שלך. הציעי את מה שאת כן יכולה לתת, עם זמן.",
                  "הבטחת \(said) — אל תבטיח מה שלא בידיים שלך. הצע את מה שאתה כן יכול לתת, עם זמן.",
                  "הבטחתם \(said) — אל תבטיחו מה שלא בידיים שלכם. הציעו את מה שאתם כן יכולים לתת, עם זמן.")
                : "You promised \(said) — don't guarantee what isn't in your hands. Offer what you can actually give, with a time.")
        }
        if input.flags.contains(.robotic) {
            advice.append(he
                ? g("זה נשמע כמו טקסט מוכן. דברי אל הלקוח במילים שלך, על המקרה שלו.",
                  "זה נשמע כמו טקסט מוכן. דבר אל הלקוח במילים שלך, על המקרה שלו.",
                  "זה נשמע כמו טקסט מוכן. דברו אל הלקוח במילים שלכם, על המקרה שלו.")
                : "That sounds like a script. Talk to this customer, in your own words, about their case.")
        }
        if input.rated.contains(.listening) && input.levels.listening < 2 && !input.flags.contains(.dismissive) {
            if !input.reflected {
                advice.append(he
                    ? g("שקפי במילים שלך את מה שהלקוח סיפר\(detail), ואז הכירי בתחושה: \u{201C}אני מבינה כמה זה מתסכל\u{201D}.",
                      "שקף במילים שלך את מה שהלקוח סיפר\(detail), ואז הכר בתחושה: \u{201C}אני מבין כמה זה מתסכל\u{201D}.",
                      "שקפו במילים שלכם את מה שהלקוח סיפר\(detail), ואז הכירו בתחושה: \u{201C}ברור לי כמה זה מתסכל\u{201D}.")
                    : "Reflect what the customer told you in your own words\(detail), then acknowledge the feeling: \u{201C}I can see how frustrating that is.\u{201D}")
            } else {
                advice.append(he
                    ? g("שיקפת את המצב — הוסיפי עוד צעד הקשבה: הכרה ברגש או בדיקה \u{201C}אם הבנתי נכון…\u{201D}.",
                      "שיקפת את המצב — הוסף עוד צעד הקשבה: הכרה ברגש או בדיקה \u{201C}אם הבנתי נכון…\u{201D}.",
                      "שיקפתם את המצב — הוסיפו עוד צעד הקשבה: הכרה ברגש או בדיקה \u{201C}אם הבנתי נכון…\u{201D}.")
                    : "Good reflection — add one more listening act: name the feeling, or check \u{201C}Did I get that right?\u{201D}")
            }
        }
        if input.rated.contains(.ownership) && input.levels.ownership < 2 && !input.flags.contains(.blame) && !input.flags.contains(.redirect) {
            if let said = quote(rule: .ownershipImpersonal) {
                advice.append(he
                    ? g("אמרת \(said) — זה סביל. קחי את זה על עצמך: \u{201C}אני מטפלת בזה ואחזור אליך עד 14:00\u{201D}.",
                      "אמרת \(said) — זה סביל. קח את זה על עצמך: \u{201C}אני מטפל בזה ואחזור אליך עד 14:00\u{201D}.",
                      "אמרתם \(said) — זה סביל. קחו את זה על עצמכם: \u{201C}אטפל בזה בעצמי ואחזור אליך עד 14:00\u{201D}.")
                    : "You said \(said) — that's impersonal. Make it yours: \u{201C}I'll handle this and call you back by 2pm.\u{201D}")
            } else if input.committed {
                advice.append(he
                    ? g("התחייבת — עכשיו תני לזה זמן או צעד הבא ברור: \u{201C}אחזור אליך עד סוף היום\u{201D}.",
                      "התחייבת — עכשיו תן לזה זמן או צעד הבא ברור: \u{201C}אחזור אליך עד סוף היום\u{201D}.",
                      "התחייבתם — עכשיו תנו לזה זמן או צעד הבא ברור: \u{201C}אחזור אליך עד סוף היום\u{201D}.")
                    : "You committed — now give it a time or a clear next step: \u{201C}I'll call you back by 4pm today.\u{201D}")
            } else {
                advice.append(he
                    ? g("קחי אחריות בגוף ראשון, עם זמן: \u{201C}אני מטפלת בזה אישית ואחזור אליך עד…\u{201D}.",
                      "קח אחריות בגוף ראשון, עם זמן: \u{201C}אני מטפל בזה אישית ואחזור אליך עד…\u{201D}.",
                      "קחו אחריות בגוף ראשון, עם זמן: \u{201C}אטפל בזה אישית ואחזור אליך עד…\u{201D}.")
                    : "Take ownership in the first person, with a time: \u{201C}I'll take care of this myself and get back to you by…\u{201D}")
            }
        }
        if input.rated.contains(.framing) && input.levels.framing == 1 && !input.flags.contains(.overPromise) {
            advice.append(he
                ? g("הציעי אפשרות קונקרטית שזמינה עכשיו — או שתיים לבחירה — ולא רק \u{201C}נבדוק\u{201D}.",
                  "הצע אפשרות קונקרטית שזמינה עכשיו — או שתיים לבחירה — ולא רק \u{201C}נבדוק\u{201D}.",
                  "הציעו אפשרות קונקרטית שזמינה עכשיו — או שתיים לבחירה — ולא רק \u{201C}נבדוק\u{201D}.")
                : "Offer a concrete option available now — or two to choose from — not just \u{201C}we'll see\u{201D}.")
        }
        if input.flags.contains(.jargon) {
            let said = quote(.jargon) ?? ""
            advice.append(he
                ? g("המונח \(said) פנימי — אמרי אותו במילים של הלקוח.",
                  "המונח \(said) פנימי — אמור אותו במילים של הלקוח.",
                  "המונח \(said) פנימי — אמרו אותו במילים של הלקוח.")
                : "\(said) is internal language — say it in the customer's words.")
        }
        return advice
    }
}
