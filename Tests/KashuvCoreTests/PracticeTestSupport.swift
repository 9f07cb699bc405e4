import Foundation
@testable import KashuvCore

/// Helpers shared by the progress and practice-session tests.
enum PracticeFixtures {
    /// The Hebrew scenario the session tests play (a frozen copy of the shipped one).
    static func seniorScenario() throws -> Scenario {
        try PracticeFixtureScenario.scenario()
    }

    /// A fresh, empty folder under the temporary directory.
    static func temporaryFolder() throws -> URL {
        let url = FileManager.default.temporaryDirectory
            .appendingPathComponent("kashuv-progress-tests-\(UUID().uuidString)", isDirectory: true)
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// A stand-in scorer for session logic: the reply spells out its levels and flags, e.g.
/// `"L2 O1 F0 +redirect אני מבין"` scores listening 2, ownership 1, framing 0, flag redirect.
/// Every level above 0 gets a `+` evidence quoting the whole reply. It remembers the
/// contexts it was asked about.
final class ScriptedScorer: ReplyScoring, @unchecked Sendable {
    private let lock = NSLock()
    private var _contexts: [ScoringContext] = []

    var contexts: [ScoringContext] { lock.withLock { _contexts } }

    func score(_ reply: String, context: ScoringContext) -> ScoreResult {
        lock.withLock { _contexts.append(context) }
        var levels = Levels(listening: 0, ownership: 0, framing: 0)
        var flags: [Flag] = []
        for word in reply.split(separator: " ") {
            if word.hasPrefix("+"), let flag = Flag(rawValue: String(word.dropFirst())) { flags.append(flag) }
            guard word.count == 2, let level = Int(String(word.last!)) else { continue }
            switch word.first {
            case "L": levels.listening = level
            case "O": levels.ownership = level
            case "F": levels.framing = level
            default: break
            }
        }
        let evidence = Dimension.allCases.filter { levels[$0] > 0 }.map { dimension in
            Evidence(dimension: dimension, start: 0, end: reply.unicodeScalars.count, text: reply,
                     rule: "\(dimension.rawValue).scripted", effect: .plus)
        }
        return ScoreResult(
            language: context.language ?? .hebrew, levels: levels, rated: context.rated, flags: flags.sorted(),
            evidence: evidence, advice: ["scripted advice"])
    }
}

/// System calls that fail the way a full or broken disk does.
struct FailingAppendCalls: AppendSystemCalls {
    enum Failure { case shortWrite(Int), writeError(Int32), syncError(Int32) }
    let failure: Failure

    func write(_ fd: Int32, _ buffer: UnsafeRawBufferPointer) -> Result<Int, SystemCallError> {
        switch failure {
        case .shortWrite(let count):
            // Really put part of the line in the file, as a full disk does.
            let partial = UnsafeRawBufferPointer(rebasing: buffer.prefix(count))
            return SystemAppendCalls().write(fd, partial)
        case .writeError(let code):
            return .failure(SystemCallError(code: code))
        case .syncError:
            return SystemAppendCalls().write(fd, buffer)
        }
    }

    func fsync(_ fd: Int32) -> Result<Void, SystemCallError> {
        if case .syncError(let code) = failure { return .failure(SystemCallError(code: code)) }
        return .success(())
    }
}
