import Foundation
import KashuvCore

/// How `kashuv score --reply` and `kashuv calibrate` show a result to people.
enum ScoreRendering {
    /// Whether standard output takes ANSI styling: a terminal, and `NO_COLOR` unset.
    static var stdoutIsStyled: Bool {
        isatty(1) == 1 && ProcessInfo.processInfo.environment["NO_COLOR"] == nil
    }

    /// The reply with evidence marked, then levels, flags, evidence and advice.
    ///
    /// Styled: words that earned a level are underlined, words that cost one or raised a
    /// flag are bold. Plain: the same spans in ⟦…⟧ (cost) and ⟨…⟩ (earned).
    static func human(reply: String, result: ScoreResult, styled: Bool) -> String {
        var out = ""
        out += "reply: " + highlighted(reply, evidence: result.evidence, styled: styled) + "\n"
        let dims = Dimension.allCases.map { dimension -> String in
            "\(dimension.rawValue) \(result.level(dimension).map(String.init) ?? "not rated")"
        }
        out += "levels: " + dims.joined(separator: "  ") + "\n"
        out += "flags: " + (result.flags.isEmpty ? "none" : result.flags.map(\.rawValue).joined(separator: ", ")) + "\n"
        out += "evidence:\n"
        for item in result.evidence where !item.text.isEmpty {
            let about = item.dimension?.rawValue ?? item.flag?.rawValue ?? ""
            let text = DisplaySafeText.clean(item.text, keepingNewlines: false)
            out += "  \(item.effect.rawValue) \(about) [\(item.rule)] \u{201C}\(text)\u{201D} @\(item.start)-\(item.end)\n"
        }
        if !result.advice.isEmpty {
            out += "advice:\n"
            for line in result.advice { out += "  - \(DisplaySafeText.clean(line, keepingNewlines: false))\n" }
        }
        return out
    }

    /// The reply with the evidence spans marked.
    static func highlighted(_ reply: String, evidence: [Evidence], styled: Bool) -> String {
        let scalars = Array(reply.unicodeScalars)
        var plus = [Bool](repeating: false, count: scalars.count)
        var minus = [Bool](repeating: false, count: scalars.count)
        for item in evidence where item.start < item.end {
            let lower = max(0, item.start), upper = min(scalars.count, item.end)
            guard lower < upper else { continue }
            for index in lower..<upper {
                if item.effect == .plus { plus[index] = true } else { minus[index] = true }
            }
        }
        var out = ""
        var state = 0  // 0 none, 1 plus, 2 minus
        func close() {
            switch state {
            case 1: out += styled ? "\u{1B}[24m" : "\u{27E9}"
            case 2: out += styled ? "\u{1B}[22m" : "\u{27E7}"
            default: break
            }
        }
        for (index, scalar) in scalars.enumerated() {
            let next = minus[index] ? 2 : (plus[index] ? 1 : 0)
            if next != state {
                close()
                switch next {
                case 1: out += styled ? "\u{1B}[4m" : "\u{27E8}"
                case 2: out += styled ? "\u{1B}[1m" : "\u{27E6}"
                default: break
                }
                state = next
            }
            // The one display-safety rule, scalar by scalar so the evidence offsets stay aligned.
            out += DisplaySafeText.clean(String(scalar))
        }
        close()
        return out
    }
}
