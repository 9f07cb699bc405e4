import Foundation
import Testing
@testable import KashuvCore

@Suite("Library location")
struct LibraryLocationTests {
    private let nowhere = URL(fileURLWithPath: "/nonexistent-kashuv-folder")

    @Test("an explicit folder wins over everything")
    func explicitFolder() {
        let location = LibraryLocation(environment: ["KASHUV_HOME": "/somewhere"], currentDirectory: packageRoot, executable: nil)
        let explicit = URL(fileURLWithPath: "/my/scenarios")
        #expect(location.scenariosFolder(explicit: explicit) == explicit)
    }

    @Test("KASHUV_HOME comes before the current directory")
    func environmentVariable() {
        let location = LibraryLocation(environment: ["KASHUV_HOME": "/srv/kashuv"], currentDirectory: packageRoot, executable: nil)
        #expect(location.scenariosFolder().path == "/srv/kashuv/Scenarios")
        #expect(location.trainersFolder().path == "/srv/kashuv/Trainers")
    }

    @Test("the current directory is used when it has a Scenarios folder")
    func currentDirectory() {
        let location = LibraryLocation(environment: [:], currentDirectory: packageRoot, executable: nil)
        #expect(location.home()?.standardizedFileURL.path == packageRoot.standardizedFileURL.path)
    }

    @Test("from a build folder, the search walks up from the executable to the package")
    func executableWalkUp() {
        let executable = packageRoot.appendingPathComponent(".build/debug/kashuv")
        let location = LibraryLocation(environment: [:], currentDirectory: nowhere, executable: executable)
        #expect(location.scenariosFolder().standardizedFileURL.path == packageRoot.appendingPathComponent("Scenarios").standardizedFileURL.path)
    }

    @Test("with nothing found, the current directory's Scenarios is named")
    func fallback() {
        let location = LibraryLocation(environment: [:], currentDirectory: nowhere, executable: URL(fileURLWithPath: "/usr/bin/kashuv"))
        #expect(location.home() == nil)
        #expect(location.scenariosFolder().path == "/nonexistent-kashuv-folder/Scenarios")
    }
}
