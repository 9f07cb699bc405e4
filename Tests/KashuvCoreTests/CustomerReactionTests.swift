import Foundation
import Testing
@testable import KashuvCore

@Suite("How the customer reacts: validate warns about lines that answer what nobody said, repeat, or shrug off harm")
struct CustomerReactionTests {
    static let harm = """
              - when:
                  flags: [blame, redirect, policy_wall, dismissive]
                mood: 2
                next: asked-for-manager

        """

    static func english(without harm: Bool = false) -> String {
        harm ? ValidatorSamples.english.replacingFirst(Self.harm, with: "") : ValidatorSamples.english
    }

    @Test("a harmful reply that takes a calming branch is KS0048, a warning that does not make the file invalid")
    func harmfulReplyBarelyMovesMood() throws {
        let yaml = Self.english(without: true)
        let (found, path) = try validatorDiagnostics(for: yaml)
        let warning = try #require(found.first { $0.knownCode == .harmBarelyMovesMood }, "found \(found)")
        #expect(warning.severity == .warning)
        #expect(warning.line == lineNumber(of: "mood: -2", in: yaml))
        #expect(warning.description.hasPrefix("\(path):\(warning.line ?? 0):\(warning.column ?? 0): warning[KS0048]: "))
        #expect(warning.message.contains("opening"))
        #expect(!found.contains { $0.severity == .error }, "warnings only: the file plays")
    }

    @Test("a line that answers a trap, reached by a branch that does not require it, is KS0046 on that branch")
    func answersUnraisedTrap() throws {
        let yaml = Self.english().replacingFirst(
            "    rates: [ownership, framing]\n", with: "    answers: [redirect]\n    rates: [ownership, framing]\n")
        let found = try validatorDiagnostics(for: yaml).diagnostics.filter { $0.knownCode == .answersUnraisedTrap }
        #expect(found.count == 1, "\(found)")
        #expect(found.first?.line == lineNumber(of: "next: calmer", in: yaml))
        #expect(found.first?.message.contains("`redirect`") == true)
        // Requiring the trap on the branch settles it.
        let fixed = yaml.replacingFirst("""
                  - when:
                      at_least: { listening: 2 }
                    mood: -2
                    next: calmer
            """, with: """
                  - when:
                      flags: [redirect]
                    mood: 2
                    next: calmer
            """)
        #expect(try validatorDiagnostics(for: fixed).diagnostics.filter { $0.knownCode == .answersUnraisedTrap }.isEmpty)
    }

    @Test("a branch back to an earlier line is KS0047 on every line the call could repeat")
    func repeatedLine() throws {
        let yaml = Self.english().replacingFirst("""
                  - mood: 2
                    next: hung-up
            """, with: """
                  - mood: 2
                    next: opening
            """)
        let found = try validatorDiagnostics(for: yaml).diagnostics.filter { $0.knownCode == .repeatedLine }
        #expect(Set(found.compactMap(\.line)) == [lineNumber(of: "- id: opening", in: yaml), lineNumber(of: "- id: calmer", in: yaml)])
        #expect(found.allSatisfy { $0.severity == .warning })
    }

    @Test("a verdict kept by code alone (the validation cache) is still a warning")
    func severityFollowsTheCode() {
        let kept = Diagnostic(path: "x.yaml", line: 3, column: 5, code: "KS0047", message: "m", hint: "h")
        #expect(kept.severity == .warning)
        #expect(Diagnostic(path: "x.yaml", code: "KS0045", message: "m", hint: "h").severity == .error)
    }

    @Test("the shipped library: no warnings at all")
    func libraryHasNoWarnings() {
        let report = ScenarioValidator().validate(paths: [scenariosFolder.path])
        #expect(report.warnings.isEmpty, "\(report.warnings.map(\.description).joined(separator: "\n"))")
    }
}
