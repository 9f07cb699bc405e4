import Foundation
import Testing
@testable import KashuvCore

/// `score --input` streams: the output is the same as scoring the lines one by one, in input
/// order, however the input arrives, and each answer is written before more input is read.
@Suite("score --input stream")
struct ScoreLineStreamTests {
    /// Lines that exercise every path: scored replies in both languages, ids of both kinds,
    /// a CRLF line, blank lines, invalid UTF-8, malformed JSON, a missing reply, escapes.
    static let input: Data = {
        var data = Data()
        let lines = [
            #"{"id":"a","reply":"אני מבינה כמה זה מתסכל, אני בודקת את זה עכשיו","customer":"חיכיתי שעה!"}"#,
            #"{"id":2,"reply":"I'm sorry, I'll fix it today and call you back by 5pm.","lang":"en"}"#,
            #"{"id":2.5,"reply":"that's our policy\r\nnothing I can do \"really\" \\ \u2028"}"# + "\r",
            "",
            "   \t",
            "not json",
            #"{"id":"no-reply"}"#,
            #"{"id":"lang","reply":"ok","lang":"fr"}"#,
            #"{"reply":"😀 אפשר לבדוק מה כן אפשר לעשות"}"#,
        ]
        for line in lines { data.append(Data((line + "\n").utf8)) }
        data.append(contentsOf: [0x7B, 0x22, 0x72, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A])
        data.append(Data(#"{"id":"last","reply":"no newline at the end"}"#.utf8))
        return data
    }()

    /// What the command printed before it streamed: split on newlines, each line processed on
    /// its own, joined with newlines.
    static func lineByLine(_ input: Data, _ lines: ScoreLines) -> Data {
        var pieces = input.split(separator: 0x0A, omittingEmptySubsequences: false)
        if pieces.last?.isEmpty == true { pieces.removeLast() }
        var out = Data()
        for (index, piece) in pieces.enumerated() {
            out.append(lines.processLine(Data(piece), lineNumber: index + 1))
            out.append(0x0A)
        }
        return out
    }

    /// Runs a stream over bytes in memory, handing out at most `readSize` bytes a read.
    static func run(_ stream: ScoreLineStream, _ input: Data, readSize: Int) throws -> (output: Data, writes: Int) {
        var offset = input.startIndex
        var output = Data()
        var writes = 0
        try stream.run(
            read: { buffer in
                let count = min(buffer.count, readSize, input.endIndex - offset)
                input.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: offset..<(offset + count))
                offset += count
                return count
            },
            write: { output.append(contentsOf: $0); writes += 1 })
        return (output, writes)
    }

    @Test("streamed output is the line-by-line output, whatever the read size, batch size and thread count",
          arguments: [1, 3, 17, 4096])
    func sameAsLineByLine(readSize: Int) throws {
        let lines = ScoreLines(scorer: ScorerFixture.scorer)
        let expected = Self.lineByLine(Self.input, lines)
        #expect(String(decoding: expected, as: UTF8.self).split(separator: "\n").count == 11)
        for batch in [1, 2, 512] {
            for workers in [1, 2, 3] {
                let stream = ScoreLineStream(lines: lines, workers: workers, batchLines: batch, chunkSize: 4096)
                let output = try Self.run(stream, Self.input, readSize: readSize).output
                #expect(output == expected, "read size \(readSize), batch \(batch), \(workers) workers")
            }
        }
    }

    @Test("process(_:) gives the line-by-line output, including input that is a slice of larger data")
    func processInMemory() {
        let lines = ScoreLines(scorer: ScorerFixture.scorer)
        #expect(lines.process(Self.input) == Self.lineByLine(Self.input, lines))
        let padded = Data("xx\n".utf8) + Self.input
        let slice = padded[padded.index(padded.startIndex, offsetBy: 3)...]
        #expect(lines.process(slice) == Self.lineByLine(Self.input, lines))
        #expect(lines.process(Data()).isEmpty)
    }

    @Test("each answer is written before the next line is read, so a script can talk to it line by line")
    func answersBeforeReadingOn() throws {
        let stream = ScoreLineStream(lines: ScoreLines(scorer: ScorerFixture.scorer))
        let replies = [#"{"id":1,"reply":"sorry"}"#, #"{"id":2,"reply":"I'll fix it"}"#, #"{"id":3,"reply":"no"}"#]
        var reads = 0
        var written: [Int] = []  // output lines written so far, seen at each read
        var output = Data()
        try stream.run(
            read: { buffer in
                written.append(output.count(where: { $0 == 0x0A }))
                defer { reads += 1 }
                guard reads < replies.count else { return 0 }
                let line = Array((replies[reads] + "\n").utf8)
                buffer.copyBytes(from: line)
                return line.count
            },
            write: { output.append(contentsOf: $0) })
        #expect(written == [0, 1, 2, 3])
    }

    @Test("a line longer than the limit gets an error with its number; the lines around it are scored")
    func overlongLine() throws {
        let lines = ScoreLines(scorer: ScorerFixture.scorer)
        let long = #"{"id":"long","reply":""# + String(repeating: "א", count: 300) + "\"}"
        let input = Data(([#"{"id":"before","reply":"sorry"}"#, long, #"{"id":"after","reply":"sorry"}"#].joined(separator: "\n") + "\n").utf8)
        let stream = ScoreLineStream(lines: lines, workers: 2, batchLines: 512, chunkSize: 64, maxLineBytes: 200)
        let output = String(decoding: try Self.run(stream, input, readSize: 64).output, as: UTF8.self)
        let outputLines = output.split(separator: "\n").map(String.init)
        #expect(outputLines.count == 3)
        #expect(outputLines[0].hasPrefix(#"{"id":"before","levels""#))
        #expect(outputLines[1] == #"{"line":2,"error":"the line is longer than 200 bytes and was skipped"}"#)
        #expect(outputLines[2].hasPrefix(#"{"id":"after","levels""#))
    }

    @Test("a large input is written in many batches, not once at the end")
    func writesInBatches() throws {
        let line = Data((#"{"reply":"I'll fix it today"}"# + "\n").utf8)
        var input = Data()
        for _ in 0..<200 { input.append(line) }
        let stream = ScoreLineStream(lines: ScoreLines(scorer: ScorerFixture.scorer), batchLines: 16, chunkSize: 1024)
        let (output, writes) = try Self.run(stream, input, readSize: 1024)
        #expect(output.count(where: { $0 == 0x0A }) == 200)
        #expect(writes >= 200 / 16)
    }

    @Test("JSON text escaping: quotes, backslashes, controls and line separators; other text copied whole")
    func escaping() {
        #expect(JSONText.quoted("אני מבינה 🙂") == "\"אני מבינה 🙂\"")
        #expect(JSONText.quoted("a\"b\\c\nd\re\tf\u{01}g\u{2028}h\u{2029}") == #""a\"b\\c\nd\re\tf\u0001g\u2028h\u2029""#)
        #expect(JSONText.quoted("\u{2027}\u{202A}") == "\"\u{2027}\u{202A}\"")
    }
}
