import CHspell
import Foundation

/// Hebrew morphology from Debian's hspell: every reading of a word (prefixes split off,
/// lemma, part of speech, person, tense), and whether a word is a real word at all.
///
/// hspell keeps global state and is not thread-safe, so every call goes through one lock,
/// and each word's readings are cached (a reply reuses few words; a session reuses many).
/// Loading the dictionary takes 60–80 ms: practice loads it on ``CueTables``' background thread
/// so that the first screen does not wait for it. Where the dictionary is missing (hspell not
/// installed), ``shared`` is `nil` and the scorer falls back to its word lists alone.
public final class HebrewAnalyzer: @unchecked Sendable {
    /// The analyser, loaded on first use; `nil` where hspell's dictionary is not installed.
    public static let shared: HebrewAnalyzer? = HebrewAnalyzer()

    /// Why the analyser is unavailable, for a warning (or `nil` when it works).
    public static var unavailableReason: String? {
        shared == nil ? "Hebrew morphology is off: hspell's dictionary was not found at "
            + String(cString: hspell_get_dictionary_path()) + " (install the Debian package hspell)" : nil
    }

    private let lock = NSLock()
    private let dictionary: OpaquePointer
    private var cache: [String: [HebrewReading]] = [:]
    private static let maximumWordLength = 24

    private init?() {
        let path = String(cString: hspell_get_dictionary_path())
        guard FileManager.default.isReadableFile(atPath: path),
              FileManager.default.isReadableFile(atPath: path + ".desc") else { return nil }
        var dictionary: OpaquePointer?
        guard hspell_init(&dictionary, Int32(HSPELL_OPT_DEFAULT)) >= 0, let dictionary else { return nil }
        guard linginfo_init(path) != 0 else { return nil }
        self.dictionary = dictionary
    }

    /// Every reading of a word (final letters may be folded or not); empty for a word hspell
    /// does not know, a non-Hebrew word, or a word too long to be one.
    public func readings(of word: String) -> [HebrewReading] {
        let key = HebrewLetters.foldFinals(word)
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[key] { return known }
        let result = analyse(key)
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }  // bounded on any input
        cache[key] = result
        return result
    }

    /// The readings a reader would consider: a verb with an attached object pronoun
    /// ("שלחתיו") is literary and almost always a false reading in a chat reply, and where
    /// the whole word is a word of its own ("לפני", "שלך"), a split-off prefix ("ל+פני",
    /// "ש+לך") is not read.
    public func plausibleReadings(of word: String) -> [HebrewReading] {
        let readings = self.readings(of: word).filter { !($0.partOfSpeech == .verb && $0.pronounSuffix) }
        let whole = readings.filter { $0.prefixLength == 0 }
        return whole.isEmpty ? readings : whole
    }

    /// Whether hspell knows the word in some reading (a correctly spelled word is never a typing slip).
    public func isWord(_ word: String) -> Bool { !readings(of: word).isEmpty }

    // Called with the lock held.
    private func analyse(_ folded: String) -> [HebrewReading] {
        guard let bytes = Self.iso8859_8(Self.withFinals(folded)) else { return [] }
        SplitCollector.splits.removeAll(keepingCapacity: true)
        bytes.withUnsafeBufferPointer { buffer in
            _ = hspell_enum_splits(dictionary, buffer.baseAddress, { _, base, prefixLength, _ in
                if let base { SplitCollector.splits.append((Int(prefixLength), Array(UnsafeBufferPointer(start: base, count: strlen(base) + 1)))) }
                return 0
            })
        }
        var readings: [HebrewReading] = []
        var description = [CChar](repeating: 0, count: 512)
        for (prefixLength, base) in SplitCollector.splits {
            var descriptions: UnsafeMutablePointer<CChar>?
            var stems: UnsafeMutablePointer<CChar>?
            let found = base.withUnsafeBufferPointer { linginfo_lookup($0.baseAddress, &descriptions, &stems) }
            guard found != 0, let descriptions, let stems else { continue }
            var index: Int32 = 0
            while let stem = linginfo_stem2text(stems, index) {
                let lemma = Self.fromISO8859_8(stem)
                let text = linginfo_desc2text(&description, descriptions, index) != nil
                    ? description.withUnsafeBufferPointer { Self.fromISO8859_8($0.baseAddress!) } : ""
                readings.append(HebrewReading(prefixLength: prefixLength, lemma: lemma, description: text))
                index += 1
            }
        }
        return readings
    }

    /// The word with a final form on its last letter, as hspell expects (הזמנ → הזמן).
    static func withFinals(_ folded: String) -> String {
        var scalars = Array(folded.unicodeScalars)
        guard let last = scalars.last else { return folded }
        switch last {
        case "כ": scalars[scalars.count - 1] = "ך"
        case "מ": scalars[scalars.count - 1] = "ם"
        case "נ": scalars[scalars.count - 1] = "ן"
        case "פ": scalars[scalars.count - 1] = "ף"
        case "צ": scalars[scalars.count - 1] = "ץ"
        default: break
        }
        var out = String.UnicodeScalarView()
        out.append(contentsOf: scalars)
        return String(out)
    }

    /// ISO-8859-8 bytes (NUL-terminated) of a word of Hebrew letters, `'` and `"`; `nil` otherwise.
    static func iso8859_8(_ word: String) -> [CChar]? {
        var bytes: [CChar] = []
        for scalar in word.unicodeScalars {
            switch scalar.value {
            case 0x05D0...0x05EA: bytes.append(CChar(bitPattern: UInt8(scalar.value - 0x05D0 + 0xE0)))
            case 0x27, 0x22: bytes.append(CChar(scalar.value))
            default: return nil
            }
        }
        guard !bytes.isEmpty, bytes.count <= maximumWordLength else { return nil }
        return bytes + [0]
    }

    static func fromISO8859_8(_ text: UnsafePointer<CChar>) -> String {
        var out = String.UnicodeScalarView()
        var pointer = text
        while pointer.pointee != 0 {
            let byte = UInt8(bitPattern: pointer.pointee)
            if byte >= 0xE0 && byte <= 0xFA, let scalar = Unicode.Scalar(UInt32(byte) - 0xE0 + 0x05D0) {
                out.append(scalar)
            } else {
                out.append(Unicode.Scalar(byte))
            }
            pointer += 1
        }
        return String(out)
    }
}

/// hspell reports prefix splits through a C callback that cannot capture context; the splits
/// of the word being analysed are gathered here, always under ``HebrewAnalyzer``'s lock.
private enum SplitCollector {
    nonisolated(unsafe) static var splits: [(Int, [CChar])] = []
}
