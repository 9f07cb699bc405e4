import Foundation
import KashuvCore

/// The scenarios `kashuv practice` can play, read from the library's `Scenarios/` folder
/// (found by `LibraryLocation`: `$KASHUV_HOME`, the current directory, or the package the
/// executable was built from).
///
/// Start-up reads only the scenario asked for (`<id>.yaml`, the library's naming rule); the
/// whole folder is read only when needed: for an id whose file is named otherwise, for the
/// debrief's suggestion, or to explain a missing id. A file that does not load is left out
/// (and named when the scenario asked for is missing), so one broken file does not stop
/// practice on the others.
final class PracticeLibrary {
    /// The folder read.
    let folder: URL
    private var loaded: (scenarios: [Scenario], failures: [(file: String, reason: String)])?

    /// A library over the located `Scenarios/` folder; nothing is read yet.
    init(folder: URL = LibraryLocation.scenariosFolder()) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationErrorText(
                "no scenario library at \(folder.path): run kashuv from the Kashuv folder or set KASHUV_HOME")
        }
        self.folder = folder
    }

    /// The scenario with this id, if its file loads.
    func scenario(_ id: String) -> Scenario? {
        for name in [id + ".yaml", id + ".yml"] where !id.contains("/") {
            let file = folder.appendingPathComponent(name)
            if let scenario = try? Scenario.load(from: file), scenario.id == id { return scenario }
        }
        return all.first { $0.id == id }
    }

    /// Every scenario that loads, sorted by id (the folder is read once).
    var all: [Scenario] { loadAll().scenarios }

    private func loadAll() -> (scenarios: [Scenario], failures: [(file: String, reason: String)]) {
        if let loaded { return loaded }
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }
            .sorted()
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
        let result = (scenarios: scenarios.sorted { $0.id < $1.id }, failures: failures)
        loaded = result
        return result
    }

    /// Why an id was not found: the ids there are, and any file that did not load.
    func explainMissing(_ id: String) -> String {
        let (scenarios, failures) = loadAll()
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
