import Foundation
import Testing
import KashuvCore
@testable import KashuvTerminal

/// The report looked at as a person would: the HTML in headless Chromium at desktop and phone
/// width, and the text report on a terminal under tmux.
@Suite("kashuv report on screen", .serialized)
struct ReportScreenTests {
    /// Debian's `chromium` (installed by scripts/setup), if present.
    static let chromium: String? = ["chromium", "chromium-browser", "google-chrome"].lazy.compactMap { name in
        (ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin").split(separator: ":")
            .map { "\($0)/\(name)" }.first { FileManager.default.isExecutableFile(atPath: $0) }
    }.first

    /// Takes a screenshot of a page; returns the PNG.
    static func screenshot(_ page: URL, width: Int, height: Int) throws -> Data {
        let png = page.deletingPathExtension().appendingPathExtension("\(width)x\(height).png")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: try #require(chromium))
        process.arguments = [
            "--headless", "--no-sandbox", "--disable-gpu", "--hide-scrollbars", "--no-first-run",
            "--user-data-dir=\(page.deletingLastPathComponent().appendingPathComponent("chromium-profile").path)",
            "--screenshot=\(png.path)", "--window-size=\(width),\(height)", page.absoluteString,
        ]
        process.standardOutput = FileHandle.nullDevice
        process.standardError = FileHandle.nullDevice
        try process.run()
        let deadline = Date().addingTimeInterval(90)
        while process.isRunning && Date() < deadline { usleep(50_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        return try Data(contentsOf: png)
    }

    /// Width and height from a PNG's header.
    static func size(_ png: Data) -> (Int, Int)? {
        guard png.count > 24, png.starts(with: [0x89, 0x50, 0x4E, 0x47]) else { return nil }
        let bytes = [UInt8](png.prefix(24))
        func int(_ at: Int) -> Int { bytes[at..<(at + 4)].reduce(0) { $0 << 8 | Int($1) } }
        return (int(16), int(20))
    }

    @Test(
        "the HTML report in Chromium: a screenshot at desktop and at phone width, each a real picture, not a blank page",
        .enabled(if: chromium != nil, "Chromium is not installed (scripts/setup installs Debian's chromium); the screenshot check is skipped"))
    func htmlInChromium() throws {
        let progress = try ReportSampleProgress.folder.get()
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-report-shots-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let page = folder.appendingPathComponent("team.html")
        let run = try KashuvProcess.run(["report", progress.path, "--format", "html", "--output", page.path], input: [])
        #expect(run.exitStatus == 0, "stderr: \(run.stderr)")
        let blank = folder.appendingPathComponent("blank.html")
        try "<!doctype html><html><body></body></html>".write(to: blank, atomically: true, encoding: .utf8)

        for (width, height) in [(1280, 900), (390, 844)] {
            let shot = try Self.screenshot(page, width: width, height: height)
            let empty = try Self.screenshot(blank, width: width, height: height)
            let size = try #require(Self.size(shot), "a PNG at \(width)x\(height)")
            #expect(size == (width, height))
            #expect(shot.count > empty.count * 4, "the \(width)-wide screenshot (\(shot.count) bytes) has far more in it than a blank page (\(empty.count))")
        }
    }

    @Test("the text report on an 80-column terminal: Hebrew reads right to left, the name right-aligned",
          .enabled(if: TmuxSession.isInstalled, "tmux is not installed"))
    func textUnderTmux() throws {
        let progress = try ReportSampleProgress.folder.get()
        let session = try TmuxSession()
        defer { session.close() }
        let binary = try #require(TmuxSession.kashuvBinary)
        let profile = KashuvProcess.packageRoot.appendingPathComponent("Trainers/default/profile.yaml").path
        try session.start("bash -c \"'\(binary)' report --trainee 'דנה כהן' --profile '\(profile)' '\(progress.path)'; echo EXITED \\$?; sleep 20\"", columns: 80, rows: 150)
        let screen = try session.waitFor("EXITED 0", timeout: 30)
        let heading = BidiLayout(mode: .app).visual("── דנה כהן")
        #expect(screen.contains(String(heading.suffix(7))), "the trainee's heading in visual order:\n\(screen)")
        let title = BidiLayout(mode: .app).visual(ReportLabels(.hebrew).title)
        #expect(screen.split(separator: "\n").contains { $0.hasSuffix(title) && $0.hasPrefix(" ") }, "the title against the right edge")
        #expect(screen.contains("▼"), "below-threshold marks")
    }
}
