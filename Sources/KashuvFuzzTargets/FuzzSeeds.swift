import Foundation
import KashuvCore

extension FuzzTarget {
    /// Where a target's seed inputs come from in the Kashuv folder: real files of its kind.
    public func seedFiles(in home: URL) -> [URL] {
        let fileManager = FileManager.default
        func files(_ folder: String, suffix: String) -> [URL] {
            let url = home.appendingPathComponent(folder)
            let names = (try? fileManager.contentsOfDirectory(atPath: url.path)) ?? []
            return names.filter { $0.hasSuffix(suffix) }.sorted().map { url.appendingPathComponent($0) }
        }
        switch self {
        case .scenario: return files("Scenarios", suffix: ".yaml")
        case .cues: return files("Trainers/default/cues", suffix: ".yaml")
        case .scorer, .progress: return []
        }
    }

    /// Seed inputs: real files of the target's kind, plus small hand-written ones.
    public func seeds(home: URL) -> [[UInt8]] {
        let fromFiles = seedFiles(in: home).compactMap { try? Data(contentsOf: $0) }.map { [UInt8]($0) }
        let written: [String] = switch self {
        case .scenario: ["id: x\n", "turns: [{id: a, says: b, branches: []}]\n", "<<: *a\n", "a: &a [*a]\n"]
        case .cues: ["language: he\ncues:\n  apology:\n    - סליחה\n", "language: en\ncues:\n  apology:\n    - phrase: sorry\n      weight: 2\n"]
        case .scorer:
            [
                "אני מבינה כמה זה מתסכל, אני בודקת את זה עכשיו", "I understand, I'll fix it today\0You charged me twice!",
                "זו לא אשמתנו, תפנה לחברת האשראי", "\u{202E}sorry\u{202C} \u{1B}[2J", String(repeating: "א", count: 300),
            ]
        case .progress:
            [Self.progressFileSeed(), "not json\n{\"type\":\"attempt\"}\n", "{\"type\":\"turn\""]
        }
        return fromFiles + written.map { Array($0.utf8) }
    }

    /// A real progress file: two turns and an abandoned attempt written by the core itself, so
    /// mutations reach the record decoders and resuming, not only the JSON parser.
    static func progressFileSeed() -> String {
        let attempt = UUID(uuidString: "8F6A3C2E-0000-4000-8000-000000000001")!
        let start = Date(timeIntervalSince1970: 1_700_000_000)
        let score = ScoreResult(
            language: .hebrew, levels: Levels(listening: 2, ownership: 1, framing: 0), rated: [.listening, .ownership],
            flags: [.jargon], evidence: [Evidence(dimension: .listening, start: 0, end: 8, text: "אני מבין", rule: "listening.reflection", effect: .plus)],
            advice: ["סיימו במה שכן אפשר"])
        let turns = (1...2).map { number in
            ProgressRecord.turn(TurnRecord(
                trainee: "דנה", scenarioID: "he-waiting-app-senior", attemptID: attempt, attemptStartedAt: start, turnNumber: number,
                lineID: "opening", customerLine: "סוף סוף בן אדם!", reply: "אני מבין", language: .hebrew, score: score,
                moodBefore: 6, moodAfter: 4, next: "feels-heard", timestamp: start.addingTimeInterval(Double(number) * 30)))
        }
        let left = ProgressRecord.attempt(AttemptRecord(
            trainee: "דנה", scenarioID: "he-waiting-app-senior", attemptID: attempt, outcome: .abandoned, endingID: nil,
            endReason: nil, turns: 2, finalMood: 4, startedAt: start, endedAt: start.addingTimeInterval(90)))
        return (turns + [left]).compactMap { try? $0.jsonLine() }.map { String(decoding: $0, as: UTF8.self) }.joined()
    }

    /// A random change to an input (insert, delete, flip, splice or duplicate bytes), for the
    /// seeded random pass that runs without libFuzzer.
    public static func mutate(_ input: [UInt8], with generator: inout some RandomNumberGenerator, corpus: [[UInt8]]) -> [UInt8] {
        var bytes = input
        let interesting: [UInt8] = [0x00, 0x0A, 0x1B, 0x22, 0x27, 0x3A, 0x5B, 0x7B, 0x2A, 0x26, 0x21, 0x2D, 0xD7, 0xE2, 0xFF]
        for _ in 0..<Int.random(in: 1...4, using: &generator) {
            let position = bytes.isEmpty ? 0 : Int.random(in: 0..<bytes.count, using: &generator)
            switch Int.random(in: 0..<6, using: &generator) {
            case 0: bytes.insert(interesting.randomElement(using: &generator)!, at: position)
            case 1: if !bytes.isEmpty { bytes.remove(at: position) }
            case 2: if !bytes.isEmpty { bytes[position] ^= UInt8(1 << Int.random(in: 0..<8, using: &generator)) }
            case 3:
                if let other = corpus.randomElement(using: &generator), !other.isEmpty {
                    let start = Int.random(in: 0..<other.count, using: &generator)
                    let end = min(other.count, start + Int.random(in: 1...64, using: &generator))
                    bytes.insert(contentsOf: other[start..<end], at: position)
                }
            case 4:
                let end = min(bytes.count, position + Int.random(in: 1...32, using: &generator))
                bytes.insert(contentsOf: Array(bytes[position..<end]), at: position)
            default: if !bytes.isEmpty { bytes[position] = UInt8.random(in: 0...255, using: &generator) }
            }
        }
        return bytes
    }
}
