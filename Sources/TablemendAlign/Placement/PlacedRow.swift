import TablemendModel

/// A cell placed in a column of an indicator table, as the text stage hands it to the grid.
public struct PlacedCell: Sendable, Hashable {
  /// The cell's paragraphs; none for a cell that a merged cell above covers.
  public var paragraphs: [String]
  public var location: Location
  /// The grid column, when placement knows it; nil means "the next free column".
  public var column: Int?
  /// Columns the cell covers, when placement knows it (a period group's cell is one column).
  public var columnSpan: Int?
  /// Rows the cell covers, when placement knows it (a label centred over its rows).
  public var rowSpan: Int?
  /// The character column where the cell's column starts in layout text.
  public var layoutStart: Int?

  /// The paragraphs joined with `\n`.
  public var text: String { paragraphs.joined(separator: "\n") }

  /// A cell of one paragraph (`text`), or of none when `text` is empty.
  public init(text: String, location: Location, column: Int? = nil, columnSpan: Int? = nil) {
    self.init(paragraphs: text.isEmpty ? [] : [text], location: location, column: column)
    self.columnSpan = columnSpan
  }

  public init(
    paragraphs: [String], location: Location, column: Int? = nil, rowSpan: Int? = nil,
    layoutStart: Int? = nil
  ) {
    self.paragraphs = paragraphs
    self.location = location
    self.column = column
    self.rowSpan = rowSpan
    self.layoutStart = layoutStart
  }
}

/// One row of placed cells.
public struct PlacedRow: Sendable, Hashable {
  public var cells: [PlacedCell]
  public var location: Location

  public init(cells: [PlacedCell], location: Location) {
    self.cells = cells
    self.location = location
  }
}
