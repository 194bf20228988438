import TablemendModel

/// Joins a ruled table that runs onto the next page into one table.
///
/// A page's first table continues the previous page's last table when the latter reaches the
/// bottom fifth of its page, nothing but page numbers lies between them (text below the
/// first, above the second) and both have the same column lines (within `tolerance` points).
/// A table that ends higher up ended there: the next page's table is another one, even with
/// the same columns (two forms of one template on consecutive pages). A first row that repeats the table's
/// header row is dropped and reported; an empty cell at the top of the continuation under a
/// cell of the same columns extends that cell (a merged cell cut by the page break), marked
/// `inferred: rowSpan`.
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
        sameColumns(part.xs, next.xs)
      else {
        out.append(item)
        continue
      }
      var nextTable = next.table
      let location = Location.pdf(page: item.page, box: item.box)
      if headerRepeated(part.table, nextTable) {
        nextTable = dropFirstRow(nextTable)
        diagnostics.append(
          Diagnostic(
            .info, "pdf-header-repeated",
            "page \(item.page): the table's header row is repeated after the page break; the "
              + "repeat is left out", at: location))
      }
      part.table = append(nextTable, to: part.table)
      part.xs = next.xs
      diagnostics.append(
        Diagnostic(
          .info, "pdf-table-continued",
          "page \(item.page): the table continues from page \(item.page - 1) (same column "
            + "lines) and is read as one table", at: location))
      out[previousIndex].kind = .table(part)
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

  private static func sameColumns(_ a: [Double], _ b: [Double]) -> Bool {
    a.count == b.count && zip(a, b).allSatisfy { abs($0 - $1) <= tolerance }
  }

  /// The texts of a table's first row, slot by slot.
  private static func firstRow(_ table: Table) -> [String] {
    table.cells(startingInRow: 0).map(\.text)
  }

  private static func headerRepeated(_ first: Table, _ next: Table) -> Bool {
    guard next.rowCount > 1 else { return false }
    let header = first.cells(startingInRow: 0)
    let repeated = next.cells(startingInRow: 0)
    guard !header.isEmpty, header.count == repeated.count,
      header.contains(where: { !$0.text.isEmpty })
    else { return false }
    return zip(header, repeated).allSatisfy {
      $0.column == $1.column && $0.columnSpan == $1.columnSpan && $0.rowSpan == 1
        && $1.rowSpan == 1 && $0.text == $1.text
    }
  }

  private static func dropFirstRow(_ table: Table) -> Table {
    var cells: [Cell] = []
    for var cell in table.cells {
      if cell.row == 0 {
        guard cell.rowSpan > 1 else { continue }
        cell.rowSpan -= 1
      } else {
        cell.row -= 1
      }
      cells.append(cell)
    }
    return Table(
      id: table.id, rowCount: table.rowCount - 1, columnCount: table.columnCount, cells: cells)
  }

  /// `next` below `table`; empty top cells of `next` extend the cell above them.
  private static func append(_ next: Table, to table: Table) -> Table {
    var cells = table.cells
    let offset = table.rowCount
    var extended: [(index: Int, by: Int)] = []
    var nextCells: [Cell] = []
    for var cell in next.cells {
      if cell.row == 0, cell.text.isEmpty,
        let above = cells.firstIndex(where: {
          $0.row + $0.rowSpan == offset && $0.column == cell.column
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
