/// A cue found in a reply: which cue, which tokens, and whether a negator cancels it.
struct CueMatch: Sendable, Hashable {
    /// The kind of the cue.
    var kind: CueKind
    /// The index of the cue in the matcher's table.
    var cue: Int
    /// The first token of the match.
    var first: Int
    /// One past the last token of the match.
    var end: Int
    /// The cue's weight.
    var weight: Double
    /// Whether a negator in front of the cue cancels it.
    var negated: Bool = false

    var length: Int { end - first }
}

/// The cue lists of one language, compiled once into lookup tables for the hot path.
///
/// Every form of every cue word (gender and number variants, English -s/-ed/-ing forms)
/// gets an integer id; a token is turned into the ids it can stand for (the word itself,
/// the word without an attached Hebrew prefix when the rest is known, a known word one
/// typing slip away), and phrases are matched from a table keyed by their first word.
struct CueMatcher: Sendable {
    enum Element: Sendable {
        case word(Set<Int32>)
        case gap
        /// A lone Hebrew prefix letter ending a phrase ("תודה ש", "כנראה ש"): the next word
        /// starts with it ("תודה שפנית", "כנראה שהוא").
        case prefix(Unicode.Scalar)
    }

    struct Compiled: Sendable {
        var cue: Cue
        var elements: [Element]
    }

    static let gapLength = 3

    let language: Language
    private(set) var cues: [Compiled] = []
    private var vocabulary: [UInt64: Int32] = [:]
    private var typos = TypoIndex()
    private var typoTolerantIds = Set<Int32>()
    /// Cue word ids by lemma key (Hebrew: lemma, tense, person) or stem (English), so a cue
    /// word written once matches every prefix, gender, number and spelling of that form.
    private var lemmas = LemmaIndex(language: .english, entries: [])
    private var byFirstWord: [Int32: [Int32]] = [:]
    private var negatorIds = Set<Int32>()
    private(set) var stopwords = Set<UInt64>()

    // Flat tables for the hot path (no per-access reference counting).
    private var elemIDs: [Int32] = []
    private var elemStart: [Int32] = []
    private var elemCount: [Int32] = []  // -1 marks a gap
    private var cueFirstElem: [Int32] = []
    private var cueElemCount: [Int32] = []
    private var cueKinds: [CueKind] = []
    private var cueWeights: [Double] = []
    private var firstStart: [Int32] = []
    private var firstList: [Int32] = []
    private var negatorByID: [Bool] = []

    init(book: CueBook, language: Language) {
        self.language = language
        var lemmaEntries: [LemmaIndex.Entry] = []
        for cue in book.cues where cue.language == language {
            if cue.kind == .stopword {
                stopwords.insert(WordHash.hash(HebrewLetters.foldFinals(cue.phrase.lowercased())))
                continue
            }
            var elements: [Element] = []
            let phraseWords = Self.words(of: cue.phrase)
            for (position, word) in phraseWords.enumerated() {
                if word == "*" { elements.append(.gap); continue }
                if position > 0, position == phraseWords.count - 1, word.unicodeScalars.count == 1,
                   let letter = word.unicodeScalars.first, HebrewPrefixes.letters.contains(letter) {
                    elements.append(.prefix(letter))
                    continue
                }
                var ids = Set<Int32>()
                let base = Set(WordForms.bases(of: word))
                for form in forms(of: word, kind: cue.kind) {
                    ids.insert(id(for: form, typoTolerant: cue.kind.toleratesTypos && base.contains(form)))
                }
                if cue.kind.matchesByLemma {
                    // Its own id, so that only this kind's words match by lemma, not every cue
                    // that happens to list the same form; the keys are found when first needed.
                    for form in base {
                        let lemmaID = id(for: "\u{1}" + form, typoTolerant: false)
                        ids.insert(lemmaID)
                        lemmaEntries.append(LemmaIndex.Entry(form: form, anyForm: cue.kind.matchesAnyForm, id: lemmaID))
                    }
                }
                elements.append(.word(ids))
            }
            // English contractions in a phrase ("can't") expand into two words.
            guard case .word(let firstIds)? = elements.first else { continue }
            let index = Int32(cues.count)
            cues.append(Compiled(cue: cue, elements: elements))
            for id in firstIds { byFirstWord[id, default: []].append(index) }
            if cue.kind == .negator { negatorIds.formUnion(firstIds) }
        }
        lemmas = LemmaIndex(language: language, entries: lemmaEntries)
        compileFlatTables()
    }

    /// Builds the lemma index (loading hspell) now, if it is not built yet.
    func buildLemmaTable() { _ = lemmas.table() }

