import Foundation


/// `kashuv score --input`: JSON Lines in, JSON Lines out, one output line per input line.
///
/// Each input object has `reply` and optionally `id` (string or number, echoed back),
/// `customer`, `lang` (`he`/`en`) and `scenario` (an id, resolved with the `scenario`
/// closure). A line that cannot be read — not JSON, not UTF-8, no `reply`, an unknown
/// scenario — gives `{"line": N, "id": …, "error": "…"}` and the run goes on.
public struct ScoreLines: Sendable {
    private let scorer: ReplyScorer
    private let scenario: @Sendable (String) -> Scenario?

    /// Creates a processor.
    public init(scorer: ReplyScorer, scenario: @escaping @Sendable (String) -> Scenario? = { _ in nil }) {
        self.scorer = scorer
        self.scenario = scenario
    }

    /// The output lines for the input bytes, each ending in a newline (``ScoreLineStream``
    /// over bytes in memory).
    public func process(_ input: Data) -> Data {
        var offset = 0
        var out = Data()
        try? ScoreLineStream(lines: self).run(
            read: { buffer in
                let count = min(buffer.count, input.count - offset)
                let start = input.startIndex + offset
                input.copyBytes(to: buffer.bindMemory(to: UInt8.self), from: start..<(start + count))
                offset += count
                return count
            },
            write: { out.append(contentsOf: $0) })
        return out
    }

    /// The output line (without newline) for one input line.
    public func processLine(_ line: Data, lineNumber: Int) -> Data {
        Data(outputLine(line, lineNumber: lineNumber).utf8)
    }

    /// The output line (without newline) for one input line, as text.
    func outputLine(_ line: Data, lineNumber: Int) -> String {
        switch Self.parse(line, lineNumber: lineNumber) {
        case .failure(let failure):
            return failure.json
        case .success(let request):
            if ReplyLength.of(request.reply) > ReplyLength.maximum {
                return Failure(
                    line: lineNumber, id: request.id,
                    error: "\"reply\" is \(ReplyLength.of(request.reply)) characters long; at most \(ReplyLength.maximum) are scored"
                ).json
            }
            var context = ScoringContext(customerLine: request.customer, language: request.lang,
                                         cannotOffer: request.cannotOffer ?? [], canOffer: request.canOffer ?? [])
            if let id = request.scenario {
                guard let found = scenario(id) else {
                    return Failure(line: lineNumber, id: request.id, error: "unknown scenario \(id)").json
                }
                context.adopt(found)
            }
            let result = scorer.score(request.reply, context: context)
            return Output(id: request.id, result: result).json
        }
    }

    /// An `id` as given: a string or a number, echoed back the same way.
    enum ID: Codable, Hashable {
        var json: String {
            switch self {
            case .string(let text): return JSONText.quoted(text)
            case .number(let value):
                if value == value.rounded(), abs(value) < 1e15 { return String(Int64(value)) }
                return value.isFinite ? String(value) : "null"
            }
        }

        func appendJSON(to out: inout String) {
            if case .string(let text) = self { JSONText.append(text, to: &out) } else { out += json }
        }

        case string(String)
        case number(Double)

        init(from decoder: any Decoder) throws {
            let container = try decoder.singleValueContainer()
            if let text = try? container.decode(String.self) { self = .string(text) } else {
                self = .number(try container.decode(Double.self))
            }
        }

        func encode(to encoder: any Encoder) throws {
            var container = encoder.singleValueContainer()
            switch self {
            case .string(let text): try container.encode(text)
            case .number(let value):
                if value == value.rounded(), abs(value) < 1e15 { try container.encode(Int64(value)) } else { try container.encode(value) }
            }
        }
    }

    /// One input line.
    struct Request: Decodable {
        var id: ID?
        var reply: String
        var customer: String?
        var lang: Language?
        var scenario: String?
        /// What may and may not be offered in the reply's situation (a scenario's lists win).
        var canOffer: [String]?
        var cannotOffer: [String]?

        enum CodingKeys: String, CodingKey {
            case id, reply, customer, lang, scenario
            case canOffer = "can_offer"
            case cannotOffer = "cannot_offer"
        }
    }

    /// The output for a line that could not be scored.
    struct Failure: Error {
        var line: Int
        var id: ID?
        var error: String

        /// `{"line": N, "id": …, "error": "…"}` (no `id` when the line had none).
        var json: String {
            var out = "{\"line\":\(line)"
            if let id { out += ",\"id\":" + id.json }
            out += ",\"error\":" + JSONText.quoted(error) + "}"
            return out
        }
    }

    /// The output for a scored line, keys in a fixed order:
    /// `{"id", "levels": {"listening", "ownership", "framing"}, "flags", "evidence", "advice"}`.
    /// A level the turn does not rate is `null`.
    struct Output {
        var id: ID?
        var result: ScoreResult

        var json: String {
            var out = "{\"id\":"
            out.reserveCapacity(256 + result.evidence.count * 128)
            if let id { id.appendJSON(to: &out) } else { out += "null" }
            out += ",\"levels\":{"
            for (index, dimension) in Dimension.allCases.enumerated() {
                if index > 0 { out += "," }
                out += "\""
                out += dimension.rawValue
                out += "\":"
                if let level = result.level(dimension) { out += String(level) } else { out += "null" }
            }
            out += "},\"flags\":["
            for (index, flag) in result.flags.enumerated() {
                if index > 0 { out += "," }
                JSONText.append(flag.rawValue, to: &out)
            }
            out += "],\"evidence\":["
            for (index, item) in result.evidence.enumerated() {
                if index > 0 { out += "," }
                Self.append(item, to: &out)
            }
            out += "],\"advice\":["
            for (index, advice) in result.advice.enumerated() {
                if index > 0 { out += "," }
                JSONText.append(advice, to: &out)
            }
            out += "]}"
            return out
        }

