import TablemendModel

/// Joins a ruled table that runs onto the next page into one table.
///
/// A page's first table continues the previous page's last table when the latter reaches the
/// bottom fifth of its page, nothing but page numbers lies between them (text below the
/// first, above the second) and both have the same column lines (within `tolerance` points),
/// or one's lines are some of the other's with the same outer edges (`columnUnion`).
/// A table that ends higher up ended there: the next page's table is another one, even with
/// the same columns (two forms of one template on consecutive pages). A first row that repeats the table's
/// header row is dropped and reported; an empty cell at the top of the continuation under a
/// merged cell (one spanning rows) of the same columns extends that cell (a merge cut by the
/// page break), marked `inferred: rowSpan`. An empty cell under a one-row cell stays empty,
/// unless that cell was drawn on to the page's foot (`droppingEmptyLastRow`). A row cut by the
/// break is joined when it is drawn open on both sides of it, or when its texts say so
/// (`joinSplitRow`).
enum TableContinuation {
  /// How far apart column lines of the two parts may be, in points.
  static let tolerance = 3.0

  static func join(_ items: [PageItem]) -> (items: [PageItem], diagnostics: [Diagnostic]) {
    var out: [PageItem] = []
    var diagnostics: [Diagnostic] = []
    for item in items {
      guard case .table(let next) = item.kind,
        let previousIndex = lastTableBeforeBreak(out, nextPage: item.page),
        case .table(var part) = out[previousIndex].kind,
        let columns = columnUnion(part.xs, next.xs)
      else {
        out.append(item)
        continue
      }
      let sameColumns = part.xs.count == next.xs.count
      part.table = onColumns(part.table, xs: part.xs, union: columns)
      var nextTable = onColumns(next.table, xs: next.xs, union: columns)
      let location = Location.pdf(page: item.page, box: item.box)
      let repeated = repeatedHeaderRows(part.table, nextTable)
      if repeated > 0 {
        nextTable = dropRows(repeated, of: nextTable)
        diagnostics.append(
          Diagnostic(
            .info, "pdf-header-repeated",
            "page \(item.page): the table's header (\(repeated) row\(repeated == 1 ? "" : "s")) "
              + "is repeated after the page break; the repeat is left out", at: location))
      }
      // A row cut by the page break is drawn open below and open above its rest (Chromium);
      // without that, the texts decide (LibreOffice, WPS draw the cut row closed).
      let cut = part.openBottom && next.openTop
      // Merged cells drawn on to the page's foot beside a row that starts only on the next
      // page (open below, the next part closed above): that row's start is nothing.
      var continuing = Set<Int>()
      if part.openBottom, !next.openTop, let trimmed = droppingEmptyLastRow(part.table) {
        part.table = trimmed.table
        continuing = trimmed.continuing
      }
      if let merged = joinSplitRow(nextTable, onto: part.table, drawnOpen: cut) {
        part.table = merged.table
        nextTable = merged.rest
        diagnostics.append(
          Diagnostic(
            .info, "pdf-row-split",
            "page \(item.page): the table's last row on page \(item.page - 1) runs on after the "
              + "page break; its text there is joined to the row's cells", at: location))
      }
      part.table = append(nextTable, to: part.table, continuing: continuing)
      part.xs = columns
      part.openBottom = next.openBottom
      diagnostics.append(
        Diagnostic(
          .info, "pdf-table-continued",
          "page \(item.page): the table continues from page \(item.page - 1) ("
            + (sameColumns
              ? "same column lines" : "one part's column lines are some of the other's")
            + ") and is read as one table", at: location))
      out[previousIndex].kind = .table(part)
      // The joined table now ends where this part ends (a third page may continue it).
      out[previousIndex].page = item.page
      out[previousIndex].box = item.box
      out[previousIndex].pageHeight = item.pageHeight
      out.removeSubrange((previousIndex + 1)...)
    }
    return (out, diagnostics)
  }

  /// The index of the last table of the page before `nextPage` when only page numbers follow
  /// it there, and only page numbers have come on `nextPage` so far.
  private static func lastTableBeforeBreak(_ items: [PageItem], nextPage: Int) -> Int? {
    var index = items.count - 1
    while index >= 0 {
      let item = items[index]
      switch item.kind {
      case .paragraph(let text):
        guard isPageNumber(text) else { return nil }
      case .table:
        let reachesBottom = item.pageHeight <= 0 || item.box.y1 >= 0.8 * item.pageHeight
        return item.page == nextPage - 1 && reachesBottom ? index : nil
      }
      index -= 1
    }
    return nil
  }

