import Foundation
import Testing
@testable import KashuvCore

/// The validator's verdict cache gives the verdicts checking gives, follows every edit of a
/// file, and ignores an entry that is damaged.
@Suite("Validation cache")
struct ValidationCacheTests {
    let folder: ValidatorTemporaryFolder
    let cache: ValidationCache

    init() throws {
        folder = try ValidatorTemporaryFolder()
        cache = try #require(ValidationCache(folder: folder.url.appendingPathComponent("cache")))
    }

    static let library = ScorerFixture.packageRoot.appendingPathComponent("Scenarios").path
    static let trainers = ScorerFixture.packageRoot.appendingPathComponent("Trainers").path

    func entries() throws -> [URL] {
        try FileManager.default.contentsOfDirectory(at: cache.folder, includingPropertiesForKeys: nil)
            .filter { !$0.lastPathComponent.hasPrefix(".") }
    }

    static func same(_ a: ScenarioValidator.Report, _ b: ScenarioValidator.Report) -> Bool {
        a.diagnostics == b.diagnostics && a.filesChecked == b.filesChecked && a.scenarios == b.scenarios
    }

    @Test("the library and the Trainers folder: the same report without a cache, with an empty one, and from it")
    func sameReport() throws {
        let paths = [Self.library, Self.trainers]
        let plain = ScenarioValidator(cache: nil).validate(paths: paths)
        let filling = ScenarioValidator(cache: cache).validate(paths: paths)
        #expect(try entries().count == plain.filesChecked)
        let fromCache = ScenarioValidator(cache: cache).validate(paths: paths)
        #expect(Self.same(plain, filling))
        #expect(Self.same(plain, fromCache))
        #expect(plain.scenarios.count >= 20)
    }

    @Test("a list or a check keeps summaries only: the verdicts and summaries of whole runs; a later whole run still gets whole scenarios")
    func summariesOnly() throws {
        let paths = [Self.library, Self.trainers]
        let plain = ScenarioValidator(cache: nil).validate(paths: paths)
        #expect(plain.summaries == plain.scenarios.map(ScenarioSummary.init))
        let validator = ScenarioValidator(cache: cache)
        for _ in 0..<2 {  // filling the cache, then from it
            let listed = validator.validate(paths: paths, keeping: .summaries)
            #expect(listed.diagnostics == plain.diagnostics && listed.filesChecked == plain.filesChecked)
            #expect(listed.scenarios.isEmpty)
            #expect(listed.summaries == plain.summaries)
        }
        #expect(Self.same(plain, validator.validate(paths: paths)))  // summary-only entries are checked again
        #expect(Self.same(plain, validator.validate(paths: paths)))  // and kept whole
        #expect(validator.validate(paths: paths, keeping: .summaries).summaries == plain.summaries)
    }

    @Test("a file with problems: its diagnostics come back from the cache as they were found")
    func problemsKept() throws {
        let text = try String(contentsOfFile: Self.library + "/he-waiting-app-senior.yaml", encoding: .utf8)
            .replacingFirst("category: waiting", with: "category: waitin")
        let path = try folder.write(text, to: "Scenarios/he-waiting-app-senior.yaml")
        let plain = ScenarioValidator(cache: nil).validate(paths: [path])
        #expect(!plain.isValid)
        _ = ScenarioValidator(cache: cache).validate(paths: [path])
        #expect(Self.same(plain, ScenarioValidator(cache: cache).validate(paths: [path])))
    }

    @Test("an edited file is checked again: valid, then broken, then valid again")
    func editInvalidates() throws {
        let original = try String(contentsOfFile: Self.library + "/he-waiting-app-senior.yaml", encoding: .utf8)
        let path = try folder.write(original, to: "Scenarios/he-waiting-app-senior.yaml")
        let validator = ScenarioValidator(cache: cache)
        #expect(validator.validate(paths: [path]).isValid)
        try folder.write(original.replacingFirst("max_turns:", with: "max_turnz:"), to: "Scenarios/he-waiting-app-senior.yaml")
        let broken = validator.validate(paths: [path])
        #expect(!broken.isValid && broken.scenarios.isEmpty)
        try folder.write(original, to: "Scenarios/he-waiting-app-senior.yaml")
        #expect(validator.validate(paths: [path]).isValid)
    }

    @Test("a sound entry is what the validator answers with (so a verdict is not checked twice)")
    func soundEntryIsUsed() throws {
        let path = try folder.write(
            try String(contentsOfFile: Self.library + "/he-waiting-app-senior.yaml", encoding: .utf8),
            to: "Scenarios/he-waiting-app-senior.yaml")
        let validator = ScenarioValidator(cache: cache)
        #expect(validator.validate(paths: [path]).isValid)
        // Store a different verdict under the same key, as a later program with a stricter check might.
        guard case .success(let text) = YAMLSource.read(path: path, limits: validator.limits) else { Issue.record("unreadable"); return }
        var outcome = validator.check(file: path)
        outcome.diagnostics = [Diagnostic(path: path, line: 3, column: 1, code: "KS9999", message: "from the cache", hint: "none")]
        cache.store(outcome, for: ValidationCache.Key(path: path, text: text.text, kind: nil, limits: validator.limits))
        #expect(validator.validate(paths: [path]).diagnostics.map(\.code) == ["KS9999"])
    }

    @Test("damaged entries are ignored and replaced: cut short, a byte changed, garbage, empty", arguments: 0..<4)
    func damagedEntryIgnored(damage: Int) throws {
        let text = try String(contentsOfFile: Self.library + "/he-waiting-app-senior.yaml", encoding: .utf8)
        let path = try folder.write(text.replacingFirst("category: waiting", with: "category: waitin"), to: "Scenarios/he-waiting-app-senior.yaml")
        let validator = ScenarioValidator(cache: cache)
        let expected = ScenarioValidator(cache: nil).validate(paths: [path])
        _ = validator.validate(paths: [path])
        let entry = try #require(try entries().first)
        var bytes = try Data(contentsOf: entry)
        switch damage {
        case 0: bytes = bytes.prefix(bytes.count / 2)
        case 1:
            // Change a digit of a line number inside the stored diagnostics, keeping valid JSON.
            let digit: (UInt8) -> Bool = { (0x31...0x38).contains($0) }
            let index = try #require(bytes.lastIndex(where: digit))
            bytes[index] += 1
        case 2: bytes = Data("kashuv-validation 1 0 0\n{\"path\":\"x\"}".utf8)
        default: bytes = Data()
        }
        try bytes.write(to: entry)
        #expect(Self.same(expected, validator.validate(paths: [path])))
        #expect(try Data(contentsOf: entry) != bytes, "the damaged entry was written anew")
        #expect(Self.same(expected, validator.validate(paths: [path])))
    }

    @Test("KASHUV_CACHE=off leaves the cache off; a folder given is used; else XDG_CACHE_HOME or ~/.cache")
    func settings() {
        #expect(ValidationCache.inDefaultFolder(environment: ["KASHUV_CACHE": "off", "HOME": "/tmp"]) == nil)
        #expect(ValidationCache.inDefaultFolder(environment: ["KASHUV_CACHE": "/srv/k"])?.folder.path == "/srv/k")
        #expect(ValidationCache.inDefaultFolder(environment: ["XDG_CACHE_HOME": "/c", "HOME": "/h"])?.folder.path == "/c/kashuv/validation")
        #expect(ValidationCache.inDefaultFolder(environment: ["HOME": "/home/dana"])?.folder.path == "/home/dana/.cache/kashuv/validation")
        #expect(ValidationCache.inDefaultFolder(environment: [:]) == nil)
    }
}
