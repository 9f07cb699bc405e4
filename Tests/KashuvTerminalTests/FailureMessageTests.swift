import Foundation
import KashuvCore
import Testing

/// Every failure names the file, says what happened and what to do, and the exit status
/// says it failed: the real `kashuv` driven through pipes, with the file system in the way.
@Suite("Failures name the file, what happened and what to do", .serialized)
struct FailureMessageTests {
    let folder: URL

    init() throws {
        folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-failures-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    }

    func practise(progress: String, input: [String] = ["אני מבין, אני מטפל בזה עכשיו"]) throws -> KashuvProcess {
        try KashuvProcess.run(["practice", "--plain", "--trainee", "dana", "--progress", progress], input: input)
    }

    @Test("a folder where the trainee's file should be")
    func folderInPlaceOfFile() throws {
        let progress = folder.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: progress.appendingPathComponent("dana.jsonl"), withIntermediateDirectories: true)
        let run = try practise(progress: progress.path)
        #expect(run.exitStatus != 0)
        #expect(run.stderr.contains(progress.appendingPathComponent("dana.jsonl").path), "\(run.stderr)")
        #expect(run.stderr.contains("is a folder, not a file") && run.stderr.contains("move"))
        #expect(!run.stderr.contains("NSCocoaErrorDomain"))
    }

    @Test("--progress under a regular file names the file in the way")
    func progressUnderAFile() throws {
        let file = folder.appendingPathComponent("notes.txt")
        try Data("x".utf8).write(to: file)
        let run = try practise(progress: file.appendingPathComponent("p").path)
        #expect(run.exitStatus != 0)
        #expect(run.stderr.contains("\(file.path) is a file, not a folder"), "\(run.stderr)")
        #expect(!run.stderr.contains("error 512"))
    }

    @Test("a progress file linked to /dev/full is refused before anything is typed")
    func symbolicLink() throws {
        let progress = folder.appendingPathComponent("p")
        try FileManager.default.createDirectory(at: progress, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(atPath: progress.appendingPathComponent("dana.jsonl").path, withDestinationPath: "/dev/full")
        let run = try practise(progress: progress.path)
        #expect(run.exitStatus != 0)
        #expect(run.stderr.contains("is a symbolic link"), "\(run.stderr)")
        #expect(!run.stderr.contains("permission"))
    }

    @Test("a scenario that does not validate is refused by practice with its diagnostics, and left out by scenarios")
    func rejectedScenario() throws {
        let home = folder.appendingPathComponent("home")
        let scenarios = home.appendingPathComponent("Scenarios")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try FileManager.default.createSymbolicLink(
            at: home.appendingPathComponent("Trainers"), withDestinationURL: KashuvProcess.packageRoot.appendingPathComponent("Trainers"))
        let shipped = try String(contentsOf: KashuvProcess.packageRoot.appendingPathComponent("Scenarios/en-price-billing-error.yaml"), encoding: .utf8)
        let broken = shipped.replacingOccurrences(of: "\nstart: opening", with: "\nstart: nowhere")
            .replacingOccurrences(of: "\ntitle: Naomi was charged twice and billed for roaming", with: "\ntitle: \"Harold \\e[2J\\e]52;c;aGk=\\a\"")
        try Data(broken.utf8).write(to: scenarios.appendingPathComponent("en-price-billing-error.yaml"))
        let run = try KashuvProcess.run(
            ["practice", "en-price-billing-error", "--plain", "--trainee", "dana", "--progress", folder.appendingPathComponent("p").path],
            input: ["hello"], environment: ["KASHUV_HOME": home.path])
        #expect(run.exitStatus != 0)
        #expect(run.stderr.contains("cannot be played"), "\(run.stderr)")
        #expect(run.stderr.contains("error[KS0027]") && run.stderr.contains("error[KS0061]"))
        #expect(!run.stdout.contains("Turn 1"), "nothing is played")
        #expect(!(run.stdout + run.stderr).contains("\u{1B}"), "no escape reaches the terminal")

        let listing = try KashuvProcess.run(["scenarios", "--folder", scenarios.path], input: [])
        #expect(!(listing.stdout + listing.stderr).contains("\u{1B}"))
        #expect(listing.stderr.contains("left out"))
        #expect(!listing.stdout.contains("en-price-billing-error"))
    }

    @Test("a file name with escapes and a newline stays one safe line in validate's output")
    func hostileFileName() throws {
        let scenarios = folder.appendingPathComponent("S")
        try FileManager.default.createDirectory(at: scenarios, withIntermediateDirectories: true)
        try Data("id: x\n".utf8).write(to: scenarios.appendingPathComponent("a\u{1B}[2J\nb.yaml"))
        let run = try KashuvProcess.run(["validate", scenarios.path], input: [])
        #expect(run.exitStatus == 1)
        #expect(!run.stderr.contains("\u{1B}"))
        for line in run.stderr.split(separator: "\n") where line.contains("error[") {
            #expect(line.hasPrefix(scenarios.path), "each diagnostic starts with its path: \(line)")
        }
    }

    @Test("score --reply keeps bidi controls and line separators away from the terminal and pipes")
    func scoreReplyBidi() throws {
        let run = try KashuvProcess.run(["score", "--reply", "sorry \u{202E}evil\u{202C} \u{2066}x\u{2069}\u{200F} \u{2028}line"], input: [])
        #expect(run.exitStatus == 0)
        let controls: [Unicode.Scalar] = ["\u{202E}", "\u{202C}", "\u{2066}", "\u{2069}", "\u{200F}", "\u{2028}"]
        #expect(!run.stdout.unicodeScalars.contains { controls.contains($0) }, "\(run.stdout)")
    }
}
