import Foundation
import Testing
import KashuvFuzzTargets
@testable import KashuvCore

/// Start-up reads only the end of a trainee's file, and finds the same attempt to resume as
/// reading the whole file does.
@Suite("Progress tail: what start-up reads")
struct ProgressTailTests {
    let folder: URL
    let file: URL

    init() throws {
        folder = try PracticeFixtures.temporaryFolder()
        file = folder.appendingPathComponent("dana.jsonl")
    }

    static let scenarios = ["he-waiting-app-senior", "en-price-billing-error", "he-value-gym"]

    /// A trainee's file grown by a random walk: attempts at several scenarios that end,
    /// are abandoned and resumed, or stop; with blank lines, malformed lines, lowercase ids
    /// and sometimes a torn last line.
    static func randomFile(seed: UInt64) throws -> Data {
        var random = SplitMix64(seed: seed)
        var lines: [String] = []
        var open: [String: (id: UUID, turns: Int)] = [:]
        func add(_ record: ProgressRecord) throws {
            var line = String(decoding: try record.jsonLine(), as: UTF8.self)
            line.removeLast()
            if random.next() % 7 == 0 { line = line.replacingOccurrences(of: record.attemptID.uuidString, with: record.attemptID.uuidString.lowercased()) }
            lines.append(line)
        }
        for _ in 0..<(Int(random.next() % 60) + 1) {
            let scenario = scenarios[Int(random.next() % UInt64(scenarios.count))]
            let current = open[scenario] ?? (UUID(), 0)
            switch random.next() % 10 {
            case 0: lines.append("")
            case 1: lines.append(random.next() % 2 == 0 ? "{\"type\":\"turn\",\"scenario_id\":\"\(scenario)\"}" : "not json at all")
            case 2, 3:
                var attempt = ProgressStoreTests.attempt(current.id, outcome: random.next() % 2 == 0 ? .abandoned : .resolved, scenario: scenario)
                attempt.turns = current.turns
                try add(.attempt(attempt))
                if attempt.outcome != .abandoned { open[scenario] = nil }
            case 4:
                open[scenario] = nil
            default:
                try add(.turn(ProgressStoreTests.turn(attempt: current.id, number: current.turns + 1, scenario: scenario)))
                open[scenario] = (current.id, current.turns + 1)
            }
        }
        var text = lines.joined(separator: "\n") + "\n"
        if random.next() % 4 == 0 { text += "{\"type\":\"turn\",\"sche" }
        return Data(text.utf8)
    }

    @Test("on many generated files, the tail finds the attempt the whole file gives, for every scenario and for 'the last one'")
    func sameAnswerAsWholeFile() throws {
        var resumable = 0, issues = 0
        for seed in 1...150 as ClosedRange<UInt64> {
            try Self.randomFile(seed: seed).write(to: file)
            let whole = try ProgressFileContents.read(file)
            for chunk in [16, 100, 64 * 1024] {
                for scenario in Self.scenarios {
                    let tail = try ProgressTail.read(file, scenarioID: scenario, chunkSize: chunk)
                    let expected = whole.resumableAttempt(scenarioID: scenario)
                    if expected != nil { resumable += 1 }
                    issues += tail.issues.count
                    #expect(tail.attempt?.attemptID == expected?.attemptID, "seed \(seed), chunk \(chunk), \(scenario)")
                    #expect(tail.attempt?.turns == expected?.turns, "seed \(seed), chunk \(chunk), \(scenario)")
                    #expect(tail.attempt?.startedAt == expected?.startedAt, "seed \(seed), chunk \(chunk), \(scenario)")
                    #expect(Set(tail.issues).isSubset(of: Set(whole.issues)), "seed \(seed): issues keep their line numbers")
                }
                let last = try ProgressTail.read(file, scenarioID: nil, chunkSize: chunk)
                #expect((last.attempt == nil ? nil : last.scenarioID) == whole.lastResumableScenarioID, "seed \(seed), chunk \(chunk)")
            }
        }
        #expect(resumable > 300 && issues > 100, "the generated files cover resumable attempts and skipped lines")
    }

