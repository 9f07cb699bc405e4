import Foundation

/// The report as one self-contained HTML page: no script, no network, no external font;
/// charts are inline SVG (a team heat map, a flag bar chart, a trend chart per trainee).
/// Hebrew reports are `dir="rtl"`; every piece of text from the progress files is
/// HTML-escaped and set in `<bdi>` or `dir="auto"` so mixed Hebrew and English reads
/// correctly. It prints (one trainee per page where it fits) and reads on a phone.
public enum ReportHTML {
    /// The whole page.
    public static func render(_ report: Report) -> String {
        let words = ReportLabels(report.language)
        let rtl = report.language.isRightToLeft
        var page = """
            <!doctype html>
            <html lang="\(report.language.rawValue)" dir="\(rtl ? "rtl" : "ltr")">
            <head>
            <meta charset="utf-8">
            <meta name="viewport" content="width=device-width, initial-scale=1">
            <title>\(escape(words.title))</title>
            <style>\(style)</style>
            </head>
            <body>
            <header><h1>\(escape(words.title))</h1>
            """
        page += "<p class=\"meta\">\(escape(words.generatedFrom))"
        if let first = report.trainees.map(\.firstPractised).filter({ $0 > 0 }).min(),
           let last = report.trainees.map(\.lastPractised).max() {
            page += " · <span class=\"dates\" dir=\"ltr\">\(ReportTime.day(first)) – \(ReportTime.day(last))</span>"
        }
        page += "</p>"
        if !report.filters.isEmpty { page += "<p class=\"meta\">\(escape(words.filters)): \(filterText(report.filters, words))</p>" }
        page += "</header>\n<main>\n"
        if report.trainees.isEmpty {
            page += "<p>\(escape(words.noRecords))</p>\n"
        } else {
            page += team(report, words)
            for trainee in report.trainees { page += self.trainee(trainee, report: report, words: words) }
        }
        if !report.skipped.isEmpty {
            page += "<section class=\"skipped\"><h2>\(escape(words.skipped))</h2><ul dir=\"ltr\">"
            for issue in report.skipped.prefix(200) { page += "<li>\(escape(issue.description))</li>" }
            page += "</ul></section>\n"
        }
        page += "</main>\n</body>\n</html>\n"
        return page
    }

