import Foundation
import Yams

/// Checks facilitators' files — scenarios, trainer profiles and workshop plans — and reports
/// every problem with its file, line and a documented code (`docs/diagnostics.md`).
///
/// ```swift
/// let report = ScenarioValidator().validate(paths: ["Scenarios", "Trainers"])
/// for diagnostic in report.diagnostics { print(diagnostic) }
/// ```
///
/// Each file goes through four stages: reading the bytes safely, parsing the YAML (each
/// runs only when the one before found nothing), then checking its shape (types, keys,
/// names, ranges, control characters, tags) and the checks that need the whole file (the
/// dialogue graph, language, test plan), which run even after shape problems, on a repaired
/// copy (``YAMLShape/repaired(_:)``), so every independent problem is reported in one pass. Across files it checks that scenario ids are unique and that workshop plans
/// name scenarios that exist. Any input, however hostile, gets diagnostics, never a crash.
public struct ScenarioValidator: Sendable {
    /// How much the validator reads.
    public var limits: ValidationLimits

    /// Where verdicts on unchanged files are kept between runs (``ValidationCache``); none by default
    /// unless the program turned one on.
    public var cache: ValidationCache?

    /// Creates a validator.
    public init(limits: ValidationLimits = ValidationLimits(), cache: ValidationCache? = ValidationCache.current) {
        self.limits = limits
        self.cache = cache
    }

    /// What a run found.
    public struct Report: Sendable {
        /// Every problem, grouped by file in the order the files were checked, by line within a file.
        public var diagnostics: [Diagnostic]
        /// How many files were checked.
        public var filesChecked: Int
        /// The scenarios from files that have no problems, sorted by id (empty when the run
        /// kept only ``summaries``).
        public var scenarios: [Scenario]
        /// The summaries of those scenarios, sorted by id.
        public var summaries: [ScenarioSummary]

        /// Whether everything checked is valid: no errors (warnings allowed).
        public var isValid: Bool { errors.isEmpty }

        /// The diagnostics that make a file invalid.
        public var errors: [Diagnostic] { diagnostics.filter { $0.severity == .error } }

        /// The warnings: things that play but are probably not what the author meant.
        public var warnings: [Diagnostic] { diagnostics.filter { $0.severity == .warning } }
    }

    /// The kinds of file the validator knows.
    enum FileKind: Sendable, Hashable {
        case scenario, trainerProfile, workshopPlan, cueBook
    }

    /// What checking one file found.
    struct FileOutcome: Sendable {
        var path: String
        var kind: FileKind?
        var diagnostics: [Diagnostic] = []
        var scenario: Scenario?
        /// The scenario's summary: set with ``scenario``, or alone when only it was read from the cache.
        var summary: ScenarioSummary?
        var idLocation: LineColumn?
        var plannedScenarios: [(id: String, location: LineColumn?)] = []
    }

    /// How much of each valid scenario a run hands back.
    public enum Keeping: Sendable {
        /// Every scenario whole (``Report/scenarios``), as practice and reports need them.
        case scenarios
        /// Only their summaries (``Report/summaries``), as a list or a check needs them: an
        /// unchanged file's verdict is read from the cache without decoding its whole
        /// scenario, and a new verdict is kept without it (a later whole read checks that
        /// file again and keeps it whole).
        case summaries
    }

