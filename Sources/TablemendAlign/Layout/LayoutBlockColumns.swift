import TablemendModel
import TablemendVocabulary

/// The columns of an indicator block in layout text and what each holds, from its header:
/// column 0 is the block's own label (left of the header), columns headed 一级 / 二级 hold merged
/// labels, a 三级 column starts rows, the others hold values. Columns are 1-based, as the
/// header's cells number them.
struct LayoutBlockColumns {
  /// The header's columns (index `c - 1` for column `c`).
  let columns: [LayoutIndicatorHeader.Column]
  /// Label columns: 0 (the block label), then every column headed 一级 or 二级.
  private(set) var labelColumns = [0]
  /// The label column each 二级 column's labels sit under (a 一级 column's is 0).
  private(set) var parentOf: [Int: Int] = [:]
  /// The columns headed 三级 (or, with none, the first column after the labels).
  private(set) var level3Columns: [Int] = []
  /// Every column that is no label column.
  let rowColumns: [Int]
  /// Columns headed …依据 / …标准 (指标值确定依据, 绩效标准).
  let standardColumns: [Int]

  init(_ header: LayoutIndicatorHeader) {
    columns = header.columns
    var lastLevel1 = 0
    var labels = [0]
    for c in 1...columns.count {
      switch header.level(ofColumn: c) {
      case 1:
        labels.append(c)
        parentOf[c] = 0
        lastLevel1 = c
      case 2:
        labels.append(c)
        parentOf[c] = lastLevel1
      case 3: level3Columns.append(c)
      default: break
      }
    }
    labelColumns = labels
    if level3Columns.isEmpty {
      // No 三级 header (指标内容 …): the first column after the labels defines rows.
      if let c = (1...columns.count).first(where: { !labels.contains($0) }) {
        level3Columns = [c]
      }
    }
    rowColumns = (1...columns.count).filter { !labels.contains($0) }
    standardColumns = (1...columns.count).filter { c in
      let text = header.texts(ofColumn: c).joined()
      return text.hasSuffix("依据") || text.hasSuffix("标准")
    }
  }

  /// The column a chunk of a data line belongs to.
  func column(of chunk: LayoutChunk) -> Int {
    if chunk.end < columns[0].start { return 0 }
    // A standard (计划标准, 行业标准) belongs under the nearest column headed …标准 or …依据
    // (text centred in its cell can sit nearer the value column).
    if DialectWords.standards.contains(squeezed(chunk.text)),
      let c = standardColumns.min(by: {
        abs(columns[$0 - 1].centre - chunk.center) < abs(columns[$1 - 1].centre - chunk.center)
      })
    {
      return c
    }
    // The column whose header centre is nearest; when two are about as near (a one-character
    // fragment between two headers), the one the chunk starts in.
    let distances = columns.map { abs($0.centre - chunk.center) }
    let nearest = distances.min() ?? 0
    let candidates = columns.indices.filter { distances[$0] < nearest + 1 }
    // A value (`≥98%`) about as near a 三级 column as a value column goes to the value's.
    if candidates.count > 1, ComparisonWords.opensValue(chunk.text),
      let valueColumn = candidates.first(where: {
        !labelColumns.contains($0 + 1) && !level3Columns.contains($0 + 1)
      })
    {
      return valueColumn + 1
    }
    let starting = candidates.last { columns[$0].start <= chunk.start + 1 }
    return (starting ?? candidates.first ?? 0) + 1
  }

  /// Where each column's text must reach for a line to count as full (wrapped): a few
  /// characters before the next column's start, or the block's right edge for the last.
  func edges(rightEdge: Int) -> [Int: Int] {
    var edge: [Int: Int] = [:]
    for c in 1...columns.count {
      edge[c] = c < columns.count ? columns[c].start - 4 : rightEdge - 2
    }
    return edge
  }

  /// True when `previous` filled its column so that `next`'s first word would not have fitted
  /// before the column's edge: `next` continues it (the cell wrapped). A line printed a little
  /// left or right of its column's header (pdftotext's grid drifts by a character or two down a
  /// page) has its edge moved by as much.
  func isFull(
    _ previous: LayoutChunk, before next: LayoutChunk, column c: Int, edges: [Int: Int]
  ) -> Bool {
    guard let columnEdge = edges[c] else { return false }
    let drift = c >= 1 && c <= columns.count ? previous.start - columns[c - 1].start : 0
    return previous.end + LayoutIndicatorBlock.firstWordWidth(next.text) - 1 >= columnEdge
      + max(-3, min(0, drift))
  }
}
