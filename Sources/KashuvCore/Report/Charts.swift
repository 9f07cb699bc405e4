import Foundation

/// The HTML report's charts as inline SVG: a heat map of the team, a bar chart of flags,
/// and a trend chart per trainee. Text in them is escaped like the rest of the page; in a
/// right-to-left report the labels sit on the right and the bars grow leftwards.
enum Charts {
    /// The colour of each dimension's line (listening, ownership, framing): distinct in
    /// colour and in dash pattern, so the chart also reads printed in grey.
    static func colour(_ dimension: Dimension) -> (String, String) {
        switch dimension {
        case .listening: ("#1f5fbf", "")
        case .ownership: ("#c0641a", "6 3")
        case .framing: ("#6b3fa0", "2 3")
        }
    }

    private static func number(_ value: Double) -> String { String(format: "%.1f", value) }

    /// A cell colour for a level against its threshold: red below, green at or above.
    static func heat(_ mean: Double?, threshold: Double) -> (fill: String, ink: String) {
        guard let mean else { return ("#eceff3", "#5b6474") }
        if mean + 1e-9 >= threshold {
            let strength = min(1, (mean - threshold) / max(0.01, 2 - threshold))
            let light = Int(88 - strength * 30)
            return ("hsl(145,45%,\(light)%)", light < 66 ? "#ffffff" : "#10301f")
        }
        let strength = min(1, (threshold - mean) / max(0.01, threshold))
        let light = Int(90 - strength * 40)
        return ("hsl(4,70%,\(light)%)", light < 62 ? "#ffffff" : "#4a0f0b")
    }

    /// Trainees down, dimensions across, the average level in each cell.
    static func heatMap(_ report: Report, words: ReportLabels) -> String {
        let rtl = report.language.isRightToLeft
        let nameWidth = 128.0, cell = 84.0, rowHeight = 30.0, top = 34.0
        let width = nameWidth + cell * 3
        let height = top + rowHeight * Double(report.trainees.count) + 4
        func x(_ left: Double, _ w: Double) -> Double { rtl ? width - left - w : left }
        var svg = "<svg class=\"heat\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" role=\"img\" aria-label=\"\(ReportHTML.escape(words.heatMap))\">"
        for (column, dimension) in Dimension.allCases.enumerated() {
            let cx = x(nameWidth + cell * Double(column), cell) + cell / 2
            svg += "<text x=\"\(number(cx))\" y=\"14\" text-anchor=\"middle\" font-size=\"12\" font-weight=\"600\">\(ReportHTML.escape(words.name(of: dimension)))</text>"
            svg += "<text x=\"\(number(cx))\" y=\"28\" text-anchor=\"middle\" font-size=\"10\" fill=\"#5b6474\">\(ReportHTML.escape(words.threshold)) \(number(report.threshold(dimension)))</text>"
        }
        for (row, trainee) in report.trainees.enumerated() {
            let y = top + rowHeight * Double(row)
            let nameX = rtl ? width - 6 : 6
            svg += "<text x=\"\(number(nameX))\" y=\"\(number(y + 19))\" text-anchor=\"start\" font-size=\"13\" direction=\"\(rtl ? "rtl" : "ltr")\">\(ReportHTML.escape(clip(trainee.trainee, 16)))</text>"
            for (column, dimension) in Dimension.allCases.enumerated() {
                let level = trainee.level(dimension)
                let (fill, ink) = heat(level.mean, threshold: level.threshold)
                let left = x(nameWidth + cell * Double(column), cell)
                svg += "<rect x=\"\(number(left + 2))\" y=\"\(number(y + 2))\" width=\"\(number(cell - 4))\" height=\"\(number(rowHeight - 4))\" rx=\"3\" fill=\"\(fill)\"/>"
                svg += "<text x=\"\(number(left + cell / 2))\" y=\"\(number(y + 20))\" text-anchor=\"middle\" font-size=\"13\" fill=\"\(ink)\">\(ReportHTML.formatted(level.mean))\(level.isGettingWorse ? " ↓" : "")</text>"
            }
        }
        return svg + "</svg>\n"
    }

    /// One horizontal bar per flag raised, longest first.
    static func flagBars(_ flags: [Flag: Int], words: ReportLabels) -> String {
        let rtl = words.language.isRightToLeft
        let sorted = flags.sorted { ($1.value, $0.key) < ($0.value, $1.key) }
        let labelWidth = 150.0, barSpace = 190.0, rowHeight = 26.0
        let width = labelWidth + barSpace + 36
        let height = rowHeight * Double(sorted.count) + 6
        let largest = Double(sorted.first?.value ?? 1)
        var svg = "<svg class=\"bars\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" role=\"img\" aria-label=\"\(ReportHTML.escape(words.flagChart))\">"
        for (row, (flag, count)) in sorted.enumerated() {
            let y = Double(row) * rowHeight + 4
            let length = max(2, barSpace * Double(count) / largest)
            let barLeft = rtl ? width - labelWidth - length : labelWidth
            let labelX = rtl ? width - 4 : 4
            let countX = rtl ? barLeft - 6 : barLeft + length + 6
            svg += "<text x=\"\(number(labelX))\" y=\"\(number(y + 15))\" font-size=\"13\" text-anchor=\"start\" direction=\"\(rtl ? "rtl" : "ltr")\">\(ReportHTML.escape(words.name(of: flag)))</text>"
            svg += "<rect x=\"\(number(barLeft))\" y=\"\(number(y + 3))\" width=\"\(number(length))\" height=\"\(number(rowHeight - 10))\" rx=\"2\" fill=\"#b3261e\"/>"
            svg += "<text x=\"\(number(countX))\" y=\"\(number(y + 15))\" font-size=\"12\" text-anchor=\"\(rtl ? "end" : "start")\" direction=\"ltr\">\(count)</text>"
        }
        return svg + "</svg>\n"
    }

