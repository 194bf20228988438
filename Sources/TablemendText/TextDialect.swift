import TablemendModel

/// A text dialect: how to recognise an export written in it, and how to tokenize it.
///
/// Every dialect turns lines into `Segment`s (paragraphs and runs of `RawRow`s) with source
/// locations; the grid stage does the rest. Detection asks every registered dialect for a
/// score and takes the highest.
public protocol TextDialect: Sendable {
  /// The name written to `source.dialect` and accepted by `--dialect`.
  static var name: String { get }
  /// Confidence in 0...1 that `lines` are written in this dialect.
  static func score(_ lines: [Substring]) -> Double
  /// Tokenizes `lines` (line endings already removed; line n is `lines[n - 1]`).
  static func tokenize(_ lines: [Substring], limits: Limits) throws(TextError) -> TokenizedText
}
