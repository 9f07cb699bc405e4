/// What the customer said, as content a reflection can pick up.
///
/// Built from the customer's line and, inside a scenario, its listed facts. A reply reflects
/// when a segment of it repeats enough of that content in the trainee's words: each shared
/// content word counts 1, each shared number, amount or duration counts 2 (``threshold`` 2).
struct ReflectionProfile: Sendable {
    /// The score a segment needs to count as a reflection.
    static let threshold = 2
    /// The weight of a shared number, amount or duration.
    static let numberWeight = 2

    private var keys = Set<UInt64>()
    private var numbers = Set<String>()
    /// The keys of each word, so that a word another profile shares is taken out whole.
    private var words: [[UInt64]] = []

    /// Whether there is anything to reflect.
    var isEmpty: Bool { keys.isEmpty && numbers.isEmpty }

    /// Whether Hebrew words also count by lemma (an offer "אני קובעת" matches "לקבוע").
    private var lemmas = false

    init(texts: [String], stopwords: Set<UInt64>, lemmas: Bool = false) {
        self.init(tokenized: texts.map { Tokenizer.tokenize($0) }, stopwords: stopwords, lemmas: lemmas)
    }

    /// How many distinct words and numbers the profile holds.
    var size: Int { words.count + numbers.count }

    /// This content without what `others` also hold: what sets an item apart from them. A word
    /// goes whole when another profile shares any of its forms ("לסדנה" beside "בסדנה").
    func subtracting(_ others: [ReflectionProfile]) -> ReflectionProfile {
        var result = self
        for other in others {
            result.words.removeAll { word in word.contains(where: other.keys.contains) }
            result.numbers.subtract(other.numbers)
        }
        result.keys = Set(result.words.joined())
        return result
    }

    init(tokenized texts: [TokenizedText], stopwords: Set<UInt64>, lemmas: Bool = false) {
        self.lemmas = lemmas
        var buffer: [UInt64] = []
        for text in texts {
            for token in text.tokens {
                if let number = Self.number(token) { numbers.insert(number); continue }
                if lemmas, let meaning = Self.meaningKey(token) {
                    keys.insert(meaning)
                    words.append([meaning])
                    continue
                }
                guard Self.isContent(token, stopwords: stopwords) else { continue }
                buffer.removeAll(keepingCapacity: true)
                Self.keys(of: token, into: &buffer, lemmas: lemmas)
                keys.formUnion(buffer)
                words.append(buffer)
            }
        }
    }

    /// The tokens (indices) in `range` that share content with the customer, and their score.
    func overlap(tokens: [Token], range: Range<Int>, stopwords: Set<UInt64>,
                 skipping skipped: Set<UInt64> = []) -> (score: Int, matched: [Int]) {
        var score = 0
        var matched: [Int] = []
        var seen = Set<UInt64>()
        var seenNumbers = Set<String>()
        var buffer: [UInt64] = []
        for index in range {
            let token = tokens[index]
            if !skipped.isEmpty && skipped.contains(WordHash.hash(token.text)) { continue }
            if let number = Self.number(token) {
                if numbers.contains(number), seenNumbers.insert(number).inserted {
                    // Digits and durations are specific ("45", "two weeks", "שבועיים"); a bare number
                    // word ("two", "שתי") counts like any word.
                    score += Self.isSpecificNumber(tokens, index) ? Self.numberWeight : 1
                    matched.append(index)
                }
                continue
            }
            if lemmas, let meaning = Self.meaningKey(token) {
                if keys.contains(meaning) {
                    if seen.insert(meaning).inserted { score += 1 }
                    matched.append(index)
                }
                continue
            }
            guard Self.isContent(token, stopwords: stopwords) else { continue }
            buffer.removeAll(keepingCapacity: true)
            Self.keys(of: token, into: &buffer, lemmas: lemmas)
            if let key = buffer.first(where: keys.contains) {
                if seen.insert(key).inserted { score += 1 }
                matched.append(index)
            }
        }
        return (score, matched)
    }

