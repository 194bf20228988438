import TablemendModel

/// What the text path read: the body in reading order, the dialect, and what it noticed.
public struct TextContent: Sendable {
  public var blocks: [Block]
  public var dialect: String
  public var diagnostics: [Diagnostic]

  public init(blocks: [Block], dialect: String, diagnostics: [Diagnostic]) {
    self.blocks = blocks
    self.dialect = dialect
    self.diagnostics = diagnostics
  }
}

/// Reads decoded text exports: detects the dialect and hands rows of cells to the grid stage.
public enum TextReader {
  public static func read(_ text: String, dialect: String?, limits: Limits) throws(TextError)
    -> TextContent
  {
    TextContent(blocks: [], dialect: dialect ?? "unknown", diagnostics: [])
  }
}
