/// Where `CellTextWorker` puts the cells with text it makes, in reading order: all kept (a
/// `Sheet`'s cells), or, once more than `keep` of them have come in reading order and a survey
/// is given, summarised (`SheetSummary`, the survey tallying each text) and let go to a
/// temporary file (`CellSpill`), so that a sheet of any size is read in bounded memory.
struct SheetCellCollector: Sendable {
  /// What the cells gave.
  enum Outcome: Sendable {
    /// Every cell, as read.
    case cells([SheetCell])
    /// The sheet's summary; its cells were let go, or written to the spill (when one could
    /// be made and written).
    case summary(SheetSummary, CellSpill?)
    /// The summary began and then a cell came out of reading order: the sheet must be read
    /// again keeping its cells.
    case unordered
  }

  private var cells: [SheetCell] = []
  private var summary: SheetSummary?
  /// Where the cells go once summarising (nil: none could be made).
  private var spill: CellSpill?
  private var keep: Int
  private var unordered = false
  /// Tallies each text once summarising (nil: never summarise).
  let survey: SheetTextSurvey?
  /// Merges whose hidden slots' text the summary leaves out (their cells only keep the order
  /// checked).
  private let merges: SheetMerges?
  /// Where the spill is made (nil: none).
  private let spillDirectory: String?

  /// Cells with text added.
  private(set) var count = 0

  /// Keeps every cell.
  static let keepingAll = SheetCellCollector(
    keep: .max, survey: nil, hiding: nil, spillDirectory: nil)

  /// - Parameters:
  ///   - keep: The most cells kept before summarising.
  ///   - survey: What tallies each text once summarising; nil keeps every cell.
  ///   - merges: Merges whose hidden slots' text the summary leaves out.
  ///   - spillDirectory: Where the cells are written once summarising (`CellSpill`); nil
  ///     writes them nowhere.
  init(keep: Int, survey: SheetTextSurvey?, hiding merges: SheetMerges?, spillDirectory: String?) {
    self.keep = keep
    self.survey = survey
    self.merges = merges
    self.spillDirectory = spillDirectory
  }

  /// Adds the next cell with text; `tally` is the survey's function, made on the calling
  /// thread. False once the cells have come out of reading order while summarising.
  mutating func add(_ cell: SheetCell, tally: ((String) -> SheetTextSurvey.Tally)?) -> Bool {
    count += 1
    guard !unordered else { return false }
    if summary != nil {
      let added = summary?.add(cell, tally: tally, early: false, merges: merges) ?? false
      if !added {
        unordered = true
        spill = nil
      }
      spill?.append(cell)
      return added
    }
    cells.append(cell)
    if cells.count > keep, let tally {
      var begun = SheetSummary()
      for kept in cells {
        guard begun.add(kept, tally: tally, early: true, merges: merges) else {
          // Out of order already: keep every cell, as if there were no survey.
          keep = .max
          return true
        }
      }
      summary = begun
      spill = spillDirectory.flatMap { CellSpill(directory: $0) }
      for kept in cells { spill?.append(kept) }
      cells = []
    }
    return true
  }

  /// What the cells gave.
  consuming func outcome() -> Outcome {
    if unordered { return .unordered }
    if let summary { return .summary(summary, spill?.finish() == true ? spill : nil) }
    return .cells(cells)
  }
}

extension SheetSummary {
  /// `add` with the cell's text tallied (unless `merges` hide it).
  fileprivate mutating func add(
    _ cell: SheetCell, tally: ((String) -> SheetTextSurvey.Tally)?, early: Bool,
    merges: SheetMerges?
  ) -> Bool {
    let hidden = merges?.hides(Slot(cell.row, cell.column)) ?? false
    return add(
      cell, tally: hidden ? SheetTextSurvey.Tally() : tally?(cell.text) ?? SheetTextSurvey.Tally(),
      early: early, hidden: hidden)
  }
}
