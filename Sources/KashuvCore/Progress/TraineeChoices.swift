import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What a trainee chose about how Kashuv talks to them: how Hebrew lines address them and,
/// if they chose one, the language of feedback.
///
/// Kept beside their progress file as `<file stem>.trainee.json`, one small JSON object that
/// is replaced whole (written to a temporary file, `fsync`ed, renamed), so start-up reads it
/// in one go whatever the length of the progress file. See `docs/progress-format.md`.
public struct TraineeChoices: Codable, Sendable, Hashable {
    /// The format version (``ProgressRecord/schemaVersion``).
    public var schemaVersion: Int
    /// The trainee's display name.
    public var trainee: String
    /// How Hebrew lines address the trainee; `nil` when they have not said.
    public var address: AddressForm?
    /// The feedback language the trainee chose (`--feedback`); `nil` leaves it to the trainer profile.
    public var feedbackLanguage: Language?
    /// When the choices were last changed.
    public var updatedAt: Date

    /// Creates choices.
    public init(trainee: String, address: AddressForm?, feedbackLanguage: Language? = nil, updatedAt: Date = Date()) {
        schemaVersion = ProgressRecord.schemaVersion
        self.trainee = trainee
        self.address = address
        self.feedbackLanguage = feedbackLanguage
        self.updatedAt = updatedAt
    }

    enum CodingKeys: String, CodingKey {
        case schemaVersion = "schema_version"
        case trainee, address
        case feedbackLanguage = "feedback_language"
        case updatedAt = "updated_at"
    }

    public func encode(to encoder: any Encoder) throws {
        // Explicit nulls, so the file always shows every choice.
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(schemaVersion, forKey: .schemaVersion)
        try container.encode(trainee, forKey: .trainee)
        try container.encode(address, forKey: .address)
        try container.encode(feedbackLanguage, forKey: .feedbackLanguage)
        try container.encode(updatedAt, forKey: .updatedAt)
    }
}

extension ProgressStore {
    /// The file that keeps the trainee's choices: `<file stem>.trainee.json` in the progress folder.
    public func choicesURL(for trainee: TraineeName) -> URL {
        folder.appendingPathComponent(trainee.fileStem + ".trainee.json", isDirectory: false)
    }

    /// The trainee's choices; `nil` when they have made none yet. A file that does not read
    /// as choices counts as none (they are asked again), never as an error that stops practice.
    public func choices(for trainee: TraineeName) -> TraineeChoices? {
        guard let data = try? Data(contentsOf: choicesURL(for: trainee)) else { return nil }
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .iso8601
        return try? decoder.decode(TraineeChoices.self, from: data)
    }

    /// Saves the trainee's choices, replacing the earlier ones all at once: a crash leaves
    /// either the old file or the new one.
    public func save(_ choices: TraineeChoices, for trainee: TraineeName) throws(ProgressError) {
        try prepareFolder()
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .iso8601
        let target = choicesURL(for: trainee)
        guard let data = try? encoder.encode(choices) + Data("\n".utf8) else {
            preconditionFailure("trainee choices always encode")
        }
        try ReplacedFile.write(data, to: target)
    }
}
