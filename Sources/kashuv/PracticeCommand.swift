import ArgumentParser
import Foundation
import KashuvCore
import KashuvTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kashuv practice [SCENARIO_ID] [--trainee NAME] [--progress DIR] [--plain] [--resume] [--bidi auto|app|terminal]`:
/// a trainee practises one scenario. Also what plain `kashuv` runs.
struct PracticeCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "practice",
        abstract: "Practise a difficult customer (what `kashuv` alone runs).",
        discussion: """
            Full screen in a terminal; plain lines of text when stdin or stdout is not a terminal, \
            when TERM=dumb, or with --plain (one reply per input line; end of input stops and keeps \
            the attempt, exit status 0). Every scored turn is saved to \
            <progress>/<trainee>.jsonl before its score is shown (docs/progress-format.md).
            """
    )

    /// The scenario practised when none is named.
    static let defaultScenarioID = "he-waiting-app-senior"

    @Argument(help: ArgumentHelp(
        "The scenario to practise (default: \(PracticeCommand.defaultScenarioID); `kashuv scenarios` lists them).",
        valueName: "SCENARIO_ID"))
    var scenarioID: String?

    @Option(help: ArgumentHelp("Your name, Hebrew or English; asked for when missing.", valueName: "NAME"))
    var trainee: String?

    @Option(help: ArgumentHelp("The progress folder.", valueName: "DIR"))
    var progress: String = ProgressStore.defaultFolderName

    @ArgumentParser.Flag(help: "Plain line mode: lines of text in logical order, no escape codes (for screen readers and scripts).")
    var plain = false

    @ArgumentParser.Flag(help: "Continue your unfinished attempt at the turn where it stopped (without SCENARIO_ID: the scenario you practised last).")
    var resume = false

    @Option(help: ArgumentHelp("Who reorders right-to-left text: auto, app (Kashuv) or terminal.", valueName: "MODE"))
    var bidi: BidiMode = .auto

    @Option(help: ArgumentHelp(
        "The language of advice and the debrief: he or en (default: the trainer profile's feedback_language).",
        valueName: "LANGUAGE"))
    var feedback: Language?

    @Option(help: ArgumentHelp(
        "Play a workshop plan's scenarios in order, with a summary at the end; run it again to continue where you stopped (a file, or a plan's name in Trainers/plans/).",
        valueName: "PLAN"))
    var plan: String?

    @Option(help: ArgumentHelp(
        "How Hebrew lines address you: feminine, masculine or plural (asked once in a terminal, then remembered).",
        valueName: "FORM"))
    var address: AddressForm?

    func validate() throws {
        if plan != nil, scenarioID != nil { throw ValidationError("give a scenario id or --plan, not both") }
        if plan != nil, resume { throw ValidationError("--plan continues where you stopped by itself; leave out --resume") }
    }

    func run() throws {
        if let plan { return try runPlan(plan) }
        let environment = ProcessInfo.processInfo.environment
        let library = try PracticeLibrary()
        let requested = try Self.playable(scenarioID ?? Self.defaultScenarioID, in: library)
        if let scenarioID, requested == nil {
            throw ValidationErrorText(library.explainMissing(scenarioID))
        }
        let usePlain = plain || isatty(0) == 0 || isatty(1) == 0 || ["", "dumb"].contains(environment["TERM"] ?? "")
        let name = try traineeName(
            labels: Labels.for(requested?.language ?? .hebrew),
            output: PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: requested?.language ?? .hebrew, environment: environment),
            environment: environment)
        let store = ProgressStore(folder: URL(fileURLWithPath: progress, isDirectory: true))
        try store.prepareFolder()
        try store.checkOwner(name)

        // Only the end of the trainee's file is read: what to resume, and lines it had to skip.
        // `--resume` without a scenario continues whatever the trainee practised last.
        let id = try scenarioID ?? (resume ? store.lastResumableScenarioID(for: name) : nil) ?? Self.defaultScenarioID
        guard let scenario = requested?.id == id ? requested : try Self.playable(id, in: library) else {
            throw ValidationErrorText(library.explainMissing(id))
        }
        let profile = try PracticeScorer.profile()
        let saved = store.choices(for: name)
        let asking = feedback ?? saved?.feedbackLanguage ?? profile?.feedbackLanguage ?? scenario.language
        let choices = traineeChoices(
            saved: saved, name: name, store: store,
            output: PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: asking, environment: environment),
            asking: Labels.for(asking),
            hebrewInPlay: scenario.language == .hebrew || asking == .hebrew)
        let coaching = Coaching(profile: profile, feedbackLanguage: choices.feedbackLanguage, address: choices.address ?? .unspecified)
        let feedbackLanguage = choices.feedbackLanguage ?? profile?.feedbackLanguage ?? scenario.language
        let labels = Labels.for(feedbackLanguage)
        // What is printed outside the full screen follows the same right-to-left rule as it.
        let output = PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: feedbackLanguage, environment: environment)
        // The cue tables and hspell's lemma tables load while the trainee reads the first line.
        let scorer = try PracticeScorer.loadInBackground(profile: profile)

        // Messages on standard error follow the same right-to-left rule (a Hebrew name in them).
        let errors = PlainLineOutput(fileDescriptor: 2, bidi: bidi, language: feedbackLanguage, environment: environment)
        let tail = try store.tail(for: name, scenarioID: scenario.id)
        for issue in tail.issues {
            errors.lines("kashuv: \(DisplaySafeText.clean(issue.description))")
        }
        var session: PracticeSession?
        if resume {
            session = try PracticeSession.resume(
                scenario: scenario, trainee: name, store: store, scorer: scorer, library: library.all, coaching: coaching)
            if session == nil {
                errors.lines("kashuv: no unfinished attempt at \(scenario.id) for \(name.displayName); starting a new one")
            }
        } else if usePlain, tail.attempt != nil {
            output.lines(labels.unfinishedAttemptHint)
            output.command("  " + ShellCommand.practice(scenarioID: scenario.id, trainee: name, progress: store.folder) + " --resume")
        }
        let practice = session ?? PracticeSession.start(
            scenario: scenario, trainee: name, store: store, scorer: scorer, library: library.all, coaching: coaching)

        if !usePlain {
            do {
                // The session's debrief carries the suggested next scenario; the whole library is
                // read only when the debrief is built, keeping start-up to the one scenario.
                let result = try FullScreenPractice.run(session: practice, library: nil, bidi: bidi)
                if result != .finished, !practice.state.isOver {
                    output.lines(labels.attemptKeptUnfinished)
                    output.command("  " + ShellCommand.resume(practice))
                }
                if result.exitStatus != 0 { throw ExitCode(result.exitStatus) }
                return
            } catch let error as ExitCode {
                throw error
            } catch {
                // A terminal ncurses cannot drive (an unknown TERM): practise in plain lines instead.
                FileHandle.standardError.write(Data("kashuv: full screen unavailable (\(error)); using plain mode\n".utf8))
            }
        }
        let result = PlainPractice(session: practice, input: PlainLineInput(fileDescriptor: 0), output: output).run()
        // Something the trainee typed, or the end of the attempt, is not on disk: say so in the exit status.
        if result == .notSaved { throw ExitCode.failure }
    }

    /// The scenario with this id, `nil` when there is none; one that does not validate is refused
    /// with every diagnostic `kashuv validate` would print for it.
    static func playable(_ id: String, in library: PracticeLibrary) throws -> Scenario? {
        do {
            return try library.scenario(id)
        } catch {
            throw ValidationErrorText("""
                the scenario '\(id)' cannot be played: its file does not validate.
                \(error.description)
                Fix these problems (docs/diagnostics.md explains each code) and check with: kashuv validate \(error.path)
                """)
        }
    }

    /// How the trainee is addressed and their feedback language: `--address` and `--feedback`,
    /// else what their progress file keeps; when neither says how to address them and Hebrew is
    /// in play, asked once on one line (in a terminal only, so scripts are never stopped).
    /// A new or changed choice is saved beside the progress file (``TraineeChoices``); if that
    /// fails, practice goes on with a warning.
    func traineeChoices(
        saved: TraineeChoices?, name: TraineeName, store: ProgressStore, output: PlainLineOutput, asking labels: Labels,
        hebrewInPlay: Bool
    ) -> (address: AddressForm?, feedbackLanguage: Language?) {
        var form = address ?? saved?.address
        if form == nil, hebrewInPlay, isatty(0) == 1 {
            while form == nil {
                output.write(labels.askAddress + " ")
                guard let answer = PlainLineInput(fileDescriptor: 0).readLine() else {
                    output.write("\n")
                    break
                }
                form = Labels.addressForm(answer: answer)
            }
        }
        let language = feedback ?? saved?.feedbackLanguage
        if form != saved?.address || language != saved?.feedbackLanguage {
            do {
                try store.save(TraineeChoices(trainee: name.displayName, address: form, feedbackLanguage: language), for: name)
            } catch {
                FileHandle.standardError.write(Data("kashuv: your choices were not saved (\(error)); you may be asked again\n".utf8))
            }
        }
        return (form, language)
    }

    /// `--trainee`, or asked for on one line; an empty answer (or end of input) takes `$USER`.
    func traineeName(labels: Labels, output: PlainLineOutput, environment: [String: String]) throws -> TraineeName {
        if let trainee {
            do {
                return try TraineeName(trainee)
            } catch {
                throw ValidationError("--trainee: \(error)")
            }
        }
        let fallback = (try? TraineeName(environment["USER"] ?? "")) ?? (try! TraineeName("trainee"))
        while true {
            output.write("\(labels.askName) (\(labels.enterFor) \(fallback.displayName)): ")
            guard let answer = PlainLineInput(fileDescriptor: 0).readLine() else {
                output.write("\n")
                return fallback
            }
            if answer.trimmingCharacters(in: .whitespaces).isEmpty { return fallback }
            if let name = try? TraineeName(answer) { return name }
        }
    }
}

extension BidiMode: ExpressibleByArgument {}
extension Language: ExpressibleByArgument {}
extension AddressForm: ExpressibleByArgument {}
