import TablemendModel

/// Reads decoded text exports: detects the dialect and tokenizes it into rows of raw cells.
public enum TextReader {
  /// Dialect names `tokenize` accepts in `dialect`.
  public static let dialects = ["tab-per-row", "cell-per-line"]

  /// Tokenizes `text`, detecting its dialect unless `dialect` names one.
  /// - Throws: `TextError` when a limit is exceeded or the dialect name is unknown.
  public static func tokenize(_ text: String, dialect: String?, limits: Limits) throws(TextError)
    -> TokenizedText
  {
    TokenizedText(dialect: dialect ?? "unknown", segments: [], diagnostics: [])
  }
}
