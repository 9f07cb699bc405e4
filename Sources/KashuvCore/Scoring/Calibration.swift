/// Agreement between the scorer and a coach's labels: kappa, exact agreement, confusion
/// matrices and per-flag precision, recall and F1.
public struct CalibrationReport: Sendable {
    /// Agreement on one dimension.
    public struct DimensionFigures: Sendable, Hashable {
        /// Quadratic-weighted Cohen's kappa (1 perfect, 0 chance).
        public var kappa: Double
        /// The share of replies where both gave the same level.
        public var exact: Double
        /// `confusion[coach][scorer]`: how many replies the coach rated `coach` and the scorer `scorer`.
        public var confusion: [[Int]]
    }

    /// Agreement on one flag.
    public struct FlagFigures: Sendable, Hashable {
        /// Raised by both.
        public var truePositives: Int
        /// Raised by the scorer only.
        public var falsePositives: Int
        /// Raised by the coach only.
        public var falseNegatives: Int
        /// TP / (TP + FP), 1 when the scorer never raised it.
        public var precision: Double {
            truePositives + falsePositives == 0 ? 1 : Double(truePositives) / Double(truePositives + falsePositives)
        }
        /// TP / (TP + FN), 1 when the coach never raised it.
        public var recall: Double {
            truePositives + falseNegatives == 0 ? 1 : Double(truePositives) / Double(truePositives + falseNegatives)
        }
        /// The harmonic mean of precision and recall (1 when neither raised it).
        public var f1: Double {
            let denominator = 2 * truePositives + falsePositives + falseNegatives
            return denominator == 0 ? 1 : Double(2 * truePositives) / Double(denominator)
        }
    }

    /// How many replies were compared.
    public var count: Int
    /// Figures per dimension.
    public var dimensions: [Dimension: DimensionFigures]
    /// Figures per flag.
    public var flags: [Flag: FlagFigures]
    /// Flag F1 micro-averaged over all flags.
    public var microF1: Double {
        let all = flags.values
        let tp = all.reduce(0) { $0 + $1.truePositives }
        let fp = all.reduce(0) { $0 + $1.falsePositives }
        let fn = all.reduce(0) { $0 + $1.falseNegatives }
        return 2 * tp + fp + fn == 0 ? 1 : Double(2 * tp) / Double(2 * tp + fp + fn)
    }

    /// Compares coach labels with scorer results, pair by pair.
    public init(pairs: [(coach: Assessment, scorer: Assessment)]) {
        count = pairs.count
        var dimensions: [Dimension: DimensionFigures] = [:]
        for dimension in Dimension.allCases {
            let levels = pairs.map { ($0.coach.levels[dimension], $0.scorer.levels[dimension]) }
            var confusion = [[Int]](repeating: [Int](repeating: 0, count: 3), count: 3)
            for (coach, scorer) in levels { confusion[coach][scorer] += 1 }
            let exact = levels.isEmpty ? 1 : Double(levels.filter { $0.0 == $0.1 }.count) / Double(levels.count)
            dimensions[dimension] = DimensionFigures(
                kappa: Calibration.quadraticWeightedKappa(confusion), exact: exact, confusion: confusion)
        }
        self.dimensions = dimensions
        var flags: [Flag: FlagFigures] = [:]
        for flag in Flag.allCases {
            var figures = FlagFigures(truePositives: 0, falsePositives: 0, falseNegatives: 0)
            for pair in pairs {
                switch (pair.coach.flags.contains(flag), pair.scorer.flags.contains(flag)) {
                case (true, true): figures.truePositives += 1
                case (false, true): figures.falsePositives += 1
                case (true, false): figures.falseNegatives += 1
                case (false, false): break
                }
            }
            flags[flag] = figures
        }
        self.flags = flags
    }
}

/// The agreement maths behind ``CalibrationReport``.
public enum Calibration {
    /// Quadratic-weighted Cohen's kappa of a square confusion matrix (`matrix[rater1][rater2]`).
    ///
    /// κ = 1 − Σ wᵢⱼ Oᵢⱼ / Σ wᵢⱼ Eᵢⱼ with wᵢⱼ = (i − j)² / (k − 1)² and E the product of the
    /// marginals. When both raters give one single level to everything the expected
    /// disagreement is 0: κ is then 1 if they agree everywhere and 0 otherwise.
    public static func quadraticWeightedKappa(_ matrix: [[Int]]) -> Double {
        let k = matrix.count
        guard k > 1 else { return 1 }
        let total = Double(matrix.reduce(0) { $0 + $1.reduce(0, +) })
        guard total > 0 else { return 1 }
        var rows = [Double](repeating: 0, count: k), columns = [Double](repeating: 0, count: k)
        for i in 0..<k {
            for j in 0..<k {
                rows[i] += Double(matrix[i][j])
                columns[j] += Double(matrix[i][j])
            }
        }
        var observed = 0.0, expected = 0.0
        for i in 0..<k {
            for j in 0..<k {
                let weight = Double((i - j) * (i - j)) / Double((k - 1) * (k - 1))
                observed += weight * Double(matrix[i][j])
                expected += weight * rows[i] * columns[j] / total
            }
        }
        if expected == 0 { return observed == 0 ? 1 : 0 }
        return 1 - observed / expected
    }
}
