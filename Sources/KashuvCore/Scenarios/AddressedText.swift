/// A line of a scenario that may say different words to each ``AddressForm``.
///
/// In YAML it is either one text, the same for every trainee:
///
/// ```yaml
/// says: שלושה ימים אני מנסה לקבוע תור לרופא עיניים.
/// ```
///
/// or a mapping with the three forms, when the line speaks to the trainee:
///
/// ```yaml
/// says:
///   feminine: את יכולה לקבוע לי את התור?
///   masculine: אתה יכול לקבוע לי את התור?
///   plural: אתם יכולים לקבוע לי את התור?
/// ```
///
/// `kashuv validate` requires all three forms in a mapping, and a mapping for a Hebrew line
/// that addresses the trainee (KS0045).
public struct AddressedText: Codable, Sendable, Hashable, ExpressibleByStringLiteral {
    /// The text for each form; all three are present.
    private var forms: [AddressForm: String]
    /// Whether the file gave a text per form (a mapping) rather than one text.
    public let isPerForm: Bool

    /// One text for every form.
    public init(_ text: String) {
        forms = Dictionary(uniqueKeysWithValues: AddressForm.allCases.map { ($0, text) })
        isPerForm = false
    }

    /// A text per form.
    public init(feminine: String, masculine: String, plural: String) {
        forms = [.feminine: feminine, .masculine: masculine, .plural: plural]
        isPerForm = true
    }

    public init(stringLiteral value: String) { self.init(value) }

    /// The text for a form.
    public func callAsFunction(_ form: AddressForm) -> String { forms[form] ?? "" }

    /// The same line with every form's text transformed (for example reflowed).
    public func map(_ transform: (String) -> String) -> AddressedText {
        var result = self
        for (form, text) in forms { result.forms[form] = transform(text) }
        return result
    }

    /// Every distinct text, in ``AddressForm`` order (one when the line is the same for all).
    public var texts: [String] {
        var seen: Set<String> = []
        return AddressForm.allCases.compactMap { forms[$0] }.filter { seen.insert($0).inserted }
    }

    public init(from decoder: any Decoder) throws {
        if let text = try? decoder.singleValueContainer().decode(String.self) {
            self.init(text)
            return
        }
        let container = try decoder.container(keyedBy: FormKey.self)
        try self.init(
            feminine: container.decode(String.self, forKey: .feminine),
            masculine: container.decode(String.self, forKey: .masculine),
            plural: container.decode(String.self, forKey: .plural))
    }

    public func encode(to encoder: any Encoder) throws {
        if isPerForm {
            var container = encoder.container(keyedBy: FormKey.self)
            try container.encode(self(.feminine), forKey: .feminine)
            try container.encode(self(.masculine), forKey: .masculine)
            try container.encode(self(.plural), forKey: .plural)
        } else {
            var container = encoder.singleValueContainer()
            try container.encode(self(.plural))
        }
    }

    private enum FormKey: String, CodingKey { case feminine, masculine, plural }
}
