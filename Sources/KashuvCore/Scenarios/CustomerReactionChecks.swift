/// The checks on when the customer says what: a line that answers a trap comes only after a
/// reply that raised it (KS0046); no line can come back in the same call (KS0047); a harmful
/// reply moves the mood clearly (KS0048). All three are warnings.
extension ScenarioChecks {
    /// The flags that hurt the call: a reply raising one must anger the customer clearly.
    static let harmfulFlags: [Flag] = [.blame, .redirect, .policyWall, .dismissive]

    /// The smallest mood rise a harmful reply must cause (unless the mood is already at the top).
    static let clearMoodRise = 2

    /// Every warning about how the customer reacts.
    func customerReactions() -> [Diagnostic] {
        answeredTraps() + repeatedLines() + harmfulReplies()
    }

    // MARK: KS0046

    private func answeredTraps() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        let answering = Dictionary(scenario.turns.filter { !$0.answers.isEmpty }.map { ($0.id, Set($0.answers)) }) { first, _ in first }
        if let answers = answering[scenario.start] {
            diagnostics.append(diagnostic(
                .answersUnraisedTrap, at(.key("start")),
                "the first turn `\(scenario.start)` answers \(Self.names(answers)), but the call starts there before any reply",
                hint: "remove `answers:` from the first turn, or start the call at another turn"))
        }
        for (turnIndex, turn) in scenario.turns.enumerated() {
            for (branchIndex, branch) in turn.branches.enumerated() {
                guard let answers = answering[branch.next] else { continue }
                let required = Set(branch.when?.flags ?? [])
                guard required.isEmpty || !required.isSubset(of: answers) else { continue }
                let location = root.location(of: [.key("turns"), .index(turnIndex), .key("branches"), .index(branchIndex), .key("next")])
                let why = required.isEmpty
                    ? "does not require any flag"
                    : "can be taken on \(Self.names(required.subtracting(answers)))"
                diagnostics.append(diagnostic(
                    .answersUnraisedTrap, location,
                    "branch \(branchIndex + 1) of turn `\(turn.id)` leads to `\(branch.next)`, which answers \(Self.names(answers)), "
                        + "but the branch \(why)",
                    hint: "give the branch `when: { flags: [\(answers.sorted().map(\.rawValue).joined(separator: ", "))] }`, or send it "
                        + "to a line that does not answer a trap"))
            }
        }
        return diagnostics
    }

    // MARK: KS0047

    private func repeatedLines() -> [Diagnostic] {
        let ids = Set(scenario.turns.map(\.id))
        var diagnostics: [Diagnostic] = []
        for (index, turn) in scenario.turns.enumerated() {
            // Can the call come back to this turn after leaving it?
            var seen: Set<String> = []
            var pending = turn.branches.map(\.next).filter(ids.contains)
            var cycle = false
            while let id = pending.popLast() {
                if id == turn.id { cycle = true; break }
                guard seen.insert(id).inserted, let next = scenario.turn(id) else { continue }
                pending += next.branches.map(\.next).filter(ids.contains)
            }
            guard cycle else { continue }
            diagnostics.append(diagnostic(
                .repeatedLine, at(.key("turns"), .index(index), .key("id")),
                "the call can come back to turn `\(turn.id)`, so the customer would say the same words again",
                hint: "send the branch that loops back to a new turn that moves the call on (or to an ending)"))
        }
        return diagnostics
    }

    // MARK: KS0048

    private func harmfulReplies() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        // The replies tried are the same at every turn: each harmful flag with every level it allows.
        let tries = Self.harmfulFlags.map { flag in (flag, Self.levels(cappedBy: flag).map { Assessment(levels: $0, flags: [flag]) }) }
        for (turnIndex, turn) in scenario.turns.enumerated() {
            var reported: Set<Int> = []
            for (flag, assessments) in tries {
                for mood in Mood.range where mood + Self.clearMoodRise <= Mood.furious {
                    for assessment in assessments {
                        let levels = assessment.levels
                        guard let branchIndex = turn.branches.firstIndex(where: { $0.when?.holds(for: assessment, mood: mood) ?? true }),
                              turn.branches[branchIndex].mood < Self.clearMoodRise,
                              reported.insert(branchIndex).inserted
                        else { continue }
                        let branch = turn.branches[branchIndex]
                        diagnostics.append(diagnostic(
                            .harmBarelyMovesMood,
                            root.location(of: [.key("turns"), .index(turnIndex), .key("branches"), .index(branchIndex), .key("mood")]),
                            "a reply with `\(flag.rawValue)` to turn `\(turn.id)` (for example listening \(levels.listening), "
                                + "ownership \(levels.ownership), framing \(levels.framing), mood \(mood)) takes branch \(branchIndex + 1), "
                                + "which moves the mood by \(branch.mood)",
                            hint: "add a branch before it with `when: { flags: [\(Self.harmfulFlags.map(\.rawValue).joined(separator: ", "))] }` "
                                + "and `mood: \(Self.clearMoodRise)` or more, or add `no_flags:` to the branch"))
                    }
                }
            }
        }
        return diagnostics
    }

    /// Every set of levels a reply with this flag can have (the flag's cap applied).
    static func levels(cappedBy flag: Flag) -> [Levels] {
        let range = Levels.range
        var all: [Levels] = []
        for listening in range {
            for ownership in range {
                for framing in range {
                    var levels = Levels(listening: listening, ownership: ownership, framing: framing)
                    for (dimension, cap) in flag.cap { levels[dimension] = min(levels[dimension], cap) }
                    if !all.contains(levels) { all.append(levels) }
                }
            }
        }
        return all
    }

    private static func names(_ flags: Set<Flag>) -> String {
        flags.sorted().map { "`\($0.rawValue)`" }.joined(separator: ", ")
    }
}
