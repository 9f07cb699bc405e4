import Foundation
import Yams

/// What a value in a Kashuv YAML file must look like: the one description the validator
/// checks every file against (types, required and unknown keys, allowed names, ranges),
/// so every problem is reported with its line before the file is decoded.
indirect enum YAMLShape: Sendable {
    /// Non-empty text (any scalar but nothing).
    case text
    /// A line that may speak to the trainee: one text, or a mapping with a text for each
    /// address form (`feminine`, `masculine`, `plural`), all three required.
    case addressedText
    /// A whole number, optionally within bounds.
    case integer(Bounds?)
    /// A number, optionally within bounds.
    case number(Bounds?)
    /// One of a fixed set of names.
    case name(Names)
    /// A list whose items all have one shape.
    case list(YAMLShape)
    /// A mapping with known keys.
    case mapping([Field])
    /// A mapping from names (for example dimensions) to values of one shape.
    case table(keys: Names, values: YAMLShape)

    /// A key of a mapping.
    struct Field: Sendable {
        /// The key as written in YAML.
        var key: String
        /// The shape of its value.
        var shape: YAMLShape
        /// Whether the key must be present.
        var required: Bool

        /// A key that must be present.
        static func required(_ key: String, _ shape: YAMLShape) -> Field { Field(key: key, shape: shape, required: true) }
        /// A key that may be left out.
        static func optional(_ key: String, _ shape: YAMLShape) -> Field { Field(key: key, shape: shape, required: false) }
    }

    /// The allowed names for a value and the code used when another name is found.
    struct Names: Sendable {
        /// What the names are, for messages ("category", "flag").
        var kind: String
        /// The allowed names.
        var values: [String]
        /// The code reported for a name not in ``values``.
        var code: DiagnosticCode

        /// The names of a string enum's cases.
        static func of<Value: CaseIterable & RawRepresentable>(_: Value.Type, kind: String, code: DiagnosticCode) -> Names
        where Value.RawValue == String {
            Names(kind: kind, values: Value.allCases.map(\.rawValue), code: code)
        }
    }

    /// The range a number must fall in and the code used when it does not.
    struct Bounds: Sendable {
        /// The allowed range.
        var range: ClosedRange<Double>
        /// The code reported outside it.
        var code: DiagnosticCode
        /// The range in words, for messages ("0 (calm) to 10 (furious)").
        var meaning: String
    }
}

/// One step of the way from the root of a document to a value.
enum YAMLPathComponent: Sendable, Hashable, CustomStringConvertible {
    /// A key of a mapping.
    case key(String)
    /// A position in a list, from 0.
    case index(Int)

    var description: String {
        switch self {
        case .key(let key): key
        case .index(let index): "[\(index)]"
        }
    }
}

extension [YAMLPathComponent] {
    /// The path as facilitators read it: `turns[2].branches[0].next`.
    var dotted: String {
        var result = ""
        for component in self {
            switch component {
            case .key(let key): result += result.isEmpty ? key : ".\(key)"
            case .index: result += component.description
            }
        }
        return result.isEmpty ? "the document" : result
    }
}

/// Checks a node tree against a ``YAMLShape`` and reports every mismatch with its line.
///
/// Recursion follows the shape, not the file, so it is as deep as the format (a few levels)
/// whatever the file holds.
struct YAMLShapeChecker {
    /// The file, as the user named it.
    var path: String

