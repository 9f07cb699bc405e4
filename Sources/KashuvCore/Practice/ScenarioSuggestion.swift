/// A scenario to practise next, and why it was picked.
///
/// The rule, in order, among the library's other scenarios in the same language (any
/// language if there are none): the first (by id) whose category typically calls for the
/// weakest dimension (listening: `waiting`, ownership: `disappointment`, framing: `price`);
/// else the first of the same category; else the first at all.
public struct ScenarioSuggestion: Sendable, Hashable {
    /// The suggested scenario's id.
    public var scenarioID: String
    /// Its title.
    public var title: String
    /// Why it was picked.
    public var reason: Reason

    /// Why a scenario was suggested.
    public enum Reason: Sendable, Hashable {
        /// Its kind of customer calls for the dimension the trainee should practise.
        case practise(Dimension)
        /// The same kind of customer, a different situation.
        case sameCategory(ObjectionCategory)
        /// Another scenario in the library.
        case another
    }

    /// The category whose customers most call for a dimension.
    public static func typicalCategory(for dimension: Dimension) -> ObjectionCategory {
        switch dimension {
        case .listening: .waiting
        case .ownership: .disappointment
        case .framing: .price
        }
    }

    static func pick(after scenario: Scenario, weakest: Dimension?, from library: [Scenario]) -> ScenarioSuggestion? {
        let others = library.filter { $0.id != scenario.id }.sorted { $0.id < $1.id }
        let sameLanguage = others.filter { $0.language == scenario.language }
        let candidates = sameLanguage.isEmpty ? others : sameLanguage
        if let weakest, let match = candidates.first(where: { $0.category == typicalCategory(for: weakest) }) {
            return ScenarioSuggestion(scenarioID: match.id, title: match.title, reason: .practise(weakest))
        }
        if let match = candidates.first(where: { $0.category == scenario.category }) {
            return ScenarioSuggestion(scenarioID: match.id, title: match.title, reason: .sameCategory(scenario.category))
        }
        return candidates.first.map { ScenarioSuggestion(scenarioID: $0.id, title: $0.title, reason: .another) }
    }
}
