/// Tells Hebrew replies from English ones.
///
/// A reply is Hebrew when Hebrew letters make up at least a quarter of its letters: Israeli
/// service Hebrew is full of English words ("reset", "SMS", "use case"), English replies
/// almost never contain Hebrew. Empty or letterless replies are read as `fallback`.
public enum LanguageDetector {
    /// The language of a text.
    public static func detect(_ text: String, fallback: Language = .hebrew) -> Language {
        var hebrew = 0, latin = 0
        for scalar in text.unicodeScalars {
            if HebrewLetters.isLetter(scalar) || (scalar.value >= 0xFB1D && scalar.value <= 0xFB4F) {
                hebrew += 1
            } else if (scalar.value >= 0x41 && scalar.value <= 0x5A) || (scalar.value >= 0x61 && scalar.value <= 0x7A) {
                latin += 1
            }
        }
        if hebrew == 0 && latin == 0 { return fallback }
        return hebrew * 3 >= latin ? .hebrew : .english
    }
}
