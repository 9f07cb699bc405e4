import Foundation
import Testing
@testable import KashuvCore

/// Practice starts its scorer in the background: the scores are the scorer's own, and cue
/// files are parsed off the start only when the validator already knows them, as they are, good.
@Suite("Scorer loading in the background")
struct ScorerBackgroundLoadingTests {
    let folder: ValidatorTemporaryFolder
    let cache: ValidationCache

    init() throws {
        folder = try ValidatorTemporaryFolder()
        cache = try #require(ValidationCache(folder: folder.url.appendingPathComponent("cache")))
    }

    static let replies: [(String, String?)] = [
        ("אני מבינה כמה זה מתסכל, אני בודקת עכשיו ומתקשרת אלייך עד 14:00", "חיכיתי שעה על הקו!"),
        ("זה הנוהל, אין מה לעשות", nil),
        ("I'm sorry, I'll refund the charge today and email you the receipt.", "You billed me twice."),
        ("That's our policy.", "Why can't you just fix it?"),
    ]

    /// The default cue files copied into the temporary folder.
    func copiedCues() throws -> URL {
        let cues = folder.url.appendingPathComponent("cues")
        for name in try FileManager.default.contentsOfDirectory(atPath: ScorerFixture.cueFolder.path) {
            try folder.write(try Data(contentsOf: ScorerFixture.cueFolder.appendingPathComponent(name)), to: "cues/" + name)
        }
        return cues
    }

    func expectSameScores(as background: ReplyScorer) async {
        await withTaskGroup(of: Void.self) { group in
            for (reply, customer) in Self.replies {
                group.addTask {
                    let context = ScoringContext(customerLine: customer)
                    #expect(background.score(reply, context: context) == ScorerFixture.scorer.score(reply, context: context))
                }
            }
        }
    }

    @Test("files parsed at the start: replies score as with tables compiled at once, from several threads at once")
    func sameScoresParsedNow() async throws {
        let files = try CueFiles.default(folder: ScorerFixture.cueFolder)
        await expectSameScores(as: try ReplyScorer.loadingInBackground(files, cache: nil))
    }

    @Test("files known good, parsed in the background too: the same scores")
    func sameScoresKnownGood() async throws {
        let files = try CueFiles.default(folder: try copiedCues())
        files.recordVerdicts(in: cache)
        #expect(files.knownGood(in: cache))
        await expectSameScores(as: try ReplyScorer.loadingInBackground(files, cache: cache))
    }

    @Test("cue files are known good once the validator has checked them, and not after an edit or with no cache")
    func knownGoodFollowsEdits() throws {
        let cues = try copiedCues()
        let files = try CueFiles(reading: [cues])
        #expect(files.paths.map { URL(fileURLWithPath: $0).lastPathComponent } == ["en.yaml", "he.yaml"])
        #expect(!files.knownGood(in: cache))
        #expect(!files.knownGood(in: nil))
        files.recordVerdicts(in: cache)
        #expect(files.knownGood(in: cache))
        let english = cues.appendingPathComponent("en.yaml")
        let text = try String(contentsOf: english, encoding: .utf8)
        try (text + "\n    - a phrase added later\n").write(to: english, atomically: true, encoding: .utf8)
        #expect(!(try CueFiles(reading: [cues])).knownGood(in: cache))
    }

    @Test("a cue file broken after its good verdict was kept stops the start with its problem")
    func brokenFileStopsStart() throws {
        let cues = try copiedCues()
        try CueFiles(reading: [cues]).recordVerdicts(in: cache)
        try folder.write("language: en\ncues:\n  apologyy:\n    - sorry\n", to: "cues/en.yaml")
        #expect(throws: Diagnostic.self) { try ReplyScorer.loadingInBackground(try CueFiles(reading: [cues]), cache: self.cache) }
    }
}
