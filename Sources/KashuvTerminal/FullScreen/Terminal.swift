import CNcursesw
import KashuvCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// A terminal driven with ncursesw through `newterm`: the process's own, or any other
/// given as an input and an output file descriptor (a pseudo-terminal of an SSH channel).
///
/// The terminal is put into cbreak/no-echo/keypad mode on creation and restored by
/// ``end()``, which every exit path must reach (it is idempotent and also runs on deinit).
/// ncurses is not thread-safe: drive every `Terminal` of a process from one thread.
public final class Terminal: Canvas {
    /// Why a terminal could not be started.
    public enum StartError: Error, CustomStringConvertible {
        /// `newterm` refused the terminal type.
        case unknownTerminal(String)
        /// A file descriptor could not be opened as a stream.
        case badDescriptor(Int32)

        public var description: String {
            switch self {
            case .unknownTerminal(let type): "cannot drive terminal type '\(type)'"
            case .badDescriptor(let fd): "cannot open file descriptor \(fd) for the terminal"
            }
        }
    }

    private let screen: OpaquePointer
    private let inputFile: UnsafeMutablePointer<FILE>
    private let outputFile: UnsafeMutablePointer<FILE>
    private let outputFD: Int32
    private let inputFD: Int32
    private let ownsSignals: Bool
    private var ended = false
    /// The window every screen draws on (the screen's standard window).
    let window: UnsafeMutablePointer<WINDOW>
    /// How styles look on this terminal.
    let palette: Palette

    /// Starts driving a terminal.
    /// - Parameters:
    ///   - type: the terminal type (`TERM`) of that terminal.
    ///   - input: the descriptor keys are read from (duplicated; the caller keeps its own).
    ///   - output: the descriptor the screen is written to (duplicated).
    ///   - environment: read for `NO_COLOR`.
    ///   - handleSignals: install SIGINT/SIGTERM/SIGHUP/SIGWINCH handlers (only for the
    ///     process's own terminal; a terminal reached over the network reports its size through ``resize(rows:columns:)``).
    public init(type: String, input: Int32, output: Int32, environment: [String: String], handleSignals: Bool) throws {
        DisplayWidth.prepareLocale()
        guard let inFile = fdopen(dup(input), "r") else { throw StartError.badDescriptor(input) }
        guard let outFile = fdopen(dup(output), "w") else {
            fclose(inFile)
            throw StartError.badDescriptor(output)
        }
        guard let screen = newterm(type, outFile, inFile) else {
            fclose(inFile)
            fclose(outFile)
            throw StartError.unknownTerminal(type)
        }
        self.screen = screen
        self.inputFile = inFile
        self.outputFile = outFile
        self.outputFD = output
        self.inputFD = input
        self.ownsSignals = handleSignals
        set_term(screen)
        self.window = kashuv_stdscr()
        cbreak()
        noecho()
        nonl()
        keypad(window, true)
        set_escdelay(25)
        wtimeout(window, 50)
        self.palette = Palette.make(environment: environment)
        if handleSignals { SignalWatch.install() }
    }

    deinit { end() }

    /// Restores the terminal (normal screen, echo, cursor). Safe to call more than once.
    public func end() {
        guard !ended else { return }
        ended = true
        set_term(screen)
        curs_set(1)
        endwin()
        fflush(outputFile)
        if ownsSignals { SignalWatch.uninstall() }
        delscreen(screen)
        fclose(outputFile)
        fclose(inputFile)
    }

    /// The size in rows and columns.
    public var size: (rows: Int, columns: Int) {
        (Int(kashuv_getmaxy(window)), Int(kashuv_getmaxx(window)))
    }

    /// Tells ncurses the terminal now has this size (for terminals driven over the network).
    public func resize(rows: Int, columns: Int) {
        set_term(screen)
        resize_term(Int32(rows), Int32(columns))
        clearok(window, true)  // repaint every cell: the terminal may have rewrapped its old content
    }

    /// Reads the output descriptor's window size after SIGWINCH and resizes to it.
    func resizeFromDescriptor() {
        var size = winsize()
        if ioctl(outputFD, UInt(TIOCGWINSZ), &size) == 0, size.ws_row > 0, size.ws_col > 0 {
            resize(rows: Int(size.ws_row), columns: Int(size.ws_col))
        }
    }

    // MARK: Input