    /// Checks files and folders (folders are searched for `.yaml`/`.yml` files, recursively).
    public func validate(paths: [String], keeping: Keeping = .scenarios) -> Report {
        var outcomes: [FileOutcome] = []
        var pending: [Int] = []  // outcomes still to check, each a file
        for path in paths {
            let found = files(at: path)
            if found.isEmpty {
                outcomes.append(FileOutcome(path: path, diagnostics: [Diagnostic(
                    .emptyFolder, path: path, "the folder holds no .yaml files",
                    hint: "scenarios are .yaml files; check that this is the folder you meant"
                )]))
            }
            for file in found {
                pending.append(outcomes.count)
                outcomes.append(FileOutcome(path: file))
            }
        }
        // Files are checked on their own, so across the cores; the results keep their order.
        let validator = self
        let results = pending.map { outcomes[$0].path }.parallelMap { validator.check(file: $0, keeping: keeping) }
        for (slot, outcome) in zip(pending, results) { outcomes[slot] = outcome }
        crossCheck(&outcomes)
        let valid = outcomes.filter { !$0.diagnostics.contains { $0.severity == .error } }
        let scenarios = keeping == .scenarios ? valid.compactMap(\.scenario).sorted { $0.id < $1.id } : []
        let summaries = valid.compactMap(\.summary).sorted { $0.id < $1.id }
        let diagnostics = outcomes.flatMap { outcome in
            // A value shared through an anchor is checked everywhere it is used; report it once, where it is written.
            var seen: Set<String> = []
            return outcome.diagnostics
                .filter { $0.line == nil || seen.insert("\($0.code):\($0.line ?? 0):\($0.column ?? 0):\($0.hint)").inserted }
                .sorted { ($0.line ?? 0, $0.column ?? 0) < ($1.line ?? 0, $1.column ?? 0) }
        }
        let checked = outcomes.filter { outcome in
            !outcome.diagnostics.contains { [.pathNotFound, .emptyFolder].contains($0.knownCode) }
        }.count
        return Report(diagnostics: diagnostics, filesChecked: checked, scenarios: scenarios, summaries: summaries)
    }

    /// Checks one file on its own (no cross-file checks); `kind` overrides what the file's
    /// location and keys say it is.
    func check(file path: String, as kind: FileKind? = nil, keeping: Keeping = .scenarios) -> FileOutcome {
        let text: YAMLSource.Text
        switch YAMLSource.read(path: path, limits: limits) {
        case .failure(let diagnostic): return FileOutcome(path: path, diagnostics: [diagnostic])
        case .success(let read): text = read
        }
        let limits = self.limits
        let key = ValidationCache.Key(path: path, text: text.text, kind: kind, limits: limits)
        if let cached = cache?.outcome(for: key, whole: keeping == .scenarios) { return cached }
        let outcome = LargeStackThread.run { Self.check(text, limits: limits, as: kind) }
        cache?.store(outcome, for: key, whole: keeping == .scenarios)
        return outcome
    }

    /// Parses and checks text that passed the byte-level checks. Recurses per YAML level: runs on a large stack.
    static func check(_ text: YAMLSource.Text, limits: ValidationLimits, as expected: FileKind? = nil) -> FileOutcome {
        let path = text.path
        var outcome = FileOutcome(path: path)
        let root: Node
        switch YAMLSource.compose(text, limits: limits) {
        case .failure(let diagnostic):
            outcome.diagnostics = [diagnostic]
            return outcome
        case .success(let node): root = node
        }
        let kind = expected ?? kind(fromPath: path) ?? kind(fromContent: root)
        outcome.kind = kind
        let hygiene = YAMLHygiene(path: path).check(root)
        let shapeChecker = YAMLShapeChecker(path: path)
        switch kind {
        case .cueBook:
            // Read and parsed safely above; the cue format and its codes (KS0500–KS0599) are the scorer's.
            outcome.diagnostics = CueBookValidator.validate(yaml: text.text, path: path)
        case .scenario:
            let hasTestPlanKey = root.node(at: [.key("test_plan")]) != nil
            let shapeProblems = shapeChecker.check(root, against: .scenario)
            outcome.idLocation = root.location(of: [.key("id")])
            // Shape problems do not stop the checks that need the whole file: they run on a
            // repaired copy, and what a stand-in causes at an already reported line is left out.
            // A missing plan is reported by the scenario checks (KS0037), so decode as if it were empty.
            guard case .mapping = root else { outcome.diagnostics = shapeProblems; break }
            var decodable = shapeProblems.isEmpty ? root : YAMLShape.scenario.repaired(root)
            if !hasTestPlanKey, case .mapping(let mapping) = decodable {
                decodable = Node(Array(mapping.map { ($0.key, $0.value) }) + [(Node("test_plan"), Node([Node]()))])
            }
            switch decode(Scenario.self, from: decodable, path: path) {
            case .failure(let diagnostic): outcome.diagnostics = shapeProblems.isEmpty ? [diagnostic] : shapeProblems
            case .success(let scenario):
                let reported = Set(shapeProblems.map { LineColumn(line: $0.line ?? 0, column: $0.column ?? 0) })
                let languageKnown = !shapeProblems.contains { $0.knownCode == .unknownLanguage || $0.message.contains("`language`") }
                let checks = ScenarioChecks(
                    path: path, scenario: scenario, root: root, hasTestPlanKey: hasTestPlanKey, languageKnown: languageKnown
                ).run().filter { !reported.contains(LineColumn(line: $0.line ?? 0, column: $0.column ?? 0)) }
                outcome.diagnostics = shapeProblems + checks
                // Handed out with its prose reflowed: the trainee reads it wrapped to their screen (``Prose``).
                if shapeProblems.isEmpty {
                    outcome.scenario = scenario.reflowingProse()
                    outcome.summary = outcome.scenario.map(ScenarioSummary.init)
                }
            }
        case .trainerProfile:
            outcome.diagnostics = shapeChecker.check(root, against: .trainerProfile)
            guard outcome.diagnostics.isEmpty else { break }
            switch decode(TrainerProfile.self, from: root, path: path) {
            case .failure(let diagnostic): outcome.diagnostics = [diagnostic]
            case .success(let profile): outcome.diagnostics = TrainersChecks(path: path, root: root).check(profile)
            }
        case .workshopPlan:
            outcome.diagnostics = shapeChecker.check(root, against: .workshopPlan)
            guard outcome.diagnostics.isEmpty else { break }
            switch decode(WorkshopPlan.self, from: root, path: path) {
            case .failure(let diagnostic): outcome.diagnostics = [diagnostic]
            case .success(let plan):
                outcome.diagnostics = TrainersChecks(path: path, root: root).check(plan)
                outcome.plannedScenarios = plan.scenarios.enumerated().map { index, id in
                    (id, root.location(of: [.key("scenarios"), .index(index)]))
                }
            }
        }
        outcome.diagnostics = hygiene + outcome.diagnostics
        return outcome
    }

