import Foundation
import Testing
@testable import KashuvCore

/// A folder in the temporary directory for one test's files, removed when the test is done.
final class ValidatorTemporaryFolder {
    /// The folder.
    let url: URL

    init() throws {
        url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kashuv-validator-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    /// Writes text to a file in the folder (creating subfolders) and returns its path.
    @discardableResult
    func write(_ text: String, to name: String) throws -> String {
        try write(Data(text.utf8), to: name)
    }

    /// Writes bytes to a file in the folder (creating subfolders) and returns its path.
    @discardableResult
    func write(_ data: Data, to name: String) throws -> String {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try data.write(to: file)
        return file.path
    }

    /// The path of a name in the folder.
    func path(_ name: String) -> String { url.appendingPathComponent(name).path }
}

/// Validates one YAML text written to a temporary file; returns the diagnostics and the file's path.
///
/// The file is named after the scenario's `id:` (the library's naming rule, KS0060) unless a name is given.
func validatorDiagnostics(for yaml: String, named name: String? = nil, limits: ValidationLimits = ValidationLimits()) throws
    -> (diagnostics: [Diagnostic], path: String)
{
    let folder = try ValidatorTemporaryFolder()
    let id = yaml.split(separator: "\n").first { $0.hasPrefix("id: ") }.map { String($0.dropFirst(4)).trimmingCharacters(in: .whitespaces) }
    let path = try folder.write(yaml, to: name ?? (id.flatMap { Scenario.isValidID($0) ? "\($0).yaml" : nil } ?? "scenario.yaml"))
    return (ScenarioValidator(limits: limits).validate(paths: [path]).diagnostics, path)
}

/// The 1-based number of the first line of `text` that contains `fragment`.
func lineNumber(of fragment: String, in text: String, occurrence: Int = 1) -> Int? {
    var seen = 0
    for (index, line) in text.split(separator: "\n", omittingEmptySubsequences: false).enumerated() where line.contains(fragment) {
        seen += 1
        if seen == occurrence { return index + 1 }
    }
    return nil
}

extension String {
    /// The text with the first occurrence of `old` replaced; the test fails if `old` is missing.
    func replacingFirst(_ old: String, with new: String, sourceLocation: Testing.SourceLocation = #_sourceLocation) -> String {
        guard let range = range(of: old) else {
            Issue.record("fixture has no '\(old)'", sourceLocation: sourceLocation)
            return self
        }
        return replacingCharacters(in: range, with: new)
    }
}

/// Valid files that the validator tests break one way at a time.
enum ValidatorSamples {
    /// A small valid English scenario.
    static let english = """
    id: en-waiting-hold-test
    language: en
    category: waiting
    title: Dana waited forty minutes on hold
    brief: |-
      Dana, a nurse, waited 40 minutes on hold to ask about a missed technician visit.
    can_offer:
      - a call back today
    cannot_offer:
      - a refund of the monthly fee
    customer:
      name: Dana
      background: A nurse who came off a night shift.
      mood: 5
    facts:
      - 40 minutes on hold
    max_turns: 4
    start: opening
    on_furious: hung-up
    on_max_turns: asked-for-manager
    turns:
      - id: opening
        says: I have been on hold for forty minutes!
        branches:
          - when:
              flags: [blame, redirect, policy_wall, dismissive]
            mood: 2
            next: asked-for-manager
          - when:
              at_least: { listening: 2 }
            mood: -2
            next: calmer
          - mood: 1
            next: asked-for-manager
      - id: calmer
        says: Fine. So what are you going to do about it?
        rates: [ownership, framing]
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
    endings:
      - id: resolved
        outcome: resolved
        debrief: You reflected the wait and owned the next step.
      - id: asked-for-manager
        outcome: escalated
        debrief: Dana asked for a manager.
      - id: hung-up
        outcome: left
        debrief: Dana hung up.
    test_plan:
      - name: listening then ownership resolves
        steps:
          - line: opening
            reply: { listening: 2, ownership: 1, framing: 1 }
          - line: calmer
            reply: { listening: 1, ownership: 2, framing: 1 }
        ending: resolved

    """

    /// A small valid Hebrew scenario, with acronyms (מנכ"ל, ש"ח) and צ'ק written unquoted.
    static let hebrew = """
    id: he-waiting-hold-test
    language: he
    category: waiting
    title: דנה חיכתה ארבעים דקות על הקו
    brief: |-
      דנה, אחות, חיכתה 40 דקות על הקו כדי לשאול על טכנאי שלא הגיע. המנכ"ל הבטיח החזר של 50 ש"ח.
    can_offer:
      - שיחה חוזרת היום
    cannot_offer:
      - החזר של דמי המנוי
    customer:
      name: דנה
      background: אחות שחזרה ממשמרת לילה.
      mood: 5
    facts:
      - 40 דקות המתנה
    max_turns: 4
    start: opening
    on_furious: hung-up
    on_max_turns: asked-for-manager
    turns:
      - id: opening
        says: אני מחכה על הקו ארבעים דקות! ואל תגידו לי לשלוח צ'ק.
        branches:
          - when:
              flags: [blame, redirect, policy_wall, dismissive]
            mood: 2
            next: asked-for-manager
          - when:
              at_least: { listening: 2 }
            mood: -2
            next: resolved
          - mood: 1
            next: asked-for-manager
    endings:
      - id: resolved
        outcome: resolved
        debrief: דנה קיבלה שיחה חוזרת.
      - id: asked-for-manager
        outcome: escalated
        debrief: דנה ביקשה מנהל.
      - id: hung-up
        outcome: left
        debrief: דנה ניתקה.
    test_plan:
      - name: שיקוף מרגיע
        steps:
          - line: opening
            reply: { listening: 2, ownership: 1, framing: 1 }
        ending: resolved

    """
}
