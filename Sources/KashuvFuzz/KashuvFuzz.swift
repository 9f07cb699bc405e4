// kashuv-fuzz TARGET [options]: fuzzes one of Kashuv's input readers (docs/fuzzing.md).
//
// Built by `scripts/fuzz` with `--sanitize=fuzzer` and `-DKASHUV_FUZZ`, it is a libFuzzer
// program: libFuzzer's own `main` takes its options (`-max_total_time=60`, a corpus folder, a
// crash file to replay) and the target is named by `KASHUV_FUZZ_TARGET`. In an ordinary build
// it runs the seeded random pass instead: `kashuv-fuzz TARGET [-max_total_time=SECONDS]
// [-seed=N]`, or replays the files given.
import Foundation
import KashuvFuzzTargets

/// Runs a target on one input; a broken promise stops the run like a crash, so the fuzzer
/// saves the input.
func runOne(_ target: FuzzTarget, _ bytes: [UInt8]) {
    let broken = target.run(bytes)
    if !broken.isEmpty {
        FileHandle.standardError.write(Data("kashuv-fuzz \(target.rawValue): \(broken.joined(separator: "; "))\n".utf8))
        abort()
    }
}

/// The Kashuv folder the seeds are read from.
func kashuvHome() -> URL {
    URL(fileURLWithPath: ProcessInfo.processInfo.environment["KASHUV_HOME"] ?? FileManager.default.currentDirectoryPath)
}

#if KASHUV_FUZZ
/// The target named by `KASHUV_FUZZ_TARGET`, read once.
let fuzzTarget: FuzzTarget = {
    let name = ProcessInfo.processInfo.environment["KASHUV_FUZZ_TARGET"] ?? ""
    guard let target = FuzzTarget(rawValue: name) else {
        let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
        FileHandle.standardError.write(Data("kashuv-fuzz: set KASHUV_FUZZ_TARGET to \(names)\n".utf8))
        exit(2)
    }
    return target
}()

/// libFuzzer's start-up hook: checks the target and puts the seeds in an empty corpus folder.
@_cdecl("LLVMFuzzerInitialize")
func fuzzerInitialize(_ argc: UnsafeMutablePointer<Int32>, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>) -> Int32 {
    let target = fuzzTarget
    CPUTimeWatchdog.start()
    let arguments = CommandLine.arguments.dropFirst()
    if let corpus = arguments.first(where: { !$0.hasPrefix("-") }),
       let existing = try? FileManager.default.contentsOfDirectory(atPath: corpus), existing.isEmpty {
        for (index, seed) in target.seeds(home: kashuvHome()).enumerated() {
            _ = FileManager.default.createFile(atPath: corpus + "/seed-\(index)", contents: Data(seed))
        }
    }
    return 0
}

/// libFuzzer's callback: one input to the target.
@_cdecl("LLVMFuzzerTestOneInput")
func fuzzerTestOneInput(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    CPUTimeWatchdog.begin()
    defer { CPUTimeWatchdog.end() }
    runOne(fuzzTarget, data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
    return 0
}
#else
@main
enum KashuvFuzz {
    static func main() {
        let arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: kashuv-fuzz \(names) [-max_total_time=SECONDS] [-seed=N] [FILE...]\n".utf8))
            exit(2)
        }
        var seconds = 10.0
        var seed: UInt64 = 1
        var files: [String] = []
        for argument in arguments.dropFirst(2) {
            if argument.hasPrefix("-max_total_time=") {
                seconds = Double(argument.dropFirst("-max_total_time=".count)) ?? seconds
            } else if argument.hasPrefix("-seed=") {
                seed = UInt64(argument.dropFirst("-seed=".count)) ?? seed
            } else if !argument.hasPrefix("-") {
                files.append(argument)
            }
        }
        if !files.isEmpty {
            for file in files { runOne(target, [UInt8]((try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data())) }
            print("kashuv-fuzz \(target.rawValue): \(files.count) inputs replayed, no problem")
            return
        }
        let report = FuzzPass(target: target, seed: seed).run(seconds: seconds, home: kashuvHome()) { input, broken in
            FileHandle.standardError.write(Data("kashuv-fuzz \(target.rawValue): \(broken.joined(separator: "; "))\n".utf8))
            let name = "crash-\(target.rawValue)-seed\(seed).bin"
            _ = FileManager.default.createFile(atPath: name, contents: Data(input))
            FileHandle.standardError.write(Data("kashuv-fuzz: input saved as \(name)\n".utf8))
            exit(1)
        }
        print("kashuv-fuzz \(target.rawValue): \(report.executions) inputs in \(String(format: "%.1f", report.seconds)) s (seed \(seed)), no problem")
    }
}
#endif
