/// A key press (or terminal event) as the screens understand it.
package enum Key: Hashable, Sendable {
    /// A printable character (Hebrew, Latin, digits, punctuation, space).
    case character(Unicode.Scalar)
    /// Enter or Return.
    case enter
    /// Backspace: delete before the cursor.
    case backspace
    /// Delete: delete under the cursor.
    case delete
    /// Cursor keys.
    case left, right, up, down
    /// Home and End.
    case home, end
    /// Page Up and Page Down.
    case pageUp, pageDown
    /// Escape.
    case escape
    /// F1.
    case help
    /// The window changed size.
    case resize
    /// Anything else (other function keys, mouse…).
    case other
}
