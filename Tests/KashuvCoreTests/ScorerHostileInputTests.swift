import Foundation
import Testing
@testable import KashuvCore

/// Nothing a trainee or a file can hold makes the scorer crash or hang.
@Suite("Scorer hostile input")
struct ScorerHostileInputTests {
    @Test("empty and whitespace-only replies score 0/0/1 with no flags")
    func empty() {
        for reply in ["", "   ", "\n\n", "\u{200F}\u{200E}"] {
            let result = ScorerFixture.score(reply)
            #expect(result.levels == Levels(listening: 0, ownership: 0, framing: 1))
            #expect(result.flags.isEmpty)
        }
    }

    @Test("a 100 KB reply is scored and its evidence stays in range")
    func huge() {
        let unit = "אני מבינה, זה הנוהל ואי אפשר. I'll call you back by 5pm. "
        let reply = String(repeating: unit, count: 100_000 / unit.utf8.count + 1)
        let result = ScorerFixture.score(reply)
        let count = reply.unicodeScalars.count
        #expect(result.evidence.allSatisfy { $0.end <= count })
    }

    @Test("control characters, emoji, RTL marks and lone combining marks do not break scoring")
    func oddCharacters() {
        let replies = [
            "\u{0000}\u{0001}\u{001B}[31mאני מבינה\u{007F}",
            "🙂🙂🙂👍🏽👨‍👩‍👧 sorry",
            "\u{202E}שלום\u{202C}\u{2066}I'll fix it now\u{2069}",
            "\u{05B8}\u{05B7}\u{0301}",
            "ש\"ח'''\"\"--—–‐ ,,,...???",
            String(repeating: "א", count: 5000),
        ]
        for reply in replies {
            let result = ScorerFixture.score(reply)
            let count = reply.unicodeScalars.count
            for item in result.evidence {
                #expect(item.start >= 0 && item.end <= count)
            }
        }
    }

    @Test("invalid UTF-8 and malformed lines in JSON Lines give an error object with the line number")
    func jsonLines() throws {
        var input = Data("{\"id\":\"a\",\"reply\":\"אני מבינה\"}\n".utf8)
        input.append(contentsOf: [0x7B, 0x22, 0x72, 0x22, 0x3A, 0x22, 0xFF, 0xFE, 0x22, 0x7D, 0x0A])  // {"r":"\xFF\xFE"}
        input.append(Data("not json\n\n{\"id\":2}\n{\"id\":3,\"reply\":\"ok\",\"lang\":\"fr\"}\n{\"reply\":\"fine\"}".utf8))
        let output = ScoreLines(scorer: ScorerFixture.scorer).process(input)
        let lines = try #require(String(data: output, encoding: .utf8)).split(separator: "\n").map(String.init)
        #expect(lines.count == 7)
        let objects = try lines.map { try #require(JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]) }
        #expect(objects[0]["levels"] != nil)
        #expect(objects[1]["line"] as? Int == 2)
        #expect(objects[1]["error"] as? String == "the line is not valid UTF-8")
        #expect(objects[2]["line"] as? Int == 3)
        #expect(objects[3]["line"] as? Int == 4)
        #expect(objects[4]["id"] as? Int == 2)
        #expect((objects[4]["error"] as? String)?.contains("reply") == true)
        #expect(objects[5]["line"] as? Int == 6)
        #expect(objects[6]["levels"] != nil)
    }

    @Test("output keys come in the documented order")
    func keyOrder() throws {
        let output = ScoreLines(scorer: ScorerFixture.scorer).process(Data("{\"id\":\"x\",\"reply\":\"sorry\"}\n".utf8))
        let line = try #require(String(data: output, encoding: .utf8))
        #expect(line.hasPrefix("{\"id\":\"x\",\"levels\":{\"listening\":1,\"ownership\":1,\"framing\":1},\"flags\":[],\"evidence\":["))
    }
}
