import Foundation
import KashuvCore
#if canImport(Glibc)
import Glibc
#endif

/// Where the room stands, kept in `<progress>/group-room.json` while a session runs, so that
/// `kashuv facilitate` started again with the same progress folder (by hand, or by its
/// supervisor after a crash) continues the same session at the same round: the plan, the
/// scenario, the rounds and where each led, the spotlights, the ending and who joined.
///
/// What the trainees answered is not here: it is in their own progress files (each turn
/// `fsync`ed before its feedback was shown), from which the rounds' answers are rebuilt.
/// The file is replaced whole (written beside, `fsync`ed, renamed over, the folder
/// `fsync`ed), so it is always one complete position; it is removed when the session ends.
package struct RoomSnapshot: Codable, Sendable, Equatable {
    /// One round: the line answered, when it opened, where the group went after it.
    package struct Round: Codable, Sendable, Equatable {
        package var number: Int
        package var scenarioID: String
        package var lineID: String
        package var openedAt: Date
        package var next: String?
        package var rule: String?

        enum CodingKeys: String, CodingKey {
            case number, next, rule
            case scenarioID = "scenario_id"
            case lineID = "line_id"
            case openedAt = "opened_at"
        }
    }

    /// What every screen showed in the current scenario, in order.
    package enum Event: Codable, Sendable, Equatable {
        /// The customer's line of a round.
        case line(round: Int, moodChange: Int)
        /// A reply of a round put in the spotlight (its author, for finding it again; never shown).
        case spotlight(round: Int, trainee: String)
        /// The group's call ended.
        case ending(id: String, reason: EndReason)
        /// The facilitator ended the session.
        case sessionOver
    }

    package var version = 1
    package var session: String
    package var title: String
    /// The plan's file name or the scenario id (what `facilitate` was started with).
    package var name: String
    package var scenarioIDs: [String]
    package var port: Int
    package var startedAt: Date
    package var scenarioIndex: Int
    /// `lobby`, `roundOpen`, `scenarioOver` or `finished`.
    package var phase: String
    package var state: DialogueState
    package var rounds: [Round]
    package var events: [Event]
    /// Everyone who joined, in order (display names).
    package var trainees: [String]

    enum CodingKeys: String, CodingKey {
        case version, session, title, name, port, phase, state, rounds, events, trainees
        case scenarioIDs = "scenario_ids"
        case startedAt = "started_at"
        case scenarioIndex = "scenario_index"
    }
}

/// The file ``RoomSnapshot`` lives in.
package struct RoomFile: Sendable {
    /// `<progress>/group-room.json`.
    package let url: URL

    package init(folder: URL) {
        url = folder.appendingPathComponent("group-room.json", isDirectory: false)
    }

    /// The position saved by a session that did not end, if any.
    package func read() throws(GroupError) -> RoomSnapshot? {
        guard FileManager.default.fileExists(atPath: url.path) else { return nil }
        do {
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .millisecondsSince1970
            return try decoder.decode(RoomSnapshot.self, from: Data(contentsOf: url))
        } catch {
            throw .roomFileUnreadable(path: url.path, reason: "\(error)")
        }
    }

    /// Replaces the file with `snapshot`, atomically and durably (``ReplacedFile``).
    package func write(_ snapshot: RoomSnapshot) throws {
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys, .withoutEscapingSlashes]
        encoder.dateEncodingStrategy = .millisecondsSince1970  // to the millisecond, like the progress files
        let data = try encoder.encode(snapshot) + Data([0x0A])
        try ReplacedFile.write(data, to: url)
    }

    /// Removes the file (the session ended).
    package func remove() {
        unlink(url.path)
    }
}