    /// Every mismatch between the node and the shape.
    func check(_ node: Node, against shape: YAMLShape, at keyPath: [YAMLPathComponent] = []) -> [Diagnostic] {
        let location = node.location
        let name = keyPath.dotted
        if node.isNull {
            return [Diagnostic(
                .wrongType, path: path, at: location, "`\(name)` has no value; expected \(shape.expectation)",
                hint: "write a value after the colon, or remove the key if it is optional"
            )]
        }
        switch shape {
        case .text:
            guard case .scalar(let scalar) = node else { return [wrongType(node, shape, keyPath)] }
            if scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return [Diagnostic(
                    .wrongType, path: path, at: location, "`\(name)` is empty; expected \(shape.expectation)",
                    hint: "write the text, unquoted or as a `|-` block"
                )]
            }
            return []
        case .addressedText:
            if case .mapping = node {
                return check(node, against: .mapping(AddressForm.allCases.map { .required($0.rawValue, .text) }), at: keyPath)
            }
            return check(node, against: .text, at: keyPath)
        case .integer(let bounds):
            guard case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)) else {
                return [wrongType(node, shape, keyPath)]
            }
            return outOfBounds(Double(value), scalar.string, bounds, location, name)
        case .number(let bounds):
            guard case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)),
                  value.isFinite
            else { return [wrongType(node, shape, keyPath)] }
            return outOfBounds(value, scalar.string, bounds, location, name)
        case .name(let names):
            guard case .scalar(let scalar) = node else { return [wrongType(node, shape, keyPath)] }
            return unknownName(scalar.string, names, location)
        case .list(let item):
            guard case .sequence(let sequence) = node else { return [wrongType(node, shape, keyPath)] }
            return sequence.enumerated().flatMap { index, element in
                check(element, against: item, at: keyPath + [.index(index)])
            }
        case .mapping(let fields):
            guard case .mapping(let mapping) = node else { return [wrongType(node, shape, keyPath)] }
            var diagnostics: [Diagnostic] = []
            var seen: Set<String> = []
            for (keyNode, value) in Self.pairsWithMerges(mapping) {
                guard case .scalar(let keyScalar) = keyNode else {
                    diagnostics.append(Diagnostic(
                        .wrongType, path: path, at: keyNode.location, "a key in `\(name)` is not a plain word",
                        hint: "keys are plain words followed by a colon, such as `says:`"
                    ))
                    continue
                }
                let key = keyScalar.string
                seen.insert(key)
                if let field = fields.first(where: { $0.key == key }) {
                    diagnostics += check(value, against: field.shape, at: keyPath + [.key(key)])
                } else {
                    diagnostics.append(unknownKey(key, in: keyPath, fields: fields, at: keyNode.location))
                }
            }
            for field in fields where field.required && !seen.contains(field.key) {
                let place = keyPath.isEmpty ? "the file" : "`\(name)`"
                diagnostics.append(Diagnostic(
                    .missingKey, path: path, at: location, "\(place) has no `\(field.key)`",
                    hint: "add `\(field.key):` with \(field.shape.expectation)"
                ))
            }
            return diagnostics
        case .table(let keys, let values):
            guard case .mapping(let mapping) = node else { return [wrongType(node, shape, keyPath)] }
            var diagnostics: [Diagnostic] = []
            for (keyNode, value) in mapping {
                guard case .scalar(let keyScalar) = keyNode else {
                    diagnostics.append(wrongType(keyNode, .name(keys), keyPath))
                    continue
                }
                diagnostics += unknownName(keyScalar.string, keys, keyNode.location)
                diagnostics += check(value, against: values, at: keyPath + [.key(keyScalar.string)])
            }
            return diagnostics
        }
    }

    /// The pairs of a mapping as a reader sees them: the pairs of `<<: *anchor` merge keys
    /// first, then the mapping's own pairs, which override merged keys of the same name.
    static func pairsWithMerges(_ mapping: Node.Mapping) -> [(key: Node, value: Node)] {
        var own: [(key: Node, value: Node)] = []
        var merged: [(key: Node, value: Node)] = []
        for (key, value) in mapping {
            guard case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain || scalar.style == .any else {
                own.append((key, value))
                continue
            }
            switch value {
            case .mapping(let source): merged += pairsWithMerges(source)
            case .sequence(let sources):
                for case .mapping(let source) in sources.reversed() { merged += pairsWithMerges(source) }
            default: own.append((key, value))
            }
        }
        let ownKeys = Set(own.compactMap { $0.key.string })
        return merged.filter { !ownKeys.contains($0.key.string ?? "") } + own
    }

    private func wrongType(_ node: Node, _ shape: YAMLShape, _ keyPath: [YAMLPathComponent]) -> Diagnostic {
        let subject = keyPath.isEmpty ? "the file" : "`\(keyPath.dotted)`"
        let hint = keyPath.isEmpty
            ? "a Kashuv file is a mapping of keys such as `id:` and `title:`; see docs/scenario-format.md"
            : shape.example
        return Diagnostic(
            .wrongType, path: path, at: node.location, "\(subject) should be \(shape.expectation), found \(node.kindDescription)",
            hint: hint
        )
    }

    private func outOfBounds(
        _ value: Double, _ written: String, _ bounds: YAMLShape.Bounds?, _ location: LineColumn?, _ name: String
    ) -> [Diagnostic] {
        guard let bounds, !bounds.range.contains(value) else { return [] }
        return [Diagnostic(
            bounds.code, path: path, at: location, "`\(name)` is \(written); it must be \(bounds.meaning)",
            hint: "use a value \(bounds.meaning)"
        )]
    }

    private func unknownName(_ value: String, _ names: YAMLShape.Names, _ location: LineColumn?) -> [Diagnostic] {
        guard !names.values.contains(value) else { return [] }
        let suggestion = SpellingSuggestion.closest(to: value, in: names.values)
        return [Diagnostic(
            names.code, path: path, at: location, "unknown \(names.kind) `\(value)`",
            hint: (suggestion.map { "did you mean `\($0)`? " } ?? "") + "a \(names.kind) is one of \(SpellingSuggestion.list(names.values))"
        )]
    }

    private func unknownKey(_ key: String, in keyPath: [YAMLPathComponent], fields: [YAMLShape.Field], at location: LineColumn?) -> Diagnostic {
        let known = fields.map(\.key)
        let place = keyPath.isEmpty ? "at the top level" : "in `\(keyPath.dotted)`"
        let hint = SpellingSuggestion.closest(to: key, in: known).map { "did you mean `\($0)`?" }
            ?? "the keys allowed here are \(SpellingSuggestion.list(known))"
        return Diagnostic(.unknownKey, path: path, at: location, "unknown key `\(key)` \(place)", hint: hint)
    }
}

