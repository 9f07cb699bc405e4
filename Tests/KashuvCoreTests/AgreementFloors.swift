import Testing
@testable import KashuvCore

/// The least agreement with a labelled set that the scorer may fall to: set a little below
/// what it reaches, so a later change cannot quietly make it worse.
struct AgreementFloors {
    /// Quadratic-weighted kappa per dimension, over the whole set.
    var kappa: [KashuvCore.Dimension: Double]
    /// Kappa on each dimension within one language.
    var languageKappa: Double
    /// Flag micro-F1 over the whole set.
    var microF1: Double
    /// Flag micro-F1 within one language.
    var languageMicroF1: Double
    /// F1 of every single flag, over the whole set.
    var perFlagF1: Double

    /// Scores every item and records an issue for each figure under its floor (all, he, en).
    func check(_ items: [LabelledReply], set name: String) {
        let all = Self.report(items)
        for dimension in KashuvCore.Dimension.allCases {
            #expect(all.dimensions[dimension]!.kappa >= kappa[dimension]!, "\(name), all: kappa \(dimension)")
        }
        #expect(all.microF1 >= microF1, "\(name), all: flag micro-F1")
        for flag in Flag.allCases {
            #expect(all.flags[flag]!.f1 >= perFlagF1, "\(name), all: F1 \(flag)")
        }
        for language in Language.allCases {
            let part = Self.report(items.filter { $0.lang == language })
            for dimension in KashuvCore.Dimension.allCases {
                #expect(part.dimensions[dimension]!.kappa >= languageKappa, "\(name), \(language): kappa \(dimension)")
            }
            #expect(part.microF1 >= languageMicroF1, "\(name), \(language): flag micro-F1")
        }
    }

    /// The scorer's levels and flags against the coaches' labels.
    static func report(_ items: [LabelledReply]) -> CalibrationReport {
        CalibrationReport(pairs: items.map { item in
            (Assessment(levels: item.labels, flags: Set(item.flags)),
             ScorerFixture.scorer.score(item.reply, context: item.context).assessment)
        })
    }
}
