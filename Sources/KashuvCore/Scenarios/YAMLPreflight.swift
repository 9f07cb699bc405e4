/// A quick pass over YAML text, before any parser sees it, that measures how deeply it
/// nests and how it uses aliases.
///
/// libyaml itself keeps its own stacks on the heap, but composing its events into a tree
/// recurses once per level; 20,000 levels of `[` or `- ` would overflow the stack. This
/// scan estimates the nesting from the text alone — block indentation levels, `- ` / `? ` /
/// `key:` on a line, and flow brackets outside quoted scalars and block scalars — and stops
/// as soon as the limit is passed. The estimate errs high for ordinary files; a sequence
/// written at its key's own indentation adds a level it does not count, so a tree can be up
/// to about twice as deep as estimated, which libyaml's own limit (1000 levels) and the
/// ``LargeStackThread`` absorb.
///
/// It also counts alias nodes (`*name`) and notices an alias used as a mapping key or an
/// explicit `? ` key: composing hashes every key, and a key that is an alias of an alias
/// bomb would take exponential time before any later check could stop it.
struct YAMLPreflight: Sendable {
    /// What the scan found.
    struct Report: Sendable, Hashable {
        /// The deepest nesting seen (an estimate, see ``YAMLPreflight``), up to the point the scan stopped.
        var maxDepth = 0
        /// Where the nesting first went past the limit, if it did.
        var tooDeepAt: LineColumn?
        /// How many alias nodes (`*name`) the text uses.
        var aliasCount = 0
        /// Where an alias is used as a mapping key, or an explicit `? ` key appears in a file with aliases.
        var aliasKeyAt: LineColumn?
    }

    /// The deepest nesting allowed; Kashuv's formats need fewer than ten levels.
    var depthLimit: Int

    /// Scans the text.
    func scan(_ text: String) -> Report {
        var scanner = Scanner(depthLimit: depthLimit)
        var text = text
        text.withUTF8 { utf8 in
            // Every line, the empty one after a final newline included, as split(omittingEmptySubsequences: false) gives them.
            var lineNumber = 0
            var start = 0
            while start <= utf8.count {
                let end = utf8[start...].firstIndex(of: UInt8(ascii: "\n")) ?? utf8.count
                lineNumber += 1
                var lineEnd = end
                if lineEnd > start, utf8[lineEnd - 1] == UInt8(ascii: "\r") { lineEnd -= 1 }
                scanner.scanLine(Array(utf8[start..<lineEnd]), number: lineNumber)
                if scanner.report.tooDeepAt != nil { break }
                start = end + 1
            }
        }
        if scanner.report.aliasCount > 0, let explicitKey = scanner.explicitKeyAt, scanner.report.aliasKeyAt == nil {
            scanner.report.aliasKeyAt = explicitKey
        }
        return scanner.report
    }
}

/// The line-by-line state machine behind ``YAMLPreflight``.
private struct Scanner {
    let depthLimit: Int
    var report = YAMLPreflight.Report()
    /// Indentation columns of the open block levels.
    var indents: [Int] = []
    /// Open `[` and `{`.
    var flowDepth = 0
    /// The block scalar (`|` or `>`) whose content lines are being skipped.
    var blockScalar: BlockScalar?
    /// Whether the previous line ended inside a plain scalar in flow context (it continues here).
    var plainContinues = false
    /// The first explicit key indicator (`? `).
    var explicitKeyAt: LineColumn?

    struct BlockScalar {
        /// Lines indented more than this belong to the scalar.
        var threshold: Int
        /// The content indentation, once known (explicit indicator or first content line).
        var contentIndent: Int?
        /// The widest blank line seen before the first content line.
        var leadingBlankIndent = 0
    }

    enum State { case nodeStart, plain, afterNode }

    static let space = UInt8(ascii: " "), tab = UInt8(ascii: "\t")

    init(depthLimit: Int) { self.depthLimit = depthLimit }

