/// What a scenario lets the trainee offer (`can_offer`) and what it rules out
/// (`cannot_offer`), read by what is offered rather than by one shared word.
///
/// A `cannot_offer` item is reduced to what sets it apart from every `can_offer` item (for
/// "an appointment before 12 December at his own branch" against "book the appointment
/// now": the date and the branch, not "appointment"). An offer is `over_promise` only when it
/// shares that distinctive content (a number or date counts 2, a word 1, by lemma), and more
/// of it than of what sets an allowed item apart: an allowed offer is never an over-promise.
struct ScenarioOffers: Sendable {
    private let allowed: [ReflectionProfile]
    /// Each ruled-out item: what sets it apart, and the whole item.
    private let forbidden: [(distinct: ReflectionProfile, whole: ReflectionProfile)]

    init(can: [String], cannot: [String], stopwords: Set<UInt64>) {
        let allowed = can.map { ReflectionProfile(texts: [$0], stopwords: stopwords, lemmas: true) }
        let ruledOut = cannot.map { ReflectionProfile(texts: [$0], stopwords: stopwords, lemmas: true) }
        // Each side by what sets it apart from the other: "$40" and "fee" in both say nothing.
        self.allowed = allowed.map { $0.subtracting(ruledOut) }
        forbidden = ruledOut.map { (distinct: $0.subtracting(allowed), whole: $0) }.filter { !$0.distinct.isEmpty }
    }

    /// Whether the scenario rules anything out.
    var isEmpty: Bool { forbidden.isEmpty }

    /// Whether the tokens in `range` offer something the scenario rules out.
    ///
    /// - Parameters:
    ///   - margin: how much more than the usual threshold the match needs (a sentence that
    ///     asserts rather than offers).
    ///   - echoes: word hashes of the customer's line; a sentence made only of those echoes them.
    ///   - ownWordsOnly: count only words the customer did not say. A sentence that offers
    ///     nothing and tells the customer's story back ("you paid 5,300 and were promised 10%")
    ///     reflects; only what the trainee adds to it can promise.
    func forbids(tokens: [Token], range: Range<Int>, stopwords: Set<UInt64>, margin: Int = 0,
                 echoes: Set<UInt64> = [], ownWordsOnly: Bool = false) -> Bool {
        let content = range.filter { ReflectionProfile.isContent(tokens[$0], stopwords: stopwords) }
        if !echoes.isEmpty && !content.isEmpty && content.allSatisfy({ echoes.contains(WordHash.hash(tokens[$0].text)) }) {
            return false
        }
        let skipped = ownWordsOnly ? echoes : []
        // An item set apart by one word ("refund the *whole* rental" beside "refund the fuel") is
        // offered when that word and enough of the whole item are ("I'll refund the entire rental").
        let needed = ReflectionProfile.threshold + margin
        let worst = forbidden.map { item -> Int in
            let distinct = item.distinct.overlap(tokens: tokens, range: range, stopwords: stopwords, skipping: skipped).score
            if distinct >= needed { return distinct }
            let whole = item.whole.overlap(tokens: tokens, range: range, stopwords: stopwords, skipping: skipped).score
            return distinct >= min(needed, item.distinct.size) && whole >= needed ? needed : 0
        }.max() ?? 0
        guard worst >= needed else { return false }
        let best = allowed.map { $0.overlap(tokens: tokens, range: range, stopwords: stopwords, skipping: skipped).score }.max() ?? 0
        return worst > best
    }
}
