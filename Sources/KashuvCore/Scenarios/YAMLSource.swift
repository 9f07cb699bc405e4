import Foundation
import Yams

/// Reads a facilitator's YAML file safely: whatever the bytes are, the answer is either
/// its text or one diagnostic naming the file, never a crash, a hang or a stack overflow.
///
/// Reading happens in two steps. ``read(path:limits:)`` checks the file system and the
/// bytes (missing, folder, not a regular file, too large, empty, binary, not UTF-8) and
/// pre-scans the text (nesting depth, aliases). ``compose(_:limits:)`` hands the text to
/// Yams and checks how far aliases expand; call it on a ``LargeStackThread``.
enum YAMLSource {
    /// The text of a file that passed the byte-level checks.
    struct Text: Sendable {
        /// The path as the user named it.
        var path: String
        /// The file's text, without a byte order mark.
        var text: String
    }

    /// Reads and pre-checks one file.
    static func read(path: String, limits: ValidationLimits) -> Result<Text, Diagnostic> {
        let fileManager = FileManager.default
        var isDirectory: ObjCBool = false
        guard fileManager.fileExists(atPath: path, isDirectory: &isDirectory) else {
            var info = stat()
            if stat(path, &info) != 0, errno == ELOOP {
                return .failure(Diagnostic(
                    .unreadable, path: path, "this is a symbolic link that loops: following it leads back to itself (ELOOP)",
                    hint: "point the link at a real file (`ls -l` shows where it goes), or replace it with the file itself"
                ))
            }
            let brokenLink = (try? fileManager.destinationOfSymbolicLink(atPath: path)) != nil
            return .failure(Diagnostic(
                .pathNotFound, path: path, brokenLink ? "this is a link to a file that does not exist" : "no such file or folder",
                hint: "check the spelling of the path; paths are relative to the folder you run kashuv in"
            ))
        }
        if isDirectory.boolValue {
            return .failure(Diagnostic(
                .directoryNotFile, path: path, "this is a folder, not a YAML file",
                hint: "name a .yaml file, or pass the folder itself to `kashuv validate` to check every file in it"
            ))
        }
        let resolved = URL(fileURLWithPath: path).resolvingSymlinksInPath().path
        guard let attributes = try? fileManager.attributesOfItem(atPath: resolved),
              attributes[.type] as? FileAttributeType == .typeRegular
        else {
            return .failure(Diagnostic(
                .unreadable, path: path, "this is not a regular file (a device, a pipe or a socket)",
                hint: "name a .yaml file saved on disk"
            ))
        }
        let size = (attributes[.size] as? NSNumber)?.intValue ?? 0
        if size > limits.maxFileSize {
            return .failure(tooLarge(path: path, size: size, limits: limits))
        }
        guard let handle = FileHandle(forReadingAtPath: resolved) else {
            return .failure(Diagnostic(
                .unreadable, path: path, "the file cannot be opened for reading",
                hint: "check the file's permissions (`ls -l`); kashuv needs to read it"
            ))
        }
        defer { try? handle.close() }
        let data: Data
        do {
            data = try handle.read(upToCount: limits.maxFileSize + 1) ?? Data()
        } catch {
            return .failure(Diagnostic(
                .unreadable, path: path, "reading the file failed: \(error.localizedDescription)",
                hint: "check that the file is not locked or on a disconnected drive"
            ))
        }
        if data.count > limits.maxFileSize {
            return .failure(tooLarge(path: path, size: data.count, limits: limits))
        }
        return decode(bytes: [UInt8](data), path: path, limits: limits)
    }