    /// Words compared by what they mean when reading what is offered: the whole of something
    /// ("the entire rental" is "the whole rental", "את כל החשבון" is "החשבון כולו"), and
    /// certainty ("מקום מובטח", "בטוח", "guaranteed" are a promise, as "להבטיח" in a
    /// `cannot_offer` item is).
    static let meaningClasses: [String: UInt64] = {
        let whole = WordHash.hash("⟨whole⟩"), certain = WordHash.hash("⟨certain⟩")
        var classes: [String: UInt64] = [:]
        for word in ["all", "whole", "entire", "entirely", "full", "fully", "every", "complete", "total",
                     "כל", "הכל", "הכול", "כולו", "כולה", "מלא", "מלאה", "המלא", "המלאה", "במלואו", "במלואה", "שלמ",
                     "שלמה", "השלמ", "השלמה"] {
            classes[word] = whole
        }
        for word in ["promise", "promised", "guarantee", "guaranteed", "assure", "definitely", "certainly",
                     "להבטיח", "מבטיח", "מבטיחה", "מובטח", "מובטחת", "בטוח", "בטוחה", "בוודאות", "להתחייב", "מתחייב",
                     "מתחייבת", "סגור"] {
            classes[word] = certain
        }
        return classes
    }()

    /// The meaning key of a word in ``meaningClasses``.
    static func meaningKey(_ token: Token) -> UInt64? {
        token.kind == .number ? nil : meaningClasses[token.text]
    }

    static let durationUnits: Set<String> = [
        "day", "days", "week", "weeks", "month", "months", "year", "years", "hour", "hours", "minute", "minutes", "times",
        "ימימ", "יום", "שבועות", "שבוע", "חודשימ", "חודש", "שנימ", "שנה", "שעות", "שעה", "דקות", "פעמימ",
    ]
    static let durationWords: Set<String> = ["יומיימ", "שבועיימ", "חודשיימ", "שעתיימ", "שנתיימ", "פעמיימ", "twice"]

    /// Whether a number token is specific: digits, a dual duration word, or a number word
    /// followed by a unit of time.
    static func isSpecificNumber(_ tokens: [Token], _ index: Int) -> Bool {
        let token = tokens[index]
        if token.kind == .number || token.kind == .mixed || durationWords.contains(token.text) { return true }
        return index + 1 < tokens.count && durationUnits.contains(tokens[index + 1].text)
    }

    static func number(_ token: Token) -> String? {
        switch token.kind {
        case .number: return NumberWords.canonical(token.text)
        case .mixed:
            let digits = token.text.unicodeScalars.prefix { Tokenizer.isDigit($0) }
            return digits.isEmpty ? nil : String(String.UnicodeScalarView(digits))
        default: return NumberWords.value(of: token.text, kind: token.kind)
        }
    }

    static func isContent(_ token: Token, stopwords: Set<UInt64>) -> Bool {
        let scalars = Array(token.text.unicodeScalars)
        let length = scalars.count
        guard length >= 3, !stopwords.contains(WordHash.hash(scalars, range: 0..<length)) else { return false }
        if token.kind == .hebrew {
            var seen = Set<Unicode.Scalar>()
            for prefix in 1...3 where prefix + 2 <= length {
                let letter = scalars[prefix - 1]
                guard HebrewPrefixes.letters.contains(letter), seen.insert(letter).inserted,
                      letter != "ו" || prefix == 1 else { break }
                if stopwords.contains(WordHash.hash(scalars, range: prefix..<length)) { return false }
                if letter == "ה" { break }
            }
        }
        return true
    }

    static func keys(of token: Token, into keys: inout [UInt64], lemmas: Bool = false) {
        switch token.kind {
        case .hebrew:
            WordStems.hebrewKeyHashes(Array(token.text.unicodeScalars), into: &keys)
            if lemmas { keys.append(contentsOf: WordInfo.of(token, language: .hebrew).keys) }
        case .latin: keys.append(WordHash.hash(WordStems.englishStem(token.text)))
        default: keys.append(WordHash.hash(token.text))
        }
    }
}
