import Foundation
import Testing
@testable import KashuvCore

@Suite("Report: reading and adding up progress files")
struct ReportBuilderTests {
    let fixture: ReportFixture
    init() throws { fixture = try ReportFixture() }

    @Test("the fast line reader reads what the record writer wrote")
    func readerAgreesWithWriter() throws {
        let attempt = UUID()
        let record = ReportFixture.turn(
            "Dana \"D\" \\ Cohen\u{2028}", attempt: attempt, number: 2, minutes: 1, levels: (2, 0, 1), rated: [.listening, .framing],
            flags: [.blame, .overPromise], reply: "זה \"מתסכל\"\n, סליחה ✓")
        let line = try record.jsonLine().dropLast()
        try line.withUnsafeBytes { raw in
            var scanner = JSONLineScanner(raw.bindMemory(to: UInt8.self))
            let parsed = try ReportLine.parse(&scanner)
            guard case .turn(let turn) = record else { Issue.record("not a turn"); return }
            #expect(parsed.kind == .turn)
            #expect(try scanner.decode(parsed.trainee) == turn.trainee)
            #expect(try scanner.decode(parsed.reply) == turn.reply)
            #expect(parsed.attemptID == RecordKey(attempt))
            #expect(parsed.recordID.uuid == turn.recordID)
            #expect(parsed.level(.listening) == 2 && parsed.level(.ownership) == nil && parsed.level(.framing) == 1)
            let expectedFlags: UInt8 = 1 << 0 | 1 << 6
            #expect(parsed.flags == expectedFlags, "blame is bit 0, over_promise bit 6 (Flag.allCases order)")
            #expect(parsed.time == Int64((turn.timestamp.timeIntervalSince1970 * 1000).rounded()))
            #expect(parsed.turnNumber == 2)
        }
        #expect(Flag.allCases.map(\.rawValue) == ["blame", "redirect", "policy_wall", "dismissive", "jargon", "robotic", "over_promise"])
    }

    @Test("per trainee: attempts, turns, outcomes (the last attempt line wins), averages over rated turns only")
    func traineeFigures() throws {
        let first = UUID(), second = UUID(), third = UUID()
        try fixture.write([
            ReportFixture.turn("דנה", attempt: first, number: 1, minutes: 0, levels: (0, 1, 2)),
            ReportFixture.turn("דנה", attempt: first, number: 2, minutes: 0, levels: (2, 1, 0), rated: [.ownership, .framing], flags: [.blame]),
            ReportFixture.ended("דנה", attempt: first, outcome: .abandoned, minutes: 2),
            ReportFixture.turn("דנה", attempt: first, number: 3, minutes: 0, levels: (2, 2, 2)),
            ReportFixture.ended("דנה", attempt: first, outcome: .resolved, minutes: 3, started: 0),
            ReportFixture.turn("דנה", attempt: second, number: 1, minutes: 10, levels: (1, 0, 1), flags: [.blame, .redirect]),
            ReportFixture.ended("דנה", attempt: second, outcome: .escalated, minutes: 11),
            ReportFixture.turn("דנה", attempt: third, number: 1, minutes: 20, levels: (2, 2, 2)),
        ], to: "דנה.jsonl")
        let report = fixture.report()
        #expect(report.skipped.isEmpty)
        let dana = try #require(report.trainee("דנה"))
        #expect(dana.attempts == 3)
        #expect(dana.turns == 5)
        #expect(dana.outcomes.resolved == 1)
        #expect(dana.outcomes.escalated == 1)
        #expect(dana.outcomes.abandoned == 0, "the abandoned line was followed by the attempt's final one")
        #expect(dana.outcomes.unfinished == 1)
        // listening is rated in 4 turns: 0, 2, 1, 2 (the second turn does not rate it).
        #expect(dana.level(.listening).mean == 1.25 && dana.level(.listening).ratedTurns == 4)
        #expect(dana.level(.ownership).mean == 6.0 / 5.0)
        #expect(dana.flags == [.blame: 2, .redirect: 1])
        #expect(dana.mostFrequentTrap == .blame)
        #expect(dana.scenarios.count == 1 && dana.scenarios[0].attempts == 3)
        #expect(dana.scenarios[0].first.attemptID == first && dana.scenarios[0].latest.attemptID == third)
        #expect(dana.scenarios[0].best.attemptID == third, "full marks, and later than the first attempt's tie")
        #expect(dana.level(.listening).trend.count == 3)
        #expect(dana.bestReply?.flags == [] && dana.bestReply?.levels[.listening] == 2)
        #expect(dana.replyToDiscuss?.flags == [.blame, .redirect], "the reply with the most flags")
        #expect(report.team.trainees == 1 && report.team.attempts == 3 && report.team.turns == 5)
    }

