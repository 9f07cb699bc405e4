import Foundation

/// Turns the running totals into the report's figures: averages against the trainer
/// profile's thresholds, trends, first/latest/best attempts, what to practise next, and the
/// team's view.
struct ReportSummary {
    let profile: TrainerProfile
    let library: [Scenario]
    let filter: ReportFilter

    func report(from total: WorkerTally, issues: [ReportIssue]) -> Report {
        let thresholds = Dictionary(uniqueKeysWithValues: Dimension.allCases.map { ($0, profile.passThreshold(of: $0)) })
        let trainees = total.trainees.values
            .map(trainee)
            .sorted { ($0.trainee.lowercased(), $0.trainee) < ($1.trainee.lowercased(), $1.trainee) }
        return Report(
            language: profile.feedbackLanguage, passThresholds: thresholds, filters: filter, trainees: trainees,
            team: team(total, trainees: trainees), skipped: issues)
    }

    /// The weighted average the practice debrief gives an attempt (``Scorecard``).
    private func overall(_ levels: [Dimension: Double]) -> Double? {
        Scorecard(averages: levels, profile: profile).overall
    }

    private func summary(_ key: RecordKey, _ attempt: AttemptTally) -> AttemptSummary {
        let levels = Dimension.allCases.reduce(into: [Dimension: Double]()) { result, dimension in
            result[dimension] = attempt.levelSums.mean(dimension, over: attempt.levelCounts)
        }
        return AttemptSummary(
            attemptID: key.uuid, startedAt: attempt.startedAt, turns: attempt.turns,
            outcome: attempt.outcome, levels: levels, overall: overall(levels), flags: attempt.flags)
    }

    func trainee(_ tally: TraineeTally) -> TraineeReport {
        let all = tally.allAttempts
        let scenarioOf = Dictionary(all.map { ($0.0.uuid, $0.1.scenarioID) }, uniquingKeysWith: { first, _ in first })
        let attempts = all
            .map { summary($0.0, $0.1) }
            .sorted { ($0.startedAt, $0.attemptID.uuidString) < ($1.startedAt, $1.attemptID.uuidString) }
        var outcomes = OutcomeCounts()
        for attempt in attempts {
            if let outcome = attempt.outcome { outcomes[outcome] += 1 } else { outcomes.unfinished += 1 }
        }
        let levels = Dimension.allCases.map { dimension in
            let series = attempts.compactMap { $0.levels[dimension] }
            var change: Double?
            if series.count >= 2 {
                let half = series.count / 2
                let earlier = series.prefix(half).reduce(0, +) / Double(half)
                let later = series.suffix(half).reduce(0, +) / Double(half)
                change = later - earlier
            }
            return DimensionLevel(
                dimension: dimension, mean: tally.levelSums.mean(dimension, over: tally.levelCounts),
                ratedTurns: tally.levelCounts[dimension], threshold: profile.passThreshold(of: dimension), change: change,
                trend: attempts.suffix(TraineeReport.trendLength).map { $0.levels[dimension] })
        }
        let byScenario = Dictionary(grouping: attempts, by: { scenarioOf[$0.attemptID] ?? "" })
        let scenarios = byScenario.keys.sorted().map { id in
            let list = byScenario[id]!
            let best = list.reduce(list[0]) { ($1.overall ?? -1) >= ($0.overall ?? -1) ? $1 : $0 }
            return ScenarioProgress(scenarioID: id, attempts: list.count, first: list.first!, latest: list.last!, best: best)
        }
        var flags: [Flag: Int] = [:]
        for (index, flag) in Flag.allCases.enumerated() where tally.flagCounts[index] > 0 { flags[flag] = tally.flagCounts[index] }
        let trap = Flag.allCases.enumerated().max { a, b in
            tally.flagCounts[a.offset] < tally.flagCounts[b.offset]
                || (tally.flagCounts[a.offset] == tally.flagCounts[b.offset] && a.offset > b.offset)
        }
        let language: Language = tally.languageTurns[1] > tally.languageTurns[0] ? .english : .hebrew
        return TraineeReport(
            trainee: tally.name, attempts: attempts.count, turns: tally.turns, outcomes: outcomes, levels: levels,
            scenarios: scenarios, flags: flags,
            mostFrequentTrap: trap.flatMap { tally.flagCounts[$0.offset] > 0 ? $0.element : nil },
            practiseNext: practiseNext(levels, language: language, tried: byScenario.mapValues(\.count)),
            bestReply: tally.best?.quote, replyToDiscuss: tally.discuss?.quote,
            firstPractised: tally.first == .max ? 0 : tally.first, lastPractised: tally.last == .min ? 0 : tally.last)
    }

