import Foundation

/// A trainee's name as typed, and the file name their progress is kept under.
///
/// Names may be Hebrew, English or anything else a person is called. The file name is
/// derived deterministically, so the same trainee always maps to the same file, and it can
/// never leave the progress folder:
///
/// - The display name is the typed name with control characters, bidi controls and ESC
///   removed (see ``DisplaySafeText``), runs of white space collapsed to one space, trimmed,
///   and normalised to Unicode NFC. An empty result is refused.
/// - The file stem is the display name in lower case (so `Dana` and `dana` share a file),
///   with every character that is not a letter, a digit, `-` or `_` replaced by `_`
///   (this removes `/`, `\`, `.`, `:`, NUL and the rest), capped at ``maximumStemLength``
///   characters. A stem that had to be changed, or cut, gets `-` and eight hex digits of
///   a hash of the lower-cased name, so `a/b` and `a_b` stay different files.
///   Hebrew letters are letters and are kept: `דנה כהן` → `דנה_כהן-3f2a…`.
public struct TraineeName: Sendable, Hashable, CustomStringConvertible {
    /// The name as it is shown and written into progress records.
    public let displayName: String
    /// The progress file's name without the `.jsonl` extension; safe as one path component.
    public let fileStem: String

    /// The most characters a file stem keeps before the hash suffix (a Hebrew letter takes
    /// two bytes, so a stem stays far below the 255-byte file-name limit).
    public static let maximumStemLength = 64

    /// Cleans a typed name. Throws ``TraineeNameError/empty`` when nothing printable is left.
    public init(_ typed: String) throws(TraineeNameError) {
        let visible = DisplaySafeText.clean(typed, keepingNewlines: false)
        let words = visible.split(whereSeparator: { $0.isWhitespace })
        let display = words.joined(separator: " ").precomposedStringWithCanonicalMapping
        guard !display.isEmpty else { throw .empty }
        displayName = display
        fileStem = Self.stem(for: display)
    }

    public var description: String { displayName }

    static func stem(for display: String) -> String {
        let folded = display.lowercased()
        var mapped = String.UnicodeScalarView()
        for scalar in folded.unicodeScalars {
            let keep = scalar == "-" || scalar == "_"
                || scalar.properties.isAlphabetic || scalar.properties.numericType == .decimal
                || (scalar.properties.generalCategory == .nonspacingMark && !mapped.isEmpty)
            mapped.append(keep ? scalar : "_")
        }
        var stem = String(mapped)
        let changed = stem != folded
        let cut = stem.count > maximumStemLength
        if cut { stem = String(stem.prefix(maximumStemLength)) }
        guard changed || cut else { return stem }
        return stem + "-" + hexHash(folded)
    }

    /// FNV-1a, 32 bits, over the UTF-8 bytes: stable across runs, machines and Swift versions
    /// (unlike `Hasher`).
    static func hexHash(_ text: String) -> String {
        var hash: UInt32 = 0x811C_9DC5
        for byte in text.utf8 {
            hash ^= UInt32(byte)
            hash = hash &* 0x0100_0193
        }
        let hex = String(hash, radix: 16)
        return String(repeating: "0", count: 8 - hex.count) + hex
    }
}

/// Why a typed name cannot be used as a trainee's name.
public enum TraineeNameError: Error, Sendable, Hashable, CustomStringConvertible {
    /// Nothing printable was typed.
    case empty

    public var description: String {
        switch self {
        case .empty: "the trainee's name is empty; type a name (Hebrew or English)"
        }
    }
}
