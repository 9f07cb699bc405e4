import KashuvCore

/// One thing in the conversation pane, oldest first; newest is drawn at the bottom.
enum TranscriptEntry {
    /// The brief the trainee reads before the call, with what they may and may not offer.
    case brief(String, canOffer: [String], cannotOffer: [String])
    /// A customer line.
    case customer(String)
    /// The trainee's reply, with the scorer's evidence to highlight.
    case trainee(String, evidence: [Evidence])
    /// The score panel of a reply.
    case score(TurnOutcome)
    /// The call reached an ending.
    case ending(Ending, EndReason)
    /// A message from Kashuv (a warning, an error while saving).
    case notice(String)
    /// In a group session: a reply shown to everyone without its author's name, with its score.
    case spotlight(TurnOutcome, title: String)
}

/// Draws transcript entries as styled lines.
struct TranscriptRenderer {
    let labels: ScreenLabels
    let block: TextBlock
    let customerName: String

    /// The lines of an entry in a pane `width` wide (text indented by one column each side).
    func lines(_ entry: TranscriptEntry, width: Int) -> [StyledLine] {
        let inner = max(10, width - 2)
        switch entry {
        case .brief(let text, let canOffer, let cannotOffer):
            var styled = StyledText()
            styled.append(labels.brief + ": ", .heading)
            styled.append(DisplaySafeText.clean(text), .dim)
            var lines = styled.lines(block, width: inner, indent: 1)
            for (title, items) in [(labels.shared.canOffer, canOffer), (labels.shared.cannotOffer, cannotOffer)] where !items.isEmpty {
                var list = StyledText()
                list.append(title + ": ", .heading)
                list.append(items.map { DisplaySafeText.clean($0, keepingNewlines: false) }.joined(separator: " · "), .dim)
                lines += list.lines(block, width: inner, indent: 1)
            }
            return lines
        case .customer(let text):
            var styled = StyledText()
            styled.append(customerName + ": ", .customer)
            styled.append(DisplaySafeText.clean(text))
            return [.blank] + styled.lines(block, width: inner, indent: 1)
        case .trainee(let text, let evidence):
            var styled = StyledText()
            styled.append(labels.you + ": ", .trainee)
            let start = styled.text.unicodeScalars.count
            styled.append(DisplaySafeText.clean(text, keepingNewlines: false), .trainee)
            for item in evidence.sorted(by: { $0.effect == .plus && $1.effect == .minus }) {
                let range = (start + max(0, item.start))..<(start + max(item.start, item.end))
                styled.highlight(range, item.effect == .plus ? .plus : .minus)
            }
            return styled.lines(block, width: inner, indent: 1)
        case .score(let outcome):
            return scoreLines(outcome, width: inner)
        case .ending(let ending, let reason):
            var styled = StyledText()
            styled.append(labels.callEnded + ": " + labels.outcome(ending.outcome), .heading)
            let why = labels.endReason(reason)
            if !why.isEmpty { styled.append(" (" + why + ")", .heading) }
            return [.blank] + styled.lines(block, width: inner, indent: 1)
        case .notice(let text):
            return block.lines(DisplaySafeText.clean(text), width: inner, indent: 1, style: .minus)
        case .spotlight(let outcome, let title):
            var styled = StyledText()
            styled.append("» ", .heading)
            let start = styled.text.unicodeScalars.count
            styled.append(DisplaySafeText.clean(outcome.reply, keepingNewlines: false))
            for item in outcome.score.evidence.sorted(by: { $0.effect == .plus && $1.effect == .minus }) {
                let range = (start + max(0, item.start))..<(start + max(item.start, item.end))
                styled.highlight(range, item.effect == .plus ? .plus : .minus)
            }
            return [.blank] + block.lines(DisplaySafeText.clean(title, keepingNewlines: false), width: inner, indent: 1, style: .heading)
                + styled.lines(block, width: inner, indent: 1) + scoreLines(outcome, width: inner, showingTurn: false)
        }
    }

    /// The score panel: levels, mood change, flags, the words that earned or cost, one line of advice.
    func scoreLines(_ outcome: TurnOutcome, width: Int, showingTurn: Bool = true) -> [StyledLine] {
        let score = outcome.score
        // Indented from the side the reader starts on.
        let indent = labels.language.isRightToLeft && block.layout.mode == .app ? 1 : 3
        let inner = max(10, width - 2)
        var lines: [StyledLine] = []

        var header = StyledText()
        if showingTurn { header.append("\(labels.turn) \(outcome.number)", .heading) }
        for dimension in Dimension.allCases {
            if showingTurn || dimension != Dimension.allCases.first { header.append(" · ", .dim) }
            header.append(labels.dimension(dimension) + " ")
            if let level = score.level(dimension) {
                header.append("\(level)/2", level == 2 ? .plus : level == 0 ? .minus : .heading)
            } else {
                header.append(labels.notRated, .dim)
            }
        }
        header.append(" · ", .dim)
        header.append(labels.moodChange(from: outcome.moodBefore, to: outcome.moodAfter),
                      outcome.moodAfter > outcome.moodBefore ? .moodHot : outcome.moodAfter < outcome.moodBefore ? .moodCalm : .normal)
        lines += header.lines(block, width: inner, indent: indent)

        if !score.flags.isEmpty {
            var flags = StyledText()
            flags.append(labels.flags + ": ", .heading)
            flags.append(score.flags.map(labels.flag).joined(separator: ", "), .minus)
            lines += flags.lines(block, width: inner, indent: indent)
        }

        // Each dimension's and flag's best words, merged and quoted once (QuotedEvidence).
        let quotes = QuotedEvidence.select(from: score, reply: outcome.reply)
        for (effect, title, style) in [(Evidence.Effect.plus, labels.earned, Style.plus), (.minus, labels.cost, .minus)] {
            let items = quotes.filter { $0.effect == effect }
            guard !items.isEmpty else { continue }
            var styled = StyledText()
            styled.append(title + ": ", .heading)
            for (index, item) in items.enumerated() {
                if index > 0 { styled.append(" · ", .dim) }
                styled.append("\"" + DisplaySafeText.clean(item.text, keepingNewlines: false) + "\"", style)
                let names = item.flags.map(labels.flag) + item.dimensions.map(labels.dimension)
                if !names.isEmpty { styled.append(" (" + names.joined(separator: ", ") + ")", .dim) }
            }
            lines += styled.lines(block, width: inner, indent: indent)
        }

        if let advice = score.advice.first {
            var styled = StyledText()
            styled.append(labels.advice + ": ", .heading)
            styled.append(DisplaySafeText.clean(advice, keepingNewlines: false))
            lines += styled.lines(block, width: inner, indent: indent)
        }
        if let warning = outcome.warning {
            lines += block.lines(DisplaySafeText.clean(warning), width: inner, indent: indent, style: .minus)
        }
        return lines
    }
}
