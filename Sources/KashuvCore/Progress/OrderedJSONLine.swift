import Foundation

/// Builds one JSON object with its keys in a fixed, readable order (`type` first, then ids,
/// then the content), which `JSONEncoder` does not promise. Each value is encoded by
/// `JSONEncoder`, so escaping and number formats are its own.
struct OrderedJSONLine {
    private var members: [String] = []
    private let encoder: JSONEncoder

    init(encoder: JSONEncoder) {
        self.encoder = encoder
    }

    /// Adds a member; `nil` is written as `null`. Keys are plain ASCII names.
    mutating func add<Value: Encodable>(_ key: String, _ value: Value) throws {
        let json = String(decoding: try encoder.encode(value), as: UTF8.self)
        members.append("\"\(key)\":\(json)")
    }

    /// The object followed by a newline.
    var data: Data { Data(("{" + members.joined(separator: ",") + "}\n").utf8) }
}