    /// Checks the bytes of a file and returns its text.
    static func decode(bytes: [UInt8], path: String, limits: ValidationLimits) -> Result<Text, Diagnostic> {
        var bytes = bytes[...]
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { bytes = bytes.dropFirst(3) }
        if bytes.starts(with: [0xFF, 0xFE]) || bytes.starts(with: [0xFE, 0xFF]) {
            return .failure(Diagnostic(
                .invalidUTF8, path: path, at: LineColumn(line: 1, column: 1), "the file is saved as UTF-16, not UTF-8",
                hint: "save the file as UTF-8 (in most editors: Save with Encoding → UTF-8)"
            ))
        }
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D }) {
            return .failure(emptyFile(path: path))
        }
        if let control = bytes.firstIndex(where: { $0 < 0x20 && $0 != 0x09 && $0 != 0x0A && $0 != 0x0D || $0 == 0x7F }) {
            let line = bytes[..<control].count(where: { $0 == 0x0A }) + 1
            let byte = String(format: "0x%02X", bytes[control])
            return .failure(Diagnostic(
                .binaryFile, path: path, at: LineColumn(line: line, column: 1),
                "the file holds the control byte \(byte): it looks like a binary file, not YAML text",
                hint: "scenarios and trainer files are plain UTF-8 text; save it from a text editor, not a word processor"
            ))
        }
        // Validating is fast; finding the line and column of a bad byte is done only when there is one.
        guard let text = String(validating: bytes, as: UTF8.self) else {
            return .failure(Diagnostic(
                .invalidUTF8, path: path, at: firstInvalidUTF8(bytes), "the file is not valid UTF-8",
                hint: "save the file as UTF-8 (Hebrew saved as Windows-1255 or ISO-8859-8 shows this error)"
            ))
        }
        let preflight = YAMLPreflight(depthLimit: limits.maxDepth).scan(text)
        if let deep = preflight.tooDeepAt {
            return .failure(Diagnostic(
                .nestingTooDeep, path: path, at: deep, "the YAML is nested more than \(limits.maxDepth) levels deep",
                hint: "Kashuv files need fewer than ten levels; look for runaway `[`, `{` or `- ` on this line"
            ))
        }
        if preflight.aliasCount > limits.maxAliases {
            return .failure(Diagnostic(
                .aliasExpansion, path: path, "the file uses \(preflight.aliasCount) aliases (`*name`); at most \(limits.maxAliases) are read",
                hint: "write the values out instead of repeating them through anchors and aliases"
            ))
        }
        if let aliasKey = preflight.aliasKeyAt {
            return .failure(Diagnostic(
                .aliasExpansion, path: path, at: aliasKey, "an alias or a complex `? ` key is used as a mapping key",
                hint: "keys in Kashuv files are plain words such as `says:` or `next:`; use aliases only as values, if at all"
            ))
        }
        return .success(Text(path: path, text: text))
    }

    /// How plain scalars get their tags: only `<<` (merge keys) is told apart, as Yams'
    /// own `YAMLDecoder` does. The checks read scalars as text and decode them by type, so
    /// the default resolver's regular expressions (tried on every scalar, most of the time
    /// of a validation) decided nothing.
    static let resolver = Resolver.basic.appending(.merge)

    /// Parses the text into a YAML node tree and checks how far its aliases expand.
    ///
    /// Recurses once per level of the tree: run it on a ``LargeStackThread``.
    static func compose(_ source: Text, limits: ValidationLimits) -> Result<Node, Diagnostic> {
        let root: Node?
        do {
            root = try Yams.compose(yaml: source.text, Self.resolver)
        } catch let error as YamlError {
            return .failure(syntaxDiagnostic(error, source: source))
        } catch {
            return .failure(Diagnostic(
                .yamlSyntax, path: source.path, "the YAML cannot be read: \(error)",
                hint: "check the file in an editor with YAML support"
            ))
        }
        guard let root else { return .failure(emptyFile(path: source.path)) }
        if expandedNodeCount(root, limit: limits.maxExpandedNodes) > limits.maxExpandedNodes {
            return .failure(Diagnostic(
                .aliasExpansion, path: source.path,
                "aliases expand this file to more than \(limits.maxExpandedNodes) values (an alias bomb?)",
                hint: "write the values out instead of nesting anchors (`&name`) and aliases (`*name`) inside each other"
            ))
        }
        return .success(root)
    }

    /// Counts the nodes of the tree as a reader sees it (each alias expanded), stopping
    /// just past `limit`. Iterative, so a deep tree cannot overflow the stack here.
    static func expandedNodeCount(_ root: Node, limit: Int) -> Int {
        var count = 0
        var pending = [root]
        while let node = pending.popLast() {
            count += 1
            if count > limit { return count }
            switch node {
            case .scalar, .alias: break
            case .sequence(let sequence): pending.append(contentsOf: sequence)
            case .mapping(let mapping):
                for (key, value) in mapping { pending.append(key); pending.append(value) }
            }
        }
        return count
    }

    /// Where a block-mapping key written first at `first` is written again in the same mapping:
    /// the next line at the same indentation starting with the key and a colon, before the
    /// mapping ends (a line indented less). `nil` when not found (a flow mapping, say).
    static func repeatLocation(of key: String, after first: LineColumn, in text: String) -> LineColumn? {
        let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
        let indent = first.column - 1
        guard first.line >= 1, first.line < lines.count else { return nil }
        for index in first.line..<lines.count {
            let line = lines[index]
            let leading = line.prefix(while: { $0 == " " }).count
            let rest = line.dropFirst(leading)
            if rest.allSatisfy({ $0 == " " || $0 == "\r" }) || rest.hasPrefix("#") { continue }
            if leading < indent { return nil }
            guard leading == indent else { continue }
            for written in [key, "\"\(key)\"", "'\(key)'"] where rest.hasPrefix(written) {
                if rest.dropFirst(written.count).drop(while: { $0 == " " }).hasPrefix(":") {
                    return LineColumn(line: index + 1, column: leading + 1)
                }
            }
        }
        return nil
    }

    /// The location of the first byte that is not valid UTF-8, if any.
    static func firstInvalidUTF8(_ bytes: ArraySlice<UInt8>) -> LineColumn? {
        var iterator = bytes.makeIterator()
        var decoder = UTF8()
        var line = 1, column = 1
        while true {
            switch decoder.decode(&iterator) {
            case .scalarValue(let scalar):
                if scalar == "\n" { line += 1; column = 1 } else { column += 1 }
            case .emptyInput: return nil
            case .error: return LineColumn(line: line, column: column)
            }
        }
    }

    private static func tooLarge(path: String, size: Int, limits: ValidationLimits) -> Diagnostic {
        Diagnostic(
            .fileTooLarge, path: path,
            "the file is \(size) bytes; files over \(limits.maxFileSize) bytes are not read",
            hint: "a scenario is a few kilobytes; split a huge file, or check that this is the file you meant"
        )
    }

    private static func emptyFile(path: String) -> Diagnostic {
        Diagnostic(
            .emptyFile, path: path, "the file is empty (or holds only comments)",
            hint: "write the scenario's keys (see docs/scenario-format.md for a full example), or delete the file"
        )
    }

    /// A syntax error from Yams as a diagnostic, with the Hebrew quote trap explained when it is the cause.
    static func syntaxDiagnostic(_ error: YamlError, source: Text) -> Diagnostic {
        let generalHint = "check this line and the one before it: a missing space after `:`, a tab used for indentation, "
            + "an unclosed quote or bracket. Hebrew text is safest unquoted or in a `|-` block"
        func diagnostic(_ problem: String, _ context: YamlError.Context?, _ mark: Mark) -> Diagnostic {
            let location = LineColumn(line: mark.line, column: mark.column)
            if problem.hasPrefix("Maximum nesting level") {
                // libyaml's own limit (1000 levels in Yams), met only when the pre-scan is lifted.
                return Diagnostic(
                    .nestingTooDeep, path: source.path, at: location, "the YAML is nested more deeply than libyaml reads",
                    hint: "Kashuv files need fewer than ten levels; look for runaway `[`, `{` or `- ` on this line"
                )
            }
            var message = "YAML syntax: \(problem)"
            if let context, !context.text.isEmpty { message += " (\(context.text) at line \(context.mark.line))" }
            if let trap = HebrewQuoteTrap.find(in: source.text, errorLine: mark.line) {
                return Diagnostic(.yamlSyntax, path: source.path, at: location, message, hint: HebrewQuoteTrap.hint(for: trap))
            }
            if let context, context.text.contains("quoted scalar") {
                // libyaml notices an unclosed quote only where the file ends: point at the quote that opened it.
                return Diagnostic(
                    .yamlSyntax, path: source.path, at: LineColumn(line: context.mark.line, column: context.mark.column),
                    "YAML syntax: the quote that opens this text is never closed (the file ends at line \(mark.line) still inside it)",
                    hint: "close the quote at the end of the text, or leave the text unquoted (or in a `|-` block)"
                )
            }
            return Diagnostic(.yamlSyntax, path: source.path, at: location, message, hint: generalHint)
        }
        switch error {
        case .scanner(let context, let problem, let mark, _),
             .parser(let context, let problem, let mark, _),
             .composer(let context, let problem, let mark, _):
            return diagnostic(problem, context, mark)
        case .duplicatedKeysInMapping(let duplicates, let context):
            let keys = duplicates.map { "`\($0)`" }.joined(separator: ", ")
            let first = LineColumn(line: context.mark.line, column: context.mark.column)
            // Yams points at the first occurrence; the mistake is usually the repeat.
            let repeated = duplicates.first.flatMap { repeatLocation(of: $0, after: first, in: source.text) }
            return Diagnostic(
                .duplicateKey, path: source.path, at: repeated ?? first,
                "the key \(keys) appears more than once in the same mapping"
                    + (repeated != nil ? " (first at line \(first.line))" : ""),
                hint: "keep one of them; YAML does not merge repeated keys"
            )
        case .reader(let problem, let offset, _, _):
            var location: LineColumn?
            if let offset {
                let prefix = source.text.prefix(offset)
                let line = prefix.count(where: { $0 == "\n" }) + 1
                let column = prefix.reversed().prefix(while: { $0 != "\n" }).count + 1
                location = LineColumn(line: line, column: column)
            }
            return Diagnostic(.yamlSyntax, path: source.path, at: location, "YAML syntax: \(problem)", hint: generalHint)
        default:
            return Diagnostic(.yamlSyntax, path: source.path, "the YAML cannot be read: \(error)", hint: generalHint)
        }
    }
}
