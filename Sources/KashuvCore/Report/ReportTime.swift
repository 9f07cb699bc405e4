import Foundation

/// Times in the report: milliseconds since 1970 in UTC, read from progress timestamps
/// (`2026-11-23T10:51:07.412Z`) and from the dates a coach types (`2026-11-23`).
public enum ReportTime {
    /// Milliseconds since 1970 for `YYYY-MM-DDTHH:MM:SS[.mmm]Z`; `nil` for any other form.
    static func milliseconds(iso8601 bytes: UnsafeBufferPointer<UInt8>) -> Int64? {
        let count = bytes.count
        guard count == 20 || count == 24, bytes[4] == UInt8(ascii: "-"), bytes[7] == UInt8(ascii: "-"),
              bytes[10] == UInt8(ascii: "T"), bytes[13] == UInt8(ascii: ":"), bytes[16] == UInt8(ascii: ":"),
              bytes[count - 1] == UInt8(ascii: "Z") else { return nil }
        func number(_ from: Int, _ length: Int) -> Int? {
            var value = 0
            for i in from..<(from + length) {
                let digit = bytes[i] &- 0x30
                guard digit < 10 else { return nil }
                value = value * 10 + Int(digit)
            }
            return value
        }
        guard let year = number(0, 4), let month = number(5, 2), let day = number(8, 2),
              let hour = number(11, 2), let minute = number(14, 2), let second = number(17, 2),
              (1...12).contains(month), (1...31).contains(day), hour < 24, minute < 60, second < 61 else { return nil }
        var millis = 0
        if count == 24 {
            guard bytes[19] == UInt8(ascii: "."), let fraction = number(20, 3) else { return nil }
            millis = fraction
        }
        let days = daysSince1970(year: year, month: month, day: day)
        return Int64(days) * 86_400_000 + Int64(hour * 3_600_000 + minute * 60_000 + second * 1000 + millis)
    }

    /// Days from 1970-01-01 to a date of the proleptic Gregorian calendar (H. Hinnant's algorithm).
    static func daysSince1970(year: Int, month: Int, day: Int) -> Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yearOfEra = y - era * 400
        let dayOfYear = (153 * (month > 2 ? month - 3 : month + 9) + 2) / 5 + day - 1
        let dayOfEra = yearOfEra * 365 + yearOfEra / 4 - yearOfEra / 100 + dayOfYear
        return era * 146_097 + dayOfEra - 719_468
    }

    /// A date a coach typed: `YYYY-MM-DD` (the whole day, UTC) or a full progress timestamp.
    /// Returns the first millisecond it covers and the first one after it.
    public static func range(of typed: String) -> Range<Int64>? {
        let text = typed.trimmingCharacters(in: .whitespaces)
        let parts = text.split(separator: "-")
        if parts.count == 3, parts[0].count == 4, parts[1].count == 2, parts[2].count == 2,
           let year = Int(parts[0]), let month = Int(parts[1]), let day = Int(parts[2]),
           (1...12).contains(month), (1...31).contains(day) {
            let start = Int64(daysSince1970(year: year, month: month, day: day)) * 86_400_000
            return start..<(start + 86_400_000)
        }
        guard let date = ProgressTimestamp.date(from: text) else { return nil }
        let start = Int64((date.timeIntervalSince1970 * 1000).rounded())
        return start..<(start + 1)
    }

    /// `2026-11-23` for a time.
    public static func day(_ milliseconds: Int64) -> String {
        String(timestamp(milliseconds).prefix(10))
    }

    /// The progress-file form of a time, `2026-11-23T10:51:07.412Z`.
    public static func timestamp(_ milliseconds: Int64) -> String {
        ProgressTimestamp.string(from: Date(timeIntervalSince1970: Double(milliseconds) / 1000))
    }
}
