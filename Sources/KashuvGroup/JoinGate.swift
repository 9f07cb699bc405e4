import NIOCore

/// Who is knocking: counts connections, and wrong join codes per address, so that guessing
/// the code gets slower with every wrong guess from the same address.
///
/// The delay before "Permission denied" is 0.5 s for the first wrong code from an address,
/// doubling with each further one up to 16 s; it is forgotten after 10 minutes without a
/// wrong code. The right code is answered at once. Used from the server's event loop only.
package final class JoinGate {
    private struct Failures {
        var count: Int
        var last: NIODeadline
    }

    private var failures: [String: Failures] = [:]
    private var pending: [String: Int] = [:]
    /// Open connections now.
    package private(set) var open = 0
    let limits: GroupLimits

    package init(limits: GroupLimits) {
        self.limits = limits
    }

    /// Whether a new connection from `address` may proceed; counts it if so.
    package func admit(_ address: String) -> Bool {
        guard open < limits.connections, pending[address, default: 0] < limits.pendingPerAddress else { return false }
        open += 1
        pending[address, default: 0] += 1
        return true
    }

    /// The connection authenticated: it no longer counts as pending.
    package func joined(_ address: String) {
        release(pendingFrom: address)
    }

    /// The connection closed.
    package func closed(_ address: String, wasPending: Bool) {
        open = max(0, open - 1)
        if wasPending { release(pendingFrom: address) }
    }

    private func release(pendingFrom address: String) {
        let left = pending[address, default: 0] - 1
        pending[address] = left > 0 ? left : nil
    }

    /// Records a wrong code from `address` and returns how long to wait before refusing it.
    package func wrongCode(from address: String, now: NIODeadline = .now()) -> TimeAmount {
        var entry = failures[address] ?? Failures(count: 0, last: now)
        if now - entry.last > .minutes(10) { entry.count = 0 }
        entry.count += 1
        entry.last = now
        failures[address] = entry
        if failures.count > 10_000 { failures = failures.filter { now - $0.value.last < .minutes(10) } }
        return Self.delay(afterFailures: entry.count)
    }

    /// 0.5 s, 1 s, 2 s, … up to 16 s.
    package static func delay(afterFailures count: Int) -> TimeAmount {
        .milliseconds(Int64(500) << Int64(min(5, max(0, count - 1))))
    }
}
