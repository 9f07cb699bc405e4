import Foundation
@testable import KashuvCore
import Testing
@testable import KashuvTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Plain line mode in-process, with a scorer whose levels the test chooses (the replies spell
/// them out), so every kind of line can be checked exactly.
@Suite("Plain practice lines")
struct PlainPracticeTests {
    /// A stand-in scorer: `"L2 O1 F0 +redirect words"` scores listening 2, ownership 1,
    /// framing 0 and raises redirect (the `+redirect` word is its evidence); levels above 0
    /// quote the other words.
    struct SpelledOutScorer: ReplyScoring {
        func score(_ reply: String, context: ScoringContext) -> ScoreResult {
            var levels = Levels(listening: 0, ownership: 0, framing: 0)
            var flags: [(flag: Flag, range: Range<Int>)] = []
            var quote: Range<Int>?
            var offset = 0
            for word in reply.split(separator: " ", omittingEmptySubsequences: false) {
                let range = offset..<(offset + word.unicodeScalars.count)
                offset = range.upperBound + 1
                if word.hasPrefix("+"), let flag = Flag(rawValue: String(word.dropFirst())) {
                    flags.append((flag, range))
                } else if word.count == 2, let level = Int(String(word.last!)), "LOF".contains(word.first!) {
                    switch word.first { case "L": levels.listening = level; case "O": levels.ownership = level; default: levels.framing = level }
                } else if !word.isEmpty {
                    quote = (quote?.lowerBound ?? range.lowerBound)..<range.upperBound
                }
            }
            let scalars = Array(reply.unicodeScalars)
            func text(_ range: Range<Int>) -> String { String(String.UnicodeScalarView(scalars[range])) }
            let evidence = Dimension.allCases.filter { levels[$0] > 0 }.compactMap { dimension in
                quote.map { Evidence(dimension: dimension, start: $0.lowerBound, end: $0.upperBound, text: text($0), rule: "test", effect: .plus) }
            } + flags.map { Evidence(flag: $0.flag, start: $0.range.lowerBound, end: $0.range.upperBound, text: text($0.range), rule: "test", effect: .minus) }
            return ScoreResult(language: context.language ?? .hebrew, levels: levels, rated: context.rated, flags: flags.map(\.flag),
                               evidence: evidence, advice: ["עצה ראשונה", "עצה שנייה"])
        }
    }

    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-plain-unit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func scenario() throws -> Scenario {
        try PlainFixtureScenario.scenario()
    }

    /// A disk that is always full.
    struct FullDisk: AppendSystemCalls {
        func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> { .failure(SystemCallError(code: ENOSPC)) }
        func fsync(_ fd: Int32) -> Result<Void, SystemCallError> { .success(()) }
    }

    /// Runs plain mode on the replies and returns what it printed and the session.
    func play(_ replies: [String], scenario: Scenario? = nil, calls: any AppendSystemCalls = SystemAppendCalls()) throws
        -> (output: String, session: PracticeSession)
    {
        let (output, session, _) = try playToResult(replies, scenario: scenario, calls: calls)
        return (output, session)
    }

    /// A disk that fills up after the first line written.
    final class FullAfterFirstLine: AppendSystemCalls, @unchecked Sendable {
        private let lock = NSLock()
        private var lines = 0
        func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> {
            let full = lock.withLock { defer { lines += 1 }; return lines >= 1 }
            return full ? .failure(SystemCallError(code: ENOSPC)) : SystemAppendCalls().write(fd, buffer)
        }
        func fsync(_ fd: Int32) -> Result<Void, SystemCallError> { SystemAppendCalls().fsync(fd) }
    }

    @Test("a disk that fills before the end of input: the lost closing line is reported, and the run says notSaved")
    func fullDiskAtEndOfInput() throws {
        let (output, session, result) = try playToResult(["L2 O1 F1 שמעתי"], calls: FullAfterFirstLine())
        #expect(result == .notSaved)
        #expect(session.turns.count == 1, "the first turn was saved")
        #expect(output.contains("לא הצלחתי לרשום שהניסיון הופסק: could not write to "), "\(output)")
        #expect(output.contains("No space left on device (ENOSPC)"))
        #expect(output.contains(" --resume\n"), "the saved turn can still be continued")
        let (_, _, clean) = try playToResult(["L2 O1 F1 שמעתי"])
        #expect(clean == .abandoned)
    }

    func playToResult(_ replies: [String], scenario: Scenario? = nil, calls: any AppendSystemCalls = SystemAppendCalls()) throws
        -> (output: String, session: PracticeSession, result: PlainPractice.Result)
    {
        let inputFile = folder.appendingPathComponent("input.txt")
        let outputFile = folder.appendingPathComponent("output.txt")
        try Data(replies.map { $0 + "\n" }.joined().utf8).write(to: inputFile)
        let input = open(inputFile.path, O_RDONLY)
        let output = open(outputFile.path, O_WRONLY | O_CREAT | O_TRUNC, 0o644)
        defer { close(input); close(output) }
        let session = PracticeSession.start(
            scenario: try scenario ?? self.scenario(), trainee: try TraineeName("בודק"),
            store: ProgressStore(folder: folder.appendingPathComponent("progress"), calls: calls), scorer: SpelledOutScorer())
        let practice = PlainPractice(session: session, input: PlainLineInput(fileDescriptor: input), output: PlainLineOutput(fileDescriptor: output))
        let result = practice.run(handlingSignals: false)
        return (try String(contentsOf: outputFile, encoding: .utf8), session, result)
    }

    @Test("each reply shows levels, not rated, flags, evidence, one line of advice and the mood change")
    func scoreLines() throws {
        let (output, session) = try play(["L2 O2 F1 שמעתי אותך", "L1 O1 F1 +over_promise מחר בבוקר", "L1 O1 F2 אני בודקת"])
        #expect(session.turns.map(\.turn.id) == ["opening", "feels-heard", "false-hope"])
        #expect(output.contains("> L2 O2 F1 שמעתי אותך\n  הקשבה פעילה: 2/2\n  אחריות: 2/2\n  מה כן אפשר: 1/2\n  דגלים: אין\n"))
        #expect(output.contains("    + \"שמעתי אותך\" (הקשבה פעילה, אחריות, מה כן אפשר)\n"), "one line per phrase, naming all it earned")
        #expect(output.contains("  דגלים: הבטחה שאי אפשר לקיים\n"))
        #expect(output.contains("    - \"+over_promise\" (הבטחה שאי אפשר לקיים)\n"), "what cost comes first")
        #expect(output.contains("    - \"+over_promise\" (הבטחה שאי אפשר לקיים)\n    + \"מחר בבוקר\" ("))
        #expect(output.contains("  מה כן אפשר: לא נבחן\n"), "false-hope does not rate framing")
        #expect(output.contains("  עצה: עצה ראשונה\n") && !output.contains("עצה שנייה"), "one line of advice")
        #expect(output.contains("  מצב רוח: 6 → 4\n"))
        #expect(!output.contains("\u{1B}"))
    }

    @Test("the ending and the debrief close the run")
    func endingAndDebrief() throws {
        let (output, session) = try play(["L2 O1 F1 שמעתי שחיכית 35 דקות", "L1 O2 F2 אני קובעת לך", "L1 O2 F2 שולחת הודעה"])
        #expect(session.ending?.id == "thanked")
        #expect(output.contains("=== השיחה הסתיימה: נפתר ===\n"))
        #expect(output.contains(try #require(session.scenario.ending("thanked")).debrief(session.address)))
        #expect(output.contains("=== סיכום ===\n"))
        #expect(output.contains("סבב 1 (opening): הקשבה פעילה 2/2 · אחריות 1/2 · מה כן אפשר 1/2 · דגלים: אין · מצב רוח 6 → 4\n"))
        #expect(output.contains("סבב 3 (booked): הקשבה פעילה לא נבחן"))
        #expect(output.contains("מה עבד:\n  - הקשבה פעילה (סבב 1): \"שמעתי שחיכית 35 דקות\"\n"))
        #expect(output.contains("הדבר האחד לתרגל: "))
        #expect(!output.contains("--resume"))
    }

    @Test("end of input before the ending records the attempt as abandoned and tells how to continue")
    func endOfInput() throws {
        let (output, session) = try play(["L2 O1 F1 שמעתי"])
        #expect(session.isAbandoned)
        #expect(output.contains(ShellCommand.program + " practice he-waiting-app-senior --trainee בודק --progress "))
        #expect(output.hasSuffix(" --resume\n"))
        let records = try session.store.read(session.trainee).records
        guard case .attempt(let attempt) = try #require(records.last) else {
            Issue.record("expected an attempt record")
            return
        }
        #expect(attempt.outcome == .abandoned)
    }

    @Test("a full disk: the error names the file, no score is shown, the turn is not counted")
    func fullDisk() throws {
        let (output, session) = try play(["L2 O1 F1 שמעתי", "L2 O1 F1 שוב"], calls: FullDisk())
        #expect(session.turns.isEmpty)
        #expect(output.contains("לא הצלחתי לשמור את הסבב: could not write to \(session.store.fileURL(for: session.trainee).path): No space left on device (ENOSPC)"))
        #expect(output.contains("הסבב לא נספר."))
        #expect(!output.contains("הקשבה פעילה: "), "a score is shown only once it is saved")
        #expect(!output.contains("מצב רוח: 6 → "))
    }

    @Test("an empty line is not a reply")
    func emptyLine() throws {
        let (output, session) = try play(["", "   ", "L2 O1 F1 שמעתי"])
        #expect(session.turns.count == 1)
        #expect(output.components(separatedBy: "(התשובה ריקה; כתבו תשובה ולחצו Enter)").count == 3)
    }

    @Test("an English scenario is labelled in English")
    func english() throws {
        var english = try scenario()
        english.language = .english
        let (output, _) = try play(["L2 O1 F1 I hear you"], scenario: english)
        #expect(output.contains("  Active listening: 2/2\n  Ownership: 1/2\n  What-we-can-do framing: 1/2\n  Flags: none\n"))
        #expect(output.contains("  Mood: 6 → 4\n"))
        #expect(output.contains("The attempt is saved as unfinished."))
    }

    @Test("Labels exist in both languages for every dimension, flag and outcome")
    func labelsComplete() {
        for labels in [Labels.hebrew, Labels.english] {
            #expect(Set(Dimension.allCases.map(labels.name(of:))).count == Dimension.allCases.count)
            #expect(Set(Flag.allCases.map(labels.name(of:))).count == Flag.allCases.count)
            #expect(Set(AttemptOutcome.allCases.map(labels.name(of:))).count == AttemptOutcome.allCases.count)
        }
        #expect(Labels.for(.hebrew).notRated == "לא נבחן")
        #expect(Labels.for(.english).notRated == "not rated")
    }
}