    mutating func scanLine(_ line: [UInt8], number: Int) {
        var indent = 0
        while indent < line.count, line[indent] == Self.space { indent += 1 }
        let lineIsBlank = line[indent...].allSatisfy { $0 == Self.space || $0 == Self.tab }

        if var scalar = blockScalar {
            if lineIsBlank {
                if scalar.contentIndent == nil { scalar.leadingBlankIndent = max(scalar.leadingBlankIndent, indent) }
                blockScalar = scalar
                return
            }
            let contentIndent = scalar.contentIndent ?? max(scalar.leadingBlankIndent, indent, scalar.threshold + 1, 1)
            if indent >= contentIndent {
                scalar.contentIndent = contentIndent
                blockScalar = scalar
                return
            }
            blockScalar = nil
        }
        if lineIsBlank || line[indent] == UInt8(ascii: "#") { return }
        if indent == 0, line.first == UInt8(ascii: "%") { return }

        if flowDepth == 0 {
            while let last = indents.last, last >= indent { indents.removeLast() }
            indents.append(indent)
        }
        var state: State = (flowDepth > 0 && plainContinues) ? .plain : .nodeStart
        plainContinues = false
        var extraDepth = 0
        var innermostColumn = indent
        var tokenStart = indent
        var lastTokenIsAlias = false
        var index = indent

        func at(_ offset: Int) -> UInt8? {
            let position = index + offset
            return position < line.count ? line[position] : nil
        }
        func isBlank(_ byte: UInt8?) -> Bool { byte == nil || byte == Self.space || byte == Self.tab }
        func isFlowIndicator(_ byte: UInt8?) -> Bool {
            guard let byte else { return false }
            return byte == UInt8(ascii: ",") || byte == UInt8(ascii: "[") || byte == UInt8(ascii: "]")
                || byte == UInt8(ascii: "{") || byte == UInt8(ascii: "}")
        }
        func column() -> Int { line[..<min(index, line.count)].reduce(1) { $0 + ($1 & 0xC0 == 0x80 ? 0 : 1) } }

        // Document markers at column 0 behave like a node start after them.
        if indent == 0, line.count >= 3,
           (line[0...2].elementsEqual("---".utf8) || line[0...2].elementsEqual("...".utf8)), isBlank(line.count > 3 ? line[3] : nil) {
            index = 3
        }

        lineLoop: while index < line.count {
            let depth = indents.count + extraDepth + flowDepth
            if depth > report.maxDepth {
                report.maxDepth = depth
                if depth > depthLimit {
                    report.tooDeepAt = LineColumn(line: number, column: column())
                    return
                }
            }
            let byte = line[index]
            let inFlow = flowDepth > 0
            switch state {
            case .nodeStart:
                if byte == Self.space || byte == Self.tab { index += 1; continue }
                switch byte {
                case UInt8(ascii: "#"):
                    break lineLoop
                case UInt8(ascii: "-") where !inFlow && isBlank(at(1)):
                    extraDepth += 1; innermostColumn = index; index += 1
                case UInt8(ascii: "?") where isBlank(at(1)):
                    extraDepth += 1; innermostColumn = index; index += 1
                    if explicitKeyAt == nil { explicitKeyAt = LineColumn(line: number, column: column()) }
                case UInt8(ascii: ":") where isBlank(at(1)) || inFlow:
                    extraDepth += 1; index += 1
                case UInt8(ascii: "["), UInt8(ascii: "{"):
                    flowDepth += 1; index += 1
                case UInt8(ascii: "]"), UInt8(ascii: "}"):
                    flowDepth = max(0, flowDepth - 1); index += 1; state = .afterNode
                case UInt8(ascii: ",") where inFlow:
                    index += 1
                case UInt8(ascii: "\""), UInt8(ascii: "'"):
                    if let end = Self.closingQuote(in: line, from: index) {
                        tokenStart = index; index = end + 1; state = .afterNode; lastTokenIsAlias = false
                    } else {
                        tokenStart = index; index += 1; state = .plain
                    }
                case UInt8(ascii: "|"), UInt8(ascii: ">"):
                    if inFlow { tokenStart = index; index += 1; state = .plain; continue }
                    var explicitIndent: Int?
                    var position = index + 1
                    while position < line.count, !isBlank(line[position]) {
                        let indicator = line[position]
                        if indicator >= UInt8(ascii: "1"), indicator <= UInt8(ascii: "9") {
                            explicitIndent = Int(indicator - UInt8(ascii: "0"))
                        }
                        position += 1
                    }
                    let threshold = max(indent, innermostColumn)
                    blockScalar = BlockScalar(threshold: threshold, contentIndent: explicitIndent.map { threshold + $0 })
                    break lineLoop
                case UInt8(ascii: "&"), UInt8(ascii: "!"):
                    while index < line.count, !isBlank(line[index]), !(inFlow && isFlowIndicator(line[index])) { index += 1 }
                case UInt8(ascii: "*"):
                    report.aliasCount += 1
                    tokenStart = index
                    index += 1
                    while index < line.count, !isBlank(line[index]), !(inFlow && isFlowIndicator(line[index])) { index += 1 }
                    state = .afterNode; lastTokenIsAlias = true
                default:
                    tokenStart = index; index += 1; state = .plain; lastTokenIsAlias = false
                }
            case .plain:
                if byte == UInt8(ascii: ":"), isBlank(at(1)) || (inFlow && isFlowIndicator(at(1))) {
                    innermostColumn = max(innermostColumn, tokenStart); extraDepth += 1; index += 1; state = .nodeStart
                } else if byte == UInt8(ascii: "#"), index > 0, isBlank(line[index - 1]) {
                    break lineLoop
                } else if inFlow, isFlowIndicator(byte) {
                    state = .nodeStart
                } else {
                    index += 1
                }
            case .afterNode:
                if byte == Self.space || byte == Self.tab { index += 1; continue }
                if byte == UInt8(ascii: ":") {
                    if lastTokenIsAlias, report.aliasKeyAt == nil {
                        report.aliasKeyAt = LineColumn(line: number, column: column())
                    }
                    innermostColumn = max(innermostColumn, tokenStart); extraDepth += 1; index += 1; state = .nodeStart
                } else if byte == UInt8(ascii: "#") {
                    break lineLoop
                } else if inFlow, isFlowIndicator(byte) {
                    state = .nodeStart
                } else {
                    state = .plain
                }
                lastTokenIsAlias = false
            }
        }
        plainContinues = state == .plain && flowDepth > 0
        let depth = indents.count + extraDepth + flowDepth
        if depth > report.maxDepth {
            report.maxDepth = depth
            if depth > depthLimit { report.tooDeepAt = LineColumn(line: number, column: 1) }
        }
    }

    /// The index of the quote that closes the quoted scalar opening at `start`, on the same line.
    ///
    /// A quoted scalar left open at the end of the line is treated as plain text, so the scan
    /// never skips brackets on later lines because of a quote it may have misread.
    static func closingQuote(in line: [UInt8], from start: Int) -> Int? {
        let quote = line[start]
        var index = start + 1
        while index < line.count {
            let byte = line[index]
            if quote == UInt8(ascii: "\"") {
                if byte == UInt8(ascii: "\\") { index += 2; continue }
                if byte == quote { return index }
            } else if byte == quote {
                if index + 1 < line.count, line[index + 1] == quote { index += 2; continue }
                return index
            }
            index += 1
        }
        return nil
    }
}
