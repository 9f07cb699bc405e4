// kashuv-bench: speed of the scorer, run in release:
//
//     swift run -c release kashuv-bench [path/to/dev-replies.jsonl] [--rounds N] [--cold]
//
// Scores every reply of the dev set (with its customer line, evidence and advice) many
// times over on one thread and prints replies per second and the p50/p99/max latency of
// one reply. The dev set defaults to ../shared/data/dev-replies.jsonl beside the package.
import Foundation
import KashuvCore

@main
struct KashuvBench {
    static func main() throws {
        var arguments = Array(CommandLine.arguments.dropFirst())
        var rounds = 200
        // --cold: make every customer line new each round, so the customer-line cache never hits.
        let cold = arguments.contains("--cold")
        arguments.removeAll { $0 == "--cold" }
        if let index = arguments.firstIndex(of: "--rounds"), index + 1 < arguments.count {
            rounds = Int(arguments[index + 1]) ?? rounds
            arguments.removeSubrange(index...(index + 1))
        }
        let file = arguments.first.map { URL(fileURLWithPath: $0) } ?? defaultDevSet()
        guard FileManager.default.fileExists(atPath: file.path) else {
            FileHandle.standardError.write(Data("kashuv-bench: no dev set at \(file.path); pass its path\n".utf8))
            exit(2)
        }
        let items = try LabelledReply.load(contentsOf: file)

        let loadStart = DispatchTime.now().uptimeNanoseconds
        let scorer = try ReplyScorer.loadDefault()
        let loadMs = Double(DispatchTime.now().uptimeNanoseconds - loadStart) / 1e6

        var contexts = items.map(\.context)
        // Warm-up.
        var sink = 0
        for (item, context) in zip(items, contexts) { sink &+= scorer.score(item.reply, context: context).evidence.count }

        var latencies: [UInt64] = []
        latencies.reserveCapacity(items.count * rounds)
        let start = DispatchTime.now().uptimeNanoseconds
        for round in 0..<rounds {
            if cold {
                for index in contexts.indices { contexts[index].customerLine = (items[index].customer ?? "") + " \(round)" }
            }
            for (item, context) in zip(items, contexts) {
                let t0 = DispatchTime.now().uptimeNanoseconds
                let result = scorer.score(item.reply, context: context)
                let t1 = DispatchTime.now().uptimeNanoseconds
                sink &+= result.evidence.count &+ result.advice.count
                latencies.append(t1 - t0)
            }
        }
        let total = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        latencies.sort()
        func percentile(_ p: Double) -> Double {
            Double(latencies[min(latencies.count - 1, Int(Double(latencies.count) * p))]) / 1e3
        }
        let count = latencies.count
        print("kashuv-bench: \(items.count) dev replies × \(rounds) rounds = \(count) scorings, one thread"
              + (cold ? ", customer-line cache defeated (--cold)" : ""))
        print(String(format: "cue book load + compile: %.1f ms", loadMs))
        print(String(format: "throughput: %.0f replies/s", Double(count) / total))
        print(String(format: "latency per reply: p50 %.1f µs  p99 %.1f µs  max %.1f µs", percentile(0.5), percentile(0.99),
                     Double(latencies.last ?? 0) / 1e3))
        print("targets: p99 ≤ 1000 µs, ≥ 20000 replies/s  (checksum \(sink))")
    }

    /// `../shared/data/dev-replies.jsonl` relative to the package root (found from the
    /// current directory or the executable's location).
    static func defaultDevSet() -> URL {
        let manager = FileManager.default
        var starts = [URL(fileURLWithPath: manager.currentDirectoryPath)]
        starts.append(URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent())
        for start in starts {
            var folder = start.standardizedFileURL
            for _ in 0..<8 {
                if manager.fileExists(atPath: folder.appendingPathComponent("Package.swift").path) {
                    return folder.deletingLastPathComponent().appendingPathComponent("shared/data/dev-replies.jsonl")
                }
                let parent = folder.deletingLastPathComponent()
                if parent.path == folder.path { break }
                folder = parent
            }
        }
        return URL(fileURLWithPath: "../shared/data/dev-replies.jsonl")
    }
}
