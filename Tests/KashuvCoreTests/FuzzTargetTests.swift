import Foundation
import Testing
import KashuvFuzzTargets
import KashuvCore

/// The short, bounded fuzzing pass that runs with every test run (and so in CI): each
/// target on its seeds and on seeded random mutations for a few seconds. The long runs
/// use libFuzzer (`scripts/fuzz`, figures in docs/fuzzing.md).
@Suite("Fuzz targets: a bounded seeded pass")
struct FuzzTargetTests {
    static let home = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    @Test("every target keeps its promises on its seeds and on random mutations", arguments: FuzzTarget.allCases)
    func boundedPass(target: FuzzTarget) {
        var problems: [String] = []
        let report = FuzzPass(target: target, seed: 20_261_206).run(seconds: 3, minimumMutations: 50, home: Self.home) { input, broken in
            if problems.count < 5 {
                problems.append("\(broken.joined(separator: "; ")) on input \(Array(input.prefix(80)))")
            }
        }
        #expect(problems.isEmpty, "\(target.rawValue): \(problems.joined(separator: "\n"))")
        #expect(report.executions > target.seeds(home: Self.home).count, "the pass ran mutations, not only seeds")
    }

    /// Inputs a libFuzzer run once stopped on (`Fixtures/fuzz/TARGET/`), kept so the
    /// problem cannot come back: each must now keep every promise of its target.
    @Test("every input a fuzzer once stopped on keeps its target's promises", arguments: [FuzzTarget.scenario, .cues, .progress])
    func savedFindings(target: FuzzTarget) throws {
        let folder = Self.home.appendingPathComponent("Tests/KashuvCoreTests/Fixtures/fuzz/\(target.rawValue)")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted()
        #expect(!names.isEmpty, "the saved inputs are in \(folder.path)")
        for name in names {
            let input = try Data(contentsOf: folder.appendingPathComponent(name))
            #expect(target.run([UInt8](input)) == [], "\(target.rawValue)/\(name)")
        }
    }

    @Test("the scenario and cue seeds are the real files of the library", arguments: [FuzzTarget.scenario, .cues])
    func seedsAreRealFiles(target: FuzzTarget) {
        #expect(target.seedFiles(in: Self.home).count >= 2)
    }

    @Test("the progress seed is a real file: three records, a resumable attempt")
    func progressSeedIsReal() {
        let seed = FuzzTarget.progress.seeds(home: Self.home)[0]
        let contents = ProgressFileContents.parse(Data(seed), file: "seed.jsonl")
        #expect(contents.records.count == 3 && contents.issues.isEmpty)
        #expect(contents.resumableAttempt(scenarioID: "he-waiting-app-senior")?.turns.count == 2)
    }
}
