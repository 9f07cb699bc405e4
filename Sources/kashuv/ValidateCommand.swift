import ArgumentParser
import Foundation
import KashuvCore

/// `kashuv validate [PATH ...]`: checks scenarios, trainer profiles and workshop plans.
struct ValidateCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "validate",
        abstract: "Check scenario and Trainers files and explain every problem.",
        discussion: """
            Exits 0 when every file is valid. Otherwise prints one diagnostic per problem on \
            standard error, as PATH:LINE:COL: error[KS0000]: message, followed by a hint line and, \
            at the end, a summary; then exits 1. Warnings (warning[KS0000]) are printed the same \
            way and do not change the exit status. The codes are explained in docs/diagnostics.md.
            """
    )

    @Argument(help: ArgumentHelp(
        "Files or folders to check (folders are searched for .yaml files).",
        discussion: "Default: Scenarios and Trainers in the current directory; else those of $KASHUV_HOME, or of the package the executable was built from."
    ))
    var paths: [String] = []

    func run() throws {
        let report = ScenarioValidator().validate(paths: paths.isEmpty ? Self.defaultPaths() : paths, keeping: .summaries)
        var standardError = StandardErrorStream()
        for diagnostic in report.diagnostics {
            print(diagnostic, to: &standardError)
        }
        let files = report.filesChecked == 1 ? "1 file" : "\(report.filesChecked) files"
        func count(_ number: Int, _ noun: String) -> String { number == 1 ? "1 \(noun)" : "\(number) \(noun)s" }
        let warnings = report.warnings.isEmpty ? "" : ", " + count(report.warnings.count, "warning")
        if report.isValid {
            print("kashuv validate: \(files) checked, no problems\(warnings)")
        } else {
            let badFiles = Set(report.errors.map(\.path)).count
            print("kashuv validate: \(files) checked, \(count(report.errors.count, "problem")) in \(count(badFiles, "file"))\(warnings)",
                  to: &standardError)
            throw ExitCode.failure
        }
    }

    /// `Scenarios` and `Trainers` in the current directory, those of them that exist; when neither
    /// does, the library's own (see `LibraryLocation`). A missing library is reported, not skipped.
    static func defaultPaths() -> [String] {
        let exists = { (path: String) in FileManager.default.fileExists(atPath: path) }
        let here = ["Scenarios", "Trainers"].filter(exists)
        if !here.isEmpty { return here }
        let library = [LibraryLocation.scenariosFolder().path, LibraryLocation.trainersFolder().path]
        let found = library.filter(exists)
        return found.isEmpty ? [library[0]] : found
    }
}

/// Standard error as a `TextOutputStream`, for `print(_:to:)`.
private struct StandardErrorStream: TextOutputStream {
    mutating func write(_ string: String) {
        FileHandle.standardError.write(Data(string.utf8))
    }
}
