import Foundation
import Testing
@testable import KashuvCore

/// Facilitators wrap prose in their editor; the trainee's screen must not keep those breaks.
@Suite("Prose reflow")
struct ProseTests {
    @Test("line breaks inside a paragraph become spaces")
    func joinsLines() {
        #expect(Prose.reflow("Naomi booked a trip, though\nshe has not\nbeen abroad.") == "Naomi booked a trip, though she has not been abroad.")
        #expect(Prose.reflow("  indented\n  block  \n") == "indented block")
        #expect(Prose.reflow("מירב חיכתה\nשבוע לטכנאי.") == "מירב חיכתה שבוע לטכנאי.")
    }

    @Test("a blank line still separates paragraphs, however many were written")
    func keepsParagraphs() {
        #expect(Prose.reflow("one\ntwo\n\nthree\n\n\n\nfour\nfive") == "one two\n\nthree\n\nfour five")
    }

    @Test("list items still start their own line; a hyphen inside a sentence does not")
    func keepsListItems() {
        #expect(Prose.reflow("You can:\n- refund\n- rebook\n1. first\n2) second") == "You can:\n- refund\n- rebook\n1. first\n2) second")
        #expect(Prose.reflow("a well\n-known fact\n2026 was") == "a well -known fact 2026 was")
    }

    @Test("text without line breaks is unchanged")
    func singleLine() {
        #expect(Prose.reflow("One line, A-1234.") == "One line, A-1234.")
        #expect(Prose.reflow("") == "")
    }

    @Test("every scenario in the library loads with its prose reflowed: no paragraph cut by the file's line breaks")
    func libraryProse() throws {
        let library = try ScenarioLibrary(folder: scenariosFolder)
        #expect(!library.scenarios.isEmpty)
        for scenario in library.scenarios {
            var prose = scenario.brief.texts + [scenario.customer.background] + scenario.canOffer + scenario.cannotOffer
            prose += scenario.turns.flatMap(\.says.texts) + scenario.endings.flatMap(\.debrief.texts)
            for text in prose {
                // Only paragraph breaks ("\n\n") and list items may remain.
                for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropFirst() where !line.isEmpty {
                    #expect(Prose.startsListItem(String(line)), "\(scenario.id): a line break inside a paragraph before \"\(line.prefix(30))\"")
                }
            }
        }
        // The brief the issue saw cut mid-sentence.
        let sarah = try #require(library.scenario("en-value-hebrew-course"))
        #expect(sarah.brief(.plural).contains("our online course \"Speak Hebrew in 12 weeks\""))
    }
}
