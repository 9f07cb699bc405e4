/// A 64-bit FNV-1a hash of a word's scalars, so lookups on the hot path need no new strings
/// (a prefix split or a one-letter deletion is hashed straight from the token's scalars).
enum WordHash {
    static let offset: UInt64 = 0xcbf2_9ce4_8422_2325
    static let prime: UInt64 = 0x0000_0100_0000_01b3

    /// The hash of a sequence of scalars.
    @inline(__always)
    static func hash<S: Sequence>(_ scalars: S) -> UInt64 where S.Element == Unicode.Scalar {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for scalar in scalars {
            value ^= UInt64(scalar.value)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }

    /// The hash of a word.
    @inline(__always)
    static func hash(_ word: String) -> UInt64 { hash(word.unicodeScalars) }

    /// The hash of `scalars[range]` without the scalar at `skipping` (a one-letter deletion).
    @inline(__always)
    static func hash(_ scalars: [Unicode.Scalar], range: Range<Int>, skipping: Int = -1) -> UInt64 {
        var value: UInt64 = 0xcbf2_9ce4_8422_2325
        for index in range where index != skipping {
            value ^= UInt64(scalars[index].value)
            value = value &* 0x0000_0100_0000_01b3
        }
        return value
    }
}
