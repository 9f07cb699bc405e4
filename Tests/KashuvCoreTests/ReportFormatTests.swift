import Foundation
import Testing
@testable import KashuvCore

@Suite("Report formats: CSV, HTML and JSON, with hostile names and replies")
struct ReportFormatTests {
    let fixture: ReportFixture
    static let hostileName = "=HYPERLINK(\"http://evil.example\",\"<b>hi</b>\")"
    static let hostileReply = "<script>alert('x')</script> \"quoted\", with comma\nand a new line & more"

    init() throws {
        fixture = try ReportFixture()
        let attempt = UUID()
        try fixture.write([
            ReportFixture.turn(Self.hostileName, attempt: attempt, number: 1, minutes: 0, levels: (0, 0, 1), flags: [.blame],
                               reply: Self.hostileReply, customerLine: "+SUM(A1:A9) <img src=x onerror=alert(1)>"),
            ReportFixture.turn(Self.hostileName, attempt: attempt, number: 2, minutes: 0, levels: (2, 1, 1), reply: "@SUM(1) -2 is fine"),
            ReportFixture.ended(Self.hostileName, attempt: attempt, outcome: .resolved, minutes: 3, started: 0),
        ], to: "hostile.jsonl")
        try fixture.write([
            ReportFixture.turn("דנה כהן", attempt: UUID(), number: 1, minutes: 5, levels: (2, 2, 2), reply: "אני מבין שחיכית 35 דקות"),
        ], to: "dana.jsonl")
    }

    func report(_ language: Language = .hebrew) -> Report {
        var profile = ReportFixture.profile
        profile.feedbackLanguage = language
        return fixture.report(profile: profile)
    }

    /// Splits RFC 4180 CSV into rows of fields.
    static func parseCSV(_ text: String) -> [[String]] {
        var rows: [[String]] = [], row: [String] = [], field = "", quoted = false
        var chars = Array(text)[...]
        while let c = chars.popFirst() {
            if quoted {
                if c == "\"" { if chars.first == "\"" { field.append("\""); chars.removeFirst() } else { quoted = false } } else { field.append(c) }
            } else if c == "\"" { quoted = true }
            else if c == "," { row.append(field); field = "" }
            else if c == "\r\n" || c == "\n" { row.append(field); rows.append(row); row = []; field = "" }
            else { field.append(c) }
        }
        return rows
    }

    @Test("CSV: a byte-order mark, CRLF rows, RFC 4180 quoting, and formula starts made inert")
    func csv() throws {
        let text = ReportCSV.render(report())
        #expect(text.hasPrefix("\u{FEFF}trainee,dimension,"))
        #expect(text.hasSuffix("\r\n"))
        let rows = Self.parseCSV(String(text.dropFirst()))
        #expect(rows.first == ReportCSV.traineeColumns)
        #expect(rows.count == 1 + 2 * 3, "a row per trainee and dimension")
        #expect(rows.allSatisfy { $0.count == ReportCSV.traineeColumns.count })
        let hostile = try #require(rows.first { $0[0].contains("HYPERLINK") })
        #expect(hostile[0] == "'" + Self.hostileName, "the cell reads as text, not a formula")
        #expect(rows.contains { $0[0] == "דנה כהן" })
        #expect(!rows.dropFirst().contains { ["=", "+", "-", "@"].contains($0[0].first.map(String.init) ?? "") })
    }

    @Test("CSV by turn: the reply with quotes, commas and a line break survives as one field")
    func csvByTurn() throws {
        var text = ReportCSV.turnHeader
        let issues = ReportBuilder(profile: ReportFixture.profile, library: ReportFixture.library)
            .forEachTurn(paths: [fixture.path()]) { text += ReportCSV.row($0) }
        #expect(issues.isEmpty)
        let rows = Self.parseCSV(String(text.dropFirst()))
        #expect(rows.first == ReportCSV.turnColumns)
        #expect(rows.count == 4)
        let reply = ReportCSV.turnColumns.firstIndex(of: "reply")!, customer = ReportCSV.turnColumns.firstIndex(of: "customer_line")!
        #expect(rows.contains { $0[reply] == Self.hostileReply })
        #expect(rows.contains { $0[reply] == "'@SUM(1) -2 is fine" })
        #expect(rows.contains { $0[customer] == "'+SUM(A1:A9) <img src=x onerror=alert(1)>" })
        #expect(ReportCSV.field("-1") == "'-1" && ReportCSV.field(" padded ") == "\" padded \"")
    }

    @Test("HTML: one file, no script or network, every file text escaped, right-to-left for Hebrew")
    func html() throws {
        let page = ReportHTML.render(report())
        #expect(page.hasPrefix("<!doctype html>"))
        #expect(page.contains("<html lang=\"he\" dir=\"rtl\">"))
        #expect(!page.lowercased().contains("<script"), "no script at all, hostile or ours")
        #expect(!page.contains("<img"))
        #expect(!page.contains("<b>hi</b>"))
        #expect(page.contains("&lt;script&gt;alert(&#39;x&#39;)&lt;/script&gt;"))
        #expect(page.contains("=HYPERLINK(&quot;http://evil.example&quot;,&quot;&lt;b&gt;hi&lt;/b&gt;&quot;)"))
        #expect(!page.contains("src=\"http") && !page.contains("href=\"http") && !page.contains("@import") && !page.contains("url("))
        #expect(page.components(separatedBy: "<svg").count > 4, "heat map, flag bars, a trend chart and sparklines")
        #expect(page.contains("<bdi>דנה כהן</bdi>"))
        #expect(page.contains("@media print") && page.contains("name=\"viewport\""))
        let english = ReportHTML.render(report(.english))
        #expect(english.contains("<html lang=\"en\" dir=\"ltr\">"))
        #expect(english.contains("Active listening"))
    }

    @Test("JSON: documented keys, a trainees list with trainee, attempts and turns")
    func json() throws {
        let text = ReportJSON.render(report())
        let object = try #require(try JSONSerialization.jsonObject(with: Data(text.utf8)) as? [String: Any])
        #expect(object["format_version"] as? Int == 1)
        let trainees = try #require(object["trainees"] as? [[String: Any]])
        #expect(trainees.count == 2)
        let hostile = try #require(trainees.first { ($0["trainee"] as? String) == Self.hostileName })
        #expect(hostile["attempts"] as? Int == 1)
        #expect(hostile["turns"] as? Int == 2)
        let levels = try #require(hostile["levels"] as? [String: [String: Any]])
        #expect(levels["listening"]?["mean"] as? Double == 1)
        #expect((levels["listening"]?["passes"] as? Bool) == false)
        let discuss = try #require(hostile["reply_to_discuss"] as? [String: Any])
        #expect(discuss["reply"] as? String == Self.hostileReply)
        let team = try #require(object["team"] as? [String: Any])
        #expect(team["turns"] as? Int == 3)
        #expect((object["skipped"] as? [Any])?.isEmpty == true)
    }

    @Test("an empty report still renders in every format")
    func empty() throws {
        let report = fixture.report([fixture.path("nothing")])
        #expect(report.trainees.isEmpty && report.skipped.count == 1)
        #expect(ReportHTML.render(report).contains("</html>"))
        #expect(ReportCSV.render(report).split(separator: "\r\n").count == 1)
        #expect(try JSONSerialization.jsonObject(with: Data(ReportJSON.render(report).utf8)) is [String: Any])
    }
}
