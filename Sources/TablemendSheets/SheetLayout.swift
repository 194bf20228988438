import Dispatch
import TablemendModel

/// One sheet's text by slot and its merges checked against each other: the cells held
/// (`init(_:)`), or a summary of them, the cells read back (`SheetReplay`) as they are asked
/// for (`init(_:streamed:)`, a sheet too large to hold).
struct SheetLayout {
  let name: String
  /// The non-empty slots' cells in row-major order, one each (the last cell read for a slot
  /// wins): the reader's own array when it is in order (no copy of a sheet of 1,000,000
  /// cells), not a dictionary. Empty for a streamed sheet.
  private(set) var entries: [SheetCell] = []
  /// A sheet whose cells are not held.
  private let streamed: StreamedSheet?
  /// Accepted merges, by top-left slot and by row.
  let mergeIndex: SheetMerges
  var diagnostics: [Diagnostic] = []

  /// Accepted merges by their top-left slot.
  var mergeAt: [Slot: CellRange] { mergeIndex.mergeAt }
  /// Accepted merges.
  var merges: [CellRange] { mergeIndex.merges }

  /// Most merged ranges read in one sheet.
  static let maxMerges = 65_536
  /// Most merged ranges of more than 64 rows read in one sheet.
  static let maxTallMerges = 4_096

  init(_ sheet: Sheet) {
    name = sheet.name
    streamed = nil
    mergeIndex = SheetMerges(sheet.merges, sheet: sheet.name)
    diagnostics = mergeIndex.diagnostics
    entries = Self.sortedText(sheet.cells)
    // Text hidden under a merge (not its top-left cell) is not shown by the sheet.
    if !mergeIndex.merges.isEmpty {
      entries = entries.filter { !mergeIndex.hides(Slot($0.row, $0.column)) }
    }
  }

  /// The layout of a sheet whose cells are not held (`sheet.cells` is empty): its summary must
  /// be of the cells the sheet shows (`SheetSummary.mayHideText` false, or the hidden ones
  /// left out).
  init(_ sheet: Sheet, streamed: StreamedSheet) {
    name = sheet.name
    self.streamed = streamed
    mergeIndex = SheetMerges(sheet.merges, sheet: sheet.name)
    diagnostics = mergeIndex.diagnostics
  }

  /// The tally of a streamed sheet's runs inside `rows` (nil when the cells are held).
  func tally(in rows: ClosedRange<Int>) -> SheetTextSurvey.Tally? {
    streamed?.summary.tally(in: rows)
  }

  /// Why reading a streamed sheet's cells again failed, if it did.
  var replayFailure: SheetsError? { streamed?.replay.failure }

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

  /// The text of a non-empty slot (of a streamed sheet: only of a cell that is a run of rows
  /// of its own, the only one a lone-cell part can hold).
  func text(at slot: Slot) -> String? {
    if let streamed { return streamed.summary.loneText(at: slot) }
    let index = firstIndex(atOrAfter: slot)
    return index < entries.count && self.slot(index) == slot ? entries[index].text : nil
  }

  /// The accepted merge covering a slot, if any.
  func coveringMerge(_ slot: Slot) -> CellRange? {
    mergeIndex.covering(slot)
  }

  /// Runs of used rows (a row is used when it holds text or a merge covers it) and, for each,
  /// the columns its text and merges use.
  func parts() -> [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] {
    // Boxes of text: one per row holding text (the entries come row by row), not one per
    // cell, with the columns it uses; a streamed sheet's runs of such rows.
    var boxes: [(rows: ClosedRange<Int>, columns: ClosedRange<Int>)] = []
    if let streamed {
      boxes = streamed.summary.runs.map {
        ($0.firstRow...$0.lastRow, $0.firstColumn...$0.lastColumn)
      }
    } else {
      for cell in entries {
        if let last = boxes.last, last.rows.lowerBound == cell.row {
          boxes[boxes.count - 1].columns =
            min(last.columns.lowerBound, cell.column)...max(last.columns.upperBound, cell.column)
        } else {
          boxes.append((cell.row...cell.row, cell.column...cell.column))
        }
      }
    }
    var intervals = boxes.map { ($0.rows.lowerBound, $0.rows.upperBound) }
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
    // A run of empty merged cells only (a styled, unfilled area) is no table.
    var hasText = Array(repeating: false, count: runs.count)
    for box in boxes {
      if let index = run(of: box.rows.lowerBound) {
        widen(index, box.columns.lowerBound, box.columns.upperBound)
        hasText[index] = true
      }
    }
    for range in merges {
      if let index = run(of: range.firstRow) { widen(index, range.firstColumn, range.lastColumn) }
    }
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
    // A streamed sheet's cells come from one reading of its part, in order: one thread.
    if streamed == nil, rows.count >= 2, rows.count * width >= parallelSlots {
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
    mergeIndex.covered(in: rows)
  }

  /// The text of each non-empty slot of `rows` × `columns`, row-major (what the grid's cells
  /// hold: text under a merge is left out).
  func forEachText(rows: ClosedRange<Int>, columns: ClosedRange<Int>, _ body: (String) -> Void) {
    if let streamed {
      streamed.replay.forEachCell(in: rows) { cell in
        if columns.contains(cell.column), !mergeIndex.hides(Slot(cell.row, cell.column)) {
          body(cell.text)
        }
      }
      return
    }
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

  /// The slot after `slot` in a grid of `columns`, row by row.
  private static func advance(_ slot: inout Slot, _ columns: ClosedRange<Int>) {
    if slot.column < columns.upperBound {
      slot.column += 1
    } else {
      slot = Slot(slot.row + 1, columns.lowerBound)
    }
  }

  /// `forEachCell`'s cells as `PlainSheetCell`s.
  func forEachPlainCell(
    rows: ClosedRange<Int>, in part: ClosedRange<Int>, columns: ClosedRange<Int>,
    covered: Set<Slot>, _ body: (PlainSheetCell) -> Void
  ) {
    func emit(_ slot: Slot, _ text: String) {
      if !covered.isEmpty, covered.contains(slot) { return }
      let merge = mergeAt.isEmpty ? nil : mergeAt[slot]
      body(
        PlainSheetCell(
          row: slot.row - part.lowerBound, column: slot.column - columns.lowerBound,
          rowSpan: merge?.rowSpan ?? 1, columnSpan: merge?.columnSpan ?? 1,
          sheetRow: slot.row, sheetColumn: slot.column, text: text))
    }
    if let streamed {
      // The slots in order, each cell read again given its text as its slot comes; a slot
      // under a merge is skipped whatever it holds.
      var next = Slot(rows.lowerBound, columns.lowerBound)
      var first = true
      while let cells = streamed.replay.cells(in: rows, first: first) {
        first = false
        for cell in cells where columns.contains(cell.column) {
          let slot = Slot(cell.row, cell.column)
          while next < slot {
            emit(next, "")
            Self.advance(&next, columns)
          }
          if next == slot {
            emit(slot, cell.text)
            Self.advance(&next, columns)
          }
        }
      }
      while next.row <= rows.upperBound {
        emit(next, "")
        Self.advance(&next, columns)
      }
      return
    }
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
