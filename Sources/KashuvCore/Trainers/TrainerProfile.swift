import Foundation
import Yams

/// How a trainer wants Kashuv to coach: the language of feedback, how much each dimension
/// counts and what level passes. Lives in `Trainers/<name>/profile.yaml`; the format is in
/// `docs/trainers-format.md` and `kashuv validate` checks it.
public struct TrainerProfile: Codable, Sendable, Hashable {
    /// The language feedback and debriefs are given in.
    public var feedbackLanguage: Language
    /// How much each dimension counts in an overall score, relative to the others (0 or more).
    public var weights: [Dimension: Double]
    /// The average level (0–2) a trainee needs on each dimension to pass.
    public var passThresholds: [Dimension: Double]
    /// Extra cue files (company jargon, house phrases), as paths relative to the profile's folder.
    public var extraCues: [String]

    /// Creates a profile.
    public init(
        feedbackLanguage: Language, weights: [Dimension: Double], passThresholds: [Dimension: Double], extraCues: [String] = []
    ) {
        self.feedbackLanguage = feedbackLanguage
        self.weights = weights
        self.passThresholds = passThresholds
        self.extraCues = extraCues
    }

    enum CodingKeys: String, CodingKey {
        case feedbackLanguage = "feedback_language"
        case weights
        case passThresholds = "pass_thresholds"
        case extraCues = "extra_cues"
    }

    /// Decodes a profile; `extra_cues` may be left out (no extra cues).
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        feedbackLanguage = try container.decode(Language.self, forKey: .feedbackLanguage)
        weights = try container.decode([Dimension: Double].self, forKey: .weights)
        passThresholds = try container.decode([Dimension: Double].self, forKey: .passThresholds)
        extraCues = try container.decodeIfPresent([String].self, forKey: .extraCues) ?? []
    }

    /// The weight of one dimension (0 when the profile leaves it out).
    public func weight(of dimension: Dimension) -> Double { weights[dimension] ?? 0 }

    /// The pass threshold of one dimension (2, the strictest, when the profile leaves it out).
    public func passThreshold(of dimension: Dimension) -> Double { passThresholds[dimension] ?? Double(Levels.range.upperBound) }

    /// The weights scaled to add up to 1 (equal weights when they are all 0).
    public var normalizedWeights: [Dimension: Double] {
        let total = Dimension.allCases.reduce(0) { $0 + weight(of: $1) }
        return Dimension.allCases.reduce(into: [:]) { result, dimension in
            result[dimension] = total > 0 ? weight(of: dimension) / total : 1 / Double(Dimension.allCases.count)
        }
    }

    /// The extra cue files as URLs, resolved against the folder of the profile file.
    public func extraCueFiles(relativeTo profileFolder: URL) -> [URL] {
        extraCues.map { profileFolder.appendingPathComponent($0).standardizedFileURL }
    }

    /// Loads a profile file (one that `kashuv validate` accepts; throws the first problem otherwise).
    public static func load(from file: URL) throws -> TrainerProfile {
        try YAMLDecoder().decode(TrainerProfile.self, from: Data(contentsOf: file))
    }

    /// Loads `default/profile.yaml` from a Trainers folder.
    public static func loadDefault(trainersFolder: URL) throws -> TrainerProfile {
        try load(from: trainersFolder.appendingPathComponent("default").appendingPathComponent("profile.yaml"))
    }
}
