import Foundation

/// A small, fast reader of one JSON object on one line, over its bytes: it walks the object's
/// members once, hands back strings as byte ranges (decoded only when asked for), and skips
/// whatever the caller does not need without building it.
///
/// The report reads a whole organisation's progress files with it; `JSONDecoder` would build
/// every field of every record (evidence, advice, dates) only to throw most of it away.
struct JSONLineScanner {
    /// Why a line is not valid JSON (or not what was expected), in words.
    struct Failure: Error, CustomStringConvertible {
        var description: String
    }

    /// A JSON string inside the line: where its content is, and whether it has escapes.
    struct Text {
        var start: Int
        var end: Int
        var hasEscapes: Bool
        var isEmpty: Bool { start == end }
    }

    let bytes: UnsafeBufferPointer<UInt8>
    private(set) var index = 0

    init(_ bytes: UnsafeBufferPointer<UInt8>) {
        self.bytes = bytes
    }

    // MARK: Structure

    @inline(__always) mutating func skipSpace() {
        while index < bytes.count {
            let byte = bytes[index]
            guard byte == 0x20 || byte == 0x09 || byte == 0x0D || byte == 0x0A else { return }
            index += 1
        }
    }

    @inline(__always) mutating func peek() -> UInt8? {
        skipSpace()
        return index < bytes.count ? bytes[index] : nil
    }

    @inline(__always) mutating func expect(_ byte: UInt8) throws(Failure) {
        guard peek() == byte else { throw fail("expected '\(Character(Unicode.Scalar(byte)))'") }
        index += 1
    }

    func fail(_ what: String) -> Failure {
        Failure(description: index >= bytes.count ? "the line ends too early (\(what))" : "\(what) at column \(index + 1)")
    }

