import TablemendModel

/// A merge mark on a cell: `w:vMerge` or the legacy `w:hMerge`.
enum MergeMark: Sendable, Equatable {
  case restart
  /// `continue`, or the element written without `w:val`.
  case `continue`

  /// Reads a `w:val` (absent means continue, as the schema says).
  init(value: String?) {
    self = value == "restart" ? .restart : .continue
  }
}

/// One `w:tc` as read, before the grid is resolved.
struct DocxCellDraft: Sendable {
  var location: Location
  var gridSpan = 1
  var verticalMerge: MergeMark?
  var horizontalMerge: MergeMark?
  var paragraphs: [String] = []
  var tables: [String] = []
}

/// One `w:tr` as read.
struct DocxRowDraft: Sendable {
  var gridBefore = 0
  var gridAfter = 0
  var cells: [DocxCellDraft] = []
}

/// Collects one `w:tbl` and resolves its merges into a `Table` grid.
///
/// Grid rules (those of Word and LibreOffice's import):
/// - a cell starts at the grid column after `w:gridBefore` and the spans of the cells before
///   it; it covers `w:gridSpan` columns;
/// - `w:gridBefore` / `w:gridAfter` columns become empty one-column cells, and a row that
///   ends short of the grid is widened through its last cell;
/// - a legacy `w:hMerge` continue cell widens the cell before it when that cell is a
///   `w:hMerge` restart (or continues one); otherwise it stands alone;
/// - a `w:vMerge` continue cell (with or without `w:val`) extends the merge opened by a
///   `restart` cell above it that starts at the same grid column; with no open merge it
///   stands alone (and keeps its text);
/// - grid lines that no cell edge uses are dropped;
/// - tables that follow each other with nothing between are one table (see `Segment`).
/// - the text of a continue cell is not part of the merged cell (Word and LibreOffice hide
///   it); when it is not empty a diagnostic says so.
struct DocxTableBuilder: Sendable {
  var id: String
  var location: Location
  /// One `w:tbl` run into this table: Word and LibreOffice join tables with nothing between
  /// them into one, each keeping its own `w:tblGrid`.
  struct Segment: Sendable {
    var firstRow: Int
    /// `w:gridCol` widths (twips; 0 when absent).
    var widths: [Int] = []
  }

  var segments = [Segment(firstRow: 0)]
  var rows: [DocxRowDraft] = []
  var row: DocxRowDraft?
  var cell: DocxCellDraft?

  init(id: String, location: Location) {
    self.id = id
    self.location = location
  }

  /// A `w:tc` is open (a pattern test: comparing with nil would copy the draft).
  var hasCell: Bool {
    if case .some = cell { return true }
    return false
  }

  /// A `w:tr` is open.
  var hasRow: Bool {
    if case .some = row { return true }
    return false
  }

  /// Files the open cell into the open row (a `w:tc` end).
  mutating func finishCell() {
    guard let cell = cell.take() else { return }
    row?.cells.append(cell)
  }

  /// Files the open row into the table (a `w:tr` end).
  mutating func finishRow() {
    guard let row = row.take() else { return }
    rows.append(row)
  }

