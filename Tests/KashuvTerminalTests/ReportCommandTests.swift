import Foundation
import Testing
import KashuvCore
@testable import KashuvTerminal

/// `kashuv report` run as a coach runs it, on progress files that `kashuv practice` wrote.
@Suite("kashuv report on real progress files")
struct ReportCommandTests {
    let progress: URL
    let scratch: URL

    init() throws {
        progress = try ReportSampleProgress.folder.get()
        scratch = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-report-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)
    }

    func report(_ arguments: [String], environment: [String: String] = [:]) throws -> KashuvProcess {
        try KashuvProcess.run(["report"] + arguments, input: [], environment: environment)
    }

    func json(_ run: KashuvProcess) throws -> [String: Any] {
        try #require(try JSONSerialization.jsonObject(with: run.stdoutBytes) as? [String: Any])
    }

    func trainees(_ object: [String: Any]) -> [String: [String: Any]] {
        Dictionary(((object["trainees"] as? [[String: Any]]) ?? []).map { ($0["trainee"] as? String ?? "", $0) }, uniquingKeysWith: { a, _ in a })
    }

    /// Copies the sample folder to `name` inside the scratch folder.
    func copy(to name: String) throws -> URL {
        let target = scratch.appendingPathComponent(name)
        try FileManager.default.copyItem(at: progress, to: target)
        return target
    }

    @Test("text, piped: plain lines in logical order, every trainee, exit 0")
    func textPiped() throws {
        let run = try report([progress.path])
        #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
        let out = run.stdout
        #expect(!run.stdoutBytes.contains(0x1B), "no colour or escape codes when piped")
        #expect(out.contains("דוח התקדמות — קשוב"), "headings in the default profile's language, Hebrew")
        for name in ["דנה כהן", "Maya Levi"] { #expect(out.contains("── \(name) ")) }
        #expect(out.contains("הדבר האחד לתרגל"))
        #expect(!out.contains("<b>Eve</b>") || out.contains("=cmd"), "a hostile name is just text here")
        #expect(out.split(separator: "\n").allSatisfy { DisplayWidth.of(String($0)) <= 80 }, "fits 80 columns")
    }

    @Test("JSON: trainees with attempts and turns that match the files written")
    func jsonCounts() throws {
        let run = try report([progress.path, "--format", "json"])
        #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
        let people = trainees(try json(run))
        #expect(Set(people.keys) == Set(ReportSampleProgress.trainees))
        #expect(people["דנה כהן"]?["attempts"] as? Int == 2)
        #expect(people["Maya Levi"]?["attempts"] as? Int == 2)
        let turns = people.values.compactMap { $0["turns"] as? Int }.reduce(0, +)
        #expect(turns == (try ReportSampleProgress.turnCount(in: progress)))
    }

    @Test("two folders copied from the same machine merge without double counting")
    func mergedCopies() throws {
        let one = try report([progress.path, "--format", "json"])
        let laptop1 = try copy(to: "laptop1"), laptop2 = try copy(to: "laptop2")
        // laptop2 also has a concatenated copy of Dana's file, as the format guide suggests.
        let dana = try #require(try FileManager.default.contentsOfDirectory(atPath: laptop2.path).first { $0.hasPrefix("דנה") })
        let bytes = try Data(contentsOf: laptop2.appendingPathComponent(dana))
        try (bytes + bytes).write(to: laptop2.appendingPathComponent(dana))
        let merged = try report([laptop1.path, laptop2.path, "--format", "json"])
        #expect(merged.exitStatus == 0, "stderr: \(merged.stderr)")
        let a = trainees(try json(one)), b = trainees(try json(merged))
        for name in ReportSampleProgress.trainees {
            #expect(a[name]?["turns"] as? Int == b[name]?["turns"] as? Int)
            #expect(a[name]?["attempts"] as? Int == b[name]?["attempts"] as? Int)
        }
    }

    @Test("filters: --trainee, --scenario, --category and dates")
    func filters() throws {
        let dana = try report([progress.path, "--format", "json", "--trainee", "דנה כהן"])
        #expect(Array(trainees(try json(dana)).keys) == ["דנה כהן"])
        let english = try report([progress.path, "--format", "json", "--scenario", "en-price-billing-error"])
        #expect(Array(trainees(try json(english)).keys) == ["Maya Levi"])
        let price = try report([progress.path, "--format", "json", "--category", "price"])
        #expect(Array(trainees(try json(price)).keys) == ["Maya Levi"])
        let future = try report([progress.path, "--format", "json", "--since", "2999-01-01"])
        #expect(trainees(try json(future)).isEmpty)
        let badDate = try report([progress.path, "--since", "yesterday"])
        #expect(badDate.exitStatus == 64)
        #expect(badDate.stderr.contains("YYYY-MM-DD"))
        let badCategory = try report([progress.path, "--category", "rude"])
        #expect(badCategory.exitStatus == 64)
    }

    @Test("a torn last line: a warning with file and line, and exit 0; a bad line elsewhere: named, skipped, exit 1")
    func tornAndBadLines() throws {
        let folder = try copy(to: "torn")
        let name = try #require(try FileManager.default.contentsOfDirectory(atPath: folder.path).first { $0.hasPrefix("maya") })
        let file = folder.appendingPathComponent(name)
        let lines = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").count
        let handle = try FileHandle(forWritingTo: file)
        handle.seekToEndOfFile()
        handle.write(Data("{\"type\":\"turn\",\"schema_version\":1,\"record_id\":\"0C3A".utf8))
        try handle.close()
        let torn = try report([folder.path, "--format", "json"])
        #expect(torn.exitStatus == 0, "stderr: \(torn.stderr)")
        #expect(torn.stderr.contains("\(name):\(lines + 1): warning: incomplete last line"))
        #expect(trainees(try json(torn))["Maya Levi"]?["attempts"] as? Int == 2)

        var text = try String(contentsOf: file, encoding: .utf8)
        text = "not a record\n" + text
        try text.write(to: file, atomically: true, encoding: .utf8)
        let bad = try report([folder.path, "--format", "csv"])
        #expect(bad.exitStatus == 1)
        #expect(bad.stderr.contains("\(name):1: warning: not a progress record"))
        #expect(bad.stdout.contains("Maya Levi"), "the report still comes out")

        let empty = try report([scratch.appendingPathComponent("nothing").path])
        #expect(empty.exitStatus == 1)
        #expect(empty.stderr.contains("no such file or folder"))
    }

    @Test("CSV: BOM, a row per trainee and dimension, or a row per turn with --by turn; formulas neutralised")
    func csv() throws {
        let byTrainee = try report([progress.path, "--format", "csv"])
        #expect(byTrainee.exitStatus == 0)
        #expect(byTrainee.stdoutBytes.starts(with: [0xEF, 0xBB, 0xBF]))
        #expect(byTrainee.stdout.components(separatedBy: "\r\n").count - 2 == 3 * ReportSampleProgress.trainees.count)
        #expect(byTrainee.stdout.contains("\r\n'=cmd|'/C calc'!A0 <b>Eve</b>,"))
        let byTurn = try report([progress.path, "--format", "csv", "--by", "turn"])
        #expect(byTurn.exitStatus == 0)
        let rows = byTurn.stdout.components(separatedBy: "\r\n").filter { !$0.isEmpty }
        #expect(rows.count - 1 == (try ReportSampleProgress.turnCount(in: progress)))
        #expect(byTurn.stdout.contains("\"'=HYPERLINK(\"\"http://evil.example\"\",\"\"click\"\") <script>alert(1)</script>\""))
        #expect(try report([progress.path, "--by", "turn"]).exitStatus == 64, "--by turn is for CSV")
    }

    @Test("--output writes the file whole; a folder that does not exist is exit 2 and says so")
    func output() throws {
        let file = scratch.appendingPathComponent("team.html")
        let run = try report([progress.path, "--format", "html", "--output", file.path])
        #expect(run.exitStatus == 0)
        #expect(run.stdout.isEmpty)
        let page = try String(contentsOf: file, encoding: .utf8)
        #expect(page.hasSuffix("</html>\n"))
        #expect(page.contains("&lt;b&gt;Eve&lt;/b&gt;") && !page.contains("<b>Eve</b>"))
        #expect(!page.contains("<script>alert(1)</script>"))
        let nowhere = try report([progress.path, "--format", "html", "--output", "/nonexistent-folder/x.html"])
        #expect(nowhere.exitStatus == 2)
        #expect(nowhere.stderr.contains("/nonexistent-folder/x.html"))
        let noProfile = try report([progress.path, "--profile", "/nonexistent/profile.yaml"])
        #expect(noProfile.exitStatus == 2)
        #expect(noProfile.stderr.contains("--profile"))
    }

    @Test("text renderer: Hebrew in visual order with FriBidi on a terminal, sparklines, colour only when asked")
    func textRenderer() throws {
        let builder = ReportBuilder(
            profile: try TrainerProfile.loadDefault(trainersFolder: KashuvProcess.packageRoot.appendingPathComponent("Trainers")),
            library: [])
        let report = builder.build(paths: [progress.path])
        let screen = TextReport(bidi: .app, width: 80, colour: false).render(report)
        let visualName = BidiLayout(mode: .app).visual("── דנה כהן")
        #expect(screen.contains(String(visualName.prefix(6))), "the Hebrew heading is reordered for the screen")
        #expect(!screen.contains("── דנה כהן"), "not left in logical order")
        let lines = screen.split(separator: "\n", omittingEmptySubsequences: false)
        #expect(lines.allSatisfy { DisplayWidth.of(String($0)) <= 80 })
        let title = BidiLayout(mode: .app).visual(ReportLabels(.hebrew).title)
        #expect(lines.first == Substring(String(repeating: " ", count: 80 - DisplayWidth.of(title)) + title), "the title is right-aligned")
        let coloured = TextReport(bidi: .app, width: 80, colour: true).render(report)
        #expect(coloured.contains("\u{1B}[1;36m"))
        #expect(TextReport.sparkline([0, 0.5, 1, 1.5, 2, nil]) == "▁▃▅▆█·")
    }
}
