import Foundation

/// A trainee's name as typed, and the file name their progress is kept under.
///
/// Names may be Hebrew, English or anything else a person is called. The file name is
/// derived deterministically, so the same trainee always maps to the same file, and it can
/// never leave the progress folder:
///
/// - The display name is what a reader sees of the typed name: control characters, ESC and
///   every bidi control removed (the one rule of ``DisplaySafeText``, marks included), and so
///   are the other invisible characters (zero-width spaces and joiners, soft hyphens, byte
///   order marks: Unicode's default-ignorable code points); runs of white space collapsed to
///   one space, trimmed, and normalised to Unicode NFC. An empty result is refused. So
///   `evil`, `evil` with a right-to-left override and `evil` with a zero-width space are one
///   name, the name shown.
/// - The file stem is the display name in lower case (so `Dana` and `dana` share a file),
///   with every character that is not a letter, a digit, `-` or `_` replaced by `_`
///   (this removes `/`, `\`, `.`, `:`, NUL and the rest), capped at ``maximumStemLength``
///   characters. A stem that had to be changed, or cut, or that itself ends in `-` and eight
///   hex digits, gets `-` and eight hex digits of a hash of the lower-cased name, so `a/b`
///   and `a_b` stay different files, and typing `dana_cohen-dc77d19e` does not reach the
///   file of `Dana Cohen`.
///
/// A 32-bit hash can still collide, so a file also holds only one trainee:
/// ``ProgressStore`` checks the name inside a file before appending to it.
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
        var visible = String.UnicodeScalarView()
        visible.append(contentsOf: DisplaySafeText.clean(typed, keepingNewlines: false).unicodeScalars.filter {
            !$0.properties.isDefaultIgnorableCodePoint
        })
        let words = String(visible).split(whereSeparator: { $0.isWhitespace })
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
        guard changed || cut || looksHashed(stem) else { return stem }
        return stem + "-" + hexHash(folded)
    }

    /// Whether a stem ends like one that carries a hash (`-` and eight hex digits).
    static func looksHashed(_ stem: String) -> Bool {
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count >= 9, scalars[scalars.count - 9] == "-" else { return false }
        return scalars.suffix(8).allSatisfy { ("0"..."9").contains($0) || ("a"..."f").contains($0) }
    }

    /// Whether a name written in a progress record is this trainee (case does not matter).
    public func isSameTrainee(as recorded: String) -> Bool {
        guard let other = try? TraineeName(recorded) else { return false }
        return other.displayName.lowercased() == displayName.lowercased()
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
