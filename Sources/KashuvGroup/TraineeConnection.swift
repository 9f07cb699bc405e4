import KashuvCore
import KashuvTerminal
import NIOCore
import NIOSSH

/// One trainee's SSH session channel: answers the pseudo-terminal, shell and window-size
/// requests, refuses everything else (exec, subsystems such as sftp), turns the bytes the
/// trainee types into keys, steps their practice screen, and sends each new frame as the
/// cells that changed.
///
/// Runs on the server's event loop, like the room. Nothing here blocks except the progress
/// file's `fsync` inside a scored reply.
package final class TraineeConnection: ChannelInboundHandler {
    package typealias InboundIn = SSHChannelData
    package typealias OutboundOut = SSHChannelData

    private enum Stage {
        /// Waiting for pty-req and shell.
        case opening
        /// Asking for a name the client could not send as the user name.
        case askingName([Unicode.Scalar], error: String?)
        /// Seated: the practice screen is live.
        case seated(TraineeSeat)
        /// Leaving.
        case closed
    }

    private let room: GroupRoom
    private let userName: String
    private let onSeated: () -> Void
    private var context: ChannelHandlerContext?
    private var stage = Stage.opening
    private var size = (rows: 24, columns: 80)
    private var terminalType = "xterm"
    private var environment: [String: String] = [:]
    private var hasTerminal = false
    private var decoder = KeyDecoder()
    private var screen: PracticeScreen?
    private var applied = 0
    private var generation = -1
    private var shown: FrameCanvas?
    private var pendingFrame = false
    private var idleTimer: Scheduled<Void>?
    /// When the bytes being handled arrived (a reply's handling time starts there).
    private var received = NIODeadline.now()
    private var labels: GroupLabels { GroupLabels(language: room.scenario.language) }

    /// - Parameters:
    ///   - userName: the SSH user name (the trainee's name, or anything when they will be asked).
    ///   - onSeated: called once the trainee has a seat (the join no longer counts as pending).
    init(room: GroupRoom, userName: String, onSeated: @escaping () -> Void) {
        self.room = room
        self.userName = userName
        self.onSeated = onSeated
    }

    package func handlerAdded(context: ChannelHandlerContext) {
        self.context = context
        resetIdleTimer()
    }

    package func handlerRemoved(context: ChannelHandlerContext) {
        idleTimer?.cancel()
        if case .seated(let seat) = stage, seat.connection === self {
            seat.connection = nil
            room.setConnected(seat, false)
        }
        stage = .closed
        self.context = nil
    }

    // MARK: Requests

    package func userInboundEventTriggered(context: ChannelHandlerContext, event: Any) {
        switch event {
        case let request as SSHChannelRequestEvent.PseudoTerminalRequest:
            hasTerminal = true
            terminalType = request.term
            resize(rows: request.terminalRowHeight, columns: request.terminalCharacterWidth)
            reply(request.wantReply, ok: true)
        case let request as SSHChannelRequestEvent.WindowChangeRequest:
            resize(rows: request.terminalRowHeight, columns: request.terminalCharacterWidth)
            render()
        case let request as SSHChannelRequestEvent.EnvironmentRequest:
            let accepted = ["NO_COLOR", "KASHUV_BIDI", "LANG"].contains(request.name) && request.value.utf8.count < 64
            if accepted { environment[request.name] = request.value }
            reply(request.wantReply, ok: accepted)
        case let request as SSHChannelRequestEvent.ShellRequest:
            guard case .opening = stage else { return reply(request.wantReply, ok: false) }
            reply(request.wantReply, ok: true)
            guard hasTerminal else {
                return leave(message: "Kashuv needs a terminal: connect without -T (ssh -p PORT NAME@HOST).\r\n", screen: false)
            }
            start()
        case let request as SSHChannelRequestEvent.ExecRequest:
            refuse(request.wantReply)
        case let request as SSHChannelRequestEvent.SubsystemRequest:
            refuse(request.wantReply)
        default:
            context.fireUserInboundEventTriggered(event)
        }
    }

    private func reply(_ wanted: Bool, ok: Bool) {
        guard wanted, let context else { return }
        if ok {
            context.channel.triggerUserOutboundEvent(ChannelSuccessEvent(), promise: nil)
        } else {
            context.channel.triggerUserOutboundEvent(ChannelFailureEvent(), promise: nil)
        }
    }

    /// Commands and subsystems (sftp, scp) are not offered: only the interactive screen.
    private func refuse(_ wanted: Bool) {
        reply(wanted, ok: false)
        leave(message: "Kashuv offers only an interactive session: ssh -p PORT NAME@HOST\r\n", screen: false)
    }

    private func resize(rows: Int, columns: Int) {
        size = (min(500, max(5, rows > 0 ? rows : 24)), min(1000, max(20, columns > 0 ? columns : 80)))
    }

    // MARK: Seating

    private func start() {
        send(Array("\u{1B}[?1049h".utf8))
        if let name = Self.acceptableName(userName, limit: room.limits.nameLength) {
            take(name)
        } else {
            stage = .askingName([], error: nil)
            render()
        }
    }

    /// A user name that is a person's name; `nil` for placeholders and unusable names, which
    /// make Kashuv ask instead (an `ssh` that cannot send Hebrew user names can log in as `join`).
    static func acceptableName(_ text: String, limit: Int) -> TraineeName? {
        guard !["join", "kashuv", "guest", "trainee", "user", "root"].contains(text.lowercased()),
              text.count <= limit, let name = try? TraineeName(text), name.displayName.count <= limit
        else { return nil }
        return name
    }

    private func take(_ name: TraineeName) {
        guard let seat = room.seat(name) else {
            return leave(message: "The room is full.\r\n", screen: true)
        }
        if let other = seat.connection, other !== self { other.leave(message: labels.continuedElsewhere + "\r\n", screen: true) }
        seat.connection = self
        stage = .seated(seat)
        onSeated()
        room.setConnected(seat, true)
        refresh()
    }

    // MARK: Keys and frames

    package func channelRead(context: ChannelHandlerContext, data: NIOAny) {
        let data = unwrapInboundIn(data)
        guard case .byteBuffer(let buffer) = data.data, case .channel = data.type else { return }
        received = .now()
        resetIdleTimer()
        let keys = decoder.keys(from: buffer.readableBytesView.prefix(64 * 1024))
        guard !keys.isEmpty else { return }
        switch stage {
        case .opening, .closed:
            return
        case .askingName(var typed, _):
            for key in keys {
                switch key {
                case .character(let scalar) where typed.count < room.limits.nameLength * 2: typed.append(scalar)
                case .backspace: if !typed.isEmpty { typed.removeLast() }
                case .escape: return leave(message: "", screen: true)
                case .enter:
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: typed)
                    let text = String(view)
                    if let name = Self.acceptableName(text, limit: room.limits.nameLength) {
                        return take(name)
                    }
                    stage = .askingName([], error: text.isEmpty ? nil : "?")
                    render()
                    return
                default: break
                }
            }
            stage = .askingName(typed, error: nil)
            render()
        case .seated:
            guard let screen else { return }
            screen.size = size
            if screen.handle(keys) != nil { return leave(message: "", screen: true) }
            refresh()
        }
    }

    package func channelWritabilityChanged(context: ChannelHandlerContext) {
        if context.channel.isWritable, pendingFrame { render() }
        context.fireChannelWritabilityChanged()
    }

    package func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }

    /// Brings the screen up to date with the seat (the room changed) and sends the frame.
    package func refresh() {
        guard case .seated(let seat) = stage else { return }
        if screen == nil || generation != seat.generation {
            let bidi = BidiMode.auto.resolved(environment: environment)
            let screen = PracticeScreen(session: seat.session, bidi: bidi, size: size, showingSavedTurns: false)
            screen.groupSubmit = { [weak self, weak screen, room] reply, done in
                room.answer(reply, from: seat, received: self?.received ?? .now()) { result in
                    guard let self, let screen, self.screen === screen else { return }
                    if case .success = result { self.applied = seat.log.count }  // the screen shows its own reply itself
                    done(result)
                    self.refresh()
                    room.noteFrameSent(for: seat)
                }
            }
            screen.inputHint = labels.inputHint
            self.screen = screen
            generation = seat.generation
            applied = 0
        }
        guard let screen else { return }
        let labels = self.labels
        for event in seat.log.dropFirst(applied) {
            switch event {
            case .customerLine(let text, let change):
                screen.showCustomerLine(text)
                screen.moodChange = change
            case .ownReply(let outcome): screen.showScored(outcome)
            case .spotlight(let outcome): screen.showSpotlight(outcome, title: labels.spotlight)
            case .ending(let ending, let reason): screen.showEnding(ending, reason: reason)
            case .notice(let text): screen.showNotice(text)
            case .sessionOver: screen.showNotice(labels.sessionOver)
            }
        }
        applied = seat.log.count
        screen.moodShown = room.state.mood
        let answered = seat.answeredRound == room.openRound && room.openRound > 0
        screen.acceptsReplies = room.phase == .roundOpen && !answered
        screen.waitingHint = switch room.phase {
        case .lobby: labels.waitingForStart
        case .roundOpen: answered ? labels.waitingForOthers : nil
        case .scenarioOver: labels.waitingForNext
        case .finished: labels.sessionOver
        }
        render()
    }

    /// Draws the current frame and sends what changed (or waits until the client reads).
    private func render() {
        guard let context, context.channel.isActive else { return }
        guard context.channel.isWritable else {
            pendingFrame = true
            return
        }
        pendingFrame = false
        let canvas = FrameCanvas(rows: size.rows, columns: size.columns,
                                 colours: (environment["NO_COLOR"] ?? "").isEmpty && terminalType != "dumb")
        switch stage {
        case .seated:
            guard let screen else { return }
            screen.size = size
            screen.draw(on: canvas)
            if let hint = screen.waitingHint, !screen.acceptsReplies || screen.phase != .conversation {
                canvas.put(String(repeating: " ", count: size.columns), row: size.rows - 1, column: 0, style: .normal)
                let line = BidiLayout(mode: .app, neutralDirection: .rightToLeft).lines(for: hint, width: size.columns - 2).first
                if let line { canvas.put(line.scalars, row: size.rows - 1, column: 1 + line.startColumn(inWidth: size.columns - 2), style: .heading) }
            }
        case .askingName(let typed, let error):
            drawNamePrompt(on: canvas, typed: typed, error: error)
        case .opening, .closed:
            return
        }
        send(canvas.updates(from: shown))
        shown = canvas
    }

    private func drawNamePrompt(on canvas: FrameCanvas, typed: [Unicode.Scalar], error: String?) {
        let layout = BidiLayout(mode: BidiMode.auto.resolved(environment: environment), neutralDirection: .leftToRight)
        let width = size.columns - 4
        var row = 1
        for text in ["קשוב · Kashuv", "מה שמך? (Enter לאישור)", "Your name? (Enter to confirm)"] {
            for line in layout.lines(for: text, width: width) {
                canvas.put(line.scalars, row: row, column: 2 + line.startColumn(inWidth: width), style: row == 1 ? .heading : .normal)
                row += 1
            }
        }
        row += 1
        var view = String.UnicodeScalarView()
        view.append(contentsOf: typed)
        let line = layout.lines(for: String(view), width: width).last
        canvas.put("> ", row: row, column: 0, style: .dim)
        if let line { canvas.put(line.scalars, row: row, column: 2, style: .trainee) }
        if error != nil {
            canvas.put("1–\(room.limits.nameLength) letters / אותיות", row: row + 2, column: 2, style: .minus)
        }
        canvas.showCursor(row: row, column: 2 + (line?.width ?? 0))
    }

    private func send(_ bytes: [UInt8]) {
        guard let context, !bytes.isEmpty else { return }
        var buffer = context.channel.allocator.buffer(capacity: bytes.count)
        buffer.writeBytes(bytes)
        context.writeAndFlush(wrapOutboundOut(SSHChannelData(type: .channel, data: .byteBuffer(buffer))), promise: nil)
    }

    /// Leaves the trainee's terminal as it was, says why, and closes the channel.
    package func leave(message: String, screen restoring: Bool) {
        guard let context else { return }
        if restoring { send(Array("\u{1B}[0m\u{1B}[?25h\u{1B}[?1049l".utf8)) }
        if !message.isEmpty { send(Array(message.utf8)) }
        if case .seated(let seat) = stage, seat.connection === self {
            seat.connection = nil
            room.setConnected(seat, false)
        }
        stage = .closed
        context.channel.triggerUserOutboundEvent(SSHChannelRequestEvent.ExitStatus(exitStatus: 0), promise: nil)
        context.close(promise: nil)
    }

    private func resetIdleTimer() {
        guard let context else { return }
        idleTimer?.cancel()
        let loopBound = NIOLoopBound(self, eventLoop: context.eventLoop)
        idleTimer = context.eventLoop.scheduleTask(in: .seconds(room.limits.idleSeconds)) {
            let connection = loopBound.value
            connection.leave(message: connection.labels.idle + "\r\n", screen: true)
        }
    }
}
