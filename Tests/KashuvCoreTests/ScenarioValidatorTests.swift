import Foundation
import Testing
@testable import KashuvCore

/// Checks that `yaml` yields a diagnostic with `code`, naming the file, on the line holding
/// `fragment` (the `occurrence`-th such line), and returns it.
@discardableResult
private func expect(
    _ code: DiagnosticCode, in yaml: String, onLineOf fragment: String?, occurrence: Int = 1,
    sourceLocation: Testing.SourceLocation = #_sourceLocation
) throws -> Diagnostic? {
    let (found, path) = try validatorDiagnostics(for: yaml)
    let matching = found.filter { $0.code == code.rawValue }
    guard let diagnostic = matching.first else {
        Issue.record("expected \(code.rawValue) (\(code.title)); found \(found.map(\.description))", sourceLocation: sourceLocation)
        return nil
    }
    #expect(diagnostic.path == path, sourceLocation: sourceLocation)
    if let fragment {
        let expectedLine = lineNumber(of: fragment, in: yaml, occurrence: occurrence)
        #expect(expectedLine != nil, "fixture has no '\(fragment)'", sourceLocation: sourceLocation)
        #expect(diagnostic.line == expectedLine, "\(diagnostic)", sourceLocation: sourceLocation)
    }
    #expect(!diagnostic.hint.isEmpty, sourceLocation: sourceLocation)
    return diagnostic
}

@Suite("Scenario validator: a valid file")
struct ScenarioValidatorValidFileTests {
    @Test("a complete scenario has no diagnostics")
    func validScenarioIsClean() throws {
        #expect(try validatorDiagnostics(for: ValidatorSamples.english).diagnostics.isEmpty)
    }

    @Test("Hebrew with acronyms (מנכ\"ל, ש\"ח) and צ'ק is fine unquoted and in |- blocks")
    func hebrewUnquotedIsClean() throws {
        #expect(try validatorDiagnostics(for: ValidatorSamples.hebrew).diagnostics.isEmpty)
    }

    @Test("a valid scenario is returned by the report")
    func reportCarriesScenarios() throws {
        let folder = try ValidatorTemporaryFolder()
        let path = try folder.write(ValidatorSamples.english, to: "en-waiting-hold-test.yaml")
        let report = ScenarioValidator().validate(paths: [path])
        #expect(report.isValid)
        #expect(report.filesChecked == 1)
        #expect(report.scenarios.map(\.id) == ["en-waiting-hold-test"])
    }

    @Test("the printed form is PATH:LINE:COL: error[CODE]: message, then a hint line")
    func printedForm() throws {
        let yaml = ValidatorSamples.english.replacingFirst("category: waiting", with: "category: waitng")
        let diagnostic = try #require(try expect(.unknownCategory, in: yaml, onLineOf: "category: waitng"))
        let printed = diagnostic.description.split(separator: "\n")
        #expect(printed.count == 2)
        #expect(printed[0].hasPrefix("\(diagnostic.path):3:11: error[KS0015]: unknown category `waitng`"))
        #expect(printed[1].hasPrefix("  hint: did you mean `waiting`?"))
    }
}

@Suite("Scenario validator: YAML syntax")
struct ScenarioValidatorSyntaxTests {
    @Test("a syntax error is reported with its line")
    func syntaxError() throws {
        let yaml = ValidatorSamples.english.replacingFirst("  name: Dana\n", with: "  name: [Dana\n")
        try expect(.yamlSyntax, in: yaml, onLineOf: "background: A nurse")
    }

    @Test("the \" inside a Hebrew acronym in a double-quoted text gets the acronym hint")
    func hebrewDoubleQuoteTrap() throws {
        let yaml = ValidatorSamples.hebrew.replacingFirst("title: דנה חיכתה ארבעים דקות על הקו", with: "title: \"דנה והמנכ\"ל\"")
        let diagnostic = try expect(.yamlSyntax, in: yaml, onLineOf: "title:")
        #expect(diagnostic?.hint.contains("מנכ\"ל") == true)
        #expect(diagnostic?.hint.contains("|-") == true)
    }

    @Test("the ' inside צ'ק in a single-quoted text gets the same hint")
    func hebrewSingleQuoteTrap() throws {
        let yaml = ValidatorSamples.hebrew.replacingFirst("title: דנה חיכתה ארבעים דקות על הקו", with: "title: 'דנה קיבלה צ'ק'")
        let diagnostic = try expect(.yamlSyntax, in: yaml, onLineOf: "title:")
        #expect(diagnostic?.hint.contains("צ'ק") == true)
    }

