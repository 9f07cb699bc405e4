import Testing
@testable import KashuvCore

/// Hebrew morphology from hspell and English stems from Snowball, as the scorer reads them.
@Suite("Morphology")
struct MorphologyTests {
    @Test("hspell is installed (scripts/setup installs it) and loads")
    func hspellLoads() {
        #expect(HebrewAnalyzer.shared != nil, "\(HebrewAnalyzer.unavailableReason ?? "")")
    }

    @Test("a present-tense verb: lemma and tense, any gender")
    func presentTense() throws {
        let analyzer = try #require(HebrewAnalyzer.shared)
        for word in ["מעבירה", "מעביר"] {
            #expect(analyzer.readings(of: word).contains { $0.lemma == "העביר" && $0.tense == .present })
        }
    }

    @Test("a first-person future and past carry the person")
    func firstPerson() throws {
        let analyzer = try #require(HebrewAnalyzer.shared)
        #expect(analyzer.readings(of: "אזכה").contains { $0.person == 1 && $0.tense == .future })
        #expect(analyzer.readings(of: "ביטלתי").allSatisfy { $0.person == 1 && $0.tense == .past })
    }

    @Test("prefixes are split off: ו+ל+infinitive, ה+noun")
    func prefixes() throws {
        let analyzer = try #require(HebrewAnalyzer.shared)
        #expect(analyzer.readings(of: "ומעדכנת").contains { $0.prefixLength == 1 && $0.lemma == "עדכנ" })
    }

    @Test("a whole word is not split into prefix and particle: לפני is 'before', not ל+פני")
    func wholeWordsStayWhole() throws {
        let analyzer = try #require(HebrewAnalyzer.shared)
        #expect(analyzer.plausibleReadings(of: "לפני").allSatisfy { $0.prefixLength == 0 })
    }

    @Test("words hspell does not know have no readings; final letters may come folded")
    func unknownAndFinals() throws {
        let analyzer = try #require(HebrewAnalyzer.shared)
        #expect(analyzer.readings(of: "קשקשבלבל").isEmpty)
        #expect(analyzer.isWord("הזמנ"))
    }

    @Test("English stems join a verb's forms; a real word is never a typing slip")
    func english() throws {
        let stemmer = try #require(EnglishStemmer.shared)
        #expect(stemmer.stem("refunded") == stemmer.stem("refunding"))
        #expect(EnglishWords.shared.contains("cause"))
        #expect(!EnglishWords.shared.contains("refnud"))
    }
}