    /// Text made safe for HTML content and attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            default:
                // Control characters other than line breaks and tabs have no place on the page.
                if scalar.value < 0x20 && scalar != "\n" && scalar != "\t" || scalar.value == 0x7F { out += "\u{FFFD}" } else {
                    out.unicodeScalars.append(scalar)
                }
            }
        }
        return out
    }

    private static func filterText(_ filter: ReportFilter, _ words: ReportLabels) -> String {
        var parts: [String] = []
        if !filter.trainees.isEmpty { parts.append(filter.trainees.map { "<bdi>\(escape($0))</bdi>" }.joined(separator: ", ")) }
        if !filter.scenarios.isEmpty { parts.append(filter.scenarios.map { "<bdi>\(escape($0))</bdi>" }.joined(separator: ", ")) }
        if !filter.categories.isEmpty { parts.append(filter.categories.map { "<bdi>\($0.rawValue)</bdi>" }.joined(separator: ", ")) }
        if let since = filter.since { parts.append("\(escape(words.since)) <bdi>\(escape(since))</bdi>") }
        if let until = filter.until { parts.append("\(escape(words.until)) <bdi>\(escape(until))</bdi>") }
        return parts.joined(separator: " · ")
    }

    static func formatted(_ value: Double?) -> String {
        value.map { String(format: "%.2f", $0) } ?? "–"
    }

    static func signed(_ value: Double?) -> String {
        guard let value else { return "" }
        return (value >= 0 ? "+" : "−") + String(format: "%.2f", abs(value))
    }

    // MARK: Team

    private static func team(_ report: Report, _ words: ReportLabels) -> String {
        let team = report.team
        var html = "<section class=\"team\"><h2>\(escape(words.team))</h2>\n"
        html += "<p class=\"figures\"><b>\(team.trainees)</b> \(escape(words.trainees)) · <b>\(team.attempts)</b> \(escape(words.attempts)) · <b>\(team.turns)</b> \(escape(words.turns))</p>\n"
        html += outcomes(team.outcomes, words)
        html += "<h3>\(escape(words.heatMap))</h3>\n" + Charts.heatMap(report, words: words)
        html += "<h3>\(escape(words.needsAttention))</h3>\n"
        let attention = report.trainees.filter { !$0.attention.isEmpty }
        if attention.isEmpty {
            html += "<p>\(escape(words.nobodyNeedsAttention))</p>\n"
        } else {
            html += "<ul class=\"attention\">"
            for trainee in attention {
                html += "<li><a href=\"#\(anchor(trainee.trainee))\"><bdi>\(escape(trainee.trainee))</bdi></a>: "
                    + trainee.attention.map { escape(words.reason($0)) }.joined(separator: "; ") + "</li>"
            }
            html += "</ul>\n"
        }
        if !team.flags.isEmpty { html += "<h3>\(escape(words.flagChart))</h3>\n" + Charts.flagBars(team.flags, words: words) }
        html += "<h3>\(escape(words.hardestScenarios))</h3>\n<div class=\"scroll\"><table><thead><tr><th>\(escape(words.scenario))</th><th>\(escape(words.mean))</th><th>\(escape(words.resolvedShare))</th><th>\(escape(words.attempts))</th><th>\(escape(words.trainees))</th></tr></thead><tbody>"
        for scenario in team.scenarios {
            html += "<tr><td><bdi>\(escape(scenario.title ?? scenario.scenarioID))</bdi><br><code dir=\"ltr\">\(escape(scenario.scenarioID))</code></td>"
                + "<td class=\"n\">\(formatted(scenario.meanLevel))</td><td class=\"n\">\(scenario.resolvedShare.map { "\(Int(($0 * 100).rounded()))%" } ?? "–")</td>"
                + "<td class=\"n\">\(scenario.attempts)</td><td class=\"n\">\(scenario.trainees)</td></tr>"
        }
        html += "</tbody></table></div>\n"
        if !team.flaggedLines.isEmpty {
            html += "<h3>\(escape(words.flaggedLines))</h3>\n<div class=\"scroll\"><table><thead><tr><th>\(escape(words.customerSaid))</th><th>\(escape(words.flags))</th><th>\(escape(words.turns))</th><th>\(escape(words.mostFrequentTrap))</th></tr></thead><tbody>"
            for line in team.flaggedLines {
                html += "<tr><td><div dir=\"auto\">\(escape(line.customerLine))</div><code dir=\"ltr\">\(escape(line.scenarioID)) · \(escape(line.lineID))</code></td>"
                    + "<td class=\"n\">\(line.flags)</td><td class=\"n\">\(line.turns)</td><td>\(line.topFlag.map { escape(words.name(of: $0)) } ?? "")</td></tr>"
            }
            html += "</tbody></table></div>\n"
        }
        return html + "</section>\n"
    }

    private static func outcomes(_ counts: OutcomeCounts, _ words: ReportLabels) -> String {
        var parts = AttemptOutcome.allCases.map { "\(escape(words.short($0))) <b>\(counts[$0])</b>" }
        parts.append("\(escape(words.unfinished)) <b>\(counts.unfinished)</b>")
        return "<p class=\"outcomes\">\(escape(words.outcomes)): " + parts.joined(separator: " · ") + "</p>\n"
    }

    /// A stable id for a trainee's section.
    static func anchor(_ name: String) -> String {
        "t-" + TraineeName.hexHash(name.lowercased())
    }

    // MARK: Trainee

    private static func trainee(_ trainee: TraineeReport, report: Report, words: ReportLabels) -> String {
        var html = "<section class=\"trainee\" id=\"\(anchor(trainee.trainee))\"><h2><bdi>\(escape(trainee.trainee))</bdi></h2>\n"
        html += "<p class=\"figures\"><b>\(trainee.attempts)</b> \(escape(words.attempts)) · <b>\(trainee.turns)</b> \(escape(words.turns)) · \(escape(words.practised)) <span class=\"dates\" dir=\"ltr\">\(ReportTime.day(trainee.firstPractised)) – \(ReportTime.day(trainee.lastPractised))</span></p>\n"
        html += outcomes(trainee.outcomes, words)
        html += "<div class=\"scroll\"><table class=\"levels\"><thead><tr><th>\(escape(words.dimension))</th><th>\(escape(words.mean))</th><th>\(escape(words.threshold))</th><th>\(escape(words.change))</th><th>\(escape(words.trend))</th></tr></thead><tbody>"
        for level in trainee.levels {
            let state = level.passes == nil ? "" : level.passes! ? " class=\"pass\"" : " class=\"fail\""
            html += "<tr><th scope=\"row\">\(escape(words.name(of: level.dimension)))</th><td class=\"n\"\(state)>\(formatted(level.mean))\(level.passes == false ? " ▼" : "")</td>"
                + "<td class=\"n\">\(String(format: "%.1f", level.threshold))</td><td class=\"n\(level.isGettingWorse ? " fail" : "")\" dir=\"ltr\">\(signed(level.change))</td>"
                + "<td>\(Charts.sparkline(level.trend))</td></tr>"
        }
        html += "</tbody></table></div>\n"
        html += "<h3>\(escape(words.trendChart))</h3>\n" + Charts.trend(trainee, report: report, words: words)
        html += "<p><b>\(escape(words.flags)):</b> "
        html += trainee.flags.isEmpty ? escape(words.none)
            : Flag.allCases.compactMap { flag in trainee.flags[flag].map { "\(escape(words.name(of: flag))) ×\($0)" } }.joined(separator: " · ")
        if let trap = trainee.mostFrequentTrap { html += " — \(escape(words.mostFrequentTrap)): <b>\(escape(words.name(of: trap)))</b>" }
        html += "</p>\n"
        if let next = trainee.practiseNext {
            html += "<div class=\"next\"><h3>\(escape(words.practiseNext)): \(escape(words.name(of: next.dimension)))</h3>"
                + "<p>\(escape(words.mean)) \(formatted(next.mean)) / \(escape(words.threshold)) \(String(format: "%.1f", next.threshold))</p>"
                + "<p>\(escape(next.advice))</p>"
            if let id = next.scenarioID {
                html += "<p>\(escape(words.tryScenario)): <bdi>\(escape(next.scenarioTitle ?? id))</bdi> <code dir=\"ltr\">kashuv practice \(escape(id))</code></p>"
            }
            html += "</div>\n"
        }
        if !trainee.scenarios.isEmpty {
            html += "<h3>\(escape(words.scenarios))</h3>\n<div class=\"scroll\"><table><thead><tr><th>\(escape(words.scenario))</th><th>\(escape(words.attempts))</th><th>\(escape(words.first))</th><th>\(escape(words.latest))</th><th>\(escape(words.best))</th></tr></thead><tbody>"
            for scenario in trainee.scenarios {
                html += "<tr><td><code dir=\"ltr\">\(escape(scenario.scenarioID))</code></td><td class=\"n\">\(scenario.attempts)</td>"
                    + [scenario.first, scenario.latest, scenario.best].map { attempt in
                        "<td class=\"n\">\(formatted(attempt.overall))<br><small>\(escape(attempt.outcome.map(words.short) ?? words.unfinished))</small></td>"
                    }.joined() + "</tr>"
            }
            html += "</tbody></table></div>\n"
        }
        if let best = trainee.bestReply { html += quote(best, heading: words.bestReply, kind: "best", words: words) }
        if let discuss = trainee.replyToDiscuss { html += quote(discuss, heading: words.replyToDiscuss, kind: "discuss", words: words) }
        return html + "</section>\n"
    }

    private static func quote(_ quote: QuotedReply, heading: String, kind: String, words: ReportLabels) -> String {
        let direction = quote.language.isRightToLeft ? "rtl" : "ltr"
        var html = "<figure class=\"quote \(kind)\"><figcaption>\(escape(heading)) <code dir=\"ltr\">\(escape(quote.scenarioID))</code></figcaption>"
        html += "<p class=\"customer\" dir=\"\(direction)\" lang=\"\(quote.language.rawValue)\">\(escape(quote.customerLine))</p>"
        html += "<blockquote dir=\"\(direction)\" lang=\"\(quote.language.rawValue)\">\(escape(quote.reply))</blockquote>"
        let levels = Dimension.allCases.compactMap { dimension in
            quote.levels[dimension].map { "\(escape(words.name(of: dimension))) \($0)/2" }
        }
        var facts = levels.joined(separator: " · ")
        if !quote.flags.isEmpty { facts += " · \(escape(words.flags)): " + quote.flags.map { escape(words.name(of: $0)) }.joined(separator: ", ") }
        html += "<p class=\"facts\">\(facts)</p>"
        let earned = quote.evidence.filter { $0.effect == .plus }.map(\.text)
        let cost = quote.evidence.filter { $0.effect == .minus }.map(\.text)
        if !earned.isEmpty {
            html += "<p>\(escape(words.earned)): " + earned.map { "<bdi class=\"words\" lang=\"\(quote.language.rawValue)\">“\(escape($0))”</bdi>" }.joined(separator: " ") + "</p>"
        }
        if !cost.isEmpty {
            html += "<p>\(escape(words.cost)): " + cost.map { "<bdi class=\"words\" lang=\"\(quote.language.rawValue)\">“\(escape($0))”</bdi>" }.joined(separator: " ") + "</p>"
        }
        if let advice = quote.advice {
            html += "<p class=\"advice\">\(escape(words.advice)): <span dir=\"\(direction)\" lang=\"\(quote.language.rawValue)\">\(escape(advice))</span></p>"
        }
        return html + "</figure>\n"
    }

    private static let style = """
        :root{--ink:#1d2330;--muted:#5b6474;--line:#d8dde6;--pass:#1f7a4a;--fail:#b3261e;--bg:#fff;--soft:#f4f6fa}
        *{box-sizing:border-box}
        body{margin:0;font:16px/1.5 system-ui,"Noto Sans Hebrew","Noto Sans","DejaVu Sans",Arial,sans-serif;color:var(--ink);background:var(--bg)}
        header,main{max-width:64rem;margin:0 auto;padding:0 1rem}
        header{padding-top:1rem;border-bottom:2px solid var(--line)}
        h1{font-size:1.6rem;margin:.3rem 0}h2{font-size:1.35rem;margin:1.2rem 0 .4rem}h3{font-size:1.05rem;margin:1rem 0 .3rem}
        .meta,.outcomes,small,figcaption,.facts{color:var(--muted)}
        section{padding:.5rem 0 1rem;border-bottom:1px solid var(--line)}
        .scroll{overflow-x:auto;-webkit-overflow-scrolling:touch}
        table{border-collapse:collapse;width:100%;font-size:.95rem}
        th,td{padding:.3rem .5rem;border-bottom:1px solid var(--line);text-align:start;vertical-align:top}
        thead th{background:var(--soft);font-weight:600}
        td.n{text-align:end;font-variant-numeric:tabular-nums;white-space:nowrap}
        .pass{color:var(--pass)}.fail{color:var(--fail);font-weight:600}
        code{font-size:.85em;color:var(--muted);word-break:break-all}
        svg{display:block;max-width:100%;height:auto}
        svg.heat,svg.bars{width:100%;max-width:34rem}svg.trend{width:100%;max-width:38rem}
        svg text{font-family:inherit}
        .spark{width:7rem;height:1.4rem}
        .next{background:#eef6f0;border-inline-start:4px solid var(--pass);padding:.3rem .8rem;margin:.8rem 0}
        .next p{margin:.3rem 0}
        figure.quote{margin:.8rem 0;padding:.4rem .8rem;background:var(--soft);border-inline-start:4px solid var(--line)}
        figure.best{border-color:var(--pass)}figure.discuss{border-color:var(--fail)}
        blockquote{margin:.3rem 0;font-size:1.05rem;white-space:pre-wrap;overflow-wrap:anywhere}
        .customer{margin:.2rem 0;color:var(--muted);font-style:italic;overflow-wrap:anywhere}
        .words{font-weight:600;margin-inline-end:.4rem}
        .dates{white-space:nowrap;unicode-bidi:isolate}
        .legend span{display:inline-block;margin-inline-end:1rem}
        .legend i{display:inline-block;width:1.2rem;height:.25rem;vertical-align:middle;margin-inline-end:.3rem}
        .skipped li{font-family:monospace;font-size:.85rem;overflow-wrap:anywhere}
        @media (max-width:40rem){body{font-size:15px}th,td{padding:.25rem .3rem}h1{font-size:1.3rem}}
        @media print{body{font-size:11pt}header,main{max-width:none}.scroll{overflow:visible}
        section.trainee{break-before:page}section,figure,table,svg{break-inside:avoid}
        *{-webkit-print-color-adjust:exact;print-color-adjust:exact}a{color:inherit;text-decoration:none}}
        """
}
