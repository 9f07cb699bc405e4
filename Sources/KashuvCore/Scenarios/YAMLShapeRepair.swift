import Yams

extension YAMLShape {
    /// A copy of `node` that fits this shape, so the checks that need a decoded file (the
    /// dialogue graph, the test plan) can still run after the shape checks found problems,
    /// and a file's independent problems are all reported in one pass.
    ///
    /// A value of the wrong type or out of range becomes a stand-in (an empty list, the
    /// lowest allowed number, the first allowed name, a placeholder text), unknown keys are
    /// dropped and missing required keys added. Locations are read from the original tree,
    /// so a problem a stand-in causes falls on a line the shape check already named, where
    /// the validator leaves it out.
    func repaired(_ node: Node) -> Node {
        let usable = !node.isNull
        switch self {
        case .text:
            if usable, case .scalar(let scalar) = node, !scalar.string.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty {
                return node
            }
            return Node("?\(node.mark?.line ?? 0):\(node.mark?.column ?? 0)")
        case .addressedText:
            if usable, case .mapping = node {
                return YAMLShape.mapping(AddressForm.allCases.map { .required($0.rawValue, .text) }).repaired(node)
            }
            return YAMLShape.text.repaired(node)
        case .integer(let bounds):
            if usable, case .scalar(let scalar) = node, let value = Int(scalar.string.trimmingCharacters(in: .whitespaces)),
               bounds?.range.contains(Double(value)) ?? true {
                return node
            }
            return Node(String(Int(bounds?.range.lowerBound ?? 0)))
        case .number(let bounds):
            if usable, case .scalar(let scalar) = node, let value = Double(scalar.string.trimmingCharacters(in: .whitespaces)),
               value.isFinite, bounds?.range.contains(value) ?? true {
                return node
            }
            return Node(String(bounds?.range.lowerBound ?? 0))
        case .name(let names):
            if usable, case .scalar(let scalar) = node, names.values.contains(scalar.string) { return node }
            return Node(names.values.first ?? "")
        case .list(let item):
            guard usable, case .sequence(let sequence) = node else { return Node([Node]()) }
            return Node(sequence.map(item.repaired))
        case .mapping(let fields):
            var pairs: [(Node, Node)] = []
            if usable, case .mapping(let mapping) = node {
                for (key, value) in YAMLShapeChecker.pairsWithMerges(mapping) {
                    guard let name = key.string, let field = fields.first(where: { $0.key == name }),
                          !pairs.contains(where: { $0.0.string == name })
                    else { continue }
                    pairs.append((key, field.shape.repaired(value)))
                }
            }
            for field in fields where field.required && !pairs.contains(where: { $0.0.string == field.key }) {
                pairs.append((Node(field.key), field.shape.repaired(Node(""))))
            }
            return Node(pairs)
        case .table(let keys, let values):
            guard usable, case .mapping(let mapping) = node else { return Node([(Node, Node)]()) }
            let pairs = mapping.compactMap { key, value -> (Node, Node)? in
                guard let name = key.string, keys.values.contains(name) else { return nil }
                return (key, values.repaired(value))
            }
            return Node(pairs)
        }
    }
}
