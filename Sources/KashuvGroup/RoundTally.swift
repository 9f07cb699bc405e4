import struct Foundation.Date
import KashuvCore

/// One round: the customer line everyone answered and the replies, anonymous to everyone
/// but the progress files. The facilitator's console and the group summary read it.
package struct RoundTally {
    /// One reply of the round.
    package struct Answer {
        /// The author (for the progress file and the "who answered" list; never shown next to the reply).
        package let trainee: String
        /// The scored reply and where it would take the call.
        package let outcome: TurnOutcome
    }

    /// The round's number in the session, from 1.
    package let number: Int
    /// The scenario played.
    package let scenarioID: String
    /// The customer's line answered.
    package let turn: Turn
    /// The replies in the order they came.
    package private(set) var answers: [Answer] = []
    /// Where the group went after the round, and by which rule ("majority" or "chosen").
    package var advanced: (next: String, rule: String)?
    /// When the round opened (to find a restored reply's round: ``GroupRoom/init(restoring:scenarios:store:scorer:coaching:limits:)``).
    package let openedAt: Date

    init(number: Int, scenarioID: String, turn: Turn, openedAt: Date = Date()) {
        self.number = number
        self.scenarioID = scenarioID
        self.turn = turn
        self.openedAt = openedAt
    }

    mutating func add(_ answer: Answer) { answers.append(answer) }

    /// How many replies reached each level of a dimension (0, 1, 2), and how many were not rated.
    package func levels(_ dimension: Dimension) -> (counts: [Int], notRated: Int) {
        var counts = [0, 0, 0], notRated = 0
        for answer in answers {
            if let level = answer.outcome.score.level(dimension) { counts[max(0, min(2, level))] += 1 } else { notRated += 1 }
        }
        return (counts, notRated)
    }

    /// How many replies raised each flag, most frequent first.
    package var flags: [(flag: Flag, count: Int)] {
        var counts: [Flag: Int] = [:]
        for answer in answers { for flag in answer.outcome.score.flags { counts[flag, default: 0] += 1 } }
        return counts.sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.map { ($0.key, $0.value) }
    }

    /// Where each reply would take the call (a turn id, or `end:` and an ending id), with how
    /// many replies lead there, most first; ties go to the branch whose replies scored higher
    /// on average, then to the one reached first.
    package var branches: [(destination: String, count: Int)] {
        var order: [String] = []
        var counts: [String: Int] = [:], totals: [String: Int] = [:]
        for answer in answers {
            let key = Self.destination(answer.outcome)
            if counts[key] == nil { order.append(key) }
            counts[key, default: 0] += 1
            totals[key, default: 0] += Self.total(answer.outcome)
        }
        return order.enumerated().sorted { left, right in
            let (a, b) = (left.element, right.element)
            if counts[a]! != counts[b]! { return counts[a]! > counts[b]! }
            let averageA = Double(totals[a]!) / Double(counts[a]!), averageB = Double(totals[b]!) / Double(counts[b]!)
            if averageA != averageB { return averageA > averageB }
            return left.offset < right.offset
        }.map { ($0.element, counts[$0.element]!) }
    }

    /// The reply that leads where the majority leads (the first such reply).
    package var majorityAnswer: Answer? {
        guard let top = branches.first else { return nil }
        return answers.first { Self.destination($0.outcome) == top.destination }
    }

    /// The strongest reply: highest total of rated levels, fewest flags.
    package var best: Answer? {
        answers.max { (Self.total($0.outcome), -$0.outcome.score.flags.count) < (Self.total($1.outcome), -$1.outcome.score.flags.count) }
    }

    /// The weakest reply: lowest total of rated levels, most flags.
    package var weakest: Answer? {
        answers.min { (Self.total($0.outcome), -$0.outcome.score.flags.count) < (Self.total($1.outcome), -$1.outcome.score.flags.count) }
    }

    /// A reply that fell into the round's most common trap (flag).
    package var commonTrap: Answer? {
        guard let flag = flags.first?.flag else { return nil }
        return answers.first { $0.outcome.score.flags.contains(flag) }
    }

    static func destination(_ outcome: TurnOutcome) -> String {
        switch outcome.next {
        case .turn(let turn): turn.id
        case .ending(let ending, _): "end:" + ending.id
        }
    }

    static func total(_ outcome: TurnOutcome) -> Int {
        Dimension.allCases.compactMap { outcome.score.level($0) }.reduce(0, +)
    }
}