    @Test("an ordinary syntax error does not get the Hebrew hint")
    func noFalseHebrewHint() throws {
        let yaml = ValidatorSamples.hebrew.replacingFirst("  name: דנה\n", with: "  name: [דנה\n")
        let diagnostic = try expect(.yamlSyntax, in: yaml, onLineOf: nil)
        #expect(diagnostic?.hint.contains("מנכ") == false)
    }

    @Test("a key written twice in one mapping is a duplicate key, reported at the repeat")
    func duplicateKey() throws {
        let yaml = ValidatorSamples.english.replacingFirst("max_turns: 4\n", with: "max_turns: 4\nmax_turns: 5\n")
        try expect(.duplicateKey, in: yaml, onLineOf: "max_turns: 5")
    }
}

@Suite("Scenario validator: the shape of the file")
struct ScenarioValidatorShapeTests {
    @Test("text where a number belongs is a wrong type, on its line")
    func wrongTypeNumber() throws {
        try expect(.wrongType, in: ValidatorSamples.english.replacingFirst("max_turns: 4", with: "max_turns: four"), onLineOf: "max_turns")
    }

    @Test("text where a list belongs is a wrong type, on its line")
    func wrongTypeList() throws {
        let yaml = ValidatorSamples.english.replacingFirst("facts:\n  - 40 minutes on hold", with: "facts: 40 minutes on hold")
        try expect(.wrongType, in: yaml, onLineOf: "facts:")
    }

    @Test("a key with no value is a wrong type")
    func emptyValue() throws {
        try expect(.wrongType, in: ValidatorSamples.english.replacingFirst("start: opening", with: "start:"), onLineOf: "start:")
    }

    @Test("a missing required key is reported")
    func missingKey() throws {
        let diagnostic = try expect(.missingKey, in: ValidatorSamples.english.replacingFirst("brief: |-\n  Dana, a nurse, waited 40 minutes on hold to ask about a missed technician visit.\n", with: ""), onLineOf: nil)
        #expect(diagnostic?.message.contains("`brief`") == true)
    }

    @Test("every missing key is reported, each once")
    func everyMissingKey() throws {
        let (found, _) = try validatorDiagnostics(for: "title: only a title\n")
        let missing = found.filter { $0.code == DiagnosticCode.missingKey.rawValue }
        #expect(missing.count == 14)
        #expect(Set(missing.map(\.message)).count == 14)
    }

    @Test("a misspelt key is unknown, with the likely key suggested")
    func unknownKey() throws {
        let yaml = ValidatorSamples.english.replacingFirst("next: calmer", with: "nxt: calmer")
        let diagnostic = try expect(.unknownKey, in: yaml, onLineOf: "nxt: calmer")
        #expect(diagnostic?.hint == "did you mean `next`?")
    }

    @Test("a camelCase key suggests its snake_case spelling")
    func camelCaseKey() throws {
        let diagnostic = try expect(.unknownKey, in: ValidatorSamples.english.replacingFirst("max_turns:", with: "maxTurns:"), onLineOf: "maxTurns")
        #expect(diagnostic?.hint == "did you mean `max_turns`?")
    }

    @Test("unknown names are reported with their own codes", arguments: [
        (DiagnosticCode.unknownCategory, "category: waiting", "category: refund"),
        (.unknownLanguage, "language: en", "language: fr"),
        (.unknownDimension, "at_least: { listening: 2 }", "at_least: { empathy: 2 }"),
        (.unknownDimension, "rates: [ownership, framing]", "rates: [ownership, framming]"),
        (.unknownFlag, "no_flags: [over_promise]", "no_flags: [overpromise]"),
        (.unknownOutcome, "outcome: left", "outcome: hung_up"),
    ])
    func unknownNames(code: DiagnosticCode, original: String, broken: String) throws {
        try expect(code, in: ValidatorSamples.english.replacingFirst(original, with: broken), onLineOf: broken)
    }

