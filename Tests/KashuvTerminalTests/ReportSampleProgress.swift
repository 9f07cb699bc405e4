import Foundation
import KashuvCore

/// A team's progress folder written by the real `kashuv practice --plain` through pipes:
/// trainees with Hebrew, English and hostile names (markup, a spreadsheet formula), several
/// attempts each, with weak and strong replies. Built once per test run and shared.
enum ReportSampleProgress {
    /// The trainees and how many calls each made.
    static let hostileName = "=cmd|'/C calc'!A0 <b>Eve</b>"
    static let trainees = ["דנה כהן", "Maya Levi", hostileName]

    static let heWeak = ["זה לא באשמתי, זה הנוהל של החברה. תתקשר למוקד.", "אין מה לעשות, זה המדיניות.", "תנסה באפליקציה."]
    static let heGood = [
        "אני מבין שחיכית 35 דקות ושלושה ימים אתה מנסה לקבוע תור, זה באמת מתסכל. אני קובע לך את התור עכשיו בטלפון.",
        "אני מצטער על ההמתנה. אני קובע לך עכשיו תור לרופא עיניים ושולח לך הודעת SMS עם כל הפרטים.",
        "קבעתי לך את התור, ואני שולח לך עכשיו הודעה עם התאריך והשעה. רשמתי בתיק שאתה מעדיף נציג.",
    ]
    static let enMixed = [
        "That's not our fault, the bank processes the charges. You need to call them.",
        "That's our mistake and I'm fixing it now: I'm refunding both charges today.",
    ]
    static let hostileReplies = ["=HYPERLINK(\"http://evil.example\",\"click\") <script>alert(1)</script>", "@SUM(1+1) \"quoted\", comma"]

    /// The calls: trainee, scenario, replies.
    static let calls: [(String, String, [String])] = [
        ("דנה כהן", "he-waiting-app-senior", heWeak),
        ("דנה כהן", "he-waiting-app-senior", heGood),
        ("Maya Levi", "en-price-billing-error", enMixed),
        ("Maya Levi", "en-price-billing-error", Array(enMixed.reversed())),
        (hostileName, "he-waiting-app-senior", hostileReplies),
    ]

    /// The folder, or why it could not be made.
    static let folder: Result<URL, Error> = Result {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-report-sample-\(UUID().uuidString)/progress")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        for (trainee, scenario, replies) in calls {
            let run = try KashuvProcess.run(
                ["practice", scenario, "--plain", "--trainee", trainee, "--progress", folder.path], input: replies)
            guard run.exitStatus == 0 else { throw SampleError(text: "practice failed for \(trainee): \(run.stderr)") }
        }
        return folder
    }

    /// Every turn line written, counted from the files.
    static func turnCount(in folder: URL) throws -> Int {
        var count = 0
        for name in try FileManager.default.contentsOfDirectory(atPath: folder.path) {
            let text = try String(contentsOf: folder.appendingPathComponent(name), encoding: .utf8)
            count += text.split(separator: "\n").filter { $0.contains("\"type\":\"turn\"") }.count
        }
        return count
    }

    struct SampleError: Error, CustomStringConvertible { var text: String; var description: String { text } }
}
