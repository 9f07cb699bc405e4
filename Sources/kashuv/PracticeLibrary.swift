import Foundation
import KashuvCore

/// The scenarios `kashuv practice` can play: every scenario file in the library folder that
/// loads. A file that does not load is left out (and named if the scenario asked for is
/// missing), so one broken file does not stop practice on the others.
struct PracticeLibrary {
    /// The folder read.
    let folder: URL
    /// The scenarios that loaded, sorted by id.
    let scenarios: [Scenario]
    /// The files that did not load, with why.
    let failures: [(file: String, reason: String)]

    /// Loads the library's `Scenarios/` folder, found by `LibraryLocation` (`$KASHUV_HOME`,
    /// the current directory, or the package the executable was built from).
    static func load() throws -> PracticeLibrary {
        try load(folder: LibraryLocation.scenariosFolder())
    }

    static func load(folder: URL) throws -> PracticeLibrary {
        let names: [String]
        do {
            names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
                .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
                .sorted()
        } catch {
            throw ValidationErrorText("no scenario library at \(folder.path): run kashuv from the Kashuv folder or set KASHUV_HOME")
        }
        var scenarios: [Scenario] = []
        var failures: [(String, String)] = []
        for name in names {
            do {
                let scenario = try Scenario.load(from: folder.appendingPathComponent(name))
                if !scenarios.contains(where: { $0.id == scenario.id }) { scenarios.append(scenario) }
            } catch {
                failures.append((name, "\(error)"))
            }
        }
        return PracticeLibrary(folder: folder, scenarios: scenarios.sorted { $0.id < $1.id }, failures: failures)
    }

    /// The scenario with this id, if it loaded.
    func scenario(_ id: String) -> Scenario? { scenarios.first { $0.id == id } }

    /// Why an id was not found: the ids there are, and any file that did not load.
    func explainMissing(_ id: String) -> String {
        var text = "no scenario '\(DisplaySafeText.clean(id, keepingNewlines: false))' in \(folder.path)"
        if !scenarios.isEmpty { text += "; available: " + scenarios.map(\.id).joined(separator: ", ") }
        if !failures.isEmpty {
            text += "\nthese files did not load (run 'kashuv validate'): "
                + failures.map { "\($0.file): \(DisplaySafeText.clean($0.reason, keepingNewlines: false))" }.joined(separator: "; ")
        }
        return text
    }
}

/// An error whose description is the text given.
struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = description }
}