    /// The words of a phrase as the tokenizer would produce them: each space-separated word
    /// is tokenised like a reply ("non-refundable" → non, refundable; "I'll" → i, will;
    /// "ש״ח" → ש"ח), except `*` (a gap) and words with `/` alternatives, kept whole.
    static func words(of phrase: String) -> [String] {
        var words: [String] = []
        for raw in phrase.split(separator: " ") {
            let word = String(raw)
            if word == "*" || word.contains("/") {
                words.append(word)
                continue
            }
            let tokens = Tokenizer.tokenize(word).tokens.map(\.text)
            words.append(contentsOf: tokens.isEmpty ? [HebrewLetters.foldFinals(word.lowercased())] : tokens)
        }
        return words
    }

    private func forms(of word: String, kind: CueKind) -> Set<String> {
        var forms = WordForms.variants(of: word)
        if kind == .jargon { return forms }
        if language == .english {
            for form in Array(forms) where form.unicodeScalars.count >= 4 && form.unicodeScalars.allSatisfy({ $0.value < 0x80 }) {
                forms.insert(form + "s")
                if form.hasSuffix("e") {
                    forms.insert(form + "d")
                    forms.insert(String(form.dropLast()) + "ing")
                } else {
                    forms.insert(form + "ed")
                    forms.insert(form + "ing")
                }
            }
        }
        return forms
    }

    private mutating func id(for form: String, typoTolerant: Bool) -> Int32 {
        let key = WordHash.hash(form)
        let id: Int32
        if let known = vocabulary[key] {
            id = known
        } else {
            id = Int32(vocabulary.count)
            vocabulary[key] = id
        }
        // Only the forms a coach wrote tolerate typing slips, not the generated inflections.
        if typoTolerant && typoTolerantIds.insert(id).inserted {
            typos.insert(form, id: id)
        }
        return id
    }

    private mutating func compileFlatTables() {
        for compiled in cues {
            cueFirstElem.append(Int32(elemStart.count))
            cueElemCount.append(Int32(compiled.elements.count))
            cueKinds.append(compiled.cue.kind)
            cueWeights.append(compiled.cue.weight)
            for element in compiled.elements {
                switch element {
                case .gap:
                    elemStart.append(Int32(elemIDs.count))
                    elemCount.append(-1)
                case .prefix(let letter):
                    elemStart.append(Int32(bitPattern: letter.value))
                    elemCount.append(-2)
                case .word(let ids):
                    elemStart.append(Int32(elemIDs.count))
                    elemCount.append(Int32(ids.count))
                    elemIDs.append(contentsOf: ids.sorted())
                }
            }
        }
        let size = vocabulary.count
        var lists = [[Int32]](repeating: [], count: size)
        for (id, list) in byFirstWord { lists[Int(id)] = list }
        firstStart = [0]
        for list in lists {
            firstList.append(contentsOf: list)
            firstStart.append(Int32(firstList.count))
        }
        negatorByID = [Bool](repeating: false, count: size)
        for id in negatorIds { negatorByID[Int(id)] = true }
    }

    /// The ids a token can stand for.
    func candidates(for token: Token, lemmaTable byLemma: [UInt64: [Int32]]) -> [Int32] {
        var result: [Int32] = []
        let scalars = Array(token.text.unicodeScalars)
        if let id = vocabulary[WordHash.hash(scalars, range: 0..<scalars.count)] { result.append(id) }
        if token.kind == .hebrew {
            // Attached prefixes (ו ה ב כ ל מ ש, up to three), only when the rest is a known word.
            var seen = Set<Unicode.Scalar>()
            for length in 1...3 where length + 2 <= scalars.count {
                let letter = scalars[length - 1]
                guard HebrewPrefixes.letters.contains(letter), seen.insert(letter).inserted,
                      letter != "ו" || length == 1 else { break }
                if let id = vocabulary[WordHash.hash(scalars, range: length..<scalars.count)] { result.append(id) }
                if letter == "ה" { break }
            }
        }
        let info = WordInfo.of(token, language: language)
        for key in info.keys {
            for id in byLemma[key] ?? [] where !result.contains(id) { result.append(id) }
        }
        // A typing slip only where the token is no word of its own: "cause" is not a slip of "case".
        if result.isEmpty && token.kind != .number && scalars.count <= TypoIndex.maximumLength && !info.isKnownWord {
            result.append(contentsOf: typos.neighbours(of: scalars))
        }
        return result
    }




