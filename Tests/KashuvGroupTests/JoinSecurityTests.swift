import Foundation
import Testing
@testable import KashuvGroup

@Suite("Join code, wrong-code delays and the host key")
struct JoinSecurityTests {
    @Test("a generated code is six digits; only the exact code matches")
    func code() throws {
        let generated = JoinCode.generate()
        #expect(generated.text.count == 6 && generated.text.allSatisfy(\.isNumber))
        let code = try JoinCode("424242")
        #expect(code.matches("424242"))
        for guess in ["42424", "4242420", "424243", "", "x24242"] { #expect(!code.matches(guess)) }
        #expect(throws: GroupError.badCode) { try JoinCode("12 3") }
    }

    @Test("each wrong code from an address waits longer: 0.5 s, 1 s, 2 s … 16 s")
    func delays() {
        let gate = JoinGate(limits: GroupLimits())
        let delays = (0..<7).map { _ in gate.wrongCode(from: "10.0.0.5").nanoseconds / 1_000_000 }
        #expect(delays == [500, 1_000, 2_000, 4_000, 8_000, 16_000, 16_000])
        #expect(gate.wrongCode(from: "10.0.0.6").nanoseconds == 500_000_000, "another address starts afresh")
    }

    @Test("connections beyond the limits are not admitted")
    func limits() {
        var limits = GroupLimits()
        limits.pendingPerAddress = 2
        limits.connections = 3
        let gate = JoinGate(limits: limits)
        #expect(gate.admit("a") && gate.admit("a") && !gate.admit("a"))
        #expect(gate.admit("b") && !gate.admit("c"))
        gate.closed("a", wasPending: true)
        #expect(gate.admit("c"))
    }

    @Test("the host key is made once with mode 0600, read back with the same fingerprint, refused when others can read it")
    func hostKey() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-key-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: folder) }
        let path = folder.appendingPathComponent("key").path
        let made = try HostKeyFile(path: path)
        #expect(made.created && made.fingerprint.hasPrefix("SHA256:") && made.fingerprint.count == 50)
        let mode = try FileManager.default.attributesOfItem(atPath: path)[.posixPermissions] as? Int
        #expect(mode == 0o600)
        let again = try HostKeyFile(path: path)
        #expect(!again.created && again.fingerprint == made.fingerprint)
        chmod(path, 0o644)
        #expect(throws: GroupError.self) { try HostKeyFile(path: path) }
    }
}
