import Foundation
import Testing
@testable import KashuvCore

@Suite("Progress file names from trainee names")
struct ProgressTraineeNameTests {
    let folder = URL(fileURLWithPath: "/tmp/kashuv-progress", isDirectory: true)

    func stays(inFolder name: TraineeName) -> Bool {
        let file = ProgressStore(folder: folder).fileURL(for: name).standardizedFileURL
        return file.deletingLastPathComponent() == folder.standardizedFileURL
    }

    @Test("names that try to leave the folder stay in it", arguments: [
        "../../etc/passwd", "..", ".", "/etc/shadow", "a/../../b", "..\\..\\windows", "~/x", ".hidden", "a\u{0}b", "...",
    ])
    func neverEscapes(typed: String) throws {
        let name = try TraineeName(typed)
        #expect(!name.fileStem.contains("/"))
        #expect(!name.fileStem.contains("\\"))
        #expect(!name.fileStem.contains("\u{0}"))
        #expect(!name.fileStem.hasPrefix("."))
        #expect(!name.fileStem.contains(".."))
        #expect(stays(inFolder: name))
    }

    @Test("Hebrew names keep their letters")
    func hebrewKept() throws {
        let name = try TraineeName("  דנה   כהן ")
        #expect(name.displayName == "דנה כהן")
        #expect(name.fileStem.hasPrefix("דנה_כהן-"), "the space became _ and the change is marked by a hash")
        let plain = try TraineeName("נועה")
        #expect(plain.fileStem == "נועה")
    }

    @Test("control characters and escape sequences are removed from the name")
    func controlCharacters() throws {
        let name = try TraineeName("dana\u{1B}[2J\u{1B}]0;pwned\u{07}\u{9B}31m\r\n")
        #expect(!name.displayName.unicodeScalars.contains { $0.value < 0x20 || (0x7F...0x9F).contains($0.value) })
        #expect(name.displayName == "dana[2J]0;pwned31m")
        #expect(!name.fileStem.contains("["))
    }

    @Test("empty names are refused", arguments: ["", "   ", "\u{1B}\u{07}\n", "\t"])
    func emptyRefused(typed: String) {
        #expect(throws: TraineeNameError.empty) { try TraineeName(typed) }
    }

    @Test("the same trainee always maps to the same file; different names to different files")
    func deterministic() throws {
        #expect(try TraineeName("Dana Cohen").fileStem == TraineeName("Dana Cohen").fileStem)
        #expect(try TraineeName("Dana").fileStem == TraineeName("dana").fileStem, "case does not split a trainee's progress")
        #expect(try TraineeName("a/b").fileStem != TraineeName("a_b").fileStem)
        #expect(try TraineeName("dana").fileStem == "dana")
        #expect(try TraineeName("Dana Cohen").fileStem == "dana_cohen-" + TraineeName.hexHash("dana cohen"))
        #expect(TraineeName.hexHash("a") == "e40c292c", "FNV-1a, stable across machines")
        #expect(TraineeName.hexHash("") == "811c9dc5")
    }

    @Test("decomposed and precomposed spellings are the same trainee")
    func unicodeNormalised() throws {
        #expect(try TraineeName("Ame\u{301}lie").fileStem == TraineeName("Am\u{E9}lie").fileStem)
    }

    @Test("very long names are capped well under the file-name limit")
    func lengthCapped() throws {
        let long = try TraineeName(String(repeating: "ש", count: 500))
        #expect(long.fileStem.count == TraineeName.maximumStemLength + 9)
        #expect((long.fileStem + ".jsonl").utf8.count < 255)
        let other = try TraineeName(String(repeating: "ש", count: 499))
        #expect(long.fileStem != other.fileStem, "the hash keeps long names apart")
    }
}
