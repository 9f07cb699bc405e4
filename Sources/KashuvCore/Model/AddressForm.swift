/// How the trainee wants to be addressed in Hebrew, where second-person words carry gender
/// and number: the customer's lines, the advice and the screen's labels follow it.
///
/// Chosen once per trainee (`kashuv practice --address`, or asked at the first practice)
/// and kept in the trainee's progress file (`"type": "trainee"`).
public enum AddressForm: String, Codable, Sendable, CaseIterable, Hashable {
    /// Feminine singular: את יכולה, תגידי.
    case feminine
    /// Masculine singular: אתה יכול, תגיד.
    case masculine
    /// Plural, also the gender-neutral choice: אתם יכולים, תגידו.
    case plural

    /// The form used when the trainee has not said: plural, which reads as neutral.
    public static let unspecified = AddressForm.plural

    /// One of three texts, by this form.
    public func pick<Text>(_ feminine: Text, _ masculine: Text, _ plural: Text) -> Text {
        switch self {
        case .feminine: feminine
        case .masculine: masculine
        case .plural: plural
        }
    }
}