    /// Decodes a value, mapping a decoding error's key path back to the line of the offending node.
    static func decode<Value: Decodable>(_ type: Value.Type, from root: Node, path: String) -> Result<Value, Diagnostic> {
        do {
            return .success(try YAMLDecoder().decode(type, from: root))
        } catch let error as DecodingError {
            let (codingPath, message): ([any CodingKey], String) = switch error {
            case .typeMismatch(_, let context), .valueNotFound(_, let context), .dataCorrupted(let context):
                (context.codingPath, context.debugDescription)
            case .keyNotFound(let key, let context):
                (context.codingPath, "no value for `\(key.stringValue)`")
            @unknown default:
                ([], "\(error)")
            }
            let keyPath = codingPath.map { key in key.intValue.map(YAMLPathComponent.index) ?? .key(key.stringValue) }
            return .failure(Diagnostic(
                .wrongType, path: path, at: root.location(of: keyPath),
                "`\(keyPath.dotted)` cannot be read: \(message)",
                hint: "compare this value with the format in docs/scenario-format.md"
            ))
        } catch {
            return .failure(Diagnostic(
                .wrongType, path: path, at: root.location, "the file cannot be read: \(error)",
                hint: "compare the file with the format in docs/scenario-format.md"
            ))
        }
    }

    // MARK: Across files

    /// Scenario ids unique across the library; workshop plans naming scenarios that exist.
    func crossCheck(_ outcomes: inout [FileOutcome]) {
        var firstFileWithID: [String: String] = [:]
        for index in outcomes.indices {
            guard let scenario = outcomes[index].summary else { continue }
            if let first = firstFileWithID[scenario.id] {
                outcomes[index].diagnostics.append(Diagnostic(
                    .duplicateScenarioID, path: outcomes[index].path, at: outcomes[index].idLocation,
                    "scenario id `\(scenario.id)` is already used by \(first)",
                    hint: "give every scenario its own id, such as `\(scenario.language.rawValue)-\(scenario.category.rawValue)-<slug>`"
                ))
            } else {
                firstFileWithID[scenario.id] = outcomes[index].path
            }
        }
        var known = Set(firstFileWithID.keys)
        var searchedLibraries: Set<String> = []
        for index in outcomes.indices where !outcomes[index].plannedScenarios.isEmpty {
            let planned = outcomes[index].plannedScenarios
            if planned.contains(where: { !known.contains($0.id) }),
               let library = Self.libraryFolder(near: outcomes[index].path), searchedLibraries.insert(library).inserted {
                known.formUnion(scenarioIDs(in: library))
            }
            for (id, location) in planned where !known.contains(id) {
                let suggestion = SpellingSuggestion.closest(to: id, in: known.sorted())
                outcomes[index].diagnostics.append(Diagnostic(
                    .unknownScenarioInPlan, path: outcomes[index].path, at: location,
                    "the plan names scenario `\(id)`, which is not in the library",
                    hint: (suggestion.map { "did you mean `\($0)`? " } ?? "") + "`kashuv scenarios` lists the ids in the library"
                ))
            }
        }
    }