  /// `3`, `- 3 -`, `第3页`, `3/12`, `第 3 页 共 12 页`.
  static func isPageNumber(_ text: String) -> Bool {
    let allowed = Set("0123456789-—–/ 第页共()（）·.")
    return text.count <= 20 && text.contains(where: \.isNumber) && text.allSatisfy(allowed.contains)
  }

  /// The column lines of two parts of one table: the same lines (within `tolerance`), or
  /// the lines of one and some of them in the other, with the same outer edges (a page
  /// whose rows merge two columns that a later page's rows divide). Nil when neither holds.
  static func columnUnion(_ a: [Double], _ b: [Double]) -> [Double]? {
    guard let aFirst = a.first, let aLast = a.last, let bFirst = b.first, let bLast = b.last,
      abs(aFirst - bFirst) <= tolerance, abs(aLast - bLast) <= tolerance
    else { return nil }
    let (fewer, more) = a.count <= b.count ? (a, b) : (b, a)
    guard fewer.allSatisfy({ x in more.contains { abs($0 - x) <= tolerance } }) else {
      return nil
    }
    return more
  }

  /// `table`, whose column lines are `xs`, on the column lines `union` (a superset): every
  /// cell keeps its box, its column and span counted in the union's columns.
  static func onColumns(_ table: Table, xs: [Double], union: [Double]) -> Table {
    guard xs.count != union.count else { return table }
    let index = xs.map { x in
      union.indices.min { abs(union[$0] - x) < abs(union[$1] - x) } ?? 0
    }
    var out = table
    out.columnCount = union.count - 1
    for i in out.cells.indices {
      let cell = out.cells[i]
      let end = min(cell.column + cell.columnSpan, index.count - 1)
      guard cell.column < index.count else { continue }
      out.cells[i].column = index[cell.column]
      out.cells[i].columnSpan = max(1, index[end] - index[cell.column])
    }
    return out
  }

  /// How many leading rows of `next` repeat the leading rows of `first` (same cells, spans
  /// and texts, none crossing the last of those rows), at most all but one of `next`'s rows.
  static func repeatedHeaderRows(_ first: Table, _ next: Table) -> Int {
    var best = 0
    let limit = min(first.rowCount, next.rowCount - 1, 10)
    guard limit >= 1 else { return 0 }
    for rows in 1...limit {
      guard let a = header(first, rows: rows), let b = header(next, rows: rows), a == b,
        a.contains(where: { !$0.text.isEmpty })
      else { continue }
      best = rows
    }
    return best
  }

  /// The cells of a table's first `rows` rows as (row, column, spans, text), or nil when a
  /// cell crosses from them into the rows below.
  private static func header(_ table: Table, rows: Int) -> [HeaderCell]? {
    var out: [HeaderCell] = []
    for cell in table.cells where cell.row < rows {
      guard cell.row + cell.rowSpan <= rows else { return nil }
      out.append(
        HeaderCell(
          row: cell.row, column: cell.column, rowSpan: cell.rowSpan,
          columnSpan: cell.columnSpan, text: cell.text))
    }
    return out
  }

  private struct HeaderCell: Equatable {
    var row, column, rowSpan, columnSpan: Int
    var text: String
  }

  private static func dropRows(_ count: Int, of table: Table) -> Table {
    var cells: [Cell] = []
    for var cell in table.cells where cell.row >= count {
      cell.row -= count
      cells.append(cell)
    }
    return Table(
      id: table.id, rowCount: table.rowCount - count, columnCount: table.columnCount,
      cells: cells)
  }

