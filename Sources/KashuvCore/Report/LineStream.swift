import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads a file line by line in fixed-size chunks, so a file of any size takes the same
/// memory (one chunk, plus the longest line).
struct LineStream {
    /// Why a file could not be read.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// Bytes read per `read(2)`.
    static let chunkSize = 1 << 20

    /// Calls `line` with each line's bytes (without the newline), its 1-based number, and
    /// whether it is a last line that has no newline (what a power cut leaves). Returns the
    /// number of bytes read.
    @discardableResult
    static func forEachLine(
        path: String, _ line: (UnsafeBufferPointer<UInt8>, Int, Bool) -> Void
    ) throws(Failure) -> Int {
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else { throw Failure(description: String(cString: strerror(errno))) }
        defer { close(descriptor) }
        var buffer = [UInt8](repeating: 0, count: chunkSize)
        var filled = 0  // bytes in buffer
        var number = 0
        var total = 0
        while true {
            if filled == buffer.count { buffer.append(contentsOf: [UInt8](repeating: 0, count: buffer.count)) }
            let got = buffer.withUnsafeMutableBytes { raw in
                read(descriptor, raw.baseAddress! + filled, raw.count - filled)
            }
            if got < 0 {
                if errno == EINTR { continue }
                throw Failure(description: String(cString: strerror(errno)))
            }
            let atEnd = got == 0
            filled += got
            total += got
            var consumed = 0
            buffer.withUnsafeBufferPointer { all in
                let base = all.baseAddress!
                while consumed < filled {
                    let rest = filled - consumed
                    guard let newline = memchr(base + consumed, 0x0A, rest) else { break }
                    let end = UnsafePointer<UInt8>(newline.assumingMemoryBound(to: UInt8.self)) - base
                    number += 1
                    line(UnsafeBufferPointer(start: base + consumed, count: end - consumed), number, false)
                    consumed = end + 1
                }
                if atEnd, consumed < filled {
                    number += 1
                    line(UnsafeBufferPointer(start: base + consumed, count: filled - consumed), number, true)
                    consumed = filled
                }
            }
            if atEnd { return total }
            if consumed > 0 {
                buffer.withUnsafeMutableBytes { raw in
                    if filled > consumed { memmove(raw.baseAddress!, raw.baseAddress! + consumed, filled - consumed) }
                }
                filled -= consumed
            }
        }
    }
}
