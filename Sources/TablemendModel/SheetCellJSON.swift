/// One cell of a workbook table as little as its JSON needs, so that a writer can put a sheet
/// of 1,000,000 cells out without making a `Cell` (with its `Location` and paragraph array)
/// for each: `JSONOutput.write` writes exactly the bytes of the `Cell` it stands for.
package struct PlainSheetCell {
  /// Row and column in the table, 0-based.
  package var row: Int
  package var column: Int
  package var rowSpan: Int
  package var columnSpan: Int
  /// Row and column in the sheet, 0-based (the location's `line` and `column` less one).
  package var sheetRow: Int
  package var sheetColumn: Int
  /// The cell's text, lines separated by `\n` (its paragraphs).
  package var text: String

  package init(
    row: Int, column: Int, rowSpan: Int, columnSpan: Int, sheetRow: Int, sheetColumn: Int,
    text: String
  ) {
    self.row = row
    self.column = column
    self.rowSpan = rowSpan
    self.columnSpan = columnSpan
    self.sheetRow = sheetRow
    self.sheetColumn = sheetColumn
    self.text = text
  }

  /// The `Cell` this stands for: `Location.sheet(sheet, …)`, the text's lines as paragraphs.
  package func cell(sheet: String) -> Cell {
    Cell(
      row: row, column: column, rowSpan: rowSpan, columnSpan: columnSpan,
      paragraphs: text.isEmpty
        ? [] : text.containsByte(0x0A) ? text.components(separatedBy: "\n") : [text],
      location: Location.sheet(sheet, row: sheetRow, column: sheetColumn))
  }
}

/// A table whose cells are made one at a time as `PlainSheetCell`s (a workbook's grid).
package protocol PlainSheetCells {
  /// The sheet every cell's location names.
  var sheetName: String { get }
  /// Each cell in the table's order.
  func forEachPlainCell(_ body: (PlainSheetCell) -> Void)
}

extension JSONWriter {
  /// The JSON of `cell.cell(sheet:)`, with the sheet name's JSON string (`"数据"`, quotes
  /// included) written once beforehand as `sheet`.
  mutating func plainSheetCell(_ cell: PlainSheetCell, sheet: UnsafeBufferPointer<UInt8>) {
    // Keys in `Cell.writeJSON`'s and `Location.writeJSON`'s order; a sheet location has no box,
    // page or part, a sheet's cell no inferred values and no nested tables.
    raw("{\"column\":")
    int(cell.column)
    raw(",\"columnSpan\":")
    int(cell.columnSpan)
    raw(",\"inferred\":[],\"location\":{\"column\":")
    int(cell.sheetColumn + 1)
    raw(",\"line\":")
    int(cell.sheetRow + 1)
    raw(",\"ref\":")
    a1String(row: cell.sheetRow, column: cell.sheetColumn)
    raw(",\"sheet\":")
    raw(sheet)
    raw("},\"paragraphs\":[")
    var text = cell.text
    text.withUTF8 { utf8 in
      guard !utf8.isEmpty else { return }
      // Split at each LF (`components(separatedBy: "\n")` does the same when no CR stands
      // before it: a CR LF pair is one Character and is not split, so such text goes that way).
      if utf8.contains(0x0D) {
        var first = true
        for part in cell.text.components(separatedBy: "\n") {
          if first { first = false } else { comma() }
          string(part)
        }
        return
      }
      var start = 0
      for index in 0..<utf8.count where utf8[index] == 0x0A {
        string(utf8: UnsafeBufferPointer(rebasing: utf8[start..<index]))
        comma()
        start = index + 1
      }
      string(utf8: UnsafeBufferPointer(rebasing: utf8[start...]))
    }
    raw("],\"row\":")
    int(cell.row)
    raw(",\"rowSpan\":")
    int(cell.rowSpan)
    raw(",\"text\":")
    text.withUTF8 { string(utf8: $0) }
    raw("}")
  }
}

extension Table {
  /// The table's JSON with `cells`' cells in place of its own, `afterCell` called after each.
  func writeJSON(
    into w: inout JSONWriter, plainCells cells: any PlainSheetCells,
    afterCell: (inout JSONWriter) -> Void
  ) {
    var name = JSONWriter(capacity: 64)
    name.string(cells.sheetName)
    w.beginObject()
    var first = true
    w.key("cells", &first)
    w.beginArray()
    var firstCell = true
    name.withBytes { sheet in
      withoutActuallyEscaping(afterCell) { afterCell in
        cells.forEachPlainCell { cell in
          if firstCell { firstCell = false } else { w.comma() }
          w.plainSheetCell(cell, sheet: sheet)
          afterCell(&w)
        }
      }
    }
    w.endArray()
    writeJSONAfterCells(into: &w, &first)
  }
}
