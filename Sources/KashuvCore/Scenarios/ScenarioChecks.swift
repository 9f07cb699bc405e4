import Foundation
import Yams

/// The checks that need the whole scenario: ids, the dialogue graph, conditions, language
/// and the test plan. Runs on a scenario whose shape is already right.
struct ScenarioChecks {
    /// The file, as the user named it.
    var path: String
    /// The decoded scenario.
    var scenario: Scenario
    /// The file's node tree, for line numbers.
    var root: Node
    /// Whether the file has a `test_plan` key at all.
    var hasTestPlanKey: Bool
    /// Whether `language:` was read as written (not repaired); the language checks need it.
    var languageKnown = true

    /// Every problem found.
    func run() -> [Diagnostic] {
        ids() + graph() + conditions() + (languageKnown ? language() + customerLines() : []) + customerReactions() + testPlan()
    }

    func at(_ components: YAMLPathComponent...) -> LineColumn? { root.location(of: components) }

    func diagnostic(_ code: DiagnosticCode, _ location: LineColumn?, _ message: String, hint: String) -> Diagnostic {
        Diagnostic(code, path: path, at: location, message, hint: hint)
    }

    // MARK: Ids

    private func scenarioID() -> [Diagnostic] {
        let id = scenario.id
        let shown = DisplaySafeText.clean(id, keepingNewlines: false)
        if !Scenario.isValidID(id) {
            return [diagnostic(
                .invalidScenarioID, at(.key("id")), "the scenario id `\(shown)` is not lower-case Latin letters, digits and `-`",
                hint: "ids name files and progress records: write `<language>-<category>-<slug>`, such as `he-price-cellular-promo-fraier`"
            )]
        }
        let name = URL(fileURLWithPath: path).lastPathComponent
        for suffix in [".yaml", ".yml"] where name.hasSuffix(suffix) {
            let stem = String(name.dropLast(suffix.count))
            if stem != id {
                return [diagnostic(
                    .invalidScenarioID, at(.key("id")), "the scenario id `\(shown)` differs from the file name `\(DisplaySafeText.clean(name, keepingNewlines: false))`",
                    hint: "a scenario is found by its file name: rename the file to `\(id)\(suffix)`, or set `id: \(DisplaySafeText.clean(stem, keepingNewlines: false))`"
                )]
            }
        }
        return []
    }