    /// Every cue found in the tokens, with containment and negation resolved.
    func matches(in tokens: [Token]) -> [CueMatch] {
        // Candidate ids of every token, flattened.
        let byLemma = lemmas.table()
        var candIDs: [Int32] = []
        var candStart = [Int](repeating: 0, count: tokens.count + 1)
        candIDs.reserveCapacity(tokens.count * 2)
        for (index, token) in tokens.enumerated() {
            candIDs.append(contentsOf: candidates(for: token, lemmaTable: byLemma))
            candStart[index + 1] = candIDs.count
        }
        let sentences = tokens.map(\.sentence)
        var tokenIsNegator = [Bool](repeating: false, count: tokens.count)
        for index in tokens.indices {
            for c in candStart[index]..<candStart[index + 1] where negatorByID[Int(candIDs[c])] {
                tokenIsNegator[index] = true
            }
        }
        let elemIDs = self.elemIDs, elemStart = self.elemStart, elemCount = self.elemCount
        let count = tokens.count
        let gapLength = Self.gapLength

        func tokenHas(_ position: Int, element: Int) -> Bool {
            let lower = Int(elemStart[element]), upper = lower + Int(elemCount[element])
            for c in candStart[position]..<candStart[position + 1] {
                let id = candIDs[c]
                for e in lower..<upper where elemIDs[e] == id { return true }
            }
            return false
        }
        let firstLetters = tokens.map { token -> UInt32 in
            token.text.unicodeScalars.count >= 3 ? (token.text.unicodeScalars.first?.value ?? 0) : 0
        }
        func match(_ element: Int, last: Int, at position: Int, sentence: Int) -> Int? {
            if element == last { return position }
            if elemCount[element] == -2 {
                guard position < count, sentences[position] == sentence,
                      firstLetters[position] == UInt32(bitPattern: elemStart[element]) else { return nil }
                return position + 1
            }
            if elemCount[element] < 0 {
                for skip in 0...gapLength {
                    let next = position + skip
                    if next > count { break }
                    if skip > 0 && (sentences[next - 1] != sentence || tokenIsNegator[next - 1]) { break }
                    if let end = match(element + 1, last: last, at: next, sentence: sentence) { return end }
                }
                return nil
            }
            guard position < count, sentences[position] == sentence, tokenHas(position, element: element) else { return nil }
            return match(element + 1, last: last, at: position + 1, sentence: sentence)
        }

        var found: [CueMatch] = []
        var startedHere: [Int32] = []
        for start in 0..<count {
            startedHere.removeAll(keepingCapacity: true)
            for c in candStart[start]..<candStart[start + 1] {
                let id = Int(candIDs[c])
                for l in Int(firstStart[id])..<Int(firstStart[id + 1]) {
                    let index = firstList[l]
                    if startedHere.contains(index) { continue }
                    startedHere.append(index)
                    let firstElement = Int(cueFirstElem[Int(index)])
                    let last = firstElement + Int(cueElemCount[Int(index)])
                    if let end = match(firstElement + 1, last: last, at: start + 1, sentence: sentences[start]) {
                        found.append(CueMatch(kind: cueKinds[Int(index)], cue: Int(index), first: start, end: end,
                                              weight: cueWeights[Int(index)]))
                    }
                }
            }
        }
        // Shields: their words never negate, and cues inside them do not count.
        var shielded = [Bool](repeating: false, count: tokens.count)
        for shield in found where shield.kind == .shield {
            for index in shield.first..<shield.end { shielded[index] = true }
        }
        let shields = found.filter { $0.kind == .shield }
        found.removeAll { match in
            match.kind != .shield && match.kind != .negator
                && shields.contains { $0.first <= match.first && match.end <= $0.end && $0.length > match.length }
        }
        // A cue inside a longer cue gives way to it (same kind always; other kinds unless the
        // longer cue only adds weight, like robotic text or jargon). Matches are short, so only
        // neighbours starting a few tokens earlier can contain one another.
        found.sort { ($0.first, $0.end) < ($1.first, $1.end) }
        let all = found
        var keep = [Bool](repeating: true, count: all.count)
        let reach = CueFile.maximumWords * (Self.gapLength + 1)
        for (i, inner) in all.enumerated() {
            var j = i
            while j > 0 && all[j - 1].first >= inner.first - reach { j -= 1 }
            var k = j
            while k < all.count && all[k].first <= inner.first {
                let outer = all[k]
                if k != i, outer.first <= inner.first, inner.end <= outer.end, outer.length > inner.length,
                   outer.kind == inner.kind || inner.kind.givesWay(to: outer.kind) {
                    keep[i] = false
                    break
                }
                k += 1
            }
        }
        found = all.indices.filter { keep[$0] }.map { all[$0] }
        var negators = [Bool](repeating: false, count: tokens.count)
        for match in found where match.kind == .negator {
            for index in match.first..<match.end where !shielded[index] { negators[index] = true }
        }
        for index in found.indices where found[index].kind.isNegatable {
            found[index].negated = Negation.isNegated(start: found[index].first, end: found[index].end,
                                                      tokens: tokens, negators: negators)
        }
        return found
    }

}
