/// What is kept of a sheet whose cells are too many to hold (`SheetCellCollector`): its runs
/// of rows with text, each with the columns it uses, how many cells it has and their tally,
/// and where the cells stood, enough to lay out its tables (`SheetLayout`) before its cells are
/// read again to be written (`SheetReplay`).
///
/// The cells must come in reading order, row by row and left to right, each slot once (as
/// writers put them); `add` says when they do not.
struct SheetSummary: Sendable {
  /// Consecutive rows holding text (a row between two of them holds text too).
  struct Run: Sendable {
    var firstRow: Int
    var lastRow: Int
    var firstColumn: Int
    var lastColumn: Int
    /// Cells with text in the run.
    var cells = 1
    var tally = SheetTextSurvey.Tally()
    /// The run's one cell's text while it has only one (a lone cell may be a paragraph).
    var lone: String?
  }

  /// The runs, top to bottom.
  private(set) var runs: [Run] = []
  /// The slots of the cells read before the summary began (`early` in `add`), in order.
  private var early: [Slot] = []
  /// Runs of the cells read since, for `mayHideText` (without tallies or texts).
  private var late: [Run] = []
  /// The last slot added.
  private var last: Slot?

  /// Adds a cell read after the cells added before. Hidden cells (under a merge) only keep the
  /// order checked.
  /// - Returns: False, adding nothing, when the cell does not come after the last one in
  ///   reading order.
  mutating func add(
    _ cell: SheetCell, tally: SheetTextSurvey.Tally, early isEarly: Bool, hidden: Bool = false
  ) -> Bool {
    let slot = Slot(cell.row, cell.column)
    if let last, !(last < slot) { return false }
    last = slot
    if hidden { return true }
    Self.extend(&runs, with: cell, tally: tally, keepText: true)
    if isEarly {
      early.append(slot)
    } else {
      Self.extend(&late, with: cell, tally: SheetTextSurvey.Tally(), keepText: false)
    }
    return true
  }

  private static func extend(
    _ runs: inout [Run], with cell: SheetCell, tally: SheetTextSurvey.Tally, keepText: Bool
  ) {
    let index = runs.count - 1
    if index >= 0, cell.row <= runs[index].lastRow + 1 {
      runs[index].lastRow = cell.row
      runs[index].firstColumn = min(runs[index].firstColumn, cell.column)
      runs[index].lastColumn = max(runs[index].lastColumn, cell.column)
      runs[index].cells += 1
      runs[index].tally = runs[index].tally.adding(tally)
      runs[index].lone = nil
    } else {
      runs.append(
        Run(
          firstRow: cell.row, lastRow: cell.row, firstColumn: cell.column,
          lastColumn: cell.column, tally: tally, lone: keepText ? cell.text : nil))
    }
  }

  /// The text of a cell that is a run of its own, or nil.
  func loneText(at slot: Slot) -> String? {
    let index = firstRun(endingAtOrAfter: slot.row)
    guard index < runs.count, runs[index].firstRow == slot.row, runs[index].lastRow == slot.row,
      runs[index].firstColumn == slot.column, runs[index].lastColumn == slot.column
    else { return nil }
    return runs[index].lone
  }

  /// The tally of the runs inside `rows`.
  func tally(in rows: ClosedRange<Int>) -> SheetTextSurvey.Tally {
    var total = SheetTextSurvey.Tally()
    var index = firstRun(endingAtOrAfter: rows.lowerBound)
    while index < runs.count, runs[index].firstRow <= rows.upperBound {
      total = total.adding(runs[index].tally)
      index += 1
    }
    return total
  }

  /// The index of the first run whose last row is at or after `row`.
  private func firstRun(endingAtOrAfter row: Int) -> Int {
    Self.firstRun(in: runs, endingAtOrAfter: row)
  }

  private static func firstRun(in runs: [Run], endingAtOrAfter row: Int) -> Int {
    var low = 0
    var high = runs.count
    while low < high {
      let mid = (low + high) / 2
      if runs[mid].lastRow < row { low = mid + 1 } else { high = mid }
    }
    return low
  }

  /// Most steps `mayHideText` takes before it answers true rather than look further.
  static let checkSteps = 1 << 22

  /// True when one of `merges` may hide a cell added (covers it without it being the merge's
  /// top-left slot): exact for the early cells, and for the later ones true whenever a merge
  /// meets a run's rows and columns anywhere but its own top-left slot. When it is false, no
  /// cell added is hidden, and the runs are those of the cells the sheet shows.
  func mayHideText(under merges: SheetMerges) -> Bool {
    var steps = 0
    for merge in merges.merges {
      // Early cells: each row of the merge that has any, its slots within the merge's columns.
      var row = merge.firstRow
      while row <= merge.lastRow {
        steps += 1
        if steps > Self.checkSteps { return true }
        var index = firstEarly(atOrAfter: Slot(row, merge.firstColumn))
        guard index < early.count else { break }
        if early[index].row > row {
          row = early[index].row
          continue
        }
        while index < early.count, early[index].row == row,
          early[index].column <= merge.lastColumn
        {
          if row != merge.firstRow || early[index].column != merge.firstColumn { return true }
          index += 1
        }
        row += 1
      }
      // Later cells: any run meeting the merge elsewhere than its top-left slot.
      var index = Self.firstRun(in: late, endingAtOrAfter: merge.firstRow)
      while index < late.count, late[index].firstRow <= merge.lastRow {
        steps += 1
        if steps > Self.checkSteps { return true }
        let run = late[index]
        let rows = max(run.firstRow, merge.firstRow)...min(run.lastRow, merge.lastRow)
        let low = max(run.firstColumn, merge.firstColumn)
        let high = min(run.lastColumn, merge.lastColumn)
        if low <= high,
          rows.count > 1 || low < high || rows.lowerBound != merge.firstRow
            || low != merge.firstColumn
        {
          return true
        }
        index += 1
      }
    }
    return false
  }

  /// The index of the first early slot at or after `slot`.
  private func firstEarly(atOrAfter slot: Slot) -> Int {
    var low = 0
    var high = early.count
    while low < high {
      let mid = (low + high) / 2
      if early[mid] < slot { low = mid + 1 } else { high = mid }
    }
    return low
  }
}
