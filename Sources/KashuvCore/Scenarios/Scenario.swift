/// A scripted dialogue with one difficult customer, as a facilitator writes it in YAML.
///
/// One scenario lives in one file under `Scenarios/`. The format is described in
/// `docs/scenario-format.md` and checked by `kashuv validate`.
public struct Scenario: Codable, Sendable, Hashable, Identifiable {
    /// A stable id, unique across the library (for example `he-waiting-app-senior`).
    public var id: String
    /// The language every line of the scenario is written in.
    public var language: Language
    /// The kind of objection the customer raises.
    public var category: ObjectionCategory
    /// A short title shown in lists and on the customer's card.
    public var title: String
    /// What the trainee is told before the call: who the customer is and what happened
    /// (per ``AddressForm`` where it speaks to the trainee).
    public var brief: AddressedText
    /// What the trainee may offer in this situation.
    public var canOffer: [String]
    /// What the trainee must not promise; the scorer uses it to spot over-promising.
    public var cannotOffer: [String]
    /// Who the customer is.
    public var customer: CustomerPersona
    /// The concrete facts a good reflection picks up (amounts, durations, order numbers).
    public var facts: [String]
    /// The call ends after this many trainee replies.
    public var maxTurns: Int
    /// The id of the first turn.
    public var start: String
    /// The ending reached when the customer's mood reaches ``Mood/furious``.
    public var onFurious: String
    /// The ending reached when ``maxTurns`` replies have been given and no ending was reached.
    public var onMaxTurns: String
    /// The customer's turns; each turn id is also the stable id of the customer's line.
    public var turns: [Turn]
    /// The ways the call can end.
    public var endings: [Ending]
    /// Scripted paths that check the scenario plays as its author meant.
    public var testPlan: [TestPath]

    enum CodingKeys: String, CodingKey {
        case id, language, category, title, brief
        case canOffer = "can_offer"
        case cannotOffer = "cannot_offer"
        case customer, facts
        case maxTurns = "max_turns"
        case start
        case onFurious = "on_furious"
        case onMaxTurns = "on_max_turns"
        case turns, endings
        case testPlan = "test_plan"
    }

    /// The turn with this id, if there is one.
    public func turn(_ id: String) -> Turn? { turns.first { $0.id == id } }

    /// The ending with this id, if there is one.
    public func ending(_ id: String) -> Ending? { endings.first { $0.id == id } }
}

/// The mood scale: 0 is calm, 10 is furious and ends the call.
public enum Mood {
    /// The calmest mood.
    public static let calm = 0
    /// The mood at which the customer ends the call.
    public static let furious = 10
    /// Every valid mood.
    public static let range: ClosedRange<Int> = calm...furious
}

/// The scripted customer.
public struct CustomerPersona: Codable, Sendable, Hashable {
    /// The customer's name as the trainee would hear it.
    public var name: String
    /// One line of background (age, situation, history with the company).
    public var background: String
    /// The mood at the start of the call, 0 (calm) to 10 (furious).
    public var mood: Int
}

/// One moment of the call: what the customer says and where each kind of reply leads.
public struct Turn: Codable, Sendable, Hashable, Identifiable {
    /// The stable id of this turn and of the customer's line in it.
    public var id: String
    /// What the customer says (per ``AddressForm`` where it speaks to the trainee).
    public var says: AddressedText
    /// The dimensions this moment calls for; the others are reported as not rated.
    /// Defaults to all three.
    public var rates: [Dimension]
    /// The traps (flags) this line answers, such as `[redirect]` for "don't send me to the
    /// website"; every branch into this turn must require one of them (KS0046). Default: none.
    public var answers: [Flag]
    /// Ordered branches: the first whose condition holds is taken. The last has no condition.
    public var branches: [Branch]

    enum CodingKeys: String, CodingKey { case id, says, rates, answers, branches }

    /// Creates a turn.
    public init(
        id: String, says: AddressedText, rates: [Dimension] = Dimension.allCases, answers: [Flag] = [], branches: [Branch]
    ) {
        self.id = id
        self.says = says
        self.rates = rates
        self.answers = answers
        self.branches = branches
    }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        id = try container.decode(String.self, forKey: .id)
        says = try container.decode(AddressedText.self, forKey: .says)
        rates = try container.decodeIfPresent([Dimension].self, forKey: .rates) ?? Dimension.allCases
        answers = try container.decodeIfPresent([Flag].self, forKey: .answers) ?? []
        branches = try container.decode([Branch].self, forKey: .branches)
    }
}

/// Where the call goes after a reply, and how the customer's mood moves.
public struct Branch: Codable, Sendable, Hashable {
    /// When this branch is taken; `nil` makes it the fallback, which must come last.
    public var when: BranchCondition?
    /// How much the customer's mood moves (negative calms, positive angers).
    public var mood: Int
    /// The id of the next turn or of an ending.
    public var next: String

