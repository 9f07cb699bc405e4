import Foundation
import Testing
@testable import KashuvCore

/// Cue files are data a coach edits; the validator reports every problem with a KS05xx code.
@Suite("Cue book")
struct ScorerCueBookTests {
    @Test("the default cue files are valid")
    func defaultsValid() throws {
        for name in ["he.yaml", "en.yaml"] {
            let file = ScorerFixture.cueFolder.appendingPathComponent(name)
            #expect(CueBookValidator.validate(file: file).isEmpty, "\(name)")
        }
    }

    @Test("each kind of mistake has its own code and line")
    func diagnostics() {
        let yaml = """
            language: xx
            cues:
              apology:
                - sorry
                - sorry
                - phrase: ok
                  weight: 9
                - "* alone"
              nonsense:
                - x
              negator:
                - not at all
              empathy:
                - ...
            extra: 1
            """
        let codes = CueBookValidator.validate(yaml: yaml, path: "cues/en.yaml").map(\.code)
        for code in ["KS0502", "KS0507", "KS0506", "KS0508", "KS0503", "KS0510", "KS0505", "KS0509"] {
            #expect(codes.contains(code), "\(code) in \(codes)")
        }
        #expect(CueBookValidator.validate(yaml: "cues: [", path: "x.yaml").first?.code == "KS0500")
        #expect(CueBookValidator.validate(yaml: "- a", path: "x.yaml").first?.code == "KS0501")
        let withLine = CueBookValidator.validate(yaml: yaml, path: "cues/en.yaml").first { $0.code == "KS0507" }
        #expect(withLine?.line == 5)
    }

    @Test("a trainer's extra cue file adds company jargon")
    func extraCues() throws {
        var book = try CueBook(folder: ScorerFixture.cueFolder)
        book.add(try CueBook(yaml: "language: he\ncues:\n  jargon:\n    - מספר גאיה\n", path: "extra.yaml"))
        let scorer = ReplyScorer(cues: book)
        let result = scorer.score("אני בודקת את מספר הגאיה שלך", context: ScoringContext(language: .hebrew))
        #expect(result.flags.contains(.jargon))
    }
}
