import ArgumentParser
import Foundation
import KashuvCore
import KashuvTerminal
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// `kashuv report [DIR|FILE ...] [--format text|csv|html|json] [--output FILE] [filters]`:
/// a coach's report over progress files (docs/report.md).
struct ReportCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "report",
        abstract: "Report on trainees' progress: text, CSV, one-file HTML with charts, or JSON.",
        discussion: """
            Reads progress files (the .jsonl files kashuv practice writes; folders are read for \
            their .jsonl files) and merges copies from several folders, counting each record once. \
            Exit status: 0 the report is complete (a torn last line, the trace of a power cut, is \
            skipped with a warning); 1 the report was written but lines or files were skipped (each \
            named on stderr with its file and line); 2 no report (the trainer profile or the output \
            file could not be used); 64 a usage error (an unknown option, a bad date).
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, csv, html, json }
    enum Rows: String, ExpressibleByArgument, CaseIterable { case trainee, turn }

    @Argument(help: ArgumentHelp("Progress folders or files (default: ./progress).", valueName: "DIR|FILE"))
    var paths: [String] = []

    @Option(help: ArgumentHelp("text (default), csv, html or json.", valueName: "FORMAT"))
    var format: Format = .text

    @Option(name: .shortAndLong, help: ArgumentHelp("Write the report to this file instead of standard output.", valueName: "FILE"))
    var output: String?

    @Option(help: ArgumentHelp("CSV rows: one per trainee and dimension (trainee, the default) or one per turn (turn).", valueName: "ROWS"))
    var by: Rows = .trainee

    @Option(help: ArgumentHelp("Only this trainee (repeat for more; case does not matter).", valueName: "NAME"))
    var trainee: [String] = []

    @Option(help: ArgumentHelp("Only this scenario (repeat for more).", valueName: "ID"))
    var scenario: [String] = []

    @Option(help: ArgumentHelp("Only scenarios of this category: \(ObjectionCategory.allCases.map(\.rawValue).joined(separator: ", ")) (repeat for more).", valueName: "C"))
    var category: [String] = []

    @Option(help: ArgumentHelp("Only attempts started on or after this day (YYYY-MM-DD, UTC).", valueName: "DATE"))
    var since: String?

    @Option(help: ArgumentHelp("Only attempts started on or before this day (YYYY-MM-DD, UTC).", valueName: "DATE"))
    var until: String?

    @Option(help: ArgumentHelp("The trainer profile whose pass thresholds and language the report uses (default: Trainers/default/profile.yaml).", valueName: "FILE"))
    var profile: String?

    @Option(help: ArgumentHelp("Who reorders right-to-left text on a terminal: auto, app (Kashuv) or terminal.", valueName: "MODE"))
    var bidi: BidiMode = .auto

    func validate() throws {
        if by == .turn && format != .csv { throw ValidationError("--by turn is for --format csv") }
        for name in category where ObjectionCategory(rawValue: name) == nil {
            throw ValidationError("--category: '\(name)' is not a category; use one of \(ObjectionCategory.allCases.map(\.rawValue).joined(separator: ", "))")
        }
    }

    func run() throws {
        let filter: ReportFilter
        do {
            filter = try ReportFilter(
                trainees: trainee, scenarios: scenario, categories: category.compactMap(ObjectionCategory.init(rawValue:)),
                since: since, until: until)
        } catch {
            throw ValidationError("\(error)")
        }
        let profileFile = profile.map { URL(fileURLWithPath: $0) }
            ?? LibraryLocation.trainersFolder().appendingPathComponent("default").appendingPathComponent("profile.yaml")
        let trainerProfile: TrainerProfile
        do {
            trainerProfile = try TrainerProfile.load(from: profileFile)
        } catch {
            let reason = FileManager.default.fileExists(atPath: profileFile.path) ? "\(error)" : "no such file"
            Self.warn("cannot read the trainer profile \(profileFile.path): \(reason); name one with --profile FILE or run from the Kashuv folder")
            throw ExitCode(2)
        }
        let library = (try? PracticeLibrary())?.all ?? []
        let builder = ReportBuilder(profile: trainerProfile, library: library, filter: filter)
        let inputs = paths.isEmpty ? [ProgressStore.defaultFolderName] : paths

        let issues: [ReportIssue]
        let sink = try ReportSink(path: output)
        if format == .csv && by == .turn {
            sink.write(ReportCSV.turnHeader)
            issues = builder.forEachTurn(paths: inputs) { sink.write(ReportCSV.row($0)) }
        } else {
            let report = builder.build(paths: inputs)
            issues = report.skipped
            switch format {
            case .json: sink.write(ReportJSON.render(report))
            case .csv: sink.write(ReportCSV.render(report))
            case .html: sink.write(ReportHTML.render(report))
            case .text:
                let environment = ProcessInfo.processInfo.environment
                let onTerminal = output == nil && isatty(1) != 0 && !["", "dumb"].contains(environment["TERM"] ?? "")
                let renderer = TextReport(
                    bidi: onTerminal ? bidi.resolved(environment: environment) : .terminal,
                    width: onTerminal ? Self.terminalWidth() : 80,
                    colour: onTerminal && (environment["NO_COLOR"] ?? "").isEmpty)
                sink.write(renderer.render(report))
            }
        }
        do {
            try sink.finish()
        } catch {
            Self.warn("cannot write \(output ?? "the report"): \(error)")
            throw ExitCode(2)
        }
        for issue in issues { Self.warn(DisplaySafeText.clean(issue.description, keepingNewlines: false)) }
        if issues.contains(where: { $0.kind != .tornLastLine }) { throw ExitCode(1) }
    }

    static func warn(_ text: String) {
        FileHandle.standardError.write(Data("kashuv: \(text)\n".utf8))
    }

    static func terminalWidth() -> Int {
        var size = winsize()
        if ioctl(1, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return min(Int(size.ws_col), 120) }
        return 80
    }
}

/// Where the report goes: standard output, or a file written beside its final name and
/// renamed into place only when complete (an interrupted run never leaves half a report).
final class ReportSink {
    private let path: String?
    private let temporary: String?
    private let handle: FileHandle
    private var buffer = Data()

    init(path: String?) throws {
        self.path = path
        guard let path else {
            temporary = nil
            handle = FileHandle.standardOutput
            return
        }
        let temporary = path + ".partial-\(getpid())"
        guard FileManager.default.createFile(atPath: temporary, contents: nil), let handle = FileHandle(forWritingAtPath: temporary) else {
            ReportCommand.warn("cannot write \(path): \(String(cString: strerror(errno))); check the folder exists and is writable")
            throw ExitCode(2)
        }
        self.temporary = temporary
        self.handle = handle
    }

    func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    private func flush() {
        guard !buffer.isEmpty else { return }
        handle.write(buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    func finish() throws {
        flush()
        guard let path, let temporary else { return }
        try handle.synchronize()
        try handle.close()
        if rename(temporary, path) != 0 {
            let reason = String(cString: strerror(errno))
            unlink(temporary)
            throw ValidationErrorText(reason)
        }
    }
}
