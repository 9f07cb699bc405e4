import Foundation

/// One reading of a Hebrew word, as the morphological analyser gives it: the prefix letters
/// split off, the lemma, and the features a rule reads (who acts, when).
///
/// A word usually has several readings ("קובעת": "she sets", present tense of קבע, or "you
/// set", past tense of קובע); the rules choose among them.
public struct HebrewReading: Sendable, Hashable {
    /// The part of speech.
    public enum PartOfSpeech: Sendable, Hashable {
        case verb, noun, adjective, other
    }

    /// The tense (or mood) of a verb.
    public enum Tense: Sendable, Hashable {
        case past, present, future, imperative, infinitive
    }

    /// How many prefix letters (ו ה ב כ ל מ ש) were split off.
    public var prefixLength: Int
    /// The lemma, final letters folded (מעבירה → העביר).
    public var lemma: String
    /// The part of speech.
    public var partOfSpeech: PartOfSpeech
    /// First, second or third person, where the form shows it (past, future, imperative).
    public var person: Int?
    /// The tense of a verb.
    public var tense: Tense?
    /// Whether the form is plural.
    public var plural: Bool
    /// Whether a pronoun suffix is attached ("אותך", "החשבון שלך" → "חשבונך").
    public var pronounSuffix: Bool

    /// Creates a reading.
    public init(prefixLength: Int, lemma: String, partOfSpeech: PartOfSpeech, person: Int? = nil,
                tense: Tense? = nil, plural: Bool = false, pronounSuffix: Bool = false) {
        self.prefixLength = prefixLength
        self.lemma = lemma
        self.partOfSpeech = partOfSpeech
        self.person = person
        self.tense = tense
        self.plural = plural
        self.pronounSuffix = pronounSuffix
    }

    /// Parses hspell's description of a reading ("פ,נ,יחיד,הווה", "פ,1,יחיד,עתיד").
    ///
    /// The fields are separated by commas: the part of speech first (פ verb, ע noun,
    /// ת adjective), then gender, person, number, tense, "כינוי/…" for a pronoun suffix and
    /// "סמיכות" for the construct state. Unknown fields are ignored.
    init(prefixLength: Int, lemma: String, description: String) {
        var partOfSpeech = PartOfSpeech.other
        var person: Int?
        var tense: Tense?
        var plural = false
        var suffix = false
        for (index, raw) in description.split(separator: ",").enumerated() {
            let field = raw.trimmingCharacters(in: .whitespaces)
            if index == 0 {
                switch field {
                case "פ": partOfSpeech = .verb
                case "ע": partOfSpeech = .noun
                case "ת": partOfSpeech = .adjective
                default: partOfSpeech = .other
                }
                continue
            }
            if field.hasPrefix("כינוי") { suffix = true; break }  // the suffix's own features follow
            switch field {
            case "1": person = 1
            case "2": person = 2
            case "3": person = 3
            case "רבים": plural = true
            case "עבר": tense = .past
            case "הווה": tense = .present
            case "עתיד": tense = .future
            case "ציווי": tense = .imperative
            case "מקור": tense = .infinitive
            default: break
            }
        }
        self.init(prefixLength: prefixLength, lemma: HebrewLetters.foldFinals(lemma), partOfSpeech: partOfSpeech,
                  person: person, tense: tense, plural: plural, pronounSuffix: suffix)
    }
}
