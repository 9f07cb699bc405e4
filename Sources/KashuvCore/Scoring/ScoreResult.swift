/// What the scorer says about one reply: levels, flags, and the evidence and advice behind them.
///
/// Encoded as JSON it is the output line of `kashuv score` (see `docs/scoring.md`).
public struct ScoreResult: Codable, Sendable, Hashable {
    /// The id of the input line, echoed back when the input had one.
    public var id: String?
    /// The language the reply was read as.
    public var language: Language
    /// The three levels. A dimension the turn does not rate still has a level here,
    /// but ``rated`` leaves it out and it is shown as "not rated".
    public var levels: Levels
    /// The dimensions this moment calls for.
    public var rated: Set<Dimension>
    /// The flags raised, in ``Flag`` order.
    public var flags: [Flag]
    /// The words in the reply that earned or cost each level and flag.
    public var evidence: [Evidence]
    /// Advice in the reply's language, the way a coach would say it; most important first.
    public var advice: [String]

    /// Creates a result.
    public init(
        id: String? = nil, language: Language, levels: Levels, rated: Set<Dimension> = Set(Dimension.allCases),
        flags: [Flag], evidence: [Evidence], advice: [String]
    ) {
        self.id = id
        self.language = language
        self.levels = levels
        self.rated = rated
        self.flags = flags
        self.evidence = evidence
        self.advice = advice
    }

    /// The levels and flags the dialogue engine reads.
    public var assessment: Assessment { Assessment(levels: levels, flags: Set(flags)) }

    /// The level of a dimension, or `nil` when the turn does not rate it.
    public func level(_ dimension: Dimension) -> Int? {
        rated.contains(dimension) ? levels[dimension] : nil
    }
}

/// A span of the reply and the rule it triggered.
public struct Evidence: Codable, Sendable, Hashable {
    /// The dimension the span speaks to, when it is about a level.
    public var dimension: Dimension?
    /// The flag the span raised, when it is about a flag.
    public var flag: Flag?
    /// Offset of the first character, in Unicode scalars (code points) of the reply as typed.
    public var start: Int
    /// Offset just past the last character, in Unicode scalars of the reply as typed.
    public var end: Int
    /// The reply's own text between ``start`` and ``end``.
    public var text: String
    /// The rule that fired, as a stable id (for example `listening.reflection`).
    public var rule: String
    /// The rule as a ``ScoringRule`` (nil for an id this version does not know, as in a file an
    /// older or newer Kashuv wrote).
    public var scoringRule: ScoringRule? { ScoringRule(rawValue: rule) }
    /// Whether the span raised (`+`) or lowered (`-`) the level, or raised the flag (`-`).
    public var effect: Effect

    /// Whether evidence counted for or against the trainee.
    public enum Effect: String, Codable, Sendable, Hashable {
        /// Earned a level.
        case plus = "+"
        /// Cost a level or raised a flag.
        case minus = "-"
    }

    /// Creates evidence.
    public init(dimension: Dimension? = nil, flag: Flag? = nil, start: Int, end: Int, text: String, rule: String, effect: Effect) {
        self.dimension = dimension
        self.flag = flag
        self.start = start
        self.end = end
        self.text = text
        self.rule = rule
        self.effect = effect
    }
}

/// What the scorer knows about the moment a reply answers.
public struct ScoringContext: Sendable, Hashable {
    /// What the customer just said, if known.
    public var customerLine: String?
    /// The reply's language; detected from the reply when `nil`.
    public var language: Language?
    /// The scenario's concrete facts a good reflection picks up.
    public var facts: [String]
    /// What the scenario says the trainee cannot offer (for `over_promise`).
    public var cannotOffer: [String]
    /// What the scenario says the trainee may offer: an offer that matches one of these at
    /// least as well as a `cannotOffer` item is allowed, never `over_promise`.
    public var canOffer: [String]
    /// The dimensions this turn rates.
    public var rated: Set<Dimension>
    /// The trainee's earlier replies in this call (a repeated canned reply is `robotic`).
    public var earlierReplies: [String]
    /// The language advice is written in; the reply's language when `nil`.
    public var adviceLanguage: Language?
    /// How Hebrew advice addresses the trainee (``AddressForm/unspecified`` when `nil`).
    public var address: AddressForm?

    /// Creates a context; everything is optional.
    public init(
        customerLine: String? = nil, language: Language? = nil, facts: [String] = [], cannotOffer: [String] = [],
        canOffer: [String] = [], rated: Set<Dimension> = Set(Dimension.allCases), earlierReplies: [String] = []
    ) {
        self.canOffer = canOffer
        self.customerLine = customerLine
        self.language = language
        self.facts = facts
        self.cannotOffer = cannotOffer
        self.rated = rated
        self.earlierReplies = earlierReplies
    }

    /// Takes what a scenario says about the situation: its facts, what may and may not be
    /// offered, and its language when none was given.
    public mutating func adopt(_ scenario: Scenario) {
        facts = scenario.facts
        cannotOffer = scenario.cannotOffer
        canOffer = scenario.canOffer
        if language == nil { language = scenario.language }
    }

    /// The context of a turn in a scenario, said to a trainee addressed in one form.
    public init(scenario: Scenario, turn: Turn, earlierReplies: [String] = [], address: AddressForm = .unspecified) {
        self.init(
            customerLine: turn.says(address), language: scenario.language, facts: scenario.facts,
            cannotOffer: scenario.cannotOffer, canOffer: scenario.canOffer, rated: Set(turn.rates),
            earlierReplies: earlierReplies
        )
        self.address = address
    }
}
