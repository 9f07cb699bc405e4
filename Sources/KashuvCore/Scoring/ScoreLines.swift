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

    /// The output lines for the input bytes, each ending in a newline.
    public func process(_ input: Data) -> Data {
        var lines = input.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
        if lines.last?.isEmpty == true { lines.removeLast() }
        var out = Data()
        for (index, line) in lines.enumerated() {
            out.append(processLine(Data(line), lineNumber: index + 1))
            out.append(UInt8(ascii: "\n"))
        }
        return out
    }

    /// The output line (without newline) for one input line.
    public func processLine(_ line: Data, lineNumber: Int) -> Data {
        func encoded(_ failure: Failure) -> Data { Data(failure.json.utf8) }
        switch Self.parse(line, lineNumber: lineNumber) {
        case .failure(let failure):
            return encoded(failure)
        case .success(let request):
            var context = ScoringContext(customerLine: request.customer, language: request.lang)
            if let id = request.scenario {
                guard let found = scenario(id) else {
                    return encoded(Failure(line: lineNumber, id: request.id, error: "unknown scenario \(id)"))
                }
                context.facts = found.facts
                context.cannotOffer = found.cannotOffer
                if context.language == nil { context.language = found.language }
            }
            let result = scorer.score(request.reply, context: context)
            return Data(Output(id: request.id, result: result).json.utf8)
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
            var out = "{\"id\":" + (id?.json ?? "null") + ",\"levels\":{"
            out += Dimension.allCases.map { dimension in
                "\"\(dimension.rawValue)\":" + (result.level(dimension).map(String.init) ?? "null")
            }.joined(separator: ",")
            out += "},\"flags\":[" + result.flags.map { JSONText.quoted($0.rawValue) }.joined(separator: ",") + "]"
            out += ",\"evidence\":[" + result.evidence.map(Self.json).joined(separator: ",") + "]"
            out += ",\"advice\":[" + result.advice.map(JSONText.quoted).joined(separator: ",") + "]}"
            return out
        }

        static func json(_ item: Evidence) -> String {
            var out = "{"
            if let dimension = item.dimension { out += "\"dimension\":" + JSONText.quoted(dimension.rawValue) + "," }
            if let flag = item.flag { out += "\"flag\":" + JSONText.quoted(flag.rawValue) + "," }
            out += "\"start\":\(item.start),\"end\":\(item.end),\"text\":" + JSONText.quoted(item.text)
            out += ",\"rule\":" + JSONText.quoted(item.rule) + ",\"effect\":" + JSONText.quoted(item.effect.rawValue) + "}"
            return out
        }
    }

    /// Reads one input line.
    static func parse(_ line: Data, lineNumber: Int) -> Result<Request, Failure> {
        guard String(data: line, encoding: .utf8) != nil else {
            return .failure(Failure(line: lineNumber, id: nil, error: "the line is not valid UTF-8"))
        }
        let trimmed = line.filter { $0 != UInt8(ascii: " ") && $0 != UInt8(ascii: "\t") && $0 != UInt8(ascii: "\r") }
        guard !trimmed.isEmpty else { return .failure(Failure(line: lineNumber, id: nil, error: "empty line")) }
        do {
            return .success(try JSONDecoder().decode(Request.self, from: line))
        } catch DecodingError.keyNotFound(let key, _) {
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: "missing \"\(key.stringValue)\""))
        } catch DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: "wrong type for \"\(path)\""))
        } catch DecodingError.dataCorrupted(let context) {
            let path = context.codingPath.map(\.stringValue).joined(separator: ".")
            let message = path.isEmpty ? "not a JSON object" : "invalid value for \"\(path)\" (lang is he or en)"
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: message))
        } catch {
            return .failure(Failure(line: lineNumber, id: idOnly(line), error: "not a JSON object"))
        }
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
        var out = "\""
        out.reserveCapacity(text.utf8.count + 2)
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
        return out + "\""
    }
}