extension YAMLShape {
    /// What a value of this shape is, for messages ("a whole number", "a list").
    var expectation: String {
        switch self {
        case .text: "text"
        case .addressedText: "text, or a mapping with `feminine`, `masculine` and `plural` texts"
        case .integer(let bounds): "a whole number" + (bounds.map { " (\($0.meaning))" } ?? "")
        case .number(let bounds): "a number" + (bounds.map { " (\($0.meaning))" } ?? "")
        case .name(let names): "a \(names.kind) name"
        case .list(let item): "a list of \(item.plural)"
        case .mapping: "a mapping of keys"
        case .table(let keys, _): "a mapping from \(keys.kind) names to values"
        }
    }

    private var plural: String {
        switch self {
        case .text, .addressedText: "texts"
        case .integer: "whole numbers"
        case .number: "numbers"
        case .name(let names): "\(names.kind) names"
        case .list: "lists"
        case .mapping, .table: "mappings"
        }
    }

    /// How a value of this shape is written, as a hint.
    var example: String {
        switch self {
        case .text: "write the text after the colon, unquoted or as a `|-` block"
        case .addressedText:
            "write the text after the colon, or, when it speaks to the trainee, `feminine:`, `masculine:` and `plural:` on the lines below"
        case .integer, .number: "write a plain number after the colon, such as `3`"
        case .name(let names): "write one of \(SpellingSuggestion.list(names.values))"
        case .list: "write each item on its own line starting with `- `, or as `[a, b]`"
        case .mapping, .table: "write the keys indented on the lines below, each as `key: value`"
        }
    }
}

extension Node {
    /// Where the node starts in the file.
    var location: LineColumn? { mark.map { LineColumn(line: $0.line, column: $0.column) } }

    /// Whether the node is an empty value (`key:` with nothing, `~` or `null`).
    var isNull: Bool {
        guard case .scalar(let scalar) = self, scalar.style == .plain || scalar.style == .any else { return false }
        return ["", "~", "null", "Null", "NULL"].contains(scalar.string)
    }

    /// What the node is, in words, for messages.
    var kindDescription: String {
        switch self {
        case .scalar(let scalar):
            let text = scalar.string.count > 30 ? String(scalar.string.prefix(30)) + "…" : scalar.string
            return "`\(text)`"
        case .sequence: return "a list"
        case .mapping: return "a mapping"
        case .alias: return "an alias"
        }
    }

    /// The node at a path, if there is one.
    func node(at keyPath: [YAMLPathComponent]) -> Node? {
        var current = self
        for component in keyPath {
            switch (component, current) {
            case (.key(let key), .mapping(let mapping)):
                guard let value = mapping.first(where: { $0.key.string == key })?.value else { return nil }
                current = value
            case (.index(let index), .sequence(let sequence)):
                guard index >= 0, index < sequence.count else { return nil }
                current = sequence[sequence.index(sequence.startIndex, offsetBy: index)]
            default:
                return nil
            }
        }
        return current
    }

    /// The location of the key that ends a path (the `weights:` of `weights`), else of its value.
    func keyLocation(of keyPath: [YAMLPathComponent]) -> LineColumn? {
        if case .key(let key)? = keyPath.last, case .mapping(let mapping)? = node(at: Array(keyPath.dropLast())),
           let keyNode = mapping.first(where: { $0.key.string == key })?.key {
            return keyNode.location
        }
        return location(of: keyPath)
    }

    /// The location of the value at a path, or of the nearest enclosing value that exists.
    func location(of keyPath: [YAMLPathComponent]) -> LineColumn? {
        var prefix = keyPath
        while true {
            if let found = node(at: prefix)?.location { return found }
            if prefix.isEmpty { return location }
            prefix.removeLast()
        }
    }
}
