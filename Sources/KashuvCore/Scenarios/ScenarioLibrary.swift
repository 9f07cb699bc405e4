import Foundation
import Yams

/// The scenarios in a folder, loaded from their YAML files.
///
/// Loading here assumes files that `kashuv validate` accepts; it throws the first
/// problem it meets. `ScenarioValidator` reports every problem with its line.
public struct ScenarioLibrary: Sendable {
    /// The scenarios, sorted by id.
    public let scenarios: [Scenario]

    /// Creates a library from scenarios already loaded.
    public init(scenarios: [Scenario]) {
        self.scenarios = scenarios.sorted { $0.id < $1.id }
    }

    /// Loads every `.yaml`/`.yml` file in a folder (not recursive, sorted by name).
    public init(folder: URL) throws {
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
        self.init(scenarios: try names.map { try Scenario.load(from: folder.appendingPathComponent($0)) })
    }

    /// The scenario with this id, if the library has it.
    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }
}

extension Scenario {
    /// Loads one scenario file.
    public static func load(from file: URL) throws -> Scenario {
        try decode(yaml: String(decoding: Data(contentsOf: file), as: UTF8.self))
    }

    /// Decodes a scenario from YAML text.
    public static func decode(yaml: String) throws -> Scenario {
        try YAMLDecoder().decode(Scenario.self, from: yaml)
    }
}
