/// A reply split into tokens, sentences, clauses and segments.
public struct TokenizedText: Sendable {
    /// The folded text and its map back to the reply as typed.
    public let normalized: NormalizedText
    /// The tokens in reading order.
    public let tokens: [Token]
    /// For each sentence, whether it ends with a question mark.
    public let sentenceIsQuestion: [Bool]

    /// The number of sentences.
    public var sentenceCount: Int { sentenceIsQuestion.count }
    /// The number of segments.
    public var segmentCount: Int { (tokens.last?.segment ?? -1) + 1 }
}

/// Splits folded text into word and number tokens and marks the clause structure.
///
/// Sentences end at `.`, `!`, `?`, `;` and line breaks; a clause starts at a contrast word
/// (אבל, אך, אולם, but, however, although, though); a segment starts at a comma, a colon,
/// a dash between spaces or a bracket. Negation scope and reflection work per segment.
public enum Tokenizer {
    static let contrastWords: Set<String> = ["אבל", "אכ", "אולמ", "but", "however", "although", "though"]

    /// Tokenises a text (normalising it first).
    public static func tokenize(_ text: String) -> TokenizedText {
        tokenize(TextNormalizer.normalize(text))
    }

    /// Tokenises normalised text.
    public static func tokenize(_ text: NormalizedText) -> TokenizedText {
        let s = text.scalars
        let n = s.count
        var tokens: [Token] = []
        tokens.reserveCapacity(n / 4)
        var questions: [Bool] = []
        var sentence = 0, clause = 0, segment = 0
        var sentenceHasTokens = false, segmentHasTokens = false
        var i = 0
        var buffer: [UInt8] = []
        buffer.reserveCapacity(32)
        func append(_ scalar: Unicode.Scalar) {
            UTF8.encode(scalar) { buffer.append($0) }
        }

        func endSentence(question: Bool) {
            if sentenceHasTokens {
                questions.append(question)
                sentence += 1
                clause += 1
                segment += 1
                sentenceHasTokens = false
                segmentHasTokens = false
            } else if question, !questions.isEmpty, !questions[questions.count - 1] {
                // "??" or "?!" after a sentence already closed: keep it a question.
                questions[questions.count - 1] = true
            }
        }
        func endSegment() {
            if segmentHasTokens {
                segment += 1
                segmentHasTokens = false
            }
        }

        while i < n {
            let c = s[i]
            if isWordScalar(c) {
                // Read one token.
                let begin = i
                var hasHebrew = false, hasLatin = false, hasDigit = false
                buffer.removeAll(keepingCapacity: true)
                while i < n {
                    let d = s[i]
                    if isDigit(d) {
                        hasDigit = true
                        append(d)
                        i += 1
                    } else if HebrewLetters.isLetter(d) {
                        hasHebrew = true
                        append(d)
                        i += 1
                    } else if isLatinLetter(d) {
                        hasLatin = true
                        append(d)
                        i += 1
                    } else if (d == "'" || d == "\"" || d == "&") && i > begin && i + 1 < n && isLetter(s[i - 1]) && isLetter(s[i + 1]) {
                        append(d)
                        i += 1
                    } else if d == "'" && i > begin && HebrewLetters.isLetter(s[i - 1]) && (i + 1 == n || !isWordScalar(s[i + 1])) {
                        // A final geresh (צ', ג') belongs to the word.
                        append(d)
                        i += 1
                    } else if d == "'" && i > begin && isLatinLetter(s[i - 1]) && i + 1 < n && isLatinLetter(s[i + 1]) {
                        append(d)
                        i += 1
                    } else if (d == "," || d == "." || d == ":") && i > begin && isDigit(s[i - 1]) && i + 1 < n && isDigit(s[i + 1]) {
                        if d != "," { append(d) }  // thousands separators are dropped
                        i += 1
                    } else {
                        break
                    }
                }
                let kind: Token.Kind
                if hasDigit && !hasHebrew && !hasLatin { kind = .number }
                else if hasHebrew && !hasLatin && !hasDigit { kind = .hebrew }
                else if hasLatin && !hasHebrew && !hasDigit { kind = .latin }
                else { kind = .mixed }
                let start = text.origin[begin]
                let end = text.origin[i - 1] + 1
                let word = String(decoding: buffer, as: UTF8.self)
                if contrastWords.contains(word) && sentenceHasTokens {
                    clause += 1
                    endSegment()
                }
                if kind == .latin {
                    for part in EnglishContractions.expand(word) {
                        tokens.append(Token(text: part, start: start, end: end, kind: .latin,
                                            sentence: sentence, clause: clause, segment: segment))
                    }
                } else {
                    tokens.append(Token(text: word, start: start, end: end, kind: kind,
                                        sentence: sentence, clause: clause, segment: segment))
                }
                sentenceHasTokens = true
                segmentHasTokens = true
                continue
            }
            switch c {
            case ".", "!", ";", "\n", "\r":
                endSentence(question: false)
            case "?", "\u{061F}":
                endSentence(question: true)
            case ",", ":", "(", ")", "[", "]", "\u{060C}", "\u{2022}", "\u{00B7}":
                endSegment()
            case "-":
                let spaceBefore = i == 0 || s[i - 1] == " "
                let spaceAfter = i + 1 >= n || s[i + 1] == " "
                if spaceBefore || spaceAfter { endSegment() }
            case ">":
                endSegment()
            default:
                // In a chat an emoji closes what was said like a full stop ("סורי 🙏 פותח לכם…").
                if isPictograph(c) { endSentence(question: false) }
            }
            i += 1
        }
        if sentenceHasTokens { questions.append(false) }
        return TokenizedText(normalized: text, tokens: tokens, sentenceIsQuestion: questions)
    }

    /// Emoji and pictographs (presented as pictures by default, or in the pictograph blocks).
    static func isPictograph(_ c: Unicode.Scalar) -> Bool {
        c.value >= 0x2600 && (c.properties.isEmojiPresentation || (0x1F300...0x1FAFF).contains(c.value))
    }

    @inline(__always) static func isDigit(_ c: Unicode.Scalar) -> Bool { c.value >= 0x30 && c.value <= 0x39 }

    @inline(__always) static func isLatinLetter(_ c: Unicode.Scalar) -> Bool {
        if c.value < 0x80 { return (c.value >= 0x61 && c.value <= 0x7A) || (c.value >= 0x41 && c.value <= 0x5A) }
        if c.value >= 0x0590 && c.value <= 0x05FF { return false }
        if c.value >= 0x1F000 { return false }
        return c.properties.isAlphabetic
    }

    @inline(__always) static func isLetter(_ c: Unicode.Scalar) -> Bool { HebrewLetters.isLetter(c) || isLatinLetter(c) }

    @inline(__always) static func isWordScalar(_ c: Unicode.Scalar) -> Bool { isDigit(c) || isLetter(c) }
}
