import Foundation
import KashuvCore

/// The scorer every command uses (`practice`, `score`, `calibrate`): the rule-based
/// `ReplyScorer` with the default cue book (`Trainers/default/cues/`), the extra cue files the
/// default trainer profile (`Trainers/default/profile.yaml`) names, when there is one, and
/// any `--cues` files given on the command line.
enum PracticeScorer {
    /// The default trainer profile (`Trainers/default/profile.yaml`), `nil` when there is none.
    static func profile() throws -> TrainerProfile? {
        let trainers = LibraryLocation.trainersFolder()
        let file = trainers.appendingPathComponent("default").appendingPathComponent("profile.yaml")
        guard FileManager.default.fileExists(atPath: file.path) else { return nil }
        do {
            return try TrainerProfile.load(from: file)
        } catch {
            throw ValidationErrorText("the trainer profile \(file.path) does not load (\(error)); run 'kashuv validate Trainers'")
        }
    }

    /// The scorer with the profile's extra cue files and `extraFiles`.
    static func load(profile: TrainerProfile?, extraFiles: [URL] = []) throws -> ReplyScorer {
        let trainers = LibraryLocation.trainersFolder()
        let profileFolder = trainers.appendingPathComponent("default", isDirectory: true)
        let extra = (profile?.extraCueFiles(relativeTo: profileFolder) ?? []) + extraFiles
        let cues = profileFolder.appendingPathComponent("cues", isDirectory: true)
        return try ReplyScorer.loadDefault(
            extraCueFiles: extra, folder: FileManager.default.fileExists(atPath: cues.path) ? cues : nil)
    }
}
