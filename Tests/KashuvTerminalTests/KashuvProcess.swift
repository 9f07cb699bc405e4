import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// Runs the built `kashuv` executable through pipes, as a script or a screen reader would.
///
/// The executable is looked for next to the test bundle in the build products folder
/// (`.build/<config>/kashuv`, or the `--scratch-path` given to `swift test`). `swift test`
/// does not build executables for test targets, so `scripts/test` runs
/// `swift build --product kashuv` first; a missing binary fails the tests with that advice.
final class KashuvProcess: @unchecked Sendable {
    /// The package's root folder: the working directory, so `Scenarios/` and `Trainers/` are found.
    static let packageRoot = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// The built `kashuv`, if there is one beside the tests.
    static let executable: URL? = {
        var starts = [Bundle.main.bundleURL, URL(fileURLWithPath: CommandLine.arguments.first ?? ".").deletingLastPathComponent()]
        starts += Bundle.allBundles.map(\.bundleURL)
        for start in starts {
            var folder = start.resolvingSymlinksInPath()
            for _ in 0..<4 {
                let candidate = folder.appendingPathComponent("kashuv")
                var isFolder: ObjCBool = false
                if FileManager.default.fileExists(atPath: candidate.path, isDirectory: &isFolder), !isFolder.boolValue,
                   FileManager.default.isExecutableFile(atPath: candidate.path) {
                    return candidate
                }
                folder = folder.deletingLastPathComponent()
            }
        }
        return nil
    }()

    static let missingAdvice = "no built kashuv next to the tests; run `swift build --product kashuv` first (scripts/test does)"

    let process = Process()
    private let input = Pipe()
    private let output = Pipe()
    private let errors = Pipe()
    private let lock = NSLock()
    private var outputBytes = Data()
    private var errorBytes = Data()
    private let outputDone = DispatchSemaphore(value: 0)
    private let errorDone = DispatchSemaphore(value: 0)

    /// Starts `kashuv` with arguments; `environment` is added to a minimal one (no TERM).
    /// With `shellCommand`, runs that command line with `/bin/sh -c` instead (in `directory`),
    /// as a trainee pasting a command Kashuv printed.
    init(_ arguments: [String], environment: [String: String] = [:], shellCommand: String? = nil, directory: URL? = nil) throws {
        guard let executable = Self.executable else { throw Missing() }
        signal(SIGPIPE, SIG_IGN)  // writing to a program that already exited must not kill the tests
        if let shellCommand {
            process.executableURL = URL(fileURLWithPath: "/bin/sh")
            process.arguments = ["-c", shellCommand]
        } else {
            process.executableURL = executable
            process.arguments = arguments
        }
        process.currentDirectoryURL = directory ?? Self.packageRoot
        var env = ["PATH": ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin", "USER": "tester", "LANG": "C.UTF-8"]
        env.merge(environment) { $1 }
        process.environment = env
        process.standardInput = input
        process.standardOutput = output
        process.standardError = errors
        try process.run()
        drain(output.fileHandleForReading, isError: false, done: outputDone)
        drain(errors.fileHandleForReading, isError: true, done: errorDone)
    }

    struct Missing: Error, CustomStringConvertible {
        var description: String { KashuvProcess.missingAdvice }
    }

    private func drain(_ handle: FileHandle, isError: Bool, done: DispatchSemaphore) {
        let thread = Thread { [self] in
            while true {
                let chunk = handle.availableData
                if chunk.isEmpty { break }
                lock.withLock {
                    if isError { errorBytes.append(chunk) } else { outputBytes.append(chunk) }
                }
            }
            done.signal()
        }
        thread.start()
    }

    /// Writes lines to the program's input.
    func send(_ lines: String...) {
        try? input.fileHandleForWriting.write(contentsOf: Data(lines.map { $0 + "\n" }.joined().utf8))
    }

    /// Closes the program's input (end of input).
    func closeInput() {
        try? input.fileHandleForWriting.close()
    }

    /// Everything written to standard output so far.
    var stdout: String { lock.withLock { String(decoding: outputBytes, as: UTF8.self) } }
    /// Everything written to standard error so far.
    var stderr: String { lock.withLock { String(decoding: errorBytes, as: UTF8.self) } }
    /// Standard output's raw bytes so far.
    var stdoutBytes: Data { lock.withLock { outputBytes } }

    /// Waits until standard output satisfies a condition; false after the timeout.
    func waitForOutput(timeout: TimeInterval = 30, _ condition: (String) -> Bool) -> Bool {
        let deadline = Date().addingTimeInterval(timeout)
        while Date() < deadline {
            if condition(stdout) { return true }
            if !process.isRunning { return condition(stdout) }
            usleep(20_000)
        }
        return false
    }

    /// Waits for the program to exit and for its output to be read; its exit status, or
    /// 128 + the signal that killed it.
    @discardableResult
    func finish(timeout: TimeInterval = 60) -> Int32 {
        if let exitStatus { return exitStatus }
        let deadline = Date().addingTimeInterval(timeout)
        while process.isRunning && Date() < deadline { usleep(20_000) }
        if process.isRunning { process.terminate() }
        process.waitUntilExit()
        _ = outputDone.wait(timeout: .now() + 5)
        _ = errorDone.wait(timeout: .now() + 5)
        let status = process.terminationReason == .uncaughtSignal ? 128 + process.terminationStatus : process.terminationStatus
        exitStatus = status
        return status
    }

    /// The exit status once ``finish(timeout:)`` returned.
    private(set) var exitStatus: Int32?

    /// Sends a signal to the program.
    func send(signal number: Int32) {
        kill(process.processIdentifier, number)
    }

    /// Runs to the end with the given input lines; read ``exitStatus`` and the output after.
    static func run(
        _ arguments: [String], input: [String], environment: [String: String] = [:], shellCommand: String? = nil, directory: URL? = nil
    ) throws -> KashuvProcess {
        let program = try KashuvProcess(arguments, environment: environment, shellCommand: shellCommand, directory: directory)
        try? program.input.fileHandleForWriting.write(contentsOf: Data(input.map { $0 + "\n" }.joined().utf8))
        program.closeInput()
        program.finish()
        return program
    }
}