    @Test("merging: a folder copied twice, a file in two folders, and trainees spread over folders count each record once")
    func merging() throws {
        let a = UUID(), b = UUID()
        let dana1 = ReportFixture.turn("Dana", attempt: a, number: 1, minutes: 0)
        let dana2 = ReportFixture.turn("Dana", attempt: a, number: 2, minutes: 0)
        let dana3 = ReportFixture.turn("Dana", attempt: a, number: 3, minutes: 0)
        let end = ReportFixture.ended("Dana", attempt: a, outcome: .resolved, minutes: 4, started: 0)
        let yossi = ReportFixture.turn("יוסי", attempt: b, number: 1, minutes: 5)
        // Laptop 1 saw the first two turns; laptop 2 holds a later, longer copy of the same file.
        try fixture.write([dana1, dana2], to: "dana.jsonl", in: "laptop1")
        try fixture.write([dana1, dana2, dana3, end], to: "dana.jsonl", in: "laptop2")
        try fixture.write([yossi], to: "יוסי.jsonl", in: "laptop2")
        try fixture.write([dana1, dana2, dana3, end], to: "dana.jsonl", in: "laptop2-copy")
        try fixture.write([yossi], to: "יוסי.jsonl", in: "laptop2-copy")

        let report = fixture.report([fixture.path("laptop1"), fixture.path("laptop2"), fixture.path("laptop2-copy"), fixture.path("laptop2")])
        #expect(report.skipped.isEmpty)
        #expect(report.trainees.map(\.trainee) == ["Dana", "יוסי"])
        #expect(report.trainee("Dana")?.turns == 3)
        #expect(report.trainee("Dana")?.attempts == 1)
        #expect(report.trainee("Dana")?.outcomes.resolved == 1)
        #expect(report.trainee("יוסי")?.turns == 1)
        #expect(report.team.turns == 4)
    }

    @Test("Dana and dana are one trainee; the latest spelling names them")
    func nameCase() throws {
        try fixture.write([ReportFixture.turn("dana", attempt: UUID(), number: 1, minutes: 0)], to: "dana.jsonl")
        try fixture.write([ReportFixture.turn("Dana", attempt: UUID(), number: 1, minutes: 9)], to: "dana-2.jsonl")
        let report = fixture.report()
        #expect(report.trainees.map(\.trainee) == ["Dana"])
        #expect(report.trainees.first?.attempts == 2)
    }

    @Test("filters: trainee (any case), scenario, category, and dates that take whole attempts")
    func filters() throws {
        let early = UUID(), late = UUID(), english = UUID()
        try fixture.write([
            ReportFixture.turn("Dana", attempt: early, number: 1, minutes: 0),
            // A turn scored after midnight of an attempt started the day before stays with its attempt.
            ReportFixture.turn("Dana", attempt: early, number: 2, minutes: 1500, started: 0),
            ReportFixture.turn("Dana", attempt: late, number: 1, minutes: 3000, scenario: "he-price-cellular-promo-fraier"),
        ], to: "dana.jsonl")
        try fixture.write([
            ReportFixture.turn("Maya", attempt: english, number: 1, minutes: 3000, scenario: "en-price-billing-error", language: .english),
        ], to: "maya.jsonl")

        #expect(fixture.report(filter: try ReportFilter(trainees: ["DANA"])).trainees.map(\.trainee) == ["Dana"])
        let byScenario = fixture.report(filter: try ReportFilter(scenarios: ["he-waiting-app-senior"]))
        #expect(byScenario.trainees.map(\.trainee) == ["Dana"] && byScenario.trainees[0].turns == 2)
        let byCategory = fixture.report(filter: try ReportFilter(categories: [.price]))
        #expect(byCategory.trainees.map(\.turns) == [1, 1])
        let firstDay = fixture.report(filter: try ReportFilter(until: "2026-11-23"))
        #expect(firstDay.trainees.map(\.turns) == [2], "the early attempt, both its turns")
        let later = fixture.report(filter: try ReportFilter(since: "2026-11-24"))
        #expect(later.trainees.map(\.trainee) == ["Dana", "Maya"] && later.team.turns == 2)
        #expect(fixture.report(filter: try ReportFilter(trainees: ["nobody"])).trainees.isEmpty)
        #expect(throws: ReportFilterError.self) { try ReportFilter(since: "23/11/2026") }
    }

