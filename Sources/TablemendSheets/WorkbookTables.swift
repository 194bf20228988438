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
    var blocks: [SheetItem] = []
    var diagnostics: [Diagnostic] = []
    var tableCount = 0
    for index in workbook.sheets.indices {
      // The sheet without its cells, which stay in the workbook until the layout holds them.
      var sheet = workbook.sheets[index]
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
      let layout = SheetLayout(workbook.sheets[index])
      workbook.sheets[index].cells = []
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

  init(id: String, layout: SheetLayout, rows: ClosedRange<Int>, columns: ClosedRange<Int>) {
    self.id = id
    self.layout = layout
    self.rows = rows
    self.columns = columns
  }

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

/// One sheet's text by slot and its merges checked against each other.
struct SheetLayout {
  let name: String
  /// The non-empty slots' cells in row-major order, one each (the last cell read for a slot
  /// wins): the reader's own array when it is in order (no copy of a sheet of 1,000,000
  /// cells), not a dictionary.
  private(set) var entries: [SheetCell] = []
  /// Accepted merges by their top-left slot.
  var mergeAt: [Slot: CellRange] = [:]
  /// Accepted merges.
  var merges: [CellRange] = []
  /// Indexes into `merges` of the merges of at most 64 rows, by each row they cover.
  private var mergesByRow: [Int: [Int]] = [:]
  /// Indexes into `merges` of taller merges.
  private var tallMerges: [Int] = []
  var diagnostics: [Diagnostic] = []

  /// Most merged ranges read in one sheet.
  static let maxMerges = 65_536
  /// Most merged ranges of more than 64 rows read in one sheet.
  static let maxTallMerges = 4_096

  init(_ sheet: Sheet) {
    name = sheet.name
    entries = Self.sortedText(sheet.cells)
    // Merges sorted by their top-left corner; one that overlaps an earlier one is dropped and
    // reported (Excel refuses such a file; other writers make them).
    var accepted: [CellRange] = []
    let sorted = sheet.merges.sorted {
      ($0.firstRow, $0.firstColumn) < ($1.firstRow, $1.firstColumn)
    }
    var byRow: [Int: [Int]] = [:]  // row → indexes of accepted merges covering it (bounded below)
    for range in sorted where range.rowSpan > 1 || range.columnSpan > 1 {
      var clash = false
      if range.rowSpan <= 64 {
        for row in range.firstRow...range.lastRow {
          if let indexes = byRow[row], indexes.contains(where: { accepted[$0].overlaps(range) }) {
            clash = true
            break
          }
        }
      } else {
        clash = accepted.contains { $0.overlaps(range) }
      }
      if clash {
        diagnostics.append(
          Diagnostic(
            .warning, "overlapping-merge",
            "sheet \(sheet.name): merged range \(Self.a1(range)) overlaps an earlier one; ignored",
            at: Location.sheet(sheet.name, row: range.firstRow, column: range.firstColumn)))
        continue
      }
      accepted.append(range)
      if range.rowSpan <= 64 {
        for row in range.firstRow...range.lastRow {
          byRow[row, default: []].append(accepted.count - 1)
        }
      }
      mergeAt[Slot(range.firstRow, range.firstColumn)] = range
    }
    merges = accepted
    mergesByRow = byRow
    tallMerges = accepted.indices.filter { accepted[$0].rowSpan > 64 }
    // Text hidden under a merge (not its top-left cell) is not shown by the sheet.
    if !merges.isEmpty {
      entries = entries.filter { cell in
        let slot = Slot(cell.row, cell.column)
        guard mergeAt[slot] == nil, let covering = coveringMerge(slot) else { return true }
        return covering.firstRow == slot.row && covering.firstColumn == slot.column
      }
    }
  }

  /// The non-empty cells in row-major order, the last one read for a slot winning: `cells`
  /// itself when it is in that order already (as readers write it), else a sorted copy.
  private static func sortedText(_ cells: [SheetCell]) -> [SheetCell] {
    var ordered = true
    var previous: Slot?
    for cell in cells {
      let slot = Slot(cell.row, cell.column)
      if cell.text.isEmpty || previous.map({ !($0 < slot) }) == true {
        ordered = false
        break
      }
      previous = slot
    }
    if ordered { return cells }
    var order = cells.indices.filter { !cells[$0].text.isEmpty }
    // Row-major, and for one slot in reading order: the last one read is kept below.
    order.sort { a, b in
      let x = Slot(cells[a].row, cells[a].column)
      let y = Slot(cells[b].row, cells[b].column)
      return x != y ? x < y : a < b
    }
    var sorted: [SheetCell] = []
    sorted.reserveCapacity(order.count)
    for index in order {
      if let last = sorted.last, last.row == cells[index].row,
        last.column == cells[index].column
      {
        sorted[sorted.count - 1] = cells[index]
      } else {
        sorted.append(cells[index])
      }
    }
    return sorted
  }

  /// The slot of entry `index`.
  private func slot(_ index: Int) -> Slot {
    Slot(entries[index].row, entries[index].column)
  }

  /// The index in `entries` of the first slot at or after `slot`.
  private func firstIndex(atOrAfter slot: Slot) -> Int {
    var low = 0
    var high = entries.count
    while low < high {
      let mid = (low + high) / 2
      if self.slot(mid) < slot { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// The text of a non-empty slot.
  func text(at slot: Slot) -> String? {
    let index = firstIndex(atOrAfter: slot)
    return index < entries.count && self.slot(index) == slot ? entries[index].text : nil
  }

  private static func a1(_ range: CellRange) -> String {
    Location.a1(row: range.firstRow, column: range.firstColumn) + ":"
      + Location.a1(row: range.lastRow, column: range.lastColumn)
  }

  /// The accepted merge covering a slot, if any.
  func coveringMerge(_ slot: Slot) -> CellRange? {
    for index in (mergesByRow[slot.row] ?? []) + tallMerges
    where merges[index].contains(row: slot.row, column: slot.column) {
      return merges[index]
    }
    return nil
  }

  /// Runs of used rows (a row is used when it holds text or a merge covers it) and, for each,
  /// the columns its text and merges use.
  func parts() -> [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] {
    // Row intervals: each text row, each merge's rows.
    // One interval per row holding text (the entries come row by row), not one per cell.
    var intervals: [(Int, Int)] = []
    for cell in entries where intervals.last?.0 != cell.row {
      intervals.append((cell.row, cell.row))
    }
    intervals += merges.map { ($0.firstRow, $0.lastRow) }
    intervals.sort { $0 < $1 }
    var runs: [ClosedRange<Int>] = []
    for (low, high) in intervals {
      if let last = runs.last, low <= last.upperBound + 1 {
        runs[runs.count - 1] = last.lowerBound...max(last.upperBound, high)
      } else {
        runs.append(low...high)
      }
    }
    var columns: [ClosedRange<Int>?] = Array(repeating: nil, count: runs.count)
    func run(of row: Int) -> Int? {
      var low = 0
      var high = runs.count - 1
      while low <= high {
        let mid = (low + high) / 2
        if runs[mid].upperBound < row {
          low = mid + 1
        } else if runs[mid].lowerBound > row {
          high = mid - 1
        } else {
          return mid
        }
      }
      return nil
    }
    func widen(_ index: Int, _ low: Int, _ high: Int) {
      if let old = columns[index] {
        columns[index] = min(old.lowerBound, low)...max(old.upperBound, high)
      } else {
        columns[index] = low...high
      }
    }
    for cell in entries {
      if let index = run(of: cell.row) { widen(index, cell.column, cell.column) }
    }
    for range in merges {
      if let index = run(of: range.firstRow) { widen(index, range.firstColumn, range.lastColumn) }
    }
    // A run of empty merged cells only (a styled, unfilled area) is no table.
    var hasText = Array(repeating: false, count: runs.count)
    for cell in entries { if let index = run(of: cell.row) { hasText[index] = true } }
    return runs.indices.compactMap { index in
      guard hasText[index], let columns = columns[index] else { return nil }
      return (runs[index], columns)
    }
  }

  /// The grid of one part: every slot covered once, merges as spans.
  func table(
    id: String, rows: ClosedRange<Int>, columns: ClosedRange<Int>,
    parallelSlots: Int = SheetLayout.parallelSlots
  ) -> Table {
    var cells: [Cell] = []
    let covered = covered(in: rows)
    let width = columns.count
    if rows.count >= 2, rows.count * width >= parallelSlots {
      // A large grid: the two halves of its rows built at once, each into its own stretch of
      // one buffer (a half's cells are its slots but those covered by a merge).
      let middle = rows.lowerBound + rows.count / 2
      let halves = [rows.lowerBound...(middle - 1), middle...rows.upperBound]
      let counts = halves.map { half in
        half.count * width
          - covered.filter { half.contains($0.row) && columns.contains($0.column) }.count
      }
      let total = counts[0] + counts[1]
      let coveredSlots = covered
      let built = [Cell](unsafeUninitializedCapacity: total) { buffer, initialized in
        guard let base = buffer.baseAddress else { return }
        let target = CellBuffer(base: base)
        DispatchQueue.concurrentPerform(iterations: 2) { k in
          var at = k == 0 ? 0 : counts[0]
          let end = at + counts[k]
          forEachCell(rows: halves[k], in: rows, columns: columns, covered: coveredSlots) { cell in
            precondition(at < end, "a half of a sheet's grid has more cells than it was given")
            (target.base + at).initialize(to: cell)
            at += 1
          }
          precondition(at == end, "a half of a sheet's grid has fewer cells than it was given")
        }
        initialized = total
      }
      return Table(id: id, rowCount: rows.count, columnCount: width, cells: built)
    }
    cells.reserveCapacity(rows.count * width - covered.count)
    forEachCell(rows: rows, in: rows, columns: columns, covered: covered) { cells.append($0) }
    return Table(id: id, rowCount: rows.count, columnCount: width, cells: cells)
  }

  /// The slots of `rows`' merges that are not their top-left slot.
  func covered(in rows: ClosedRange<Int>) -> Set<Slot> {
    var covered = Set<Slot>()
    for range in merges where rows.contains(range.firstRow) {
      for r in range.firstRow...range.lastRow {
        for c in range.firstColumn...range.lastColumn
        where r != range.firstRow || c != range.firstColumn {
          covered.insert(Slot(r, c))
        }
      }
    }
    return covered
  }

  /// The text of each non-empty slot of `rows` × `columns`, row-major (what the grid's cells
  /// hold: text under a merge was dropped when the layout was made).
  func forEachText(rows: ClosedRange<Int>, columns: ClosedRange<Int>, _ body: (String) -> Void) {
    var next = firstIndex(atOrAfter: Slot(rows.lowerBound, columns.lowerBound))
    while next < entries.count, entries[next].row <= rows.upperBound {
      if columns.contains(entries[next].column) { body(entries[next].text) }
      next += 1
    }
  }

  /// Grids of at least this many slots are built on two threads.
  static let parallelSlots = 200_000

  /// The cells of the grid `part` × `columns` whose rows are in `rows`, in row-major order:
  /// every slot not in `covered`, merges as spans, rows counted from the part's first.
  func forEachCell(
    rows: ClosedRange<Int>, in part: ClosedRange<Int>, columns: ClosedRange<Int>,
    covered: Set<Slot>, _ body: (Cell) -> Void
  ) {
    forEachPlainCell(rows: rows, in: part, columns: columns, covered: covered) { cell in
      body(cell.cell(sheet: name))
    }
  }

  /// `forEachCell`'s cells as `PlainSheetCell`s.
  func forEachPlainCell(
    rows: ClosedRange<Int>, in part: ClosedRange<Int>, columns: ClosedRange<Int>,
    covered: Set<Slot>, _ body: (PlainSheetCell) -> Void
  ) {
    // The slots' text is walked in step with the grid (both row-major).
    var next = firstIndex(atOrAfter: Slot(rows.lowerBound, columns.lowerBound))
    for r in rows {
      for c in columns {
        let slot = Slot(r, c)
        while next < entries.count, self.slot(next) < slot { next += 1 }
        if !covered.isEmpty, covered.contains(slot) { continue }
        let merge = mergeAt.isEmpty ? nil : mergeAt[slot]
        let value = next < entries.count && self.slot(next) == slot ? entries[next].text : ""
        body(
          PlainSheetCell(
            row: r - part.lowerBound, column: c - columns.lowerBound,
            rowSpan: merge?.rowSpan ?? 1, columnSpan: merge?.columnSpan ?? 1, sheetRow: r,
            sheetColumn: c, text: value))
      }
    }
  }
}

/// The buffer two threads fill in disjoint stretches while `SheetLayout.table` builds a large
/// grid (each writes only its own indexes, and the builder waits for both).
private struct CellBuffer: @unchecked Sendable {
  let base: UnsafeMutablePointer<Cell>
}
