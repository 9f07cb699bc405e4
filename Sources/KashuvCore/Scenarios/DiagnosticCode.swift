/// The stable codes `kashuv validate` reports, each with a short title.
///
/// Codes never change meaning once published; `docs/diagnostics.md` has one row per code
/// with a bad example and the fixed one. New codes are added at the end.
public enum DiagnosticCode: String, Sendable, CaseIterable, Hashable {
    // Reading the file.
    /// The path does not exist.
    case pathNotFound = "KS0001"
    /// The path exists but cannot be read (permissions, I/O error, not a regular file).
    case unreadable = "KS0002"
    /// A folder was given where a file is expected.
    case directoryNotFile = "KS0003"
    /// The file is larger than the validator reads.
    case fileTooLarge = "KS0004"
    /// The file is empty or holds only comments and blank lines.
    case emptyFile = "KS0005"
    /// The file holds NUL or other control bytes: it is not a text file.
    case binaryFile = "KS0006"
    /// The file is not valid UTF-8.
    case invalidUTF8 = "KS0007"
    /// The YAML is nested deeper than any Kashuv file needs.
    case nestingTooDeep = "KS0008"
    /// Anchors and aliases (`&name` / `*name`) that expand to too much, or used as keys.
    case aliasExpansion = "KS0009"
    /// The text is not valid YAML.
    case yamlSyntax = "KS0010"
    /// The same key appears twice in one mapping.
    case duplicateKey = "KS0011"

    // The shape of the file.
    /// A value has the wrong type (a list where text is expected, text where a number is expected…).
    case wrongType = "KS0012"
    /// A required key is missing.
    case missingKey = "KS0013"
    /// A key the format does not know (often a typo).
    case unknownKey = "KS0014"
    /// A category other than disappointment, waiting, price, value.
    case unknownCategory = "KS0015"
    /// A language other than `he` or `en`.
    case unknownLanguage = "KS0016"
    /// A dimension other than listening, ownership, framing.
    case unknownDimension = "KS0017"
    /// A flag the scoring guide does not define.
    case unknownFlag = "KS0018"
    /// An ending outcome other than resolved, escalated, left.
    case unknownOutcome = "KS0019"

    // Numbers.
    /// The customer's starting mood is outside 0–10.
    case moodOutOfRange = "KS0020"
    /// A branch moves the mood by more than 10 either way.
    case moodMoveOutOfRange = "KS0021"
    /// A level in a condition or a test plan reply is outside 0–2.
    case levelOutOfRange = "KS0022"
    /// `max_turns` is less than 1.
    case maxTurnsTooSmall = "KS0023"

    // Ids.
    /// Two turns, or two endings, share an id in one file.
    case duplicateID = "KS0024"
    /// A turn and an ending share an id, so `next` would be ambiguous.
    case turnEndingClash = "KS0025"
    /// Two scenario files in the library have the same `id`.
    case duplicateScenarioID = "KS0026"

    // The dialogue graph.
    /// A branch's `next` (or `start`) names no turn or ending of the scenario.
    case unknownTarget = "KS0027"
    /// `on_furious` or `on_max_turns` names something that is not an ending.
    case notAnEnding = "KS0028"
    /// No path from `start` leads to this turn.
    case unreachableTurn = "KS0029"
    /// A turn has no branches, so the call cannot go on from it.
    case noWayForward = "KS0030"
    /// The last branch of a turn has a condition, so some replies match nothing.
    case missingFallback = "KS0031"
    /// A branch without a condition is followed by more branches, which can never be taken.
    case fallbackNotLast = "KS0032"
    /// No branch, `on_furious` or `on_max_turns` leads to this ending.
    case unreachableEnding = "KS0033"
    /// A condition tests a dimension the turn does not rate.
    case unratedDimension = "KS0034"
    /// A condition with nothing in it (`when: {}`) is always true: it hides the branches after it.
    case emptyCondition = "KS0035"

    // Language and test plan.
    /// A Hebrew scenario with a line that has no Hebrew letters, or an English one with Hebrew lines.
    case languageMismatch = "KS0036"
    /// The scenario has no test plan.
    case missingTestPlan = "KS0037"
    /// A test plan step or ending names a line or ending the scenario does not have.
    case unknownTestPlanTarget = "KS0038"

    // Trainers.
    /// A workshop plan names a scenario id that is not in the library.
    case unknownScenarioInPlan = "KS0039"
    /// A trainer profile's weight is negative, or all weights are zero.
    case invalidWeight = "KS0040"
    /// A pass threshold is outside 0–2.
    case thresholdOutOfRange = "KS0041"
    /// A path listed in `extra_cues` does not exist or leaves the Trainers folder.
    case missingCueFile = "KS0042"
    /// A workshop plan lists no scenarios, or one scenario twice.
    case invalidPlanList = "KS0043"

    /// A folder given to the validator holds no YAML files.
    case emptyFolder = "KS0044"

