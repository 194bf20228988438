import TablemendModel
import Testing

@testable import TablemendSheets

/// The grid of a sheet's part, built on one thread or on two (large sheets), and read from
/// cells in any order.
@Suite struct SheetLayoutTests {
  /// A sheet of 7 rows by 5 columns with merges across the middle row, text under a merge,
  /// a slot written twice and cells out of order.
  func sheet() -> Sheet {
    var cells: [SheetCell] = []
    for row in (0..<7).reversed() {
      for column in 0..<5 where (row + column) % 3 != 0 {
        cells.append(SheetCell(row: row, column: column, text: "r\(row)c\(column)"))
      }
    }
    cells.append(SheetCell(row: 4, column: 4, text: "written again\nsecond line"))
    cells.append(SheetCell(row: 3, column: 2, text: "hidden under a merge"))
    return Sheet(
      name: "表", cells: cells,
      merges: [
        CellRange(firstRow: 2, firstColumn: 1, lastRow: 4, lastColumn: 2),
        CellRange(firstRow: 3, firstColumn: 3, lastRow: 3, lastColumn: 4),
        CellRange(firstRow: 5, firstColumn: 0, lastRow: 6, lastColumn: 0),
      ])
  }

  @Test func twoThreadsBuildTheSameGridAsOne() {
    let layout = SheetLayout(sheet())
    let parts = layout.parts()
    #expect(parts.count == 1)
    guard let part = parts.first else { return }
    let one = layout.table(id: "t1", rows: part.rows, columns: part.columns, parallelSlots: .max)
    let two = layout.table(id: "t1", rows: part.rows, columns: part.columns, parallelSlots: 0)
    #expect(one == two)
    #expect(one.cells.count == 7 * 5 - 5 - 1 - 1)
    #expect(
      one.cells.first { $0.row == 4 && $0.column == 4 }?.paragraphs == [
        "written again", "second line",
      ])
    #expect(!one.cells.contains { $0.text == "hidden under a merge" })
    #expect(
      one.cells.map(\.location.ref)
        == one.cells.map {
          Location.a1(row: $0.row, column: $0.column)
        })
    // Row-major order, as the forms stage reads it.
    #expect(
      one.cells.map { $0.row * 5 + $0.column } == one.cells.map { $0.row * 5 + $0.column }.sorted())
  }

  @Test func a1ReferencesAsBefore() {
    #expect(Location.a1(row: 0, column: 0) == "A1")
    #expect(Location.a1(row: 2, column: 27) == "AB3")
    #expect(Location.a1(row: 1_048_575, column: 16_383) == "XFD1048576")
    #expect(Location.a1(row: -4, column: -1) == "A1")
    #expect(Location.a1(row: 9, column: 25) == "Z10")
    #expect(Location.a1(row: 9, column: 701) == "ZZ10")
    #expect(Location.a1(row: 9, column: 702) == "AAA10")
  }
}
