import Yams

/// Reads one cue file into cues, collecting every problem as a ``Diagnostic`` (KS05xx).
///
/// The format (see `docs/scoring.md`):
///
/// ```yaml
/// language: he
/// cues:
///   apology:
///     - מצטער/ת
///     - phrase: אנו מתנצלים על אי הנוחות
///       weight: 2
/// ```
enum CueFile {
    struct Result {
        var cues: [Cue] = []
        var diagnostics: [Diagnostic] = []
    }

    static let maximumWords = 10
    static let weightRange: ClosedRange<Double> = 0.1...5

    static func parse(yaml: String, path: String) -> Result {
        var result = Result()
        func report(_ code: String, _ mark: Mark?, _ message: String, _ hint: String) {
            result.diagnostics.append(Diagnostic(path: path, line: mark?.line, column: mark?.column, code: code, message: message, hint: hint))
        }
        let root: Node?
        do {
            root = try Yams.compose(yaml: yaml, YAMLSource.resolver)  // no scalar-tag regular expressions
        } catch let error as YamlError {
            var mark: Mark?
            switch error {
            case .scanner(_, _, let m, _), .parser(_, _, let m, _), .composer(_, _, let m, _): mark = m
            default: break
            }
            report("KS0500", mark, "the cue file is not valid YAML: \(yamlProblem(error))",
                   "a Hebrew acronym with \" (ש\"ח) breaks a double-quoted phrase and ' (צ'ט) a single-quoted one: leave phrases unquoted")
            return result
        } catch {
            report("KS0500", nil, "the cue file could not be read: \(error)", "check the file is YAML text in UTF-8")
            return result
        }
        guard let root, case .mapping(let top) = root else {
            report("KS0501", root?.mark, "a cue file must be a mapping with `language:` and `cues:`", "start the file with `language: he` (or en) and a `cues:` mapping")
            return result
        }
        var language: Language?
        var cuesNode: Node?
        for (key, value) in top {
            switch key.string ?? "" {
            case "language":
                if let raw = value.string, let parsed = Language(rawValue: raw) {
                    language = parsed
                } else {
                    report("KS0502", value.mark, "unknown language `\(value.string ?? "?")`", "use `he` or `en`")
                }
            case "cues": cuesNode = value
            case "description", "notes", "author": break
            default:
                report("KS0509", key.mark, "unknown key `\(key.string ?? "?")` in a cue file", "a cue file has `language`, `cues` and optionally `description`")
            }
        }
        if language == nil && !result.diagnostics.contains(where: { $0.code == "KS0502" }) {
            report("KS0502", top.mark, "the cue file has no `language:`", "add `language: he` or `language: en` at the top")
        }
        guard let cuesNode else {
            report("KS0501", top.mark, "the cue file has no `cues:` mapping", "add `cues:` with one list of phrases per kind, for example `apology:`")
            return result
        }
        guard case .mapping(let kinds) = cuesNode else {
            report("KS0501", cuesNode.mark, "`cues:` must be a mapping from kind to a list of phrases", "write `cues:` then `  apology:` then `    - sorry`")
            return result
        }
        let lang = language ?? .hebrew
        for (key, value) in kinds {
            let name = key.string ?? ""
            guard let kind = CueKind(rawValue: name) else {
                let known = CueKind.allCases.map(\.rawValue).joined(separator: ", ")
                report("KS0503", key.mark, "unknown cue kind `\(name)`", "use one of: \(known)")
                continue
            }
            if case .scalar(let scalar) = value, scalar.string.isEmpty || scalar.string == "~" || scalar.string == "null" { continue }
            guard case .sequence(let items) = value else {
                report("KS0504", value.mark, "`\(name)` must be a list of phrases", "write each phrase on its own line starting with `- `")
                continue
            }
            var seen: [String: Int] = [:]
            for item in items {
                var phrase: String?
                var weight = 1.0
                switch item {
                case .scalar(let scalar):
                    phrase = scalar.string
                case .mapping(let entry):
                    for (field, fieldValue) in entry {
                        switch field.string ?? "" {
                        case "phrase": phrase = fieldValue.string
                        case "weight":
                            if let raw = fieldValue.string, let number = Double(raw), weightRange.contains(number) {
                                weight = number
                            } else {
                                report("KS0506", fieldValue.mark, "weight `\(fieldValue.string ?? "?")` is not a number from 0.1 to 5", "use a weight such as 1 (the default) or 2 for a strong cue")
                            }
                        case "note": break
                        default:
                            report("KS0509", field.mark, "unknown key `\(field.string ?? "?")` in a cue", "a cue is a phrase, or a mapping with `phrase`, `weight` and `note`")
                        }
                    }
                    if phrase == nil {
                        report("KS0504", item.mark, "a cue mapping needs a `phrase:`", "write `- phrase: …` with an optional `weight:`")
                        continue
                    }
                default:
                    report("KS0504", item.mark, "a cue must be a phrase or a mapping with `phrase:`", "write the phrase itself after `- `")
                    continue
                }
                guard let text = phrase?.trimmingWhitespace(), !text.isEmpty else {
                    report("KS0505", item.mark, "empty phrase under `\(name)`", "remove the line or write the phrase")
                    continue
                }
                let words = text.split(separator: " ").map(String.init)
                let letters = words.filter { $0 != "*" }
                if letters.isEmpty || !text.unicodeScalars.contains(where: { Tokenizer.isWordScalar(TextNormalizer.foldedFirst($0)) }) {
                    report("KS0505", item.mark, "phrase `\(text)` has no letters or digits", "a phrase needs at least one word")
                    continue
                }
                if words.first == "*" || words.last == "*" || zip(words, words.dropFirst()).contains(where: { $0 == "*" && $1 == "*" }) {
                    report("KS0508", item.mark, "`*` in `\(text)` must stand between two words", "write `I * sorry`, not `* sorry` or `I * * sorry`")
                    continue
                }
                if (kind == .negator || kind == .stopword) && words.count > 1 {
                    report("KS0510", item.mark, "`\(name)` takes single words, not `\(text)`", "list each word on its own line")
                    continue
                }
                if words.count > maximumWords {
                    report("KS0511", item.mark, "phrase `\(text)` has more than \(maximumWords) words", "cue phrases are short: keep the words that carry the meaning")
                    continue
                }
                let key = HebrewLetters.foldFinals(text.lowercased())
                if let line = seen[key] {
                    report("KS0507", item.mark, "phrase `\(text)` is listed twice under `\(name)` (first on line \(line))", "remove one of them")
                    continue
                }
                seen[key] = item.mark?.line ?? 0
                result.cues.append(Cue(phrase: text, kind: kind, language: lang, weight: weight,
                                       source: "\(path):\(item.mark?.line ?? 0)"))
            }
        }
        return result
    }

    static func yamlProblem(_ error: YamlError) -> String {
        switch error {
        case .scanner(_, let problem, _, _), .parser(_, let problem, _, _), .composer(_, let problem, _, _): problem
        default: "\(error)"
        }
    }
}

extension TextNormalizer {
    /// The first folded scalar of a typed scalar (or the scalar itself when folding drops it).
    static func foldedFirst(_ scalar: Unicode.Scalar) -> Unicode.Scalar {
        var first: Unicode.Scalar?
        fold(scalar) { if first == nil { first = $0 } }
        return first ?? scalar
    }
}

extension String {
    func trimmingWhitespace() -> String {
        let scalars = unicodeScalars
        guard let start = scalars.firstIndex(where: { !$0.properties.isWhitespace }),
              let end = scalars.lastIndex(where: { !$0.properties.isWhitespace }) else { return "" }
        return String(scalars[start...end])
    }
}
