/// Facts about Hebrew letters the normaliser and the matcher rely on.
///
/// Hebrew has five letters with a separate final form (ך ם ן ף ץ); for matching they are
/// folded to their regular form, so "אליך" and "אליכ" are the same word.
public enum HebrewLetters {
    /// Whether the scalar is one of the 27 Hebrew letters (U+05D0–U+05EA), finals included.
    @inlinable
    public static func isLetter(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value >= 0x05D0 && scalar.value <= 0x05EA
    }

    /// The regular form of a final letter; any other scalar unchanged.
    @inlinable
    public static func foldFinal(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        switch scalar.value {
        case 0x05DA: return "\u{05DB}"  // ך → כ
        case 0x05DD: return "\u{05DE}"  // ם → מ
        case 0x05DF: return "\u{05E0}"  // ן → נ
        case 0x05E3: return "\u{05E4}"  // ף → פ
        case 0x05E5: return "\u{05E6}"  // ץ → צ
        default: return scalar
        }
    }

    /// A word with its final letters folded (and nothing else changed).
    public static func foldFinals(_ word: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in word.unicodeScalars { out.append(foldFinal(scalar)) }
        return String(out)
    }

    /// Whether the scalar is a Hebrew point, accent or cantillation mark (niqqud, te'amim),
    /// which are stripped before matching. Maqaf, paseq, sof pasuq and geresh are not marks.
    @inlinable
    public static func isMark(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x0591...0x05BD, 0x05BF, 0x05C1, 0x05C2, 0x05C4, 0x05C5, 0x05C7: return true
        default: return false
        }
    }
}
