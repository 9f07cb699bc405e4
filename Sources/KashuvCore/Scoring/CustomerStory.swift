/// The sentences of a reply that tell the customer's story back rather than say what the
/// trainee does: one that checks understanding ("לפי מה שתיארת…", "just so I've got it
/// right…"), or one with the customer as the one who went through it ("קיבלת בטלפון התחייבות…",
/// "you were promised…") or a feeling acknowledged in it, and nothing the trainee does.
///
/// What such a sentence names (a promise someone made, the amount charged) is the customer's
/// account: it offers and promises nothing.
struct CustomerStory {
    static func sentences(_ f: ReplyFeatures) -> Set<Int> {
        let acting = Set(f.ownActions.map { f.sentence(of: $0.match) })
        var story = Set(f.active(.checkUnderstanding).map { f.sentence(of: $0) })
        story.formUnion(f.active([.empathy, .validation]).map { f.sentence(of: $0) }.filter { !acting.contains($0) })
        for (index, token) in f.tokens.enumerated() where !acting.contains(token.sentence) {
            if isCustomerPast(f, index) { story.insert(token.sentence) }
        }
        return story
    }

    /// Whether the token at `index` is a verb with the customer as the one who did or went
    /// through it, in the past ("שילמת", "חויבת"; "you paid", "you were told").
    static func isCustomerPast(_ f: ReplyFeatures, _ index: Int) -> Bool {
        let token = f.tokens[index]
        switch f.language {
        case .hebrew:
            return token.kind == .hebrew && WordInfo.of(token, language: .hebrew).isOnlyVerb(person: 2, tense: .past)
        case .english:
            guard index > 0, f.tokens[index - 1].text == "you", token.segment == f.tokens[index - 1].segment else { return false }
            return token.text == "were" || (token.text.hasSuffix("ed") && token.text.count >= 4)
                || CustomerBlame.englishIrregularPast.contains(token.text) || ["got", "paid", "had", "told"].contains(token.text)
        }
    }
}
