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
/// - a legacy `w:hMerge` continue cell widens the cell before it in the row;
/// - a `w:vMerge` continue cell (with or without `w:val`) extends the cell above that starts
///   at the same grid column, when that cell is open; otherwise it stands alone and opens a
///   merge itself; `restart` always opens a new merge;
/// - the text of a continue cell is not part of the merged cell (Word and LibreOffice hide
///   it); when it is not empty a diagnostic says so.
struct DocxTableBuilder: Sendable {
  var id: String
  var location: Location
  var gridColumns = 0
  var rows: [DocxRowDraft] = []
  var row: DocxRowDraft?
  var cell: DocxCellDraft?

  init(id: String, location: Location) {
    self.id = id
    self.location = location
  }

  /// Resolves the grid.
  /// - Throws: `DocxError` when the table passes `limits` (rows, cells or columns).
  func build(limits: Limits) throws(DocxError) -> (table: Table, diagnostics: [Diagnostic]) {
    if rows.count > limits.maxRowsPerTable {
      throw DocxError(
        place: location.description,
        message:
          "table \(id) has \(rows.count) rows, over the limit of \(limits.maxRowsPerTable)"
      )
    }
    var diagnostics: [Diagnostic] = []
    var cells: [Cell] = []
    var columnCount = gridColumns
    // Open vertical merges: grid column of the anchor's left edge -> index in `cells`.
    var open: [Int: Int] = [:]
    for (rowIndex, draft) in rows.enumerated() {
      // Horizontal: place cells on the grid and fold legacy hMerge continues.
      var placed: [(column: Int, span: Int, cell: DocxCellDraft)] = []
      var column = draft.gridBefore
      for cell in draft.cells {
        if cell.horizontalMerge == .continue, let last = placed.indices.last {
          placed[last].span += cell.gridSpan
          column += cell.gridSpan
          noteHidden(cell, into: &diagnostics, merge: "w:hMerge")
          continue
        }
        placed.append((column, cell.gridSpan, cell))
        column += cell.gridSpan
      }
      columnCount = max(columnCount, column + draft.gridAfter)
      if columnCount > limits.maxCellsPerTable {
        throw DocxError(
          place: location.description,
          message:
            "table \(id) is \(columnCount) grid columns wide, over the cell limit of \(limits.maxCellsPerTable)"
        )
      }
      // Vertical: continue cells extend the open merge at their left edge.
      var stillOpen: [Int: Int] = [:]
      for item in placed {
        if item.cell.verticalMerge == .continue, let anchor = open[item.column] {
          cells[anchor].rowSpan = rowIndex - cells[anchor].row + 1
          if cells[anchor].columnSpan != item.span {
            diagnostics.append(
              Diagnostic(
                .warning, "docx-vmerge-width-mismatch",
                "a w:vMerge continue cell spans \(item.span) grid columns but the cell it continues spans \(cells[anchor].columnSpan); the merged cell keeps the first width",
                at: item.cell.location))
          }
          stillOpen[item.column] = anchor
          noteHidden(item.cell, into: &diagnostics, merge: "w:vMerge")
          continue
        }
        cells.append(
          Cell(
            row: rowIndex, column: item.column, rowSpan: 1, columnSpan: item.span,
            paragraphs: item.cell.paragraphs, location: item.cell.location,
            tables: item.cell.tables.isEmpty ? nil : item.cell.tables))
        if cells.count > limits.maxCellsPerTable {
          throw DocxError(
            place: location.description,
            message: "table \(id) has more than \(limits.maxCellsPerTable) cells (limit)")
        }
        if item.cell.verticalMerge != nil {
          stillOpen[item.column] = cells.count - 1
        }
      }
      open = stillOpen
    }
    let table = Table(id: id, rowCount: rows.count, columnCount: columnCount, cells: cells)
    return (table, diagnostics)
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
