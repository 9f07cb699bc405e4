/// The words of the coach's report (every format), in Hebrew and English. Names of dimensions,
/// flags and outcomes come from ``Labels``, so the report says them as the practice screens do.
public struct ReportLabels: Sendable {
    /// The language.
    public let language: Language
    /// The shared string table in that language.
    public let shared: Labels

    /// The report's words in a language.
    public init(_ language: Language) {
        self.language = language
        shared = Labels.for(language)
    }

    private func pick(_ hebrew: String, _ english: String) -> String {
        language == .hebrew ? hebrew : english
    }

    /// The name of a dimension.
    public func name(of dimension: Dimension) -> String { shared.name(of: dimension) }
    /// The name of a flag.
    public func name(of flag: Flag) -> String { shared.name(of: flag) }
    /// The short name of an outcome (a column heading).
    public func short(_ outcome: AttemptOutcome) -> String {
        switch outcome {
        case .resolved: pick("נפתר", "resolved")
        case .escalated: pick("מנהל", "escalated")
        case .left: pick("ניתק", "hung up")
        case .abandoned: pick("הופסק", "stopped")
        }
    }

    public var title: String { pick("דוח התקדמות — קשוב", "Kashuv progress report") }
    public var team: String { pick("הצוות", "Team") }
    public var trainee: String { pick("מתאמן/ת", "Trainee") }
    public var trainees: String { pick("מתאמנים", "trainees") }
    public var attempts: String { pick("ניסיונות", "attempts") }
    public var turns: String { pick("תשובות", "replies") }
    public var unfinished: String { pick("לא הסתיים", "unfinished") }
    public var outcomes: String { pick("איך הסתיימו השיחות", "How the calls ended") }
    public var levels: String { pick("רמה ממוצעת (0–2) מול סף המעבר", "Average level (0–2) against the pass threshold") }
    public var threshold: String { pick("סף", "pass") }
    public var passes: String { pick("עובר", "passes") }
    public var below: String { pick("מתחת לסף", "below") }
    public var notRated: String { shared.notRated }
    public var trend: String { pick("מגמה", "trend") }
    public var change: String { pick("שינוי", "change") }
    public var flags: String { shared.flags }
    public var none: String { shared.none }
    public var mostFrequentTrap: String { pick("המלכודת השכיחה", "Most frequent trap") }
    public var practiseNext: String { shared.practiseNext }
    public var tryScenario: String { pick("תרחיש לתרגול", "Scenario to practise") }
    public var scenarios: String { pick("תרחישים: ניסיון ראשון, אחרון וטוב ביותר", "Scenarios: first, latest and best attempt") }
    public var scenario: String { pick("תרחיש", "Scenario") }
    public var first: String { pick("ראשון", "first") }
    public var latest: String { pick("אחרון", "latest") }
    public var best: String { pick("הטוב ביותר", "best") }
    public var bestReply: String { pick("התשובה הטובה ביותר", "Best reply") }
    public var replyToDiscuss: String { pick("תשובה לשיחה עם המאמן", "Reply to discuss") }
    public var customerSaid: String { pick("הלקוח", "Customer") }
    public var replied: String { pick("התשובה", "Reply") }
    public var earned: String { pick("מה עבד", "Worked") }
    public var cost: String { pick("מה עלה", "Cost") }
    public var advice: String { shared.advice }
    public var needsAttention: String { pick("דורשים תשומת לב", "Needs attention") }
    public var nobodyNeedsAttention: String { pick("כולם מעל הסף ואף אחד לא בירידה.", "Everyone passes and nobody is getting worse.") }
    public var gettingWorse: String { pick("בירידה", "getting worse") }
    public var hardestScenarios: String { pick("התרחישים הקשים ביותר", "Hardest scenarios") }
    public var resolvedShare: String { pick("נפתרו", "resolved") }
    public var flaggedLines: String { pick("שורות הלקוח שמושכות הכי הרבה דגלים", "Customer lines that draw the most flags") }
    public var flagChart: String { pick("דגלים בצוות", "Flags across the team") }
    public var heatMap: String { pick("מפת חום: רמה ממוצעת לכל מתאמן וממד", "Heat map: average level per trainee and dimension") }
    public var trendChart: String { pick("מגמה לפי ניסיון (הניסיונות האחרונים)", "Trend per attempt (the latest attempts)") }
    public var practised: String { pick("תרגל/ה", "Practised") }
    public var to: String { pick("עד", "to") }
    public var noRecords: String { pick("אין רשומות התקדמות להציג.", "No progress records to show.") }
    public var skipped: String { pick("שורות וקבצים שדולגו", "Skipped lines and files") }
    public var filters: String { pick("מסננים", "Filters") }
    public var since: String { pick("מתאריך", "since") }
    public var until: String { pick("עד תאריך", "until") }
    public var generatedFrom: String { pick("נוצר מקובצי ההתקדמות של קשוב", "Made from Kashuv progress files") }
    public var dimension: String { pick("ממד", "Dimension") }
    public var mean: String { pick("ממוצע", "mean") }
    public var times: String { pick("פעמים", "times") }

    /// "below the pass threshold on listening", "getting worse on framing".
    public func reason(_ reason: AttentionReason) -> String {
        switch reason {
        case .belowThreshold(let dimension): pick("מתחת לסף ב\(name(of: dimension))", "below the pass threshold on \(name(of: dimension).lowercased())")
        case .gettingWorse(let dimension): pick("בירידה ב\(name(of: dimension))", "getting worse on \(name(of: dimension).lowercased())")
        }
    }
}
