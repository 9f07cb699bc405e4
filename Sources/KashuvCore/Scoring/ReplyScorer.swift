import Foundation

/// The explainable scorer: levels, flags, evidence and advice for one trainee reply.
///
/// It applies the coach's scoring guide with phrase lists from a ``CueBook`` (data a coach
/// can read and extend) and measures reflection against the customer's line and the
/// scenario's facts. Cue tables are compiled once (``CueTables``), in `init` or in the
/// background; ``score(_:context:)`` is pure and safe to call from many threads.
public struct ReplyScorer: Sendable, ReplyScoring {
    private let tables: CueTables
    private let profileCache = CustomerProfileCache()

    /// Creates a scorer from a cue book (compiles its tables now).
    public init(cues: CueBook) {
        tables = CueTables(book: cues)
    }

    private init(tables: CueTables) {
        self.tables = tables
    }

    /// A scorer with the default cues from `Trainers/default/cues/` and any extra cue files
    /// (or folders) a trainer profile names.
    ///
    /// - Parameter folder: the default cue folder; found with ``CueLocation`` when `nil`.
    public static func loadDefault(extraCueFiles: [URL] = [], folder: URL? = nil) throws -> ReplyScorer {
        ReplyScorer(cues: try CueFiles.default(extraFiles: extraCueFiles, folder: folder).book())
    }

    /// A scorer for an interactive start: it returns at once and compiles its tables, then
    /// hspell's lemma tables, on a background thread while the first screen shows; the first
    /// reply scored waits for them if it comes first.
    ///
    /// The files are parsed here, and a problem in them thrown, unless the validator's cache
    /// already found every one of them, exactly as read, free of problems; then they are
    /// parsed in the background as well. After a start that parsed them here, the validator's
    /// verdicts on them are recorded in the background for the next start.
    public static func loadingInBackground(
        _ files: CueFiles, cache: ValidationCache? = ValidationCache.current
    ) throws -> ReplyScorer {
        if files.knownGood(in: cache) {
            return ReplyScorer(tables: CueTables(inBackground: { files.goodCues() }))
        }
        let book = try files.book()
        return ReplyScorer(tables: CueTables(inBackground: { book }, afterwards: { files.recordVerdicts(in: cache) }))
    }

