/// What the morphology says about one folded token, in the form the cue matcher and the
/// clause rules use: lemma keys, whether it is a real word, and the verb readings.
enum WordAnalysis {
    /// Lemma keys of a Hebrew word: a verb's lemma with its tense and person ("אעביר" and
    /// "נעביר": העביר, future, first person), a noun's or adjective's lemma alone. Two words
    /// with a key in common are the same word for a cue, whatever their prefixes, gender or number.
    ///
    /// Only verbs: nouns already match with their prefixes, gender and number, and a noun's
    /// other readings ("שני": second, Monday, scarlet) would make strangers of it.
    /// - Parameter cueWord: a word a coach listed gets a key only when every reading of it
    ///   (without a prefix) is the same verb form; an ambiguous cue word matches as written.
    static func hebrewKeys(of word: String, cueWord: Bool = false) -> [UInt64] {
        guard word.unicodeScalars.count >= 3, let analyzer = HebrewAnalyzer.shared else { return [] }
        var keys: [UInt64] = []
        let readings = analyzer.plausibleReadings(of: word).filter { !cueWord || $0.prefixLength == 0 }
        for reading in readings {
            guard let key = key(of: reading) else {
                if cueWord { return [] }
                continue
            }
            if !keys.contains(key) { keys.append(key) }
        }
        return cueWord && keys.count != 1 ? [] : keys
    }

    /// Lemma keys of a Hebrew word whatever its form (every person, tense, gender, number and
    /// prefix). A word a coach listed stands for its own lemma where it is one (זיכה), else
    /// for the lemmas of its readings without a prefix.
    static func hebrewLemmaKeys(of word: String, cueWord: Bool = false) -> [UInt64] {
        // Two-letter words are mostly particles with a rare verb reading ("לך": to you, or go!).
        guard word.unicodeScalars.count >= 3 || cueWord, let analyzer = HebrewAnalyzer.shared else { return [] }
        let readings = analyzer.plausibleReadings(of: word)
        if cueWord {
            if readings.contains(where: { $0.prefixLength == 0 && $0.lemma == word }) {
                return [WordHash.hash("l|" + word)]
            }
            return Array(Set(readings.filter { $0.prefixLength == 0 }.map { WordHash.hash("l|" + $0.lemma) }))
        }
        var keys: [UInt64] = []
        for reading in readings {
            let key = WordHash.hash("l|" + reading.lemma)
            if !keys.contains(key) { keys.append(key) }
        }
        return keys
    }

    static func key(of reading: HebrewReading) -> UInt64? {
        switch reading.partOfSpeech {
        case .verb:
            let tense: String
            switch reading.tense {
            case .past: tense = "past"
            case .present: tense = "present"
            case .future: tense = "future"
            case .imperative: tense = "imperative"
            case .infinitive: tense = "infinitive"
            case nil: tense = "-"
            }
            return WordHash.hash("v|\(reading.lemma)|\(tense)|\(reading.person ?? 0)")
        case .noun, .adjective, .other:
            return nil
        }
    }

    /// The key of an English word's stem (Latin letters only, at least `minimumLength` of them).
    static func englishKey(of word: String, minimumLength: Int) -> UInt64? {
        guard word.unicodeScalars.count >= minimumLength, word.unicodeScalars.allSatisfy({ $0.value < 0x80 }),
              let stemmer = EnglishStemmer.shared else { return nil }
        return WordHash.hash("s|" + stemmer.stem(word))
    }

}
