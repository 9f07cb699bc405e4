/// Everything the rules read about one reply: its tokens, the cues found and their places.
struct ReplyFeatures {
    let text: TokenizedText
    let matches: [CueMatch]
    let language: Language
    let cues: CueMatcher
    /// The action verbs, read in their clauses (who acts, when, negated or not).
    let actions: [ClauseReader.Action]
    /// For each segment, the kinds (as a ``CueKind/bit`` mask) of every cue touching it,
    /// negated ones included.
    let segmentKinds: [UInt64]
    /// For each sentence, the kinds (as a mask) of every cue in it that is not negated.
    let sentenceKinds: [UInt64]
    /// The sentences that tell the customer's story back (``CustomerStory``), read once for
    /// the listening and the flag rules.
    private(set) var storySentences: Set<Int> = []

    init(text: TokenizedText, matches: [CueMatch], language: Language, cues: CueMatcher,
         actions: [ClauseReader.Action] = []) {
        self.actions = actions
        self.text = text
        self.matches = matches
        self.language = language
        self.cues = cues
        var segments = [UInt64](repeating: 0, count: text.segmentCount)
        var sentences = [UInt64](repeating: 0, count: text.sentenceCount)
        for match in matches {
            let bit = match.kind.bit
            // A negated blame on the customer reassures ("על בדיקות שלא אישרת", "not your fault"):
            // it does not stop its segment from reflecting.
            if match.negated && match.kind == .blameCustomer { continue }
            for index in match.first..<match.end {
                segments[text.tokens[index].segment] |= bit
            }
            if !match.negated { sentences[text.tokens[match.first].sentence] |= bit }
        }
        segmentKinds = segments
        sentenceKinds = sentences
        storySentences = CustomerStory.sentences(self)
    }

    var tokens: [Token] { text.tokens }

    /// What the trainee says they do, did or are doing, not negated and not only a condition:
    /// "I'm refunding", "אעביר", "זיכיתי", "I can book" (as commitments spanning subject to verb).
    var ownActions: [ClauseReader.Action] {
        actions.filter { $0.actor == .trainee && !$0.negated && !$0.conditional && $0.match.kind != .customerAction }
    }

    /// An action as a cue match of another kind, spanning its subject to its verb.
    func asMatch(_ action: ClauseReader.Action, kind: CueKind) -> CueMatch {
        CueMatch(kind: kind, cue: -1, first: action.first, end: action.match.end, weight: 1)
    }

    /// The matches of a kind that no negator cancels.
    func active(_ kind: CueKind) -> [CueMatch] {
        matches.filter { $0.kind == kind && !$0.negated }
    }

    /// The matches of any of these kinds that no negator cancels.
    func active(_ kinds: Set<CueKind>) -> [CueMatch] {
        matches.filter { kinds.contains($0.kind) && !$0.negated }
    }

    /// Whether any match of a kind is active.
    func has(_ kind: CueKind) -> Bool {
        matches.contains { $0.kind == kind && !$0.negated }
    }

    /// The total weight of active matches of a kind.
    func weight(_ kind: CueKind) -> Double {
        matches.reduce(0) { $0 + ($1.kind == kind && !$1.negated ? $1.weight : 0) }
    }

    func sentence(of match: CueMatch) -> Int { tokens[match.first].sentence }
    func clause(of match: CueMatch) -> Int { tokens[match.first].clause }

    /// Original offsets of a token range.
    func span(_ first: Int, _ end: Int) -> (start: Int, end: Int) {
        (tokens[first].start, tokens[end - 1].end)
    }

    /// The reply's text as typed over a token range.
    func typed(_ first: Int, _ end: Int) -> String {
        let span = span(first, end)
        return text.normalized.originalText(from: span.start, to: span.end)
    }

    /// Evidence for a match.
    func evidence(_ match: CueMatch, dimension: Dimension? = nil, flag: Flag? = nil, rule: ScoringRule,
                  effect: Evidence.Effect) -> Evidence {
        let span = span(match.first, match.end)
        return Evidence(dimension: dimension, flag: flag, start: span.start, end: span.end,
                        text: text.normalized.originalText(from: span.start, to: span.end), rule: rule.rawValue, effect: effect)
    }

    /// Evidence for a token range.
    func evidence(first: Int, end: Int, dimension: Dimension? = nil, flag: Flag? = nil, rule: ScoringRule,
                  effect: Evidence.Effect) -> Evidence {
        let span = span(first, end)
        return Evidence(dimension: dimension, flag: flag, start: span.start, end: span.end,
                        text: text.normalized.originalText(from: span.start, to: span.end), rule: rule.rawValue, effect: effect)
    }
}
