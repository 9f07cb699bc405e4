import Foundation

/// One line of a progress file: a scored turn or the end of an attempt.
///
/// Each record is one JSON object on one line, with a `"type"` of `"turn"` or `"attempt"`
/// and a `"schema_version"`. The format is described for coaches in `docs/progress-format.md`.
public enum ProgressRecord: Decodable, Sendable, Hashable {
    /// A reply the trainee gave and how it was scored (`"type": "turn"`).
    case turn(TurnRecord)
    /// An attempt that ended: an ending reached, or abandoned (`"type": "attempt"`).
    case attempt(AttemptRecord)

    /// The version of the format this program writes. Readers accept older versions;
    /// a change that old readers would misread gets a new number.
    public static let schemaVersion = 1

    /// The attempt the record belongs to.
    public var attemptID: UUID {
        switch self {
        case .turn(let record): record.attemptID
        case .attempt(let record): record.attemptID
        }
    }

    /// The trainee's name as the record holds it.
    public var trainee: String {
        switch self {
        case .turn(let record): record.trainee
        case .attempt(let record): record.trainee
        }
    }

    /// The scenario the record belongs to.
    public var scenarioID: String {
        switch self {
        case .turn(let record): record.scenarioID
        case .attempt(let record): record.scenarioID
        }
    }

    private enum TypeKey: String, CodingKey { case type }

    public init(from decoder: any Decoder) throws {
        let type = try decoder.container(keyedBy: TypeKey.self).decode(String.self, forKey: .type)
        switch type {
        case "turn": self = .turn(try TurnRecord(from: decoder))
        case "attempt": self = .attempt(try AttemptRecord(from: decoder))
        default:
            throw DecodingError.dataCorrupted(.init(
                codingPath: [TypeKey.type], debugDescription: "unknown record type '\(type)'"))
        }
    }

    /// The record as one line of JSON, newline included, keys in the order the format
    /// document lists them.
    public func jsonLine() throws -> Data {
        var line = OrderedJSONLine(encoder: Self.encoder)
        switch self {
        case .turn(let record):
            try line.add("type", "turn")
            try record.addMembers(to: &line)
        case .attempt(let record):
            try line.add("type", "attempt")
            try record.addMembers(to: &line)
        }
        return line.data
    }

    /// Decodes one line (without its newline).
    public static func decode(line: Data) throws -> ProgressRecord {
        try decoder.decode(ProgressRecord.self, from: line)
    }

    private static var encoder: JSONEncoder {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.withoutEscapingSlashes, .sortedKeys]
        encoder.dateEncodingStrategy = .custom { date, encoder in
            var container = encoder.singleValueContainer()
            try container.encode(ProgressTimestamp.string(from: date))
        }
        return encoder
    }

    private static var decoder: JSONDecoder {
        let decoder = JSONDecoder()
        decoder.dateDecodingStrategy = .custom { decoder in
            let container = try decoder.singleValueContainer()
            let text = try container.decode(String.self)
            guard let date = ProgressTimestamp.date(from: text) else {
                throw DecodingError.dataCorruptedError(
                    in: container, debugDescription: "'\(text)' is not an ISO-8601 timestamp")
            }
            return date
        }
        return decoder
    }
}

/// Timestamps in progress files: ISO-8601 in UTC with milliseconds, `2026-11-23T10:51:07.412Z`.
///
/// A time is held to the millisecond, the precision the text has, so writing a record that was
/// read gives back the same text. (`ISO8601FormatStyle` alone cuts the fraction instead of
/// rounding it: the time read from `….412Z` is a hair below .412 as a `Double`, and formatting
/// it again gave `….411Z`, one millisecond earlier on every read and write.)
enum ProgressTimestamp {
    static func string(from date: Date) -> String {
        let milliseconds = (date.timeIntervalSince1970 * 1000).rounded()
        let seconds = (milliseconds / 1000).rounded(.down)
        let fraction = Int(milliseconds - seconds * 1000)
        let whole = Date.ISO8601FormatStyle().format(Date(timeIntervalSince1970: seconds))  // "2026-11-23T10:51:07Z"
        let digits = String(fraction)
        return whole.dropLast() + "." + String(repeating: "0", count: 3 - digits.count) + digits + "Z"
    }

    /// The time a timestamp names, to the millisecond (finer digits are rounded).
    static func date(from text: String) -> Date? {
        guard let date = (try? Date.ISO8601FormatStyle(includingFractionalSeconds: true).parse(text))
            ?? (try? Date.ISO8601FormatStyle().parse(text))
        else { return nil }
        return Date(timeIntervalSince1970: (date.timeIntervalSince1970 * 1000).rounded() / 1000)
    }
}
