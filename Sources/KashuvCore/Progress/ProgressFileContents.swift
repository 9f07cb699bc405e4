import Foundation

/// What a progress file holds: the records that could be read, and what was skipped.
///
/// Reading never fails on a bad line. A last line without its newline (torn when the
/// program was killed while writing, or the machine lost power) is skipped with a warning;
/// any other line that is not a valid record is reported with its file and line number and
/// skipped; every other record is read.
public struct ProgressFileContents: Sendable, Hashable {
    /// The records in the order they were written.
    public var records: [ProgressRecord]
    /// The lines skipped, with where they are and why.
    public var issues: [ProgressIssue]

    /// Creates contents.
    public init(records: [ProgressRecord] = [], issues: [ProgressIssue] = []) {
        self.records = records
        self.issues = issues
    }

    /// Reads a progress file; a file that does not exist holds no records.
    public static func read(_ url: URL) throws(ProgressError) -> ProgressFileContents {
        let data: Data
        do {
            data = try Data(contentsOf: url)
        } catch let error as CocoaError where error.code == .fileReadNoSuchFile {
            return ProgressFileContents()
        } catch {
            guard FileManager.default.fileExists(atPath: url.path) else { return ProgressFileContents() }
            throw .cannotRead(path: url.path, reason: error.localizedDescription)
        }
        return parse(data, file: url.path)
    }

    /// Parses the bytes of a progress file.
    public static func parse(_ data: Data, file: String) -> ProgressFileContents {
        var contents = ProgressFileContents()
        let lines = data.split(separator: 0x0A, omittingEmptySubsequences: false)
        let endsInNewline = data.last == 0x0A || data.isEmpty
        for (index, line) in lines.enumerated() {
            let number = index + 1
            let isLast = index == lines.count - 1
            if isLast && endsInNewline { break }  // the empty piece after the final newline
            if line.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            do {
                contents.records.append(try ProgressRecord.decode(line: Data(line)))
            } catch {
                let torn = isLast && !endsInNewline
                contents.issues.append(ProgressIssue(
                    file: file, line: number, kind: torn ? .tornLastLine : .malformed,
                    detail: torn ? "incomplete last line skipped (the program stopped while writing it)"
                        : "not a progress record, skipped: \(Self.reason(error))"))
            }
        }
        return contents
    }

    static func reason(_ error: any Error) -> String {
        switch error {
        case DecodingError.dataCorrupted(let context):
            context.debugDescription
        case DecodingError.keyNotFound(let key, _):
            "missing field '\(key.stringValue)'"
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context):
            "field '\(context.codingPath.map(\.stringValue).joined(separator: "."))': \(context.debugDescription)"
        default:
            "\(error)"
        }
    }
}

extension ProgressFileContents {
    /// The latest attempt at a scenario, if it can be continued (`--resume`).
    ///
    /// The latest attempt is the one whose record comes last in the file among this
    /// scenario's records. It can be continued when it has at least one turn record and did
    /// not reach an ending: either it has no attempt record (the program was killed, the
    /// machine went down) or its last attempt record says `abandoned` (the trainee quit).
    public func resumableAttempt(scenarioID: String) -> ResumableAttempt? {
        let mine = records.filter { $0.scenarioID == scenarioID }
        guard let latest = mine.last?.attemptID else { return nil }
        let records = mine.filter { $0.attemptID == latest }
        var turns: [TurnRecord] = []
        var lastAttemptRecord: AttemptRecord?
        for record in records {
            switch record {
            case .turn(let turn): turns.append(turn)
            case .attempt(let attempt): lastAttemptRecord = attempt
            }
        }
        if let lastAttemptRecord, lastAttemptRecord.outcome != .abandoned { return nil }
        guard let first = turns.first else { return nil }
        var seen = Set<Int>()
        turns = turns.sorted { $0.turnNumber < $1.turnNumber }.filter { seen.insert($0.turnNumber).inserted }
        return ResumableAttempt(
            attemptID: latest, startedAt: lastAttemptRecord?.startedAt ?? first.attemptStartedAt,
            turns: turns, issues: issues)
    }

    /// The scenario of the last record in the file, if that attempt can be continued:
    /// what `--resume` without a scenario id continues.
    public var lastResumableScenarioID: String? {
        guard let last = records.last?.scenarioID else { return nil }
        return resumableAttempt(scenarioID: last) == nil ? nil : last
    }
}

/// A line of a progress file that was skipped.
public struct ProgressIssue: Sendable, Hashable, CustomStringConvertible {
    /// The file's path.
    public var file: String
    /// The 1-based line number.
    public var line: Int
    /// What kind of problem it is.
    public var kind: Kind
    /// What was wrong, in words.
    public var detail: String

    /// The kinds of skipped line.
    public enum Kind: String, Sendable, Hashable {
        /// The last line, cut off without its newline: expected after a crash, harmless.
        case tornLastLine
        /// A line that is not a valid record.
        case malformed
    }

    /// `file:line: detail`, the way compilers report.
    public var description: String { "\(file):\(line): warning: \(detail)" }
}
