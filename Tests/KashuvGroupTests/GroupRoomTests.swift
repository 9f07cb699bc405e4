import Foundation
import KashuvCore
import NIOCore
import NIOPosix
import Testing
@testable import KashuvGroup

/// A scorer that knows a few replies by heart: levels (listening, ownership, framing) and flags.
private struct KnownRepliesScorer: ReplyScoring {
    static let known: [String: (levels: [Int], flags: [Flag])] = [
        "אני מבינה שחיכית": ([2, 1, 1], []),
        "שומעת אותך, זה מתסכל": ([2, 2, 1], []),
        "תיכנס לאפליקציה": ([0, 0, 0], [.redirect]),
        "מחר בטוח": ([1, 0, 0], [.overPromise]),
        "אני קובעת לך עכשיו": ([1, 2, 2], []),
        "סליחה על העיכוב": ([1, 1, 1], []),
    ]

    func score(_ reply: String, context: ScoringContext) -> ScoreResult {
        let (levels, flags) = Self.known[reply] ?? ([0, 0, 0], [])
        return ScoreResult(
            language: .hebrew, levels: Levels(listening: levels[0], ownership: levels[1], framing: levels[2]),
            rated: context.rated, flags: flags, evidence: [], advice: [])
    }
}

@Suite("The room: rounds in lockstep, the advance rule, spotlight, late join")
struct GroupRoomTests {
    let room: GroupRoom
    let folder: URL

