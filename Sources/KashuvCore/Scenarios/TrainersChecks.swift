import Foundation
import Yams

/// The checks on trainer files that need more than their shape.
struct TrainersChecks {
    /// The file, as the user named it.
    var path: String
    /// The file's node tree, for line numbers.
    var root: Node

    /// Checks a profile: every dimension weighted and given a threshold, some weight above 0,
    /// and every extra cue file present inside the Trainers folder.
    func check(_ profile: TrainerProfile) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        for (key, table) in [("weights", profile.weights), ("pass_thresholds", profile.passThresholds)] {
            let missing = Dimension.allCases.filter { table[$0] == nil }
            if !missing.isEmpty {
                diagnostics.append(Diagnostic(
                    .missingKey, path: path, at: root.keyLocation(of: [.key(key)]),
                    "`\(key)` has no \(missing.map { "`\($0.rawValue)`" }.joined(separator: ", "))",
                    hint: "give all three dimensions (listening, ownership, framing) a value"
                ))
            }
        }
        if !profile.weights.isEmpty, profile.weights.values.allSatisfy({ $0 == 0 }) {
            diagnostics.append(Diagnostic(
                .invalidWeight, path: path, at: root.keyLocation(of: [.key("weights")]), "every weight is 0",
                hint: "give at least one dimension a weight above 0; weights count relative to each other"
            ))
        }
        let folder = URL(fileURLWithPath: path).deletingLastPathComponent()
        for (index, cue) in profile.extraCues.enumerated() {
            let location = root.location(of: [.key("extra_cues"), .index(index)])
            if cue.hasPrefix("/") || cue.split(separator: "/").contains("..") {
                diagnostics.append(Diagnostic(
                    .missingCueFile, path: path, at: location, "`\(cue)` is not a path inside the profile's folder",
                    hint: "list cue files relative to the profile, such as `cues/jargon.yaml`, and keep them in the Trainers folder"
                ))
                continue
            }
            var isDirectory: ObjCBool = false
            let target = folder.appendingPathComponent(cue).path
            if !FileManager.default.fileExists(atPath: target, isDirectory: &isDirectory) || isDirectory.boolValue {
                diagnostics.append(Diagnostic(
                    .missingCueFile, path: path, at: location, "the cue file `\(cue)` does not exist (looked for \(target))",
                    hint: "create the file, fix the path (relative to the profile's folder), or remove it from `extra_cues`"
                ))
            }
        }
        return diagnostics
    }

    /// Checks a plan on its own: a non-empty list without repeats. Whether the ids exist is
    /// checked against the whole library by ``ScenarioValidator``.
    func check(_ plan: WorkshopPlan) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        if plan.scenarios.isEmpty {
            diagnostics.append(Diagnostic(
                .invalidPlanList, path: path, at: root.keyLocation(of: [.key("scenarios")]), "the plan lists no scenarios",
                hint: "list scenario ids in the order the group plays them (`kashuv scenarios` shows the ids)"
            ))
        }
        var seen: Set<String> = []
        for (index, id) in plan.scenarios.enumerated() where !seen.insert(id).inserted {
            diagnostics.append(Diagnostic(
                .invalidPlanList, path: path, at: root.location(of: [.key("scenarios"), .index(index)]),
                "scenario `\(id)` is listed twice", hint: "list each scenario once"
            ))
        }
        return diagnostics
    }
}
