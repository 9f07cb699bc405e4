import Foundation

/// A bounded, seeded random pass over one target: its seeds, then random mutations of the
/// corpus, until the time is up. Without libFuzzer this is how CI and `swift test` fuzz;
/// the same seed gives the same inputs.
public struct FuzzPass: Sendable {
    /// The target run.
    public var target: FuzzTarget
    /// The random seed.
    public var seed: UInt64

    /// What a pass did.
    public struct Report: Sendable {
        /// Inputs run.
        public var executions: Int
        /// Seconds spent.
        public var seconds: Double
    }

    /// Creates a pass.
    public init(target: FuzzTarget, seed: UInt64) {
        self.target = target
        self.seed = seed
    }

    /// Runs the pass: the seeds, then mutations until `seconds` have passed since the seeds
    /// were done (and at least `minimumMutations` of them, however slow the machine).
    /// `onProblem` gets each input that broke a promise, with what it broke.
    public func run(
        seconds: Double, minimumMutations: Int = 0, home: URL, onProblem: (_ input: [UInt8], _ broken: [String]) -> Void
    ) -> Report {
        var generator = SplitMix64(seed: seed)
        var corpus = target.seeds(home: home)
        if corpus.isEmpty { corpus = [[]] }
        var executions = 0
        func check(_ input: [UInt8]) {
            executions += 1
            let broken = target.run(input)
            if !broken.isEmpty { onProblem(input, broken) }
        }
        corpus.forEach(check)
        let start = Date()
        var mutations = 0
        while mutations < minimumMutations || Date().timeIntervalSince(start) < seconds {
            mutations += 1
            let parent = corpus.randomElement(using: &generator)!
            let child = FuzzTarget.mutate(parent, with: &generator, corpus: corpus)
            check(Array(child.prefix(64 * 1024)))
            if corpus.count < 2_000, Int.random(in: 0..<8, using: &generator) == 0 { corpus.append(child) }
        }
        return Report(executions: executions, seconds: Date().timeIntervalSince(start))
    }
}

/// A small, fast, seedable generator (SplitMix64), so a pass can be repeated exactly.
public struct SplitMix64: RandomNumberGenerator, Sendable {
    var state: UInt64
    /// Creates a generator; the same seed gives the same numbers.
    public init(seed: UInt64) { state = seed }
    /// The next number.
    public mutating func next() -> UInt64 {
        state &+= 0x9E37_79B9_7F4A_7C15
        var z = state
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}
