import ArgumentParser
import Foundation
import KashuvCore
import KashuvGroup

/// `kashuv facilitate [--plan FILE | SCENARIO_ID] [--host ADDR] [--port N] [--code CODE] [--progress DIR] [--host-key FILE]`:
/// a group session served over SSH (docs/group.md).
struct FacilitateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "facilitate",
        abstract: "Run a group session: trainees join with plain `ssh -p PORT NAME@HOST` and answer in rounds.",
        discussion: """
            The console shows the join command and code, who joined, the round and the answers. \
            Enter starts and advances rounds (majority branch), c follows the chosen reply, \
            s/b/w/t put a reply in the spotlight (no names), q twice or Ctrl-C ends and writes the \
            group summary next to the progress files. See docs/group.md.
            """
    )

    @Argument(help: ArgumentHelp("A single scenario to play instead of a plan.", valueName: "SCENARIO_ID"))
    var scenarioID: String?

    @Option(help: ArgumentHelp("A workshop plan (default: the first in Trainers/plans/).", valueName: "FILE"))
    var plan: String?

    @Option(help: ArgumentHelp("The address to listen on (default: every interface).", valueName: "ADDR"))
    var host: String = "0.0.0.0"

    @Option(help: ArgumentHelp("The port to listen on (0: any free port).", valueName: "N"))
    var port: Int = 2222

    @Option(help: ArgumentHelp("The join code (default: 6 random digits).", valueName: "CODE"))
    var code: String?

    @Option(help: ArgumentHelp("The progress folder.", valueName: "DIR"))
    var progress: String = ProgressStore.defaultFolderName

    @Option(help: ArgumentHelp("The server's host key file (created on first use, mode 0600; default ~/.config/kashuv/ssh_host_ed25519_key).", valueName: "FILE"))
    var hostKey: String?

    @ArgumentParser.Flag(help: .hidden)
    var supervised = false

    @Option(help: .hidden)
    var restartNote: String?

    func validate() throws {
        if plan != nil, scenarioID != nil { throw ValidationError("give either --plan or a SCENARIO_ID, not both") }
        guard (0...65535).contains(port) else { throw ValidationError("--port: use a number from 1 to 65535 (or 0 for any free port)") }
    }

    func run() throws {
        // The server runs as a child of a small supervisor that restarts it after a crash
        // (docs/group.md, "Crash isolation"); the join code is fixed here so it survives restarts.
        guard supervised else {
            var arguments = Array(CommandLine.arguments.dropFirst()) + ["--supervised"]
            if code == nil { arguments += ["--code", JoinCode.generate().text] }
            let status = FacilitationSupervisor.run(arguments: arguments, restartNoteOption: "--restart-note")
            if status != 0 { throw ExitCode(status) }
            return
        }
        let library = try PracticeLibrary()
        let title: String, name: String, scenarios: [Scenario]
        if let scenarioID {
            guard let scenario = try library.scenario(scenarioID) else { throw ValidationErrorText(library.explainMissing(scenarioID)) }
            (title, name, scenarios) = (scenario.title, scenario.id, [scenario])
        } else {
            let file = try planFile()
            let loaded: WorkshopPlan
            do {
                loaded = try WorkshopPlan.load(from: file)
            } catch {
                throw ValidationErrorText("\(file.path): \(error) (run 'kashuv validate')")
            }
            scenarios = try loaded.scenarios.compactMap { try library.scenario($0) }
            let missing = loaded.scenarios.filter { id in !scenarios.contains { $0.id == id } }
            guard missing.isEmpty else {
                throw ValidationErrorText("\(file.path): no scenario " + missing.joined(separator: ", ") + " in the library (run 'kashuv validate')")
            }
            (title, name) = (loaded.title, file.deletingPathExtension().lastPathComponent)
        }
        let profile = try PracticeScorer.profile()
        var options = FacilitationOptions(
            title: title, name: name, scenarios: scenarios, host: host, port: port, code: code,
            progressFolder: URL(fileURLWithPath: progress, isDirectory: true), hostKeyPath: hostKey)
        options.coaching = Coaching(profile: profile)
        options.restartNote = restartNote
        do {
            // The cue tables and hspell's lemma tables build in the background while the room gathers.
            let scorer = try PracticeScorer.loadInBackground(profile: profile)
            let status = try Facilitation.run(options, scorer: scorer)
            if status != 0 { throw ExitCode(status) }
        } catch let error as GroupError {
            throw ValidationErrorText(error.description)
        }
    }

    private func planFile() throws -> URL {
        if let plan { return URL(fileURLWithPath: plan) }
        let folder = LibraryLocation.trainersFolder().appendingPathComponent("plans", isDirectory: true)
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? [])
            .filter { $0.hasSuffix(".yaml") || $0.hasSuffix(".yml") }.sorted()
        guard let first = names.first else {
            throw ValidationErrorText("no workshop plan in \(folder.path): give --plan FILE or a SCENARIO_ID")
        }
        return folder.appendingPathComponent(first)
    }
}
