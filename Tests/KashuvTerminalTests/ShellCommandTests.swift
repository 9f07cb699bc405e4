import Foundation
import Testing
@testable import KashuvTerminal

/// The commands Kashuv prints must run as printed: `kashuv` only when that name on PATH is this program.
@Suite("Printed commands")
struct ShellCommandTests {
    /// A folder with a fake program, a launcher script that stands for scripts/kashuv, and bin folders.
    struct Layout {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-shell-\(UUID().uuidString)")
        var program: String { root.appendingPathComponent("build/kashuv").path }
        var launcher: String { root.appendingPathComponent("checkout/scripts/kashuv").path }
        var installed: URL { root.appendingPathComponent("home/.local/bin") }
        var other: URL { root.appendingPathComponent("usr/bin") }

        init() throws {
            for folder in ["build", "checkout/scripts", "home/.local/bin", "usr/bin"] {
                try FileManager.default.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            for file in [program, launcher, other.appendingPathComponent("kashuv").path] {
                guard FileManager.default.createFile(atPath: file, contents: Data("#!/bin/sh\n".utf8), attributes: [.posixPermissions: 0o755])
                else { throw CocoaError(.fileWriteUnknown) }
            }
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("installed by scripts/install (a link to the launcher on PATH): plain `kashuv`")
    func installed() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try FileManager.default.createSymbolicLink(atPath: layout.installed.appendingPathComponent("kashuv").path, withDestinationPath: layout.launcher)
        let environment = ["PATH": "/nonexistent:\(layout.installed.path):/bin", "KASHUV_LAUNCHER": layout.launcher]
        #expect(ShellCommand.program(environment: environment, executable: layout.program) == "kashuv")
    }

    @Test("the binary itself on PATH: plain `kashuv`")
    func binaryOnPath() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try FileManager.default.createSymbolicLink(atPath: layout.installed.appendingPathComponent("kashuv").path, withDestinationPath: layout.program)
        #expect(ShellCommand.program(environment: ["PATH": layout.installed.path], executable: layout.program) == "kashuv")
    }

    @Test("not installed: the launcher's full path, or the binary's when there is no launcher")
    func notInstalled() throws {
        let layout = try Layout()
        defer { layout.remove() }
        #expect(ShellCommand.program(environment: ["PATH": "/bin", "KASHUV_LAUNCHER": layout.launcher], executable: layout.program) == layout.launcher)
        #expect(ShellCommand.program(environment: ["PATH": "/bin"], executable: layout.program) == layout.program)
    }

    @Test("another kashuv first on PATH is not ours: the full path is printed")
    func someoneElsesKashuv() throws {
        let layout = try Layout()
        defer { layout.remove() }
        try FileManager.default.createSymbolicLink(atPath: layout.installed.appendingPathComponent("kashuv").path, withDestinationPath: layout.launcher)
        let environment = ["PATH": "\(layout.other.path):\(layout.installed.path)", "KASHUV_LAUNCHER": layout.launcher]
        #expect(ShellCommand.program(environment: environment, executable: layout.program) == layout.launcher)
    }

    @Test("paths and names with spaces or quotes are quoted for the shell")
    func quoting() {
        #expect(ShellCommand.quoted("/home/dana cohen/kashuv") == "'/home/dana cohen/kashuv'")
        #expect(ShellCommand.quoted("O'Brien") == "'O'\\''Brien'")
        #expect(ShellCommand.quoted("דנה") == "דנה")
        #expect(ShellCommand.program(environment: ["PATH": "/bin"], executable: "/opt/my tools/kashuv") == "'/opt/my tools/kashuv'")
    }
}
