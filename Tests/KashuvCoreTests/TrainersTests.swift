import Foundation
import Testing
@testable import KashuvCore

let libraryTrainersFolder = packageRoot.appendingPathComponent("Trainers")

/// A valid trainer profile that the tests break one way at a time.
private let validProfile = """
    feedback_language: he
    weights:
      listening: 0.4
      ownership: 0.35
      framing: 0.25
    pass_thresholds:
      listening: 1.5
      ownership: 1.2
      framing: 1
    extra_cues: []

    """

/// Validates files written into a temporary Trainers-like folder next to a one-scenario library.
private func validateTrainers(_ files: [String: String]) throws -> (diagnostics: [Diagnostic], folder: ValidatorTemporaryFolder) {
    let folder = try ValidatorTemporaryFolder()
    try folder.write(ValidatorSamples.english, to: "Scenarios/en-waiting-hold-test.yaml")
    for (name, text) in files { try folder.write(text, to: "Trainers/\(name)") }
    let report = ScenarioValidator().validate(paths: [folder.path("Trainers")])
    return (report.diagnostics, folder)
}

@Suite("Trainers: the default profile and the example plan")
struct TrainersLibraryTests {
    @Test("the default profile loads: Hebrew feedback, every dimension weighted and given a threshold")
    func defaultProfile() throws {
        let profile = try TrainerProfile.loadDefault(trainersFolder: libraryTrainersFolder)
        #expect(profile.feedbackLanguage == .hebrew)
        for dimension in Dimension.allCases {
            #expect(profile.weight(of: dimension) > 0)
            #expect(Levels.range.contains(Int(profile.passThreshold(of: dimension).rounded(.down))))
        }
        let total = profile.normalizedWeights.values.reduce(0, +)
        #expect(abs(total - 1) < 1e-9)
    }

    @Test("the example workshop plan covers all four categories with scenarios from the library")
    func examplePlanCoversCategories() throws {
        let plan = try WorkshopPlan.load(from: libraryTrainersFolder.appendingPathComponent("plans/workshop-basics.yaml"))
        let library = try ScenarioLibrary(folder: scenariosFolder)
        let scenarios = plan.scenarios(in: library)
        #expect(!plan.title.isEmpty)
        #expect(scenarios.count == plan.scenarios.count, "every id in the plan is in the library")
        #expect(Set(scenarios.map(\.category)) == Set(ObjectionCategory.allCases))
    }

    @Test("the Trainers folder validates clean on its own, finding the library beside it")
    func trainersFolderIsClean() {
        let report = ScenarioValidator().validate(paths: [libraryTrainersFolder.path])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
    }
}

@Suite("Trainers: profile checks")
struct TrainerProfileTests {
    @Test("a valid profile has no diagnostics")
    func valid() throws {
        #expect(try validateTrainers(["default/profile.yaml": validProfile]).diagnostics.isEmpty)
    }

    @Test("profile problems are reported with their codes and lines", arguments: [
        (DiagnosticCode.unknownLanguage, "feedback_language: he", "feedback_language: hebrew"),
        (.unknownDimension, "  framing: 0.25", "  framming: 0.25"),
        (.invalidWeight, "  listening: 0.4", "  listening: -1"),
        (.thresholdOutOfRange, "  listening: 1.5", "  listening: 3"),
        (.wrongType, "  ownership: 1.2", "  ownership: high"),
        (.unknownKey, "extra_cues: []", "extra_cue: []"),
        (.missingCueFile, "extra_cues: []", "extra_cues: [cues/jargon.yaml]"),
        (.missingCueFile, "extra_cues: []", "extra_cues: [../../secrets.yaml]"),
    ])
    func problems(code: DiagnosticCode, original: String, broken: String) throws {
        let yaml = validProfile.replacingFirst(original, with: broken)
        let (diagnostics, folder) = try validateTrainers(["default/profile.yaml": yaml])
        let diagnostic = try #require(diagnostics.first { $0.code == code.rawValue }, "\(diagnostics.map(\.description))")
        #expect(diagnostic.path == folder.path("Trainers/default/profile.yaml"))
        #expect(diagnostic.line == lineNumber(of: broken, in: yaml))
    }

    @Test("all weights 0 is invalid")
    func allWeightsZero() throws {
        let yaml = validProfile.replacingFirst("  listening: 0.4\n  ownership: 0.35\n  framing: 0.25", with: "  listening: 0\n  ownership: 0\n  framing: 0")
        let (diagnostics, _) = try validateTrainers(["default/profile.yaml": yaml])
        #expect(diagnostics.map(\.code) == [DiagnosticCode.invalidWeight.rawValue])
    }

