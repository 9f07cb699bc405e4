// kashuv-fuzz TARGET [options]: fuzzes one of Kashuv's input readers (docs/fuzzing.md).
//
// Built by `scripts/fuzz` with `--sanitize=fuzzer` and `-DKASHUV_FUZZ`, it hands the target
// to libFuzzer (`LLVMFuzzerRunDriver`), which takes libFuzzer's own options (`-max_total_time=60`,
// a corpus folder, a crash file to replay). In an ordinary build it runs the seeded random
// pass instead: `kashuv-fuzz TARGET [-max_total_time=SECONDS] [-seed=N]`, or replays the files given.
import Foundation
import KashuvFuzzTargets

#if KASHUV_FUZZ
typealias TestOneInput = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: TestOneInput
) -> Int32
#endif

/// The target libFuzzer's callback runs (set once, before fuzzing starts).
nonisolated(unsafe) private var selected = FuzzTarget.scenario

@main
enum KashuvFuzz {
    static func main() {
        var arguments = CommandLine.arguments
        guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
            let names = FuzzTarget.allCases.map(\.rawValue).joined(separator: "|")
            FileHandle.standardError.write(Data("usage: kashuv-fuzz \(names) [libFuzzer options | -max_total_time=SECONDS -seed=N | FILE...]\n".utf8))
            exit(2)
        }
        selected = target
        arguments.remove(at: 1)
        let home = URL(fileURLWithPath: ProcessInfo.processInfo.environment["KASHUV_HOME"] ?? FileManager.default.currentDirectoryPath)
        #if KASHUV_FUZZ
        // An empty corpus folder (the first argument that is a folder) starts from the seeds.
        if let corpus = arguments.dropFirst().first(where: { !$0.hasPrefix("-") }),
           let existing = try? FileManager.default.contentsOfDirectory(atPath: corpus), existing.isEmpty {
            for (index, seed) in target.seeds(home: home).enumerated() {
                _ = FileManager.default.createFile(atPath: corpus + "/seed-\(index)", contents: Data(seed))
            }
        }
        // argv as libFuzzer wants it; built without nested closures (Swift 6.3's region
        // analysis crashes on an inout capture inside withUnsafeMutableBufferPointer here).
        let argv = UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>.allocate(capacity: arguments.count + 1)
        for (index, argument) in arguments.enumerated() { argv[index] = strdup(argument) }
        argv[arguments.count] = nil
        var argc = Int32(arguments.count)
        var argvPointer: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = argv
        let status = LLVMFuzzerRunDriver(&argc, &argvPointer, fuzzOne)
        exit(status)
        #else
        randomPass(target: target, arguments: Array(arguments.dropFirst()), home: home)
        #endif
    }

    #if KASHUV_FUZZ
    /// libFuzzer's callback: one input to the selected target.
    static let fuzzOne: TestOneInput = { data, size in
        runOne(data.map { Array(UnsafeBufferPointer(start: $0, count: size)) } ?? [])
        return 0
    }
    #endif

    /// Runs the selected target on one input; a broken promise stops the run like a crash, so
    /// the fuzzer saves the input.
    static func runOne(_ bytes: [UInt8]) {
        let broken = selected.run(bytes)
        if !broken.isEmpty {
            FileHandle.standardError.write(Data("kashuv-fuzz \(selected.rawValue): \(broken.joined(separator: "; "))\n".utf8))
            abort()
        }
    }

    /// The seeded random pass (seeds, then random mutations of the corpus, until time is up),
    /// or a replay of the files named.
    static func randomPass(target: FuzzTarget, arguments: [String], home: URL) {
        var seconds = 10.0
        var seed: UInt64 = 1
        var files: [String] = []
        for argument in arguments {
            if argument.hasPrefix("-max_total_time=") {
                seconds = Double(argument.dropFirst("-max_total_time=".count)) ?? seconds
            } else if argument.hasPrefix("-seed=") {
                seed = UInt64(argument.dropFirst("-seed=".count)) ?? seed
            } else if !argument.hasPrefix("-") {
                files.append(argument)
            }
        }
        if !files.isEmpty {
            for file in files { runOne([UInt8]((try? Data(contentsOf: URL(fileURLWithPath: file))) ?? Data())) }
            print("kashuv-fuzz \(target.rawValue): \(files.count) inputs replayed, no problem")
            return
        }
        let report = FuzzPass(target: target, seed: seed).run(seconds: seconds, home: home) { input, broken in
            FileHandle.standardError.write(Data("kashuv-fuzz \(target.rawValue): \(broken.joined(separator: "; "))\n".utf8))
            let name = "crash-\(target.rawValue)-seed\(seed).bin"
            _ = FileManager.default.createFile(atPath: name, contents: Data(input))
            FileHandle.standardError.write(Data("kashuv-fuzz: input saved as \(name)\n".utf8))
            exit(1)
        }
        print("kashuv-fuzz \(target.rawValue): \(report.executions) inputs in \(String(format: "%.1f", report.seconds)) s (seed \(seed)), no problem")
    }
}
