import Foundation
import KashuvCore

/// The scenarios `kashuv practice` can play, read from the library's `Scenarios/` folder
/// (found by `LibraryLocation`: `$KASHUV_HOME`, the current directory, or the package the
/// executable was built from).
///
/// Start-up reads only the scenario asked for (`<id>.yaml`, the library's naming rule, which
/// the validator enforces); the whole folder is read only when needed: for the debrief's
/// suggestion, or to explain a missing id. Every file goes through ``ScenarioFile``, the
/// checks of `kashuv validate`: the scenario asked for is refused with its diagnostics when
/// it does not validate, and another broken file is left out without stopping practice.
final class PracticeLibrary {
    /// The folder read.
    let folder: URL
    private var loaded: ScenarioLibrary?

    /// A library over the located `Scenarios/` folder; nothing is read yet.
    init(folder: URL = LibraryLocation.scenariosFolder()) throws {
        var isFolder: ObjCBool = false
        guard FileManager.default.fileExists(atPath: folder.path, isDirectory: &isFolder), isFolder.boolValue else {
            throw ValidationErrorText(
                "no scenario library at \(folder.path): run kashuv from the Kashuv folder or set KASHUV_HOME")
        }
        self.folder = folder
    }

    /// The scenario with this id, `nil` when the library has no file for it. A file that
    /// `kashuv validate` rejects is never played: its diagnostics are thrown.
    func scenario(_ id: String) throws(ScenarioRejected) -> Scenario? {
        guard Scenario.isValidID(id) else { return nil }
        for name in [id + ".yaml", id + ".yml"] {
            let file = folder.appendingPathComponent(name)
            if FileManager.default.fileExists(atPath: file.path) { return try ScenarioFile.load(path: file.path) }
        }
        return nil
    }

    /// Every scenario that validates, sorted by id (the folder is read once).
    var all: [Scenario] { loadAll().scenarios }

    private func loadAll() -> ScenarioLibrary {
        if let loaded { return loaded }
        let library = (try? ScenarioLibrary(folder: folder)) ?? ScenarioLibrary(scenarios: [])
        loaded = library
        return library
    }

    /// Why an id was not found: the ids there are, and the files left out because they do not validate.
    func explainMissing(_ id: String) -> String {
        let library = loadAll()
        var text = "no scenario '\(DisplaySafeText.clean(id, keepingNewlines: false))' in \(DisplaySafeText.clean(folder.path, keepingNewlines: false))"
        if !library.scenarios.isEmpty { text += "; available: " + library.scenarios.map(\.id).joined(separator: ", ") }
        let leftOut = Set(library.problems.map(\.path)).sorted()
        if !leftOut.isEmpty {
            text += "\nleft out because they do not validate (run `kashuv validate` on them): "
                + leftOut.map { DisplaySafeText.clean($0, keepingNewlines: false) }.joined(separator: ", ")
        }
        return text
    }
}

/// An error whose description is the text given.
///
/// The text is made safe for a terminal (``DisplaySafeText``): it often quotes a file name or an id.
struct ValidationErrorText: Error, CustomStringConvertible {
    let description: String
    init(_ description: String) { self.description = DisplaySafeText.clean(description) }
}
