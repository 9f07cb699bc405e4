import Foundation
import Yams

/// An ordered list of scenarios for a group session, with a title. Lives in
/// `Trainers/plans/<name>.yaml`; the format is in `docs/trainers-format.md` and
/// `kashuv validate` checks that every scenario id exists in the library.
public struct WorkshopPlan: Codable, Sendable, Hashable {
    /// The session's title, shown to the group.
    public var title: String
    /// A line or two for the facilitator about the session, if given.
    public var description: String?
    /// The scenario ids, in the order the group plays them.
    public var scenarios: [String]

    /// Creates a plan.
    public init(title: String, description: String? = nil, scenarios: [String]) {
        self.title = title
        self.description = description
        self.scenarios = scenarios
    }

    /// The plan's scenarios looked up in a library, in order; ids the library lacks are left out.
    public func scenarios(in library: ScenarioLibrary) -> [Scenario] {
        scenarios.compactMap(library.scenario)
    }

    /// Loads a plan file (one that `kashuv validate` accepts; throws the first problem otherwise).
    public static func load(from file: URL) throws -> WorkshopPlan {
        try YAMLDecoder().decode(WorkshopPlan.self, from: Data(contentsOf: file))
    }

    /// Loads every plan in a folder (`.yaml`/`.yml`, sorted by file name).
    public static func loadAll(in folder: URL) throws -> [WorkshopPlan] {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        return try names.map { try load(from: folder.appendingPathComponent($0)) }
    }
}
