/// The kind of objection a scripted customer raises.
public enum ObjectionCategory: String, Codable, Sendable, CaseIterable, Hashable {
    /// The product or service let the customer down (a delivery that never came, a broken promise).
    case disappointment
    /// The customer was kept waiting: on hold, for a technician, for a refund.
    case waiting
    /// The customer is angry about a price, a rise or a fee.
    case price
    /// The customer feels the product is not worth what they pay.
    case value
}