    init() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/he-waiting-app-senior.yaml")
        let scenario = try Scenario.load(from: fixture)
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-room-\(UUID().uuidString)")
        room = try GroupRoom(sessionID: "test-session", title: "t", scenarios: [scenario],
                             store: ProgressStore(folder: folder), scorer: KnownRepliesScorer(), limits: GroupLimits())
    }

    func seat(_ name: String) throws -> TraineeSeat { try #require(room.seat(try TraineeName(name))) }

    @Test("the group goes where most replies lead; a split vote goes to the better-scored branch")
    func majority() throws {
        let (noa, dana, yossi) = (try seat("נועה"), try seat("דנה"), try seat("יוסי"))
        #expect(room.phase == .lobby)
        #expect(room.next() == nil && room.phase == .roundOpen && room.openRound == 1)
        _ = try room.answer("אני מבינה שחיכית", from: noa)
        _ = try room.answer("שומעת אותך, זה מתסכל", from: dana)
        _ = try room.answer("תיכנס לאפליקציה", from: yossi)
        #expect(throws: GroupError.alreadyAnswered) { try room.answer("אני מבינה שחיכית", from: noa) }
        #expect(room.currentRound?.branches.first?.destination == "feels-heard")
        room.next()
        #expect(room.state.currentTurnID == "feels-heard" && room.state.mood == 4 && room.openRound == 2)
        #expect(room.rounds[0].advanced?.rule == "majority")

        // A split vote: one reply each way; the branch whose replies scored higher wins.
        _ = try room.answer("מחר בטוח", from: noa)
        _ = try room.answer("אני קובעת לך עכשיו", from: dana)
        #expect(room.currentRound?.branches.first?.destination == "booked")
        #expect(room.currentRound?.best?.trainee == "דנה" && room.currentRound?.weakest?.trainee == "נועה")
        #expect(room.currentRound?.commonTrap?.trainee == "נועה")

        // Every reply is in its author's file with the session, nothing more.
        let records = try ProgressStore(folder: folder).read(try TraineeName("נועה")).records
        #expect(records.count == 2)
    }

    @Test("a chosen reply's branch; the spotlight reaches every screen without a name; a late joiner starts at the open round")
    func chosenSpotlightLateJoin() throws {
        let (noa, dana) = (try seat("נועה"), try seat("דנה"))
        room.next()
        _ = try room.answer("אני מבינה שחיכית", from: noa)
        _ = try room.answer("תיכנס לאפליקציה", from: dana)
        let redirect = try #require(room.currentRound?.answers.last)
        room.spotlight(redirect)
        guard case .spotlight(let shown) = noa.log.last else {
            Issue.record("no spotlight on Noa's screen")
            return
        }
        #expect(shown.reply.contains("תיכנס לאפליקציה"))
        room.next(following: redirect)
        #expect(room.state.currentTurnID == "not-again" && room.rounds[0].advanced?.rule == "chosen")

        let late = try seat("רון")
        #expect(late.log.count == 3, "two customer lines and the spotlight, and nobody's own reply")
        #expect(!late.log.contains { if case .ownReply = $0 { true } else { false } })
        #expect(throws: Never.self) { _ = try room.answer("סליחה על העיכוב", from: late) }
        #expect(try seat("נועה") === noa, "the same name gets the same seat back")
    }

    @Test("replies through the pipeline (scoring and saving threads): each trainee's turn is in their file before their callback, all of a burst land")
    func pipeline() throws {
        let group = MultiThreadedEventLoopGroup(numberOfThreads: 1)
        defer { try? group.syncShutdownGracefully() }
        let loop = group.next()
        let pipeline = ReplyPipeline(loop: loop)
        defer { pipeline.shutdown() }
        let names = (1...40).map { "חניך \($0)" }
        let store = ProgressStore(folder: folder)
        let seen = try loop.submit { () -> EventLoopFuture<[Int]> in
            room.pipeline = pipeline
            let seats = names.compactMap { try? room.seat(TraineeName($0)) }
            room.next()
            var counts: [EventLoopFuture<Int>] = []
            for seat in seats {
                let promise = loop.makePromise(of: Int.self)
                room.answer("אני מבינה שחיכית", from: seat) { result in
                    // What is on storage when the trainee's feedback would be drawn.
                    let saved = (try? store.read(seat.name).records.count) ?? -1
                    if case .success = result { promise.succeed(saved) } else { promise.succeed(-1) }
                }
                counts.append(promise.futureResult)
            }
            return EventLoopFuture.whenAllSucceed(counts, on: loop)
        }.wait().wait()
        #expect(seen == Array(repeating: 1, count: names.count))
        let answers = try loop.submit { room.currentRound?.answers.count ?? 0 }.wait()
        #expect(answers == names.count)
    }

    @Test("after a crash the room comes back from its room file and the progress files: same round, answers, spotlight, screens; attempts continue")
    func restoreAfterCrash() throws {
        let file = RoomFile(folder: folder)
        room.roomFile = file
        room.name = "he-waiting-app-senior"
        let (noa, dana, yossi) = (try seat("נועה"), try seat("דנה"), try seat("יוסי"))
        room.next()
        _ = try room.answer("אני מבינה שחיכית", from: noa)
        _ = try room.answer("שומעת אותך, זה מתסכל", from: dana)
        _ = try room.answer("תיכנס לאפליקציה", from: yossi)
        room.spotlight(try #require(room.currentRound?.best))
        room.next()
        _ = try room.answer("אני קובעת לך עכשיו", from: noa)
        // The process dies here: nothing but the files is left.

        let saved = try #require(try file.read())
        let now = room.snapshot
        #expect(saved.state == now.state && saved.events == now.events && saved.trainees == now.trainees
                && saved.rounds.map(\.next) == now.rounds.map(\.next) && saved.phase == "roundOpen", "the room file holds the latest position")
        let restored = try GroupRoom(restoring: saved, scenarios: room.scenarios, store: ProgressStore(folder: folder),
                                     scorer: KnownRepliesScorer(), limits: GroupLimits())
        #expect(restored.sessionID == room.sessionID && restored.phase == .roundOpen && restored.openRound == 2)
        #expect(restored.state == room.state)
        #expect(restored.rounds.map(\.answers.count) == [3, 1])
        #expect(restored.rounds[0].advanced?.next == "feels-heard" && restored.rounds[0].advanced?.rule == "majority")
        #expect(restored.rounds[1].answers.first?.trainee == "נועה")
        #expect(restored.joinOrder == room.joinOrder && restored.seats.values.allSatisfy { !$0.isConnected })

        // Noa already answered round 2; Dana has not, and continues the same attempt.
        let noaAgain = try #require(restored.seat(try TraineeName("נועה")))
        #expect(throws: GroupError.alreadyAnswered) { try restored.answer("סליחה על העיכוב", from: noaAgain) }
        #expect(noaAgain.log.count == noa.log.count, "the same screen: two lines, her replies, the spotlight")
        guard case .spotlight(let shown) = noaAgain.log[2] else {
            Issue.record("the spotlight is back on the screen: \(noaAgain.log)")
            return
        }
        #expect(shown.reply == "שומעת אותך, זה מתסכל")
        let danaAgain = try #require(restored.seat(try TraineeName("דנה")))
        _ = try restored.answer("אני קובעת לך עכשיו", from: danaAgain)
        let turns = try ProgressStore(folder: folder).read(try TraineeName("דנה")).records.compactMap { record -> TurnRecord? in
            if case .turn(let turn) = record { turn } else { nil }
        }
        #expect(turns.map(\.turnNumber) == [1, 2] && Set(turns.map(\.attemptID)).count == 1, "one attempt, numbered on")
        #expect(restored.rounds[1].answers.count == 2)
    }

    @Test("the room file is written whole: a leftover temporary file or a later position never leaves half a file")
    func roomFileIsAtomic() throws {
        let file = RoomFile(folder: folder)
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        try Data("{\"half".utf8).write(to: folder.appendingPathComponent(".group-room.json.new"))
        room.name = "x"
        try file.write(room.snapshot)
        _ = try seat("נועה")
        try file.write(room.snapshot)
        #expect(try file.read()?.trainees == ["נועה"])
        file.remove()
        #expect(try file.read() == nil)
    }
}
