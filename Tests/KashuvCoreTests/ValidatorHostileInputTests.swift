import Foundation
import Testing
import KashuvFuzzTargets
@testable import KashuvCore

/// Any input at all gets a clear diagnostic naming the file: never a crash, a hang or a stack overflow.
@Suite("Scenario validator: hostile input", .timeLimit(.minutes(1)))
struct ValidatorHostileInputTests {
    /// Validates one file and checks that it yields exactly one diagnostic, with `code`, naming the file, quickly.
    @discardableResult
    private func expectSingle(
        _ code: DiagnosticCode, for data: Data, named name: String = "hostile.yaml", limits: ValidationLimits = ValidationLimits(),
        sourceLocation: Testing.SourceLocation = #_sourceLocation
    ) throws -> Diagnostic? {
        let folder = try ValidatorTemporaryFolder()
        let path = try folder.write(data, to: name)
        let clock = ContinuousClock()
        var report: ScenarioValidator.Report?
        let elapsed = clock.measure { report = ScenarioValidator(limits: limits).validate(paths: [path]) }
        let diagnostics = report?.diagnostics ?? []
        #expect(diagnostics.map(\.code) == [code.rawValue], "\(diagnostics.map(\.description))", sourceLocation: sourceLocation)
        #expect(diagnostics.allSatisfy { $0.path == path }, sourceLocation: sourceLocation)
        #expect(elapsed < .seconds(5), "took \(elapsed)", sourceLocation: sourceLocation)
        return diagnostics.first
    }

    private func text(_ string: String) -> Data { Data(string.utf8) }

    @Test("a missing path")
    func missingPath() throws {
        let folder = try ValidatorTemporaryFolder()
        let path = folder.path("nowhere/scenario.yaml")
        let diagnostics = ScenarioValidator().validate(paths: [path]).diagnostics
        #expect(diagnostics.map(\.code) == [DiagnosticCode.pathNotFound.rawValue])
        #expect(diagnostics.first?.path == path)
    }

    @Test("a folder where a file is expected")
    func folderForFile() throws {
        let folder = try ValidatorTemporaryFolder()
        let path = folder.path("looks-like-a-file.yaml")
        try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
        let diagnostics = ScenarioValidator().validate(paths: [path]).diagnostics
        #expect(diagnostics.map(\.code) == [DiagnosticCode.directoryNotFile.rawValue])
        #expect(diagnostics.first?.path == path)
        // Met while searching a folder, it is reported the same way.
        #expect(ScenarioValidator().validate(paths: [folder.url.path]).diagnostics.map(\.code) == [DiagnosticCode.directoryNotFile.rawValue])
    }

    @Test("a folder with no YAML files")
    func emptyFolder() throws {
        let folder = try ValidatorTemporaryFolder()
        try folder.write("notes", to: "README.md")
        let diagnostics = ScenarioValidator().validate(paths: [folder.url.path]).diagnostics
        #expect(diagnostics.map(\.code) == [DiagnosticCode.emptyFolder.rawValue])
    }

    @Test("an empty file, a blank one and one with only comments", arguments: ["", "\n\n   \n", "# just a comment\n# and another\n"])
    func emptyFile(content: String) throws {
        try expectSingle(.emptyFile, for: text(content))
    }

