import Foundation
import Testing
@testable import KashuvCore

/// The scorer with the default cue book of this package, loaded once for all scorer tests.
enum ScorerFixture {
    /// The package root (three folders up from this file).
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The default cue folder of the package.
    static let cueFolder = packageRoot.appendingPathComponent("Trainers/default/cues")

    /// The scorer with the default cues.
    static let scorer: ReplyScorer = {
        do { return try ReplyScorer.loadDefault(folder: cueFolder) } catch {
            fatalError("default cues in \(cueFolder.path) do not load: \(error)")
        }
    }()

    /// Scores a reply, optionally with the customer's line.
    static func score(_ reply: String, customer: String? = nil, lang: Language? = nil,
                      cannotOffer: [String] = [], canOffer: [String] = [], earlier: [String] = []) -> ScoreResult {
        scorer.score(reply, context: ScoringContext(customerLine: customer, language: lang, cannotOffer: cannotOffer,
                                                    canOffer: canOffer, earlierReplies: earlier))
    }
}
