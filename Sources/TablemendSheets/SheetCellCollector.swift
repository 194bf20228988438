/// Where `CellTextWorker` puts the cells with text it makes, in reading order: all kept (a
/// `Sheet`'s cells), or, once more than `keep` of them have come in reading order and a survey
/// is given, summarised (`SheetSummary`, the survey tallying each text) and let go, so that a
/// sheet of any size is read in bounded memory.
struct SheetCellCollector: Sendable {
  /// What the cells gave.
  enum Outcome: Sendable {
    /// Every cell, as read.
    case cells([SheetCell])
    /// The sheet's summary; its cells were let go.
    case summary(SheetSummary)
    /// The summary began and then a cell came out of reading order: the sheet must be read
    /// again keeping its cells.
    case unordered
  }

  private var cells: [SheetCell] = []
  private var summary: SheetSummary?
  private var keep: Int
  private var unordered = false
  /// Tallies each text once summarising (nil: never summarise).
  let survey: SheetTextSurvey?
  /// Merges whose hidden slots' text the summary leaves out (their cells only keep the order
  /// checked).
  private let merges: SheetMerges?

  /// Cells with text added.
  private(set) var count = 0

  /// Keeps every cell.
  static let keepingAll = SheetCellCollector(keep: .max, survey: nil, hiding: nil)

  /// - Parameters:
  ///   - keep: The most cells kept before summarising.
  ///   - survey: What tallies each text once summarising; nil keeps every cell.
  ///   - merges: Merges whose hidden slots' text the summary leaves out.
  init(keep: Int, survey: SheetTextSurvey?, hiding merges: SheetMerges?) {
    self.keep = keep
    self.survey = survey
    self.merges = merges
  }

  /// Adds the next cell with text; `tally` is the survey's function, made on the calling
  /// thread. False once the cells have come out of reading order while summarising.
  mutating func add(_ cell: SheetCell, tally: ((String) -> SheetTextSurvey.Tally)?) -> Bool {
    count += 1
    guard !unordered else { return false }
    if summary != nil {
      let added = summary?.add(cell, tally: tally, early: false, merges: merges) ?? false
      if !added { unordered = true }
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
      cells = []
    }
    return true
  }

  /// What the cells gave.
  consuming func outcome() -> Outcome {
    if unordered { return .unordered }
    if let summary { return .summary(summary) }
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
