import Foundation
import Testing
@testable import KashuvCore

/// A progress file holds one trainee only, and invisible characters in a name are treated by
/// the one display rule: what a reader sees is the name.
@Suite("Progress: one trainee per file, names as they are seen")
struct ProgressOneTraineeTests {
    @Test("typing another trainee's file stem does not reach their file")
    func typedStemIsNotAnotherTrainee() throws {
        let dana = try TraineeName("Dana Cohen")
        let typed = try TraineeName(dana.fileStem)
        #expect(dana.fileStem == "dana_cohen-dc77d19e")
        #expect(typed.fileStem != dana.fileStem)
        #expect(typed.fileStem.hasPrefix("dana_cohen-dc77d19e-"))
    }

    @Test("invisible and control characters are dropped the same way: the name is what is seen", arguments: [
        "\u{202E}evil", "evil\u{200E}", "ev\u{200B}il", "evil\u{200F}", "\u{2066}evil\u{2069}", "e\u{AD}vil", "\u{FEFF}evil", "evil\u{1}",
    ])
    func invisibleCharacters(typed: String) throws {
        let name = try TraineeName(typed)
        #expect(name.displayName == "evil")
        #expect(name.fileStem == "evil")
    }

    @Test("appending to a file that holds another trainee is refused, and the file is left as it was")
    func oneTraineePerFile() throws {
        let folder = try PracticeFixtures.temporaryFolder()
        let store = ProgressStore(folder: folder)
        let dana = try TraineeName("דנה כהן")
        try store.append(.turn(ProgressStoreTests.turn(attempt: UUID(), number: 1)), for: dana)
        let zed = try TraineeName("zed")
        // A hash collision, or a file copied by hand: Dana's records under zed's file name.
        try FileManager.default.copyItem(at: store.fileURL(for: dana), to: store.fileURL(for: zed))
        let before = try Data(contentsOf: store.fileURL(for: zed))
        var record = ProgressStoreTests.turn(attempt: UUID(), number: 1)
        record.trainee = "zed"
        #expect(throws: ProgressError.belongsToAnotherTrainee(path: store.fileURL(for: zed).path, owner: "דנה כהן", trainee: "zed")) {
            try store.append(.turn(record), for: zed)
        }
        #expect(try Data(contentsOf: store.fileURL(for: zed)) == before)
        // The owner, in any case, still appends.
        try store.append(.turn(ProgressStoreTests.turn(attempt: UUID(), number: 1)), for: TraineeName("דנה  כהן"))
        #expect(try store.read(dana).records.count == 2)
    }
}
