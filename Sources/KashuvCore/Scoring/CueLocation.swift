import Foundation

/// Where the default cue files are: `Trainers/default/cues/` of the Kashuv folder.
///
/// Looked for, in order, under `$KASHUV_HOME`, the current directory and its parents, and
/// the folder of the running executable and its parents (so `swift run` and the tests find
/// the package's own files).
public enum CueLocation {
    /// The path of the default cue folder inside a Kashuv folder.
    public static let relativePath = "Trainers/default/cues"

    /// The default cue folder could not be found.
    public struct NotFound: Error, CustomStringConvertible {
        public var description: String {
            "no \(CueLocation.relativePath)/ folder found (set KASHUV_HOME to the Kashuv folder)"
        }
    }

    /// The default cue folder, if one is found.
    public static func defaultFolder() -> URL? {
        let manager = FileManager.default
        var starts: [URL] = []
        if let home = ProcessInfo.processInfo.environment["KASHUV_HOME"], !home.isEmpty {
            starts.append(URL(fileURLWithPath: home))
        }
        starts.append(URL(fileURLWithPath: manager.currentDirectoryPath))
        starts.append(URL(fileURLWithPath: CommandLine.arguments.first ?? ".").resolvingSymlinksInPath().deletingLastPathComponent())
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                let candidate = folder.appendingPathComponent(relativePath)
                var isFolder: ObjCBool = false
                if manager.fileExists(atPath: candidate.path, isDirectory: &isFolder), isFolder.boolValue { return candidate }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return nil
    }
}
