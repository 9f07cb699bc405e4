import CNcursesw

/// What a piece of text is, which decides how it looks.
package enum Style: Int, CaseIterable, Sendable {
    /// Ordinary text.
    case normal
    /// The top bar and the frame labels.
    case bar
    /// Hints, the brief, secondary text.
    case dim
    /// The customer's name and lines.
    case customer
    /// The trainee's lines.
    case trainee
    /// Words that earned a level.
    case plus
    /// Words that cost a level or raised a flag.
    case minus
    /// Headings (score panel, debrief sections).
    case heading
    /// A calm customer on the gauge (0–3).
    case moodCalm
    /// A frustrated customer on the gauge (4–6).
    case moodWarm
    /// An angry customer on the gauge (7–10).
    case moodHot
}

/// Maps styles to ncurses attributes, with colour or, under `NO_COLOR`, attributes only.
struct Palette {
    let colours: Bool

    /// Sets up colour pairs on the current screen when colours are wanted and available.
    static func make(environment: [String: String]) -> Palette {
        let noColor = !(environment["NO_COLOR"] ?? "").isEmpty
        guard !noColor, has_colors() else { return Palette(colours: false) }
        start_color()
        use_default_colors()
        let pairs: [(Style, Int16)] = [
            (.customer, Int16(COLOR_CYAN)), (.plus, Int16(COLOR_GREEN)), (.minus, Int16(COLOR_RED)),
            (.heading, Int16(COLOR_YELLOW)), (.moodCalm, Int16(COLOR_GREEN)), (.moodWarm, Int16(COLOR_YELLOW)),
            (.moodHot, Int16(COLOR_RED)), (.bar, Int16(COLOR_BLUE)),
        ]
        for (style, colour) in pairs { init_pair(Int16(style.rawValue), colour, -1) }
        return Palette(colours: true)
    }

    /// The attributes for a style.
    func attributes(_ style: Style) -> attr_t {
        let bold = kashuv_a_bold(), reverse = kashuv_a_reverse(), underline = kashuv_a_underline()
        switch style {
        case .normal: return kashuv_a_normal()
        case .bar: return reverse
        case .dim: return kashuv_a_dim()
        case .trainee: return bold
        case .customer, .heading: return colours ? kashuv_color_pair(Int32(style.rawValue)) | bold : bold
        case .plus: return colours ? kashuv_color_pair(Int32(style.rawValue)) | bold | underline : bold | underline
        case .minus: return colours ? kashuv_color_pair(Int32(style.rawValue)) | bold | reverse : reverse
        case .moodCalm, .moodWarm, .moodHot: return colours ? kashuv_color_pair(Int32(style.rawValue)) | bold : bold
        }
    }
}
