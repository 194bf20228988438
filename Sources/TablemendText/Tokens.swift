import TablemendModel

/// One cell as a dialect's tokenizer saw it, before grid reconstruction.
public struct RawCell: Sendable, Hashable {
  /// The cell's paragraphs, cleaned of markup and padding (may be empty for an empty cell).
  public var paragraphs: [String]
  public var location: Location
  /// Columns this cell is known to cover, when the dialect says so (layout text, markup).
  public var columnSpan: Int?
  /// Rows this cell is known to cover, when the dialect says so.
  public var rowSpan: Int?
  /// First grid column, when the dialect knows it (layout text); nil means "next free slot".
  public var column: Int?
  /// What a later stage guessed about this cell (`rowSpan`, `text`): written to the grid's
  /// `inferred`.
  public var inferred: [String] = []
  /// The character column where the cell starts in layout text: `LayoutColumns` puts a
  /// layout table's cells on one column grid from these.
  var layoutStart: Int?

  public init(
    paragraphs: [String], location: Location, columnSpan: Int? = nil, rowSpan: Int? = nil,
    column: Int? = nil
  ) {
    self.paragraphs = paragraphs
    self.location = location
    self.columnSpan = columnSpan
    self.rowSpan = rowSpan
    self.column = column
  }

  /// The paragraphs joined with `\n`.
  public var text: String { paragraphs.joined(separator: "\n") }
  /// True when the cell holds no text.
  public var isEmpty: Bool { paragraphs.allSatisfy { $0.isEmpty } }
}

/// One table row as tokenized: its cells in source order.
public struct RawRow: Sendable, Hashable {
  public var cells: [RawCell]
  public var location: Location
  /// True when the row follows a break inside the table (a blank line in a tab-per-row
  /// export, a form feed in layout text): where page breaks split cells and shift columns.
  public var afterBreak: Bool

  public init(cells: [RawCell], location: Location, afterBreak: Bool = false) {
    self.cells = cells
    self.location = location
    self.afterBreak = afterBreak
  }
}

/// What a dialect tokenizer produces, in reading order.
public enum Segment: Sendable, Hashable {
  /// Text outside any table (a title, （2021年度）, 填报日期 …).
  case paragraph(String, Location)
  /// Consecutive rows of one table.
  case rows([RawRow])
}

/// A tokenized text export.
public struct TokenizedText: Sendable {
  public var dialect: String
  public var segments: [Segment]
  public var diagnostics: [Diagnostic]

  public init(dialect: String, segments: [Segment], diagnostics: [Diagnostic]) {
    self.dialect = dialect
    self.segments = segments
    self.diagnostics = diagnostics
  }
}
