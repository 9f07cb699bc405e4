/// What the trainee sees when the call is over: how each turn went, what went well,
/// the one thing to practise next, the ending and a scenario to try next.
///
/// Built by ``PracticeSession/debrief``; every part is data, the front end words and lays it out.
public struct Debrief: Sendable, Hashable {
    /// The language of the feedback (the front end labels the debrief in it): the trainee's
    /// choice, else the trainer profile's `feedback_language`, else the scenario's language.
    public var language: Language
    /// One row per scored turn, oldest first.
    public var rows: [Row]
    /// The trainee's own words that earned a level: at most one quote per dimension, from the
    /// turn where that dimension scored highest (the quote that turn's feedback showed).
    public var wentWell: [Quote]
    /// The weakest dimension over the attempt, with advice; `nil` when no turn was scored.
    public var practiseNext: Focus?
    /// The ending reached; `nil` when the attempt was abandoned.
    public var ending: Ending?
    /// The ending's debrief text as this trainee reads it (their address form); `nil` when abandoned.
    public var endingText: String?
    /// Why the call ended; `nil` when abandoned.
    public var endReason: EndReason?
    /// Whether the trainee left before an ending.
    public var abandoned: Bool
    /// The customer's mood at the start of the call and now.
    public var moodAtStart: Int
    /// The customer's mood at the end (or when abandoned).
    public var moodAtEnd: Int
    /// A scenario to try next, if the library has one.
    public var suggestion: ScenarioSuggestion?
    /// The attempt against the trainer profile: overall score by its weights, pass or fail per
    /// dimension against its thresholds; `nil` without a profile.
    public var scorecard: Scorecard?

    /// One row of the per-turn table.
    public struct Row: Sendable, Hashable {
        /// The turn's number, from 1.
        public var number: Int
        /// The customer line's id.
        public var lineID: String
        /// What the customer said.
        public var customerLine: String
        /// The trainee's reply.
        public var reply: String
        /// The rated levels (`nil` where the turn does not rate a dimension).
        public var levels: RatedLevels
        /// The flags raised.
        public var flags: [Flag]
        /// Mood before the reply.
        public var moodBefore: Int
        /// Mood after it.
        public var moodAfter: Int
    }

    /// A phrase of the trainee's that earned a level.
    public struct Quote: Sendable, Hashable {
        /// The dimension it earned.
        public var dimension: Dimension
        /// The level that dimension reached in that turn.
        public var level: Int
        /// The trainee's words.
        public var text: String
        /// The turn it came from.
        public var turnNumber: Int
    }

    /// The one thing to practise next.
    public struct Focus: Sendable, Hashable {
        /// The weakest dimension: lowest average level over the turns that rate it
        /// (ties go to the earlier dimension: listening, ownership, framing).
        public var dimension: Dimension
        /// Its average level over those turns, 0–2.
        public var average: Double
        /// How to practise it, in the feedback language.
        public var advice: String
    }

    init(
        scenario: Scenario, turns: [TurnOutcome], state: DialogueState, abandoned: Bool, library: [Scenario],
        feedbackLanguage: Language, profile: TrainerProfile?, address: AddressForm
    ) {
        language = feedbackLanguage
        rows = turns.map { outcome in
            Row(
                number: outcome.number, lineID: outcome.turn.id, customerLine: outcome.turn.says(address), reply: outcome.reply,
                levels: outcome.ratedLevels, flags: outcome.score.flags,
                moodBefore: outcome.moodBefore, moodAfter: outcome.moodAfter)
        }
        wentWell = Self.quotes(turns)
        practiseNext = Self.weakest(turns).map { dimension, average in
            Focus(dimension: dimension, average: average, advice: PractiseAdvice.text(for: dimension, in: feedbackLanguage))
        }
        scorecard = profile.map { Scorecard(turns: turns.map(\.ratedLevels), profile: $0) }
        ending = state.endingID.flatMap(scenario.ending)
        endingText = ending?.debrief(address)
        if case .ended(_, let reason) = state.position { endReason = reason } else { endReason = nil }
        self.abandoned = abandoned && ending == nil
        moodAtStart = turns.first?.moodBefore ?? state.mood
        moodAtEnd = state.mood
        suggestion = ScenarioSuggestion.pick(after: scenario, weakest: practiseNext?.dimension, from: library)
    }

    static func quotes(_ turns: [TurnOutcome]) -> [Quote] {
        Dimension.allCases.compactMap { dimension in
            var best: Quote?
            for outcome in turns {
                guard let level = outcome.score.level(dimension), level > 0, level > (best?.level ?? 0) else { continue }
                // The words the turn's feedback showed for this dimension (QuotedEvidence).
                let earned = QuotedEvidence.select(from: outcome.score, reply: outcome.reply)
                    .first { $0.effect == .plus && $0.dimensions.contains(dimension) }
                guard let earned, !earned.text.isEmpty else { continue }
                best = Quote(dimension: dimension, level: level, text: earned.text, turnNumber: outcome.number)
            }
            return best
        }
    }

    static func weakest(_ turns: [TurnOutcome]) -> (Dimension, Double)? {
        let averages = Scorecard.averages(turns.map(\.ratedLevels))
        var weakest: (Dimension, Double)?
        for dimension in Dimension.allCases {
            guard let average = averages[dimension] else { continue }
            if weakest == nil || average < weakest!.1 { weakest = (dimension, average) }
        }
        return weakest
    }
}
