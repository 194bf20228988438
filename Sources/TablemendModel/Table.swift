/// A grid of cells with merged regions, as rebuilt from one table of the source.
public struct Table: Codable, Sendable, Hashable {
  /// Unique within a document: `t1`, `t2`, …
  public var id: String
  public var rowCount: Int
  public var columnCount: Int
  /// Cells in row-major order of their top-left slot.
  public var cells: [Cell]

  public init(id: String, rowCount: Int, columnCount: Int, cells: [Cell]) {
    self.id = id
    self.rowCount = rowCount
    self.columnCount = columnCount
    self.cells = cells
  }

  /// The cell covering slot (`row`, `column`), if any.
  public func cell(coveringRow row: Int, column: Int) -> Cell? {
    cells.first {
      row >= $0.row && row < $0.row + $0.rowSpan && column >= $0.column
        && column < $0.column + $0.columnSpan
    }
  }

  /// A dense view: for each slot, the index in `cells` of the cell covering it, or nil.
  public func slotIndex() -> [[Int?]] {
    var grid = Array(repeating: [Int?](repeating: nil, count: columnCount), count: rowCount)
    for (index, cell) in cells.enumerated() {
      for r in cell.row..<min(cell.row + cell.rowSpan, rowCount) {
        for c in cell.column..<min(cell.column + cell.columnSpan, columnCount) {
          grid[r][c] = index
        }
      }
    }
    return grid
  }

  /// Cells whose top-left slot is in `row`, left to right.
  public func cells(startingInRow row: Int) -> [Cell] {
    cells.filter { $0.row == row }.sorted { $0.column < $1.column }
  }
}
