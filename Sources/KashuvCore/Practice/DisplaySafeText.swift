/// Makes text from scenarios, replies and names safe to print on a terminal.
///
/// A scenario file, a pasted reply or a trainee's name can carry bytes that a terminal
/// reads as commands: ESC starts an escape sequence (move the cursor, change the title,
/// rewrite the screen), other C0 and C1 control characters ring, erase or switch
/// character sets. Everything that reaches a terminal goes through ``clean(_:keepingNewlines:)``.
///
/// Removed: every C0 control (U+0000–U+001F, ESC included) except newline (and tab, which
/// becomes a space), DEL (U+007F), every C1 control (U+0080–U+009F, CSI included), and the
/// explicit bidi embeddings, overrides and isolates (U+202A–U+202E, U+2066–U+2069), which
/// could make a line look like something it is not, the interlinear annotation characters
/// (U+FFF9–U+FFFB) and lone surrogate code points. The bidi *marks* (LRM, RLM, ALM)
/// stay: Hebrew text uses them legitimately. A carriage return is dropped.
public enum DisplaySafeText {
    /// The text with every control character a terminal would act on removed.
    ///
    /// - Parameter keepingNewlines: keep line feeds (for multi-line customer lines); when
    ///   `false` each line feed becomes a space, for text that must stay on one line.
    public static func clean(_ text: String, keepingNewlines: Bool = true) -> String {
        var scalars = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\n": scalars.append(keepingNewlines ? scalar : " ")
            case "\t": scalars.append(" ")
            default: if isDisplayable(scalar) { scalars.append(scalar) }
            }
        }
        return String(scalars)
    }

    /// Whether one character may reach a terminal as it is (line feed and tab are not:
    /// ``clean(_:keepingNewlines:)`` decides what they become).
    public static func isDisplayable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x00...0x1F, 0x7F...0x9F: false  // C0 (ESC included), DEL, C1 (CSI included)
        case 0x202A...0x202E, 0x2066...0x2069: false  // bidi embeddings, overrides, isolates
        case 0xFFF9...0xFFFB, 0xD800...0xDFFF: false  // interlinear annotations, surrogates
        default: true
        }
    }

    /// Whether the text would pass through ``clean(_:keepingNewlines:)`` unchanged.
    public static func isClean(_ text: String, keepingNewlines: Bool = true) -> Bool {
        clean(text, keepingNewlines: keepingNewlines) == text
    }
}