  /// When the first row of `next` is the rest of `table`'s last row (a row that breaks across
  /// the page: drawn open at the break, `drawnOpen`; or, under cells of the last row that
  /// have text, it has empty cells, and fewer than half as many cells with text as that row),
  /// `table` with that text joined to the cells above it (marked `inferred: text`), and
  /// `next` without the row; every cell of that row has a cell of the same columns above it.
  /// Nil otherwise.
  static func joinSplitRow(_ next: Table, onto table: Table, drawnOpen: Bool = false) -> (
    table: Table, rest: Table
  )? {
    let last = table.rowCount - 1
    guard last >= 0, next.rowCount >= 1 else { return nil }
    let lastRow = table.cells.filter { $0.row == last && $0.rowSpan == 1 }
    let top = next.cells.filter { $0.row == 0 }
    guard !top.isEmpty, drawnOpen || top.allSatisfy({ $0.rowSpan == 1 || $0.text.isEmpty }) else {
      return nil
    }
    var above: [(top: Cell, index: Int)] = []
    for cell in top {
      guard
        let index = table.cells.firstIndex(where: {
          $0.row <= last && $0.row + $0.rowSpan > last && $0.column == cell.column
            && $0.columnSpan == cell.columnSpan
        })
      else { return nil }
      above.append((cell, index))
    }
    let filledAbove = lastRow.filter { !$0.text.isEmpty }.count
    let filledTop = top.filter { !$0.text.isEmpty }.count
    let emptyUnderText = above.contains {
      $0.top.text.isEmpty && table.cells[$0.index].row == last
        && !table.cells[$0.index].text.isEmpty
    }
    guard drawnOpen || (filledTop >= 1 && filledTop * 2 < filledAbove && emptyUnderText) else {
      return nil
    }
    var joined = table
    for (cell, index) in above where !cell.text.isEmpty {
      joined.cells[index].setParagraphs([
        GlyphLines.joined([joined.cells[index].text, cell.text])
      ])
      joined.cells[index].markInferred("text")
    }
    // The row goes; an empty merged cell that starts in it keeps its rows below.
    var rest: [Cell] = []
    for var cell in next.cells {
      if cell.row == 0 {
        guard cell.rowSpan > 1 else { continue }
        cell.rowSpan -= 1
        // Its text went to the cell above; the rest of it extends that cell (`append`).
        if drawnOpen { cell.setParagraphs([]) }
      } else {
        cell.row -= 1
      }
      rest.append(cell)
    }
    return (
      joined,
      Table(id: next.id, rowCount: next.rowCount - 1, columnCount: next.columnCount, cells: rest)
    )
  }

  /// `table` without its last row when no cell with text starts in it and a merged cell
  /// runs into it from above, and the columns of the cells that ran into it; nil otherwise.
  static func droppingEmptyLastRow(_ table: Table) -> (table: Table, continuing: Set<Int>)? {
    let last = table.rowCount - 1
    guard last >= 1 else { return nil }
    let starting = table.cells.filter { $0.row == last }
    let running = table.cells.filter { $0.row < last && $0.row + $0.rowSpan > last }
    guard !running.isEmpty, starting.allSatisfy({ $0.text.isEmpty }) else { return nil }
    var out = table
    out.cells = table.cells.compactMap { cell in
      guard cell.row < last else { return nil }
      var cell = cell
      if cell.row + cell.rowSpan > last { cell.rowSpan = last - cell.row }
      return cell
    }
    out.rowCount = last
    return (out, Set(running.map(\.column)))
  }

  /// `next` below `table`; empty top cells of `next` extend the cell above them when it is
  /// merged (spans rows) or in `continuing` (its columns were drawn on to the page's foot).
  private static func append(_ next: Table, to table: Table, continuing: Set<Int> = [])
    -> Table
  {
    var cells = table.cells
    let offset = table.rowCount
    var extended: [(index: Int, by: Int)] = []
    var nextCells: [Cell] = []
    for var cell in next.cells {
      if cell.row == 0, cell.text.isEmpty,
        let above = cells.firstIndex(where: {
          $0.row + $0.rowSpan == offset && ($0.rowSpan > 1 || continuing.contains($0.column))
            && $0.column == cell.column
            && $0.columnSpan == cell.columnSpan && !$0.text.isEmpty
        })
      {
        extended.append((above, cell.rowSpan))
        continue
      }
      cell.row += offset
      nextCells.append(cell)
    }
    for (index, by) in extended {
      cells[index].rowSpan += by
      cells[index].markInferred("rowSpan")
    }
    cells += nextCells
    cells.sort { ($0.row, $0.column) < ($1.row, $1.column) }
    return Table(
      id: table.id, rowCount: table.rowCount + next.rowCount, columnCount: table.columnCount,
      cells: cells)
  }
}