    @Test("numbers out of range are reported with their own codes", arguments: [
        (DiagnosticCode.moodOutOfRange, "  mood: 5", "  mood: 11"),
        (.moodOutOfRange, "  mood: 5", "  mood: -1"),
        (.moodMoveOutOfRange, "mood: -2", "mood: -12"),
        (.levelOutOfRange, "at_least: { listening: 2 }", "at_least: { listening: 3 }"),
        (.levelOutOfRange, "reply: { listening: 2, ownership: 1, framing: 1 }", "reply: { listening: 2, ownership: 5, framing: 1 }"),
        (.maxTurnsTooSmall, "max_turns: 4", "max_turns: 0"),
    ])
    func outOfRange(code: DiagnosticCode, original: String, broken: String) throws {
        try expect(code, in: ValidatorSamples.english.replacingFirst(original, with: broken), onLineOf: broken)
    }

    @Test("a mood condition outside 0–10 is out of range")
    func moodConditionOutOfRange() throws {
        let yaml = ValidatorSamples.english.replacingFirst("no_flags: [over_promise]", with: "mood_at_most: 12")
        try expect(.moodOutOfRange, in: yaml, onLineOf: "mood_at_most: 12")
    }

    @Test("a Codable error's key path is mapped back to the line of the offending node")
    func decodingErrorsHaveLines() throws {
        // Decoding without the shape check first: YAMLDecoder's error carries only a key path.
        let yaml = ValidatorSamples.english.replacingFirst("      - mood: 1\n", with: "      - mood: lots\n")
        guard case .success(let root) = YAMLSource.compose(YAMLSource.Text(path: "s.yaml", text: yaml), limits: ValidationLimits()),
              case .failure(let diagnostic) = ScenarioValidator.decode(Scenario.self, from: root, path: "s.yaml")
        else {
            Issue.record("decoding should fail")
            return
        }
        #expect(diagnostic.code == DiagnosticCode.wrongType.rawValue)
        #expect(diagnostic.line == lineNumber(of: "mood: lots", in: yaml))
        #expect(diagnostic.message.contains("turns[0].branches[2].mood"))
    }
}

@Suite("Scenario validator: ids")
struct ScenarioValidatorIDTests {
    @Test("two turns with one id are a duplicate")
    func duplicateTurnID() throws {
        let yaml = ValidatorSamples.english.replacingFirst("  - id: calmer", with: "  - id: opening")
        try expect(.duplicateID, in: yaml, onLineOf: "- id: opening", occurrence: 2)
    }

    @Test("two endings with one id are a duplicate")
    func duplicateEndingID() throws {
        let yaml = ValidatorSamples.english.replacingFirst("  - id: hung-up", with: "  - id: resolved")
        try expect(.duplicateID, in: yaml, onLineOf: "- id: resolved", occurrence: 2)
    }

    @Test("a turn and an ending with one id clash")
    func turnEndingClash() throws {
        let yaml = ValidatorSamples.english.replacingFirst("  - id: resolved", with: "  - id: calmer")
            .replacingFirst("next: resolved", with: "next: calmer")
            .replacingFirst("ending: resolved", with: "ending: calmer")
        try expect(.turnEndingClash, in: yaml, onLineOf: "- id: calmer", occurrence: 2)
    }

    @Test("two files with one scenario id are reported on the second, naming the first")
    func duplicateScenarioID() throws {
        let folder = try ValidatorTemporaryFolder()
        let first = try folder.write(ValidatorSamples.english, to: "a/en-waiting-hold-test.yaml")
        let second = try folder.write(ValidatorSamples.english, to: "b/en-waiting-hold-test.yaml")
        let report = ScenarioValidator().validate(paths: [folder.url.path])
        let diagnostic = try #require(report.diagnostics.first { $0.code == DiagnosticCode.duplicateScenarioID.rawValue })
        #expect(report.diagnostics.count == 1)
        #expect(diagnostic.path == second)
        #expect(diagnostic.line == 1)
        #expect(diagnostic.message.contains(first))
    }
}

@Suite("Scenario validator: the dialogue graph")
struct ScenarioValidatorGraphTests {
    @Test("a branch to a turn that does not exist names the likely one")
    func unknownNext() throws {
        let diagnostic = try expect(.unknownTarget, in: ValidatorSamples.english.replacingFirst("next: calmer", with: "next: calmr"), onLineOf: "next: calmr")
        #expect(diagnostic?.hint.hasPrefix("did you mean `calmer`?") == true)
    }

