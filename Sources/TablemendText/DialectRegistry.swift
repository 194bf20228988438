/// Every text dialect tablemend reads, in the order ties are broken.
public enum DialectRegistry {
  /// The registered dialects.
  public static let all: [any TextDialect.Type] = [
    RepeatedSpanTSVDialect.self,
    TabPerRowDialect.self,
    CSVDialect.self,
    CellPerLineDialect.self,
    PandocGridDialect.self,
    MediaWikiDialect.self,
    AsciiDocDialect.self,
    LaTeXTableDialect.self,
    ParagraphPerLineDialect.self,
    PdftotextLayoutDialect.self,
    PipeRowsDialect.self,
    PipeCellPerLineDialect.self,
    BlankLineCellsDialect.self,
    SpaceRowsDialect.self,
    RunTogetherDialect.self,
  ]

  /// The dialect called `name`, if registered.
  public static func dialect(named name: String) -> (any TextDialect.Type)? {
    all.first { $0.name == name }
  }
}
