import Foundation

/// Finds the library: the folder that holds `Scenarios/` and `Trainers/`.
///
/// The search, first match wins:
/// 1. a folder given explicitly (a command-line option);
/// 2. `$KASHUV_HOME`;
/// 3. the current directory, when it has a `Scenarios/` folder;
/// 4. the folders above the running executable, up to one with `Scenarios/` and
///    `Package.swift` (so `.build/debug/kashuv` finds the package it was built from).
///
/// When nothing matches, the current directory is used, so error messages name the
/// `Scenarios` folder the user would expect.
///
/// ```swift
/// let scenarios = LibraryLocation.scenariosFolder()
/// let trainers = LibraryLocation.trainersFolder()
/// ```
public struct LibraryLocation: Sendable {
    /// The environment variable naming the library folder.
    public static let environmentVariable = "KASHUV_HOME"

    /// The process environment to read `KASHUV_HOME` from.
    public var environment: [String: String]
    /// The folder relative paths are resolved against.
    public var currentDirectory: URL
    /// The running executable, if known.
    public var executable: URL?

    /// Creates a location search over explicit inputs (tests use this).
    public init(environment: [String: String], currentDirectory: URL, executable: URL?) {
        self.environment = environment
        self.currentDirectory = currentDirectory
        self.executable = executable
    }

    /// The search for this process: its environment, current directory and executable.
    public static var current: LibraryLocation {
        let currentDirectory = URL(fileURLWithPath: FileManager.default.currentDirectoryPath, isDirectory: true)
        return LibraryLocation(
            environment: ProcessInfo.processInfo.environment,
            currentDirectory: currentDirectory,
            executable: runningExecutable(currentDirectory: currentDirectory)
        )
    }

    /// The library folder, or `nil` when no step of the search finds one.
    public func home(explicit: URL? = nil) -> URL? {
        if let explicit { return explicit }
        if let home = environment[Self.environmentVariable], !home.isEmpty {
            return URL(fileURLWithPath: home, isDirectory: true, relativeTo: currentDirectory).standardizedFileURL
        }
        if Self.isDirectory(currentDirectory.appendingPathComponent("Scenarios")) { return currentDirectory }
        guard var folder = executable?.resolvingSymlinksInPath().deletingLastPathComponent() else { return nil }
        while true {
            if Self.isDirectory(folder.appendingPathComponent("Scenarios")),
               FileManager.default.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                return folder
            }
            let parent = folder.deletingLastPathComponent()
            if parent.path == folder.path { return nil }
            folder = parent
        }
    }

    /// The `Scenarios` folder: `explicit` itself when given, else `Scenarios/` in ``home(explicit:)``.
    public func scenariosFolder(explicit: URL? = nil) -> URL {
        explicit ?? (home() ?? currentDirectory).appendingPathComponent("Scenarios", isDirectory: true)
    }

    /// The `Trainers` folder: `explicit` itself when given, else `Trainers/` in ``home(explicit:)``.
    public func trainersFolder(explicit: URL? = nil) -> URL {
        explicit ?? (home() ?? currentDirectory).appendingPathComponent("Trainers", isDirectory: true)
    }

    /// The `Scenarios` folder for this process (see ``scenariosFolder(explicit:)``).
    public static func scenariosFolder(explicit: URL? = nil) -> URL { current.scenariosFolder(explicit: explicit) }

    /// The `Trainers` folder for this process (see ``trainersFolder(explicit:)``).
    public static func trainersFolder(explicit: URL? = nil) -> URL { current.trainersFolder(explicit: explicit) }

    /// The running executable: `/proc/self/exe` on Linux, else the first command-line argument.
    static func runningExecutable(currentDirectory: URL) -> URL? {
        if let linked = try? FileManager.default.destinationOfSymbolicLink(atPath: "/proc/self/exe") {
            return URL(fileURLWithPath: linked)
        }
        guard let first = CommandLine.arguments.first, !first.isEmpty else { return nil }
        if first.contains("/") { return URL(fileURLWithPath: first, relativeTo: currentDirectory).standardizedFileURL }
        let searchPath = ProcessInfo.processInfo.environment["PATH"]?.split(separator: ":") ?? []
        return searchPath.lazy
            .map { URL(fileURLWithPath: String($0)).appendingPathComponent(first) }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
    }

    private static func isDirectory(_ url: URL) -> Bool {
        var isDirectory: ObjCBool = false
        return FileManager.default.fileExists(atPath: url.path, isDirectory: &isDirectory) && isDirectory.boolValue
    }
}