    @Test("a torn last line is a warning only; bad lines elsewhere are skipped and named with file and line")
    func badInput() throws {
        let attempt = UUID()
        let good = ReportFixture.turn("Dana", attempt: attempt, number: 1, minutes: 0)
        let torn = try ReportFixture.turn("Dana", attempt: attempt, number: 2, minutes: 0).jsonLine().prefix(90)
        try fixture.write([good], to: "dana.jsonl", extra: torn)
        var newer = String(decoding: try ReportFixture.turn("Yossi", attempt: UUID(), number: 1, minutes: 1).jsonLine(), as: UTF8.self)
        newer = newer.replacingOccurrences(of: "\"schema_version\":1", with: "\"schema_version\":2")
        // A record saved in a legacy Hebrew code page (ISO-8859-8) instead of UTF-8.
        let latin1Text = String(decoding: try ReportFixture.turn("Yossi", attempt: UUID(), number: 1, minutes: 1).jsonLine(), as: UTF8.self)
        let pieces = latin1Text.components(separatedBy: "\"Yossi\"")
        let latin1 = Data(pieces[0].utf8) + Data([0x22, 0xE3, 0xF0, 0xE4, 0x22]) + Data(pieces[1].utf8)
        try fixture.write([ReportFixture.turn("Yossi", attempt: UUID(), number: 1, minutes: 1)], to: "yossi.jsonl",
                          extra: Data("not json at all\n".utf8) + Data(newer.utf8) + latin1
                              + (try ReportFixture.turn("Yossi", attempt: UUID(), number: 1, minutes: 2).jsonLine()))
        try fixture.write([], to: "empty.jsonl")
        try FileManager.default.createDirectory(at: fixture.folder.appendingPathComponent("nothing-here"), withIntermediateDirectories: true)

        let report = fixture.report([fixture.path(), fixture.path("nothing-here"), fixture.path("no-such-folder")])
        #expect(report.trainee("Dana")?.turns == 1)
        #expect(report.trainee("Yossi")?.turns == 2)
        let byKind = Dictionary(grouping: report.skipped, by: \.kind)
        let tornIssue = try #require(byKind[.tornLastLine]?.first)
        #expect(tornIssue.path.hasSuffix("dana.jsonl") && tornIssue.line == 2)
        #expect(byKind[.malformed]?.map(\.line) == [2, 4])
        #expect(byKind[.malformed]?.last?.detail.contains("UTF-8") == true)
        #expect(byKind[.newerVersion]?.first?.line == 3)
        #expect(byKind[.emptyFile]?.first?.path.hasSuffix("empty.jsonl") == true)
        #expect(byKind[.noProgressFiles]?.first?.path.hasSuffix("nothing-here") == true)
        #expect(byKind[.unreadable]?.first?.path.hasSuffix("no-such-folder") == true)
        #expect(tornIssue.description.contains("dana.jsonl:2: warning: "))
    }

    @Test("a line longer than the read buffer is read whole")
    func longLine() throws {
        let reply = String(repeating: "אני מבין ", count: 250_000)  // ~4.5 MB
        try fixture.write([ReportFixture.turn("Dana", attempt: UUID(), number: 1, minutes: 0, reply: reply)], to: "dana.jsonl")
        let report = fixture.report()
        #expect(report.skipped.isEmpty)
        #expect(report.trainee("Dana")?.bestReply?.reply == reply)
    }

