import Foundation

/// Which records a report counts: by trainee, scenario, scenario category and date.
///
/// Dates select whole attempts by when they started, so an attempt is never cut in half.
/// Every list is "any of"; an empty list does not filter.
public struct ReportFilter: Sendable, Hashable {
    /// Trainee names (case does not matter: `Dana` and `dana` are the same trainee).
    public var trainees: [String]
    /// Scenario ids.
    public var scenarios: [String]
    /// Scenario categories (looked up in the scenario library).
    public var categories: [ObjectionCategory]
    /// The first day (or moment) counted, as the coach typed it.
    public var since: String?
    /// The last day (or moment) counted, as the coach typed it.
    public var until: String?

    /// Creates a filter; throws ``ReportFilterError`` for a date that cannot be read.
    public init(
        trainees: [String] = [], scenarios: [String] = [], categories: [ObjectionCategory] = [],
        since: String? = nil, until: String? = nil
    ) throws(ReportFilterError) {
        self.trainees = trainees
        self.scenarios = scenarios
        self.categories = categories
        self.since = since
        self.until = until
        if let since, ReportTime.range(of: since) == nil { throw .badDate(option: "--since", value: since) }
        if let until, ReportTime.range(of: until) == nil { throw .badDate(option: "--until", value: until) }
    }

    /// Whether nothing is filtered.
    public var isEmpty: Bool { trainees.isEmpty && scenarios.isEmpty && categories.isEmpty && since == nil && until == nil }

    /// The filter made ready to test records quickly against a scenario library.
    func compiled(library: [Scenario]) -> Compiled {
        var scenarioIDs: Set<String>?
        if !scenarios.isEmpty { scenarioIDs = Set(scenarios) }
        if !categories.isEmpty {
            let inCategories = Set(library.filter { categories.contains($0.category) }.map(\.id))
            scenarioIDs = scenarioIDs.map { $0.intersection(inCategories) } ?? inCategories
        }
        return Compiled(
            traineeKeys: trainees.isEmpty ? nil : Set(trainees.map(Self.key)),
            scenarioIDs: scenarioIDs,
            start: since.flatMap(ReportTime.range(of:))?.lowerBound ?? .min,
            end: until.flatMap(ReportTime.range(of:))?.upperBound ?? .max)
    }

    /// The key a trainee is known by: the name with spaces collapsed, lower-cased.
    static func key(_ name: String) -> String {
        name.split(whereSeparator: { $0.isWhitespace }).joined(separator: " ").precomposedStringWithCanonicalMapping.lowercased()
    }

    struct Compiled: Sendable {
        var traineeKeys: Set<String>?
        var scenarioIDs: Set<String>?
        var start: Int64
        var end: Int64

        func admitsTime(_ attemptStart: Int64) -> Bool { attemptStart >= start && attemptStart < end }
    }
}

/// A filter that cannot be used.
public enum ReportFilterError: Error, Sendable, Hashable, CustomStringConvertible {
    /// A date that is not `YYYY-MM-DD` or an ISO-8601 timestamp.
    case badDate(option: String, value: String)

    public var description: String {
        switch self {
        case .badDate(let option, let value):
            "\(option): '\(value)' is not a date; write it as YYYY-MM-DD (for example 2026-11-23) or 2026-11-23T10:51:07Z"
        }
    }
}
