/// Gender, number and spelling variants of a cue word, so a coach writes a word once.
///
/// A Hebrew cue word also matches its feminine and plural forms (מבין → מבינה, מתנצל →
/// מתנצלת, מצטער → מצטערים) and the full spelling of the second person (אליך → אלייך).
/// A coach may also write the alternatives explicitly with a slash: `מבין/ה`, `מצטער/ת`.
enum WordForms {
    /// The folded forms a cue word written by a coach stands for.
    ///
    /// `word` may carry slash alternatives (`מבין/ה` = מבין, מבינה; `אליך/אלייך`).
    static func variants(of word: String) -> Set<String> {
        var result = Set<String>()
        for folded in bases(of: word) {
            result.insert(folded)
            if isHebrew(folded) { result.formUnion(hebrewInflections(of: folded).map(HebrewLetters.foldFinals)) }
        }
        return result
    }

    /// The folded forms a coach wrote explicitly (`מבין/ה` = מבין, מבינה), before inflection.
    static func bases(of word: String) -> [String] {
        var bases: [String] = []
        let parts = word.split(separator: "/").map(String.init)
        if let head = parts.first {
            bases.append(head)
            for tail in parts.dropFirst() {
                // A short tail is a suffix (מבין/ה); a long one is a whole alternative word.
                if tail.unicodeScalars.count <= 2 && tail.unicodeScalars.count < head.unicodeScalars.count {
                    bases.append(head + tail)
                } else {
                    bases.append(tail)
                }
            }
        }
        return bases.map { HebrewLetters.foldFinals($0.lowercased()) }
    }

    /// Feminine, plural and full-spelling forms of a folded Hebrew word of three letters or more.
    static func hebrewInflections(of word: String) -> Set<String> {
        let scalars = Array(word.unicodeScalars)
        guard scalars.count >= 3 else {
            // Short words: only the second-person spelling variant (לך → לכ, אליך).
            return []
        }
        var result = Set<String>()
        let last = scalars[scalars.count - 1]
        // A past-plural verb ending in vav takes no such endings (טעו is not טעות).
        if last != "ה" && last != "ת" && last != "י" && last != "ו" {
            result.insert(word + "ה")
            result.insert(word + "ת")
            result.insert(word + "ים")
        }
        if last == "ה" {
            let stem = String(String.UnicodeScalarView(scalars.dropLast()))
            result.insert(stem + "ים")
            result.insert(stem + "ות")
            // The construct state: הנחה → הנחת (הנחת נאמנות), החלפה → החלפת.
            if scalars.count >= 4 { result.insert(stem + "ת") }
        }
        if last == "כ" && scalars[scalars.count - 2] != "י" {
            // אליך → אלייך, אותך → אותכ stays; only after yod-final stems does the spelling double.
            let stem = String(String.UnicodeScalarView(scalars.dropLast()))
            if stem.hasSuffix("י") { result.insert(stem + "יכ") }
        }
        if last == "כ" && scalars.count >= 3 && scalars[scalars.count - 2] == "י" {
            let stem = String(String.UnicodeScalarView(scalars.dropLast(2)))
            result.insert(stem + "ייכ")
        }
        return result
    }

    /// Whether a folded word is written in Hebrew letters.
    static func isHebrew(_ word: String) -> Bool {
        word.unicodeScalars.contains { HebrewLetters.isLetter($0) }
    }
}