    @Test("a start that is not a turn is an unknown target")
    func unknownStart() throws {
        try expect(.unknownTarget, in: ValidatorSamples.english.replacingFirst("start: opening", with: "start: hello"), onLineOf: "start: hello")
    }

    @Test("on_furious and on_max_turns must name endings", arguments: ["on_furious", "on_max_turns"])
    func notAnEnding(key: String) throws {
        let original = key == "on_furious" ? "on_furious: hung-up" : "on_max_turns: asked-for-manager"
        try expect(.notAnEnding, in: ValidatorSamples.english.replacingFirst(original, with: "\(key): calmer"), onLineOf: "\(key): calmer")
    }

    @Test("a turn no branch leads to is unreachable")
    func unreachableTurn() throws {
        let yaml = ValidatorSamples.english.replacingFirst("next: calmer", with: "next: resolved")
        try expect(.unreachableTurn, in: yaml, onLineOf: "- id: calmer")
    }

    @Test("a turn without branches has no way forward")
    func noWayForward() throws {
        let yaml = ValidatorSamples.english.replacingFirst("""
                branches:
                  - when:
                      flags: [blame, redirect, policy_wall, dismissive]
                    mood: 2
                    next: asked-for-manager
                  - when:
                      at_least: { ownership: 2 }
                      no_flags: [over_promise]
                    mood: -2
                    next: resolved
                  - mood: 2
                    next: hung-up
            """, with: "    branches: []")
        try expect(.noWayForward, in: yaml, onLineOf: "branches: []")
    }

    @Test("a last branch with a condition leaves no fallback")
    func missingFallback() throws {
        let yaml = ValidatorSamples.english.replacingFirst("      - mood: 1\n        next: asked-for-manager", with: "      - when: { flags: [blame] }\n        next: asked-for-manager")
        try expect(.missingFallback, in: yaml, onLineOf: "when: { flags: [blame] }")
    }

    @Test("a branch without a condition before other branches hides them")
    func fallbackNotLast() throws {
        let yaml = ValidatorSamples.english.replacingFirst("""
                  - when:
                      at_least: { listening: 2 }
                    mood: -2
                    next: calmer
            """, with: """
                  - mood: -2
                    next: calmer
            """)
        try expect(.fallbackNotLast, in: yaml, onLineOf: "- mood: -2")
    }

    @Test("an ending nothing leads to is unreachable")
    func unreachableEnding() throws {
        let yaml = ValidatorSamples.english.replacingFirst("next: hung-up", with: "next: asked-for-manager")
            .replacingFirst("on_furious: hung-up", with: "on_furious: asked-for-manager")
        try expect(.unreachableEnding, in: yaml, onLineOf: "- id: hung-up")
    }

    @Test("a condition on a dimension the turn does not rate")
    func unratedDimension() throws {
        let yaml = ValidatorSamples.english.replacingFirst("at_least: { ownership: 2 }", with: "at_least: { ownership: 2, listening: 1 }")
        try expect(.unratedDimension, in: yaml, onLineOf: "at_least: { ownership: 2, listening: 1 }")
    }

    @Test("an empty condition matches every reply")
    func emptyCondition() throws {
        let yaml = ValidatorSamples.english.replacingFirst("""
                  - when:
                      at_least: { listening: 2 }
            """, with: """
                  - when: {}
            """)
        try expect(.emptyCondition, in: yaml, onLineOf: "when: {}")
    }
}

@Suite("Scenario validator: language and test plan")
struct ScenarioValidatorLanguageTests {
    @Test("a Hebrew scenario with an English line is a language mismatch")
    func hebrewWithEnglishLine() throws {
        let yaml = ValidatorSamples.hebrew.replacingFirst("says: אני מחכה על הקו ארבעים דקות! ואל תגידו לי לשלוח צ'ק.", with: "says: I waited forty minutes!")
        try expect(.languageMismatch, in: yaml, onLineOf: "says: I waited")
    }

    @Test("an English scenario with a Hebrew line is a language mismatch")
    func englishWithHebrewLine() throws {
        let yaml = ValidatorSamples.english.replacingFirst("says: I have been on hold for forty minutes!", with: "says: אני מחכה כבר ארבעים דקות!")
        try expect(.languageMismatch, in: yaml, onLineOf: "says: אני")
    }

