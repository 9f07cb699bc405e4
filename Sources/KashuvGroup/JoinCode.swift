/// The code trainees type at the SSH password prompt to join a group session.
///
/// Generated as six random digits when the facilitator gives none. Compared in constant
/// time: how long a wrong guess takes does not depend on how many characters matched.
package struct JoinCode: Sendable, CustomStringConvertible {
    /// The code as typed.
    package let text: String

    /// Six digits from the system's cryptographic random source.
    package static func generate() -> JoinCode {
        var generator = SystemRandomNumberGenerator()
        let number = Int.random(in: 0..<1_000_000, using: &generator)
        let digits = String(number)
        return JoinCode(uncheckedText: String(repeating: "0", count: 6 - digits.count) + digits)
    }

    /// A code the facilitator chose: 4–64 printable ASCII characters, no spaces.
    package init(_ text: String) throws(GroupError) {
        guard (4...64).contains(text.utf8.count), text.utf8.allSatisfy({ (0x21...0x7E).contains($0) }) else {
            throw .badCode
        }
        self.text = text
    }

    private init(uncheckedText: String) { text = uncheckedText }

    /// Whether `guess` is the code, in time that depends only on the guess's length.
    package func matches(_ guess: String) -> Bool {
        let expected = Array(text.utf8), given = Array(guess.utf8)
        var difference = UInt8(truncatingIfNeeded: expected.count ^ given.count)
        difference |= UInt8(truncatingIfNeeded: (expected.count ^ given.count) >> 8)
        for index in 0..<given.count {
            difference |= given[index] ^ expected[index % max(1, expected.count)]
        }
        return difference == 0 && expected.count == given.count
    }

    package var description: String { text }
}
