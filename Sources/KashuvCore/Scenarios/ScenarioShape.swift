/// The shape of a scenario file, key by key, as `docs/scenario-format.md` describes it.
///
/// `docs/scenario.schema.json` states the same shape for editors; a test keeps the two in step.
extension YAMLShape {
    /// The whole scenario file. `test_plan` is optional here so a missing plan gets its own code.
    static let scenario: YAMLShape = .mapping([
        .required("id", .text),
        .required("language", .name(.languages)),
        .required("category", .name(.of(ObjectionCategory.self, kind: "category", code: .unknownCategory))),
        .required("title", .text),
        .required("brief", .addressedText),
        .required("can_offer", .list(.text)),
        .required("cannot_offer", .list(.text)),
        .required("customer", .mapping([
            .required("name", .text),
            .required("background", .text),
            .required("mood", .integer(.startMood)),
        ])),
        .required("facts", .list(.text)),
        .required("max_turns", .integer(Bounds(range: 1...1_000, code: .maxTurnsTooSmall, meaning: "from 1 to 1000"))),
        .required("start", .text),
        .required("on_furious", .text),
        .required("on_max_turns", .text),
        .required("turns", .list(turn)),
        .required("endings", .list(ending)),
        .optional("test_plan", .list(testPath)),
    ])

    /// One customer turn.
    static let turn: YAMLShape = .mapping([
        .required("id", .text),
        .required("says", .addressedText),
        .optional("rates", .list(.name(.dimensions))),
        .optional("answers", .list(.name(.flags))),
        .required("branches", .list(branch)),
    ])

    /// One branch of a turn.
    static let branch: YAMLShape = .mapping([
        .optional("when", condition),
        .optional("mood", .integer(Bounds(
            range: -10...10, code: .moodMoveOutOfRange, meaning: "from -10 (calms fully) to 10 (angers fully)"
        ))),
        .required("next", .text),
    ])

    /// A branch condition.
    static let condition: YAMLShape = .mapping([
        .optional("at_least", .table(keys: .dimensions, values: .integer(.level))),
        .optional("at_most", .table(keys: .dimensions, values: .integer(.level))),
        .optional("flags", .list(.name(.flags))),
        .optional("no_flags", .list(.name(.flags))),
        .optional("mood_at_least", .integer(.startMood)),
        .optional("mood_at_most", .integer(.startMood)),
    ])

    /// One ending.
    static let ending: YAMLShape = .mapping([
        .required("id", .text),
        .required("outcome", .name(.of(Outcome.self, kind: "outcome", code: .unknownOutcome))),
        .required("debrief", .addressedText),
    ])

    /// One scripted path of the test plan.
    static let testPath: YAMLShape = .mapping([
        .required("name", .text),
        .required("steps", .list(.mapping([
            .required("line", .text),
            .required("reply", .mapping([
                .required("listening", .integer(.level)),
                .required("ownership", .integer(.level)),
                .required("framing", .integer(.level)),
                .optional("flags", .list(.name(.flags))),
            ])),
        ]))),
        .required("ending", .text),
    ])
}

extension YAMLShape.Names {
    /// `he` and `en`.
    static let languages = YAMLShape.Names.of(Language.self, kind: "language", code: .unknownLanguage)
    /// listening, ownership, framing.
    static let dimensions = YAMLShape.Names.of(Dimension.self, kind: "dimension", code: .unknownDimension)
    /// The scoring guide's flags.
    static let flags = YAMLShape.Names.of(Flag.self, kind: "flag", code: .unknownFlag)
}

extension YAMLShape.Bounds {
    /// A mood on the 0–10 scale.
    static let startMood = YAMLShape.Bounds(
        range: Double(Mood.calm)...Double(Mood.furious), code: .moodOutOfRange, meaning: "from 0 (calm) to 10 (furious)"
    )
    /// A level of a dimension.
    static let level = YAMLShape.Bounds(
        range: Double(Levels.range.lowerBound)...Double(Levels.range.upperBound), code: .levelOutOfRange,
        meaning: "0 (missing), 1 (partial) or 2 (strong)"
    )
}