  /// Resolves the grid.
  /// - Throws: `DocxError` when the table passes `limits` (rows, cells or columns).
  func build(limits: Limits) throws(DocxError) -> (table: Table, diagnostics: [Diagnostic]) {
    if rows.count > limits.maxRowsPerTable {
      throw DocxError(
        place: location.description,
        message:
          "table \(id) has \(rows.count) rows, over the limit of \(limits.maxRowsPerTable) (maxRowsPerTable)"
      )
    }
    var diagnostics: [Diagnostic] = []
    var cells: [Cell] = []
    let joined = segments.count > 1
    var columnCount = joined ? 0 : segments[0].widths.count
    // Open vertical merges: left edge of the anchor -> index in `cells`.
    var open: [Int: Int] = [:]
    var stillOpen: [Int: Int] = [:]
    var placed: [Placed] = []
    var segmentIndex = 0
    for (rowIndex, draft) in rows.enumerated() {
      while segmentIndex + 1 < segments.count, segments[segmentIndex + 1].firstRow <= rowIndex {
        segmentIndex += 1
      }
      place(draft, gridColumns: segments[segmentIndex].widths.count, into: &placed)
      for item in placed {
        for folded in item.folded {
          noteHidden(draft.cells[folded], into: &diagnostics, merge: "w:hMerge")
        }
      }
      if joined {
        // Edges in scaled twips: each joined table is stretched to the first one's width.
        let edges = edgeMap(segmentIndex)
        for index in placed.indices {
          let left = edges(placed[index].column)
          placed[index].span = max(1, edges(placed[index].column + placed[index].span) - left)
          placed[index].column = left
        }
      }
      columnCount = max(columnCount, placed.last.map { $0.column + $0.span } ?? 0)
      if !joined, columnCount > limits.maxCellsPerTable {
        throw DocxError(
          place: location.description,
          message:
            "table \(id) is \(columnCount) grid columns wide, over the cell limit of \(limits.maxCellsPerTable) (maxCellsPerTable)"
        )
      }
      // Vertical: continue cells extend the open merge at their left edge.
      stillOpen.removeAll(keepingCapacity: true)
      for item in placed {
        let cell = item.cell.map { draft.cells[$0] }
        if cell?.verticalMerge == .continue, let anchor = open[item.column] {
          cells[anchor].rowSpan = rowIndex - cells[anchor].row + 1
          if cells[anchor].columnSpan != item.span, let cell {
            diagnostics.append(
              Diagnostic(
                .warning, "docx-vmerge-width-mismatch",
                "a w:vMerge continue cell spans \(item.span) grid columns but the cell it continues spans \(cells[anchor].columnSpan); the merged cell keeps the first width",
                at: cell.location))
          }
          stillOpen[item.column] = anchor
          if let cell { noteHidden(cell, into: &diagnostics, merge: "w:vMerge") }
          continue
        }
        let nested = cell?.tables ?? []
        cells.append(
          Cell(
            row: rowIndex, column: item.column, rowSpan: 1, columnSpan: item.span,
            paragraphs: cell?.paragraphs ?? [], location: cell?.location ?? location,
            tables: nested.isEmpty ? nil : nested))
        if cells.count > limits.maxCellsPerTable {
          throw DocxError(
            place: location.description,
            message:
              "table \(id) has more than \(limits.maxCellsPerTable) cells (limit maxCellsPerTable)")
        }
        // Only `restart` opens a merge: a `continue` with nothing open above stands alone.
        if cell?.verticalMerge == .restart {
          stillOpen[item.column] = cells.count - 1
        }
      }
      swap(&open, &stillOpen)
    }
    let table = Self.collapsingUnusedColumns(
      Table(id: id, rowCount: rows.count, columnCount: columnCount, cells: cells))
    if table.columnCount > limits.maxCellsPerTable {
      throw DocxError(
        place: location.description,
        message:
          "table \(id) is \(table.columnCount) grid columns wide, over the cell limit of \(limits.maxCellsPerTable)"
      )
    }
    return (table, diagnostics)
  }

  /// Grid column index -> x position (1/8 twip) for a segment of a joined table, scaled so
  /// that every segment is as wide as the first. Columns past a grid repeat its last width.
  private func edgeMap(_ index: Int) -> (Int) -> Int {
    func cumulative(_ widths: [Int]) -> [Double] {
      let usable = widths.allSatisfy { $0 <= 0 } ? widths.map { _ in 1 } : widths
      var sums = [0.0]
      for width in usable { sums.append((sums.last ?? 0) + Double(max(0, width))) }
      return sums
    }
    let first = cumulative(segments[0].widths)
    let own = cumulative(segments[index].widths)
    let firstTotal = first.last ?? 0
    let ownTotal = own.last ?? 0
    let scale = ownTotal > 0 && firstTotal > 0 ? firstTotal / ownTotal : 1
    let lastWidth = own.count > 1 ? own[own.count - 1] - own[own.count - 2] : 1
    return { column in
      let x =
        column < own.count
        ? own[column] : (own.last ?? 0) + Double(column - own.count + 1) * max(lastWidth, 1)
      return Int((x * scale * 8).rounded())
    }
  }

  /// One cell of a row placed on the grid: `cell` indexes the row's drafts (nil for a
  /// `w:gridBefore` / `w:gridAfter` placeholder); `folded` are the legacy `w:hMerge`
  /// continue cells merged into it.
  private struct Placed {
    var column: Int
    var span: Int
    var cell: Int?
    var folded: [Int] = []
  }

