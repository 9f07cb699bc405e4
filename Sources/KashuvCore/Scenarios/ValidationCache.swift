import Foundation
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// The validator's verdicts on files it has checked before, kept on disk between runs so
/// `kashuv scenarios`, `kashuv validate`, practice start-up and the debrief's library do
/// not parse and check unchanged files again.
///
/// An entry is keyed by everything a verdict depends on: the file's text and path, the kind
/// it was checked as, the limits, and the identity of the running program (its executable's
/// size, inode and modification time), so an edited file or a rebuilt `kashuv` is checked
/// afresh. An entry is one file `<key>.json`, written to a temporary name and renamed into
/// place; it carries a checksum of its contents and the key it was stored under, and one
/// that does not match (cut short, edited, from another version) is ignored and replaced.
/// The YAML files stay the only source; deleting the folder loses nothing.
///
/// Off unless a front end turns it on (``enableDefault(environment:)``): the library's tests
/// and fuzzers never write one. `KASHUV_CACHE=off` turns it off; `KASHUV_CACHE=DIR` puts it in DIR.
public final class ValidationCache: @unchecked Sendable {
    /// The folder the entries are in.
    public let folder: URL
    private let programIdentity: String

    /// A cache in a folder (created when the first entry is stored), for this program.
    /// `nil` when the running program cannot be identified.
    public init?(folder: URL) {
        guard let identity = Self.programIdentity() else { return nil }
        self.folder = folder
        programIdentity = identity
    }

    // MARK: The cache in use

    private static let lock = NSLock()
    nonisolated(unsafe) private static var shared: ValidationCache?

    /// The cache the validator uses, if any.
    public static var current: ValidationCache? {
        get { lock.withLock { shared } }
        set { lock.withLock { shared = newValue } }
    }

    /// Turns the cache on (``inDefaultFolder(environment:)``) for every validator made afterwards.
    public static func enableDefault(environment: [String: String] = ProcessInfo.processInfo.environment) {
        current = inDefaultFolder(environment: environment)
    }

    /// The cache in `$KASHUV_CACHE`, `$XDG_CACHE_HOME/kashuv/validation` or
    /// `~/.cache/kashuv/validation`; `nil` for `KASHUV_CACHE=off` (or `0`).
    public static func inDefaultFolder(environment: [String: String]) -> ValidationCache? {
        let setting = environment["KASHUV_CACHE"] ?? ""
        if ["off", "0", "no", "false"].contains(setting.lowercased()) { return nil }
        if !setting.isEmpty { return ValidationCache(folder: URL(fileURLWithPath: setting, isDirectory: true)) }
        if let xdg = environment["XDG_CACHE_HOME"], xdg.hasPrefix("/") {
            return ValidationCache(folder: URL(fileURLWithPath: xdg, isDirectory: true).appendingPathComponent("kashuv/validation"))
        }
        if let home = environment["HOME"], home.hasPrefix("/") {
            return ValidationCache(folder: URL(fileURLWithPath: home, isDirectory: true).appendingPathComponent(".cache/kashuv/validation"))
        }
        return nil
    }

    // MARK: Entries

    /// What a verdict depends on besides the program.
    struct Key {
        var path: String
        var text: String
        var kind: ScenarioValidator.FileKind?
        var limits: ValidationLimits
    }

    /// The stored verdict for this key, if there is a sound one. Without `whole`, a valid
    /// scenario comes back as its summary only (the scenario itself is not decoded, which is
    /// most of the work); with it, an entry kept without the whole scenario is no verdict.
    func outcome(for key: Key, whole: Bool = true) -> ScenarioValidator.FileOutcome? {
        let (name, check) = entryName(key)
        guard let data = try? Data(contentsOf: folder.appendingPathComponent(name)),
              let newline = data.firstIndex(of: 0x0A)
        else { return nil }
        let header = String(decoding: data[..<newline], as: UTF8.self)
        let payload = data[(newline + 1)...]
        guard header == Self.header(checksum: Self.hash(payload), check: check) else { return nil }
        if whole {
            guard let entry = try? JSONDecoder().decode(Entry<Scenario>.self, from: payload),
                  entry.path == key.path, entry.textLength == key.text.utf8.count,
                  entry.summary == nil || entry.scenario != nil
            else { return nil }
            return entry.outcome
        }
        guard let entry = try? JSONDecoder().decode(Entry<Skipped>.self, from: payload),
              entry.path == key.path, entry.textLength == key.text.utf8.count
        else { return nil }
        return entry.outcome
    }

