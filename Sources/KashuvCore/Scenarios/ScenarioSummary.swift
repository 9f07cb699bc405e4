/// What lists and suggestions show of a scenario: its id, language, category, title, size and
/// customer, without its dialogue.
///
/// The validator's verdict cache keeps one beside each scenario, so `kashuv scenarios`,
/// `kashuv validate` and the debrief's suggestion read a few fields of an unchanged file
/// rather than decoding all of it (``ScenarioValidator/validate(paths:keeping:)``).
public struct ScenarioSummary: Codable, Sendable, Hashable {
    /// The scenario's id.
    public var id: String
    /// Its language.
    public var language: Language
    /// The kind of difficult customer.
    public var category: ObjectionCategory
    /// Its title.
    public var title: String
    /// How many customer turns it has.
    public var turns: Int
    /// How many endings it has.
    public var endings: Int
    /// The scripted customer.
    public var customer: CustomerPersona

    /// The summary of a scenario.
    public init(_ scenario: Scenario) {
        id = scenario.id
        language = scenario.language
        category = scenario.category
        title = scenario.title
        turns = scenario.turns.count
        endings = scenario.endings.count
        customer = scenario.customer
    }
}
