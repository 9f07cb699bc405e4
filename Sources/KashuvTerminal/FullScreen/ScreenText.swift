/// Makes text from scenarios and replies safe to draw: no control characters, no escape
/// sequences, no bidi overrides that could make a line lie about its content.
///
/// Line feeds are kept (they separate paragraphs); tabs become spaces. Replies typed in
/// the input box never contain removed characters, so scorer offsets into them stay valid.
enum ScreenText {
    /// Whether a character may reach the screen.
    static func isDrawable(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0..<0x20, 0x7F..<0xA0: false                  // C0, DEL, C1 (ESC, CSI…)
        case 0x202A...0x202E, 0x2066...0x2069: false       // bidi embeddings, overrides, isolates
        case 0xFFF9...0xFFFB, 0xD800...0xDFFF: false
        default: true
        }
    }

    /// The text with everything that is not drawable removed (line feeds kept, tabs as spaces).
    static func sanitize(_ text: String) -> String {
        var result = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar == "\n" || isDrawable(scalar) {
                result.append(scalar)
            } else if scalar == "\t" {
                result.append(" ")
            } else if scalar == "\r" {
                continue
            }
        }
        return String(result)
    }
}