    /// What the input loop saw.
    enum Event: Equatable {
        /// A key.
        case key(Key)
        /// A stop signal (SIGINT, SIGTERM, SIGHUP, SIGQUIT).
        case signal(Int32)
        /// Nothing within the wait.
        case timeout
    }

    /// Waits up to about 50 ms for a key or a signal.
    func nextEvent() -> Event {
        if ownsSignals {
            if let number = SignalWatch.takeStop() { return .signal(number) }
            if SignalWatch.takeResize() {
                resizeFromDescriptor()
                return .key(.resize)
            }
        }
        if let key = readKey(wait: true) { return .key(key) }
        // The terminal went away (closed window, dropped SSH connection) even if no SIGHUP came.
        return inputHungUp() ? .signal(SIGHUP) : .timeout
    }

    /// Whether the input descriptor reports a hang-up or an error.
    private func inputHungUp() -> Bool {
        var descriptor = pollfd(fd: inputFD, events: Int16(POLLIN), revents: 0)
        guard poll(&descriptor, 1, 0) >= 0 else { return errno != EINTR }
        return descriptor.revents & Int16(POLLHUP | POLLERR | POLLNVAL) != 0
    }

    /// Every key already waiting, without blocking (a paste arrives as many at once).
    func pendingKeys() -> [Key] {
        var keys: [Key] = []
        while keys.count < 10_000, let key = readKey(wait: false) { keys.append(key) }
        return keys
    }

    private func readKey(wait: Bool) -> Key? {
        set_term(screen)
        if !wait { wtimeout(window, 0) }
        defer { if !wait { wtimeout(window, 50) } }
        var code: wint_t = 0
        let result = wget_wch(window, &code)
        if result == KEY_CODE_YES { return Self.functionKey(Int32(code)) }
        guard result == OK else { return nil }
        switch code {
        case 10, 13: return .enter
        case 8, 127: return .backspace
        case 27: return .escape
        case 1: return .home      // Ctrl-A
        case 5: return .end       // Ctrl-E
        case 4: return .delete    // Ctrl-D
        case 9: return .character(" ")
        default:
            guard let scalar = Unicode.Scalar(UInt32(code)) else { return .other }
            return DisplaySafeText.isDisplayable(scalar) ? .character(scalar) : .other
        }
    }

    private static func functionKey(_ code: Int32) -> Key {
        switch code {
        case KEY_ENTER: .enter
        case KEY_BACKSPACE: .backspace
        case KEY_DC: .delete
        case KEY_LEFT: .left
        case KEY_RIGHT: .right
        case KEY_UP: .up
        case KEY_DOWN: .down
        case KEY_HOME: .home
        case KEY_END: .end
        case KEY_PPAGE: .pageUp
        case KEY_NPAGE: .pageDown
        case KEY_RESIZE: .resize
        case kashuv_key_f(1): .help
        default: .other
        }
    }

    // MARK: Output

    /// Clears the whole screen (drawn on the next ``refresh()``).
    package func erase() {
        set_term(screen)
        werase(window)
    }

    /// Writes characters at a position with a style, cut at the right edge.
    package func put(_ scalars: some Collection<Unicode.Scalar>, row: Int, column: Int, style: Style) {
        let (rows, columns) = size
        guard row >= 0, row < rows, column < columns else { return }
        var x = column
        var wide: [wchar_t] = []
        var skipped = false
        for scalar in scalars {
            let cells = DisplayWidth.of(scalar)
            if x < 0 { x += cells; skipped = true; continue }
            if x + cells > columns { break }
            if skipped && cells == 0 { continue }  // a mark whose letter was cut off
            skipped = false
            wide.append(wchar_t(bitPattern: scalar.value))
            x += cells
        }
        guard !wide.isEmpty else { return }
        let attributes = palette.attributes(style)
        wattr_on(window, attributes, nil)
        wmove(window, Int32(row), Int32(max(0, column)))
        waddnwstr(window, wide, Int32(wide.count))
        wattr_off(window, attributes, nil)
    }

    /// Shows the cursor at a cell, or hides it.
    package func showCursor(row: Int?, column: Int) {
        set_term(screen)
        if let row {
            curs_set(1)
            wmove(window, Int32(row), Int32(column))
        } else {
            curs_set(0)
        }
    }

    /// Sends what was drawn to the terminal.
    func refresh() {
        set_term(screen)
        wrefresh(window)
    }
}
