import Foundation
import Testing
@testable import KashuvCore

/// What a scenario file may not smuggle past `kashuv validate`, and the one-loader rule:
/// a file the validator rejects is refused by every command that loads scenarios.
@Suite("Scenario validator: hardening")
struct ValidatorHardeningTests {
    private func codes(_ yaml: String, named name: String? = nil) throws -> [String] {
        try validatorDiagnostics(for: yaml, named: name).diagnostics.map(\.code)
    }

    @Test("control characters and invisible bidi controls in text are refused, at their line", arguments: [
        "Harold \\e[2J\\e]52;c;aGk=\\a", "a\\0b", "evil\\u202E", "x\\u2066y\\u2069", "mark\\u200F", "line\\u2028break",
    ])
    func controlCharacters(escaped: String) throws {
        let yaml = ValidatorSamples.english.replacingFirst("title: Dana waited forty minutes on hold", with: "title: \"\(escaped)\"")
        let (found, _) = try validatorDiagnostics(for: yaml)
        let diagnostic = try #require(found.first { $0.code == DiagnosticCode.controlCharacter.rawValue }, "\(found)")
        #expect(diagnostic.line == lineNumber(of: "title:", in: yaml))
        #expect(DisplaySafeText.isClean(diagnostic.description))
    }

    @Test("ids that are paths, numbers or not the file name are refused", arguments: ["../../../etc/passwd", "42", "Dana", "en-waiting-other"])
    func badIDs(id: String) throws {
        let yaml = ValidatorSamples.english.replacingFirst("id: en-waiting-hold-test", with: "id: \"\(id)\"")
        #expect(try codes(yaml, named: "en-waiting-hold-test.yaml").contains(DiagnosticCode.invalidScenarioID.rawValue))
    }

    @Test("merge keys that merge nothing and unsupported tags are refused")
    func mergeKeysAndTags() throws {
        let merge = ValidatorSamples.english.replacingFirst("customer:\n", with: "customer:\n  <<: [1, 2]\n")
        #expect(try codes(merge).contains(DiagnosticCode.invalidMergeKey.rawValue))
        let tag = ValidatorSamples.english.replacingFirst("title: Dana", with: "title: !!python/object:os.system Dana")
        #expect(try codes(tag).contains(DiagnosticCode.unsupportedTag.rawValue))
    }

    @Test("a bad category does not hide three bad next: links: every independent problem in one pass")
    func everyProblemInOnePass() throws {
        let yaml = ValidatorSamples.english.replacingFirst("category: waiting", with: "category: waitng")
            .replacingFirst("next: calmer", with: "next: nowhere-1")
            .replacingFirst("next: asked-for-manager", with: "next: nowhere-2")
            .replacingFirst("next: resolved", with: "next: nowhere-3")
        let found = try codes(yaml)
        #expect(found.filter { $0 == DiagnosticCode.unknownCategory.rawValue }.count == 1)
        #expect(found.filter { $0 == DiagnosticCode.unknownTarget.rawValue }.count == 3, "\(found)")
    }

    @Test("the loader refuses what the validator refuses, with the same diagnostics")
    func oneLoaderOneVerdict() throws {
        let broken = [
            ValidatorSamples.english.replacingFirst("start: opening", with: "start: nowhere"),
            ValidatorSamples.english.replacingFirst("mood: 5", with: "mood: 11"),
            ValidatorSamples.english.replacingFirst("max_turns: 4", with: "max_turns: 0"),
            ValidatorSamples.english + "surprise: key\n",
        ]
        let folder = try ValidatorTemporaryFolder()
        for yaml in broken {
            let path = try folder.write(yaml, to: "en-waiting-hold-test.yaml")
            let found = ScenarioValidator().validate(paths: [path]).diagnostics
            #expect(!found.isEmpty)
            #expect(throws: ScenarioRejected(path: path, diagnostics: found)) { try ScenarioFile.load(path: path) }
        }
        let good = try folder.write(ValidatorSamples.english, to: "en-waiting-hold-test.yaml")
        #expect(try ScenarioFile.load(path: good).id == "en-waiting-hold-test")
    }

    @Test("a library leaves out a rejected file and keeps its diagnostics")
    func libraryLeavesOut() throws {
        let folder = try ValidatorTemporaryFolder()
        try folder.write(ValidatorSamples.english, to: "en-waiting-hold-test.yaml")
        try folder.write(ValidatorSamples.english.replacingFirst("id: en-waiting-hold-test", with: "id: en-waiting-broken")
            .replacingFirst("start: opening", with: "start: nowhere"), to: "en-waiting-broken.yaml")
        let library = try ScenarioLibrary(folder: folder.url)
        #expect(library.scenarios.map(\.id) == ["en-waiting-hold-test"])
        #expect(library.problems.contains { $0.path.hasSuffix("en-waiting-broken.yaml") && $0.code == DiagnosticCode.unknownTarget.rawValue })
    }

    @Test("a repeated key is reported at the repeat, naming the first")
    func duplicateKeyAtRepeat() throws {
        let yaml = ValidatorSamples.english.replacingFirst("  name: Dana\n", with: "  name: Dana\n  name: Dina\n")
        let (found, _) = try validatorDiagnostics(for: yaml)
        let diagnostic = try #require(found.first { $0.code == DiagnosticCode.duplicateKey.rawValue }, "\(found)")
        #expect(diagnostic.line == lineNumber(of: "name: Dina", in: yaml))
        #expect(diagnostic.message.contains("first at line \(lineNumber(of: "name: Dana", in: yaml) ?? 0)"))
    }

    @Test("an unclosed quote is reported where it opens, not where the file ends")
    func unclosedQuote() throws {
        let yaml = ValidatorSamples.english.replacingFirst("title: Dana waited forty minutes on hold", with: "title: \"Dana waited forty minutes")
        let (found, _) = try validatorDiagnostics(for: yaml)
        let diagnostic = try #require(found.first { $0.code == DiagnosticCode.yamlSyntax.rawValue }, "\(found)")
        #expect(diagnostic.line == lineNumber(of: "title: \"Dana", in: yaml))
        #expect(diagnostic.message.contains("never closed"))
    }

    @Test("a symbolic link loop is reported as a loop, not as a missing file")
    func symlinkLoop() throws {
        let folder = try ValidatorTemporaryFolder()
        let first = folder.url.appendingPathComponent("a.yaml"), second = folder.url.appendingPathComponent("b.yaml")
        try FileManager.default.createSymbolicLink(atPath: first.path, withDestinationPath: second.path)
        try FileManager.default.createSymbolicLink(atPath: second.path, withDestinationPath: first.path)
        let diagnostics = ScenarioValidator().validate(paths: [first.path]).diagnostics
        #expect(diagnostics.map(\.code) == [DiagnosticCode.unreadable.rawValue])
        #expect(diagnostics.first?.message.contains("loops") == true)
    }

    @Test("a plan checked from outside Trainers/plans resolves its scenario ids against the library")
    func planOutsideTheLibrary() throws {
        let folder = try ValidatorTemporaryFolder()
        let shipped = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Trainers/plans/workshop-basics.yaml")
        let plan = try folder.write(try Data(contentsOf: shipped), to: "my-plan.yaml")
        let diagnostics = ScenarioValidator().validate(paths: [plan]).diagnostics
        #expect(!diagnostics.contains { $0.code == DiagnosticCode.unknownScenarioInPlan.rawValue }, "\(diagnostics)")
    }
}
