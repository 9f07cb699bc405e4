import Foundation

/// The progress files a report reads: `.jsonl` files named on the command line or found in
/// the folders named (not in their sub-folders), grouped by file name.
///
/// Kashuv names a trainee's file after the trainee, so every copy of one trainee's file
/// (from several laptops or workshops) has the same name; a group is read together, which
/// is how a record copied twice is counted once (by its `record_id`).
struct ReportInput {
    /// Files with the same name (case folded), biggest groups first.
    var groups: [[String]]
    /// Paths that could not be used.
    var issues: [ReportIssue]

    init(paths: [String]) {
        var byName: [String: [String]] = [:]
        var order: [String] = []
        var issues: [ReportIssue] = []
        var seenFiles = Set<String>()
        func add(_ file: String) {
            let canonical = URL(fileURLWithPath: file).standardizedFileURL.resolvingSymlinksInPath().path
            guard seenFiles.insert(canonical).inserted else { return }  // the same file named twice
            let name = (file as NSString).lastPathComponent.lowercased()
            if byName[name] == nil { order.append(name) }
            byName[name, default: []].append(file)
        }
        for path in paths {
            var isFolder: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) else {
                issues.append(ReportIssue(path: path, line: nil, kind: .unreadable, detail: "no such file or folder, skipped"))
                continue
            }
            guard isFolder.boolValue else { add(path); continue }
            guard let names = try? FileManager.default.contentsOfDirectory(atPath: path) else {
                issues.append(ReportIssue(path: path, line: nil, kind: .unreadable, detail: "the folder cannot be read, skipped"))
                continue
            }
            let files = names.filter { $0.hasSuffix(".jsonl") && !$0.hasPrefix(".") }.sorted()
            if files.isEmpty {
                issues.append(ReportIssue(
                    path: path, line: nil, kind: .noProgressFiles,
                    detail: "no progress files (*.jsonl) in this folder; name the folder kashuv practice --progress wrote to"))
            }
            for file in files { add((path as NSString).appendingPathComponent(file)) }
        }
        func size(_ file: String) -> Int {
            ((try? FileManager.default.attributesOfItem(atPath: file)[.size]) as? NSNumber)?.intValue ?? 0
        }
        let sized = order.map { name in (byName[name]!, byName[name]!.reduce(0) { $0 + size($1) }) }
        groups = sized.sorted { $0.1 > $1.1 }.map(\.0)
        self.issues = issues
    }
}
