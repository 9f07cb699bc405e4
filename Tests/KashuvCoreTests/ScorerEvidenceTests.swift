import Foundation
import Testing
@testable import KashuvCore

/// Evidence points at what the trainee typed: code-point offsets into the reply as given.
@Suite("Scorer evidence")
struct ScorerEvidenceTests {
    /// The reply's text between two code-point offsets.
    static func substring(_ reply: String, _ start: Int, _ end: Int) -> String {
        let scalars = Array(reply.unicodeScalars)
        var view = String.UnicodeScalarView()
        view.append(contentsOf: scalars[start..<end])
        return String(view)
    }

    @Test("every evidence text equals the reply's substring at its offsets (Hebrew with niqqud, marks, emoji)",
          arguments: [
              "\u{200F}אני מְבִינָה כמה זה מתסכל 🙂, ואחזור אלייך עד 14:00. זה הנוהל.",
              "שילמת 650 ₪ ובמחירון כתוב 450, אני מתנצל. אני מחזיר לך את ה־200 ₪ עוד היום.",
              "תירגע אדוני, זו טעות של המערכת. תיכנס לאתר ותמלא טופס.",
              "I can't refund it, but what I can do is add a $48 credit now 👍",
          ])
    func offsets(reply: String) {
        let result = ScorerFixture.score(reply, customer: "שילמתי 650 ₪ ובמחירון כתוב 450")
        #expect(!result.evidence.isEmpty)
        let count = reply.unicodeScalars.count
        for item in result.evidence {
            #expect(0 <= item.start && item.start <= item.end && item.end <= count)
            #expect(item.text == Self.substring(reply, item.start, item.end), "\(item.rule)")
        }
    }

    @Test("the evidence names the rule and its effect, and advice is in the reply's language")
    func rulesAndAdvice() {
        let reply = "זה הנוהל."
        let result = ScorerFixture.score(reply, lang: .hebrew)
        let wall = result.evidence.first { $0.flag == .policyWall }
        #expect(wall?.text == "זה הנוהל")
        #expect(wall?.effect == .minus)
        #expect(result.advice.first?.contains("זה הנוהל") == true)
        #expect(result.advice.allSatisfy { $0.unicodeScalars.contains { HebrewLetters.isLetter($0) } })
        let english = ScorerFixture.score("That's company policy.", lang: .english)
        #expect(english.advice.first?.hasPrefix("You said") == true)
    }
}
