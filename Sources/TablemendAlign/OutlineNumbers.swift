import TablemendVocabulary

/// Outline numbers that open a line (`1、`, `(一)`) before its first cell: they say that a row
/// starts and are no cell of it (`2、质量指标:资助标准100%达标。` read as a table would put `2、`
/// in the row above).
enum OutlineNumbers {
  /// `cells` without the outline numbers that open a line and have a cell after them on it;
  /// the cell after one takes its row-break evidence.
  static func drop(_ cells: [StreamCell]) -> [StreamCell] {
    var out: [StreamCell] = []
    out.reserveCapacity(cells.count)
    var carried: RowEvidence?
    for (i, cell) in cells.enumerated() {
      if let evidence = carried {
        var next = cell
        next.rowBreak = max(next.rowBreak, evidence)
        out.append(next)
        carried = nil
        continue
      }
      let opensLine = i == 0 || cells[i - 1].location.line != cell.location.line
      if opensLine, cell.kind == .filler, i + 1 < cells.count,
        cells[i + 1].location.line == cell.location.line,
        CellClassifier.isOutlineNumber(LabelFolding.key(cell.text))
      {
        carried = cell.rowBreak
        continue
      }
      out.append(cell)
    }
    return out
  }
}
