/// One cell of a reconstructed grid, at its top-left slot, with the slots it spans.
public struct Cell: Codable, Sendable, Hashable {
  /// 0-based row of the cell's top-left slot.
  public var row: Int
  /// 0-based column of the cell's top-left slot.
  public var column: Int
  public var rowSpan: Int
  public var columnSpan: Int
  /// The paragraphs joined with `\n`.
  public var text: String
  /// The cell's paragraphs, cleaned of markup and padding.
  public var paragraphs: [String]
  /// Where the cell starts in the source.
  public var location: Location
  /// What the reader guessed rather than read, e.g. `rowSpan`, `columnSpan`, `text`.
  public var inferred: [String]
  /// Ids of tables nested inside this cell (DOCX and HTML).
  public var tables: [String]?

  public init(
    row: Int, column: Int, rowSpan: Int = 1, columnSpan: Int = 1, paragraphs: [String],
    location: Location, inferred: [String] = [], tables: [String]? = nil
  ) {
    self.row = row
    self.column = column
    self.rowSpan = rowSpan
    self.columnSpan = columnSpan
    self.paragraphs = paragraphs
    self.text = Self.joined(paragraphs)
    self.location = location
    self.inferred = inferred
    self.tables = tables
  }

  /// Replaces the paragraphs and keeps `text` in step.
  public mutating func setParagraphs(_ paragraphs: [String]) {
    self.paragraphs = paragraphs
    self.text = Self.joined(paragraphs)
  }

  /// The paragraphs joined with `\n` (a single paragraph as it is, without a join).
  private static func joined(_ paragraphs: [String]) -> String {
    paragraphs.count == 1 ? paragraphs[0] : paragraphs.joined(separator: "\n")
  }

  /// Records a guess once.
  public mutating func markInferred(_ what: String) {
    if !inferred.contains(what) { inferred.append(what) }
  }
}
