import Foundation

/// The words of a workshop plan played alone (`kashuv practice --plan`).
extension Labels {
    /// "Plan: TITLE — scenario 2 of 5: SCENARIO".
    public func planHeading(plan: String, number: Int, of count: Int, scenario: String) -> String {
        language == .hebrew
            ? "תוכנית: \(plan) — תרחיש \(number) מתוך \(count): \(scenario)"
            : "Plan: \(plan) — scenario \(number) of \(count): \(scenario)"
    }

    /// Said when a run of the plan continues.
    public func planContinuing(done: Int, of count: Int) -> String {
        language == .hebrew
            ? "ממשיכים את התוכנית מהמקום שבו עצרת (\(done) מתוך \(count) תרחישים הושלמו)."
            : "Continuing the plan where you stopped (\(done) of \(count) scenarios done)."
    }

    /// Said when the trainee stops before the plan's end; the command follows.
    public var planKept: String {
        language == .hebrew ? "המקום שלך בתוכנית נשמר. כדי להמשיך:" : "Your place in the plan is kept. To continue:"
    }

    /// The summary's title.
    public func planSummary(_ plan: String) -> String {
        language == .hebrew ? "סיכום התוכנית: \(plan)" : "Plan summary: \(plan)"
    }

    /// One finished scenario in the summary.
    public func planRow(number: Int, scenario: String, finished: PlanProgress.Finished) -> String {
        let levels = Dimension.allCases.map { dimension in
            "\(name(of: dimension)) " + (finished.averages[dimension].map { String(format: "%.1f", $0) } ?? notRated)
        }
        let overall = finished.overallScore.map { String(format: "%.2f", $0) }
        let mood = "\(finished.moodAtStart) → \(finished.moodAtEnd)"
        var parts = [name(of: finished.outcome)]
        parts.append(language == .hebrew ? "\(finished.turns) סבבים" : "\(finished.turns) turns")
        parts.append("\(self.mood) \(mood)")
        parts += levels
        if let overall { parts.append(language == .hebrew ? "ציון כולל \(overall)" : "overall \(overall)") }
        return "\(number). \(scenario): " + parts.joined(separator: " · ")
    }

    /// The averages over the whole plan.
    public func planAverages(_ averages: [Dimension: Double]) -> String {
        let levels = Dimension.allCases.map { dimension in
            "\(name(of: dimension)) " + (averages[dimension].map { String(format: "%.1f", $0) } ?? notRated)
        }
        return (language == .hebrew ? "ממוצע לאורך התוכנית (מתוך 2): " : "Average over the plan (of 2): ")
            + levels.joined(separator: " · ")
    }

    /// Said after the summary.
    public var planComplete: String {
        language == .hebrew
            ? "התוכנית הושלמה. הפעלה נוספת שלה מתחילה אותה מההתחלה."
            : "The plan is complete. Running it again starts it from the beginning."
    }
}