    // The customer's lines.
    /// A Hebrew line speaks to the trainee but gives one form for every trainee.
    case missingAddressForms = "KS0045"
    /// A line answers a trap (`answers:`) on a path where the reply before it need not have raised it (a warning).
    case answersUnraisedTrap = "KS0046"
    /// A line can come back later in the same call, word for word (a warning).
    case repeatedLine = "KS0047"
    /// A harmful reply (blame, redirect, policy wall, dismissive) barely moves the mood (a warning).
    case harmBarelyMovesMood = "KS0048"

    // Hardening (KS0060–KS0069): what a file may not smuggle in.

    /// A scenario id that is not lower-case letters, digits and `-`, or differs from the file name.
    case invalidScenarioID = "KS0060"
    /// Scenario text holds a control character (ESC, NUL, a bidi override…) a terminal would act on.
    case controlCharacter = "KS0061"
    /// A `<<` merge key whose value is not a mapping or a list of mappings.
    case invalidMergeKey = "KS0062"
    /// A YAML tag (`!!python/object`, `!custom`) Kashuv does not read.
    case unsupportedTag = "KS0063"

    /// Whether the code reports a warning (the file still plays) rather than an error.
    public var isWarning: Bool {
        [.answersUnraisedTrap, .repeatedLine, .harmBarelyMovesMood].contains(self)
    }

    /// What the code means, in a few words (the heading of its row in `docs/diagnostics.md`).
    public var title: String {
        switch self {
        case .pathNotFound: "path not found"
        case .unreadable: "file cannot be read"
        case .directoryNotFile: "folder where a file is expected"
        case .fileTooLarge: "file too large"
        case .emptyFile: "empty file"
        case .binaryFile: "binary file"
        case .invalidUTF8: "not UTF-8"
        case .nestingTooDeep: "nested too deeply"
        case .aliasExpansion: "alias expansion"
        case .yamlSyntax: "YAML syntax error"
        case .duplicateKey: "duplicate key"
        case .wrongType: "wrong type"
        case .missingKey: "missing key"
        case .unknownKey: "unknown key"
        case .unknownCategory: "unknown category"
        case .unknownLanguage: "unknown language"
        case .unknownDimension: "unknown dimension"
        case .unknownFlag: "unknown flag"
        case .unknownOutcome: "unknown outcome"
        case .moodOutOfRange: "mood out of range"
        case .moodMoveOutOfRange: "mood move out of range"
        case .levelOutOfRange: "level out of range"
        case .maxTurnsTooSmall: "max_turns too small"
        case .duplicateID: "duplicate id in a file"
        case .turnEndingClash: "turn and ending share an id"
        case .duplicateScenarioID: "duplicate scenario id"
        case .unknownTarget: "unknown turn or ending"
        case .notAnEnding: "not an ending"
        case .unreachableTurn: "unreachable turn"
        case .noWayForward: "turn with no way forward"
        case .missingFallback: "no fallback branch"
        case .fallbackNotLast: "fallback branch not last"
        case .unreachableEnding: "unreachable ending"
        case .unratedDimension: "condition on an unrated dimension"
        case .emptyCondition: "empty condition"
        case .languageMismatch: "language mismatch"
        case .missingTestPlan: "missing test plan"
        case .unknownTestPlanTarget: "test plan names a missing line or ending"
        case .unknownScenarioInPlan: "unknown scenario in a workshop plan"
        case .invalidWeight: "invalid weight"
        case .thresholdOutOfRange: "pass threshold out of range"
        case .missingCueFile: "missing cue file"
        case .invalidPlanList: "invalid scenario list"
        case .emptyFolder: "folder without YAML files"
        case .missingAddressForms: "line to the trainee in one form only"
        case .answersUnraisedTrap: "line answers a trap that was not raised"
        case .repeatedLine: "line can repeat"
        case .harmBarelyMovesMood: "harmful reply barely moves the mood"

        case .invalidScenarioID: "invalid scenario id"
        case .controlCharacter: "control character in text"
        case .invalidMergeKey: "invalid merge key"
        case .unsupportedTag: "unsupported YAML tag"
        }
    }
}

extension Diagnostic {
    /// Creates a diagnostic with one of the documented codes.
    init(_ code: DiagnosticCode, path: String, at location: LineColumn? = nil, _ message: String, hint: String) {
        self.init(
            path: path, line: location?.line, column: location?.column,
            code: code.rawValue, message: message, hint: hint, severity: code.isWarning ? .warning : .error
        )
    }

    /// The documented code, when the diagnostic carries one.
    public var knownCode: DiagnosticCode? { DiagnosticCode(rawValue: code) }
}

/// A 1-based line and column in a file.
struct LineColumn: Sendable, Hashable {
    /// The 1-based line.
    var line: Int
    /// The 1-based column, counted in Unicode scalars.
    var column: Int

    /// Creates a location.
    init(line: Int, column: Int) {
        self.line = line
        self.column = column
    }
}
