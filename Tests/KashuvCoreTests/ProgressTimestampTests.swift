import Foundation
import Testing
@testable import KashuvCore

/// Timestamps in progress files (`docs/progress-format.md`): ISO-8601, UTC, milliseconds.
/// A record read from a file and written again must be the same line; found by the
/// `progress` fuzz target, which read `"started_at":"2023-11-14T22:13:20.020Z"` and wrote
/// it back as `….019Z`.
@Suite("Progress timestamps: to the millisecond, and unchanged when read and written again")
struct ProgressTimestampTests {
    @Test("every millisecond of a second is written as its own three digits and read back as the same time")
    func everyMillisecondRoundTrips() throws {
        for millisecond in 0..<1000 {
            let text = "2023-11-14T22:13:20." + String(format: "%03d", millisecond) + "Z"
            let date = try #require(ProgressTimestamp.date(from: text))
            #expect(ProgressTimestamp.string(from: date) == text)
            #expect(ProgressTimestamp.date(from: ProgressTimestamp.string(from: date)) == date)
        }
    }

    @Test("the format document's example reads and writes back unchanged (it used to lose a millisecond)")
    func documentedExample() throws {
        let date = try #require(ProgressTimestamp.date(from: "2026-11-23T10:51:07.412Z"))
        #expect(ProgressTimestamp.string(from: date) == "2026-11-23T10:51:07.412Z")
        #expect(ReportTime.timestamp(1_795_431_067_412) == "2026-11-23T10:51:07.412Z", "reports print the same form")
    }

    @Test("a time between milliseconds is written rounded to the nearest one")
    func rounding() {
        #expect(ProgressTimestamp.string(from: Date(timeIntervalSince1970: 1_700_000_000.0206)) == "2023-11-14T22:13:20.021Z")
        #expect(ProgressTimestamp.string(from: Date(timeIntervalSince1970: 1_700_000_000.9996)) == "2023-11-14T22:13:21.000Z")
        #expect(ProgressTimestamp.string(from: Date(timeIntervalSince1970: -0.001)) == "1969-12-31T23:59:59.999Z")
    }

    @Test("finer digits, no fraction or another offset in a file are read as the millisecond they name")
    func otherFormsRead() throws {
        let finer = try #require(ProgressTimestamp.date(from: "2023-11-14T22:13:20.123456789Z"))
        #expect(ProgressTimestamp.string(from: finer) == "2023-11-14T22:13:20.123Z")
        #expect(ProgressTimestamp.date(from: "2023-11-14T22:13:20.123Z") == finer)
        let whole = try #require(ProgressTimestamp.date(from: "2023-11-14T22:13:20Z"))
        #expect(ProgressTimestamp.string(from: whole) == "2023-11-14T22:13:20.000Z")
        let offset = try #require(ProgressTimestamp.date(from: "2023-11-14T22:13:20.5+02:00"))
        #expect(ProgressTimestamp.string(from: offset) == "2023-11-14T20:13:20.500Z")
        #expect(ProgressTimestamp.date(from: "14/11/2023 22:13") == nil)
    }

    @Test("a record read from a file writes back as the same line and reads as the same record")
    func recordRoundTrip() throws {
        let line = #"{"type":"attempt","schema_version":1,"record_id":"6BAD6BEB-2020-4376-8F2C-CAF871AC09E4","trainee":"דנה","#
            + #""scenario_id":"he-waiting-app-senior","attempt_id":"8F6A3C2E-0000-4000-8000-000000000001","session":null,"#
            + #""outcome":"abandoned","ending_id":null,"end_reason":null,"turns":2,"final_mood":4,"#
            + #""started_at":"2023-11-14T22:13:20.020Z","ended_at":"2026-11-23T10:51:07.412Z","feedback_language":null,"#
            + #""averages":null,"overall_score":null,"passed":null,"weights":null,"pass_thresholds":null}"#
        let record = try ProgressRecord.decode(line: Data(line.utf8))
        let written = try record.jsonLine()
        #expect(String(decoding: written, as: UTF8.self) == line + "\n")
        #expect(try ProgressRecord.decode(line: written.dropLast()) == record)
    }
}
