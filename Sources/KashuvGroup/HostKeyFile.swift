import Crypto
import Foundation
import NIOSSH
#if canImport(Glibc)
import Glibc
#endif

/// The server's Ed25519 host key: generated on the first run, kept in a file only its owner
/// can read (mode 0600), and read back on every later run so trainees' `ssh` sees the same key.
///
/// The file holds one line: `kashuv-ed25519 ` and the base64 of the 32-byte private key.
/// A key file that others may read is refused (as `sshd` does), with the command to fix it.
package struct HostKeyFile {
    /// The key for the SSH server.
    package let key: NIOSSHPrivateKey
    /// The fingerprint as OpenSSH prints it (`SHA256:…`), to compare with what `ssh` shows.
    package let fingerprint: String
    /// Whether this run created the file.
    package let created: Bool

    private static let prefix = "kashuv-ed25519 "

    /// Reads the key at `path`, or creates it (and its folder) if there is none.
    package init(path: String) throws(GroupError) {
        let signing: Curve25519.Signing.PrivateKey
        if FileManager.default.fileExists(atPath: path) {
            var status = stat()
            guard stat(path, &status) == 0 else { throw .hostKey(path: path, reason: "cannot read it (\(String(cString: strerror(errno))))") }
            guard status.st_mode & 0o077 == 0 else {
                throw .hostKey(path: path, reason: "others can read it; run: chmod 600 \(path)")
            }
            guard let text = try? String(contentsOfFile: path, encoding: .utf8), text.hasPrefix(Self.prefix),
                  let raw = Data(base64Encoded: text.dropFirst(Self.prefix.count).trimmingCharacters(in: .whitespacesAndNewlines)),
                  let key = try? Curve25519.Signing.PrivateKey(rawRepresentation: raw)
            else {
                throw .hostKey(path: path, reason: "not a Kashuv host key; move it away to have a new one made (trainees will see a changed key)")
            }
            signing = key
            created = false
        } else {
            signing = Curve25519.Signing.PrivateKey()
            try Self.save(signing, to: path)
            created = true
        }
        key = NIOSSHPrivateKey(ed25519Key: signing)
        fingerprint = Self.fingerprint(publicKey: signing.publicKey.rawRepresentation)
    }

    private static func save(_ key: Curve25519.Signing.PrivateKey, to path: String) throws(GroupError) {
        let folder = (path as NSString).deletingLastPathComponent
        if !folder.isEmpty {
            do {
                try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true, attributes: [.posixPermissions: 0o700])
            } catch {
                throw .hostKey(path: path, reason: "cannot create its folder (\(error.localizedDescription))")
            }
        }
        let descriptor = open(path, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o600)
        guard descriptor >= 0 else { throw .hostKey(path: path, reason: "cannot create it (\(String(cString: strerror(errno))))") }
        defer { close(descriptor) }
        let line = Array((prefix + key.rawRepresentation.base64EncodedString() + "\n").utf8)
        let written = line.withUnsafeBytes { write(descriptor, $0.baseAddress, $0.count) }
        guard written == line.count, fsync(descriptor) == 0 else {
            unlink(path)
            throw .hostKey(path: path, reason: "cannot write it (\(String(cString: strerror(errno))))")
        }
    }

    /// `SHA256:` and the unpadded base64 of the SHA-256 of the public key in SSH wire format.
    package static func fingerprint(publicKey: Data) -> String {
        var blob = Data()
        func string(_ bytes: Data) {
            var length = UInt32(bytes.count).bigEndian
            blob.append(Data(bytes: &length, count: 4))
            blob.append(bytes)
        }
        string(Data("ssh-ed25519".utf8))
        string(publicKey)
        let digest = Data(SHA256.hash(data: blob)).base64EncodedString()
        return "SHA256:" + digest.replacingOccurrences(of: "=", with: "")
    }

    /// The default place: `$XDG_CONFIG_HOME/kashuv/ssh_host_ed25519_key` (or under `~/.config`).
    package static func defaultPath(environment: [String: String]) -> String {
        let base = environment["XDG_CONFIG_HOME"].flatMap { $0.isEmpty ? nil : $0 }
            ?? ((environment["HOME"] ?? NSHomeDirectory()) + "/.config")
        return base + "/kashuv/ssh_host_ed25519_key"
    }
}
