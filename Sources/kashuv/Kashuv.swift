import ArgumentParser
import KashuvCore

/// The `kashuv` command: practise difficult customers, check scenarios, score replies.
@main
struct Kashuv: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "kashuv",
        abstract: "Practise difficult customer-service conversations (Hebrew and English).",
        subcommands: [
            PracticeCommand.self,
            ValidateCommand.self,
            ScenariosCommand.self,
            ScoreCommand.self,
            CalibrateCommand.self,
            ReportCommand.self,
            FacilitateCommand.self,
        ],
        defaultSubcommand: PracticeCommand.self
    )

    /// Starts the program: no crash prompt that waits for a key, SIGQUIT like SIGTERM, the
    /// validator's verdict cache on (`ValidationCache`, `KASHUV_CACHE=off` to leave it off),
    /// then the command.
    static func main() {
        CrashPrompt.disableInteractivePrompt()
        CrashPrompt.quitLikeTerminate()
        ValidationCache.enableDefault()
        main(nil)
    }
}
