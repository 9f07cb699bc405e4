/// One line of coaching per dimension, for the debrief's "practise next".
enum PractiseAdvice {
    static func text(for dimension: Dimension, in language: Language) -> String {
        switch (dimension, language) {
        case (.listening, .hebrew):
            "פתחו בשיקוף: אמרו במילים שלכם מה קרה ללקוח ומה הוא מרגיש, עם פרט מדויק אחד (כמה זמן חיכה, מה ביקש), לפני כל הסבר."
        case (.listening, .english):
            "Open with a reflection: say back what happened and how the customer feels, with one exact detail (how long they waited, what they asked for), before any explanation."
        case (.ownership, .hebrew):
            "קחו את זה עליכם: התנצלו בלי להאשים אף אחד, אמרו מה אתם עושים עכשיו ומתי הלקוח ישמע מכם."
        case (.ownership, .english):
            "Own it: apologise without blaming anyone, say what you are doing now, and when the customer will hear from you."
        case (.framing, .hebrew):
            "סיימו במה שכן אפשר: במקום \"אי אפשר\" או \"זה הנוהל\", הציעו אפשרות אמיתית אחת או שתיים ותנו ללקוח לבחור."
        case (.framing, .english):
            "End with what you can do: instead of \"we can't\" or \"that's the policy\", offer one or two real options and let the customer choose."
        }
    }
}
