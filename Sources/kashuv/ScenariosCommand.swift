import ArgumentParser
import Foundation
import KashuvCore

/// `kashuv scenarios`: lists the scenario library, for people or as JSON for workshop scripts.
struct ScenariosCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "scenarios",
        abstract: "List the scenarios in the library.",
        discussion: """
            Only scenarios that pass `kashuv validate` are listed; the others are named on \
            standard error. The JSON form is an array of objects with id, language, category, \
            title, turns, endings and persona.
            """
    )

    /// How the list is printed.
    enum Format: String, ExpressibleByArgument, CaseIterable {
        /// A table for people.
        case text
        /// A JSON array for scripts.
        case json
    }

    @Option(help: "How to print the list.")
    var format: Format = .text

    @Option(help: ArgumentHelp(
        "The scenario folder to list.", discussion: "Default: Scenarios in the library (KASHUV_HOME, the current directory, or the package of the executable).",
        valueName: "dir"
    ))
    var folder: String?

    func run() throws {
        let folder = folder.map { URL(fileURLWithPath: $0) } ?? LibraryLocation.scenariosFolder()
        let report = ScenarioValidator().validate(paths: [folder.path], keeping: .summaries)
        let folderProblems = report.diagnostics.filter { $0.path == folder.path }
        if !folderProblems.isEmpty {
            // No library there at all (missing, a file, or no YAML files): say so and fail.
            for diagnostic in folderProblems { Self.printError("\(diagnostic)") }
            throw ExitCode.failure
        }
        var firstProblem: [String: Diagnostic] = [:]
        for diagnostic in report.diagnostics where firstProblem[diagnostic.path] == nil { firstProblem[diagnostic.path] = diagnostic }
        for (file, diagnostic) in firstProblem.sorted(by: { $0.key < $1.key }) {
            let count = report.diagnostics.count { $0.path == file }
            let problems = count == 1 ? "1 problem" : "\(count) problems, the first"
            Self.printError(DisplaySafeText.clean(
                "kashuv scenarios: left out \(file) because it does not validate (\(problems): error[\(diagnostic.code)]: \(diagnostic.message)); "
                    + "run `kashuv validate \(file)` to see every problem", keepingNewlines: false))
        }
        switch format {
        case .json:
            let encoder = JSONEncoder()
            encoder.outputFormatting = [.prettyPrinted, .sortedKeys, .withoutEscapingSlashes]
            let listing = report.summaries.map(ScenarioListing.init)
            print(String(decoding: try encoder.encode(listing), as: UTF8.self))
        case .text:
            print(Self.table(report.summaries))
        }
    }

    private static func printError(_ line: String) {
        FileHandle.standardError.write(Data((line + "\n").utf8))
    }

    /// The scenarios as aligned columns: id, category, language, turns, endings, title.
    static func table(_ scenarios: [ScenarioSummary]) -> String {
        let header = ["ID", "CATEGORY", "LANG", "TURNS", "ENDINGS", "TITLE"]
        let rows = scenarios.map { scenario in
            [scenario.id, scenario.category.rawValue, scenario.language.rawValue,
             String(scenario.turns), String(scenario.endings), DisplaySafeText.clean(scenario.title, keepingNewlines: false)]
        }
        let widths = (0..<header.count - 1).map { column in ([header] + rows).map { $0[column].count }.max() ?? 0 }
        let lines = ([header] + rows).map { row in
            row.enumerated().map { column, cell in
                column < widths.count ? cell.padding(toLength: widths[column], withPad: " ", startingAt: 0) : cell
            }.joined(separator: "  ")
        }
        let summary = scenarios.count == 1 ? "1 scenario" : "\(scenarios.count) scenarios"
        return (lines + [summary]).joined(separator: "\n")
    }
}

/// One scenario in `kashuv scenarios --format json`.
struct ScenarioListing: Encodable {
    /// The scripted customer, as listed.
    struct Persona: Encodable {
        var name: String
        var background: String
        var mood: Int
    }

    var id: String
    var language: String
    var category: String
    var title: String
    var turns: Int
    var endings: Int
    var persona: Persona

    init(_ scenario: ScenarioSummary) {
        id = scenario.id
        language = scenario.language.rawValue
        category = scenario.category.rawValue
        title = scenario.title
        turns = scenario.turns
        endings = scenario.endings
        persona = Persona(name: scenario.customer.name, background: scenario.customer.background, mood: scenario.customer.mood)
    }
}
