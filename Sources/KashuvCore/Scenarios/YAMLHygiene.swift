import Yams

/// Checks every value and key of a parsed file for what YAML would accept but Kashuv must
/// not read silently: characters a terminal would act on (KS0061), tags such as
/// `!!python/object` (KS0063) and `<<` merge keys that merge nothing (KS0062).
///
/// Runs on every kind of file, before and independently of the shape checks, so these are
/// reported alongside every other problem. Iterative: the tree's size is already bounded
/// by ``YAMLSource/compose(_:limits:)``.
struct YAMLHygiene {
    /// The file, as the user named it.
    var path: String

    /// The tags a plain Kashuv file may carry, written or implied: the YAML core schema.
    static let allowedTags: Set<String> = Set(["str", "int", "float", "bool", "null", "map", "seq", "merge", "timestamp"]
        .map { "tag:yaml.org,2002:" + $0 }).union(["", "?", "!"])

    /// Every problem found in the tree.
    func check(_ root: Node) -> [Diagnostic] {
        var diagnostics: [Diagnostic] = []
        var pending: [(node: Node, isKey: Bool)] = [(root, false)]
        while let (node, isKey) = pending.popLast() {
            checkTag(node, into: &diagnostics)
            switch node {
            case .scalar(let scalar):
                if let unsafe = DisplaySafeText.firstUnsafeCharacter(in: scalar.string) {
                    let what = isKey ? "a key" : "the text"
                    diagnostics.append(Diagnostic(
                        .controlCharacter, path: path, at: node.location,
                        "\(what) holds the invisible control character \(DisplaySafeText.describe(unsafe)), which a terminal would act on",
                        hint: "remove it (an editor that shows invisible characters helps); escapes such as `\\e` in double quotes "
                            + "are control characters too. Kashuv lays out Hebrew right-to-left itself: no bidi marks are needed"
                    ))
                }
            case .alias:
                break
            case .sequence(let sequence):
                pending.append(contentsOf: sequence.reversed().map { ($0, false) })
            case .mapping(let mapping):
                for (key, value) in mapping.reversed() {
                    if case .scalar(let scalar) = key, scalar.string == "<<", scalar.style == .plain || scalar.style == .any,
                       !Self.mergesMappings(value) {
                        diagnostics.append(Diagnostic(
                            .invalidMergeKey, path: path, at: key.location,
                            "the merge key `<<` is given \(value.kindDescription), not a mapping to merge",
                            hint: "write `<<: *anchor` naming a mapping (or a list of them), or write the keys out"
                        ))
                    }
                    pending.append((value, false))
                    pending.append((key, true))
                }
            }
        }
        return diagnostics
    }

    private func checkTag(_ node: Node, into diagnostics: inout [Diagnostic]) {
        let tag: String
        switch node {
        case .scalar(let scalar): tag = scalar.tag.description
        case .mapping(let mapping): tag = mapping.tag.description
        case .sequence(let sequence): tag = sequence.tag.description
        case .alias: return
        }
        guard !Self.allowedTags.contains(tag) else { return }
        let written = tag.hasPrefix("tag:yaml.org,2002:") ? "!!" + tag.dropFirst("tag:yaml.org,2002:".count) : tag
        diagnostics.append(Diagnostic(
            .unsupportedTag, path: path, at: node.location,
            "the tag `\(DisplaySafeText.clean(String(written), keepingNewlines: false))` is not read by Kashuv",
            hint: "remove the tag: Kashuv files hold plain text, numbers, lists and mappings"
        ))
    }

    /// Whether a merge key's value is a mapping or a list of mappings (the forms YAML merges).
    static func mergesMappings(_ value: Node) -> Bool {
        switch value {
        case .mapping: true
        case .sequence(let sequence): !sequence.isEmpty && sequence.allSatisfy { if case .mapping = $0 { true } else { false } }
        default: false
        }
    }
}
