import CStemmer
import Foundation

/// English stems from the Snowball stemmer (Debian's libstemmer): "refunded", "refunding",
/// "refunds" → "refund", so one cue word covers its forms.
///
/// A Snowball stemmer is not thread-safe: calls go through one lock, and stems are cached.
public final class EnglishStemmer: @unchecked Sendable {
    /// The stemmer; `nil` only if the library has no English algorithm.
    public static let shared: EnglishStemmer? = EnglishStemmer()

    private let lock = NSLock()
    private let stemmer: OpaquePointer
    private var cache: [String: String] = [:]

    private init?() {
        guard let stemmer = sb_stemmer_new("english", "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    /// The stem of a lower-case word (the word itself when it is too long to be one).
    public func stem(_ word: String) -> String {
        guard word.utf8.count <= 40 else { return word }
        lock.lock()
        defer { lock.unlock() }
        if let known = cache[word] { return known }
        let bytes = Array(word.utf8)
        let stem: String = bytes.withUnsafeBufferPointer { buffer in
            guard let result = sb_stemmer_stem(stemmer, buffer.baseAddress, Int32(buffer.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
        if cache.count > 200_000 { cache.removeAll(keepingCapacity: true) }
        cache[word] = stem
        return stem
    }
}
