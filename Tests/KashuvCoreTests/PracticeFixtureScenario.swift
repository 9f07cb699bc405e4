import KashuvCore

/// The scenario the progress and session tests play.
enum PracticeFixtureScenario {
    /// A frozen copy of `Scenarios/he-waiting-app-senior.yaml` as it was when these tests were
    /// written, so edits to the shipped scenario do not change what the tests expect.
    static let yaml = #"""
# לקוח מבוגר שלא מצליח להסתדר עם האפליקציה ורוצה לדבר עם בן אדם.
id: he-waiting-app-senior
language: he
category: waiting
title: יעקב לא מצליח לקבוע תור באפליקציה
brief: |-
  יעקב, בן 78, מנסה כבר שלושה ימים לקבוע תור לרופא עיניים דרך האפליקציה של הקופה.
  הוא המתין 35 דקות בתור הטלפוני עד שהגיע אלייך, ובמוקד האוטומטי אמרו לו "להיכנס לאפליקציה".
can_offer:
  - לקבוע לו את התור בעצמך עכשיו, בטלפון
  - לשלוח הודעת SMS עם פרטי התור
  - לרשום בתיק שהוא מעדיף שיחה עם נציג ולא את האפליקציה
cannot_offer:
  - תור לפני 12 בדצמבר אצל רופא העיניים בסניף שלו
  - לבטל את המענה האוטומטי במוקד
customer:
  name: יעקב לוי
  background: פנסיונר מחולון, בן 78, מבוטח בקופה כבר 40 שנה.
  mood: 6
facts:
  - 35 דקות המתנה
  - שלושה ימים שהוא מנסה
  - תור לרופא עיניים
  - האפליקציה
  - רוצה לדבר עם בן אדם
max_turns: 5
start: opening
on_furious: hung-up
on_max_turns: asked-for-manager
turns:
  - id: opening
    says: |-
      סוף סוף בן אדם! שלושה ימים אני מנסה לקבוע תור לרופא עיניים. המכונה אומרת לי "תיכנס לאפליקציה".
      אני בן 78, אני לא יודע מה זה אפליקציה. חיכיתי 35 דקות על הקו רק בשביל זה!
    branches:
      - when:
          at_least: { listening: 2 }
          no_flags: [dismissive, redirect]
        mood: -2
        next: feels-heard
      - when:
          flags: [redirect]
        mood: 2
        next: not-again
      - when:
          flags: [dismissive]
        mood: 3
        next: not-again
      - mood: 0
        next: still-waiting
  - id: feels-heard
    says: |-
      טוב, לפחות מישהו מקשיב. אז מה, את יכולה לקבוע לי את התור? אני צריך אותו השבוע, העין מציקה לי.
    branches:
      - when:
          flags: [over_promise]
        mood: 1
        next: false-hope
      - when:
          at_least: { framing: 2, ownership: 1 }
        mood: -3
        next: booked
      - when:
          flags: [policy_wall]
        mood: 3
        next: not-again
      - mood: 1
        next: still-waiting
  - id: still-waiting
    says: |-
      נו? אני עדיין מחכה לשמוע מה את עושה בשבילי. אני לא רוצה עוד הסברים על האפליקציה.
    branches:
      - when:
          at_least: { ownership: 2, framing: 1 }
          no_flags: [redirect]
        mood: -2
        next: booked
      - when:
          flags: [redirect, dismissive, policy_wall]
        mood: 3
        next: not-again
      - mood: 1
        next: still-waiting
  - id: not-again
    says: |-
      שוב פעם? אני לא מבין מה אתם רוצים ממני. תני לי את המנהל שלך, אני לא מתכוון לנתק עד שמישהו יעזור לי.
    branches:
      - when:
          at_least: { listening: 2, ownership: 2 }
          no_flags: [dismissive, redirect]
        mood: -3
        next: feels-heard
      - mood: 1
        next: asked-for-manager
  - id: false-hope
    says: |-
      את בטוחה? כי בפעם הקודמת אמרו לי "מחר" ואף אחד לא חזר אליי. תגידי לי את האמת.
    rates: [listening, ownership]
    branches:
      - when:
          at_least: { ownership: 1, listening: 1 }
          no_flags: [over_promise]
        mood: -1
        next: booked
      - mood: 2
        next: asked-for-manager
  - id: booked
    says: |-
      אז קבעת לי? ותשלחי לי את זה בהודעה, כי אני לא אזכור. ואל תשלחי אותי שוב לאפליקציה.
    rates: [ownership, framing]
    branches:
      - when:
          at_least: { ownership: 1 }
          no_flags: [redirect]
        mood: -2
        next: thanked
      - mood: 2
        next: asked-for-manager
endings:
  - id: thanked
    outcome: resolved
    debrief: |-
      יעקב קיבל תור והודעה, ונרשם בתיק שהוא מעדיף נציג. מה עבד: שיקפת את ההמתנה ואת התסכול מהאפליקציה, ולקחת את קביעת התור על עצמך במקום להפנות אותו לערוץ אחר.
  - id: asked-for-manager
    outcome: escalated
    debrief: |-
      יעקב ביקש מנהל. כשלקוח מבוגר מבקש בן אדם, הפניה חוזרת לאפליקציה או הסבר על נהלים מרגישים לו כמו דלת נטרקת. נסו לקבוע בשבילו את מה שאפשר, עכשיו, ולהגיד לו בדיוק מה יקרה הלאה.
  - id: hung-up
    outcome: left
    debrief: |-
      יעקב ניתק בכעס. אחרי 35 דקות המתנה, כל משפט שמחזיר אותו לאפליקציה או מאשים אותו מעלה את הכעס. התחילו בלשקף את ההמתנה ואת מה שהוא מבקש: בן אדם.
test_plan:
  - name: שיקוף ולקיחת אחריות מובילים לתור
    steps:
      - line: opening
        reply: { listening: 2, ownership: 1, framing: 1 }
      - line: feels-heard
        reply: { listening: 1, ownership: 2, framing: 2 }
      - line: booked
        reply: { listening: 1, ownership: 2, framing: 2 }
    ending: thanked
  - name: הפניה לאפליקציה מובילה לבקשת מנהל
    steps:
      - line: opening
        reply: { listening: 0, ownership: 0, framing: 1, flags: [redirect] }
      - line: not-again
        reply: { listening: 1, ownership: 0, framing: 0, flags: [policy_wall] }
    ending: asked-for-manager
  - name: הבטחה שאי אפשר לקיים ואז זלזול מנתקים את השיחה
    steps:
      - line: opening
        reply: { listening: 2, ownership: 2, framing: 1 }
      - line: feels-heard
        reply: { listening: 1, ownership: 1, framing: 1, flags: [over_promise] }
      - line: false-hope
        reply: { listening: 0, ownership: 0, framing: 0, flags: [dismissive] }
    ending: asked-for-manager
  - name: זלזול חוזר מביא לניתוק
    steps:
      - line: opening
        reply: { listening: 0, ownership: 0, framing: 0, flags: [dismissive] }
      - line: not-again
        reply: { listening: 0, ownership: 0, framing: 0, flags: [dismissive] }
    ending: hung-up
"""#

    /// The scenario decoded.
    static func scenario() throws -> Scenario { try Scenario.decode(yaml: yaml) }
}
