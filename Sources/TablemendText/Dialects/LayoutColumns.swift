import TablemendModel

/// Puts the cells of one layout table on a single column grid.
///
/// In `pdftotext -layout` text a cell's text starts where its cell starts (give or take the
/// rounding of pdftotext's character grid and a cell's own leading spaces), and the cells of
/// every row share the table's column borders. The grid's columns are therefore the
/// character columns where cells start in at least two rows (starts a few characters apart
/// are one column, at the leftmost). Each cell then starts at the column at or just left of
/// its text and spans to the next cell of its row; the last cell of a row spans to the
/// table's right edge. Columns left of a row's first cell continue the cells above them
/// (a label merged over several rows, printed once).
///
/// Cells keep their text and order; only `column`, `columnSpan` and `rowSpan` are set. When
/// some row's leading room is covered by no label above it, the starts do not mark cell
/// borders (text centred in its cells), and the table keeps its reading-order placement; so
/// does a table larger than `maxSlots`, and rows whose cells carry no `layoutStart`.
enum LayoutColumns {
  /// Starts this many characters apart (chained) are one column.
  static let joinDistance = 3
  /// A cell may start this many characters left of its column (rounding).
  static let slack = 1
  /// The most grid slots (rows × columns) placed here; larger tables keep reading order.
  static let maxSlots = 2_000_000

  /// The rows with every cell placed on the table's columns.
  static func place(_ rows: [RawRow]) -> [RawRow] {
    guard rows.contains(where: { $0.cells.contains { $0.layoutStart != nil } }) else {
      return rows
    }
    let found = clusters(rows)
    let anchors = found.map(\.first)
    guard !anchors.isEmpty else { return rows }
    // Each row's cells on column indices, strictly increasing.
    var placed: [[Int]] = []
    var width = anchors.count
    for row in rows {
      var columns: [Int] = []
      for cell in row.cells {
        var column = cell.layoutStart.map { index(of: $0, in: anchors) } ?? 0
        if let last = columns.last, column <= last { column = last + 1 }
        columns.append(column)
      }
      width = max(width, (columns.last ?? 0) + 1)
      placed.append(columns)
    }
    guard rows.count * width <= maxSlots else { return rows }
    // owner[r][c]: (row, cell) of the cell covering slot (r, c).
    var owner = [[(row: Int, cell: Int)?]](
      repeating: [(row: Int, cell: Int)?](repeating: nil, count: width), count: rows.count)
    var out = rows
    for r in rows.indices {
      // A cell whose column a cell above still covers moves to the next free one.
      var columns = placed[r]
      for i in columns.indices {
        if i > 0, columns[i] <= columns[i - 1] { columns[i] = columns[i - 1] + 1 }
        while columns[i] + 1 < width, owner[r][columns[i]] != nil { columns[i] += 1 }
      }
      for (i, cell) in rows[r].cells.enumerated() where columns[i] < width {
        let end = i + 1 < columns.count ? columns[i + 1] : width
        var span = max(1, end - columns[i])
        // A cell stops short of a slot a cell above still covers.
        if let blocked = (columns[i]..<columns[i] + span).first(where: {
          $0 > columns[i] && owner[r][$0] != nil
        }) {
          span = blocked - columns[i]
        }
        out[r].cells[i].column = columns[i]
        out[r].cells[i].columnSpan = span
        out[r].cells[i].layoutStart = nil
        let rowSpan = max(1, min(cell.rowSpan ?? 1, rows.count - r))
        for below in r..<(r + rowSpan) {
          for c in columns[i]..<(columns[i] + span) where owner[below][c] == nil {
            owner[below][c] = (r, i)
          }
        }
      }
      // Columns left of the row's first cell continue the label cells above them (a label
      // merged over several rows, printed once) when such a label lies wholly inside them.
      // Room that nothing covers means the starts do not mark cell borders (text centred in
      // its cells): the rows keep the placement they had.
      let first = min(columns.first ?? width, width)
      var continued: [(row: Int, cell: Int)] = []
      var c = 0
      while c < first {
        if owner[r][c] != nil {
          c += 1
          continue
        }
        guard r > 0, let above = owner[r - 1][c] else { return rows }
        let cell = out[above.row].cells[above.cell]
        let start = cell.column ?? c
        let end = start + (cell.columnSpan ?? 1)
        guard start == c, end <= first, above.row + (cell.rowSpan ?? 1) == r, isLabel(cell)
        else { return rows }
        continued.append(above)
        c = end
      }
      for above in continued {
        let cell = out[above.row].cells[above.cell]
        out[above.row].cells[above.cell].rowSpan = (cell.rowSpan ?? 1) + 1
        let start = cell.column ?? 0
        for slot in start..<(start + (cell.columnSpan ?? 1)) { owner[r][slot] = above }
      }
    }
    return out
  }

  /// The table's columns: chains of cell starts at most `joinDistance` apart, counted once
  /// per row, kept when at least two rows start a cell there; `first` is the column's start.
  static func clusters(_ rows: [RawRow]) -> [(first: Int, last: Int)] {
    var support: [Int: Int] = [:]
    for row in rows {
      for start in Set(row.cells.compactMap(\.layoutStart)) {
        support[start, default: 0] += 1
      }
    }
    var kept: [(first: Int, last: Int)] = []
    var cluster: (first: Int, last: Int, count: Int)?
    for start in support.keys.sorted() {
      let count = support[start] ?? 0
      if let open = cluster, start - open.last <= joinDistance {
        cluster = (open.first, start, open.count + count)
        continue
      }
      if let open = cluster, open.count >= 2 { kept.append((open.first, open.last)) }
      cluster = (start, start, count)
    }
    if let open = cluster, open.count >= 2 { kept.append((open.first, open.last)) }
    if let leftmost = support.keys.min(), kept.first.map({ leftmost < $0.first - slack }) ?? true {
      // The leftmost start always opens a column.
      kept.insert((leftmost, leftmost), at: 0)
    }
    return kept
  }

  /// True when a cell may be a label merged down over rows: it has text, and not a number
  /// (`347.93`, `100%`, `4,100,000.00`).
  static func isLabel(_ cell: RawCell) -> Bool {
    let text = cell.text.filter { !$0.isWhitespace }
    guard !text.isEmpty else { return false }
    return !text.allSatisfy { $0.isNumber || ",.%-".contains($0) }
  }

  /// The column a cell starting at `start` belongs to: the last column starting at or just
  /// before it.
  static func index(of start: Int, in anchors: [Int]) -> Int {
    anchors.lastIndex { $0 <= start + slack } ?? 0
  }
}
