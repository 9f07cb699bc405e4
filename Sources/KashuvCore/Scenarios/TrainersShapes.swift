/// The shapes of the files under `Trainers/`, as `docs/trainers-format.md` describes them.
extension YAMLShape {
    /// A trainer profile (`Trainers/<name>/profile.yaml`).
    static let trainerProfile: YAMLShape = .mapping([
        .required("feedback_language", .name(.languages)),
        .required("weights", .table(keys: .dimensions, values: .number(Bounds(
            range: 0...100, code: .invalidWeight, meaning: "from 0 to 100 (weights count relative to each other)"
        )))),
        .required("pass_thresholds", .table(keys: .dimensions, values: .number(Bounds(
            range: 0...2, code: .thresholdOutOfRange, meaning: "an average level from 0 to 2"
        )))),
        .optional("extra_cues", .list(.text)),
    ])

    /// A workshop plan (`Trainers/plans/<name>.yaml`).
    static let workshopPlan: YAMLShape = .mapping([
        .required("title", .text),
        .optional("description", .text),
        .required("scenarios", .list(.text)),
    ])
}