    /// Stores a verdict (best effort: a cache that cannot be written is only slower). Without
    /// `whole`, a valid scenario is kept as its summary only, which is much quicker to write.
    func store(_ outcome: ScenarioValidator.FileOutcome, for key: Key, whole: Bool = true) {
        let (name, check) = entryName(key)
        var kept = outcome
        if !whole { kept.scenario = nil }
        guard let payload = try? JSONEncoder().encode(Entry<Scenario>(kept, textLength: key.text.utf8.count)) else { return }
        var data = Data((Self.header(checksum: Self.hash(payload), check: check) + "\n").utf8)
        data.append(payload)
        do {
            try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
            let temporary = folder.appendingPathComponent(".\(name).\(getpid()).\(UInt32.random(in: 0...UInt32.max))")
            try data.write(to: temporary)
            if rename(temporary.path, folder.appendingPathComponent(name).path) != 0 {
                try? FileManager.default.removeItem(at: temporary)
            }
        } catch {
            return
        }
    }

    /// The entry's file name (from one hash of the key) and a second, independent hash of
    /// the key kept inside it.
    private func entryName(_ key: Key) -> (name: String, check: String) {
        let limits = "\(key.limits.maxFileSize),\(key.limits.maxDepth),\(key.limits.maxAliases),\(key.limits.maxExpandedNodes)"
        let kind = key.kind.map { "\($0)" } ?? "-"
        var material = Array("\(Self.formatVersion)\u{0}\(programIdentity)\u{0}\(limits)\u{0}\(kind)\u{0}\(key.path)\u{0}".utf8)
        material.append(contentsOf: key.text.utf8)
        let first = Self.hash(material)
        let second = Self.hash(material, basis: 0x6C62_272E_07BB_0142)
        return (String(first, radix: 16) + String(second, radix: 16) + ".json", String(second, radix: 16))
    }

    private static let formatVersion = 2

    private static func header(checksum: UInt64, check: String) -> String {
        "kashuv-validation \(formatVersion) \(check) \(String(checksum, radix: 16))"
    }

    /// 64-bit FNV-1a.
    static func hash<Bytes: Sequence>(_ bytes: Bytes, basis: UInt64 = 0xCBF2_9CE4_8422_2325) -> UInt64 where Bytes.Element == UInt8 {
        var hash = basis
        for byte in bytes {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return hash
    }

    /// The running executable's size, inode and modification time: a rebuilt program has
    /// other checks, so it does not trust verdicts of an earlier build.
    private static func programIdentity() -> String? {
        var info = stat()
        guard stat("/proc/self/exe", &info) == 0 else { return nil }
        return "\(info.st_size):\(info.st_ino):\(info.st_mtim.tv_sec).\(info.st_mtim.tv_nsec)"
    }

    /// A stored scenario that is not decoded (a summary-only read).
    private struct Skipped: Codable {
        init(from decoder: any Decoder) {}
        func encode(to encoder: any Encoder) {}
    }

    /// A verdict as stored; `Body` is ``Scenario``, or ``Skipped`` to leave it undecoded.
    private struct Entry<Body: Codable>: Codable {
        struct Location: Codable {
            var line: Int
            var column: Int
        }

        struct StoredDiagnostic: Codable {
            var path: String
            var line: Int?
            var column: Int?
            var code: String
            var message: String
            var hint: String
        }

        struct Planned: Codable {
            var id: String
            var location: Location?
        }

        var path: String
        var textLength: Int
        var kind: String?
        var diagnostics: [StoredDiagnostic]
        var scenario: Body?
        var summary: ScenarioSummary?
        var idLocation: Location?
        var planned: [Planned]

        private static var kinds: [ScenarioValidator.FileKind] { [.scenario, .trainerProfile, .workshopPlan, .cueBook] }

        init(_ outcome: ScenarioValidator.FileOutcome, textLength: Int) {
            path = outcome.path
            self.textLength = textLength
            kind = outcome.kind.map { "\($0)" }
            diagnostics = outcome.diagnostics.map {
                StoredDiagnostic(path: $0.path, line: $0.line, column: $0.column, code: $0.code, message: $0.message, hint: $0.hint)
            }
            scenario = outcome.scenario as? Body
            summary = outcome.summary
            idLocation = outcome.idLocation.map { Location(line: $0.line, column: $0.column) }
            planned = outcome.plannedScenarios.map { Planned(id: $0.id, location: $0.location.map { Location(line: $0.line, column: $0.column) }) }
        }

        var outcome: ScenarioValidator.FileOutcome? {
            var outcome = ScenarioValidator.FileOutcome(path: path)
            if let kind {
                guard let known = Self.kinds.first(where: { "\($0)" == kind }) else { return nil }
                outcome.kind = known
            }
            outcome.diagnostics = diagnostics.map {
                Diagnostic(path: $0.path, line: $0.line, column: $0.column, code: $0.code, message: $0.message, hint: $0.hint)
            }
            outcome.scenario = scenario as? Scenario
            outcome.summary = summary
            outcome.idLocation = idLocation.map { LineColumn(line: $0.line, column: $0.column) }
            outcome.plannedScenarios = planned.map { ($0.id, $0.location.map { LineColumn(line: $0.line, column: $0.column) }) }
            return outcome
        }
    }
}
