import TablemendModel

/// One cell of a ruled table: its top-left slot, its spans and its box on the page.
public struct LatticeCell: Sendable, Hashable {
  /// 0-based row of the top-left slot.
  public var row: Int
  /// 0-based column of the top-left slot.
  public var column: Int
  /// Rows covered.
  public var rowSpan: Int
  /// Columns covered.
  public var columnSpan: Int
  /// The cell's box between its rulings.
  public var box: Box
}

/// A ruled table found on a page: the x of every column line, the y of every row line, and
/// the cells those lines enclose.
public struct LatticeTable: Sendable, Hashable {
  /// Column lines left to right (`columns + 1` of them).
  public let xs: [Double]
  /// Row lines top to bottom (`rows + 1` of them).
  public let ys: [Double]
  /// Cells in row-major order of their top-left slot.
  public var cells: [LatticeCell] {
    didSet { slots = Self.slots(cells, rows: rowCount, columns: columnCount) }
  }
  /// For each slot (row-major), the index in `cells` of the cell covering it, or -1.
  private var slots: [Int]

  /// Makes a table from its lines and cells.
  public init(xs: [Double], ys: [Double], cells: [LatticeCell]) {
    self.xs = xs
    self.ys = ys
    self.cells = cells
    slots = Self.slots(cells, rows: max(0, ys.count - 1), columns: max(0, xs.count - 1))
  }

  private static func slots(_ cells: [LatticeCell], rows: Int, columns: Int) -> [Int] {
    var slots = [Int](repeating: -1, count: rows * columns)
    for (index, cell) in cells.enumerated() {
      for r in cell.row..<min(cell.row + cell.rowSpan, rows) {
        for c in cell.column..<min(cell.column + cell.columnSpan, columns) {
          slots[r * columns + c] = index
        }
      }
    }
    return slots
  }

  /// Rows of slots.
  public var rowCount: Int { max(0, ys.count - 1) }
  /// Columns of slots.
  public var columnCount: Int { max(0, xs.count - 1) }
  /// The table's outer box.
  public var box: Box {
    Box(x0: xs.first ?? 0, y0: ys.first ?? 0, x1: xs.last ?? 0, y1: ys.last ?? 0)
  }

  /// The index in `cells` of the cell holding the point, or nil outside the table.
  public func cellIndex(x: Double, y: Double) -> Int? {
    guard let row = Self.slot(of: y, in: ys), let column = Self.slot(of: x, in: xs) else {
      return nil
    }
    let index = row * columnCount + column
    guard index < slots.count, slots[index] >= 0 else { return nil }
    return slots[index]
  }

  /// The slot between consecutive lines that holds `value`.
  private static func slot(of value: Double, in lines: [Double]) -> Int? {
    guard let first = lines.first, let last = lines.last, value >= first, value <= last else {
      return nil
    }
    var low = 0
    var high = lines.count - 1
    while high - low > 1 {
      let mid = (low + high) / 2
      if lines[mid] <= value { low = mid } else { high = mid }
    }
    return low
  }
}

/// Finds ruled tables: rulings that cross form groups, each group's lines give the slot grid,
/// and slots that no drawn line separates are one cell with its row and column span.
public struct LatticeFinder: Sendable, Hashable {
  /// How far apart a ruling's end and a crossing line may be and still meet, in points; also
  /// how close two lines of a group are to be one column or row line.
  public var tolerance: Double
  /// The share of a slot's side that a ruling must cover for the side to be drawn.
  public var coverage: Double

  /// Makes a finder.
  public init(tolerance: Double = 2, coverage: Double = 0.5) {
    self.tolerance = tolerance
    self.coverage = coverage
  }

  /// The ruled tables among `rulings` (snapped and merged, see `RulingSnapper`), top to
  /// bottom.
  public func tables(in rulings: [Ruling]) -> [LatticeTable] {
    let horizontal = rulings.filter { $0.axis == .horizontal }
    let vertical = rulings.filter { $0.axis == .vertical }
    guard !horizontal.isEmpty, !vertical.isEmpty else { return [] }
    // Union-find over rulings: horizontal i is i, vertical j is horizontal.count + j.
    var parent = Array(0..<(horizontal.count + vertical.count))
    func find(_ i: Int) -> Int {
      var i = i
      while parent[i] != i {
        parent[i] = parent[parent[i]]
        i = parent[i]
      }
      return i
    }
    for (i, h) in horizontal.enumerated() {
      for (j, v) in vertical.enumerated() where meet(h, v) {
        let a = find(i)
        let b = find(horizontal.count + j)
        if a != b { parent[a] = b }
      }
    }
    var groups: [Int: (h: [Ruling], v: [Ruling])] = [:]
    for (i, h) in horizontal.enumerated() { groups[find(i), default: ([], [])].h.append(h) }
    for (j, v) in vertical.enumerated() {
      groups[find(horizontal.count + j), default: ([], [])].v.append(v)
    }
    return groups.values.compactMap { table(horizontal: $0.h, vertical: $0.v) }
      .sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
  }

