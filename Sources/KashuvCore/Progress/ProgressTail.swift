import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// What start-up needs from a trainee's progress file, read from its end: the attempt
/// `--resume` would continue, without reading the years of records before it.
///
/// The file is read backwards a chunk at a time and only until the answer is known: the
/// latest record of the scenario names the latest attempt; its last attempt record says
/// whether it ended; its turn records are collected back to its first turn. A file of any
/// length is answered in the time of its last attempt. The answer is the one
/// ``ProgressFileContents/resumableAttempt(scenarioID:)`` gives over the whole file; the
/// JSON Lines stay the only source, there is no index to go stale.
public struct ProgressTail: Sendable, Hashable {
    /// The scenario looked at: the one asked for, or the scenario of the file's last record.
    public var scenarioID: String?
    /// The latest attempt at ``scenarioID``, if it can be continued.
    public var attempt: ResumableAttempt?
    /// Lines skipped among those read (the part of the file before them was not read).
    public var issues: [ProgressIssue]

    /// Reads the end of a progress file (a file that does not exist holds no attempt).
    ///
    /// - Parameter scenarioID: the scenario whose latest attempt is wanted; `nil` for the
    ///   scenario of the last record in the file (what `--resume` without an id continues).
    public static func read(_ url: URL, scenarioID: String?) throws(ProgressError) -> ProgressTail {
        try read(url, scenarioID: scenarioID, chunkSize: 64 * 1024)
    }

    /// ``read(_:scenarioID:)`` with the size of the first chunk read (tests use small ones).
    static func read(_ url: URL, scenarioID: String?, chunkSize: Int) throws(ProgressError) -> ProgressTail {
        let fd = open(url.path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else {
            if errno == ENOENT { return ProgressTail(scenarioID: scenarioID, attempt: nil, issues: []) }
            throw .cannotRead(path: url.path, reason: String(cString: strerror(errno)))
        }
        defer { close(fd) }
        var reader = BackwardLineReader(fd: fd, path: url.path, chunkSize: chunkSize)
        do {
            return try search(&reader, scenarioID: scenarioID, path: url.path)
        } catch let error as ProgressError {
            throw error
        } catch {
            throw .cannotRead(path: url.path, reason: "\(error)")
        }
    }

    private static func search(_ reader: inout BackwardLineReader, scenarioID: String?, path: String) throws -> ProgressTail {
        var scenario = scenarioID
        var issueOffsets: [(offset: Int64, kind: ProgressIssue.Kind, detail: String)] = []
        var latest: UUID?
        var attemptRecord: AttemptRecord?
        var turns: [TurnRecord] = []  // newest first
        var isLastLine = true
        while let line = try reader.previousLine() {
            defer { isLastLine = false }
            if line.bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { continue }
            // Lines of other scenarios and attempts need not be decoded: a record holds its
            // scenario id (and attempt id) as text. Ids that JSON would escape are decoded
            // anyway, and so is the last line (a torn one is reported).
            if !isLastLine {
                if let scenario, latest == nil, !mayMention(scenario, line.bytes) { continue }
                if let latest, !mayMention(latest.uuidString, line.bytes, caseInsensitive: true) { continue }
            }
            let record: ProgressRecord
            do {
                record = try ProgressRecord.decode(line: Data(line.bytes))
            } catch {
                let torn = isLastLine && !line.endsInNewline
                issueOffsets.append((line.start, torn ? .tornLastLine : .malformed,
                                     torn ? "incomplete last line skipped (the program stopped while writing it)"
                                         : "not a progress record, skipped: \(ProgressFileContents.reason(error))"))
                continue
            }
            if scenario == nil { scenario = record.scenarioID }
            guard record.scenarioID == scenario else { continue }
            if latest == nil { latest = record.attemptID }
            guard record.attemptID == latest else { continue }
            switch record {
            case .attempt(let attempt):
                if attemptRecord == nil {
                    attemptRecord = attempt
                    // Finished, or left before its first turn: nothing to resume, nothing to look for.
                    if attempt.outcome != .abandoned || attempt.turns == 0 {
                        return ProgressTail(scenarioID: scenario, attempt: nil, issues: try issues(issueOffsets, reader, path))
                    }
                }
            case .turn(let turn):
                turns.append(turn)
            }
            // An attempt's first turn is its first record: nothing of it comes before.
            if case .turn(let turn) = record, turn.turnNumber == 1 { break }
        }
        let found = try issues(issueOffsets, reader, path)
        guard let latest, let first = turns.last else {
            return ProgressTail(scenarioID: scenario, attempt: nil, issues: found)
        }
        var seen = Set<Int>()
        let ordered = Array(turns.reversed()).sorted { $0.turnNumber < $1.turnNumber }.filter { seen.insert($0.turnNumber).inserted }
        return ProgressTail(
            scenarioID: scenario,
            attempt: ResumableAttempt(
                attemptID: latest, startedAt: attemptRecord?.startedAt ?? first.attemptStartedAt, turns: ordered, issues: found),
            issues: found)
    }

    /// Whether a line can be a record of this id: it holds the id's bytes (or the id needs
    /// JSON escaping, so the line has to be decoded to tell).
    private static func mayMention(_ id: String, _ line: ArraySlice<UInt8>, caseInsensitive: Bool = false) -> Bool {
        let needle = Array(id.utf8)
        guard !needle.isEmpty, needle.allSatisfy({ $0 >= 0x20 && $0 < 0x7F && $0 != 0x22 && $0 != 0x5C && $0 != 0x2F }) else {
            return true
        }
        func lower(_ byte: UInt8) -> UInt8 { caseInsensitive && byte >= 0x41 && byte <= 0x5A ? byte | 0x20 : byte }
        let first = lower(needle[0])
        var index = line.startIndex
        let last = line.endIndex - needle.count
        while index <= last {
            if lower(line[index]) == first {
                var matched = 1
                while matched < needle.count, lower(line[index + matched]) == lower(needle[matched]) { matched += 1 }
                if matched == needle.count { return true }
            }
            index += 1
        }
        return false
    }

    /// The issues with their line numbers, oldest first (counting lines is needed only when there are any).
    private static func issues(
        _ found: [(offset: Int64, kind: ProgressIssue.Kind, detail: String)], _ reader: BackwardLineReader, _ path: String
    ) throws -> [ProgressIssue] {
        guard !found.isEmpty else { return [] }
        let sorted = found.sorted { $0.offset < $1.offset }
        let numbers = try reader.lineNumbers(at: sorted.map(\.offset))
        return zip(sorted, numbers).map { ProgressIssue(file: path, line: $1, kind: $0.kind, detail: $0.detail) }
    }
}

/// Lines of a file from the last to the first, read in chunks with `pread`.
struct BackwardLineReader {
    /// A line: its bytes (without the newline), where it starts, and whether a newline ends it.
    struct Line {
        var bytes: ArraySlice<UInt8>
        var start: Int64
        var endsInNewline: Bool
    }

