import TablemendModel
import TablemendText

/// A slot-by-slot view of one table for the forms stage.
struct GridView {
  let table: Table
  let owner: [[Int?]]

  /// Rows where a cell starting in them holds `级` (a superset of the indicator header rows).
  private let levelRows: [Bool]

  init(_ table: Table) {
    self.table = table
    self.owner = table.slotIndex()
    var levelRows = [Bool](repeating: false, count: max(0, table.rowCount))
    for cell in table.cells where levelRows.indices.contains(cell.row) && !levelRows[cell.row] {
      if cell.text.has("级") { levelRows[cell.row] = true }
    }
    self.levelRows = levelRows
  }

  /// False when no cell starting in `row` holds `级`: the row cannot be an indicator header.
  func mentionsLevel(_ row: Int) -> Bool {
    levelRows.indices.contains(row) && levelRows[row]
  }

  var rowCount: Int { table.rowCount }
  var columnCount: Int { table.columnCount }

  /// The cell covering (row, column), if any.
  func cell(_ row: Int, _ column: Int) -> Cell? {
    guard row >= 0, row < rowCount, column >= 0, column < columnCount,
      let i = owner[row][column]
    else { return nil }
    return table.cells[i]
  }

  /// The cell index covering (row, column).
  func index(_ row: Int, _ column: Int) -> Int? {
    guard row >= 0, row < rowCount, column >= 0, column < columnCount else { return nil }
    return owner[row][column]
  }

  /// The cell at (row, column) when it starts in this row and holds text.
  func fresh(_ row: Int, _ column: Int) -> Cell? {
    guard let c = cell(row, column), c.row == row, !c.text.isEmpty else { return nil }
    return c
  }

  /// Cells starting in `row`, left to right.
  func origins(_ row: Int) -> [Cell] {
    var seen = Set<Int>()
    var out: [Cell] = []
    for c in 0..<columnCount {
      if let i = owner[row][c], !seen.contains(i) {
        seen.insert(i)
        if table.cells[i].row == row { out.append(table.cells[i]) }
      }
    }
    return out
  }

  /// Non-empty cells starting in `row`.
  func filled(_ row: Int) -> [Cell] { origins(row).filter { !$0.text.isEmpty } }

  /// The folded label in column 0 of `row` when a cell starts there.
  func leadLabel(_ row: Int) -> String? {
    fresh(row, 0).map { Vocabulary.fold($0.text) }
  }
}
