import Foundation
import Testing
@testable import KashuvCore

/// One documented reply length limit on every input path, and `score --input` messages that
/// say what was expected.
@Suite("Reply length and score input messages")
struct ReplyLengthTests {
    @Test("a practice session refuses a reply over the limit before scoring or saving it")
    func sessionRefusesLongReply() throws {
        let folder = try PracticeFixtures.temporaryFolder()
        let store = ProgressStore(folder: folder)
        let trainee = try TraineeName("נועה")
        let session = PracticeSession.start(
            scenario: try PracticeFixtures.seniorScenario(), trainee: trainee, store: store, scorer: ScriptedScorer(), library: [])
        let long = "L2 O2 F2 " + String(repeating: "א", count: ReplyLength.maximum)
        #expect(throws: PracticeError.replyTooLong(length: ReplyLength.of(long), maximum: ReplyLength.maximum)) {
            try session.submit(reply: long)
        }
        #expect(try store.read(trainee).records.isEmpty, "nothing saved")
        #expect(session.nextTurnNumber == 1, "the turn is still open")
        let fits = "L2 O2 F2 " + String(repeating: "א", count: ReplyLength.maximum - 9)
        #expect(try session.submit(reply: fits).number == 1)
    }

    @Test("score --input refuses a reply over the limit on its line and goes on")
    func scoreLinesLimit() throws {
        let lines = ScoreLines(scorer: ReplyScorer(cues: CueBook()), scenario: { _ in nil })
        let long = #"{"id":"a","reply":""# + String(repeating: "x", count: ReplyLength.maximum + 1) + "\"}\n"
        let output = String(decoding: lines.process(Data((long + #"{"reply":"sorry"}"# + "\n").utf8)), as: UTF8.self)
        let outputLines = output.split(separator: "\n")
        #expect(outputLines.count == 2)
        #expect(outputLines[0].contains(#""error":"\"reply\" is 2001 characters long; at most 2000 are scored""#), "\(outputLines[0])")
        #expect(outputLines[1].contains(#""levels""#))
    }

    @Test("score --input says what a line is instead of an object, and what it should be", arguments: [
        ("null", "the line is null, not an object"), ("42", "the line is a number, not an object"),
        ("[1, 2]", "the line is an array, not an object"), (#"{"reply":"\ud800"}"#, "surrogate pair"),
        (#"{"reply": 5}"#, #"wrong type for \"reply\": expected the reply as a JSON string"#),
        (#"{"reply":"x","lang":"fr"}"#, #"invalid value for \"lang\": expected \"he\" or \"en\""#),
    ])
    func inputMessages(line: String, message: String) {
        let lines = ScoreLines(scorer: ReplyScorer(cues: CueBook()), scenario: { _ in nil })
        let output = String(decoding: lines.process(Data((line + "\n").utf8)), as: UTF8.self)
        #expect(output.contains(message), "\(output)")
        #expect(!output.contains(#"wrong type for \"\""#))
    }
}
