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
  /// Whether less than half of the table's top edge is drawn: its first row may be the rest
  /// of a row that a page break cut (drawn without its top line).
  public var openTop = false
  /// Whether less than half of the table's bottom edge is drawn: its last row may run on
  /// after a page break.
  public var openBottom = false
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
  ///
  /// `glyphs` are the page's characters: with them, a region inside a table's bounding box
  /// that no drawn line closes off from the page and that holds no character (the rest of a
  /// merged cell a page break cut, drawn with open sides) is no row or column of its own
  /// (see `LatticeFinder.outline`). Without them every slot is a cell, as drawn.
  public func tables(in rulings: [Ruling], glyphs: [Glyph] = []) -> [LatticeTable] {
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
    let points = glyphs.map { (x: $0.centreX, y: $0.centreY) }
    return attachingBandEdges(Array(groups.values)).compactMap {
      table(horizontal: $0.h, vertical: $0.v, points: points)
    }
    .sorted { ($0.box.y0, $0.box.x0) < ($1.box.y0, $1.box.x0) }
  }

  /// The groups with lone vertical rulings that run the whole height of a table, near it,
  /// joined to it.
  ///
  /// A merged cell that a page break cuts above and below (a label column spanning more rows
  /// than the page holds) is drawn on the middle page as two vertical lines and nothing
  /// across: its outer line meets no horizontal ruling and would be left out, and the
  /// column with it. A vertical ruling that meets nothing, starts and ends where a table's
  /// rulings start and end (within `tolerance`) and lies within a third of the table's width
  /// of it is one of its column lines.
  private func attachingBandEdges(_ groups: [(h: [Ruling], v: [Ruling])]) -> [(
    h: [Ruling], v: [Ruling]
  )] {
    var tables = groups.filter { !$0.h.isEmpty && !$0.v.isEmpty }
    var out = groups.filter { $0.h.isEmpty || $0.v.isEmpty }
    guard !tables.isEmpty else { return groups }
    var kept: [(h: [Ruling], v: [Ruling])] = []
    for group in out {
      guard group.h.isEmpty, group.v.count == 1, let line = group.v.first else {
        kept.append(group)
        continue
      }
      let home = tables.indices.first { index in
        let t = tables[index]
        let top = min(t.v.map(\.start).min() ?? .infinity, t.h.map(\.position).min() ?? .infinity)
        let bottom = max(
          t.v.map(\.end).max() ?? -.infinity, t.h.map(\.position).max() ?? -.infinity)
        let left = min(t.h.map(\.start).min() ?? .infinity, t.v.map(\.position).min() ?? .infinity)
        let right = max(
          t.h.map(\.end).max() ?? -.infinity, t.v.map(\.position).max() ?? -.infinity)
        let reach = (right - left) / 3
        return abs(line.start - top) <= tolerance && abs(line.end - bottom) <= tolerance
          && line.position >= left - reach && line.position <= right + reach
      }
      if let home { tables[home].v.append(line) } else { kept.append(group) }
    }
    out = kept
    return tables + out
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

  private func table(
    horizontal: [Ruling], vertical: [Ruling], points: [(x: Double, y: Double)]
  ) -> LatticeTable? {
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
    // Sides of every slot, the outer ones included: right[r][c] is the line right of slot
    // (r, c) (c = -1 the table's left edge), below[r][c] the line under it (r = -1 the top).
    var sides = SlotSides(rows: rows, columns: columns)
    for r in 0..<rows {
      for c in -1..<columns {
        sides.setRight(r, c, drawn(vertical, at: xs[c + 1], from: ys[r], to: ys[r + 1]))
      }
    }
    for r in -1..<rows {
      for c in 0..<columns {
        sides.setBelow(r, c, drawn(horizontal, at: ys[r + 1], from: xs[c], to: xs[c + 1]))
      }
    }
    var grid = SlotGrid(xs: xs, ys: ys, sides: sides)
    if !points.isEmpty { grid = outline(grid, points: points) }
    var table = LatticeTable(xs: grid.xs, ys: grid.ys, cells: grid.cells())
    // An edge is open when drawn lines cover less than half of it.
    func drawnShare(_ row: Int) -> Double {
      (0..<columns).filter { grid.sides.below(row, $0) }.reduce(0.0) {
        $0 + xs[$1 + 1] - xs[$1]
      } / max(xs[columns] - xs[0], 1)
    }
    table.openTop = drawnShare(-1) < coverage
    table.openBottom = drawnShare(grid.ys.count - 2) < coverage
    return table
  }

  /// The grid without the row lines that only divide the table from regions outside its
  /// outline.
  ///
  /// A page break leaves a merged cell drawn in pieces with open sides: Chromium draws the
  /// piece above the break down to the page's foot and the piece below it ending in the
  /// middle of a row, and the lines where those pieces end become row lines that no other
  /// cell has. An *outside* region is a cell as drawn that holds no character and has a side
  /// on the table's outer edge that is not drawn (nothing closes it off from the page, as
  /// the corners of pdfplumber's lattice would require), unless that side is only its top or
  /// only its bottom: a row cut by the page break is drawn open there, and whether it is the
  /// start or the rest of a row on another page is for the page join to decide
  /// (`LatticeTable.openTop`, `openBottom`). A row line that separates two
  /// inside slots in no column is no line of the table: the rows on either side are one, the
  /// outside parts taken in by the cells beside them. Column lines all stay (a page break
  /// cuts rows, never columns: an empty piece of a merged label column is kept for the page
  /// join to extend), and so does an outside region that no removed line merges away (an
  /// empty cell, as drawn).
  func outline(_ grid: SlotGrid, points: [(x: Double, y: Double)]) -> SlotGrid {
    let rows = grid.ys.count - 1
    let columns = grid.xs.count - 1
    guard rows >= 2 else { return grid }
    var outside = Array(repeating: [Bool](repeating: false, count: columns), count: rows)
    var empty = Array(repeating: [Bool](repeating: false, count: columns), count: rows)
    var shortRows: [LatticeCell] = []
    for cell in grid.cells() {
      let lastRow = cell.row + cell.rowSpan - 1
      let lastColumn = cell.column + cell.columnSpan - 1
      let box = cell.box
      let holdsText = points.contains {
        $0.x > box.x0 && $0.x < box.x1 && $0.y > box.y0 && $0.y < box.y1
      }
      guard !holdsText else { continue }
      var openSides: Set<Edge> = []
      for r in cell.row...lastRow {
        if cell.column == 0 && !grid.sides.right(r, -1) { openSides.insert(.left) }
        if lastColumn == columns - 1 && !grid.sides.right(r, columns - 1) {
          openSides.insert(.right)
        }
      }
      for c in cell.column...lastColumn {
        if cell.row == 0 && !grid.sides.below(-1, c) { openSides.insert(.top) }
        if lastRow == rows - 1 && !grid.sides.below(rows - 1, c) { openSides.insert(.bottom) }
      }
      let isOutside = !openSides.isEmpty && openSides != [.top] && openSides != [.bottom]
      if isOutside && openSides.isDisjoint(with: [.top, .bottom]) { shortRows.append(cell) }
      for r in cell.row...lastRow {
        for c in cell.column...lastColumn {
          empty[r][c] = true
          outside[r][c] = isOutside
        }
      }
    }
    // Row line k lies between rows k - 1 and k; it stays when it divides two inside slots,
    // and, where it is drawn in fewer than half of the columns (a merged cell's piece
    // ending short of its rows, the other columns' cells running across), two slots that are
    // not both empty.
    var keep = [Bool](repeating: true, count: rows + 1)
    for k in 1..<rows {
      let drawn = (0..<columns).filter { grid.sides.below(k - 1, $0) }
      let partial = drawn.count * 2 < columns
      keep[k] = drawn.contains {
        !outside[k - 1][$0] && !outside[k][$0] && !(partial && empty[k - 1][$0] && empty[k][$0])
      }
    }
    // An outside region open only at the table's left or right edge, that no removed line
    // merges into its neighbours, is the missing slots of a short row (a row with fewer
    // cells than the table's columns, its slots drawn without lines): one empty cell per
    // slot, as the document's grid has them. (Open at the top or the bottom, it is a piece
    // that a page break cut, for the page join.)
    var drawnSides = grid.sides
    for region in shortRows {
      let rowsOfRegion = region.row..<(region.row + region.rowSpan)
      guard rowsOfRegion.allSatisfy({ keep[$0] && keep[$0 + 1] }) else { continue }
      for r in rowsOfRegion {
        for c in region.column..<(region.column + region.columnSpan) {
          if c + 1 < region.column + region.columnSpan { drawnSides.setRight(r, c, true) }
          if r + 1 < region.row + region.rowSpan { drawnSides.setBelow(r, c, true) }
        }
      }
    }
    guard keep.contains(false) else { return SlotGrid(xs: grid.xs, ys: grid.ys, sides: drawnSides) }
    // New row i covers the old rows groups[i].
    var groups: [ClosedRange<Int>] = []
    var start = 0
    for k in 1...rows where keep[k] {
      groups.append(start...(k - 1))
      start = k
    }
    // A merged slot's side is drawn where an old slot beside it, inside and with an inside
    // neighbour, has it drawn; where none has an inside neighbour, where any has it drawn.
    func isInside(_ r: Int, _ c: Int) -> Bool {
      r < 0 || c < 0 || r >= rows || c >= columns || !outside[r][c]
    }
    func merged(_ pairs: [(inside: Bool, drawn: Bool)]) -> Bool {
      let inside = pairs.filter(\.inside)
      return inside.isEmpty ? pairs.contains(where: \.drawn) : inside.contains(where: \.drawn)
    }
    var sides = SlotSides(rows: groups.count, columns: columns)
    for (i, group) in groups.enumerated() {
      for c in -1..<columns {
        sides.setRight(
          i, c,
          merged(group.map { (isInside($0, c) && isInside($0, c + 1), drawnSides.right($0, c)) }))
      }
    }
    for c in 0..<columns {
      sides.setBelow(-1, c, drawnSides.below(-1, c))
      for (i, group) in groups.enumerated() {
        sides.setBelow(i, c, drawnSides.below(group.upperBound, c))
      }
    }
    let ys = [grid.ys[0]] + groups.map { grid.ys[$0.upperBound + 1] }
    return SlotGrid(xs: grid.xs, ys: ys, sides: sides)
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

/// Which sides of a table's slots are drawn, the table's outer edges included.
struct SlotSides: Sendable, Hashable {
  let rows: Int
  let columns: Int
  /// (columns + 1) per row: index c + 1 is the line right of column c.
  private var rightOf: [Bool]
  /// columns per line, rows + 1 lines: index (r + 1) * columns + c is the line under row r.
  private var belowOf: [Bool]

  init(rows: Int, columns: Int) {
    self.rows = rows
    self.columns = columns
    rightOf = [Bool](repeating: true, count: rows * (columns + 1))
    belowOf = [Bool](repeating: true, count: (rows + 1) * columns)
  }

  /// The line right of slot (r, c); c = -1 is the table's left edge.
  func right(_ r: Int, _ c: Int) -> Bool { rightOf[r * (columns + 1) + c + 1] }
  /// The line under slot (r, c); r = -1 is the table's top edge.
  func below(_ r: Int, _ c: Int) -> Bool { belowOf[(r + 1) * columns + c] }
  mutating func setRight(_ r: Int, _ c: Int, _ value: Bool) {
    rightOf[r * (columns + 1) + c + 1] = value
  }
  mutating func setBelow(_ r: Int, _ c: Int, _ value: Bool) {
    belowOf[(r + 1) * columns + c] = value
  }
}

/// A table's slot lines and drawn sides, before its cells are found.
struct SlotGrid: Sendable, Hashable {
  var xs: [Double]
  var ys: [Double]
  var sides: SlotSides

  /// Slots that no drawn line separates, as cells: found top-left first, widest in their
  /// first row, then as deep as no line below interrupts.
  func cells() -> [LatticeCell] {
    let rows = ys.count - 1
    let columns = xs.count - 1
    var taken = Array(repeating: [Bool](repeating: false, count: columns), count: rows)
    var cells: [LatticeCell] = []
    for r in 0..<rows {
      for c in 0..<columns where !taken[r][c] {
        var lastColumn = c
        while lastColumn + 1 < columns, !sides.right(r, lastColumn), !taken[r][lastColumn + 1] {
          lastColumn += 1
        }
        var lastRow = r
        while lastRow + 1 < rows,
          (c...lastColumn).allSatisfy({ !sides.below(lastRow, $0) && !taken[lastRow + 1][$0] })
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
    return cells
  }
}

/// A side of a cell.
enum Edge: Hashable, Sendable {
  case left, right, top, bottom
}