    @Test("a dimension left out of the weights is a missing key")
    func missingDimension() throws {
        let yaml = validProfile.replacingFirst("  framing: 0.25\n", with: "")
        let (diagnostics, _) = try validateTrainers(["default/profile.yaml": yaml])
        #expect(diagnostics.map(\.code) == [DiagnosticCode.missingKey.rawValue])
        #expect(diagnostics.first?.line == lineNumber(of: "weights:", in: yaml))
    }

    @Test("an extra cue file that exists is accepted and checked as a cue file")
    func existingCueFile() throws {
        let folder = try ValidatorTemporaryFolder()
        try folder.write(validProfile.replacingFirst("extra_cues: []", with: "extra_cues: [cues/jargon.yaml]"), to: "Trainers/default/profile.yaml")
        try folder.write("", to: "Trainers/default/cues/jargon.yaml")
        let diagnostics = ScenarioValidator().validate(paths: [folder.path("Trainers")]).diagnostics
        #expect(!diagnostics.contains { $0.code == DiagnosticCode.missingCueFile.rawValue })
        // The empty cue file itself is caught by the safe reading every file goes through.
        #expect(diagnostics.map(\.code) == [DiagnosticCode.emptyFile.rawValue])
        #expect(diagnostics.first?.path == folder.path("Trainers/default/cues/jargon.yaml"))
    }
}

@Suite("Trainers: cue files")
struct TrainersCueFileTests {
    @Test("a file under a cues/ folder is read safely, then checked by the scorer's cue validator")
    func cueFilesGoToTheCueValidator() throws {
        let folder = try ValidatorTemporaryFolder()
        let cueFile = try folder.write("hello: world\n", to: "Trainers/default/cues/house.yaml")
        let diagnostics = ScenarioValidator().validate(paths: [folder.path("Trainers")]).diagnostics
        #expect(!diagnostics.isEmpty)
        #expect(diagnostics.allSatisfy { $0.path == cueFile && $0.code.hasPrefix("KS05") }, "\(diagnostics.map(\.description))")
    }

    @Test("a hostile cue file gets the same safe-reading diagnostics as any file")
    func hostileCueFile() throws {
        let folder = try ValidatorTemporaryFolder()
        let cueFile = try folder.write(String(repeating: "[", count: 20_000), to: "Trainers/default/cues/deep.yaml")
        let diagnostics = ScenarioValidator().validate(paths: [cueFile]).diagnostics
        #expect(diagnostics.map(\.code) == [DiagnosticCode.nestingTooDeep.rawValue])
    }
}

@Suite("Trainers: workshop plan checks")
struct WorkshopPlanTests {
    private let plan = """
        title: Basics
        scenarios:
          - en-waiting-hold-test

        """

    @Test("a plan naming scenarios in the library has no diagnostics")
    func valid() throws {
        #expect(try validateTrainers(["plans/basics.yaml": plan]).diagnostics.isEmpty)
    }

    @Test("a plan naming a scenario that is not in the library is reported on its line, with a suggestion")
    func unknownScenario() throws {
        let yaml = plan.replacingFirst("en-waiting-hold-test", with: "en-waiting-hold-tst")
        let (diagnostics, folder) = try validateTrainers(["plans/basics.yaml": yaml])
        let diagnostic = try #require(diagnostics.first)
        #expect(diagnostics.count == 1)
        #expect(diagnostic.code == DiagnosticCode.unknownScenarioInPlan.rawValue)
        #expect(diagnostic.path == folder.path("Trainers/plans/basics.yaml"))
        #expect(diagnostic.line == 3)
        #expect(diagnostic.hint.hasPrefix("did you mean `en-waiting-hold-test`?"))
    }

    @Test("an empty list and a repeated scenario are invalid lists", arguments: [
        "title: Basics\nscenarios: []\n",
        "title: Basics\nscenarios:\n  - en-waiting-hold-test\n  - en-waiting-hold-test\n",
    ])
    func invalidList(yaml: String) throws {
        let (diagnostics, _) = try validateTrainers(["plans/basics.yaml": yaml])
        #expect(diagnostics.map(\.code) == [DiagnosticCode.invalidPlanList.rawValue])
    }

    @Test("a plan without a title is missing a key")
    func missingTitle() throws {
        let (diagnostics, _) = try validateTrainers(["plans/basics.yaml": "scenarios: [en-waiting-hold-test]\n"])
        #expect(diagnostics.map(\.code) == [DiagnosticCode.missingKey.rawValue])
    }

    @Test("plans and profiles are recognised by their keys outside the usual folders")
    func kindFromContent() throws {
        let folder = try ValidatorTemporaryFolder()
        try folder.write(ValidatorSamples.english, to: "Scenarios/en-waiting-hold-test.yaml")
        try folder.write(plan, to: "elsewhere/my-plan.yaml")
        try folder.write(validProfile, to: "elsewhere/my-profile.yaml")
        let report = ScenarioValidator().validate(paths: [folder.path("Scenarios"), folder.path("elsewhere")])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description))")
        #expect(report.filesChecked == 3)
    }
}
