import TablemendModel
import TablemendVocabulary

/// A slot-by-slot view of one table for the forms stage.
struct GridView {
  let table: Table
  /// Row-major, one entry per slot: the index of the cell covering it (later cells win, as
  /// in `Table.slotIndex`), or -1.
  private let owner: [Int]

  /// Rows where a cell starting in them holds `级` (a superset of the indicator header rows).
  private let levelRows: [Bool]

  init(_ table: Table) {
    self.table = table
    let rows = max(0, table.rowCount)
    let columns = max(0, table.columnCount)
    var owner = [Int](repeating: -1, count: rows * columns)
    for (index, cell) in table.cells.enumerated() {
      let top = max(0, cell.row)
      let bottom = min(cell.row + cell.rowSpan, rows)
      let left = max(0, cell.column)
      let right = min(cell.column + cell.columnSpan, columns)
      guard top < bottom, left < right else { continue }
      for r in top..<bottom {
        let base = r * columns
        for c in left..<right { owner[base + c] = index }
      }
    }
    self.owner = owner
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
    guard let i = index(row, column) else { return nil }
    return table.cells[i]
  }

  /// The cell index covering (row, column).
  func index(_ row: Int, _ column: Int) -> Int? {
    guard row >= 0, row < rowCount, column >= 0, column < columnCount else { return nil }
    let i = owner[row * columnCount + column]
    return i >= 0 ? i : nil
  }

  /// The cell at (row, column) when it starts in this row and holds text.
  func fresh(_ row: Int, _ column: Int) -> Cell? {
    guard let c = cell(row, column), c.row == row, !c.text.isEmpty else { return nil }
    return c
  }

  /// Cells starting in `row`, left to right.
  func origins(_ row: Int) -> [Cell] {
    guard row >= 0, row < rowCount else { return [] }
    var out: [Cell] = []
    let base = row * columnCount
    for c in 0..<columnCount {
      let i = owner[base + c]
      guard i >= 0, table.cells[i].row == row else { continue }
      // A cell is listed at the first column it covers in this row: usually its own first
      // column; when a later cell covers that, look back over the columns it spans.
      let start = max(0, table.cells[i].column)
      if c > start, (start..<c).contains(where: { owner[base + $0] == i }) { continue }
      out.append(table.cells[i])
    }
    return out
  }

  /// Non-empty cells starting in `row`.
  func filled(_ row: Int) -> [Cell] { origins(row).filter { !$0.text.isEmpty } }

  /// `filled(row).first` without gathering the row: the first non-empty cell starting in
  /// `row`, left to right.
  func firstFilled(_ row: Int) -> Cell? {
    guard row >= 0, row < rowCount else { return nil }
    let base = row * columnCount
    for c in 0..<columnCount {
      let i = owner[base + c]
      guard i >= 0, table.cells[i].row == row, !table.cells[i].text.isEmpty else { continue }
      let start = max(0, table.cells[i].column)
      if c > start, (start..<c).contains(where: { owner[base + $0] == i }) { continue }
      return table.cells[i]
    }
    return nil
  }

  /// The folded label in column 0 of `row` when a cell starts there.
  func leadLabel(_ row: Int) -> String? {
    fresh(row, 0).map { TextFolding.fold($0.text) }
  }
}
