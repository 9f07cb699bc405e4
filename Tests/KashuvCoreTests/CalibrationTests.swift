import Foundation
import Testing
@testable import KashuvCore

/// The agreement maths, and a floor under the scorer's agreement with the coaches' dev set.
@Suite("Calibration")
struct CalibrationTests {
    @Test("quadratic-weighted kappa: 1 for perfect agreement, 0 for chance, negative for systematic disagreement")
    func kappa() {
        #expect(Calibration.quadraticWeightedKappa([[5, 0, 0], [0, 5, 0], [0, 0, 5]]) == 1)
        #expect(abs(Calibration.quadraticWeightedKappa([[1, 1, 1], [1, 1, 1], [1, 1, 1]])) < 1e-9)
        #expect(Calibration.quadraticWeightedKappa([[0, 0, 5], [0, 0, 0], [5, 0, 0]]) < 0)
        // A known value: one off-by-one in ten.
        let k = Calibration.quadraticWeightedKappa([[3, 1, 0], [0, 3, 0], [0, 0, 3]])
        #expect(abs(k - 0.9231) < 0.001)
    }

    @Test("flag precision, recall and F1")
    func flags() {
        let blame = Assessment(levels: Levels(listening: 0, ownership: 0, framing: 1), flags: [.blame])
        let none = Assessment(levels: Levels(listening: 0, ownership: 0, framing: 1))
        let report = CalibrationReport(pairs: [(blame, blame), (blame, none), (none, blame), (none, none)])
        let figures = report.flags[.blame]!
        #expect(figures.precision == 0.5 && figures.recall == 0.5 && figures.f1 == 0.5)
        #expect(report.dimensions[.framing]?.exact == 1)
        #expect(report.dimensions[.framing]?.confusion[1][1] == 4)
    }

    /// Floors a little below what the scorer reaches, so a change cannot quietly make it worse.
    /// Reached when the floors were set: kappa listening 0.98, ownership 1.00, framing 0.97 (all);
    /// at least 0.96 per language; flag micro-F1 0.97 (all, he, en); every flag F1 ≥ 0.89.
    static let floors = AgreementFloors(
        kappa: [.listening: 0.93, .ownership: 0.93, .framing: 0.91],
        languageKappa: 0.90, microF1: 0.91, languageMicroF1: 0.89, perFlagF1: 0.80)

    /// The coaches' dev set lives outside the repository, beside the clone (`../shared`, as CI
    /// checks it out); a clone on its own skips this floor and says why.
    static let devSet = ScorerFixture.packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data/dev-replies.jsonl")
    static var devSetIsPresent: Bool { FileManager.default.fileExists(atPath: devSet.path) }

    @Test(
        "floor: agreement with the coaches' dev set (../shared/data/dev-replies.jsonl) stays above its floors",
        .enabled(if: devSetIsPresent, "the coaches' dev set is not beside this clone (expected ../shared/data/dev-replies.jsonl; CI has it)"))
    func devSetFloor() throws {
        let items = try LabelledReply.load(contentsOf: Self.devSet)
        #expect(items.count >= 100)
        Self.floors.check(items, set: "dev set")
    }
}
