/// What every workbook reader fills: the sheets in workbook order, each a sparse set of cells
/// with their displayed text, its merged ranges and what is hidden.
///
/// `WorkbookTables.blocks` is the one function that turns it into `Table` grids.
public struct Workbook: Sendable, Hashable {
  /// The sheets in the workbook's order (hidden ones too).
  public var sheets: [Sheet]

  public init(sheets: [Sheet] = []) {
    self.sheets = sheets
  }
}

/// One worksheet: cells with text (empty cells are not kept), merged ranges, hidden state.
public struct Sheet: Sendable, Hashable {
  /// The sheet's name as the workbook spells it.
  public var name: String
  /// True when the workbook hides the sheet (`hidden` or `veryHidden`).
  public var hidden: Bool
  /// Cells whose displayed text is not empty, in the order read.
  public var cells: [SheetCell]
  /// Merged ranges as the sheet declares them.
  public var merges: [CellRange]
  /// 0-based rows the sheet hides.
  public var hiddenRows: Set<Int>
  /// 0-based columns the sheet hides.
  public var hiddenColumns: Set<Int>

  public init(
    name: String, hidden: Bool = false, cells: [SheetCell] = [], merges: [CellRange] = [],
    hiddenRows: Set<Int> = [], hiddenColumns: Set<Int> = []
  ) {
    self.name = name
    self.hidden = hidden
    self.cells = cells
    self.merges = merges
    self.hiddenRows = hiddenRows
    self.hiddenColumns = hiddenColumns
  }
}

/// One cell of a sheet with the text the sheet shows for it.
public struct SheetCell: Sendable, Hashable {
  /// 0-based row.
  public var row: Int
  /// 0-based column.
  public var column: Int
  /// The displayed text: the number formatted as the sheet shows it, the string, `TRUE`, or
  /// the cached result of a formula. Lines are separated by `\n`.
  public var text: String

  public init(row: Int, column: Int, text: String) {
    self.row = row
    self.column = column
    self.text = text
  }
}

/// A rectangle of cells, 0-based and inclusive (`A1:B2` is rows 0…1, columns 0…1).
public struct CellRange: Sendable, Hashable {
  public var firstRow: Int
  public var firstColumn: Int
  public var lastRow: Int
  public var lastColumn: Int

  public init(firstRow: Int, firstColumn: Int, lastRow: Int, lastColumn: Int) {
    self.firstRow = firstRow
    self.firstColumn = firstColumn
    self.lastRow = lastRow
    self.lastColumn = lastColumn
  }

  /// A range from an A1 reference (`B3`, `A1:C4`, lower case too), or nil when it is not one.
  public init?(a1 reference: some StringProtocol) {
    let parts = reference.split(separator: ":", omittingEmptySubsequences: false)
    guard parts.count == 1 || parts.count == 2, let first = CellReference.parse(parts[0])
    else { return nil }
    let last = parts.count == 2 ? CellReference.parse(parts[1]) : first
    guard let last else { return nil }
    self.init(
      firstRow: min(first.row, last.row), firstColumn: min(first.column, last.column),
      lastRow: max(first.row, last.row), lastColumn: max(first.column, last.column))
  }

  /// Rows spanned.
  public var rowSpan: Int { lastRow - firstRow + 1 }
  /// Columns spanned.
  public var columnSpan: Int { lastColumn - firstColumn + 1 }

  /// True when the range holds the slot.
  public func contains(row: Int, column: Int) -> Bool {
    row >= firstRow && row <= lastRow && column >= firstColumn && column <= lastColumn
  }

  /// True when the two ranges share a slot.
  public func overlaps(_ other: CellRange) -> Bool {
    firstRow <= other.lastRow && other.firstRow <= lastRow && firstColumn <= other.lastColumn
      && other.firstColumn <= lastColumn
  }
}

/// A1 references to 0-based rows and columns, within a sheet's largest grid (1,048,576 rows by
/// 16,384 columns).
enum CellReference {
  static let maxRows = 1_048_576
  static let maxColumns = 16_384

  /// `B3` → (2, 1); `$B$3` too. Nil when it is not a reference inside the largest grid.
  static func parse(_ text: some StringProtocol) -> (row: Int, column: Int)? {
    parse(utf8: text.utf8)
  }

  /// `parse` over UTF-8 bytes.
  static func parse(utf8: some Sequence<UInt8>) -> (row: Int, column: Int)? {
    var column = 0
    var row = 0
    var letters = 0
    var digits = 0
    for byte in utf8 {
      switch byte {
      case UInt8(ascii: "$"): continue
      case UInt8(ascii: "A")...UInt8(ascii: "Z"), UInt8(ascii: "a")...UInt8(ascii: "z"):
        guard digits == 0, letters < 3 else { return nil }
        column = column * 26 + Int((byte | 0x20) - UInt8(ascii: "a")) + 1
        letters += 1
      case UInt8(ascii: "0")...UInt8(ascii: "9"):
        guard letters > 0, digits < 7 else { return nil }
        row = row * 10 + Int(byte - UInt8(ascii: "0"))
        digits += 1
      default: return nil
      }
    }
    guard letters > 0, digits > 0, row >= 1, row <= maxRows, column <= maxColumns else {
      return nil
    }
    return (row - 1, column - 1)
  }

  /// The column part only (`AB` → 27), or nil.
  static func column(_ text: some StringProtocol) -> Int? {
    parse(text + "1")?.column
  }
}