    @Test("a Hebrew name inside an English line is fine")
    func hebrewNameInEnglish() throws {
        let yaml = ValidatorSamples.english.replacingFirst("debrief: Dana hung up.", with: "debrief: Dana (דנה) hung up after the second transfer.")
        #expect(try validatorDiagnostics(for: yaml).diagnostics.isEmpty)
    }

    @Test("a scenario without a test plan is reported")
    func missingTestPlan() throws {
        let yaml = String(ValidatorSamples.english[..<ValidatorSamples.english.range(of: "test_plan:")!.lowerBound])
        try expect(.missingTestPlan, in: yaml, onLineOf: nil)
    }

    @Test("an empty test plan is reported on its line")
    func emptyTestPlan() throws {
        let yaml = String(ValidatorSamples.english[..<ValidatorSamples.english.range(of: "test_plan:")!.lowerBound]) + "test_plan: []\n"
        try expect(.missingTestPlan, in: yaml, onLineOf: "test_plan: []")
    }

    @Test("a test plan step naming a missing line is reported")
    func testPlanUnknownLine() throws {
        try expect(.unknownTestPlanTarget, in: ValidatorSamples.english.replacingFirst("- line: calmer", with: "- line: calm"), onLineOf: "- line: calm")
    }

    @Test("a test plan ending naming a missing ending is reported")
    func testPlanUnknownEnding() throws {
        try expect(.unknownTestPlanTarget, in: ValidatorSamples.english.replacingFirst("ending: resolved", with: "ending: solved"), onLineOf: "ending: solved")
    }
}

@Suite("Scenario validator: the real library")
struct ScenarioValidatorLibraryTests {
    @Test("Scenarios/ and Trainers/ of this repository validate clean")
    func libraryIsClean() {
        let report = ScenarioValidator().validate(paths: [
            packageRoot.appendingPathComponent("Scenarios").path,
            packageRoot.appendingPathComponent("Trainers").path,
        ])
        #expect(report.diagnostics.isEmpty, "\(report.diagnostics.map(\.description).joined(separator: "\n"))")
        #expect(report.scenarios.count >= 20)
    }

    @Test("the full example in docs/scenario-format.md is valid and its test plan plays")
    func documentedExampleIsValid() throws {
        let page = try String(contentsOf: packageRoot.appendingPathComponent("docs/scenario-format.md"), encoding: .utf8)
        let afterHeading = try #require(page.range(of: "## A full small example")).upperBound
        let start = try #require(page.range(of: "```yaml\n", range: afterHeading..<page.endIndex)).upperBound
        let end = try #require(page.range(of: "```", range: start..<page.endIndex)).lowerBound
        let (found, _) = try validatorDiagnostics(for: String(page[start..<end]))
        #expect(found.isEmpty, "\(found.map(\.description))")
        let scenario = try Scenario.decode(yaml: String(page[start..<end]))
        let engine = DialogueEngine(scenario: scenario)
        for path in scenario.testPlan {
            var state = engine.start()
            for step in path.steps {
                #expect(state.currentTurnID == step.line, "\(path.name)")
                _ = try engine.reply(step.reply.assessment, in: &state)
            }
            #expect(state.endingID == path.ending, "\(path.name)")
        }
    }

    @Test("every diagnostic code is documented in docs/diagnostics.md")
    func everyCodeDocumented() throws {
        let page = try String(contentsOf: packageRoot.appendingPathComponent("docs/diagnostics.md"), encoding: .utf8)
        for code in DiagnosticCode.allCases {
            #expect(page.contains("| \(code.rawValue) "), "\(code.rawValue) (\(code.title)) is not in docs/diagnostics.md")
        }
    }

    @Test("docs/scenario.schema.json names the same keys as the validator")
    func schemaMatchesShape() throws {
        let data = try Data(contentsOf: packageRoot.appendingPathComponent("docs/scenario.schema.json"))
        let schema = try #require(try JSONSerialization.jsonObject(with: data) as? [String: Any])
        let properties = try #require(schema["properties"] as? [String: Any])
        let required = try #require(schema["required"] as? [String])
        guard case .mapping(let fields) = YAMLShape.scenario else {
            Issue.record("the scenario shape is a mapping")
            return
        }
        #expect(Set(properties.keys) == Set(fields.map(\.key)))
        #expect(Set(required) == Set(fields.filter(\.required).map(\.key)).union(["test_plan"]))
    }
}
