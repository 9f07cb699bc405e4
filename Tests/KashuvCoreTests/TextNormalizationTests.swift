import Foundation
import Testing
@testable import KashuvCore

/// Normalisation folds what does not change meaning and keeps offsets into the typed reply.
@Suite("Text normalisation")
struct TextNormalizationTests {
    @Test("niqqud and cantillation are stripped, offsets still point at the typed letters")
    func niqqud() {
        let typed = "שָׁלוֹם"
        let text = TextNormalizer.normalize(typed)
        #expect(String(String.UnicodeScalarView(text.scalars)) == "שלומ")
        // Each folded letter maps back to its own letter in the typed word.
        #expect(text.origin.map { text.original[$0] } == Array("שלום".unicodeScalars))
    }

    @Test("final letters fold to their regular form: ם ן ץ ף ך")
    func finals() {
        #expect(HebrewLetters.foldFinals("מדים ספין ארץ כסף אליך") == "מדימ ספינ ארצ כספ אליכ")
    }

    @Test("bidi marks, zero-width joiners and the BOM vanish; control characters separate words")
    func invisibleMarks() {
        let tokens = Tokenizer.tokenize("\u{200F}אני\u{200E} \u{202B}מבינה\u{202C}\u{FEFF}\u{0007}כן").tokens.map(\.text)
        #expect(tokens == ["אני", "מבינה", "כנ"])
    }

    @Test("geresh and gershayim variants join the word: צ׳ט, צ'ט and צ’ט are one token; ש״ח and ש\"ח too")
    func gereshAndGershayim() {
        for typed in ["צ׳ט", "צ'ט", "צ’ט"] {
            #expect(Tokenizer.tokenize(typed).tokens.map(\.text) == ["צ'ט"])
        }
        for typed in ["ש״ח", "ש\"ח", "ש”ח"] {
            #expect(Tokenizer.tokenize(typed).tokens.map(\.text) == ["ש\"ח"])
        }
    }

    @Test("maqaf and dashes become a hyphen that splits a prefix from a number: ב־4,800 → ב, 4800")
    func maqafAndNumbers() {
        let tokens = Tokenizer.tokenize("ב־4,800 ₪ עד 14:00").tokens
        #expect(tokens.map(\.text) == ["ב", "4800", "עד", "14:00"])
        #expect(tokens[1].kind == .number)
    }

    @Test("Hebrew presentation forms fold through NFKC")
    func presentationForms() {
        // U+FB2E is alef with patah; U+FB4B is vav with holam.
        let tokens = Tokenizer.tokenize("\u{FB2E}\u{FB4B}").tokens.map(\.text)
        #expect(tokens == ["או"])
    }

    @Test("English inside Hebrew is its own token, lower-cased; contractions expand")
    func englishInsideHebrew() {
        #expect(Tokenizer.tokenize("תעשה Reset עכשיו").tokens.map(\.text) == ["תעשה", "reset", "עכשיו"])
        #expect(Tokenizer.tokenize("I'll check, I can't").tokens.map(\.text) == ["i", "will", "check", "i", "can", "not"])
    }

    @Test("prefixes split only when the rest is a known word: ואחזור, כשאני, שנבדוק")
    func prefixes() {
        #expect(HebrewPrefixes.splits("ואחזור").contains("אחזור"))
        #expect(HebrewPrefixes.splits("כשאני").contains("אני"))
        #expect(HebrewPrefixes.splits("שנבדוק").contains("נבדוק"))
        // "מבין" is not מ + בין for the matcher unless "בין" is a known cue word.
        let result = ScorerFixture.score("ואחזור אלייך עד 14:00", lang: .hebrew)
        #expect(result.evidence.contains { $0.rule == "ownership.callback" && $0.text == "ואחזור אלייך" })
    }

    @Test("gender and number forms of a cue match: מבין/מבינה, מתנצל/מתנצלת/מתנצלים, אליך/אלייך")
    func genderForms() {
        #expect(WordForms.variants(of: "מבין/ה").isSuperset(of: ["מבינ", "מבינה"]))
        #expect(WordForms.variants(of: "מתנצל").isSuperset(of: ["מתנצל", "מתנצלת", "מתנצלימ"]))
        #expect(WordForms.variants(of: "אליך").contains("אלייכ"))
        for reply in ["אני מבין אותך", "אני מבינה אותך"] {
            #expect(ScorerFixture.score(reply, lang: .hebrew).levels.listening == 1)
        }
        for reply in ["אני מתנצל", "אני מתנצלת", "אנחנו מתנצלים"] {
            #expect(ScorerFixture.score(reply, lang: .hebrew).levels.ownership == 1, "\(reply)")
        }
    }

    @Test("one typing slip in a longer word is forgiven; a wrong letter in a short Hebrew word is not")
    func typos() {
        #expect(TypoIndex.isOneSlip("עכשיוו", "עכשיו"))
        #expect(TypoIndex.isOneSlip("לגמריי", "לגמרי"))
        #expect(TypoIndex.isOneSlip("apologise", "apologize"))
        #expect(!TypoIndex.isOneSlip("הספה", "הספק"))
        #expect(!TypoIndex.isOneSlip("בסניף", "לסניף"))
        #expect(!TypoIndex.isOneSlip("לחכות", "לזכות"))
        // Another person of a past verb, and a prefix letter swapped at the start, are other words.
        #expect(!TypoIndex.isOneSlip("הקפאת", "הקפאתי"))
        #expect(!TypoIndex.isOneSlip("קבלות", "בקלות"))
        // "מתנצלתת" (an extra letter) is still an apology.
        #expect(ScorerFixture.score("אני מתנצלתת", lang: .hebrew).levels.ownership == 1)
    }

    @Test("language detection: Hebrew with English words is Hebrew; English is English")
    func language() {
        #expect(LanguageDetector.detect("תפתחי טיקט ב-Zendesk דרך ה-API") == .hebrew)
        #expect(LanguageDetector.detect("I'll refund the $48 now") == .english)
        #expect(LanguageDetector.detect("🙂 123", fallback: .english) == .english)
    }

    @Test("sentences, clauses and segments: but/אבל opens a clause, commas a segment")
    func clauses() {
        let tokens = Tokenizer.tokenize("אני לא יכולה לבטל, אבל אני מזכה אותך. תודה?").tokens
        let but = tokens.first { $0.text == "אבל" }!
        let cannot = tokens.first { $0.text == "יכולה" }!
        #expect(but.clause == cannot.clause + 1)
        #expect(but.segment > cannot.segment)
        #expect(Tokenizer.tokenize("אני לא יכולה לבטל, אבל אני מזכה אותך. תודה?").sentenceIsQuestion == [false, true])
    }
}
