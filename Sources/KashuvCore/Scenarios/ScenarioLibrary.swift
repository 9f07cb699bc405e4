import Foundation

/// The scenarios in a folder, each loaded through ``ScenarioFile`` (the checks of `kashuv validate`).
///
/// A file that does not validate is left out of ``scenarios`` and its diagnostics are kept in
/// ``problems``, so one broken file does not hide the others and is never played.
public struct ScenarioLibrary: Sendable {
    /// The scenarios that validate, sorted by id.
    public let scenarios: [Scenario]
    /// The diagnostics of every file left out (including a second file using an id already taken).
    public let problems: [Diagnostic]

    /// Creates a library from scenarios already loaded.
    public init(scenarios: [Scenario], problems: [Diagnostic] = []) {
        self.scenarios = scenarios.sorted { $0.id < $1.id }
        self.problems = problems
    }

    /// Loads every `.yaml`/`.yml` file in a folder and its subfolders (sorted by name), as
    /// `kashuv validate FOLDER` checks them. Throws when the folder itself cannot be read.
    public init(folder: URL) throws(ScenarioRejected) {
        let report = ScenarioValidator().validate(paths: [folder.path])
        let folderProblems = report.diagnostics.filter { $0.path == folder.path }
        if !folderProblems.isEmpty { throw ScenarioRejected(path: folder.path, diagnostics: folderProblems) }
        self.init(scenarios: report.scenarios, problems: report.diagnostics)
    }

    /// The scenario with this id, if the library has it.
    public func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }
}

extension Scenario {
    /// Loads one scenario file through ``ScenarioFile``: it throws ``ScenarioRejected`` with
    /// every problem when `kashuv validate` would not accept the file.
    public static func load(from file: URL) throws(ScenarioRejected) -> Scenario {
        try ScenarioFile.load(path: file.path)
    }

    /// Loads a scenario from YAML text through ``ScenarioFile`` (every check of `kashuv validate`).
    public static func decode(yaml: String) throws(ScenarioRejected) -> Scenario {
        try ScenarioFile.load(yaml: yaml)
    }
}