    private func ids() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = scenarioID()
        var turnIDs: [String: Int] = [:]
        for (index, turn) in scenario.turns.enumerated() {
            if let first = turnIDs[turn.id] {
                diagnostics.append(diagnostic(
                    .duplicateID, at(.key("turns"), .index(index), .key("id")),
                    "turn id `\(turn.id)` is used twice (also turns[\(first)])",
                    hint: "give each turn its own id; the id is also the stable id of the customer's line"
                ))
            } else {
                turnIDs[turn.id] = index
            }
        }
        var endingIDs: Set<String> = []
        for (index, ending) in scenario.endings.enumerated() {
            let location = at(.key("endings"), .index(index), .key("id"))
            if !endingIDs.insert(ending.id).inserted {
                diagnostics.append(diagnostic(
                    .duplicateID, location, "ending id `\(ending.id)` is used twice",
                    hint: "give each ending its own id"
                ))
            }
            if turnIDs[ending.id] != nil {
                diagnostics.append(diagnostic(
                    .turnEndingClash, location, "`\(ending.id)` is the id of both a turn and an ending",
                    hint: "rename one of them so `next: \(ending.id)` says which one it means"
                ))
            }
        }
        return diagnostics
    }

    // MARK: The graph

    private var turnIDs: Set<String> { Set(scenario.turns.map(\.id)) }
    private var endingIDs: Set<String> { Set(scenario.endings.map(\.id)) }

    private func targetList() -> String {
        let turns = scenario.turns.map(\.id), endings = scenario.endings.map(\.id)
        return "turns: \(turns.isEmpty ? "none" : turns.joined(separator: ", ")); "
            + "endings: \(endings.isEmpty ? "none" : endings.joined(separator: ", "))"
    }

    private func graph() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if !turnIDs.contains(scenario.start) {
            let suggestion = SpellingSuggestion.closest(to: scenario.start, in: scenario.turns.map(\.id))
            diagnostics.append(diagnostic(
                .unknownTarget, at(.key("start")), "`start` names `\(scenario.start)`, which is not a turn",
                hint: (suggestion.map { "did you mean `\($0)`? " } ?? "") + "the call starts at a turn (\(targetList()))"
            ))
        }
        for key in ["on_furious", "on_max_turns"] {
            let target = key == "on_furious" ? scenario.onFurious : scenario.onMaxTurns
            if !endingIDs.contains(target) {
                let suggestion = SpellingSuggestion.closest(to: target, in: scenario.endings.map(\.id))
                diagnostics.append(diagnostic(
                    .notAnEnding, at(.key(key)), "`\(key)` names `\(target)`, which is not an ending",
                    hint: (suggestion.map { "did you mean `\($0)`? " } ?? "") + "name one of the endings (\(targetList()))"
                ))
            }
        }
        for (turnIndex, turn) in scenario.turns.enumerated() {
            let turnPath: [YAMLPathComponent] = [.key("turns"), .index(turnIndex)]
            if turn.branches.isEmpty {
                diagnostics.append(diagnostic(
                    .noWayForward, root.location(of: turnPath + [.key("branches")]),
                    "turn `\(turn.id)` has no branches, so the call cannot go on after the customer says it",
                    hint: "add at least one branch; the last one, with no `when:`, is taken when nothing else matches"
                ))
                continue
            }
            for (branchIndex, branch) in turn.branches.enumerated() {
                let branchPath = turnPath + [.key("branches"), .index(branchIndex)]
                if !turnIDs.contains(branch.next), !endingIDs.contains(branch.next) {
                    let suggestion = SpellingSuggestion.closest(to: branch.next, in: scenario.turns.map(\.id) + scenario.endings.map(\.id))
                    diagnostics.append(diagnostic(
                        .unknownTarget, root.location(of: branchPath + [.key("next")]),
                        "branch \(branchIndex + 1) of turn `\(turn.id)` goes to `\(branch.next)`, which is neither a turn nor an ending",
                        hint: (suggestion.map { "did you mean `\($0)`? " } ?? "") + "`next` names a turn or an ending (\(targetList()))"
                    ))
                }
                let isLast = branchIndex == turn.branches.count - 1
                if branch.when == nil, !isLast {
                    diagnostics.append(diagnostic(
                        .fallbackNotLast, root.location(of: branchPath),
                        "branch \(branchIndex + 1) of turn `\(turn.id)` has no `when:`, so the branches after it can never be taken",
                        hint: "move the branch without a condition to the end of the list, or give it a `when:`"
                    ))
                }
                if branch.when != nil, isLast {
                    diagnostics.append(diagnostic(
                        .missingFallback, root.location(of: branchPath),
                        "the last branch of turn `\(turn.id)` has a condition, so a reply that matches no branch has nowhere to go",
                        hint: "end the list with a branch that has no `when:` (the fallback), for example `- mood: 1` and `next: …`"
                    ))
                }
            }
        }

        // Reachability: turns from `start`, endings from the branches of reachable turns and on_furious/on_max_turns.
        var reachable: Set<String> = []
        var pending = turnIDs.contains(scenario.start) ? [scenario.start] : []
        var reachedEndings: Set<String> = [scenario.onFurious, scenario.onMaxTurns]
        while let id = pending.popLast() {
            guard reachable.insert(id).inserted, let turn = scenario.turn(id) else { continue }
            for branch in turn.branches {
                if turnIDs.contains(branch.next) { pending.append(branch.next) } else { reachedEndings.insert(branch.next) }
            }
        }
        if turnIDs.contains(scenario.start) {
            for (index, turn) in scenario.turns.enumerated() where !reachable.contains(turn.id) {
                diagnostics.append(diagnostic(
                    .unreachableTurn, at(.key("turns"), .index(index), .key("id")),
                    "no path from `start` (`\(scenario.start)`) leads to turn `\(turn.id)`",
                    hint: "add a branch with `next: \(turn.id)` to a turn the call can reach, or remove this turn"
                ))
            }
        }
        for (index, ending) in scenario.endings.enumerated() where !reachedEndings.contains(ending.id) {
            diagnostics.append(diagnostic(
                .unreachableEnding, at(.key("endings"), .index(index), .key("id")),
                "no branch of a reachable turn, nor `on_furious`/`on_max_turns`, leads to ending `\(ending.id)`",
                hint: "add a branch with `next: \(ending.id)`, or remove the ending"
            ))
        }
        return diagnostics
    }

    // MARK: Conditions

    private func conditions() -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (turnIndex, turn) in scenario.turns.enumerated() {
            let rated = Set(turn.rates)
            for (branchIndex, branch) in turn.branches.enumerated() {
                guard let condition = branch.when else { continue }
                let whenPath: [YAMLPathComponent] = [.key("turns"), .index(turnIndex), .key("branches"), .index(branchIndex), .key("when")]
                if condition == BranchCondition() {
                    diagnostics.append(diagnostic(
                        .emptyCondition, root.location(of: whenPath),
                        "branch \(branchIndex + 1) of turn `\(turn.id)` has an empty `when:`, which every reply matches",
                        hint: "write what the reply must have (at_least, at_most, flags, no_flags, mood_at_least, mood_at_most), "
                            + "or remove `when:` and make this the last branch"
                    ))
                }
                for dimension in condition.dimensions.subtracting(rated).sorted() {
                    let key = condition.atLeast?[dimension] != nil ? "at_least" : "at_most"
                    diagnostics.append(diagnostic(
                        .unratedDimension, root.location(of: whenPath + [.key(key), .key(dimension.rawValue)]),
                        "branch \(branchIndex + 1) of turn `\(turn.id)` tests `\(dimension.rawValue)`, which the turn does not rate",
                        hint: "add `\(dimension.rawValue)` to the turn's `rates:` (now \(turn.rates.map(\.rawValue).joined(separator: ", "))), "
                            + "or test a rated dimension"
                    ))
                }
            }
        }
        return diagnostics
    }

    // MARK: Language

    /// The lines that may speak to the trainee: the brief, every turn's `says` and every debrief.
    var addressedLines: [(what: String, keyPath: [YAMLPathComponent], text: AddressedText)] {
        var lines: [(String, [YAMLPathComponent], AddressedText)] = [("brief", [.key("brief")], scenario.brief)]
        for (index, turn) in scenario.turns.enumerated() {
            lines.append(("turn `\(turn.id)`", [.key("turns"), .index(index), .key("says")], turn.says))
        }
        for (index, ending) in scenario.endings.enumerated() {
            lines.append(("the debrief of ending `\(ending.id)`", [.key("endings"), .index(index), .key("debrief")], ending.debrief))
        }
        return lines
    }

    private func language() -> [Diagnostic] {
        var lines: [(String, [YAMLPathComponent], String)] = [
            ("title", [.key("title")], scenario.title),
            ("customer.background", [.key("customer"), .key("background")], scenario.customer.background),
        ]
        for (what, keyPath, text) in addressedLines {
            lines += text.texts.map { (what, keyPath, $0) }
        }
        var diagnostics: [Diagnostic] = []
        for (what, keyPath, text) in lines {
            let hebrew = text.unicodeScalars.count { (0x05D0...0x05EA).contains($0.value) }
            let latin = text.unicodeScalars.count { ("a"..."z").contains($0) || ("A"..."Z").contains($0) }
            switch scenario.language {
            case .hebrew where hebrew == 0:
                diagnostics.append(diagnostic(
                    .languageMismatch, root.location(of: keyPath), "the scenario is in Hebrew (`language: he`) but \(what) has no Hebrew letters",
                    hint: "write the line in Hebrew, or set `language: en` if the whole scenario is in English"
                ))
            case .english where hebrew > latin:
                diagnostics.append(diagnostic(
                    .languageMismatch, root.location(of: keyPath), "the scenario is in English (`language: en`) but \(what) is in Hebrew",
                    hint: "write the line in English, or set `language: he` if the whole scenario is in Hebrew"
                ))
            default:
                break
            }
        }
        return diagnostics
    }

    // MARK: Test plan

    private func testPlan() -> [Diagnostic] {
        if scenario.testPlan.isEmpty {
            return [diagnostic(
                .missingTestPlan, hasTestPlanKey ? at(.key("test_plan")) : nil, "the scenario has no test plan",
                hint: "add `test_plan:` with a few scripted paths (replies as levels and flags, the lines expected and the ending); "
                    + "`swift test` plays every path"
            )]
        }
        var diagnostics: [Diagnostic] = []
        for (pathIndex, testPath) in scenario.testPlan.enumerated() {
            let base: [YAMLPathComponent] = [.key("test_plan"), .index(pathIndex)]
            for (stepIndex, step) in testPath.steps.enumerated() where !turnIDs.contains(step.line) {
                let suggestion = SpellingSuggestion.closest(to: step.line, in: scenario.turns.map(\.id))
                diagnostics.append(diagnostic(
                    .unknownTestPlanTarget, root.location(of: base + [.key("steps"), .index(stepIndex), .key("line")]),
                    "step \(stepIndex + 1) of test path \"\(testPath.name)\" expects line `\(step.line)`, which is not a turn",
                    hint: (suggestion.map { "did you mean `\($0)`? " } ?? "") + "a step's `line` is the id of the turn the customer is on"
                ))
            }
            if !endingIDs.contains(testPath.ending) {
                let suggestion = SpellingSuggestion.closest(to: testPath.ending, in: scenario.endings.map(\.id))
                diagnostics.append(diagnostic(
                    .unknownTestPlanTarget, root.location(of: base + [.key("ending")]),
                    "test path \"\(testPath.name)\" expects ending `\(testPath.ending)`, which is not an ending",
                    hint: (suggestion.map { "did you mean `\($0)`? " } ?? "") + "name one of the endings (\(targetList()))"
                ))
            }
        }
        return diagnostics
    }
}