    @Test("what to practise next: the largest shortfall against the profile's thresholds, with a scenario that practises it")
    func practiseNext() throws {
        // listening 1.0 (threshold 1.5: short 0.5), ownership 0.5 (1.2: short 0.7), framing 2 (passes).
        try fixture.write([
            ReportFixture.turn("Dana", attempt: UUID(), number: 1, minutes: 0, levels: (1, 0, 2)),
            ReportFixture.turn("Dana", attempt: UUID(), number: 1, minutes: 10, levels: (1, 1, 2)),
        ], to: "dana.jsonl")
        let dana = try #require(fixture.report().trainee("Dana"))
        let next = try #require(dana.practiseNext)
        #expect(next.dimension == .ownership)
        #expect(next.threshold == 1.2)
        let scenario = try #require(ReportFixture.library.first { $0.id == next.scenarioID })
        #expect(scenario.category == .disappointment && scenario.language == .hebrew)
        #expect(dana.attention == [.belowThreshold(.listening), .belowThreshold(.ownership)])

        // A lenient profile: everything passes; the smallest margin is still named.
        var lenient = ReportFixture.profile
        lenient.passThresholds = [.listening: 0.5, .ownership: 0.5, .framing: 0.5]
        let relaxed = try #require(fixture.report(profile: lenient).trainee("Dana"))
        #expect(relaxed.attention.isEmpty)
        #expect(relaxed.practiseNext?.dimension == .ownership)
    }

    @Test("getting worse: the later half of the attempts averages lower than the earlier half")
    func gettingWorse() throws {
        var records: [ProgressRecord] = []
        for i in 0..<4 {
            let levels: (Int, Int, Int) = i < 2 ? (2, 2, 2) : (1, 2, 2)
            records.append(ReportFixture.turn("Dana", attempt: UUID(), number: 1, minutes: Double(i * 10), levels: levels))
        }
        try fixture.write(records, to: "dana.jsonl")
        let dana = try #require(fixture.report().trainee("Dana"))
        #expect(dana.level(.listening).change == -1)
        #expect(dana.level(.listening).isGettingWorse)
        #expect(!dana.level(.ownership).isGettingWorse)
        #expect(dana.attention.contains(.gettingWorse(.listening)))
        #expect(dana.level(.listening).trend == [2, 2, 1, 1])
    }

    @Test("one thread or several: the same report")
    func parallelSameAsSerial() throws {
        for t in 0..<12 {
            var records: [ProgressRecord] = []
            for i in 0..<5 {
                let levels: (Int, Int, Int) = (i % 3, (i + t) % 3, t % 3)
                let flags: [Flag] = i % 2 == 0 ? [.jargon] : []
                records.append(ReportFixture.turn("T\(t)", attempt: UUID(), number: 1, minutes: Double(i), levels: levels, flags: flags, lineID: "line\(i % 3)"))
            }
            try fixture.write(records, to: "t\(t).jsonl")
        }
        #expect(fixture.report(parallelism: 1) == fixture.report(parallelism: 4))
    }

    @Test("customer lines that draw the most flags, and the hardest scenarios, for the team")
    func teamViews() throws {
        try fixture.write([
            ReportFixture.turn("A", attempt: UUID(), number: 1, minutes: 0, levels: (0, 0, 0), flags: [.blame, .redirect], lineID: "opening"),
            ReportFixture.turn("A", attempt: UUID(), number: 1, minutes: 1, scenario: "en-price-billing-error", levels: (2, 2, 2),
                               lineID: "opening", language: .english),
        ], to: "a.jsonl")
        try fixture.write([
            ReportFixture.turn("B", attempt: UUID(), number: 1, minutes: 0, levels: (1, 0, 0), flags: [.blame], lineID: "opening"),
        ], to: "b.jsonl")
        let team = fixture.report().team
        #expect(team.flaggedLines.first?.scenarioID == "he-waiting-app-senior")
        #expect(team.flaggedLines.first?.flags == 3 && team.flaggedLines.first?.topFlag == .blame && team.flaggedLines.first?.turns == 2)
        #expect(team.scenarios.map(\.scenarioID) == ["he-waiting-app-senior", "en-price-billing-error"])
        #expect(team.scenarios.first?.trainees == 2)
        #expect(team.flags == [.blame: 2, .redirect: 1])
    }
}
