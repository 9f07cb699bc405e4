import Foundation
import Testing
@testable import KashuvCore

/// What the feedback panel quotes: each dimension's best words, merged, never twice.
@Suite("Quoted evidence")
struct QuotedEvidenceTests {
    static let jacob = "סוף סוף בן אדם! שלושה ימים אני מנסה לקבוע תור לרופא עיניים. חיכיתי 35 דקות על הקו רק בשביל זה!"

    /// No two quotes of the same effect share a character, and no words are quoted under both effects.
    func expectNoOverlap(_ quotes: [QuotedEvidence], _ comment: Comment? = nil) {
        for (index, quote) in quotes.enumerated() {
            for other in quotes[(index + 1)...] {
                #expect(!(quote.start < other.end && other.start < quote.end), "\(quote.text) / \(other.text)")
            }
        }
    }

    @Test("overlapping listening phrases become one quote; ownership and framing evidence are shown too")
    func mergesAndCoversEveryDimension() {
        let reply = "יעקב, אני מבינה כמה מתסכל לחכות 35 דקות על הקו ולנסות שלושה ימים. אני מצטערת. אני קובעת לך את התור עכשיו, בטלפון."
        let score = ScorerFixture.score(reply, customer: Self.jacob)
        // The scorer reports several overlapping listening spans …
        let listeningSpans = score.evidence.filter { $0.dimension == .listening && $0.effect == .plus }
        #expect(listeningSpans.count >= 3)
        // … the panel quotes each dimension once, with no overlap.
        let quotes = QuotedEvidence.select(from: score, reply: reply)
        expectNoOverlap(quotes)
        for dimension in Dimension.allCases where score.levels[dimension] > 0 {
            #expect(quotes.filter { $0.dimensions.contains(dimension) }.count == 1, "\(dimension)")
        }
        #expect(quotes.count <= 3)
        #expect(quotes.allSatisfy { $0.effect == .plus })
        // The quoted text is the reply's own words at the quoted offsets.
        let scalars = Array(reply.unicodeScalars)
        for quote in quotes {
            #expect(String(String.UnicodeScalarView(scalars[quote.start..<quote.end])) == quote.text)
        }
        // Strongest first: every quote's first dimension is at least as strong as the next one's.
        let firstLevels = quotes.compactMap { $0.dimensions.first.map { score.levels[$0] } }
        #expect(firstLevels == firstLevels.sorted(by: >))
    }

    @Test("what cost comes first, each flag once; words quoted under cost are not quoted again under earned")
    func costsFirstAndNoSentenceTwice() {
        let reply = "זו לא אשמתי, המערכת נפלה. תיכנס לאתר ותקבע שם, זה מה שיש."
        let score = ScorerFixture.score(reply, customer: Self.jacob)
        #expect(score.flags.contains(.redirect))
        let quotes = QuotedEvidence.select(from: score, reply: reply)
        expectNoOverlap(quotes)
        #expect(quotes.first?.effect == .minus)
        for flag in score.flags {
            #expect(quotes.filter { $0.flags.contains(flag) }.count == 1, "\(flag)")
        }
        #expect(quotes.filter { $0.text.contains("לאתר") }.count == 1)
    }

    @Test("one sentence behind a flag and two lost levels is quoted once, naming all three")
    func oneSentenceManyReasons() {
        let reply = "That's your bank's problem, not ours."
        let span = (start: 0, end: 36, text: "That's your bank's problem, not ours")
        let score = ScoreResult(
            language: .english, levels: Levels(listening: 0, ownership: 0, framing: 0), flags: [.blame],
            evidence: [
                Evidence(flag: .blame, start: span.start, end: span.end, text: span.text, rule: "flag.blame", effect: .minus),
                Evidence(dimension: .ownership, start: span.start, end: span.end, text: span.text, rule: "ownership.blame", effect: .minus),
                Evidence(dimension: .framing, start: 12, end: 26, text: "bank's problem", rule: "framing.redirect", effect: .minus),
            ],
            advice: [])
        let quotes = QuotedEvidence.select(from: score, reply: reply)
        #expect(quotes.count == 1)
        #expect(quotes.first?.text == span.text)
        #expect(quotes.first?.flags == [.blame])
        #expect(Set(quotes.first?.dimensions ?? []) == [.ownership, .framing])
    }

    @Test("spans only spaces apart are one quote; a dimension the turn does not rate is not quoted")
    func adjacentAndUnrated() {
        let reply = "I understand how frustrating this is"
        let score = ScoreResult(
            language: .english, levels: Levels(listening: 2, ownership: 1, framing: 0), rated: [.listening],
            flags: [],
            evidence: [
                Evidence(dimension: .listening, start: 0, end: 12, text: "I understand", rule: "listening.empathy", effect: .plus),
                Evidence(dimension: .listening, start: 17, end: 28, text: "frustrating", rule: "listening.empathy", effect: .plus),
                Evidence(dimension: .ownership, start: 0, end: 1, text: "I", rule: "ownership.first_person", effect: .plus),
            ],
            advice: [])
        let quotes = QuotedEvidence.select(from: score, reply: reply)
        #expect(quotes.map(\.text) == ["I understand"], "\"how\" is a word between them, so the longer span wins")
        #expect(quotes.first?.dimensions == [.listening])
        let joined = ScoreResult(
            language: .english, levels: Levels(listening: 2, ownership: 0, framing: 0), rated: [.listening], flags: [],
            evidence: [
                Evidence(dimension: .listening, start: 2, end: 12, text: "understand", rule: "a", effect: .plus),
                Evidence(dimension: .listening, start: 13, end: 28, text: "how frustrating", rule: "b", effect: .plus),
            ],
            advice: [])
        #expect(QuotedEvidence.select(from: joined, reply: reply).map(\.text) == ["understand how frustrating"])
    }
}
