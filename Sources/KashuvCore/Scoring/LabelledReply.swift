import Foundation

/// A reply a coach has labelled, as in `shared/data/dev-replies.jsonl` (one JSON object a line).
public struct LabelledReply: Codable, Sendable, Hashable {
    /// A stable id.
    public var id: String
    /// The reply's language.
    public var lang: Language
    /// The kind of objection, when given.
    public var category: ObjectionCategory?
    /// What the customer said.
    public var customer: String?
    /// The trainee's reply.
    public var reply: String
    /// The coach's levels.
    public var labels: Levels
    /// The coach's flags.
    public var flags: [Flag]
    /// The coach's note, when given.
    public var note: String?
    /// What the trainee may offer in the reply's situation, when the file says.
    public var canOffer: [String]?
    /// What the trainee may not offer in the reply's situation, when the file says.
    public var cannotOffer: [String]?

    enum CodingKeys: String, CodingKey {
        case id, lang, category, customer, reply, labels, flags, note
        case canOffer = "can_offer"
        case cannotOffer = "cannot_offer"
    }

    /// Reads a JSON Lines file of labelled replies; blank lines are skipped.
    ///
    /// - Throws: the first malformed line, with its line number.
    public static func load(contentsOf file: URL) throws -> [LabelledReply] {
        let data = try Data(contentsOf: file)
        let decoder = JSONDecoder()
        var result: [LabelledReply] = []
        var lineNumber = 0
        for line in data.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false) {
            lineNumber += 1
            guard line.contains(where: { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\r") && $0 != UInt8(ascii: "\t") }) else { continue }
            do {
                result.append(try decoder.decode(LabelledReply.self, from: Data(line)))
            } catch {
                throw LoadError(line: lineNumber, message: "\(error)")
            }
        }
        return result
    }

    /// A labelled file line that could not be read.
    public struct LoadError: Error, CustomStringConvertible {
        /// The 1-based line number.
        public var line: Int
        /// What was wrong.
        public var message: String
        public var description: String { "line \(line): \(message)" }
    }

    /// The context to score this reply in.
    public var context: ScoringContext {
        ScoringContext(customerLine: customer, language: lang, cannotOffer: cannotOffer ?? [], canOffer: canOffer ?? [])
    }

    /// Whether the item belongs to the held-out fifth: every fifth item in id order
    /// (positions 5, 10, 15… counting from 1). `sortedIDs` is every id of the file, sorted.
    public static func heldOutIDs(_ items: [LabelledReply]) -> Set<String> {
        let sorted = items.map(\.id).sorted()
        return Set(sorted.enumerated().filter { $0.offset % 5 == 4 }.map(\.element))
    }
}
