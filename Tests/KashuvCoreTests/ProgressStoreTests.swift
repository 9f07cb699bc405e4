import Foundation
import Testing
@testable import KashuvCore

@Suite("Progress store: append-only JSON Lines")
struct ProgressStoreTests {
    let folder: URL
    let store: ProgressStore
    let dana: TraineeName

    init() throws {
        folder = try PracticeFixtures.temporaryFolder()
        store = ProgressStore(folder: folder)
        dana = try TraineeName("דנה כהן")
    }

    static func turn(attempt: UUID, number: Int, scenario: String = "he-waiting-app-senior", reply: String = "אני מבין")
        -> TurnRecord
    {
        let score = ScoreResult(
            language: .hebrew, levels: Levels(listening: 2, ownership: 1, framing: 0), rated: [.listening, .ownership],
            flags: [.jargon], evidence: [Evidence(dimension: .listening, start: 0, end: 8, text: "אני מבין", rule: "listening.reflection", effect: .plus)],
            advice: ["סיימו במה שכן אפשר"])
        return TurnRecord(
            trainee: "דנה כהן", scenarioID: scenario, attemptID: attempt, attemptStartedAt: Date(timeIntervalSince1970: 1_700_000_000),
            turnNumber: number, lineID: "opening", customerLine: "סוף סוף בן אדם!", reply: reply, language: .hebrew,
            score: score, moodBefore: 6, moodAfter: 4, next: "feels-heard", timestamp: Date(timeIntervalSince1970: 1_700_000_060.25))
    }

    static func attempt(_ id: UUID, outcome: AttemptOutcome, scenario: String = "he-waiting-app-senior") -> AttemptRecord {
        AttemptRecord(
            trainee: "דנה כהן", scenarioID: scenario, attemptID: id, outcome: outcome,
            endingID: outcome == .abandoned ? nil : "thanked", endReason: outcome == .abandoned ? nil : .branch,
            turns: 1, finalMood: 4, startedAt: Date(timeIntervalSince1970: 1_700_000_000), endedAt: Date(timeIntervalSince1970: 1_700_000_100))
    }

    func fileBytes() throws -> Data { try Data(contentsOf: store.fileURL(for: dana)) }

