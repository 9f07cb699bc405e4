/// Makes text from scenarios, replies, names and file names safe to print on a terminal.
///
/// A scenario file, a pasted reply, a trainee's name or a file name can carry characters
/// that a terminal reads as commands: ESC starts an escape sequence (clear the screen,
/// change the title, write the clipboard with OSC 52), other C0 and C1 controls ring,
/// erase or switch character sets, and the invisible bidi controls make a line look like
/// something it is not. Everything Kashuv prints goes through ``clean(_:keepingNewlines:)``;
/// the scenario validator refuses text holding any of these characters (KS0061), and a
/// trainee's name drops them (``TraineeName``): one rule everywhere.
///
/// Removed: every C0 control (U+0000–U+001F, ESC included) except line feed (and tab,
/// which becomes a space), DEL (U+007F), every C1 control (U+0080–U+009F, CSI included),
/// every invisible bidi control — the marks (U+200E LRM, U+200F RLM, U+061C ALM), the
/// embeddings and overrides (U+202A–U+202E) and the isolates (U+2066–U+2069) — the
/// interlinear annotation characters (U+FFF9–U+FFFB) and lone surrogate code points.
/// The line and paragraph separators (U+2028, U+2029) count as line feeds. A carriage
/// return is dropped. Kashuv lays right-to-left text out itself (`Bidi/`), so no bidi
/// control is needed for Hebrew to read correctly.
public enum DisplaySafeText {
    /// The text with every control character a terminal would act on removed.
    ///
    /// - Parameter keepingNewlines: keep line feeds (for multi-line customer lines); when
    ///   `false` each line feed becomes a space, for text that must stay on one line.
    public static func clean(_ text: String, keepingNewlines: Bool = true) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n", "\u{2028}", "\u{2029}": scalars.append(keepingNewlines ? "\n" : " ")
            case "\t": scalars.append(" ")
            default: if isDisplayable(scalar) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// Whether one character may reach a terminal as it is (line feed, tab and the line and
    /// paragraph separators are not: ``clean(_:keepingNewlines:)`` decides what they become).
    public static func isDisplayable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: false  // C0 (ESC included), DEL, C1 (CSI included)
        case 0x200E, 0x200F, 0x061C: false  // bidi marks
        case 0x202A...0x202E, 0x2066...0x2069: false  // bidi embeddings, overrides, isolates
        case 0x2028, 0x2029: false  // line and paragraph separators
        case 0xFFF9...0xFFFB, 0xD800...0xDFFF: false  // interlinear annotations, surrogates
        default: true
        }
    }

    /// Whether the text would pass through ``clean(_:keepingNewlines:)`` unchanged.
    public static func isClean(_ text: String, keepingNewlines: Bool = true) -> Bool {
        clean(text, keepingNewlines: keepingNewlines) == text
    }

    /// The first character of `text` a terminal must not receive as it is (line feeds and
    /// tabs allowed), for validators that refuse such text instead of cleaning it.
    public static func firstUnsafeCharacter(in text: String) -> Unicode.Scalar? {
        text.unicodeScalars.first { $0 != "\n" && $0 != "\t" && !isDisplayable($0) }
    }

    /// How a character is named in messages: `U+001B (ESC)`.
    public static func describe(_ scalar: Unicode.Scalar) -> String {
        let hex = String(scalar.value, radix: 16, uppercase: true)
        let code = "U+" + String(repeating: "0", count: max(0, 4 - hex.count)) + hex
        let names: [UInt32: String] = [
            0x00: "NUL", 0x07: "BEL", 0x08: "backspace", 0x0D: "carriage return", 0x1B: "ESC", 0x7F: "DEL", 0x9B: "CSI",
            0x200E: "left-to-right mark", 0x200F: "right-to-left mark", 0x061C: "Arabic letter mark",
            0x202A: "left-to-right embedding", 0x202B: "right-to-left embedding", 0x202C: "pop directional formatting",
            0x202D: "left-to-right override", 0x202E: "right-to-left override", 0x2066: "left-to-right isolate",
            0x2067: "right-to-left isolate", 0x2068: "first strong isolate", 0x2069: "pop directional isolate",
            0x2028: "line separator", 0x2029: "paragraph separator",
        ]
        return names[scalar.value].map { "\(code) (\($0))" } ?? code
    }
}
