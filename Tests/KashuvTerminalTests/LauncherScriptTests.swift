import Foundation
import Testing

/// `scripts/kashuv` (what `scripts/practice` and an installed `kashuv` run) and `scripts/install`,
/// on a copy of the scripts with a stand-in `swift` that records each build: a start with
/// nothing changed must not build and must print nothing of its own.
@Suite("Launcher scripts", .serialized)
struct LauncherScriptTests {
    /// A throwaway checkout: the real scripts, a Package.swift, one source file, and a fake
    /// `swift` whose `build` writes `.build/release/kashuv` (a script that prints `ran: ARGS`).
    struct Checkout {
        let root = FileManager.default.temporaryDirectory.appendingPathComponent("kashuv-launcher-\(UUID().uuidString)")
        var bin: URL { root.appendingPathComponent("fake-bin") }
        var builds: URL { root.appendingPathComponent("builds.log") }

        init() throws {
            let fm = FileManager.default
            for folder in ["scripts", "Sources/kashuv", "fake-bin", "home"] {
                try fm.createDirectory(at: root.appendingPathComponent(folder), withIntermediateDirectories: true)
            }
            let scripts = KashuvProcess.packageRoot.appendingPathComponent("scripts")
            for name in ["kashuv", "setup", "practice", "install"] {
                try fm.copyItem(at: scripts.appendingPathComponent(name), to: root.appendingPathComponent("scripts/\(name)"))
            }
            try "// swift-tools-version:6.0\n".write(to: root.appendingPathComponent("Package.swift"), atomically: true, encoding: .utf8)
            try "print(1)\n".write(to: root.appendingPathComponent("Sources/kashuv/main.swift"), atomically: true, encoding: .utf8)
            let swift = """
                #!/bin/sh
                echo "$@" >> '\(builds.path)'
                mkdir -p .build/release
                printf '#!/bin/sh\\necho "ran: $*"\\n' > .build/release/kashuv
                chmod +x .build/release/kashuv
                echo "warning: prohibited flag(s): -D_DEFAULT_SOURCE"
                """
            // Written by a child process: a file this (multi-threaded) test process held open for
            // writing could be inherited by a process another test forks at that moment, and
            // running it would then fail with "Text file busy".
            let writer = Process()
            writer.executableURL = URL(fileURLWithPath: "/bin/sh")
            writer.arguments = ["-c", "cat > \"$1\" && chmod 755 \"$1\"", "sh", bin.appendingPathComponent("swift").path]
            let input = Pipe()
            writer.standardInput = input
            try writer.run()
            input.fileHandleForWriting.write(Data((swift + "\n").utf8))
            try input.fileHandleForWriting.close()
            writer.waitUntilExit()
        }

        /// How many times `swift build` ran.
        var buildCount: Int {
            ((try? String(contentsOf: builds, encoding: .utf8)) ?? "").split(separator: "\n").count
        }

        /// Runs a script of the checkout; its exit status, standard output and standard error.
        func run(_ script: String, _ arguments: [String] = [], path extra: String = "") throws -> (status: Int32, out: String, err: String) {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: "/bin/bash")
            process.arguments = [root.appendingPathComponent(script).path] + arguments
            process.currentDirectoryURL = FileManager.default.temporaryDirectory
            let path = [extra, bin.path, ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"].filter { !$0.isEmpty }
            process.environment = ["PATH": path.joined(separator: ":"), "HOME": root.appendingPathComponent("home").path]
            let out = Pipe(), err = Pipe()
            process.standardOutput = out
            process.standardError = err
            try process.run()
            let outData = out.fileHandleForReading.readDataToEndOfFile()
            let errData = err.fileHandleForReading.readDataToEndOfFile()
            process.waitUntilExit()
            return (process.terminationStatus, String(decoding: outData, as: UTF8.self), String(decoding: errData, as: UTF8.self))
        }

        func remove() { try? FileManager.default.removeItem(at: root) }
    }

    @Test("the first start builds once, quietly; later starts run the binary without building and print nothing else")
    func buildsOnlyWhenSourcesChange() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let first = try checkout.run("scripts/kashuv", ["scenarios"])
        #expect(first.status == 0, "\(first.err)")
        #expect(checkout.buildCount == 1)
        #expect(first.out == "ran: scenarios\n")
        #expect(!first.err.contains("prohibited flag"), "the build's own output goes to the log")
        #expect(first.err.contains("building"))

        let second = try checkout.run("scripts/kashuv", ["scenarios"])
        #expect(checkout.buildCount == 1, "nothing changed: no build")
        #expect(second.out == "ran: scenarios\n")
        #expect(second.err.isEmpty)

        // An edited source file, and a new one, each bring one build.
        sleep(1)  // file times have one-second resolution on some file systems
        try "print(2)\n".write(to: checkout.root.appendingPathComponent("Sources/kashuv/main.swift"), atomically: false, encoding: .utf8)
        _ = try checkout.run("scripts/kashuv")
        #expect(checkout.buildCount == 2)
        _ = try checkout.run("scripts/kashuv")
        #expect(checkout.buildCount == 2)
        sleep(1)
        try "print(3)\n".write(to: checkout.root.appendingPathComponent("Sources/kashuv/Other.swift"), atomically: true, encoding: .utf8)
        _ = try checkout.run("scripts/kashuv")
        #expect(checkout.buildCount == 3)
    }

    @Test("scripts/practice passes its arguments to `kashuv practice`")
    func practicePassesArguments() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let run = try checkout.run("scripts/practice", ["--plain", "--trainee", "דנה"])
        #expect(run.out == "ran: practice --plain --trainee דנה\n")
    }

    @Test("scripts/install links ~/.local/bin/kashuv to the launcher and says when that folder is not on PATH")
    func install() throws {
        let checkout = try Checkout()
        defer { checkout.remove() }
        let binFolder = checkout.root.appendingPathComponent("home/.local/bin")
        let notOnPath = try checkout.run("scripts/install")
        #expect(notOnPath.status == 0, "\(notOnPath.err)")
        #expect(notOnPath.out.contains("is not on your PATH"))
        let link = try FileManager.default.destinationOfSymbolicLink(atPath: binFolder.appendingPathComponent("kashuv").path)
        #expect(link == checkout.root.appendingPathComponent("scripts/kashuv").path)

        let onPath = try checkout.run("scripts/install", path: binFolder.path)
        #expect(onPath.out.contains("type  kashuv  to practise"))
        // The installed command runs from any folder, with the arguments given.
        let installed = try checkout.run("home/.local/bin/kashuv", ["validate", "x.yaml"])
        #expect(installed.out == "ran: validate x.yaml\n")
    }
}
