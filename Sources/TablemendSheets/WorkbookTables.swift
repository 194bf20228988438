import Dispatch
import TablemendModel

/// The one place a `Workbook` becomes document blocks: each sheet's used rows, split where
/// whole blank rows separate them, become `Table` grids with merged ranges as spans.
///
/// A part that is a single unmerged cell on its own (a title above a form, a note below it)
/// becomes a paragraph, as a Word document's title would be. Every cell's location is its
/// sheet and A1 reference. Hidden sheets, rows and columns are kept and reported as `info`
/// diagnostics.
public enum WorkbookTables {
  /// The blocks of every sheet in workbook order, and what was noticed.
  /// - Parameters:
  ///   - workbook: What a reader filled; each sheet's cells are let go once its text is laid
  ///     out (a sheet of 1,000,000 cells holds 32 MB of them).
  ///   - limits: `maxCellsPerTable` and `maxRowsPerTable` bound each table.
  /// - Throws: `SheetsError` naming the sheet when a table would pass a limit.
  public static func blocks(
    of workbook: consuming Workbook, limits: Limits = .standard
  ) throws(SheetsError) -> (blocks: [Block], diagnostics: [Diagnostic]) {
    let built = try items(of: workbook, limits: limits, grids: false)
    return (
      built.items.compactMap { item in
        if case .block(let block) = item { return block }
        return nil
      }, built.diagnostics
    )
  }

  /// `blocks(of:limits:)` with each table left as a `SheetGrid` when `grids` is true (its cells
  /// made only when asked for), as a `.block` otherwise.
  /// - Throws: `SheetsError` as `blocks(of:limits:)` does.
  public static func items(
    of workbook: consuming Workbook, limits: Limits = .standard, grids: Bool
  ) throws(SheetsError) -> (items: [SheetItem], diagnostics: [Diagnostic]) {
    var sheets: [(sheet: Sheet, streamed: StreamedSheet?)] = []
    sheets.reserveCapacity(workbook.sheets.count)
    // Each sheet moved out of the workbook (its cells not copied).
    for index in workbook.sheets.indices {
      sheets.append((workbook.sheets[index], nil))
      workbook.sheets[index].cells = []
    }
    return try items(of: sheets, limits: limits, grids: grids)
  }

  /// `items(of:limits:grids:)` over sheets read by `XLSXReader.readSheets`: a streamed sheet's
  /// tables read their cells again from its part when they are asked for, and carry their
  /// survey's tallies (`SheetGrid.surveyed`).
  /// - Throws: `SheetsError` as `blocks(of:limits:)` does.
  static func items(
    of sheets: consuming [(sheet: Sheet, streamed: StreamedSheet?)], limits: Limits, grids: Bool
  ) throws(SheetsError) -> (items: [SheetItem], diagnostics: [Diagnostic]) {
    var blocks: [SheetItem] = []
    var diagnostics: [Diagnostic] = []
    var tableCount = 0
    for index in sheets.indices {
      // The sheet without its cells, which stay in the list until the layout holds them.
      var sheet = sheets[index].sheet
      sheet.cells = []
      let origin = Location.sheet(sheet.name, row: 0, column: 0)
      if sheet.hidden {
        diagnostics.append(
          Diagnostic(
            .info, "hidden-sheet", "sheet \(sheet.name) is hidden; read anyway", at: origin))
      }
      if !sheet.hiddenRows.isEmpty {
        let rows = sheet.hiddenRows.sorted()
        diagnostics.append(
          Diagnostic(
            .info, "hidden-rows",
            "sheet \(sheet.name) hides \(rows.count) row(s) (first \(rows[0] + 1)); read anyway",
            at: Location.sheet(sheet.name, row: rows[0], column: 0)))
      }
      if !sheet.hiddenColumns.isEmpty {
        let columns = sheet.hiddenColumns.sorted()
        diagnostics.append(
          Diagnostic(
            .info, "hidden-columns",
            "sheet \(sheet.name) hides \(columns.count) column(s) (first "
              + "\(Location.a1(row: 0, column: columns[0]).dropLast())); read anyway",
            at: Location.sheet(sheet.name, row: 0, column: columns[0])))
      }
      // Overlap checks cost up to one comparison per pair of merges in a row (and per pair of
      // tall merges): bound them. A form has a few hundred merges.
      let tall = sheet.merges.filter { $0.rowSpan > 64 }.count
      if sheet.merges.count > SheetLayout.maxMerges || tall > SheetLayout.maxTallMerges {
        throw SheetsError(
          place: origin.description,
          message:
            "sheet \(sheet.name) declares \(sheet.merges.count) merged ranges (\(tall) over 64 "
            + "rows); at most \(SheetLayout.maxMerges) (\(SheetLayout.maxTallMerges) over 64 rows) "
            + "are read")
      }
      let streamed = sheets[index].streamed
      let layout =
        streamed.map { SheetLayout(sheet, streamed: $0) } ?? SheetLayout(sheets[index].sheet)
      sheets[index].sheet.cells = []
      diagnostics += layout.diagnostics
      for part in layout.parts() {
        if part.rows.count == 1, part.columns.count == 1,
          let text = layout.text(at: Slot(part.rows.lowerBound, part.columns.lowerBound)),
          layout.mergeAt[Slot(part.rows.lowerBound, part.columns.lowerBound)] == nil
        {
          blocks.append(
            .block(
              .paragraph(
                text,
                Location.sheet(
                  sheet.name, row: part.rows.lowerBound, column: part.columns.lowerBound)
              )))
          continue
        }
        let rowCount = part.rows.count
        let columnCount = part.columns.count
        let (slots, overflow) = rowCount.multipliedReportingOverflow(by: columnCount)
        if overflow || slots > limits.maxCellsPerTable || rowCount > limits.maxRowsPerTable {
          throw SheetsError(
            place: Location.sheet(
              sheet.name, row: part.rows.lowerBound, column: part.columns.lowerBound
            ).description,
            message:
              "a table of \(rowCount) rows by \(columnCount) columns passes the limits "
              + "(maxCellsPerTable \(limits.maxCellsPerTable), maxRowsPerTable \(limits.maxRowsPerTable))"
          )
        }
        tableCount += 1
        let grid = SheetGrid(
          id: "t\(tableCount)", layout: layout, rows: part.rows, columns: part.columns)
        blocks.append(grids ? .grid(grid) : .block(.table(grid.table())))
      }
    }
    return (blocks, diagnostics)
  }
}

