/// Who puts right-to-left text into visual order: Kashuv, or the terminal.
///
/// Most terminals (xterm, tmux, the Linux console, Windows Terminal) show cells exactly
/// as the program writes them, so Kashuv must reorder Hebrew lines itself (``app``).
/// A few (VTE-based terminals with bidi switched on, mlterm, Konsole) reorder on their
/// own; reordering there too would reverse the text twice (``terminal``).
public enum BidiMode: String, Sendable, CaseIterable, Hashable {
    /// Decide from the environment (see ``resolved(environment:)``).
    case auto
    /// Kashuv reorders each line into visual order and right-aligns right-to-left paragraphs.
    case app
    /// Lines are written in logical order; the terminal reorders them.
    case terminal

    /// The mode to use, ``app`` or ``terminal``, never ``auto``.
    ///
    /// The rule for ``auto``, in order:
    /// 1. `KASHUV_BIDI=app` or `KASHUV_BIDI=terminal` decides.
    /// 2. mlterm (`MLTERM` set) reorders by itself: ``terminal``.
    /// 3. Konsole (`KONSOLE_VERSION` set) reorders by default: ``terminal``.
    /// 4. Anything else — including VTE (GNOME Terminal), whose bidi support is off for
    ///    full-screen programs unless they ask for it — gets ``app``.
    ///
    /// Inside tmux or screen the outer terminal never sees whole lines, so the rule
    /// always answers ``app`` there (`TMUX` or `STY` set), whatever the outer terminal is.
    public func resolved(environment: [String: String]) -> BidiMode {
        switch self {
        case .app, .terminal:
            return self
        case .auto:
            if let forced = environment["KASHUV_BIDI"].flatMap({ BidiMode(rawValue: $0.lowercased()) }), forced != .auto {
                return forced
            }
            if environment["TMUX"] != nil || environment["STY"] != nil { return .app }
            if environment["MLTERM"] != nil || environment["KONSOLE_VERSION"] != nil { return .terminal }
            return .app
        }
    }
}