    /// A trainee's average level per attempt, one line per dimension, with each dimension's
    /// pass threshold dashed; oldest attempt on the left.
    static func trend(_ trainee: TraineeReport, report: Report, words: ReportLabels) -> String {
        let width = 400.0, height = 160.0, left = 30.0, right = 10.0, top = 10.0, bottom = 24.0
        let count = trainee.levels.map(\.trend.count).max() ?? 0
        let plotWidth = width - left - right, plotHeight = height - top - bottom
        func x(_ index: Int) -> Double { count <= 1 ? left + plotWidth / 2 : left + plotWidth * Double(index) / Double(count - 1) }
        func y(_ level: Double) -> Double { top + plotHeight * (1 - level / 2) }
        var svg = "<svg class=\"trend\" viewBox=\"0 0 \(number(width)) \(number(height))\" width=\"\(number(width))\" role=\"img\" aria-label=\"\(ReportHTML.escape(words.trendChart))\" direction=\"ltr\">"
        for level in [0.0, 1.0, 2.0] {
            svg += "<line x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(number(y(level)))\" y2=\"\(number(y(level)))\" stroke=\"#d8dde6\"/>"
            svg += "<text x=\"\(number(left - 6))\" y=\"\(number(y(level) + 4))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6474\">\(Int(level))</text>"
        }
        for dimension in Dimension.allCases {
            let (colour, dash) = colour(dimension)
            let threshold = report.threshold(dimension)
            svg += "<line x1=\"\(number(left))\" x2=\"\(number(width - right))\" y1=\"\(number(y(threshold)))\" y2=\"\(number(y(threshold)))\" stroke=\"\(colour)\" stroke-opacity=\".35\" stroke-dasharray=\"2 4\"/>"
            let points = trainee.level(dimension).trend.enumerated().compactMap { index, value in
                value.map { "\(number(x(index))),\(number(y($0)))" }
            }
            guard !points.isEmpty else { continue }
            if points.count > 1 {
                svg += "<polyline points=\"\(points.joined(separator: " "))\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2.2\"\(dash.isEmpty ? "" : " stroke-dasharray=\"\(dash)\"")/>"
            }
            for point in points {
                let xy = point.split(separator: ",")
                svg += "<circle cx=\"\(xy[0])\" cy=\"\(xy[1])\" r=\"2.6\" fill=\"\(colour)\"/>"
            }
        }
        svg += "<text x=\"\(number(left))\" y=\"\(number(height - 6))\" font-size=\"11\" fill=\"#5b6474\">1</text>"
        if count > 1 {
            svg += "<text x=\"\(number(width - right))\" y=\"\(number(height - 6))\" font-size=\"11\" text-anchor=\"end\" fill=\"#5b6474\">\(count)</text>"
        }
        svg += "</svg>\n<p class=\"legend\">"
        for dimension in Dimension.allCases {
            svg += "<span><i style=\"background:\(colour(dimension).0)\"></i>\(ReportHTML.escape(words.name(of: dimension)))</span>"
        }
        return svg + "</p>\n"
    }

    /// A small line of a dimension's trend, for a table cell.
    static func sparkline(_ values: [Double?]) -> String {
        let points = values.enumerated().compactMap { index, value in value.map { (index, $0) } }
        guard !points.isEmpty else { return "" }
        let width = 100.0, height = 20.0
        let count = max(values.count - 1, 1)
        let coordinates = points.map { index, value in
            "\(number(2 + (width - 4) * Double(index) / Double(count))),\(number(2 + (height - 4) * (1 - value / 2)))"
        }
        let shape = coordinates.count == 1
            ? "<circle cx=\"\(coordinates[0].split(separator: ",")[0])\" cy=\"\(coordinates[0].split(separator: ",")[1])\" r=\"2\" fill=\"#1d2330\"/>"
            : "<polyline points=\"\(coordinates.joined(separator: " "))\" fill=\"none\" stroke=\"#1d2330\" stroke-width=\"1.5\"/>"
        return "<svg class=\"spark\" viewBox=\"0 0 \(number(width)) \(number(height))\" aria-hidden=\"true\">\(shape)</svg>"
    }

    private static func clip(_ text: String, _ length: Int) -> String {
        text.count <= length ? text : String(text.prefix(length - 1)) + "…"
    }
}
