import Testing
@testable import KashuvTerminal

/// Logical → visual order of single lines, with the exact string a left-to-right terminal must show.
@Suite("Bidi layout")
struct BidiLayoutTests {
    let app = BidiLayout(mode: .app)

    @Test func hebrewWordIsReversed() {
        #expect(app.visual("שלום") == "םולש")
    }

    @Test func numbersStayLeftToRightInsideHebrew() {
        #expect(app.visual("הזמנה 123 לא הגיעה") == "העיגה אל 123 הנמזה")
        #expect(app.visual("חיכיתי 35 דקות!") == "!תוקד 35 יתיכיח")
    }

    @Test func englishWordsStayLeftToRightInsideHebrew() {
        #expect(app.visual("שלחתי SMS אתמול") == "לומתא SMS יתחלש")
        #expect(app.visual("הזמנה מספר A-1234 לא הגיעה.") == ".העיגה אל A-1234 רפסמ הנמזה")
        // A "#" between Hebrew and a Latin letter is neutral and takes the Hebrew side (UBA rule N1/N2).
        #expect(app.visual("ההזמנה #A1 לא הגיעה") == "העיגה אל A1# הנמזהה")
    }

    @Test func bracketsAreMirroredInHebrew() {
        #expect(app.visual("(שלום)") == "(םולש)")
        #expect(app.visual("אמרו לי \"מחר\" ושתקו") == "וקתשו \"רחמ\" יל ורמא")
    }

    @Test func englishParagraphIsUntouched() {
        #expect(app.visual("Order 123 (late), sorry!") == "Order 123 (late), sorry!")
        #expect(app.visual("I called קופת חולים today") == "I called םילוח תפוק today")
    }

    @Test func paragraphDirectionComesFromFirstStrongCharacter() {
        #expect(TextDirection.firstStrong(in: "123 שלום abc") == .rightToLeft)
        #expect(TextDirection.firstStrong(in: "(ok) שלום") == .leftToRight)
        #expect(TextDirection.firstStrong(in: "123 !") == nil)
        // A Hebrew paragraph that starts with a number is still right to left.
        #expect(app.visual("35 דקות") == "תוקד 35")
        let lines = app.lines(for: "35 דקות", width: 20)
        #expect(lines[0].alignRight)
        #expect(app.lines(for: "35 minutes", width: 20)[0].alignRight == false)
    }

    @Test func combiningMarksStayAfterTheirLetter() {
        // שָׁלוֹם: marks follow their base letter in visual order too.
        let logical = "\u{05E9}\u{05B8}\u{05C1}\u{05DC}\u{05D5}\u{05B9}\u{05DD}"
        let visual = "\u{05DD}\u{05D5}\u{05B9}\u{05DC}\u{05E9}\u{05B8}\u{05C1}"
        #expect(app.visual(logical) == visual)
        #expect(DisplayWidth.of(logical) == 4)
    }

    @Test func displayWidths() {
        #expect(DisplayWidth.of("א") == 1)
        #expect(DisplayWidth.of("\u{05B8}") == 0)
        #expect(DisplayWidth.of("😀") == 2)
        #expect(DisplayWidth.of("中") == 2)
        #expect(DisplayWidth.of("abc") == 3)
    }

    @Test func offsetsMapVisualCellsBackToTheReply() {
        let line = app.lines(for: "אב cd", width: 20)[0]
        #expect(line.text == "cd בא")
        #expect(line.logicalOffsets == [3, 4, 2, 1, 0])
    }

    @Test func wrapsInLogicalOrderThenReordersEachLine() {
        let lines = app.lines(for: "אחת שתיים שלוש ארבע", width: 10)
        #expect(lines.map(\.text) == ["םייתש תחא", "עברא שולש"])
        #expect(lines.allSatisfy { $0.alignRight })
        #expect(lines[0].logicalRange == 0..<10)
        #expect(lines[1].logicalRange == 10..<19)
    }

    @Test func wrapKeepsNumbersWithTheirLine() {
        let lines = app.lines(for: "חיכיתי 35 דקות על הקו", width: 12)
        #expect(lines.map(\.text) == ["35 יתיכיח", "וקה לע תוקד"])
    }

    @Test func longWordIsCut() {
        let lines = app.lines(for: "abcdefghij", width: 4)
        #expect(lines.map(\.text) == ["abcd", "efgh", "ij"])
    }

    @Test func lineFeedsStartParagraphsWithTheirOwnDirection() {
        let lines = app.lines(for: "שלום\nhello\n123", width: 20)
        #expect(lines.map(\.text) == ["םולש", "hello", "123"])
        #expect(lines.map(\.alignRight) == [true, false, false])
        #expect(lines[1].logicalOffsets == [5, 6, 7, 8, 9])
    }

    @Test func terminalModeKeepsLogicalOrder() {
        let terminal = BidiLayout(mode: .terminal)
        #expect(terminal.visual("הזמנה 123 לא הגיעה") == "הזמנה 123 לא הגיעה")
        #expect(terminal.lines(for: "שלום", width: 10)[0].alignRight == false)
    }

    @Test func autoModeRule() {
        #expect(BidiMode.auto.resolved(environment: [:]) == .app)
        #expect(BidiMode.auto.resolved(environment: ["KASHUV_BIDI": "terminal"]) == .terminal)
        #expect(BidiMode.auto.resolved(environment: ["MLTERM": "3.9"]) == .terminal)
        #expect(BidiMode.auto.resolved(environment: ["KONSOLE_VERSION": "230800", "TMUX": "/tmp/x"]) == .app)
        #expect(BidiMode.app.resolved(environment: ["KASHUV_BIDI": "terminal"]) == .app)
        #expect(BidiMode.terminal.resolved(environment: [:]) == .terminal)
    }
}