/// What `WorkbookTables.items` gives for each part of a sheet: a block, or a table whose cells
/// are not made yet.
public enum SheetItem: Sendable {
  /// A paragraph (a lone cell), or a table already built.
  case block(Block)
  /// A table not built yet.
  case grid(SheetGrid)
}

/// One table of a sheet whose `Cell`s are made only when asked for: all at once (`table()`,
/// what `SheetsReader.read` gives) or one at a time (`forEachCell`), so that a writer can
/// put a sheet of 1,000,000 cells out without holding them.
public struct SheetGrid: Sendable, PlainSheetCells {
  /// The table's id (`t1`, `t2`, … in workbook order).
  public let id: String
  let layout: SheetLayout
  let rows: ClosedRange<Int>
  let columns: ClosedRange<Int>

  /// What the survey gave for the table's texts, when its sheet was too large to hold (see
  /// `SheetTextSurvey`); nil when its cells are held.
  public let surveyed: SheetTextSurvey.Tally?

  init(id: String, layout: SheetLayout, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
    self.id = id
    self.layout = layout
    self.rows = rows
    self.columns = columns
    surveyed = layout.tally(in: rows)
  }

  /// Why reading the table's sheet again failed, when its cells are read again from the
  /// worksheet and a reading failed (the cells given were then empty from there on).
  public var readFailure: SheetsError? { layout.replayFailure }

  /// Rows of the table (`table().rowCount`).
  public var rowCount: Int { rows.count }
  /// Columns of the table (`table().columnCount`).
  public var columnCount: Int { columns.count }

  /// How many cells the table has: its slots but those a merge covers.
  public var cellCount: Int {
    // `forEachCell` skips exactly the covered slots inside the grid.
    let covered = layout.covered(in: rows).filter {
      rows.contains($0.row) && columns.contains($0.column)
    }
    return rows.count * columns.count - covered.count
  }

  /// The table with its cells.
  public func table() -> Table {
    layout.table(id: id, rows: rows, columns: columns)
  }

  /// The table without its cells (its id and size), standing for it where they are not needed.
  public var placeholder: Table {
    Table(id: id, rowCount: rowCount, columnCount: columnCount, cells: [])
  }

  /// Each of the table's cells, in its order (`table().cells`), made one at a time.
  public func forEachCell(_ body: (Cell) -> Void) {
    layout.forEachCell(
      rows: rows, in: rows, columns: columns, covered: layout.covered(in: rows), body)
  }

  /// Each of the table's cells as `forEachCell` gives them, as `PlainSheetCell`s (no `Cell`
  /// made).
  package func forEachPlainCell(_ body: (PlainSheetCell) -> Void) {
    layout.forEachPlainCell(
      rows: rows, in: rows, columns: columns, covered: layout.covered(in: rows), body)
  }

  /// The sheet the table is on.
  package var sheetName: String { layout.name }

  /// The text of each of the table's cells that holds text (`table().cells`' non-empty
  /// `text`s, in order), without making the cells.
  public func forEachText(_ body: (String) -> Void) {
    layout.forEachText(rows: rows, columns: columns, body)
  }
}

/// A row and column, 0-based, ordered row by row.
struct Slot: Hashable, Comparable {
  var row: Int
  var column: Int
  init(_ row: Int, _ column: Int) {
    self.row = row
    self.column = column
  }

  static func < (a: Slot, b: Slot) -> Bool {
    a.row != b.row ? a.row < b.row : a.column < b.column
  }
}
