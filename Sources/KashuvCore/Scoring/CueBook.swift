import Foundation

/// One phrase a coach listed, with what kind of cue it is and how much it weighs.
public struct Cue: Sendable, Hashable {
    /// The phrase as written: words separated by spaces, `*` for "a few words here",
    /// `/` for gender or spelling alternatives (`מבין/ה`, `אליך/אלייך`).
    public var phrase: String
    /// What the phrase signals.
    public var kind: CueKind
    /// The language of the file it came from.
    public var language: Language
    /// How much the phrase counts where a rule adds weights up (robotic, promise); 1 by default.
    public var weight: Double
    /// The file and line it came from, for evidence and diagnostics.
    public var source: String

    /// Creates a cue.
    public init(phrase: String, kind: CueKind, language: Language, weight: Double = 1, source: String = "") {
        self.phrase = phrase
        self.kind = kind
        self.language = language
        self.weight = weight
        self.source = source
    }
}

/// The phrase lists the scorer reads, loaded from YAML cue files (one per language).
///
/// The default book lives in `Trainers/default/cues/`; a trainer profile may name extra
/// files with company jargon or house phrases, which are added to it.
public struct CueBook: Sendable {
    /// Every cue, in file order.
    public private(set) var cues: [Cue]

    /// Creates a book from cues already read.
    public init(cues: [Cue] = []) {
        self.cues = cues
    }

    /// Parses one cue file's text. Throws the first problem found (see ``CueBookValidator``
    /// for a full report).
    public init(yaml: String, path: String = "<cues>") throws {
        let parsed = CueFile.parse(yaml: yaml, path: path)
        if let first = parsed.diagnostics.first { throw first }
        self.init(cues: parsed.cues)
    }

    /// Loads one cue file.
    public init(contentsOf file: URL) throws {
        let data = try Data(contentsOf: file)
        try self.init(yaml: String(decoding: data, as: UTF8.self), path: file.path)
    }

    /// Loads every `.yaml`/`.yml` file in a folder, sorted by name.
    public init(folder: URL) throws {
        self = try CueFiles(reading: [folder]).book()
    }

    /// The default cues from `Trainers/default/cues/` plus any extra files a trainer profile names.
    ///
    /// - Parameters:
    ///   - extraFiles: further cue files (or folders of them) added after the default ones.
    ///   - folder: where the default cues are; found with ``CueLocation/defaultFolder()`` when `nil`.
    public static func loadDefault(extraFiles: [URL] = [], folder: URL? = nil) throws -> CueBook {
        try CueFiles.default(extraFiles: extraFiles, folder: folder).book()
    }

    /// Adds another book's cues after these.
    public mutating func add(_ other: CueBook) {
        cues += other.cues
    }

    /// The cues of one language and kind.
    public func cues(_ kind: CueKind, language: Language) -> [Cue] {
        cues.filter { $0.kind == kind && $0.language == language }
    }
}
