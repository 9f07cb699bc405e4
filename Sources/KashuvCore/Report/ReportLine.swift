import Foundation

/// The parts of one progress-file line that the report reads, straight from its bytes.
///
/// Strings the report only sometimes needs (the reply, the customer's line, evidence and
/// advice) stay byte ranges until asked for with ``scanner``; everything else is checked as
/// the format requires (docs/progress-format.md), so a line that `ProgressRecord` would
/// reject is rejected here too, with the reason.
struct ReportLine {
    /// Which kind of record the line is.
    enum Kind { case turn, attempt }

    var kind: Kind
    var recordID = RecordKey(high: 0, low: 0)
    var attemptID = RecordKey(high: 0, low: 0)
    var trainee = JSONLineScanner.Text(start: 0, end: 0, hasEscapes: false)
    var scenarioID = JSONLineScanner.Text(start: 0, end: 0, hasEscapes: false)
    /// Turn: when its attempt started; attempt: `started_at`.
    var attemptStartedAt: Int64 = 0
    /// Turn: `timestamp`; attempt: `ended_at`.
    var time: Int64 = 0
    // Turn only.
    var turnNumber = 0
    var lineID = JSONLineScanner.Text(start: 0, end: 0, hasEscapes: false)
    var customerLine = JSONLineScanner.Text(start: 0, end: 0, hasEscapes: false)
    var reply = JSONLineScanner.Text(start: 0, end: 0, hasEscapes: false)
    var language: Language = .hebrew
    /// Listening, ownership, framing: 0–2, or -1 when not rated.
    var levels: (Int8, Int8, Int8) = (-1, -1, -1)
    /// Bit `i` set when `Flag.allCases[i]` was raised.
    var flags: UInt8 = 0
    var moodBefore = 0
    var moodAfter = 0
    /// Where the `evidence` array is in the line, to be decoded only when quoted.
    var evidence: Range<Int>?
    /// The first piece of advice, if any.
    var firstAdvice: JSONLineScanner.Text?
    // Attempt only.
    var outcome: AttemptOutcome = .abandoned
    var attemptTurns = 0
    var finalMood = 0

    /// The level of a dimension, or `nil` when not rated.
    func level(_ dimension: Dimension) -> Int? {
        let value: Int8
        switch dimension {
        case .listening: value = levels.0
        case .ownership: value = levels.1
        case .framing: value = levels.2
        }
        return value < 0 ? nil : Int(value)
    }

    /// Why a line was skipped.
    enum Problem: Error {
        /// Not JSON, or not a record.
        case malformed(String)
        /// A record from a newer Kashuv.
        case newerVersion(Int)
    }

    private struct Seen: OptionSet {
        let rawValue: UInt32
        static let type = Seen(rawValue: 1 << 0)
        static let version = Seen(rawValue: 1 << 1)
        static let record = Seen(rawValue: 1 << 2)
        static let trainee = Seen(rawValue: 1 << 3)
        static let scenario = Seen(rawValue: 1 << 4)
        static let attempt = Seen(rawValue: 1 << 5)
        static let started = Seen(rawValue: 1 << 6)
        static let time = Seen(rawValue: 1 << 7)
        static let turn = Seen(rawValue: 1 << 8)
        static let line = Seen(rawValue: 1 << 9)
        static let customer = Seen(rawValue: 1 << 10)
        static let reply = Seen(rawValue: 1 << 11)
        static let language = Seen(rawValue: 1 << 12)
        static let levels = Seen(rawValue: 1 << 13)
        static let flags = Seen(rawValue: 1 << 14)
        static let outcome = Seen(rawValue: 1 << 15)
        static let turns = Seen(rawValue: 1 << 16)

        static let common: Seen = [.type, .version, .record, .trainee, .scenario, .attempt, .started, .time]
        static let turnFields: Seen = common.union([.turn, .line, .customer, .reply, .language, .levels, .flags])
        static let attemptFields: Seen = common.union([.outcome, .turns])
    }