    private let fd: Int32
    private let path: String
    private var chunkSize: Int
    /// Bytes of the file from `position` on that are not yet returned as lines.
    private var pending: [UInt8] = []
    private var position: Int64
    private var started = false
    private var done = false

    init(fd: Int32, path: String, chunkSize: Int = 64 * 1024) {
        self.fd = fd
        self.path = path
        self.chunkSize = chunkSize
        var info = stat()
        position = fstat(fd, &info) == 0 ? Int64(info.st_size) : 0
    }

    /// The line before those already returned; `nil` once the start of the file is passed.
    mutating func previousLine() throws -> Line? {
        guard !done else { return nil }
        if !started {
            started = true
            try fill()
            if pending.isEmpty && position == 0 { done = true; return nil }
            if pending.last == 0x0A {
                pending.removeLast()
            } else {
                // The last line has no newline: torn by a crash, or a record written by hand.
                return try cut(endsInNewline: false)
            }
        }
        return try cut(endsInNewline: true)
    }

    private mutating func cut(endsInNewline: Bool) throws -> Line? {
        while true {
            if let newline = pending.lastIndex(of: 0x0A) {
                // The line gets storage of its own: a slice of `pending` would make the cut
                // below copy all of `pending` (up to 8 MB) for every line, quadratic in a file
                // read to its start (an abandoned attempt with no turns is looked for that far).
                let bytes = Array(pending[(newline + 1)...])[...]
                let line = Line(bytes: bytes, start: position + Int64(newline + 1), endsInNewline: endsInNewline)
                pending.removeSubrange(newline...)
                return line
            }
            if position == 0 {
                done = true
                return Line(bytes: pending[...], start: 0, endsInNewline: endsInNewline)
            }
            try fill()
        }
    }

    /// Reads the chunk before `position` in front of the pending bytes.
    private mutating func fill() throws {
        guard position > 0 else { return }
        let count = Int(min(Int64(chunkSize), position))
        var chunk = [UInt8](repeating: 0, count: count)
        try readFully(&chunk, at: position - Int64(count))
        position -= Int64(count)
        chunk.append(contentsOf: pending)
        pending = chunk
        chunkSize = min(chunkSize * 2, 8 << 20)
    }

    private func readFully(_ buffer: inout [UInt8], at offset: Int64) throws {
        var done = 0
        while done < buffer.count {
            let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress! + done, $0.count - done, off_t(offset) + off_t(done)) }
            if got < 0 {
                if errno == EINTR { continue }
                throw ProgressError.cannotRead(path: path, reason: String(cString: strerror(errno)))
            }
            if got == 0 { break }
            done += got
        }
    }

    /// The 1-based line numbers of lines starting at these offsets (sorted): the newlines before them, counted.
    func lineNumbers(at offsets: [Int64]) throws -> [Int] {
        var numbers: [Int] = []
        var newlines = 0
        var offset: Int64 = 0
        var buffer = [UInt8](repeating: 0, count: 1 << 20)
        for target in offsets {
            while offset < target {
                let count = Int(min(Int64(buffer.count), target - offset))
                let got = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress!, count, off_t(offset)) }
                if got < 0 && errno == EINTR { continue }
                if got < 0 { throw ProgressError.cannotRead(path: path, reason: String(cString: strerror(errno))) }
                guard got > 0 else { break }
                newlines += buffer[0..<got].count(where: { $0 == 0x0A })
                offset += Int64(got)
            }
            numbers.append(newlines + 1)
        }
        return numbers
    }
}
