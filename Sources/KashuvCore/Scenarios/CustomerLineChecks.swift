/// The checks on what the customer says: Hebrew lines that speak to the trainee give every
/// address form (KS0045).
extension ScenarioChecks {
    /// Every problem with the customer's lines.
    func customerLines() -> [Diagnostic] {
        addressForms()
    }

    // MARK: KS0045

    private func addressForms() -> [Diagnostic] {
        guard scenario.language == .hebrew else { return [] }
        return addressedLines.compactMap { what, keyPath, text in
            guard !text.isPerForm, let marker = HebrewAddress.firstMarker(in: text(.plural)) else { return nil }
            let key = keyPath.last.map(\.description) ?? "says"
            return diagnostic(
                .missingAddressForms, root.location(of: keyPath),
                "\(what) speaks to the trainee (`\(marker)`) but gives one form for every trainee",
                hint: "write `\(key):` as a mapping with `feminine:`, `masculine:` and `plural:` texts (docs/scenario-format.md, "
                    + "*Speaking to the trainee*)")
        }
    }
}
