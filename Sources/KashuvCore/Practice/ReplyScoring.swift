/// Scores one reply in its context: what a ``PracticeSession`` needs from a scorer.
///
/// The product uses `ReplyScorer` (the rule-based scorer in `Scoring/`); tests of session
/// logic may script levels with a stand-in.
public protocol ReplyScoring: Sendable {
    /// The levels, flags, evidence and advice for a reply given at a moment of the call.
    func score(_ reply: String, context: ScoringContext) -> ScoreResult
}
