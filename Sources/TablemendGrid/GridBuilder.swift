import TablemendModel
import TablemendText

/// Turns tokenized rows into `Table` grids with spans, repairing what exports damage.
public enum GridBuilder {
  /// Builds the blocks of a tokenized text: paragraphs stay paragraphs, row runs become tables.
  public static func build(_ tokens: TokenizedText, limits: Limits) throws(TextError)
    -> (blocks: [Block], diagnostics: [Diagnostic])
  {
    ([], tokens.diagnostics)
  }
}
