import Foundation

/// Builds a ``Report`` from progress files: streams every file (never loading one whole),
/// reads files of different trainees in parallel on every core, and merges copies of the
/// same file from several folders, counting each record once by its `record_id`.
///
/// ```swift
/// let builder = ReportBuilder(profile: profile, library: scenarios, filter: try ReportFilter(since: "2026-11-01"))
/// let report = builder.build(paths: ["progress", "laptop2/progress"])
/// ```
public struct ReportBuilder: Sendable {
    /// The trainer profile: pass thresholds, weights and the report's language.
    public var profile: TrainerProfile
    /// The scenario library: titles, categories, and scenarios to suggest.
    public var library: [Scenario]
    /// Which records count.
    public var filter: ReportFilter
    /// How many files are read at once (default: the number of cores).
    public var parallelism: Int

    /// Creates a builder.
    public init(profile: TrainerProfile, library: [Scenario], filter: ReportFilter = try! ReportFilter(), parallelism: Int? = nil) {
        self.profile = profile
        self.library = library
        self.filter = filter
        self.parallelism = max(1, parallelism ?? ProcessInfo.processInfo.activeProcessorCount)
    }

    /// Reads the files and folders and builds the report.
    public func build(paths: [String]) -> Report {
        let input = ReportInput(paths: paths)
        let compiled = filter.compiled(library: library)
        let results = ParallelWork.run(count: input.groups.count, workers: parallelism) {
            WorkerTally(filter: compiled)
        } work: { tally, index in
            tally.read(group: input.groups[index])
        }
        var total = WorkerTally(filter: compiled)
        var issues = input.issues
        for result in results {
            total.merge(result)
            issues += result.scan.issues
        }
        return ReportSummary(profile: profile, library: library, filter: filter).report(from: total, issues: issues)
    }

    /// Every admitted turn, one at a time, in file order (for `--by turn`), counting each record
    /// once. Returns the lines and files skipped.
    public func forEachTurn(paths: [String], _ body: (TurnRow) -> Void) -> [ReportIssue] {
        let input = ReportInput(paths: paths)
        var scan = ProgressScan(filter: filter.compiled(library: library))
        for group in input.groups.sorted(by: { ($0.first ?? "") < ($1.first ?? "") }) {
            scan.read(group: group) { line, scanner, _, trainee throws(JSONLineScanner.Failure) in
                guard line.kind == .turn else { return }
                body(TurnRow(
                    trainee: trainee, scenarioID: try scanner.decode(line.scenarioID), attemptID: line.attemptID.uuid,
                    turn: line.turnNumber, timestamp: line.time, lineID: try scanner.decode(line.lineID),
                    language: line.language,
                    levels: Dimension.allCases.reduce(into: [:]) { $0[$1] = line.level($1) },
                    flags: Flag.allCases.enumerated().filter { line.flags & (1 << UInt8($0.offset)) != 0 }.map(\.element),
                    moodBefore: line.moodBefore, moodAfter: line.moodAfter,
                    customerLine: try scanner.decode(line.customerLine), reply: try scanner.decode(line.reply)))
            }
        }
        return input.issues + scan.issues
    }
}

/// One scored turn, for a row per turn.
public struct TurnRow: Sendable, Hashable {
    /// The trainee's name as typed.
    public var trainee: String
    /// The scenario.
    public var scenarioID: String
    /// The attempt.
    public var attemptID: UUID
    /// The turn's number in its attempt.
    public var turn: Int
    /// When it was scored (ms since 1970, UTC).
    public var timestamp: Int64
    /// The customer line answered.
    public var lineID: String
    /// The scenario's language.
    public var language: Language
    /// The rated levels; absent where not rated.
    public var levels: [Dimension: Int]
    /// The flags raised.
    public var flags: [Flag]
    /// The customer's mood before the reply.
    public var moodBefore: Int
    /// And after it.
    public var moodAfter: Int
    /// What the customer said.
    public var customerLine: String
    /// The trainee's reply.
    public var reply: String
}

/// What one worker thread has read.
struct WorkerTally: Sendable {
    var scan: ProgressScan
    var trainees: [String: TraineeTally] = [:]
    /// Customer lines by a hash of their scenario and line ids (strings decoded once per line).
    var lines: [UInt64: LineTally] = [:]

    init(filter: ReportFilter.Compiled) {
        scan = ProgressScan(filter: filter)
    }

