import Foundation

/// The one way Kashuv reads a scenario file: through the same checks as `kashuv validate`.
///
/// `practice`, `scenarios`, `score --scenario`, workshop plans and the library all load
/// scenarios here, so a file is either played everywhere or refused everywhere with the
/// diagnostics `kashuv validate` prints for it.
///
/// ```swift
/// do {
///     let scenario = try ScenarioFile.load(path: "Scenarios/he-waiting-app-senior.yaml")
/// } catch {
///     print(error)  // every problem, PATH:LINE:COL: error[KS…]: …
/// }
/// ```
public enum ScenarioFile {
    /// Loads and checks one scenario file (not the checks across files: unique ids, plans).
    public static func load(path: String, limits: ValidationLimits = ValidationLimits()) throws(ScenarioRejected) -> Scenario {
        let outcome = ScenarioValidator(limits: limits).check(file: path, as: .scenario)
        return try scenario(from: outcome)
    }

    /// Loads and checks scenario text as if it were read from `path` (which is only used in
    /// diagnostics and, when it names a `.yaml` file, for the rule that the id matches the file name).
    public static func load(yaml: String, path: String = "<scenario>", limits: ValidationLimits = ValidationLimits()) throws(ScenarioRejected) -> Scenario {
        try load(bytes: Array(yaml.utf8), path: path, limits: limits)
    }

    /// Loads and checks the bytes of a scenario file as if they were read from `path`.
    public static func load(bytes: [UInt8], path: String = "<scenario>", limits: ValidationLimits = ValidationLimits()) throws(ScenarioRejected) -> Scenario {
        let outcome: ScenarioValidator.FileOutcome
        switch YAMLSource.decode(bytes: bytes, path: path, limits: limits) {
        case .failure(let diagnostic): outcome = ScenarioValidator.FileOutcome(path: path, diagnostics: [diagnostic])
        case .success(let text): outcome = LargeStackThread.run { ScenarioValidator.check(text, limits: limits, as: .scenario) }
        }
        return try scenario(from: outcome)
    }

    private static func scenario(from outcome: ScenarioValidator.FileOutcome) throws(ScenarioRejected) -> Scenario {
        // Warnings (``Diagnostic/Severity/warning``) do not stop a scenario from playing.
        guard !outcome.diagnostics.contains(where: { $0.severity == .error }), let scenario = outcome.scenario else {
            throw ScenarioRejected(path: outcome.path, diagnostics: outcome.diagnostics.filter { $0.severity == .error })
        }
        return scenario
    }
}

/// A scenario file that `kashuv validate` does not accept, with every problem found in it.
public struct ScenarioRejected: Error, Sendable, Hashable, CustomStringConvertible {
    /// The file, as the user named it.
    public var path: String
    /// Every problem, in line order (never empty).
    public var diagnostics: [Diagnostic]

    /// Creates a rejection; with no diagnostics, one saying the file holds no scenario.
    public init(path: String, diagnostics: [Diagnostic]) {
        self.path = path
        self.diagnostics = diagnostics.isEmpty
            ? [Diagnostic(.wrongType, path: path, "the file holds no scenario", hint: "see docs/scenario-format.md")]
            : diagnostics
    }

    /// The diagnostics as `kashuv validate` prints them, made safe for a terminal.
    public var description: String {
        diagnostics.map { DisplaySafeText.clean($0.description) }.joined(separator: "\n")
    }
}

extension Scenario {
    /// Whether `id` is a valid scenario id: 1 to 100 lower-case Latin letters, digits and `-`,
    /// starting with a letter (so it is never a path or a number). The validator also requires
    /// a scenario's file to be named `<id>.yaml` (KS0060).
    public static func isValidID(_ id: String) -> Bool {
        guard let first = id.unicodeScalars.first, ("a"..."z").contains(first), id.unicodeScalars.count <= 100 else { return false }
        return id.unicodeScalars.allSatisfy { ("a"..."z").contains($0) || ("0"..."9").contains($0) || $0 == "-" }
    }
}
