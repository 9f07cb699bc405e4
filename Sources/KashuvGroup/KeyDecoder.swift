import KashuvCore
import KashuvTerminal

/// Turns the bytes a remote terminal sends (UTF-8 text and xterm/VT escape sequences) into
/// the keys the screens understand. No ncurses: a trainee's keys arrive over SSH as bytes.
///
/// A sequence cut between two reads is kept for the next read; a lone Esc at the end of a
/// read is the Esc key. Ctrl-C arrives as a byte (there is no kernel terminal in between)
/// and counts as Esc: leave. Bytes that are not valid UTF-8 or not drawable are dropped.
package struct KeyDecoder {
    private var pending: [UInt8] = []

    package init() {}

    /// The keys in `bytes`, in order.
    package mutating func keys(from bytes: some Sequence<UInt8>) -> [Key] {
        pending.append(contentsOf: bytes)
        var keys: [Key] = []
        var index = 0
        let input = pending
        while index < input.count {
            let byte = input[index]
            if byte == 0x1B {
                guard index + 1 < input.count else {
                    keys.append(.escape)
                    index += 1
                    continue
                }
                let next = input[index + 1]
                if next == UInt8(ascii: "[") || next == UInt8(ascii: "O") {
                    // CSI (parameters, then a final byte 0x40–0x7E) or SS3 (one final byte).
                    var end = index + 2
                    if next == UInt8(ascii: "["), end < input.count, input[end] == UInt8(ascii: "[") { end += 1 }  // Linux console F1–F5
                    while end < input.count, end - index < 32, !(0x40...0x7E).contains(input[end]) { end += 1 }
                    if end - index >= 32 { index = end; continue }  // garbage: drop it
                    if end >= input.count { break }  // cut between reads: wait for the rest
                    keys.append(Self.sequence(introducer: next, body: Array(input[(index + 2)...end])))
                    index = end + 1
                } else {
                    // Esc followed by a key (Alt+key): the screens ignore the Esc.
                    keys.append(.escape)
                    index += 1
                }
                continue
            }
            if byte < 0x80 {
                keys.append(Self.control(byte))
                index += 1
                continue
            }
            // A UTF-8 sequence.
            let length = byte >= 0xF0 ? 4 : byte >= 0xE0 ? 3 : byte >= 0xC0 ? 2 : 0
            guard length > 0 else { index += 1; continue }
            guard index + length <= input.count else {
                if input.count - index < length { break }  // cut between reads
                index += 1
                continue
            }
            var decoded = String(decoding: input[index..<(index + length)], as: UTF8.self).unicodeScalars.makeIterator()
            if let scalar = decoded.next(), scalar != "\u{FFFD}" {
                keys.append(DisplaySafeText.isDisplayable(scalar) ? .character(scalar) : .other)
            }
            index += length
        }
        pending = index < input.count ? Array(input[index...]) : []
        if pending.count > 64 { pending = [] }
        return keys
    }

    private static func control(_ byte: UInt8) -> Key {
        switch byte {
        case 13, 10: .enter
        case 8, 127: .backspace
        case 3: .escape   // Ctrl-C
        case 1: .home     // Ctrl-A
        case 5: .end      // Ctrl-E
        case 4: .delete   // Ctrl-D
        case 9: .character(" ")
        case 0x20...0x7E: .character(Unicode.Scalar(byte))
        default: .other
        }
    }

    private static func sequence(introducer: UInt8, body: [UInt8]) -> Key {
        guard let final = body.last else { return .other }
        let parameters = String(decoding: body.dropLast(), as: UTF8.self)
        switch (Character(Unicode.Scalar(final)), parameters) {
        case ("A", "["): return .help  // Linux console F1
        case ("A", _): return .up
        case ("B", _): return .down
        case ("C", _): return .right
        case ("D", _): return .left
        case ("H", _): return .home
        case ("F", _): return .end
        case ("P", _) where introducer == UInt8(ascii: "O"): return .help
        case ("~", let number):
            switch number.split(separator: ";").first.map(String.init) ?? "" {
            case "1", "7": return .home
            case "4", "8": return .end
            case "3": return .delete
            case "5": return .pageUp
            case "6": return .pageDown
            case "11": return .help
            default: return .other
            }
        default: return .other
        }
    }
}
