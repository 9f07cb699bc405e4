import Foundation
import Testing
import Yams
@testable import KashuvCore

@Suite("Speaking to the trainee: lines, advice and the trainee record follow the address form")
struct AddressFormTests {
    static let perForm = """
        says:
          feminine: את יכולה לקבוע לי תור?
          masculine: אתה יכול לקבוע לי תור?
          plural: אתם יכולים לקבוע לי תור?
        """

    @Test("a line is one text for everyone, or a text per form")
    func decodesBothWays() throws {
        let one = try YAMLDecoderHelper.decode(AddressedText.self, "שלושה ימים אני מחכה.")
        #expect(!one.isPerForm && one(.feminine) == "שלושה ימים אני מחכה." && one(.masculine) == one(.plural))
        let three = try YAMLDecoderHelper.decode(AddressedText.self, """
            feminine: את יכולה
            masculine: אתה יכול
            plural: אתם יכולים
            """)
        #expect(three.isPerForm && three(.feminine) == "את יכולה" && three(.masculine) == "אתה יכול" && three(.plural) == "אתם יכולים")
    }

    @Test("a Hebrew line that speaks to the trainee in one form is KS0045, on its line", arguments: [
        "says: את יכולה לקבוע לי תור?", "says: תגידי לי את האמת.", "says: אני רוצה את המנהל שלך.", "says: אתה בטוח?",
    ])
    func oneFormIsReported(line: String) throws {
        let yaml = ValidatorSamples.hebrew.replacingFirst("says: אני מחכה על הקו ארבעים דקות! ואל תגידו לי לשלוח צ'ק.", with: line)
        let (found, _) = try validatorDiagnostics(for: yaml)
        let diagnostic = try #require(found.first { $0.knownCode == .missingAddressForms }, "found \(found)")
        #expect(diagnostic.line == lineNumber(of: line, in: yaml))
        #expect(diagnostic.hint.contains("feminine:"))
    }

    @Test("lines to the company in the plural, and את before an object, are not reported", arguments: [
        "says: מה אתם עושים עם זה? אני רוצה את הכסף שלי.", "says: תנו לי את המנהל, אני רוצה את אותה חבילה.",
    ])
    func notAddressingTheTrainee(line: String) throws {
        let yaml = ValidatorSamples.hebrew.replacingFirst("says: אני מחכה על הקו ארבעים דקות! ואל תגידו לי לשלוח צ'ק.", with: line)
        #expect(try validatorDiagnostics(for: yaml).diagnostics.isEmpty)
    }

    @Test("the three forms are accepted; a mapping without one of them is a missing key")
    func threeFormsRequired() throws {
        let original = "says: אני מחכה על הקו ארבעים דקות! ואל תגידו לי לשלוח צ'ק."
        let indented = Self.perForm.split(separator: "\n").enumerated()
            .map { $0.offset == 0 ? String($0.element) : "        " + $0.element }.joined(separator: "\n")
        let valid = ValidatorSamples.hebrew.replacingFirst(original, with: indented)
        #expect(try validatorDiagnostics(for: valid).diagnostics.isEmpty)
        let missing = valid.replacingFirst("          plural: אתם יכולים לקבוע לי תור?\n", with: "")
        let found = try validatorDiagnostics(for: missing).diagnostics
        #expect(found.contains { $0.knownCode == .missingKey && $0.message.contains("plural") }, "found \(found)")
    }

    @Test("the session shows, scores and saves the customer's line in the trainee's form")
    func sessionUsesTheForm() throws {
        let store = ProgressStore(folder: try PracticeFixtures.temporaryFolder())
        let trainee = try TraineeName("דני")
        var scenario = try PracticeFixtures.seniorScenario()
        let index = try #require(scenario.turns.firstIndex { $0.id == "feels-heard" })
        scenario.turns[index].says = AddressedText(feminine: "את יכולה?", masculine: "אתה יכול?", plural: "אתם יכולים?")
        let scorer = ScriptedScorer()
        let session = PracticeSession.start(
            scenario: scenario, trainee: trainee, store: store, scorer: scorer, coaching: Coaching(address: .masculine))
        let first = try session.submit(reply: "L2 O1 F1")
        guard case .turn(let next) = first.next else {
            Issue.record("expected a next turn")
            return
        }
        #expect(session.line(next) == "אתה יכול?")
        _ = try session.submit(reply: "L1 O1 F1")
        #expect(scorer.contexts.last?.customerLine == "אתה יכול?")
        guard case .turn(let record)? = try store.read(trainee).records.last else {
            Issue.record("expected a turn record")
            return
        }
        #expect(record.customerLine == "אתה יכול?")
        #expect(session.debrief.rows.last?.customerLine == "אתה יכול?")
    }

