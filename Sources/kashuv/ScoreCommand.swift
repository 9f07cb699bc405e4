import ArgumentParser
import Foundation
import KashuvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kashuv score`: score replies as JSON Lines (for scripts) or one reply for people.
struct ScoreCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "score",
        abstract: "Score trainee replies: levels, flags, evidence and advice.",
        discussion: """
            With --input FILE (or - for standard input): JSON Lines in, JSON Lines out, one output \
            line per input line. Each input object has "reply" and optionally "id", "customer", \
            "lang" (he/en) and "scenario" (an id). A malformed line gives {"line": N, "error": …}.

            With --reply: score one reply and show the evidence highlighted in it.
            """
    )

    @Option(name: .long, help: "A JSON Lines file of replies, or - for standard input.")
    var input: String?

    @Option(name: .long, help: "One reply to score.")
    var reply: String?

    @Option(name: .long, help: "What the customer said (for --reply).")
    var customer: String?

    @Option(name: .long, help: "The reply's language, he or en (detected when missing).")
    var lang: String?

    @Option(name: .long, help: "A scenario id: its facts and 'cannot offer' list are used.")
    var scenario: String?

    @Option(name: .long, help: "An extra cue file or folder (repeatable), e.g. company jargon.")
    var cues: [String] = []

    func validate() throws {
        if (input == nil) == (reply == nil) {
            throw ValidationError("give either --input FILE|- or --reply \"…\"")
        }
        if let lang, Language(rawValue: lang) == nil { throw ValidationError("--lang must be he or en") }
    }

    func run() throws {
        let scorer = try PracticeScorer.load(profile: try PracticeScorer.profile(),
                                             extraFiles: cues.map { URL(fileURLWithPath: $0) })
        let scenarios = ScenarioLookup()
        if let input {
            try scoreLines(input: input, scorer: scorer, scenarios: scenarios)
        } else if let reply {
            do { try ReplyLength.check(reply) } catch { throw ValidationErrorText("--reply: \(error)") }
            var context = ScoringContext(customerLine: customer, language: lang.flatMap(Language.init(rawValue:)))
            if let scenario {
                guard let found = scenarios.scenario(scenario) else {
                    throw ValidationError("no scenario with id \(scenario) in \(scenarios.folder.path)")
                }
                context.adopt(found)
            }
            let result = scorer.score(reply, context: context)
            print(ScoreRendering.human(reply: reply, result: result, styled: ScoreRendering.stdoutIsStyled), terminator: "")
        }
    }

    /// Streams the file (or standard input) through the scorer: each batch of lines is
    /// written as soon as it is scored, so memory stays flat whatever the input's size.
    private func scoreLines(input: String, scorer: ReplyScorer, scenarios: ScenarioLookup) throws {
        let fd: Int32
        if input == "-" {
            fd = 0
        } else {
            fd = open(input, O_RDONLY | O_CLOEXEC)
            guard fd >= 0 else {
                throw ValidationError("cannot read \(input): \(String(cString: strerror(errno)))")
            }
        }
        defer { if fd != 0 { close(fd) } }
        let lookup = scenarios
        let stream = ScoreLineStream(lines: ScoreLines(scorer: scorer, scenario: { lookup.scenario($0) }))
        try stream.run(
            read: { buffer in
                while true {
                    let count = systemRead(fd, buffer.baseAddress, buffer.count)
                    if count >= 0 { return count }
                    if errno != EINTR { throw ValidationError("cannot read \(input): \(String(cString: strerror(errno)))") }
                }
            },
            write: { bytes in
                try bytes.withUnsafeBytes { buffer in
                    var offset = 0
                    while offset < buffer.count {
                        let written = systemWrite(1, buffer.baseAddress! + offset, buffer.count - offset)
                        if written < 0 {
                            if errno == EINTR { continue }
                            throw ValidationError("cannot write the output: \(String(cString: strerror(errno)))")
                        }
                        offset += written
                    }
                }
            })
    }
}

/// Scenarios by id, loaded on first use from the library's `Scenarios/` folder.
final class ScenarioLookup: @unchecked Sendable {
    let folder = LibraryLocation.scenariosFolder()
    private let lock = NSLock()
    private var library: ScenarioLibrary?
    private var failed = false

    func scenario(_ id: String) -> Scenario? {
        lock.lock()
        defer { lock.unlock() }
        if library == nil && !failed {
            library = try? ScenarioLibrary(folder: folder)
            failed = library == nil
        }
        return library?.scenario(id)
    }
}

#if canImport(Glibc)
private let systemRead = Glibc.read
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemRead = Darwin.read
private let systemWrite = Darwin.write
#endif