    /// Reads a line; `scanner` is left on it for decoding the strings later.
    static func parse(_ scanner: inout JSONLineScanner) throws(Problem) -> ReportLine {
        var line = ReportLine(kind: .turn)
        var seen: Seen = []
        var version = 0
        var isAttempt = false
        var lastMissing = ""
        do {
            try scanner.object { s, key throws(JSONLineScanner.Failure) in
                switch key.end - key.start {
                case 4 where s.equals(key, "type"):
                    let value = try s.string()
                    if s.equals(value, "turn") { isAttempt = false } else if s.equals(value, "attempt") { isAttempt = true } else {
                        throw JSONLineScanner.Failure(description: "unknown record type '\((try? s.decode(value)) ?? "?")'")
                    }
                    seen.insert(.type)
                case 14 where s.equals(key, "schema_version"):
                    version = try s.integer(); seen.insert(.version)
                case 9 where s.equals(key, "record_id"):
                    line.recordID = try s.uuid(try s.string()); seen.insert(.record)
                case 7 where s.equals(key, "trainee"):
                    line.trainee = try s.string(); seen.insert(.trainee)
                case 11 where s.equals(key, "scenario_id"):
                    line.scenarioID = try s.string(); seen.insert(.scenario)
                case 10 where s.equals(key, "attempt_id"):
                    line.attemptID = try s.uuid(try s.string()); seen.insert(.attempt)
                case 18 where s.equals(key, "attempt_started_at"), 10 where s.equals(key, "started_at"):
                    line.attemptStartedAt = try s.timestamp(try s.string()); seen.insert(.started)
                case 9 where s.equals(key, "timestamp"), 8 where s.equals(key, "ended_at"):
                    line.time = try s.timestamp(try s.string()); seen.insert(.time)
                case 4 where s.equals(key, "turn"):
                    line.turnNumber = try s.integer(); seen.insert(.turn)
                case 7 where s.equals(key, "line_id"):
                    line.lineID = try s.string(); seen.insert(.line)
                case 13 where s.equals(key, "customer_line"):
                    line.customerLine = try s.string(); seen.insert(.customer)
                case 5 where s.equals(key, "reply"):
                    line.reply = try s.string(); seen.insert(.reply)
                case 8 where s.equals(key, "language"):
                    let value = try s.string()
                    if s.equals(value, "he") { line.language = .hebrew } else if s.equals(value, "en") { line.language = .english } else {
                        throw JSONLineScanner.Failure(description: "field 'language': not \"he\" or \"en\"")
                    }
                    seen.insert(.language)
                case 6 where s.equals(key, "levels"):
                    try s.object { s, dimension throws(JSONLineScanner.Failure) in
                        let value = try s.optionalInteger()
                        if let value, !(Levels.range.contains(value)) {
                            throw JSONLineScanner.Failure(description: "field 'levels': \(value) is not a level (0, 1, 2 or null)")
                        }
                        let level = Int8(value ?? -1)
                        if s.equals(dimension, "listening") { line.levels.0 = level }
                        else if s.equals(dimension, "ownership") { line.levels.1 = level }
                        else if s.equals(dimension, "framing") { line.levels.2 = level }
                    }
                    seen.insert(.levels)
                case 5 where s.equals(key, "flags"):
                    try s.array { s throws(JSONLineScanner.Failure) in
                        let value = try s.string()
                        guard let bit = ReportLine.flagBit(value, in: s) else {
                            throw JSONLineScanner.Failure(description: "field 'flags': unknown flag '\((try? s.decode(value)) ?? "?")'")
                        }
                        line.flags |= bit
                    }
                    seen.insert(.flags)
                case 11 where s.equals(key, "mood_before"):
                    line.moodBefore = try s.integer()
                case 10 where s.equals(key, "mood_after"):
                    line.moodAfter = try s.integer()
                case 8 where s.equals(key, "evidence"):
                    let start = s.index
                    try s.skipValue()
                    line.evidence = start..<s.index
                case 6 where s.equals(key, "advice"):
                    if try !s.null() {
                        try s.array { s throws(JSONLineScanner.Failure) in
                            let text = try s.string()
                            if line.firstAdvice == nil { line.firstAdvice = text }
                        }
                    }
                case 7 where s.equals(key, "outcome"):
                    let value = try s.string()
                    guard let outcome = ReportLine.outcome(value, in: s) else {
                        throw JSONLineScanner.Failure(description: "field 'outcome': unknown outcome '\((try? s.decode(value)) ?? "?")'")
                    }
                    line.outcome = outcome
                    seen.insert(.outcome)
                case 5 where s.equals(key, "turns"):
                    line.attemptTurns = try s.integer(); seen.insert(.turns)
                case 10 where s.equals(key, "final_mood"):
                    line.finalMood = try s.integer()
                default:
                    try s.skipValue()
                }
            }
            guard scanner.atEnd() else { throw scanner.fail("more after the end of the record") }
        } catch {
            throw .malformed("\(error)")
        }
        if seen.contains(.version), version > ProgressRecord.schemaVersion { throw .newerVersion(version) }
        line.kind = isAttempt ? .attempt : .turn
        let required: Seen = isAttempt ? .attemptFields : .turnFields
        if !seen.isSuperset(of: required) {
            let names: [(Seen, String)] = [
                (.type, "type"), (.version, "schema_version"), (.record, "record_id"), (.trainee, "trainee"),
                (.scenario, "scenario_id"), (.attempt, "attempt_id"), (.started, isAttempt ? "started_at" : "attempt_started_at"),
                (.time, isAttempt ? "ended_at" : "timestamp"), (.turn, "turn"), (.line, "line_id"),
                (.customer, "customer_line"), (.reply, "reply"), (.language, "language"), (.levels, "levels"),
                (.flags, "flags"), (.outcome, "outcome"), (.turns, "turns"),
            ]
            lastMissing = names.first { required.contains($0.0) && !seen.contains($0.0) }?.1 ?? "?"
            throw .malformed("missing field '\(lastMissing)'")
        }
        if version < 1 { throw .malformed("field 'schema_version': \(version) is not a version") }
        return line
    }

    private static func flagBit(_ text: JSONLineScanner.Text, in scanner: JSONLineScanner) -> UInt8? {
        for (index, flag) in Flag.allCases.enumerated() where scanner.equals(text, flagNames[index]) {
            _ = flag
            return 1 << UInt8(index)
        }
        return nil
    }

    /// `Flag.allCases`' raw values, as static strings for byte comparison.
    private static let flagNames: [StaticString] = ["blame", "redirect", "policy_wall", "dismissive", "jargon", "robotic", "over_promise"]

    private static func outcome(_ text: JSONLineScanner.Text, in scanner: JSONLineScanner) -> AttemptOutcome? {
        if scanner.equals(text, "resolved") { return .resolved }
        if scanner.equals(text, "escalated") { return .escalated }
        if scanner.equals(text, "left") { return .left }
        if scanner.equals(text, "abandoned") { return .abandoned }
        return nil
    }
}