    /// Creates a branch.
    public init(when: BranchCondition? = nil, mood: Int = 0, next: String) {
        self.when = when
        self.mood = mood
        self.next = next
    }

    enum CodingKeys: String, CodingKey { case when, mood, next }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        when = try container.decodeIfPresent(BranchCondition.self, forKey: .when)
        mood = try container.decodeIfPresent(Int.self, forKey: .mood) ?? 0
        next = try container.decode(String.self, forKey: .next)
    }
}

/// A test on a scored reply and the mood before it. Every part given must hold.
public struct BranchCondition: Codable, Sendable, Hashable {
    /// Each named dimension must be at least this level.
    public var atLeast: [Dimension: Int]?
    /// Each named dimension must be at most this level.
    public var atMost: [Dimension: Int]?
    /// At least one of these flags must be raised.
    public var flags: [Flag]?
    /// None of these flags may be raised.
    public var noFlags: [Flag]?
    /// The customer's mood before the reply must be at least this.
    public var moodAtLeast: Int?
    /// The customer's mood before the reply must be at most this.
    public var moodAtMost: Int?

    enum CodingKeys: String, CodingKey {
        case atLeast = "at_least"
        case atMost = "at_most"
        case flags
        case noFlags = "no_flags"
        case moodAtLeast = "mood_at_least"
        case moodAtMost = "mood_at_most"
    }

    /// Creates a condition; parts left `nil` always hold.
    public init(
        atLeast: [Dimension: Int]? = nil, atMost: [Dimension: Int]? = nil,
        flags: [Flag]? = nil, noFlags: [Flag]? = nil,
        moodAtLeast: Int? = nil, moodAtMost: Int? = nil
    ) {
        self.atLeast = atLeast
        self.atMost = atMost
        self.flags = flags
        self.noFlags = noFlags
        self.moodAtLeast = moodAtLeast
        self.moodAtMost = moodAtMost
    }

    /// Whether a reply with this assessment, given at this mood, meets the condition.
    public func holds(for assessment: Assessment, mood: Int) -> Bool {
        for (dimension, level) in atLeast ?? [:] where assessment.levels[dimension] < level { return false }
        for (dimension, level) in atMost ?? [:] where assessment.levels[dimension] > level { return false }
        if let flags, !flags.contains(where: assessment.flags.contains) { return false }
        if let noFlags, noFlags.contains(where: assessment.flags.contains) { return false }
        if let moodAtLeast, mood < moodAtLeast { return false }
        if let moodAtMost, mood > moodAtMost { return false }
        return true
    }

    /// The dimensions this condition reads.
    public var dimensions: Set<Dimension> {
        Set((atLeast ?? [:]).keys).union((atMost ?? [:]).keys)
    }
}

/// How a call can end.
public struct Ending: Codable, Sendable, Hashable, Identifiable {
    /// The ending's id, which branches name in `next`.
    public var id: String
    /// What kind of ending it is.
    public var outcome: Outcome
    /// A short debrief shown to the trainee when the call ends here (per ``AddressForm``
    /// where it speaks to the trainee).
    public var debrief: AddressedText
}

/// The three ways a call can end.
public enum Outcome: String, Codable, Sendable, CaseIterable, Hashable {
    /// The customer's problem is on its way to being solved and they feel heard.
    case resolved
    /// The customer asked for a manager or a formal complaint.
    case escalated
    /// The customer hung up or walked away.
    case left
}

/// One scripted path through a scenario: replies given as levels and flags, and what must happen.
public struct TestPath: Codable, Sendable, Hashable {
    /// What the path checks, in a few words.
    public var name: String
    /// The replies in order, each with the customer line expected before it.
    public var steps: [TestStep]
    /// The ending the path must reach after the last step.
    public var ending: String
}

/// One reply in a test path.
public struct TestStep: Codable, Sendable, Hashable {
    /// The id of the customer line expected on screen before this reply.
    public var line: String
    /// The scored reply.
    public var reply: ScriptedReply
}

/// A reply in a test plan, written as its levels and flags.
public struct ScriptedReply: Codable, Sendable, Hashable {
    /// Active listening, 0–2.
    public var listening: Int
    /// Ownership, 0–2.
    public var ownership: Int
    /// What-we-can-do framing, 0–2.
    public var framing: Int
    /// Flags raised on the reply.
    public var flags: [Flag]

    enum CodingKeys: String, CodingKey { case listening, ownership, framing, flags }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        listening = try container.decode(Int.self, forKey: .listening)
        ownership = try container.decode(Int.self, forKey: .ownership)
        framing = try container.decode(Int.self, forKey: .framing)
        flags = try container.decodeIfPresent([Flag].self, forKey: .flags) ?? []
    }

    /// The assessment the engine reads.
    public var assessment: Assessment {
        Assessment(levels: Levels(listening: listening, ownership: ownership, framing: framing), flags: Set(flags))
    }
}
