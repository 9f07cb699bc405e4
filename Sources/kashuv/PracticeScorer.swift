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

    /// The scorer with the profile's extra cue files and `extraFiles`, its tables compiled now.
    static func load(profile: TrainerProfile?, extraFiles: [URL] = []) throws -> ReplyScorer {
        ReplyScorer(cues: try cueFiles(profile: profile, extraFiles: extraFiles).book())
    }

    /// The same scorer for practice: it returns once the cue files are read (and parsed, unless
    /// the validator already knows them good), and its tables compile while the first customer
    /// line is on screen (``ReplyScorer/loadingInBackground(_:cache:)``).
    static func loadInBackground(profile: TrainerProfile?) throws -> ReplyScorer {
        try ReplyScorer.loadingInBackground(cueFiles(profile: profile, extraFiles: []))
    }

    private static func cueFiles(profile: TrainerProfile?, extraFiles: [URL]) throws -> CueFiles {
        let trainers = LibraryLocation.trainersFolder()
        let profileFolder = trainers.appendingPathComponent("default", isDirectory: true)
        let extra = (profile?.extraCueFiles(relativeTo: profileFolder) ?? []) + extraFiles
        let cues = profileFolder.appendingPathComponent("cues", isDirectory: true)
        return try CueFiles.default(extraFiles: extra, folder: FileManager.default.fileExists(atPath: cues.path) ? cues : nil)
    }
}