    @Test("records written are read back exactly, one JSON object per line")
    func roundTrip() throws {
        let attempt = UUID()
        let records: [ProgressRecord] = [.turn(Self.turn(attempt: attempt, number: 1)), .attempt(Self.attempt(attempt, outcome: .resolved))]
        for record in records { try store.append(record, for: dana) }

        let contents = try store.read(dana)
        #expect(contents.records == records)
        #expect(contents.issues.isEmpty)

        let text = String(decoding: try fileBytes(), as: UTF8.self)
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.count == 3 && lines[2].isEmpty, "two lines, each ending in a newline")
        let turn = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        #expect(turn["type"] as? String == "turn")
        #expect(turn["schema_version"] as? Int == 1)
        #expect(turn["attempt_id"] as? String == attempt.uuidString)
        #expect(turn["timestamp"] as? String == "2023-11-14T22:14:20.250Z")
        let levels = try #require(turn["levels"] as? [String: Any])
        #expect(levels["listening"] as? Int == 2)
        #expect(levels["framing"] is NSNull, "a dimension the turn does not rate is null")
        let ended = try #require(try JSONSerialization.jsonObject(with: Data(lines[1].utf8)) as? [String: Any])
        #expect(ended["type"] as? String == "attempt")
        #expect(ended["outcome"] as? String == "resolved")
        #expect(text.contains("דנה כהן"), "Hebrew is written as UTF-8, not escaped")
    }

    @Test("every field is written, in a fixed order with type first", arguments: [true, false])
    func keyOrder(turn: Bool) throws {
        let attempt = UUID()
        let record: ProgressRecord = turn ? .turn(Self.turn(attempt: attempt, number: 1)) : .attempt(Self.attempt(attempt, outcome: .abandoned))
        let keys = turn ? TurnRecord.CodingKeys.allCases.map(\.rawValue) : AttemptRecord.CodingKeys.allCases.map(\.rawValue)
        let line = String(decoding: try record.jsonLine(), as: UTF8.self)
        var position = try #require(line.range(of: "{\"type\":")).upperBound
        for key in keys {
            let found = try #require(line.range(of: "\"\(key)\":", range: position..<line.endIndex), "\(key) missing or out of order in \(line)")
            position = found.upperBound
        }
        #expect(line.hasSuffix("}\n") && line.filter { $0 == "\n" }.count == 1)
    }

    @Test("the file sits in the progress folder under the trainee's file stem")
    func fileLocation() throws {
        try store.append(.turn(Self.turn(attempt: UUID(), number: 1)), for: dana)
        let names = try FileManager.default.contentsOfDirectory(atPath: folder.path)
        #expect(names == [dana.fileStem + ".jsonl"])
        #expect(store.fileURL(for: dana).deletingLastPathComponent().standardizedFileURL == folder.standardizedFileURL)
    }

    @Test("a torn last line is skipped with a warning and the rest is read; the next append stays readable")
    func tornLastLine() throws {
        let attempt = UUID()
        try store.append(.turn(Self.turn(attempt: attempt, number: 1)), for: dana)
        try store.append(.turn(Self.turn(attempt: attempt, number: 2)), for: dana)
        let whole = try Self.turn(attempt: attempt, number: 3).jsonLineForTest()
        let handle = try FileHandle(forWritingTo: store.fileURL(for: dana))
        try handle.seekToEnd()
        try handle.write(contentsOf: whole.prefix(whole.count / 2))
        try handle.close()

        let torn = try store.read(dana)
        #expect(torn.records.count == 2)
        #expect(torn.issues.count == 1)
        #expect(torn.issues.first?.kind == .tornLastLine)
        #expect(torn.issues.first?.line == 3)
        #expect(torn.issues.first?.description.hasPrefix(store.fileURL(for: dana).path + ":3:") == true)

        try store.append(.turn(Self.turn(attempt: attempt, number: 3)), for: dana)
        let after = try store.read(dana)
        #expect(after.records.count == 3, "the new line did not merge with the torn fragment")
        #expect(after.issues.map(\.kind) == [.malformed])
        #expect(after.issues.first?.line == 3)
    }

    @Test("a malformed line in the middle is reported with file:line and skipped")
    func malformedLine() throws {
        let attempt = UUID()
        try store.append(.turn(Self.turn(attempt: attempt, number: 1)), for: dana)
        let handle = try FileHandle(forWritingTo: store.fileURL(for: dana))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data("{\"type\": \"turn\", \"trainee\": 3}\nnot json at all\n".utf8))
        try handle.close()
        try store.append(.attempt(Self.attempt(attempt, outcome: .left)), for: dana)

        let contents = try store.read(dana)
        #expect(contents.records.count == 2)
        #expect(contents.issues.map(\.line) == [2, 3])
        #expect(contents.issues.allSatisfy { $0.kind == .malformed })
        #expect(contents.issues.first?.description.contains("\(store.fileURL(for: dana).path):2:") == true)
    }

    @Test("a missing file holds no records")
    func missingFile() throws {
        #expect(try store.read(dana) == ProgressFileContents())
    }

    @Test("a short write (full disk) throws, names the file, and leaves earlier lines byte for byte")
    func shortWrite() throws {
        try store.append(.turn(Self.turn(attempt: UUID(), number: 1)), for: dana)
        let before = try fileBytes()
        let full = ProgressStore(folder: folder, calls: FailingAppendCalls(failure: .shortWrite(40)))

        let error = try #require(throws: ProgressError.self) {
            try full.append(.turn(Self.turn(attempt: UUID(), number: 2)), for: dana)
        }
        #expect(try fileBytes() == before)
        #expect(error.description.contains(store.fileURL(for: dana).path))
        #expect(error.description.contains("ENOSPC"))
        #expect(error.description.contains("40 of"))
        #expect(try store.read(dana).issues.isEmpty)
    }

    @Test("a write error (EIO) or an fsync error throws and leaves the file as it was", arguments: [
        FailingAppendCalls.Failure.writeError(EIO), .syncError(EIO), .writeError(ENOSPC),
    ])
    func writeErrors(failure: FailingAppendCalls.Failure) throws {
        try store.append(.turn(Self.turn(attempt: UUID(), number: 1)), for: dana)
        let before = try fileBytes()
        let broken = ProgressStore(folder: folder, calls: FailingAppendCalls(failure: failure))
        let error = try #require(throws: ProgressError.self) {
            try broken.append(.turn(Self.turn(attempt: UUID(), number: 2)), for: dana)
        }
        #expect(try fileBytes() == before)
        #expect(error.description.contains(store.fileURL(for: dana).path))
        try store.append(.turn(Self.turn(attempt: UUID(), number: 2)), for: dana)
        #expect(try store.read(dana).records.count == 2, "the store works again once the disk does")
    }

    @Test("the real /dev/full reports ENOSPC as a clear error", .enabled(if: FileManager.default.fileExists(atPath: "/dev/full")))
    func devFull() throws {
        let file = AppendOnlyFile(url: URL(fileURLWithPath: "/dev/full"), calls: SystemAppendCalls())
        let error = try #require(throws: ProgressError.self) {
            try file.append(line: Data("{}\n".utf8))
        }
        guard case .writeFailed(let path, let code, _, _) = error else {
            Issue.record("expected a write failure, got \(error)")
            return
        }
        #expect(path == "/dev/full")
        #expect(code == ENOSPC)
        #expect(error.description.contains("No space left on device (ENOSPC)"))
    }

    @Test("a progress folder that cannot be created is reported with its path")
    func folderCannotBeCreated() throws {
        let blocker = folder.appendingPathComponent("not-a-folder")
        try Data("x".utf8).write(to: blocker)
        let store = ProgressStore(folder: blocker.appendingPathComponent("progress"))
        let error = try #require(throws: ProgressError.self) {
            try store.append(.turn(Self.turn(attempt: UUID(), number: 1)), for: dana)
        }
        #expect(error.description.contains(blocker.path))
        #expect(throws: ProgressError.self, "checked before practice starts too") { try store.prepareFolder() }
    }

    @Test("preparing the folder creates it")
    func prepareFolder() throws {
        let nested = ProgressStore(folder: folder.appendingPathComponent("a/b/progress"))
        try nested.prepareFolder()
        var isFolder: ObjCBool = false
        #expect(FileManager.default.fileExists(atPath: nested.folder.path, isDirectory: &isFolder) && isFolder.boolValue)
    }

    @Test("appends from many threads at once all land as whole lines")
    func concurrentAppends() async throws {
        let store = self.store, dana = self.dana
        await withTaskGroup(of: Void.self) { group in
            for worker in 0..<4 {
                group.addTask {
                    for number in 1...50 {
                        try? store.append(.turn(Self.turn(attempt: UUID(), number: number, reply: "worker \(worker)")), for: dana)
                    }
                }
            }
        }
        let contents = try store.read(dana)
        #expect(contents.records.count == 200)
        #expect(contents.issues.isEmpty)
    }

    // MARK: - Which attempt --resume continues

    @Test("no file, or a latest attempt that reached an ending: nothing to resume")
    func nothingToResume() throws {
        #expect(try store.resumableAttempt(for: dana, scenarioID: "he-waiting-app-senior") == nil)
        let attempt = UUID()
        try store.append(.turn(Self.turn(attempt: attempt, number: 1)), for: dana)
        try store.append(.attempt(Self.attempt(attempt, outcome: .resolved)), for: dana)
        #expect(try store.resumableAttempt(for: dana, scenarioID: "he-waiting-app-senior") == nil)
    }

    @Test("the latest attempt without an attempt record is resumable, with its turns in order")
    func interruptedAttempt() throws {
        let old = UUID(), latest = UUID()
        try store.append(.turn(Self.turn(attempt: old, number: 1)), for: dana)
        try store.append(.turn(Self.turn(attempt: latest, number: 1)), for: dana)
        try store.append(.turn(Self.turn(attempt: latest, number: 2)), for: dana)
        try store.append(.turn(Self.turn(attempt: UUID(), number: 1, scenario: "another-scenario")), for: dana)

        let resumable = try #require(try store.resumableAttempt(for: dana, scenarioID: "he-waiting-app-senior"))
        #expect(resumable.attemptID == latest)
        #expect(resumable.turns.map(\.turnNumber) == [1, 2])
        #expect(resumable.startedAt == Date(timeIntervalSince1970: 1_700_000_000))
    }

    @Test("an abandoned attempt is resumable; once it ends, it is not")
    func abandonedAttempt() throws {
        let attempt = UUID()
        try store.append(.turn(Self.turn(attempt: attempt, number: 1)), for: dana)
        try store.append(.attempt(Self.attempt(attempt, outcome: .abandoned)), for: dana)
        #expect(try store.resumableAttempt(for: dana, scenarioID: "he-waiting-app-senior")?.attemptID == attempt)
        try store.append(.turn(Self.turn(attempt: attempt, number: 2)), for: dana)
        try store.append(.attempt(Self.attempt(attempt, outcome: .escalated)), for: dana)
        #expect(try store.resumableAttempt(for: dana, scenarioID: "he-waiting-app-senior") == nil)
    }

    @Test("--resume without a scenario continues the scenario practised last, if it can be continued")
    func lastResumableScenario() throws {
        #expect(try store.lastResumableScenarioID(for: dana) == nil)
        let first = UUID(), second = UUID()
        try store.append(.turn(Self.turn(attempt: first, number: 1, scenario: "first-scenario")), for: dana)
        try store.append(.turn(Self.turn(attempt: second, number: 1, scenario: "second-scenario")), for: dana)
        #expect(try store.lastResumableScenarioID(for: dana) == "second-scenario")
        try store.append(.attempt(Self.attempt(second, outcome: .resolved, scenario: "second-scenario")), for: dana)
        #expect(try store.lastResumableScenarioID(for: dana) == nil, "the last thing practised ended")
    }

    @Test("an attempt abandoned before any reply is not resumable")
    func abandonedWithoutTurns() throws {
        try store.append(.attempt(Self.attempt(UUID(), outcome: .abandoned)), for: dana)
        #expect(try store.resumableAttempt(for: dana, scenarioID: "he-waiting-app-senior") == nil)
    }
}

extension TurnRecord {
    func jsonLineForTest() throws -> Data { try ProgressRecord.turn(self).jsonLine() }
}

extension FailingAppendCalls.Failure: CustomTestStringConvertible {
    var testDescription: String {
        switch self {
        case .shortWrite(let count): "short write of \(count) bytes"
        case .writeError(let code): "write fails with errno \(code)"
        case .syncError(let code): "fsync fails with errno \(code)"
        }
    }
}
