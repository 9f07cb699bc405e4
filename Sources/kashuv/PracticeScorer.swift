import Foundation
import KashuvCore

/// The scorer `kashuv practice` uses: the rule-based `ReplyScorer` with the default cue book
/// (`Trainers/default/cues/`) plus the extra cue files the default trainer profile
/// (`Trainers/default/profile.yaml`) names, when there is one.
enum PracticeScorer {
    static func load() throws -> ReplyScorer {
        let trainers = LibraryLocation.trainersFolder()
        let profileFolder = trainers.appendingPathComponent("default", isDirectory: true)
        var extra: [URL] = []
        if FileManager.default.fileExists(atPath: profileFolder.appendingPathComponent("profile.yaml").path) {
            extra = try TrainerProfile.loadDefault(trainersFolder: trainers).extraCueFiles(relativeTo: profileFolder)
        }
        let cues = profileFolder.appendingPathComponent("cues", isDirectory: true)
        return try ReplyScorer.loadDefault(
            extraCueFiles: extra, folder: FileManager.default.fileExists(atPath: cues.path) ? cues : nil)
    }
}