    /// Scores a reply given what the scorer knows about the moment it answers.
    public func score(_ reply: String, context: ScoringContext) -> ScoreResult {
        let fallback = context.customerLine.map { LanguageDetector.detect($0) } ?? .hebrew
        let language = context.language ?? LanguageDetector.detect(reply, fallback: fallback)
        guard let matcher = tables.matchers[language] else {
            return ScoreResult(language: language, levels: Levels(listening: 0, ownership: 0, framing: 0),
                               rated: context.rated, flags: [], evidence: [], advice: [])
        }
        let text = Tokenizer.tokenize(reply)
        let customer = profileCache.profile(
            for: [context.customerLine].compactMap { $0 } + context.facts, language: language, stopwords: matcher.stopwords)
        let profile = customer.profile
        let customerTexts = customer.texts
        let customerTokens = customer.words
        // A negative phrase the trainee only echoes from the customer's own line ("as it says
        // on the site", "you said it's not possible") is a reflection, not the trainee's stance.
        let matches = matcher.matches(in: text.tokens).filter { match in
            !((Self.echoableKinds.contains(match.kind) && (match.length >= 2 || match.kind == .fault)
                || (match.negated && match.kind == .fix))
                && (match.first..<match.end).allSatisfy { customerTokens.contains(WordHash.hash(text.tokens[$0].text)) })
        }
        let clauses = ClauseReader.read(tokens: text.tokens, matches: matches, language: language,
                                        questions: text.sentenceIsQuestion)
        let composed = (matches + clauses.composed).sorted { ($0.first, $0.end) < ($1.first, $1.end) }
        let features = ReplyFeatures(text: text, matches: composed, language: language, cues: matcher,
                                     actions: clauses.actions)
        let offers = ScenarioOffers(can: context.canOffer, cannot: context.cannotOffer, stopwords: matcher.stopwords)

        var flagOutcome = FlagRules.judge(features, context: context, customerTokens: customerTokens, offers: offers)
        // Stock phrases ("שלום רב, תודה שפנית אלינו", "we apologise for the inconvenience") around
        // a reply that tells the customer's own story back and does something are a letter's
        // manners, not a canned answer.
        if flagOutcome.flags.contains(.robotic), !features.ownActions.isEmpty,
           flagOutcome.evidence.allSatisfy({ $0.flag != .robotic || $0.scoringRule == .flagRoboticCanned }),
           ListeningRule.judge(features, profile: profile, robotic: false).reflected {
            flagOutcome.flags.remove(.robotic)
            flagOutcome.evidence.removeAll { $0.flag == .robotic }
        }
        let listening = ListeningRule.judge(features, profile: profile, robotic: flagOutcome.flags.contains(.robotic))
        let ownership = OwnershipRule.judge(features)
        let framing = FramingRule.judge(features, doorClosers: flagOutcome.doorClosers)
        if framing.wall {
            flagOutcome.flags.insert(.policyWall)
            for item in framing.evidence where [.framingEndsWithLimitation, .framingPolicy, .framingDoorClosed].contains(item.scoringRule) {
                var flagged = item
                flagged.dimension = nil
                flagged.flag = .policyWall
                flagged.rule = ScoringRule.flagPolicyWall.rawValue
                flagOutcome.evidence.append(flagged)
            }
        }

        var levels = Levels(listening: listening.level, ownership: ownership.level, framing: framing.level)
        var evidence = listening.evidence + ownership.evidence + framing.evidence
        // Promises count as a (capped) commitment and a (capped) door.
        if flagOutcome.flags.contains(.overPromise) {
            levels.ownership = max(levels.ownership, 1)
            levels.framing = max(levels.framing, 1)
        }
        let flags = flagOutcome.flags.sorted()
        for flag in flags {
            for (dimension, cap) in flag.cap.sorted(by: { $0.key < $1.key }) where levels[dimension] > cap {
                levels[dimension] = cap
                // The cap points at the words that raised the flag.
                let source = flagOutcome.evidence.first { $0.flag == flag }
                evidence.append(Evidence(dimension: dimension, start: source?.start ?? 0, end: source?.end ?? 0,
                                         text: source?.text ?? "", rule: ScoringRule.cap(flag)?.rawValue ?? "cap.\(flag.rawValue)", effect: .minus))
            }
        }
        evidence += flagOutcome.evidence
        evidence = Self.deduplicated(evidence)

        let advice = Advice.make(Advice.Input(
            language: context.adviceLanguage ?? language, levels: levels, rated: context.rated, flags: Set(flags), evidence: evidence,
            reflected: listening.reflected, listeningActs: listening.generic, committed: ownership.committed,
            customerDetail: customerTexts.first.flatMap {
                context.customerLine == nil ? nil : Self.detail(of: $0, stopwords: matcher.stopwords)
            }, address: context.address ?? .unspecified))
        return ScoreResult(language: language, levels: levels, rated: context.rated, flags: flags,
                           evidence: evidence, advice: advice)
    }

    static let echoableKinds: Set<CueKind> = [
        .blameCustomer, .blameOthers, .talkDown, .shrug, .limitation, .policy, .robotic, .sorryYouFeel, .fault,
    ]

    /// The evidence in order, each span-rule pair once. (The text is fixed by the offsets, so
    /// whole values compare the same fields; a set keeps long replies linear.)
    static func deduplicated(_ evidence: [Evidence]) -> [Evidence] {
        var seen = Set<Evidence>(minimumCapacity: evidence.count)
        return evidence.filter { seen.insert($0).inserted }
    }

    /// A concrete detail of the customer's line to suggest reflecting: its first number with
    /// its currency or unit and the content word after it ("45 דקות", "$35 late"), as typed.
    static func detail(of text: TokenizedText, stopwords: Set<UInt64>) -> String? {
        let tokens = text.tokens
        guard let index = tokens.firstIndex(where: { $0.kind == .number }) else { return nil }
        let original = text.normalized.original
        var start = tokens[index].start
        var end = tokens[index].end
        if start > 0, ["$", "£", "€"].contains(original[start - 1]) { start -= 1 }
        var after = end
        while after < original.count, original[after] == " " { after += 1 }
        if after < original.count, ["₪", "%"].contains(original[after]) { end = after + 1 }
        let next = index + 1
        if next < tokens.count, tokens[next].sentence == tokens[index].sentence, tokens[next].kind != .number,
           ReflectionProfile.isContent(tokens[next], stopwords: stopwords) {
            end = tokens[next].end
        }
        return text.normalized.originalText(from: start, to: end)
    }
}
