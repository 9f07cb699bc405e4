/// How much the validator is willing to read, so any input at all gets an answer quickly.
public struct ValidationLimits: Sendable, Hashable {
    /// Files larger than this many bytes are reported as too large and not read.
    public var maxFileSize: Int
    /// The deepest YAML nesting accepted (Kashuv's formats need fewer than ten levels).
    public var maxDepth: Int
    /// The most alias nodes (`*name`) a file may use.
    public var maxAliases: Int
    /// The most nodes a file may have once every alias is expanded.
    public var maxExpandedNodes: Int

    /// Creates limits; the defaults suit facilitators' files with a wide margin.
    public init(maxFileSize: Int = 2_000_000, maxDepth: Int = 64, maxAliases: Int = 1_000, maxExpandedNodes: Int = 200_000) {
        self.maxFileSize = maxFileSize
        self.maxDepth = maxDepth
        self.maxAliases = maxAliases
        self.maxExpandedNodes = maxExpandedNodes
    }
}
