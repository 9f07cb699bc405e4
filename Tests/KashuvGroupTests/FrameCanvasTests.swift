import Testing
@testable import KashuvGroup
@testable import KashuvTerminal

@Suite("Frames of cells sent as escape sequences")
struct FrameCanvasTests {
    func text(_ bytes: [UInt8]) -> String { String(decoding: bytes, as: UTF8.self) }

    @Test("the first frame clears and draws; the next sends only the cells that changed")
    func diff() {
        let first = FrameCanvas(rows: 3, columns: 20, colours: false)
        first.put("שלום עולם".unicodeScalars, row: 0, column: 0, style: .normal)
        first.put("abc".unicodeScalars, row: 2, column: 5, style: .heading)
        let full = text(first.updates(from: nil))
        #expect(full.contains("\u{1B}[2J") && full.contains("שלום עולם") && full.contains("\u{1B}[3;6H"))

        let second = FrameCanvas(rows: 3, columns: 20, colours: false)
        second.put("שלום עולם".unicodeScalars, row: 0, column: 0, style: .normal)
        second.put("abd".unicodeScalars, row: 2, column: 5, style: .heading)
        let change = text(second.updates(from: first))
        #expect(!change.contains("\u{1B}[2J") && !change.contains("שלום"))
        #expect(change.contains("\u{1B}[3;8H") && change.contains("d"))
    }

    @Test("niqqud stays on its letter, a wide character takes two cells, nothing passes the right edge")
    func cells() {
        let canvas = FrameCanvas(rows: 1, columns: 6, colours: false)
        canvas.put("שָׁלוֹם".unicodeScalars, row: 0, column: 0, style: .normal)
        #expect(canvas.rowsText[0].hasPrefix("שָׁלוֹם"))
        let wide = FrameCanvas(rows: 1, columns: 4, colours: false)
        wide.put("中文字".unicodeScalars, row: 0, column: 0, style: .normal)
        #expect(wide.rowsText[0] == "中文")
    }

    @Test("colours follow the palette; none without colour")
    func styles() {
        let coloured = FrameCanvas(rows: 1, columns: 5, colours: true)
        coloured.put("x".unicodeScalars, row: 0, column: 0, style: .minus)
        #expect(text(coloured.updates(from: nil)).contains("\u{1B}[0;1;7;31m"))
        let plain = FrameCanvas(rows: 1, columns: 5, colours: false)
        plain.put("x".unicodeScalars, row: 0, column: 0, style: .minus)
        #expect(!text(plain.updates(from: nil)).contains(";31m"))
    }
}
