import Foundation
import KashuvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Writes text to a file descriptor, whole, ignoring a reader that has gone away (a closed
/// pipe or terminal must not stop the progress from being saved).
///
/// On a terminal that does no bidi of its own, lines follow the full screen's rule: each
/// line is word-wrapped to the terminal's width, reordered into visual order with FriBidi
/// and, when it reads right to left, right-aligned (``BidiLayout``). To a pipe or a file,
/// or where the terminal reorders by itself, text is written in logical order as it is.
public struct PlainLineOutput: Sendable {
    /// The descriptor written to.
    public let fileDescriptor: Int32
    /// The layout lines go through; `nil` writes them in logical order as they are.
    public let layout: BidiLayout?

    /// Writes to a descriptor (standard output is 1) in logical order.
    public init(fileDescriptor: Int32) {
        self.fileDescriptor = fileDescriptor
        layout = nil
    }

    /// Writes to a descriptor, in visual order when it is a terminal and `bidi` resolves to
    /// ``BidiMode/app`` (see ``BidiMode/resolved(environment:)``); a line with no strong
    /// character takes the direction of `language`. With ``BidiMode/auto``, `TERM` unset,
    /// empty or `dumb` keeps logical order: Emacs's shell reorders by itself, and a screen
    /// reader reads logical text.
    public init(fileDescriptor: Int32, bidi: BidiMode, language: Language, environment: [String: String]) {
        self.fileDescriptor = fileDescriptor
        let dumb = bidi == .auto && ["", "dumb"].contains(environment["TERM"] ?? "")
        if isatty(fileDescriptor) != 0, !dumb, bidi.resolved(environment: environment) == .app {
            layout = BidiLayout(mode: .app, neutralDirection: language.isRightToLeft ? .rightToLeft : .leftToRight)
        } else {
            layout = nil
        }
    }

    /// Writes the text. Laid out, every line is written whole and ends with a newline, even
    /// a last one without (a prompt: the answer is typed on the next line).
    public func write(_ text: String) {
        guard let layout else { return writeBytes(text) }
        var lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        let width = Self.columns(of: fileDescriptor)
        var result = ""
        for line in lines {
            for visual in layout.lines(for: String(line), width: width) {
                result += String(repeating: " ", count: visual.startColumn(inWidth: width)) + visual.text + "\n"
            }
        }
        writeBytes(result)
    }

    /// Writes lines, each followed by a newline.
    public func lines(_ lines: String...) {
        write(lines.map { $0 + "\n" }.joined())
    }

    /// Writes a command for the trainee to type, always in logical order: that is how their
    /// shell shows it while it is typed, and what a copy from the screen must give back.
    public func command(_ text: String) {
        writeBytes(text + "\n")
    }

    private func writeBytes(_ text: String) {
        var bytes = Array(text.utf8)[...]
        while !bytes.isEmpty {
            let written = bytes.withUnsafeBytes { systemWrite(fileDescriptor, $0.baseAddress, $0.count) }
            if written < 0 && errno == EINTR { continue }
            if written <= 0 { return }
            bytes = bytes.dropFirst(written)
        }
    }

    /// The terminal's width in columns (80 when it cannot be read).
    private static func columns(of fileDescriptor: Int32) -> Int {
        var size = winsize()
        if ioctl(fileDescriptor, UInt(TIOCGWINSZ), &size) == 0, size.ws_col > 0 { return Int(size.ws_col) }
        return 80
    }
}

#if canImport(Glibc)
private let systemWrite = Glibc.write
#elseif canImport(Darwin)
private let systemWrite = Darwin.write
#endif
