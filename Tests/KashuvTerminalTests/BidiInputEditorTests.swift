import KashuvCore
import Testing
@testable import KashuvTerminal

/// The input box: editing in logical order, cursor keys in visual terms, Hebrew right-aligned.
@Suite("Bidi input editor")
struct BidiInputEditorTests {
    let layout = BidiLayout(mode: .app)

    func editor(_ text: String) -> InputEditor {
        var editor = InputEditor()
        editor.insert(Array(text.unicodeScalars))
        return editor
    }

    @Test func hebrewReplyIsRightAlignedWithTheCursorAtItsLeftEnd() {
        let typed = editor("שלום")
        let box = typed.layout(width: 20, layout: layout)
        #expect(box.lines.count == 1)
        #expect(box.lines[0].line.text == "םולש")
        #expect(box.lines[0].start == 16)  // right-aligned, last column kept free on the left side
        #expect(box.cursor.row == 0 && box.cursor.column == 15)  // just left of "ם": the end of the text
    }

    @Test func emptyReplyPutsTheCursorAtTheRightEdgeForHebrew() {
        let box = InputEditor().layout(width: 20, layout: layout)
        #expect(box.cursor.column == 19)
        let english = InputEditor().layout(width: 20, layout: BidiLayout(mode: .app, neutralDirection: .leftToRight))
        #expect(english.cursor.column == 0)
    }

    @Test func leftAndRightMoveVisuallyThroughHebrew() {
        var typed = editor("שלום")
        // The cursor is at the logical end (visual left); Right moves towards the start.
        typed.moveVisually(1, width: 20, layout: layout)
        #expect(typed.cursor == 3)
        typed.moveVisually(1, width: 20, layout: layout)
        #expect(typed.cursor == 2)
        typed.moveVisually(-1, width: 20, layout: layout)
        #expect(typed.cursor == 3)
        typed.insert(["x"])
        #expect(typed.text == "שלוxם")
    }

    @Test func leftAndRightMoveVisuallyThroughEnglish() {
        var typed = InputEditor()
        typed.insert(Array("abc".unicodeScalars))
        let english = BidiLayout(mode: .app, neutralDirection: .leftToRight)
        typed.moveVisually(-1, width: 20, layout: english)
        #expect(typed.cursor == 2)
        typed.moveVisually(1, width: 20, layout: english)
        #expect(typed.cursor == 3)
    }

    @Test func homeEndBackspaceDelete() {
        var typed = editor("אבג")
        typed.home()
        typed.delete()
        #expect(typed.text == "בג")
        typed.end()
        typed.backspace()
        #expect(typed.text == "ב")
        typed.backspace()
        typed.backspace()
        #expect(typed.text.isEmpty && typed.isBlank)
    }

    @Test func backspaceRemovesALetterWithItsNiqqud() {
        var typed = editor("שָׁ")
        typed.backspace()
        #expect(typed.text.isEmpty)
    }

    @Test func longRepliesWrapIntoSeveralRows() {
        let typed = editor("אני מבינה שחיכית 35 דקות על הקו וזה באמת מתסכל")
        let box = typed.layout(width: 20, layout: layout)
        #expect(box.lines.count > 1)
        #expect(box.lines.allSatisfy { $0.start + $0.line.width <= 20 })
        #expect(box.cursor.row == box.lines.count - 1)
    }
}

/// Scenario and reply text on its way to the screen.
@Suite("Bidi screen text")
struct BidiScreenTextTests {
    @Test func escapeSequencesNeverReachTheScreen() {
        let renderer = TranscriptRenderer(
            labels: ScreenLabels(language: .hebrew), block: TextBlock(layout: BidiLayout(mode: .app)), customerName: "רחל")
        let lines = renderer.lines(.customer("שלום\u{1B}[2J\u{1B}]0;owned\u{07} עולם\u{9B}31m\u{202E}abc"), width: 60)
        let drawn = lines.map(\.text).joined()
        #expect(!drawn.unicodeScalars.contains { $0.value < 0x20 || (0x7F..<0xA0).contains($0.value) || $0.value == 0x202E })
        #expect(drawn.contains("םלוע"))
    }

    @Test func moodGaugeFillsFromTheRightInHebrew() {
        let gauge = MoodGauge(mood: 7, change: 1)
        let line = gauge.line(labels: ScreenLabels(language: .hebrew), block: TextBlock(layout: BidiLayout(mode: .app)), width: 60, indent: 0)
        #expect(line.text.contains("░░░███████"))
        #expect(line.text.contains("7/10"))
        #expect(line.text.contains("↑"))
        let english = MoodGauge(mood: 7, change: -2).line(
            labels: ScreenLabels(language: .english), block: TextBlock(layout: BidiLayout(mode: .app)), width: 60, indent: 0)
        #expect(english.text == "Mood ███████░░░ 7/10 ↓ (-2) angry")
    }
}