    @Test("only the end is read: a long history before the last attempt is not decoded")
    func readsOnlyTheEnd() throws {
        var text = ""
        // Old records of the same scenario, then garbage that would be reported if it were read.
        let old = UUID()
        for number in 1...200 {
            text += String(decoding: try ProgressRecord.turn(ProgressStoreTests.turn(attempt: old, number: number)).jsonLine(), as: UTF8.self)
        }
        text += "this line is not a record\n"
        let latest = UUID()
        for number in 1...3 {
            text += String(decoding: try ProgressRecord.turn(ProgressStoreTests.turn(attempt: latest, number: number)).jsonLine(), as: UTF8.self)
        }
        try Data(text.utf8).write(to: file)
        let tail = try ProgressTail.read(file, scenarioID: "he-waiting-app-senior", chunkSize: 512)
        #expect(tail.attempt?.attemptID == latest)
        #expect(tail.attempt?.turns.map(\.turnNumber) == [1, 2, 3])
        #expect(tail.issues.isEmpty, "the malformed line before the last attempt's first turn is not read")
        #expect(try ProgressFileContents.read(file).issues.map(\.line) == [201], "the whole file does have it")
    }

    @Test("an attempt left before its first turn ends the search: nothing to resume, and the history before it is not read")
    func leftBeforeTheFirstTurn() throws {
        var text = ""
        let old = UUID()
        for number in 1...3 {
            text += String(decoding: try ProgressRecord.turn(ProgressStoreTests.turn(attempt: old, number: number)).jsonLine(), as: UTF8.self)
        }
        text += "this line is not a record\n"
        var left = ProgressStoreTests.attempt(UUID(), outcome: .abandoned)
        left.turns = 0
        text += String(decoding: try ProgressRecord.attempt(left).jsonLine(), as: UTF8.self)
        try Data(text.utf8).write(to: file)
        let tail = try ProgressTail.read(file, scenarioID: "he-waiting-app-senior", chunkSize: 512)
        #expect(tail.attempt == nil)
        #expect(tail.issues.isEmpty, "the malformed line before the attempt is not read")
    }

    @Test("a torn last line and a malformed line inside the last attempt are reported with their line numbers")
    func issuesInTheTail() throws {
        let attempt = UUID()
        var text = ""
        for number in 1...2 {
            text += String(decoding: try ProgressRecord.turn(ProgressStoreTests.turn(attempt: attempt, number: number)).jsonLine(), as: UTF8.self)
        }
        text += "{\"attempt_id\":\"\(attempt.uuidString)\", broken\n"
        text += String(decoding: try ProgressRecord.turn(ProgressStoreTests.turn(attempt: attempt, number: 3)).jsonLine(), as: UTF8.self)
        text += "{\"type\":\"tu"
        try Data(text.utf8).write(to: file)
        let tail = try ProgressTail.read(file, scenarioID: "he-waiting-app-senior", chunkSize: 64)
        #expect(tail.attempt?.turns.map(\.turnNumber) == [1, 2, 3])
        #expect(tail.issues.map(\.line) == [3, 5])
        #expect(tail.issues.map(\.kind) == [.malformed, .tornLastLine])
        #expect(try tail.issues == ProgressFileContents.read(file).issues)
    }

    @Test("no file, an empty file, or only blank lines: nothing to resume, no issues")
    func emptyFiles() throws {
        #expect(try ProgressTail.read(file, scenarioID: nil) == ProgressTail(scenarioID: nil, attempt: nil, issues: []))
        for text in ["", "\n", "\n\n  \n"] {
            try Data(text.utf8).write(to: file)
            let tail = try ProgressTail.read(file, scenarioID: "x")
            #expect(tail.attempt == nil && tail.issues.isEmpty)
        }
    }
}
