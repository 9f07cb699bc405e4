import Foundation
import KashuvCore
import NIOCore
import NIOPosix
import NIOSSH

/// The SSH side of a group session: listens on a port, admits connections through the
/// ``JoinGate``, authenticates the join code, and gives each trainee's session channel a
/// ``TraineeConnection``. Port forwarding (direct-tcpip, tcpip-forward), agent and X11
/// forwarding are refused; so are exec and subsystems (in ``TraineeConnection``).
///
/// Everything runs on one event loop thread, which also owns the ``GroupRoom``: no locks,
/// no ncurses, no shared mutable state between threads. Only a reply's scoring and saving
/// leave it (``ReplyPipeline``).
package final class GroupServer: @unchecked Sendable {
    // @unchecked: every property is touched only on `loop` (checked with preconditions).
    package let loop: any EventLoop
    private let group: MultiThreadedEventLoopGroup
    private let room: GroupRoom
    private let code: JoinCode
    private let hostKey: NIOSSHPrivateKey
    private let gate: JoinGate
    private var channel: (any Channel)?
    private var connections: [ObjectIdentifier: any Channel] = [:]
    /// Scores and saves replies off the event loop.
    private let pipeline: ReplyPipeline

    package init(room: GroupRoom, code: JoinCode, hostKey: NIOSSHPrivateKey, group: MultiThreadedEventLoopGroup) {
        self.room = room
        self.code = code
        self.hostKey = hostKey
        self.group = group
        loop = group.next()
        gate = JoinGate(limits: room.limits)
        pipeline = ReplyPipeline(loop: loop)
        room.pipeline = pipeline
    }

    /// Starts listening; returns the port bound (useful with port 0).
    package func start(host: String, port: Int) throws -> Int {
        let bootstrap = ServerBootstrap(group: loop)
            .serverChannelOption(ChannelOptions.socket(SocketOptionLevel(SOL_SOCKET), SO_REUSEADDR), value: 1)
            .serverChannelOption(ChannelOptions.backlog, value: 512)
            .childChannelOption(ChannelOptions.socket(SocketOptionLevel(IPPROTO_TCP), TCP_NODELAY), value: 1)
            .childChannelInitializer { [self] channel in
                channel.eventLoop.makeCompletedFuture { try self.setUp(channel) }
            }
        do {
            let channel = try bootstrap.bind(host: host, port: port).wait()
            self.channel = channel
            return channel.localAddress?.port ?? port
        } catch {
            throw GroupError.cannotListen(host: host, port: port, reason: "\(error)")
        }
    }

    /// Number of open connections (joined or not).
    package var openConnections: Int { gate.open }

    private func setUp(_ channel: any Channel) throws {
        loop.preconditionInEventLoop()
        let address = channel.remoteAddress?.ipAddress ?? "?"
        guard gate.admit(address) else {
            channel.close(promise: nil)
            return
        }
        let id = ObjectIdentifier(channel)
        connections[id] = channel
        final class Joined { var value = false }
        let joined = Joined()
        let joinedBound = NIOLoopBound(joined, eventLoop: loop)
        channel.closeFuture.whenComplete { [self] _ in
            self.connections[id] = nil
            self.gate.closed(address, wasPending: !joinedBound.value.value)
        }
        // A connection that has not reached its shell in time is closed (slow or stuck clients).
        loop.scheduleTask(in: .seconds(room.limits.joinSeconds)) {
            if !joinedBound.value.value { channel.close(promise: nil) }
        }
        let authentication = CodeAuthentication(code: code, gate: gate, address: address, eventLoop: loop, limits: room.limits)
        authentication.onTooManyAttempts = { channel.close(promise: nil) }
        let authBound = NIOLoopBound(authentication, eventLoop: loop)
        let room = self.room, gate = self.gate
        var configuration = SSHServerConfiguration(hostKeys: [hostKey], userAuthDelegate: authentication)
        configuration.maxAuthAttempts = room.limits.attemptsPerConnection * 2 + 2
        let handler = NIOSSHHandler(
            role: .server(configuration), allocator: channel.allocator,
            inboundChildChannelInitializer: { child, type in
                guard case .session = type, let userName = authBound.value.userName else {
                    return child.eventLoop.makeFailedFuture(GroupError.channelRefused)
                }
                return child.eventLoop.makeCompletedFuture {
                    let connection = TraineeConnection(room: room, userName: userName) {
                        if !joinedBound.value.value {
                            joinedBound.value.value = true
                            gate.joined(address)
                        }
                    }
                    try child.pipeline.syncOperations.addHandler(connection)
                }
            })
        try channel.pipeline.syncOperations.addHandlers([handler, CloseOnError()])
    }

    /// Refreshes every connected trainee's screen (after the room changed for everyone).
    package func refreshAll() {
        loop.preconditionInEventLoop()
        for seat in room.seats.values { seat.connection?.refresh() }
    }

    /// Tells every trainee the session ended and closes everything.
    package func stop() {
        loop.preconditionInEventLoop()
        for seat in room.seats.values {
            seat.connection?.leave(message: GroupLabels(language: room.scenario.language).sessionOver + "\r\n", screen: true)
        }
        channel?.close(promise: nil)
        for connection in connections.values { connection.close(promise: nil) }
    }

    /// Waits until every reply and position handed over is saved, and stops the pipeline's
    /// threads. Call after ``stop()``, not on the event loop.
    package func finishSaving() {
        pipeline.syncShutdown()
    }
}

/// Closes a connection on any error (garbage on the port, a broken handshake): only that
/// connection is affected.
private final class CloseOnError: ChannelInboundHandler {
    typealias InboundIn = Any

    func errorCaught(context: ChannelHandlerContext, error: any Error) {
        context.close(promise: nil)
    }
}
