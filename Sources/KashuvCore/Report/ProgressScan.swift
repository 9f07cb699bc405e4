import Foundation

/// Reads groups of progress files record by record for the report: checks each line, counts a
/// record once by its `record_id` within a group (every copy of one trainee's file), applies the
/// filter, and hands each admitted record on. Problems become ``ReportIssue``s, at most
/// ``ProgressScan/issuesPerFile`` listed per file (then a count of the rest).
struct ProgressScan {
    /// Problems listed per file before the rest are only counted.
    static let issuesPerFile = 20

    let filter: ReportFilter.Compiled
    private(set) var issues: [ReportIssue] = []
    /// Bytes read so far.
    var bytes = 0

    init(filter: ReportFilter.Compiled) {
        self.filter = filter
    }

    /// Reads one group of files; `record` gets each admitted line with its scanner (for decoding
    /// its strings), the trainee's key and display name.
    mutating func read(
        group: [String],
        _ record: (ReportLine, inout JSONLineScanner, _ traineeKey: String, _ trainee: String) throws(JSONLineScanner.Failure) -> Void
    ) {
        var seen = Set<RecordKey>()
        var lastTraineeBytes: [UInt8] = []
        var lastTrainee = ("", "")  // key, display name
        for path in group {
            var fileIssues = 0
            var hiddenIssues = 0
            func report(_ issue: ReportIssue) {
                if fileIssues < Self.issuesPerFile || issue.kind == .tornLastLine { issues.append(issue) } else { hiddenIssues += 1 }
                fileIssues += 1
            }
            do {
                let read = try LineStream.forEachLine(path: path) { bytes, number, unterminated in
                    if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return }
                    var scanner = JSONLineScanner(bytes)
                    do {
                        let line: ReportLine
                        do throws(ReportLine.Problem) {
                            line = try ReportLine.parse(&scanner)
                        } catch .newerVersion(let version) {
                            report(ReportIssue(
                                path: path, line: number, kind: .newerVersion,
                                detail: "a record of schema_version \(version), written by a newer Kashuv, skipped; update kashuv to read it"))
                            return
                        } catch .malformed(let reason) {
                            throw JSONLineScanner.Failure(description: reason)
                        }
                        // The trainee's name, decoded once per run of lines with the same bytes.
                        let raw = scanner.raw(line.trainee)
                        if !line.trainee.hasEscapes, raw.elementsEqual(lastTraineeBytes) {
                            // same trainee as the line before
                        } else {
                            let name = try scanner.decode(line.trainee)
                            guard !name.isEmpty else { throw JSONLineScanner.Failure(description: "field 'trainee' is empty") }
                            lastTrainee = (ReportFilter.key(name), name)
                            lastTraineeBytes = line.trainee.hasEscapes ? [] : Array(raw)
                        }
                        if let keys = filter.traineeKeys, !keys.contains(lastTrainee.0) { return }
                        if !filter.admitsTime(line.attemptStartedAt) { return }
                        if let ids = filter.scenarioIDs, !ids.contains(try scanner.decode(line.scenarioID)) { return }
                        guard seen.insert(line.recordID).inserted else { return }
                        try record(line, &scanner, lastTrainee.0, lastTrainee.1)
                    } catch {
                        if unterminated {
                            report(ReportIssue(
                                path: path, line: number, kind: .tornLastLine,
                                detail: "incomplete last line skipped (the program stopped while writing it)"))
                        } else {
                            report(ReportIssue(
                                path: path, line: number, kind: .malformed,
                                detail: "not a progress record, skipped: \(error)"))
                        }
                    }
                }
                bytes += read
                if read == 0 {
                    report(ReportIssue(path: path, line: nil, kind: .emptyFile, detail: "empty file, nothing to read"))
                }
            } catch {
                report(ReportIssue(path: path, line: nil, kind: .unreadable, detail: "cannot read: \(error)"))
            }
            if hiddenIssues > 0 {
                issues.append(ReportIssue(
                    path: path, line: nil, kind: .malformed,
                    detail: "\(hiddenIssues) more lines skipped in this file (the first \(Self.issuesPerFile) are listed)"))
            }
        }
    }
}
