/// How a practice session coaches: the trainer profile it is measured against and the
/// trainee's own choices, which come first.
public struct Coaching: Sendable, Hashable {
    /// The trainer profile: feedback language, weights and pass thresholds; `nil` for none
    /// (no overall score, no pass or fail).
    public var profile: TrainerProfile?
    /// The feedback language the trainee chose (`--feedback`); `nil` leaves it to the profile,
    /// then to the scenario's language.
    public var feedbackLanguage: Language?
    /// How the trainee wants to be addressed: the customer's lines, the advice and the labels
    /// follow it.
    public var address: AddressForm

    /// Creates coaching settings; everything is optional.
    public init(profile: TrainerProfile? = nil, feedbackLanguage: Language? = nil, address: AddressForm = .unspecified) {
        self.profile = profile
        self.feedbackLanguage = feedbackLanguage
        self.address = address
    }
}
