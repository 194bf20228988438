import TablemendModel

/// A sheet's merged ranges checked against each other: those accepted (an overlapping one is
/// dropped and reported), by top-left slot and by row, and which slots they hide.
struct SheetMerges: Sendable {
  /// Accepted merges by their top-left slot.
  let mergeAt: [Slot: CellRange]
  /// Accepted merges, sorted by their top-left slot.
  let merges: [CellRange]
  /// Indexes into `merges` of the merges of at most 64 rows, by each row they cover.
  private let mergesByRow: [Int: [Int]]
  /// Indexes into `merges` of taller merges.
  private let tallMerges: [Int]
  /// One `overlapping-merge` warning per merge dropped.
  let diagnostics: [Diagnostic]

  /// Merges sorted by their top-left corner; one that overlaps an earlier one is dropped and
  /// reported (Excel refuses such a file; other writers make them). Single slots are no
  /// merges.
  init(_ declared: [CellRange], sheet name: String) {
    var accepted: [CellRange] = []
    var diagnostics: [Diagnostic] = []
    var mergeAt: [Slot: CellRange] = [:]
    let sorted = declared.sorted {
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
            "sheet \(name): merged range \(Self.a1(range)) overlaps an earlier one; ignored",
            at: Location.sheet(name, row: range.firstRow, column: range.firstColumn)))
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
    self.mergeAt = mergeAt
    self.diagnostics = diagnostics
    merges = accepted
    mergesByRow = byRow
    tallMerges = accepted.indices.filter { accepted[$0].rowSpan > 64 }
  }

  private static func a1(_ range: CellRange) -> String {
    Location.a1(row: range.firstRow, column: range.firstColumn) + ":"
      + Location.a1(row: range.lastRow, column: range.lastColumn)
  }

  /// The accepted merge covering a slot, if any.
  func covering(_ slot: Slot) -> CellRange? {
    for index in (mergesByRow[slot.row] ?? []) + tallMerges
    where merges[index].contains(row: slot.row, column: slot.column) {
      return merges[index]
    }
    return nil
  }

  /// True when a merge covers the slot and it is not the merge's top-left slot: the sheet does
  /// not show text there.
  func hides(_ slot: Slot) -> Bool {
    guard !merges.isEmpty, mergeAt[slot] == nil, let covering = covering(slot) else {
      return false
    }
    return covering.firstRow != slot.row || covering.firstColumn != slot.column
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
}
