import ArgumentParser
import Foundation
import KashuvCore
import KashuvTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kashuv practice --plan PLAN`: a trainee plays a workshop plan's scenarios in order.
///
/// Where the trainee stands is kept in ``PlanProgress`` beside their progress file. Each run
/// starts at the first scenario of the plan not yet finished (continuing its unfinished
/// attempt, if it has one); after the last, a summary of every scenario and the averages
/// over the plan. Stopping in the middle (Esc, end of input, a signal) keeps the place.
extension PracticeCommand {
    func runPlan(_ planArgument: String) throws {
        let environment = ProcessInfo.processInfo.environment
        let library = try PracticeLibrary()
        let planFile = try Self.planFile(planArgument, library: library)
        let plan: WorkshopPlan
        do {
            plan = try WorkshopPlan.load(from: planFile)
        } catch {
            throw ValidationErrorText(
                "\(planFile.path): not a workshop plan (\(DisplaySafeText.clean("\(error)", keepingNewlines: false)));"
                    + " check it with: kashuv validate \(planFile.path)")
        }
        guard !plan.scenarios.isEmpty else {
            throw ValidationErrorText("\(planFile.path): the plan lists no scenarios; add their ids under `scenarios:`")
        }
        var scenarios: [Scenario] = []
        for id in plan.scenarios {
            guard let scenario = try Self.playable(id, in: library) else {
                throw ValidationErrorText("\(planFile.path): " + library.explainMissing(id))
            }
            scenarios.append(scenario)
        }
        let planName = planFile.deletingPathExtension().lastPathComponent
        let usePlain = plain || isatty(0) == 0 || isatty(1) == 0 || ["", "dumb"].contains(environment["TERM"] ?? "")
        let name = try traineeName(
            labels: Labels.for(scenarios[0].language),
            output: PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: scenarios[0].language, environment: environment),
            environment: environment)
        let store = ProgressStore(folder: URL(fileURLWithPath: progress, isDirectory: true))
        try store.prepareFolder()
        try store.checkOwner(name)
        let profile = try PracticeScorer.profile()
        let saved = store.choices(for: name)
        let asking = feedback ?? saved?.feedbackLanguage ?? profile?.feedbackLanguage ?? scenarios[0].language
        let choices = traineeChoices(
            saved: saved, name: name, store: store,
            output: PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: asking, environment: environment),
            asking: Labels.for(asking),
            hebrewInPlay: scenarios.contains { $0.language == .hebrew } || asking == .hebrew)
        let coaching = Coaching(profile: profile, feedbackLanguage: choices.feedbackLanguage, address: choices.address ?? .unspecified)
        let scorer = try PracticeScorer.loadInBackground(profile: profile)
        let stateFile = PlanProgress.fileURL(in: store, trainee: name, plan: planName)
        let continueCommand = ShellCommand.plan(planFile, trainee: name, progress: store.folder, feedback: feedback)

        // A finished run, or none yet: a new run. Otherwise continue it.
        var state = try PlanProgress.load(from: stateFile) ?? PlanProgress(plan: planName, trainee: name)
        if state.completedAt != nil || state.next(in: plan.scenarios) == nil {
            state = PlanProgress(plan: planName, trainee: name)
        }
        let firstLanguage = choices.feedbackLanguage ?? profile?.feedbackLanguage ?? scenarios[0].language
        if !state.finished.isEmpty {
            PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: firstLanguage, environment: environment)
                .lines(Labels.for(firstLanguage).planContinuing(done: state.finished.count, of: scenarios.count))
        }

        while let nextID = state.next(in: plan.scenarios), let scenario = scenarios.first(where: { $0.id == nextID }) {
            let language = choices.feedbackLanguage ?? profile?.feedbackLanguage ?? scenario.language
            let labels = Labels.for(language)
            let output = PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: language, environment: environment)
            let number = (plan.scenarios.firstIndex(of: nextID) ?? 0) + 1
            output.lines("", "=== " + labels.planHeading(
                plan: DisplaySafeText.clean(plan.title, keepingNewlines: false), number: number, of: scenarios.count,
                scenario: DisplaySafeText.clean(scenario.title, keepingNewlines: false)) + " ===")

            // No library for the debrief to suggest from: in a plan, the plan says what comes next.
            let session = try PracticeSession.resume(
                scenario: scenario, trainee: name, store: store, scorer: scorer, library: [], coaching: coaching)
                ?? PracticeSession.start(scenario: scenario, trainee: name, store: store, scorer: scorer, library: [], coaching: coaching)
            if !session.state.isOver {
                let status = try play(session, usePlain: usePlain, output: output, continuation: PlainPractice.Continuation(
                    message: labels.planKept, command: continueCommand))
                if !session.state.isOver {
                    // Stopped before the ending: the place in the plan stays where it is.
                    if !usePlain || status != 0 {
                        output.lines(labels.planKept)
                        output.command("  " + continueCommand)
                    }
                    if status != 0 { throw ExitCode(status) }
                    return
                }
            }
            state.record(session)
            if state.next(in: plan.scenarios) == nil { state.completedAt = Date() }
            try state.save(to: stateFile)
        }

        let language = choices.feedbackLanguage ?? profile?.feedbackLanguage ?? scenarios[0].language
        let labels = Labels.for(language)
        var lines = ["", "=== " + labels.planSummary(DisplaySafeText.clean(plan.title, keepingNewlines: false)) + " ==="]
        for (index, finished) in state.finished.enumerated() {
            let title = scenarios.first { $0.id == finished.scenarioID }?.title ?? finished.scenarioID
            lines.append(labels.planRow(number: index + 1, scenario: DisplaySafeText.clean(title, keepingNewlines: false), finished: finished))
        }
        lines += [labels.planAverages(state.averages), labels.planComplete]
        PlainLineOutput(fileDescriptor: 1, bidi: bidi, language: language, environment: environment).lines(lines.joined(separator: "\n"))
    }

    /// Plays one session in the full screen, or in plain lines; the exit status (0, or 128 + a signal).
    private func play(_ session: PracticeSession, usePlain: Bool, output: PlainLineOutput, continuation: PlainPractice.Continuation) throws -> Int32 {
        if !usePlain {
            do {
                return try FullScreenPractice.run(session: session, library: nil, bidi: bidi).exitStatus
            } catch {
                FileHandle.standardError.write(Data("kashuv: full screen unavailable (\(error)); using plain mode\n".utf8))
            }
        }
        let result = PlainPractice(session: session, input: PlainLineInput(fileDescriptor: 0), output: output, continuation: continuation).run()
        return result == .notSaved ? 1 : 0  // something typed, or the end of the attempt, is not on disk
    }

    /// The plan file: the path as given, or a plan's name (`workshop-basics`) in the library's `Trainers/plans/`.
    static func planFile(_ argument: String, library: PracticeLibrary) throws -> URL {
        let given = URL(fileURLWithPath: argument)
        if FileManager.default.fileExists(atPath: given.path) { return given.standardizedFileURL }
        if !argument.contains("/") {
            let plans = LibraryLocation.trainersFolder().appendingPathComponent("plans")
            for candidate in [argument, argument + ".yaml", argument + ".yml"] {
                let file = plans.appendingPathComponent(candidate)
                if FileManager.default.fileExists(atPath: file.path) { return file.standardizedFileURL }
            }
        }
        throw ValidationErrorText(
            "no workshop plan at \(DisplaySafeText.clean(argument, keepingNewlines: false)): give a plan file "
                + "(for example Trainers/plans/workshop-basics.yaml) or the name of one in Trainers/plans/")
    }
}
