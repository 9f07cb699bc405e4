import Foundation
import KashuvCore

/// The scenario the plain-mode unit tests play: `Tests/Fixtures/he-waiting-app-senior.yaml`, a frozen copy of
/// `Scenarios/he-waiting-app-senior.yaml`, so edits to the shipped scenario do not change
/// what the tests expect.
enum PlainFixtureScenario {
    /// The fixture file, shared by the core and terminal test targets.
    static let file = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/he-waiting-app-senior.yaml")

    /// The scenario decoded.
    static func scenario() throws -> Scenario { try Scenario.load(from: file) }
}