    @Test("a binary file")
    func binaryFile() throws {
        var bytes = Data("id: x\n".utf8)
        bytes.append(contentsOf: (0..<4096).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ 7) })
        let diagnostic = try expectSingle(.binaryFile, for: bytes)
        #expect(diagnostic?.line == 2)
    }

    @Test("invalid UTF-8 (Hebrew saved as Windows-1255) is reported on its line")
    func invalidUTF8() throws {
        var bytes = Data("id: x\ntitle: ".utf8)
        bytes.append(contentsOf: [0xF9, 0xEC, 0xE5, 0xED]) // שלום in Windows-1255
        bytes.append(contentsOf: Data("\n".utf8))
        let diagnostic = try expectSingle(.invalidUTF8, for: bytes)
        #expect(diagnostic?.line == 2)
        #expect(diagnostic?.column == 8)
    }

    @Test("a file saved as UTF-16 is told to be saved as UTF-8")
    func utf16() throws {
        var bytes = Data([0xFF, 0xFE])
        bytes.append("id: שלום\n".data(using: .utf16LittleEndian)!)
        let diagnostic = try expectSingle(.invalidUTF8, for: bytes)
        #expect(diagnostic?.message.contains("UTF-16") == true)
    }

    @Test("a list or a bare word instead of a mapping is a wrong type for the file", arguments: ["- a\n- b\n", "hello\n"])
    func notAMapping(yaml: String) throws {
        let diagnostic = try expectSingle(.wrongType, for: text(yaml))
        #expect(diagnostic?.message.hasPrefix("the file should be a mapping") == true)
        #expect(diagnostic?.line == 1)
    }

    @Test("a 20 MB file is refused without being read")
    func hugeFile() throws {
        let line = Data("- ₪49.90 לחודש, כמעט כפול ממה שהובטח\n".utf8)
        var data = Data(capacity: 20 << 20)
        while data.count < 20 << 20 { data.append(line) }
        try expectSingle(.fileTooLarge, for: data)
    }

    @Test("20,000 levels of nesting", arguments: [
        ("flow sequences", String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)),
        ("block sequences on one line", String(repeating: "- ", count: 20_000) + "x"),
        ("flow mappings", "a: " + String(repeating: "{a: ", count: 20_000) + "1" + String(repeating: "}", count: 20_000)),
        ("tagged flow", "a: !!seq " + String(repeating: "[", count: 20_000)),
        ("unclosed", String(repeating: "[", count: 20_000)),
    ])
    func deepNesting(kind: String, yaml: String) throws {
        let diagnostic = try expectSingle(.nestingTooDeep, for: text(yaml))
        #expect(diagnostic?.line == 1)
    }

    @Test("deep nesting by indentation")
    func deepIndentation() throws {
        let yaml = (0..<1_500).map { String(repeating: " ", count: $0) + "- " }.joined(separator: "\n")
        try expectSingle(.nestingTooDeep, for: text(yaml))
        let mappings = (0..<1_500).map { String(repeating: " ", count: $0) + "a:" }.joined(separator: "\n")
        try expectSingle(.nestingTooDeep, for: text(mappings))
    }

    @Test("brackets inside quoted text, block scalars and comments are not nesting")
    func bracketsInTextAreNotNesting() {
        let many = String(repeating: "[", count: 200)
        let yaml = """
            a: "\(many)"
            b: '\(many)'
            c: |-
              \(many)
              \(many)
            d: plain text \(many)
            # \(many)
            e: [1, [2, {x: 3}]]
            """
        let report = YAMLPreflight(depthLimit: 64).scan(yaml)
        #expect(report.tooDeepAt == nil)
        #expect(report.maxDepth < 8)
    }

    @Test("every scenario in the library is far below the nesting limit")
    func libraryDepth() throws {
        let folder = packageRoot.appendingPathComponent("Scenarios")
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) where name.hasSuffix(".yaml") {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            #expect(YAMLPreflight(depthLimit: 64).scan(text).maxDepth < 16, "\(name)")
        }
    }

    @Test("if the pre-scan is lifted, libyaml's own limit still stops 20,000 levels")
    func libyamlLimitBackstop() throws {
        let yaml = String(repeating: "[", count: 20_000) + String(repeating: "]", count: 20_000)
        try expectSingle(.nestingTooDeep, for: text(yaml), limits: ValidationLimits(maxDepth: 1_000_000))
    }

    @Test("if the pre-scan is lifted, 990 levels compose on the large stack without overflowing")
    func largeStackBackstop() throws {
        let yaml = String(repeating: "[", count: 990) + String(repeating: "]", count: 990)
        let diagnostic = try expectSingle(.wrongType, for: text(yaml), limits: ValidationLimits(maxDepth: 1_000_000))
        #expect(diagnostic?.message.contains("should be a mapping") == true)
    }

    @Test("an alias bomb (billion laughs) is refused")
    func aliasBomb() throws {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = Array("abcdefghi")
        for index in 1..<names.count {
            let previous = names[index - 1]
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        try expectSingle(.aliasExpansion, for: text(lines.joined(separator: "\n")))
    }

    @Test("an alias used as a key is refused before it is hashed", arguments: ["*i : x", "? *i\n: x"])
    func aliasAsKey(key: String) throws {
        var lines = ["a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]"]
        let names = Array("abcdefghi")
        for index in 1..<names.count {
            let previous = names[index - 1]
            lines.append("\(names[index]): &\(names[index]) [" + Array(repeating: "*\(previous)", count: 9).joined(separator: ", ") + "]")
        }
        let diagnostic = try expectSingle(.aliasExpansion, for: text((lines + [key]).joined(separator: "\n")))
        #expect(diagnostic?.line == 10)
    }

    @Test("too many aliases are refused")
    func tooManyAliases() throws {
        let yaml = "a: &a x\nb: [" + Array(repeating: "*a", count: 2_000).joined(separator: ", ") + "]"
        try expectSingle(.aliasExpansion, for: text(yaml))
    }

    @Test("a few ordinary aliases are fine")
    func ordinaryAliases() throws {
        let yaml = ValidatorSamples.english
            .replacingFirst("      - mood: 1\n        next: asked-for-manager", with: "      - &fallback\n        mood: 1\n        next: asked-for-manager")
            .replacingFirst("      - mood: 2\n        next: hung-up", with: "      - *fallback")
        #expect(try validatorDiagnostics(for: yaml).diagnostics.isEmpty)
    }

    @Test("a merge key (<<: *anchor) is read as YAML defines it")
    func mergeKeys() throws {
        let yaml = ValidatorSamples.english
            .replacingFirst("      - mood: 1\n        next: asked-for-manager", with: "      - &fallback\n        mood: 1\n        next: asked-for-manager")
            .replacingFirst("      - mood: 2\n        next: hung-up", with: "      - <<: *fallback\n        mood: 2\n        next: hung-up")
        #expect(try validatorDiagnostics(for: yaml).diagnostics.isEmpty)
        let misspelt = yaml.replacingFirst("      - &fallback\n        mood: 1", with: "      - &fallback\n        mod: 1")
        let found = try validatorDiagnostics(for: misspelt).diagnostics
        #expect(found.map(\.code) == [DiagnosticCode.unknownKey.rawValue])
    }

    @Test("a named pipe is refused instead of read (reading it would hang)")
    func namedPipe() throws {
        let folder = try ValidatorTemporaryFolder()
        let path = folder.path("pipe.yaml")
        #expect(mkfifo(path, 0o600) == 0)
        let diagnostics = ScenarioValidator().validate(paths: [path]).diagnostics
        #expect(diagnostics.map(\.code) == [DiagnosticCode.unreadable.rawValue])
    }

    @Test("random bytes and truncated scenarios never crash", arguments: 0..<8)
    func fuzzedInputs(seed: Int) throws {
        var generator = SplitMix64(seed: UInt64(seed))
        let scenario = Array(ValidatorSamples.hebrew.utf8)
        let folder = try ValidatorTemporaryFolder()
        var paths: [String] = []
        for index in 0..<40 {
            var bytes = Array(scenario.prefix(Int.random(in: 0...scenario.count, using: &generator)))
            for _ in 0..<Int.random(in: 0...6, using: &generator) where !bytes.isEmpty {
                bytes[Int.random(in: 0..<bytes.count, using: &generator)] = UInt8.random(in: 0...255, using: &generator)
            }
            paths.append(try folder.write(Data(bytes), to: "fuzz-\(index).yaml"))
        }
        let report = ScenarioValidator().validate(paths: paths)
        #expect(report.diagnostics.allSatisfy { paths.contains($0.path) })
    }
}