  /// One row's cells on the grid: `w:gridBefore` / `w:gridAfter` columns as empty one-column
  /// cells, legacy `w:hMerge` continues folded into the cell they continue, and a row that
  /// stops short of the grid's right edge widened through its last cell (as LibreOffice
  /// imports them).
  private func place(_ draft: DocxRowDraft, gridColumns: Int, into placed: inout [Placed]) {
    placed.removeAll(keepingCapacity: true)
    var column = 0
    for _ in 0..<draft.gridBefore {
      placed.append(Placed(column: column, span: 1, cell: nil))
      column += 1
    }
    var inHorizontalMerge = false
    for (index, cell) in draft.cells.enumerated() {
      if cell.horizontalMerge == .continue, inHorizontalMerge, let last = placed.indices.last {
        placed[last].span += cell.gridSpan
        column += cell.gridSpan
        placed[last].folded.append(index)
        continue
      }
      inHorizontalMerge = cell.horizontalMerge == .restart
      placed.append(Placed(column: column, span: cell.gridSpan, cell: index))
      column += cell.gridSpan
    }
    for _ in 0..<draft.gridAfter {
      placed.append(Placed(column: column, span: 1, cell: nil))
      column += 1
    }
    if column < gridColumns, let last = placed.indices.last {
      placed[last].span += gridColumns - column
    }
  }

  /// Drops grid lines that no cell edge uses (a `w:tblGrid` column boundary every row spans
  /// across), as LibreOffice's table model does.
  static func collapsingUnusedColumns(_ table: Table) -> Table {
    // Every edge lies in 0...columnCount; a flag per grid line is cheaper than a set, unless
    // joined tables in scaled twips make the range much wider than the cells.
    guard table.columnCount <= 4 * table.cells.count + 64 else {
      return collapsingSparseColumns(table)
    }
    var used = [Bool](repeating: false, count: table.columnCount + 1)
    used[0] = true
    for cell in table.cells {
      let start = cell.column
      let end = cell.column + cell.columnSpan
      guard start >= 0, end >= 0, end <= table.columnCount else {
        return collapsingSparseColumns(table)
      }
      used[start] = true
      used[end] = true
    }
    // rank[edge]: how many used edges come before it.
    var rank = [Int](repeating: 0, count: used.count)
    var edges = 0
    for edge in used.indices {
      rank[edge] = edges
      if used[edge] { edges += 1 }
    }
    guard edges - 1 < table.columnCount else { return table }
    var result = table
    result.columnCount = edges - 1
    for index in result.cells.indices {
      let start = rank[result.cells[index].column]
      let end = rank[result.cells[index].column + result.cells[index].columnSpan]
      result.cells[index].column = start
      result.cells[index].columnSpan = max(1, end - start)
    }
    return result
  }

  /// `collapsingUnusedColumns` with a set of edges, for any edge values.
  private static func collapsingSparseColumns(_ table: Table) -> Table {
    var used = Set([0])
    for cell in table.cells {
      used.insert(cell.column)
      used.insert(cell.column + cell.columnSpan)
    }
    let edges = used.sorted()
    guard edges.count - 1 < table.columnCount else { return table }
    var rank: [Int: Int] = [:]
    for (index, edge) in edges.enumerated() { rank[edge] = index }
    var result = table
    result.columnCount = edges.count - 1
    for index in result.cells.indices {
      let cell = result.cells[index]
      let start = rank[cell.column] ?? cell.column
      let end = rank[cell.column + cell.columnSpan] ?? (start + cell.columnSpan)
      result.cells[index].column = start
      result.cells[index].columnSpan = max(1, end - start)
    }
    return result
  }

  private func noteHidden(
    _ cell: DocxCellDraft, into diagnostics: inout [Diagnostic], merge: String
  ) {
    let text = cell.paragraphs.joined(separator: "\n")
    guard !text.allSatisfy(\.isWhitespace) else { return }
    diagnostics.append(
      Diagnostic(
        .info, "docx-merged-cell-text-hidden",
        "a \(merge) continue cell holds text that Word and LibreOffice do not show in the merged cell: \(text.prefix(80))",
        at: cell.location))
  }
}
