import Foundation

/// Running totals for one trainee while the files are read; small whatever the input size
/// (one entry per attempt, two quoted replies).
struct TraineeTally: Sendable {
    var name: String
    var nameTime: Int64
    var turns = 0
    /// Attempts of the group of files being read (looked up by id while their lines come in).
    var attempts: [RecordKey: AttemptTally] = [:]
    /// Attempts of groups already read, packed in an array (no table to grow).
    var closed: [(RecordKey, AttemptTally)] = []
    var levelSums = DimensionCounts()
    var levelCounts = DimensionCounts()
    var flagCounts = [Int](repeating: 0, count: Flag.allCases.count)
    var languageTurns = [0, 0]  // hebrew, english
    var first = Int64.max
    var last = Int64.min
    var best: QuoteCandidate?
    var discuss: QuoteCandidate?

    init(name: String, time: Int64) {
        self.name = name
        nameTime = time
    }

    mutating func noteName(_ name: String, time: Int64) {
        if time > nameTime { self.name = name; nameTime = time }
    }

    /// Every attempt, read or being read; an attempt whose lines were in two groups of files
    /// (files of one trainee under different names) is put back together.
    var allAttempts: [(RecordKey, AttemptTally)] {
        var merged: [RecordKey: AttemptTally] = attempts
        for (key, attempt) in closed {
            if let mine = merged[key] { merged[key] = mine.merged(with: attempt) } else { merged[key] = attempt }
        }
        return merged.map { ($0.key, $0.value) }
    }

    /// Moves the attempts of the group just read into ``closed``.
    mutating func closeGroup() {
        guard !attempts.isEmpty else { return }
        closed.reserveCapacity(closed.count + attempts.count)
        for (key, attempt) in attempts { closed.append((key, attempt)) }
        attempts = [:]
    }

    mutating func merge(_ other: TraineeTally) {
        noteName(other.name, time: other.nameTime)
        turns += other.turns
        for (key, attempt) in other.attempts {
            if let mine = attempts[key] { attempts[key] = mine.merged(with: attempt) } else { attempts[key] = attempt }
        }
        closed += other.closed
        levelSums.add(other.levelSums)
        levelCounts.add(other.levelCounts)
        for i in flagCounts.indices { flagCounts[i] += other.flagCounts[i] }
        languageTurns[0] += other.languageTurns[0]
        languageTurns[1] += other.languageTurns[1]
        first = min(first, other.first)
        last = max(last, other.last)
        best = QuoteCandidate.better(best, other.best)
        discuss = QuoteCandidate.better(discuss, other.discuss)
    }
}

/// Three counters, one per dimension.
struct DimensionCounts: Sendable, Hashable {
    var listening = 0
    var ownership = 0
    var framing = 0

    subscript(dimension: Dimension) -> Int {
        get {
            switch dimension {
            case .listening: listening
            case .ownership: ownership
            case .framing: framing
            }
        }
        set {
            switch dimension {
            case .listening: listening = newValue
            case .ownership: ownership = newValue
            case .framing: framing = newValue
            }
        }
    }

    mutating func add(_ other: DimensionCounts) {
        listening += other.listening
        ownership += other.ownership
        framing += other.framing
    }

    /// Adds a turn's levels (-1: not rated) to sums and counts.
    static func add(levels: (Int8, Int8, Int8), sums: inout DimensionCounts, counts: inout DimensionCounts) {
        if levels.0 >= 0 { sums.listening += Int(levels.0); counts.listening += 1 }
        if levels.1 >= 0 { sums.ownership += Int(levels.1); counts.ownership += 1 }
        if levels.2 >= 0 { sums.framing += Int(levels.2); counts.framing += 1 }
    }

    func mean(_ dimension: Dimension, over counts: DimensionCounts) -> Double? {
        counts[dimension] == 0 ? nil : Double(self[dimension]) / Double(counts[dimension])
    }
}

/// Running totals for one attempt.
struct AttemptTally: Sendable {
    var scenarioID: String
    var startedAt: Int64
    var turns = 0
    var levelSums = DimensionCounts()
    var levelCounts = DimensionCounts()
    var flags = 0
    /// The outcome of the attempt's last attempt record (by `ended_at`), if any.
    var outcome: AttemptOutcome?
    var outcomeTime = Int64.min

    mutating func noteOutcome(_ outcome: AttemptOutcome, at time: Int64) {
        if time >= outcomeTime { self.outcome = outcome; outcomeTime = time }
    }

    func merged(with other: AttemptTally) -> AttemptTally {
        var result = self
        result.startedAt = min(startedAt, other.startedAt)
        result.turns += other.turns
        result.levelSums.add(other.levelSums)
        result.levelCounts.add(other.levelCounts)
        result.flags += other.flags
        if let outcome = other.outcome { result.noteOutcome(outcome, at: other.outcomeTime) }
        return result
    }
}

/// A reply that may be quoted, ranked: the higher the rank, the stronger the case for it.
struct QuoteCandidate: Sendable {
    var rank: (Int, Int, Int64, UInt64)
    var quote: QuotedReply

    static func better(_ a: QuoteCandidate?, _ b: QuoteCandidate?) -> QuoteCandidate? {
        guard let a else { return b }
        guard let b else { return a }
        return a.rank >= b.rank ? a : b
    }

    /// The rank as the best reply: no flag, highest average level, most dimensions rated,
    /// the latest. `nil` when the reply raised a flag or rates nothing.
    static func bestRank(levels: (Int8, Int8, Int8), flags: UInt8, time: Int64, id: RecordKey) -> (Int, Int, Int64, UInt64)? {
        guard flags == 0 else { return nil }
        let (sum, count) = Self.sum(levels)
        guard count > 0, sum > 0 else { return nil }
        return (sum * 1000 / count, count, time, id.low)
    }

    /// The rank as the reply to discuss: most flags, then the lowest average level, the latest.
    /// `nil` for a reply with no flag that scored full marks.
    static func discussRank(levels: (Int8, Int8, Int8), flags: UInt8, time: Int64, id: RecordKey) -> (Int, Int, Int64, UInt64)? {
        let (sum, count) = Self.sum(levels)
        let deficit = count == 0 ? 0 : 2000 - sum * 1000 / count
        guard flags != 0 || deficit > 0 else { return nil }
        return (flags.nonzeroBitCount, deficit, time, id.low)
    }

    private static func sum(_ levels: (Int8, Int8, Int8)) -> (Int, Int) {
        var sum = 0
        var count = 0
        for level in [levels.0, levels.1, levels.2] where level >= 0 {
            sum += Int(level)
            count += 1
        }
        return (sum, count)
    }
}

/// How often replies to one customer line raise flags.
struct LineTally: Sendable {
    var scenarioID: String
    var lineID: String
    var customerLine: String
    var turns = 0
    var flagCounts = [Int](repeating: 0, count: Flag.allCases.count)

    mutating func merge(_ other: LineTally) {
        turns += other.turns
        for i in flagCounts.indices { flagCounts[i] += other.flagCounts[i] }
    }

    /// A line's key: FNV-1a (64 bits) over the raw bytes of its scenario id, a separator, and its id.
    static func key(scenario: UnsafeBufferPointer<UInt8>, line: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var hash: UInt64 = 0xCBF2_9CE4_8422_2325
        for byte in scenario { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        hash = (hash ^ 0xFF) &* 0x100_0000_01B3
        for byte in line { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01B3 }
        return hash
    }
}
