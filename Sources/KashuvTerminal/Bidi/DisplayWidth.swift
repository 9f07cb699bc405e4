import CNcursesw
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// How many terminal cells a character takes: Hebrew letters 1, combining marks (niqqud) 0,
/// emoji and CJK 2 — as the C library's `wcwidth` says in a UTF-8 locale.
public enum DisplayWidth {
    /// Sets the C locale from the environment and makes sure its character type is UTF-8
    /// (falling back to `C.UTF-8`), which `wcwidth` and ncursesw need. Safe to call again.
    public static func prepareLocale() {
        _ = localeReady
    }

    private static let localeReady: Bool = {
        setlocale(LC_ALL, "")
        if !codesetIsUTF8() {
            if setlocale(LC_CTYPE, "C.UTF-8") == nil { setlocale(LC_CTYPE, "en_US.UTF-8") }
        }
        return true
    }()

    private static func codesetIsUTF8() -> Bool {
        kashuv_codeset_is_utf8() != 0
    }

    /// The cells one character takes (0, 1 or 2). Control characters take 0.
    public static func of(_ scalar: Unicode.Scalar) -> Int {
        prepareLocale()
        if scalar.value < 0x20 || (0x7F..<0xA0).contains(scalar.value) { return 0 }
        let width = Int(kashuv_wcwidth(scalar.value))
        return width < 0 ? 1 : width
    }

    /// The cells a string takes on one line.
    public static func of(_ text: String) -> Int {
        text.unicodeScalars.reduce(0) { $0 + of($1) }
    }
}