    /// Calls `member` with each key of the object that starts here; `member` must consume the value.
    mutating func object(_ member: (inout JSONLineScanner, Text) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "{"))
        if peek() == UInt8(ascii: "}") { index += 1; return }
        while true {
            let key = try string()
            try expect(UInt8(ascii: ":"))
            try member(&self, key)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "}"): index += 1; return
            default: throw fail("expected ',' or '}'")
            }
        }
    }

    /// Calls `element` for each element of the array that starts here; `element` must consume it.
    mutating func array(_ element: (inout JSONLineScanner) throws(Failure) -> Void) throws(Failure) {
        try expect(UInt8(ascii: "["))
        if peek() == UInt8(ascii: "]") { index += 1; return }
        while true {
            try element(&self)
            switch peek() {
            case UInt8(ascii: ","): index += 1
            case UInt8(ascii: "]"): index += 1; return
            default: throw fail("expected ',' or ']'")
            }
        }
    }

    /// Whether only spaces are left.
    mutating func atEnd() -> Bool { peek() == nil }

    // MARK: Values

    /// A string value: its byte range, not yet decoded.
    @inline(__always) mutating func string() throws(Failure) -> Text {
        guard peek() == UInt8(ascii: "\"") else { throw fail("expected a string") }
        index += 1
        let start = index
        let end = try closingQuote(from: index)
        // Escapes are rare: look for a backslash only inside this string.
        let escapes = memchr(bytes.baseAddress! + start, Int32(UInt8(ascii: "\\")), end - start) != nil
        index = end + 1
        return Text(start: start, end: end, hasEscapes: escapes)
    }

    /// The index of the quote that ends the string whose content starts at `from`: the next
    /// quote not escaped by an odd run of backslashes (found with `memchr`, a word at a time).
    @inline(__always) private func closingQuote(from: Int) throws(Failure) -> Int {
        let base = bytes.baseAddress!
        var at = from
        while at < bytes.count {
            guard let found = memchr(base + at, Int32(UInt8(ascii: "\"")), bytes.count - at) else { break }
            let quote = UnsafePointer<UInt8>(found.assumingMemoryBound(to: UInt8.self)) - base
            var backslashes = 0
            while quote - 1 - backslashes >= from, bytes[quote - 1 - backslashes] == UInt8(ascii: "\\") { backslashes += 1 }
            if backslashes % 2 == 0 { return quote }
            at = quote + 1
        }
        throw Failure(description: "the line ends too early (an unterminated string)")
    }

    /// Skips an array or object without looking inside its strings beyond finding their ends:
    /// how the report passes over evidence and advice, most of a line's bytes.
    mutating func skipContainer() throws(Failure) {
        var depth = 0
        while index < bytes.count {
            switch bytes[index] {
            case UInt8(ascii: "\""):
                index = try closingQuote(from: index + 1) + 1
                continue
            case UInt8(ascii: "["), UInt8(ascii: "{"): depth += 1
            case UInt8(ascii: "]"), UInt8(ascii: "}"):
                depth -= 1
                if depth == 0 { index += 1; return }
                if depth < 0 { throw fail("unbalanced brackets") }
            default: break
            }
            index += 1
        }
        throw fail("an unclosed array or object")
    }

    /// `null`, or a string.
    mutating func optionalString() throws(Failure) -> Text? {
        if try null() { return nil }
        return try string()
    }

    /// Consumes `null` if it is next.
    @inline(__always) mutating func null() throws(Failure) -> Bool {
        guard peek() == UInt8(ascii: "n") else { return false }
        guard index + 4 <= bytes.count, bytes[index + 1] == UInt8(ascii: "u"), bytes[index + 2] == UInt8(ascii: "l"),
              bytes[index + 3] == UInt8(ascii: "l") else { throw fail("expected null") }
        index += 4
        return true
    }

    /// An integer (no fraction, no exponent).
    @inline(__always) mutating func integer() throws(Failure) -> Int {
        _ = peek()
        var negative = false
        if index < bytes.count, bytes[index] == UInt8(ascii: "-") { negative = true; index += 1 }
        let start = index
        var value = 0
        while index < bytes.count, bytes[index] &- 0x30 < 10 {
            if index - start > 15 { throw fail("a number too large") }
            value = value &* 10 &+ Int(bytes[index] &- 0x30)
            index += 1
        }
        guard index > start else { throw fail("expected a whole number") }
        if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] | 0x20 == UInt8(ascii: "e") {
            throw fail("expected a whole number")
        }
        return negative ? -value : value
    }

    /// `null`, or an integer.
    mutating func optionalInteger() throws(Failure) -> Int? {
        if try null() { return nil }
        return try integer()
    }

    /// Skips any value.
    mutating func skipValue() throws(Failure) {
        guard let byte = peek() else { throw fail("expected a value") }
        switch byte {
        case UInt8(ascii: "\""): _ = try string()
        case UInt8(ascii: "{"), UInt8(ascii: "["): try skipContainer()
        case UInt8(ascii: "t"): try word("true")
        case UInt8(ascii: "f"): try word("false")
        case UInt8(ascii: "n"): try word("null")
        default:
            let start = index
            while index < bytes.count {
                let byte = bytes[index]
                guard byte &- 0x30 < 10 || byte == UInt8(ascii: "-") || byte == UInt8(ascii: "+")
                    || byte == UInt8(ascii: ".") || byte | 0x20 == UInt8(ascii: "e") else { break }
                index += 1
            }
            guard index > start else { throw fail("expected a value") }
        }
    }

    private mutating func word(_ word: StaticString) throws(Failure) {
        let count = word.utf8CodeUnitCount
        guard index + count <= bytes.count, memcmp(bytes.baseAddress! + index, word.utf8Start, count) == 0 else {
            throw fail("expected \(word)")
        }
        index += count
    }

    // MARK: Reading strings

    /// Whether a string's raw bytes are exactly `literal` (for keys and enum values).
    @inline(__always) func equals(_ text: Text, _ literal: StaticString) -> Bool {
        let count = literal.utf8CodeUnitCount
        return text.end - text.start == count && !text.hasEscapes
            && memcmp(bytes.baseAddress! + text.start, literal.utf8Start, count) == 0
    }

    /// The raw bytes of a string (escapes not decoded).
    func raw(_ text: Text) -> UnsafeBufferPointer<UInt8> {
        UnsafeBufferPointer(rebasing: bytes[text.start..<text.end])
    }

    /// The decoded string; throws when its bytes are not UTF-8 or an escape is invalid.
    func decode(_ text: Text) throws(Failure) -> String {
        if !text.hasEscapes {
            guard let string = String(validating: raw(text), as: UTF8.self) else {
                throw Failure(description: "text that is not UTF-8 at column \(text.start + 1) (save the file as UTF-8)")
            }
            return string
        }
        var out: [UInt8] = []
        out.reserveCapacity(text.end - text.start)
        var i = text.start
        func hex4(_ at: Int) throws(Failure) -> UInt32 {
            guard at + 4 <= text.end else { throw Failure(description: "a broken \\u escape at column \(at)") }
            var value: UInt32 = 0
            for offset in 0..<4 {
                let byte = bytes[at + offset]
                let digit: UInt8
                switch byte {
                case 0x30...0x39: digit = byte - 0x30
                case 0x41...0x46: digit = byte - 0x41 + 10
                case 0x61...0x66: digit = byte - 0x61 + 10
                default: throw Failure(description: "a broken \\u escape at column \(at)")
                }
                value = value << 4 | UInt32(digit)
            }
            return value
        }
        while i < text.end {
            let byte = bytes[i]
            guard byte == UInt8(ascii: "\\") else { out.append(byte); i += 1; continue }
            guard i + 1 < text.end else { throw Failure(description: "a broken escape at column \(i + 1)") }
            let kind = bytes[i + 1]
            i += 2
            switch kind {
            case UInt8(ascii: "n"): out.append(0x0A)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "r"): out.append(0x0D)
            case UInt8(ascii: "b"): out.append(0x08)
            case UInt8(ascii: "f"): out.append(0x0C)
            case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(kind)
            case UInt8(ascii: "u"):
                var scalar = try hex4(i)
                i += 4
                if (0xD800..<0xDC00).contains(scalar), i + 6 <= text.end, bytes[i] == UInt8(ascii: "\\"),
                   bytes[i + 1] == UInt8(ascii: "u") {
                    let low = try hex4(i + 2)
                    if (0xDC00..<0xE000).contains(low) {
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                        i += 6
                    }
                }
                out.append(contentsOf: String(Unicode.Scalar(scalar).map(Character.init) ?? "\u{FFFD}").utf8)
            default: throw Failure(description: "an unknown escape '\\\(Character(Unicode.Scalar(kind)))' at column \(i - 1)")
            }
        }
        guard let string = String(validating: out, as: UTF8.self) else {
            throw Failure(description: "text that is not UTF-8 (save the file as UTF-8)")
        }
        return string
    }

    /// A UUID string as two 64-bit halves.
    func uuid(_ text: Text) throws(Failure) -> RecordKey {
        guard text.end - text.start == 36, !text.hasEscapes else { throw Failure(description: "not a UUID") }
        var high: UInt64 = 0
        var low: UInt64 = 0
        var digits = 0
        for i in text.start..<text.end {
            let byte = bytes[i]
            let position = i - text.start
            if position == 8 || position == 13 || position == 18 || position == 23 {
                guard byte == UInt8(ascii: "-") else { throw Failure(description: "not a UUID") }
                continue
            }
            let digit: UInt64
            switch byte {
            case 0x30...0x39: digit = UInt64(byte - 0x30)
            case 0x41...0x46: digit = UInt64(byte - 0x41 + 10)
            case 0x61...0x66: digit = UInt64(byte - 0x61 + 10)
            default: throw Failure(description: "not a UUID")
            }
            if digits < 16 { high = high << 4 | digit } else { low = low << 4 | digit }
            digits += 1
        }
        return RecordKey(high: high, low: low)
    }

    /// A progress timestamp as milliseconds since 1970 (UTC).
    func timestamp(_ text: Text) throws(Failure) -> Int64 {
        let raw = raw(text)
        if let fast = ReportTime.milliseconds(iso8601: raw) { return fast }
        if let string = try? decode(text), let date = ProgressTimestamp.date(from: string) {
            return Int64((date.timeIntervalSince1970 * 1000).rounded())
        }
        throw Failure(description: "not an ISO-8601 timestamp")
    }
}

/// A record or attempt id (a UUID) as two numbers: cheap to hash and compare.
struct RecordKey: Hashable, Sendable {
    var high: UInt64
    var low: UInt64

    /// The UUID again.
    var uuid: UUID {
        var bytes = [UInt8](repeating: 0, count: 16)
        for i in 0..<8 {
            bytes[i] = UInt8(truncatingIfNeeded: high >> (56 - 8 * UInt64(i)))
            bytes[8 + i] = UInt8(truncatingIfNeeded: low >> (56 - 8 * UInt64(i)))
        }
        return UUID(uuid: (bytes[0], bytes[1], bytes[2], bytes[3], bytes[4], bytes[5], bytes[6], bytes[7],
                           bytes[8], bytes[9], bytes[10], bytes[11], bytes[12], bytes[13], bytes[14], bytes[15]))
    }
}