        static func append(_ item: Evidence, to out: inout String) {
            out += "{"
            if let dimension = item.dimension {
                out += "\"dimension\":"
                JSONText.append(dimension.rawValue, to: &out)
                out += ","
            }
            if let flag = item.flag {
                out += "\"flag\":"
                JSONText.append(flag.rawValue, to: &out)
                out += ","
            }
            out += "\"start\":"
            out += String(item.start)
            out += ",\"end\":"
            out += String(item.end)
            out += ",\"text\":"
            JSONText.append(item.text, to: &out)
            out += ",\"rule\":"
            JSONText.append(item.rule, to: &out)
            out += ",\"effect\":"
            JSONText.append(item.effect.rawValue, to: &out)
            out += "}"
        }
    }

    /// Reads one input line.
    static func parse(_ line: Data, lineNumber: Int) -> Result<Request, Failure> {
        guard String(validating: line, as: UTF8.self) != nil else {
            return .failure(Failure(line: lineNumber, id: nil, error: "the line is not valid UTF-8"))
        }
        let blank = line.allSatisfy { $0 == UInt8(ascii: " ") || $0 == UInt8(ascii: "\t") || $0 == UInt8(ascii: "\r") }
        guard !blank else { return .failure(Failure(line: lineNumber, id: nil, error: "empty line")) }
        do {
            return .success(try JSONDecoder().decode(Request.self, from: line))
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: "missing \"\(key.stringValue)\""))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            guard !path.isEmpty else { return .failure(Failure(line: lineNumber, id: nil, error: notAnObject(line))) }
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: "wrong type for \"\(path)\": \(expected(path))"))
        } catch DecodingError.dataCorrupted(let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            guard !path.isEmpty else { return .failure(Failure(line: lineNumber, id: nil, error: notAnObject(line))) }
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: "invalid value for \"\(path)\": \(expected(path))"))
        } catch {
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: notAnObject(line)))
        }
    }

    /// What an input field must be, for messages.
    private static func expected(_ field: String) -> String {
        switch field {
        case "reply": "expected the reply as a JSON string"
        case "lang": "expected \"he\" or \"en\""
        case "id": "expected a string or a number"
        default: "expected a JSON string"
        }
    }

    /// Why a line that did not decode as an object is not one: what it is instead, or why it is not JSON.
    static func notAnObject(_ line: Data) -> String {
        let shape = "expected one JSON object per line, such as {\"reply\": \"…\"}"
        guard (try? JSONSerialization.jsonObject(with: line, options: [.fragmentsAllowed])) != nil else {
            let text = String(decoding: line, as: UTF8.self)
            if text.range(of: #"\\u[dD][89abAB][0-9a-fA-F]{2}(?!\\u[dD][c-fC-F])|(?<!\\u[dD][89abAB][0-9a-fA-F]{2})\\u[dD][c-fC-F][0-9a-fA-F]{2}"#,
                          options: .regularExpression) != nil {
                return "the line is not valid JSON: a \\uD800–\\uDFFF escape must be half of a surrogate pair (write the character itself); " + shape
            }
            return "the line is not valid JSON; " + shape
        }
        let first = line.first { ![0x20, 0x09, 0x0D].contains($0) } ?? 0
        let found = switch first {
        case UInt8(ascii: "n"): "null"
        case UInt8(ascii: "t"), UInt8(ascii: "f"): "true or false"
        case UInt8(ascii: "["): "an array"
        case UInt8(ascii: "\""): "a string"
        default: "a number"
        }
        return "the line is \(found), not an object; " + shape
    }

    private struct IDOnly: Decodable { var id: ID? }

    private static func idOnly(_ line: Data) -> ID? {
        (try? JSONDecoder().decode(IDOnly.self, from: line))?.id
    }
}

/// JSON string literals, written by hand so output keys keep their documented order.
enum JSONText {
    /// A JSON string literal: quotes, backslashes and control characters escaped.
    static func quoted(_ text: String) -> String {
        var out = ""
        append(text, to: &out)
        return out
    }

    /// Appends `text` as a JSON string literal. Text with nothing to escape (most of it) is
    /// copied whole; otherwise quotes, backslashes, control characters and U+2028/U+2029
    /// are escaped.
    static func append(_ text: String, to out: inout String) {
        out += "\""
        if needsEscaping(text) {
            appendEscaped(text, to: &out)
        } else {
            out += text
        }
        out += "\""
    }

    private static func needsEscaping(_ text: String) -> Bool {
        var text = text
        return text.withUTF8 { bytes in
            var index = 0
            while index < bytes.count {
                let byte = bytes[index]
                if byte < 0x20 || byte == 0x22 || byte == 0x5C { return true }
                // U+2028 and U+2029 are E2 80 A8 and E2 80 A9.
                if byte == 0xE2, index + 2 < bytes.count, bytes[index + 1] == 0x80, bytes[index + 2] & 0xFE == 0xA8 {
                    return true
                }
                index += 1
            }
            return false
        }
    }

    private static func appendEscaped(_ text: String, to out: inout String) {
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            default:
                if scalar.value < 0x20 || scalar.value == 0x2028 || scalar.value == 0x2029 {
                    let hex = String(scalar.value, radix: 16)
                    out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
                } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
    }
}
