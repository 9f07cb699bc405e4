import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Reads lines from a file descriptor one byte at a time, so nothing is read ahead: the
/// trainee's name and their replies can be read from the same input by different readers.
public struct PlainLineInput: Sendable {
    /// The descriptor read from.
    public let fileDescriptor: Int32

    /// Reads from a descriptor (standard input is 0).
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
    }

    /// The next line without its line ending (`\n` or `\r\n`), decoded as UTF-8 (invalid
    /// bytes become U+FFFD); `nil` at end of input. A last line without a newline is returned.
    public func readLine() -> String? {
        var bytes: [UInt8] = []
        var byte: UInt8 = 0
        while true {
            let count = read(fileDescriptor, &byte, 1)
            if count < 0 && errno == EINTR { continue }
            if count <= 0 { return bytes.isEmpty ? nil : Self.decode(bytes) }
            if byte == 0x0A { return Self.decode(bytes) }
            bytes.append(byte)
        }
    }

    private static func decode(_ bytes: [UInt8]) -> String {
        var line = String(decoding: bytes, as: UTF8.self)
        if line.hasSuffix("\r") { line.removeLast() }
        return line
    }
}
