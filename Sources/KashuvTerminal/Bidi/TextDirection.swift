import CFriBidi

/// The direction of a paragraph, from its first strong character (Unicode rule P2).
public enum TextDirection: Sendable, Hashable {
    /// Left to right (English).
    case leftToRight
    /// Right to left (Hebrew); shown right-aligned.
    case rightToLeft

    /// The direction of the first strong character in `scalars`, or `nil` when there is none
    /// (digits, punctuation and spaces only).
    public static func firstStrong<S: Sequence>(in scalars: S) -> TextDirection? where S.Element == Unicode.Scalar {
        for scalar in scalars {
            let type = fribidi_get_bidi_type(FriBidiChar(scalar.value))
            if kashuv_fribidi_type_is_strong(type) != 0 {
                return kashuv_fribidi_type_is_rtl(type) != 0 ? .rightToLeft : .leftToRight
            }
        }
        return nil
    }

    /// The direction of the first strong character of a string, or `nil`.
    public static func firstStrong(in text: String) -> TextDirection? {
        firstStrong(in: text.unicodeScalars)
    }
}