    /// The `Scenarios` folder of the library a Trainers file belongs to: the nearest folder
    /// above the file that has one; for a plan kept elsewhere, the library Kashuv itself uses
    /// (``LibraryLocation``: `KASHUV_HOME`, the current directory, the executable's package).
    static func libraryFolder(near path: String) -> String? {
        if let nearest = nearestLibraryFolder(near: path) { return nearest }
        let library = LibraryLocation.scenariosFolder().path
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: library, isDirectory: &isDirectory) && isDirectory.boolValue ? library : nil
    }

    private static func nearestLibraryFolder(near path: String) -> String? {
        var folder = URL(fileURLWithPath: path).standardizedFileURL.deletingLastPathComponent()
        for _ in 0..<6 {
            let candidate = folder.appendingPathComponent("Scenarios")
            var isDirectory: ObjCBool = false
            if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isDirectory), isDirectory.boolValue {
                return candidate.path
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { break }
            folder = parent
        }
        return nil
    }

    /// The ids of the valid scenarios in a folder (problems there are reported when that folder is validated).
    func scenarioIDs(in folder: String) -> Set<String> {
        Set(files(at: folder).compactMap { file -> String? in
            guard Self.kind(fromPath: file) == nil, case .success(let text) = YAMLSource.read(path: file, limits: limits) else {
                return nil
            }
            let limits = self.limits
            return LargeStackThread.run {
                guard case .success(let root) = YAMLSource.compose(text, limits: limits), Self.kind(fromContent: root) == .scenario else {
                    return nil
                }
                return root.node(at: [.key("id")])?.string
            }
        })
    }

    // MARK: Finding and classifying files

    /// The files a path stands for: itself, or the YAML files under a folder (sorted, hidden ones left out).
    func files(at path: String) -> [String] {
        var isDirectory: ObjCBool = false
        let looksLikeFile = path.hasSuffix(".yaml") || path.hasSuffix(".yml")
        guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue, !looksLikeFile else {
            return [path] // a folder named like a YAML file is reported as a folder where a file is expected
        }
        guard let enumerator = FileManager.default.enumerator(atPath: path) else { return [path] }
        var found: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.split(separator: "/").contains(where: { $0.hasPrefix(".") }) { continue }
            guard relative.hasSuffix(".yaml") || relative.hasSuffix(".yml") else { continue }
            let full = path.hasSuffix("/") ? path + relative : path + "/" + relative
            var isFolder: ObjCBool = false
            if FileManager.default.fileExists(atPath: full, isDirectory: &isFolder), isFolder.boolValue {
                enumerator.skipDescendants() // reported as a folder where a file is expected
            }
            found.append(full)
        }
        return found.sorted()
    }

    /// The kind a file's location says it is: under a `cues` folder, named `profile.yaml`,
    /// or in a `plans` folder. `nil` when the location does not say.
    static func kind(fromPath path: String) -> FileKind? {
        let components = URL(fileURLWithPath: path).standardizedFileURL.pathComponents
        let name = components.last ?? ""
        if components.dropLast().contains("cues") { return .cueBook }
        if name == "profile.yaml" || name == "profile.yml" { return .trainerProfile }
        if components.dropLast().last == "plans" { return .workshopPlan }
        return nil
    }

    /// The kind a file's keys say it is: a plan has `scenarios`, a profile `weights` or
    /// `feedback_language`; anything else is read as a scenario.
    static func kind(fromContent root: Node) -> FileKind {
        guard case .mapping(let mapping) = root else { return .scenario }
        let keys = Set(mapping.keys.compactMap(\.string))
        if keys.contains("turns") { return .scenario }
        if keys.contains("scenarios") { return .workshopPlan }
        if keys.contains("weights") || keys.contains("feedback_language") || keys.contains("pass_thresholds") { return .trainerProfile }
        return .scenario
    }
}
