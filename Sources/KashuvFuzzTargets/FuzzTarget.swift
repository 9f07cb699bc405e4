import Foundation
import KashuvCore

/// The inputs Kashuv reads from outside, each as a fuzz target: bytes in, the list of broken
/// promises out (empty when the input was handled as documented).
///
/// Every target also promises what a fuzzer checks on its own: no crash, no hang, no
/// unbounded memory. `kashuv-fuzz TARGET` runs one under libFuzzer (`scripts/fuzz`), and
/// `FuzzTargetTests` runs each on its seeds and seeded random mutations in every test run.
/// See `docs/fuzzing.md`.
public enum FuzzTarget: String, CaseIterable, Sendable {
    /// A scenario file through ``ScenarioFile`` (the loader every command uses).
    case scenario
    /// A cue file through the scorer's cue loader and its validator.
    case cues
    /// A reply (and customer line) through ``ReplyScorer``.
    case scorer
    /// A progress file through ``ProgressFileContents`` and resuming.
    case progress

    /// Runs the target on one input and returns every promise it broke.
    public func run(_ bytes: [UInt8]) -> [String] {
        switch self {
        case .scenario: Self.scenario(bytes)
        case .cues: Self.cues(bytes)
        case .scorer: Self.scorer(bytes)
        case .progress: Self.progress(bytes)
        }
    }

    // MARK: The targets

    /// A scenario either loads, with every text safe for a terminal and a graph that leads
    /// somewhere, or is refused with diagnostics that each name the file and a code.
    static func scenario(_ bytes: [UInt8]) -> [String] {
        let path = "fuzz-scenario.yaml"
        do {
            let scenario = try ScenarioFile.load(bytes: bytes, path: path)
            var broken: [String] = []
            let texts = [scenario.id, scenario.title, scenario.customer.name, scenario.customer.background] + scenario.brief.texts
                + scenario.turns.flatMap(\.says.texts) + scenario.endings.flatMap(\.debrief.texts)
            if texts.contains(where: { DisplaySafeText.firstUnsafeCharacter(in: $0) != nil }) {
                broken.append("a loaded scenario holds a control character")
            }
            if scenario.turn(scenario.start) == nil { broken.append("a loaded scenario starts at a turn it does not have") }
            if !Mood.range.contains(scenario.customer.mood) { broken.append("a loaded scenario's mood is out of range") }
            if scenario.maxTurns < 1 { broken.append("a loaded scenario has max_turns below 1") }
            for turn in scenario.turns where turn.branches.last?.when != nil || turn.branches.isEmpty {
                broken.append("turn \(turn.id) of a loaded scenario has no fallback branch")
            }
            return broken
        } catch {
            return error.diagnostics.contains { $0.path != path || !$0.code.hasPrefix("KS") || $0.message.isEmpty }
                ? ["a diagnostic does not name the file, a code and a message"] : []
        }
    }

    /// A cue file is read into cues or refused with diagnostics; the validator and the loader agree.
    static func cues(_ bytes: [UInt8]) -> [String] {
        let text = String(decoding: bytes, as: UTF8.self)
        let diagnostics = CueBookValidator.validate(yaml: text, path: "fuzz-cues.yaml")
        let loaded = (try? CueBook(yaml: text, path: "fuzz-cues.yaml")) != nil
        if diagnostics.isEmpty && !loaded { return ["the validator accepts a cue file the loader refuses"] }
        return []
    }

    /// Any reply gets levels 0–2 and evidence that quotes the reply at its own offsets.
    static func scorer(_ bytes: [UInt8]) -> [String] {
        // Input: reply, then optionally a NUL and the customer's line.
        let parts = bytes.split(separator: 0, maxSplits: 1, omittingEmptySubsequences: false)
        let reply = String(decoding: parts[0], as: UTF8.self)
        let customer = parts.count > 1 ? String(decoding: parts[1], as: UTF8.self) : nil
        let result = sharedScorer.score(reply, context: ScoringContext(customerLine: customer))
        var broken: [String] = []
        for dimension in KashuvCore.Dimension.allCases where !(0...2).contains(result.levels[dimension]) {
            broken.append("level \(dimension) out of 0–2")
        }
        let scalars = Array(reply.unicodeScalars)
        for evidence in result.evidence {
            guard 0 <= evidence.start, evidence.start <= evidence.end, evidence.end <= scalars.count else {
                broken.append("evidence \(evidence.start)..<\(evidence.end) outside a reply of \(scalars.count) scalars")
                continue
            }
            var quoted = String.UnicodeScalarView()
            quoted.append(contentsOf: scalars[evidence.start..<evidence.end])
            if String(quoted) != evidence.text { broken.append("evidence text is not the reply's own words at its offsets") }
        }
        return broken
    }

    /// A progress file never fails to read: each line is a record or a reported issue, and
    /// every record read writes back as a line that reads as the same record.
    static func progress(_ bytes: [UInt8]) -> [String] {
        let data = Data(bytes)
        let contents = ProgressFileContents.parse(data, file: "fuzz.jsonl")
        var broken: [String] = []
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false).count
        if contents.records.count + contents.issues.count > lines { broken.append("more records and issues than lines") }
        for record in contents.records {
            guard let line = try? record.jsonLine(), let again = try? ProgressRecord.decode(line: line) else {
                broken.append("a record read from the file cannot be written back")
                continue
            }
            if again != record { broken.append("a record changes when written back and read again") }
        }
        for id in Set(contents.records.map(\.scenarioID)) {
            if let attempt = contents.resumableAttempt(scenarioID: id), attempt.turns.isEmpty {
                broken.append("a resumable attempt with no turns")
            }
        }
        _ = contents.lastResumableScenarioID
        return broken
    }

    /// The default scorer, loaded once (from `KASHUV_HOME` or the package this was built from).
    static let sharedScorer: ReplyScorer = {
        do {
            return try ReplyScorer.loadDefault()
        } catch {
            fatalError("kashuv-fuzz: cannot load the default cues (set KASHUV_HOME to the Kashuv folder): \(error)")
        }
    }()
}
