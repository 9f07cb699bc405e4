import Dispatch
import Foundation

/// `kashuv score --input` as a stream: lines are read, scored and written as they come, so
/// memory stays flat at any input size and the first results appear while the rest is read.
///
/// Each `read` gives whatever bytes are ready; the complete lines among them (at most
/// ``batchLines`` at a time) are scored across ``workers`` threads and written, in input
/// order, before the next read. A reader that sends one line and waits for its answer gets
/// it at once; a file is read in chunks of ``chunkSize`` bytes. A line longer than
/// ``maxLineBytes`` is not kept: it gets an error object and the run goes on.
public struct ScoreLineStream: Sendable {
    /// The processor that turns one line into one output line.
    public let lines: ScoreLines
    /// Threads that score a batch (the machine's cores by default).
    public var workers: Int
    /// The most lines scored between two writes.
    public var batchLines: Int
    /// Bytes asked for in one read.
    public var chunkSize: Int
    /// The longest line read; longer ones are reported and skipped.
    public var maxLineBytes: Int

    /// A stream over a processor.
    public init(
        lines: ScoreLines, workers: Int = ProcessInfo.processInfo.activeProcessorCount,
        batchLines: Int = 512, chunkSize: Int = 64 * 1024, maxLineBytes: Int = 1 << 20
    ) {
        self.lines = lines
        self.workers = max(1, workers)
        self.batchLines = max(1, batchLines)
        self.chunkSize = max(1, chunkSize)
        self.maxLineBytes = max(1, maxLineBytes)
    }

    /// Reads all of the input and writes one output line (newline included) per input line.
    ///
    /// - Parameters:
    ///   - read: fills the buffer with the next bytes and returns how many; 0 at the end.
    ///   - write: takes the output of a batch of lines.
    public func run(
        read: (UnsafeMutableRawBufferPointer) throws -> Int,
        write: ([UInt8]) throws -> Void
    ) throws {
        var splitter = LineSplitter(maxLineBytes: maxLineBytes)
        var chunk = [UInt8](repeating: 0, count: chunkSize)
        while true {
            let count = try chunk.withUnsafeMutableBytes { try read($0) }
            if count == 0 { break }
            splitter.add(chunk[0..<count])
            while !splitter.ready.isEmpty {
                let batch = Array(splitter.ready.prefix(batchLines))
                splitter.ready.removeFirst(batch.count)
                try write(score(batch))
            }
        }
        splitter.finish()
        if !splitter.ready.isEmpty { try write(score(splitter.ready)) }
    }

    /// Scores a batch across the workers and joins the output lines in input order.
    func score(_ batch: [LineSplitter.Line]) -> [UInt8] {
        let processor = lines
        let limit = maxLineBytes
        let results = batch.parallelMap(workers: workers) { line in
            switch line.content {
            case .bytes(let bytes): processor.outputLine(bytes, lineNumber: line.number)
            case .tooLong: ScoreLines.Failure(
                line: line.number, id: nil, error: "the line is longer than \(limit) bytes and was skipped").json
            }
        }
        var out: [UInt8] = []
        out.reserveCapacity(results.reduce(batch.count) { $0 + $1.utf8.count })
        for result in results {
            out.append(contentsOf: result.utf8)
            out.append(0x0A)
        }
        return out
    }
}

/// Cuts a byte stream into numbered lines, keeping at most one partial line
/// (up to a limit) between reads.
struct LineSplitter {
    /// A line as read: its bytes without the newline, or only the fact that it was too long.
    struct Line: Sendable {
        enum Content: Sendable { case bytes(Data), tooLong }
        var number: Int
        var content: Content
    }

    let maxLineBytes: Int
    /// Complete lines not yet taken.
    var ready: [Line] = []
    private var partial = Data()
    private var partialTooLong = false
    private var nextNumber = 1

    init(maxLineBytes: Int) { self.maxLineBytes = maxLineBytes }

    /// Adds the next bytes of the stream.
    mutating func add(_ bytes: ArraySlice<UInt8>) {
        var start = bytes.startIndex
        while start < bytes.endIndex {
            guard let newline = bytes[start...].firstIndex(of: 0x0A) else {
                keep(bytes[start...])
                return
            }
            keep(bytes[start..<newline])
            endLine()
            start = newline + 1
        }
    }

    /// Ends the stream: a last line without a newline is a line too.
    mutating func finish() {
        if !partial.isEmpty || partialTooLong { endLine() }
    }

    private mutating func keep(_ bytes: ArraySlice<UInt8>) {
        guard !partialTooLong else { return }
        if partial.count + bytes.count > maxLineBytes {
            partialTooLong = true
            partial = Data()
        } else {
            partial.append(contentsOf: bytes)
        }
    }

    private mutating func endLine() {
        ready.append(Line(number: nextNumber, content: partialTooLong ? .tooLong : .bytes(partial)))
        nextNumber += 1
        partial = Data()
        partialTooLong = false
    }
}
