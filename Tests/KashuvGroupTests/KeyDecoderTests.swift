import Testing
@testable import KashuvGroup
@testable import KashuvTerminal

@Suite("Keys from a remote terminal's bytes")
struct KeyDecoderTests {
    @Test("Hebrew letters, Enter, Backspace and Ctrl-C")
    func text() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: Array("שלום\r".utf8)) == [.character("ש"), .character("ל"), .character("ו"), .character("ם"), .enter])
        #expect(decoder.keys(from: [0x7F, 0x08, 0x03]) == [.backspace, .backspace, .escape])
    }

    @Test("xterm and VT cursor, paging, Home/End, Delete and F1 sequences")
    func sequences() {
        var decoder = KeyDecoder()
        let bytes = Array("\u{1B}[A\u{1B}[B\u{1B}[C\u{1B}[D\u{1B}OA\u{1B}[H\u{1B}[F\u{1B}[1~\u{1B}[4~\u{1B}[3~\u{1B}[5~\u{1B}[6~\u{1B}OP\u{1B}[11~".utf8)
        #expect(decoder.keys(from: bytes) == [.up, .down, .right, .left, .up, .home, .end, .home, .end, .delete, .pageUp, .pageDown, .help, .help])
    }

    @Test("a letter or a sequence cut between two reads is joined")
    func cut() {
        var decoder = KeyDecoder()
        let letter = Array("ש".utf8)
        #expect(decoder.keys(from: [letter[0]]).isEmpty)
        #expect(decoder.keys(from: [letter[1]]) == [.character("ש")])
        #expect(decoder.keys(from: Array("\u{1B}[".utf8)).isEmpty)
        #expect(decoder.keys(from: Array("5~".utf8)) == [.pageUp])
    }

    @Test("a lone Esc is Esc; garbage and control bytes become nothing drawable")
    func garbage() {
        var decoder = KeyDecoder()
        #expect(decoder.keys(from: [0x1B]) == [.escape])
        let keys = decoder.keys(from: [0xFF, 0xC3, 0x28, 0x00, 0x07] + Array("\u{1B}[".utf8) + Array(repeating: UInt8(ascii: "1"), count: 40) + Array("x".utf8))
        #expect(!keys.contains { if case .character(let scalar) = $0 { scalar.value < 0x20 } else { false } })
        #expect(keys.last == .character("x"))
    }
}