    mutating func read(group: [String]) {
        var trainees = self.trainees
        var lines = self.lines
        self.trainees = [:]
        self.lines = [:]
        var lastScenarioBytes: [UInt8] = []
        var lastScenario = ""
        var touched: [String] = []
        scan.read(group: group) { line, scanner, key, name throws(JSONLineScanner.Failure) in
            if touched.last != key && !touched.contains(key) { touched.append(key) }
            // Consecutive lines are nearly always of one scenario: decode its id only when it changes.
            let raw = scanner.raw(line.scenarioID)
            if line.scenarioID.hasEscapes || !raw.elementsEqual(lastScenarioBytes) {
                lastScenario = try scanner.decode(line.scenarioID)
                lastScenarioBytes = line.scenarioID.hasEscapes ? [] : Array(raw)
            }
            let scenarioID = lastScenario
            let time = line.kind == .turn ? line.time : line.attemptStartedAt
            trainees[key, default: TraineeTally(name: name, time: time)].record(line, scenarioID: scenarioID, name: name, scanner: &scanner)
            if line.kind == .turn {
                let lineKey = LineTally.key(scenario: raw, line: scanner.raw(line.lineID))
                if lines[lineKey] == nil {
                    lines[lineKey] = LineTally(
                        scenarioID: scenarioID, lineID: try scanner.decode(line.lineID),
                        customerLine: try scanner.decode(line.customerLine))
                }
                lines[lineKey]!.turns += 1
                if line.flags != 0 {
                    for bit in 0..<Flag.allCases.count where line.flags & (1 << UInt8(bit)) != 0 { lines[lineKey]!.flagCounts[bit] += 1 }
                }
            }
        }
        for key in touched { trainees[key]?.closeGroup() }
        self.trainees = trainees
        self.lines = lines
    }

    mutating func merge(_ other: WorkerTally) {
        for (key, tally) in other.trainees {
            if trainees[key] == nil { trainees[key] = tally } else { trainees[key]!.merge(tally) }
        }
        for (key, tally) in other.lines {
            if lines[key] == nil { lines[key] = tally } else { lines[key]!.merge(tally) }
        }
        scan.bytes += other.scan.bytes
    }
}

extension TraineeTally {
    /// Counts one admitted record.
    mutating func record(_ line: ReportLine, scenarioID: String, name: String, scanner: inout JSONLineScanner) {
        switch line.kind {
        case .turn:
            noteName(name, time: line.time)
            turns += 1
            first = min(first, line.time)
            last = max(last, line.time)
            DimensionCounts.add(levels: line.levels, sums: &levelSums, counts: &levelCounts)
            languageTurns[line.language == .hebrew ? 0 : 1] += 1
            if line.flags != 0 {
                for bit in 0..<flagCounts.count where line.flags & (1 << UInt8(bit)) != 0 { flagCounts[bit] += 1 }
            }
            var attempt = attempts[line.attemptID] ?? AttemptTally(scenarioID: scenarioID, startedAt: line.attemptStartedAt)
            attempt.turns += 1
            DimensionCounts.add(levels: line.levels, sums: &attempt.levelSums, counts: &attempt.levelCounts)
            attempt.flags += line.flags.nonzeroBitCount
            attempts[line.attemptID] = attempt
            if let rank = QuoteCandidate.bestRank(levels: line.levels, flags: line.flags, time: line.time, id: line.recordID),
               best.map({ rank > $0.rank }) ?? true, let quote = QuotedReply(line, scenarioID: scenarioID, scanner: scanner) {
                best = QuoteCandidate(rank: rank, quote: quote)
            }
            if let rank = QuoteCandidate.discussRank(levels: line.levels, flags: line.flags, time: line.time, id: line.recordID),
               discuss.map({ rank > $0.rank }) ?? true, let quote = QuotedReply(line, scenarioID: scenarioID, scanner: scanner) {
                discuss = QuoteCandidate(rank: rank, quote: quote)
            }
        case .attempt:
            first = min(first, line.attemptStartedAt)
            last = max(last, line.time)
            var attempt = attempts[line.attemptID] ?? AttemptTally(scenarioID: scenarioID, startedAt: line.attemptStartedAt)
            attempt.noteOutcome(line.outcome, at: line.time)
            attempts[line.attemptID] = attempt
        }
    }
}

extension QuotedReply {
    /// The quote of a turn line; `nil` if its strings cannot be decoded.
    init?(_ line: ReportLine, scenarioID: String, scanner: JSONLineScanner) {
        guard let reply = try? scanner.decode(line.reply), let customer = try? scanner.decode(line.customerLine),
              let lineID = try? scanner.decode(line.lineID) else { return nil }
        var evidence: [EvidenceSummary] = []
        if let range = line.evidence {
            let data = Data(UnsafeBufferPointer(rebasing: scanner.bytes[range]))
            var seen = Set<String>()
            // The same words can earn one level and raise a flag: quote them once per effect.
            evidence = ((try? JSONDecoder().decode([EvidenceSummary].self, from: data)) ?? [])
                .filter { seen.insert($0.effect.rawValue + $0.text.lowercased()).inserted }
        }
        self.init(
            scenarioID: scenarioID, lineID: lineID, customerLine: customer, reply: reply, language: line.language,
            levels: Dimension.allCases.reduce(into: [:]) { $0[$1] = line.level($1) },
            flags: Flag.allCases.enumerated().filter { line.flags & (1 << UInt8($0.offset)) != 0 }.map(\.element),
            evidence: evidence, advice: line.firstAdvice.flatMap { try? scanner.decode($0) }, timestamp: line.time)
    }
}
