import NIOCore
import NIOSSH

/// One connection's login: the join code at the password prompt, the user name kept for
/// the trainee's seat. A wrong code is refused ("Permission denied") after the delay the
/// ``JoinGate`` gives for that address; after a few wrong codes the connection is closed.
final class CodeAuthentication: NIOSSHServerUserAuthenticationDelegate {
    private let code: JoinCode
    private let gate: JoinGate
    private let address: String
    private let eventLoop: any EventLoop
    private let limits: GroupLimits
    private var wrongCodes = 0
    /// The user name of the successful login.
    private(set) var userName: String?
    /// Called when a connection has used up its attempts.
    var onTooManyAttempts: (() -> Void)?

    init(code: JoinCode, gate: JoinGate, address: String, eventLoop: any EventLoop, limits: GroupLimits) {
        self.code = code
        self.gate = gate
        self.address = address
        self.eventLoop = eventLoop
        self.limits = limits
    }

    var supportedAuthenticationMethods: NIOSSHAvailableUserAuthenticationMethods { .password }

    func requestReceived(
        request: NIOSSHUserAuthenticationRequest, responsePromise: EventLoopPromise<NIOSSHUserAuthenticationOutcome>
    ) {
        guard case .password(let password) = request.request else {
            // "none" (the client asking which methods there are) or a public key: not a guess.
            return responsePromise.succeed(.failure)
        }
        if code.matches(password.password) {
            userName = request.username
            return responsePromise.succeed(.success)
        }
        wrongCodes += 1
        let delay = gate.wrongCode(from: address)
        let tooMany = wrongCodes >= limits.attemptsPerConnection
        let onTooMany = NIOLoopBound(onTooManyAttempts, eventLoop: eventLoop)
        eventLoop.scheduleTask(in: delay) {
            responsePromise.succeed(.failure)
            if tooMany { onTooMany.value?() }
        }
    }
}
