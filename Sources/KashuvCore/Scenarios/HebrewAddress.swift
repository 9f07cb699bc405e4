/// Finds the words of a Hebrew text that speak to the trainee in one gender or number, so a
/// line written for one kind of trainee (`את יכולה`, `תגידי`, `שלך`) is not shown to all.
///
/// A heuristic with few false alarms, used by `kashuv validate` (KS0045). It looks for:
/// - `אתה`, and `את` before `לא` or a feminine participle or adjective that is not definite
///   (`את יכולה`, `את מדברת`, `את יודעת`; not `את התור`, `את זה`, `את אותה`, `את קביעת`);
/// - the singular "you" endings: `לך`, `שלך`, `אותך`, `אליך`/`אלייך`, `עליך`/`עלייך`, `ממך`,
///   `בשבילך`, `איתך`, `אצלך`, `עצמך`, with a leading ו, ש or כש;
/// - feminine imperatives and futures: ת… ending in י (`תגידי`, `תני`, `תשלחי`);
/// - common second-person past verbs (`שיקפת`, `נתת`, `הבטחת`, `קבעת`).
///
/// Lines that address the company in the plural (`אתם`, `שלכם`) are the same for every trainee
/// and are not reported.
enum HebrewAddress {
    /// The first word that speaks to the trainee in one form, if any.
    static func firstMarker(in text: String) -> String? {
        let words = text.split { !isHebrewLetter($0) }.map(String.init)
        for (index, word) in words.enumerated() {
            let bare = stripped(word)
            if bare == "אתה" { return word }
            if bare == "את", index + 1 < words.count {
                let next = words[index + 1]
                let object = next.hasPrefix("ה") || ["אותה", "אותו", "אותם", "אותן", "זאת"].contains(next)
                // A feminine participle or adjective: …ה (יכולה, בטוחה), or …ת with מ- (מדברת) or as יודעת.
                let participle = next.hasSuffix("ה")
                    || (next.hasSuffix("ת") && (next.hasPrefix("מ") || (next.count == 5 && Array(next)[1] == "ו")))
                if next == "לא" || (!object && participle && next.count > 2) {
                    return "\(word) \(next)"
                }
            }
            if suffixWords.contains(bare) { return word }
            if bare.hasPrefix("ת"), bare.hasSuffix("י"), (3...7).contains(bare.count), !notImperatives.contains(bare) {
                return word
            }
            if pastVerbs.contains(bare) { return word }
        }
        return nil
    }

    private static func isHebrewLetter(_ character: Character) -> Bool {
        character.unicodeScalars.allSatisfy { (0x05D0...0x05EA).contains($0.value) }
    }

    /// The word without a leading conjunction (ו, ש, כש, וש).
    private static func stripped(_ word: String) -> String {
        for prefix in ["וכש", "וש", "כש", "ו", "ש"] where word.hasPrefix(prefix) {
            let rest = String(word.dropFirst(prefix.count))
            if suffixWords.contains(rest) || rest == "אתה" || rest == "את" || pastVerbs.contains(rest) { return rest }
        }
        return word
    }

    private static let suffixWords: Set<String> = [
        "לך", "שלך", "אותך", "אליך", "אלייך", "עליך", "עלייך", "ממך", "בשבילך", "איתך", "אתך", "אצלך",
        "עצמך", "בעצמך", "לעצמך", "בך", "כמוך",
    ]

    /// Words that look like feminine imperatives but are not (nouns and adjectives).
    private static let notImperatives: Set<String> = [
        "תנאי", "תלמידי", "תחתי", "תפקידי", "תקציבי", "תרבותי", "תמידי", "תוכני", "תעשייתי", "תיכוני", "תכנוני",
        "תפעולי", "תקני", "תקופתי", "תיירותי", "תחבורתי",
    ]

    private static let pastVerbs: Set<String> = [
        "שיקפת", "נתת", "הבטחת", "קבעת", "אמרת", "בדקת", "הכרת", "הבנת", "הצעת", "דיברת", "סגרת", "הסברת",
        "הפנית", "התנצלת", "התחייבת", "הראית", "שמעת", "עשית", "שאלת", "הקשבת",
    ]
}