  private func meet(_ h: Ruling, _ v: Ruling) -> Bool {
    v.position >= h.start - tolerance && v.position <= h.end + tolerance
      && h.position >= v.start - tolerance && h.position <= v.end + tolerance
  }

  /// Line positions, nearby ones merged to their mean.
  private func lines(_ positions: [Double]) -> [Double] {
    var out: [Double] = []
    var group: [Double] = []
    for p in positions.sorted() {
      if let last = group.last, p - last > tolerance {
        out.append(group.reduce(0, +) / Double(group.count))
        group = []
      }
      group.append(p)
    }
    if !group.isEmpty { out.append(group.reduce(0, +) / Double(group.count)) }
    return out
  }

  private func table(horizontal: [Ruling], vertical: [Ruling]) -> LatticeTable? {
    guard !horizontal.isEmpty, !vertical.isEmpty else { return nil }
    var xs = lines(vertical.map(\.position))
    var ys = lines(horizontal.map(\.position))
    // Open sides: a table ruled only between its columns (or rows) ends where its lines end.
    if let left = horizontal.map(\.start).min(), let first = xs.first, left < first - tolerance {
      xs.insert(left, at: 0)
    }
    if let right = horizontal.map(\.end).max(), let last = xs.last, right > last + tolerance {
      xs.append(right)
    }
    if let top = vertical.map(\.start).min(), let first = ys.first, top < first - tolerance {
      ys.insert(top, at: 0)
    }
    if let bottom = vertical.map(\.end).max(), let last = ys.last, bottom > last + tolerance {
      ys.append(bottom)
    }
    let rows = ys.count - 1
    let columns = xs.count - 1
    guard rows >= 1, columns >= 1, rows * columns >= 2 else { return nil }
    // drawnRight[r][c]: the line right of slot (r, c) is drawn; drawnBelow likewise.
    var drawnRight = Array(repeating: [Bool](repeating: true, count: columns), count: rows)
    var drawnBelow = Array(repeating: [Bool](repeating: true, count: columns), count: rows)
    for r in 0..<rows {
      for c in 0..<columns {
        if c + 1 < columns {
          drawnRight[r][c] = drawn(vertical, at: xs[c + 1], from: ys[r], to: ys[r + 1])
        }
        if r + 1 < rows {
          drawnBelow[r][c] = drawn(horizontal, at: ys[r + 1], from: xs[c], to: xs[c + 1])
        }
      }
    }
    var taken = Array(repeating: [Bool](repeating: false, count: columns), count: rows)
    var cells: [LatticeCell] = []
    for r in 0..<rows {
      for c in 0..<columns where !taken[r][c] {
        var lastColumn = c
        while lastColumn + 1 < columns, !drawnRight[r][lastColumn], !taken[r][lastColumn + 1] {
          lastColumn += 1
        }
        var lastRow = r
        while lastRow + 1 < rows,
          (c...lastColumn).allSatisfy({ !drawnBelow[lastRow][$0] && !taken[lastRow + 1][$0] })
        {
          lastRow += 1
        }
        for rr in r...lastRow {
          for cc in c...lastColumn { taken[rr][cc] = true }
        }
        cells.append(
          LatticeCell(
            row: r, column: c, rowSpan: lastRow - r + 1, columnSpan: lastColumn - c + 1,
            box: Box(x0: xs[c], y0: ys[r], x1: xs[lastColumn + 1], y1: ys[lastRow + 1])))
      }
    }
    return LatticeTable(xs: xs, ys: ys, cells: cells)
  }

  /// Whether rulings at `position` cover enough of the side from `start` to `end`.
  private func drawn(_ rulings: [Ruling], at position: Double, from start: Double, to end: Double)
    -> Bool
  {
    var covered = 0.0
    for ruling in rulings where abs(ruling.position - position) <= tolerance {
      covered += max(0, min(end, ruling.end) - max(start, ruling.start))
    }
    return covered >= coverage * (end - start)
  }
}