    /// The dimension furthest below its threshold (or, when all pass, closest to it), and the
    /// scenario in the trainee's language that practises it which they tried least.
    func practiseNext(_ levels: [DimensionLevel], language: Language, tried: [String: Int]) -> PractiseNext? {
        let rated = levels.filter { $0.mean != nil }
        guard let weakest = rated.max(by: { ($0.threshold - $0.mean!) < ($1.threshold - $1.mean!) }) else { return nil }
        // max(by:) keeps the last of equals; prefer the earlier dimension on a tie.
        let pick = rated.first { abs(($0.threshold - $0.mean!) - (weakest.threshold - weakest.mean!)) < 1e-9 } ?? weakest
        let category = ScenarioSuggestion.typicalCategory(for: pick.dimension)
        let candidates = library.filter { $0.category == category && $0.language == language }
        let scenario = candidates.min { (tried[$0.id] ?? 0, $0.id) < (tried[$1.id] ?? 0, $1.id) }
        return PractiseNext(
            dimension: pick.dimension, mean: pick.mean!, threshold: pick.threshold, scenarioID: scenario?.id,
            scenarioTitle: scenario?.title, advice: PractiseAdvice.text(for: pick.dimension, in: profile.feedbackLanguage))
    }

    func team(_ total: WorkerTally, trainees: [TraineeReport]) -> TeamReport {
        var outcomes = OutcomeCounts()
        var sums = DimensionCounts()
        var counts = DimensionCounts()
        var flagCounts = [Int](repeating: 0, count: Flag.allCases.count)
        struct ScenarioTotals { var trainees = 0, attempts = 0, turns = 0, sum = 0, count = 0, ended = 0, resolved = 0 }
        var scenarios: [String: ScenarioTotals] = [:]
        for tally in total.trainees.values {
            sums.add(tally.levelSums)
            counts.add(tally.levelCounts)
            for i in flagCounts.indices { flagCounts[i] += tally.flagCounts[i] }
            var tried = Set<String>()
            for (_, attempt) in tally.allAttempts {
                if let outcome = attempt.outcome { outcomes[outcome] += 1 } else { outcomes.unfinished += 1 }
                var totals = scenarios[attempt.scenarioID] ?? ScenarioTotals()
                if tried.insert(attempt.scenarioID).inserted { totals.trainees += 1 }
                totals.attempts += 1
                totals.turns += attempt.turns
                for dimension in Dimension.allCases {
                    totals.sum += attempt.levelSums[dimension]
                    totals.count += attempt.levelCounts[dimension]
                }
                if let outcome = attempt.outcome, outcome != .abandoned {
                    totals.ended += 1
                    if outcome == .resolved { totals.resolved += 1 }
                }
                scenarios[attempt.scenarioID] = totals
            }
        }
        let titles = Dictionary(library.map { ($0.id, $0.title) }, uniquingKeysWith: { first, _ in first })
        let difficulty = scenarios.map { id, totals in
            ScenarioDifficulty(
                scenarioID: id, title: titles[id], trainees: totals.trainees, attempts: totals.attempts, turns: totals.turns,
                meanLevel: totals.count > 0 ? Double(totals.sum) / Double(totals.count) : nil,
                resolvedShare: totals.ended > 0 ? Double(totals.resolved) / Double(totals.ended) : nil)
        }.sorted { ($0.meanLevel ?? 9, $0.scenarioID) < ($1.meanLevel ?? 9, $1.scenarioID) }
        let lines = total.lines.values.compactMap { tally -> FlaggedLine? in
            let flags = tally.flagCounts.reduce(0, +)
            guard flags > 0 else { return nil }
            let top = tally.flagCounts.indices.max { (tally.flagCounts[$0], -$0) < (tally.flagCounts[$1], -$1) }!
            return FlaggedLine(
                scenarioID: tally.scenarioID, lineID: tally.lineID, customerLine: tally.customerLine, turns: tally.turns,
                flags: flags, topFlag: Flag.allCases[top])
        }.sorted { ($1.flags, $0.scenarioID, $0.lineID) < ($0.flags, $1.scenarioID, $1.lineID) }
        var flags: [Flag: Int] = [:]
        for (index, flag) in Flag.allCases.enumerated() where flagCounts[index] > 0 { flags[flag] = flagCounts[index] }
        return TeamReport(
            trainees: trainees.count, attempts: trainees.reduce(0) { $0 + $1.attempts }, turns: trainees.reduce(0) { $0 + $1.turns },
            outcomes: outcomes,
            levels: Dimension.allCases.reduce(into: [:]) { $0[$1] = sums.mean($1, over: counts) },
            flags: flags, scenarios: difficulty, flaggedLines: Array(lines.prefix(10)))
    }
}

extension RecordKey {
    init(_ uuid: UUID) {
        let b = uuid.uuid
        let bytes = [b.0, b.1, b.2, b.3, b.4, b.5, b.6, b.7, b.8, b.9, b.10, b.11, b.12, b.13, b.14, b.15]
        self.init(
            high: bytes[0..<8].reduce(0) { $0 << 8 | UInt64($1) },
            low: bytes[8..<16].reduce(0) { $0 << 8 | UInt64($1) })
    }
}