    @Test("Hebrew advice has no slash forms and follows the form", arguments: AddressForm.allCases)
    func adviceFollowsTheForm(form: AddressForm) throws {
        let scorer = try ReplyScorer.loadDefault()
        var context = ScoringContext(customerLine: "חיכיתי שעה על הקו!", language: .hebrew)
        context.address = form
        let replies = [
            "תיכנסי לאתר, זה לא תלוי בי.", "זה הנוהל, אין מה לעשות.", "זו אשמת השליח, לא שלנו.", "נו באמת, תירגעי.",
            "אני מבטיחה שזה יגיע מחר בבוקר בוודאות.", "בדקתי.",
        ]
        let advice = replies.flatMap { scorer.score($0, context: context).advice }
        #expect(!advice.isEmpty)
        for line in advice {
            let text = line.replacingOccurrences(of: #"“[^”]*”"#, with: "", options: .regularExpression)
            #expect(text.range(of: #"\p{Hebrew}/\p{Hebrew}"#, options: .regularExpression) == nil, "slash form in \(line)")
        }
        let all = advice.joined(separator: " ")
        switch form {
        case .feminine: #expect(all.contains("י ") && !all.contains("אמרתם"))
        case .masculine: #expect(!all.contains("אמרתם") && !all.contains("תשלחי") && !all.contains("קחי"))
        case .plural: #expect(all.contains("אמרתם") || all.contains("שקפו") || all.contains("הציעו"))
        }
    }

    @Test("the trainee's choices are kept beside the progress file, replaced whole; none or a broken file reads as none")
    func traineeChoices() throws {
        let store = ProgressStore(folder: try PracticeFixtures.temporaryFolder())
        let trainee = try TraineeName("נועה")
        #expect(store.choices(for: trainee) == nil)
        try store.save(TraineeChoices(trainee: "נועה", address: .feminine), for: trainee)
        #expect(store.choices(for: trainee)?.address == .feminine)
        try store.save(TraineeChoices(trainee: "נועה", address: .plural, feedbackLanguage: .english), for: trainee)
        let choices = try #require(store.choices(for: trainee))
        #expect(choices.address == .plural && choices.feedbackLanguage == .english)
        let text = try String(contentsOf: store.choicesURL(for: trainee), encoding: .utf8)
        #expect(text.hasPrefix(#"{"address":"plural","feedback_language":"en","schema_version":1,"trainee":"נועה","updated_at":""#))
        #expect(store.choicesURL(for: trainee).lastPathComponent == "נועה.trainee.json")
        let leftovers = try FileManager.default.contentsOfDirectory(atPath: store.folder.path).filter { $0.hasPrefix(".") }
        #expect(leftovers.isEmpty, "no temporary file left behind")
        try Data("{not json".utf8).write(to: store.choicesURL(for: trainee))
        #expect(store.choices(for: trainee) == nil)
        try store.save(TraineeChoices(trainee: "נועה", address: nil), for: trainee)
        #expect(try String(contentsOf: store.choicesURL(for: trainee), encoding: .utf8).contains(#""address":null"#))
    }

    @Test("every per-form line of the library reads right in the plural: no singular you left in it")
    func libraryPluralForms() throws {
        let library = try ScenarioLibrary(folder: scenariosFolder)
        for scenario in library.scenarios where scenario.language == .hebrew {
            var lines: [(String, AddressedText)] = [("brief", scenario.brief)]
            lines += scenario.turns.map { ($0.id, $0.says) } + scenario.endings.map { ($0.id, $0.debrief) }
            for (id, line) in lines where line.isPerForm {
                #expect(line(.plural) != line(.feminine), "\(scenario.id) / \(id): the plural form is the feminine one")
                #expect(HebrewAddress.firstMarker(in: line(.plural)) == nil,
                        "\(scenario.id) / \(id): singular 'you' in the plural form: \(HebrewAddress.firstMarker(in: line(.plural)) ?? "")")
                #expect(!line(.masculine).contains("את יכולה") && !line(.masculine).contains("תגידי"),
                        "\(scenario.id) / \(id): feminine words in the masculine form")
            }
        }
    }
}

/// Decodes a value from YAML text.
enum YAMLDecoderHelper {
    static func decode<Value: Decodable>(_ type: Value.Type, _ yaml: String) throws -> Value {
        try YAMLDecoder().decode(type, from: yaml)
    }
}
