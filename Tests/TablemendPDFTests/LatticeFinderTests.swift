import TablemendModel
import Testing

@testable import TablemendPDF

/// Hand-built rulings: grids, spans where an inner line is missing, snapping tolerance.
@Suite struct LatticeFinderTests {
  /// Horizontal lines at `ys` from `x0` to `x1`.
  static func rows(_ ys: [Double], from x0: Double, to x1: Double) -> [Ruling] {
    ys.map { Ruling(.horizontal, at: $0, from: x0, to: x1) }
  }

  /// Vertical lines at `xs` from `y0` to `y1`.
  static func columns(_ xs: [Double], from y0: Double, to y1: Double) -> [Ruling] {
    xs.map { Ruling(.vertical, at: $0, from: y0, to: y1) }
  }

  @Test func fullGrid() throws {
    let rulings =
      Self.rows([0, 20, 40], from: 0, to: 300) + Self.columns([0, 100, 200, 300], from: 0, to: 40)
    let tables = LatticeFinder().tables(in: RulingSnapper().snap(rulings))
    let table = try #require(tables.first)
    #expect(tables.count == 1)
    #expect(table.rowCount == 2 && table.columnCount == 3)
    #expect(table.cells.count == 6)
    #expect(table.cells.allSatisfy { $0.rowSpan == 1 && $0.columnSpan == 1 })
  }

  @Test func missingInnerLinesGiveSpans() throws {
    // Three rows (y 0–60) and three columns (x 0–300). The line y = 20 is missing left of
    // x = 100, so the left column's first two rows are one cell (a vertically merged 一级
    // label); the line x = 200 is missing in the top row, so its right cell spans two columns.
    var rulings = Self.rows([0, 60], from: 0, to: 300)
    rulings.append(Ruling(.horizontal, at: 20, from: 100, to: 300))
    rulings.append(Ruling(.horizontal, at: 40, from: 0, to: 300))
    rulings += Self.columns([0, 100, 300], from: 0, to: 60)
    rulings.append(Ruling(.vertical, at: 200, from: 20, to: 60))
    let table = try #require(LatticeFinder().tables(in: RulingSnapper().snap(rulings)).first)
    #expect(table.rowCount == 3 && table.columnCount == 3)
    let spans = table.cells.map { [$0.row, $0.column, $0.rowSpan, $0.columnSpan] }
    #expect(
      spans == [
        [0, 0, 2, 1], [0, 1, 1, 2],
        [1, 1, 1, 1], [1, 2, 1, 1],
        [2, 0, 1, 1], [2, 1, 1, 1], [2, 2, 1, 1],
      ])
    #expect(table.cellIndex(x: 50, y: 30) == 0)
    #expect(table.cellIndex(x: 250, y: 10) == 1)
    #expect(table.cellIndex(x: 400, y: 10) == nil)
  }

  @Test func linesWithinToleranceSnapTogether() throws {
    // A border drawn twice, 1.2 pt apart (a filled rectangle and a stroke), and column lines
    // that stop 1.5 pt short of the bottom line: one grid of 2 × 2.
    var rulings = Self.rows([0, 30, 60], from: 0, to: 200)
    rulings.append(Ruling(.horizontal, at: 31.2, from: 0, to: 200))
    rulings += Self.columns([0, 100, 200], from: 0, to: 58.5)
    let table = try #require(LatticeFinder().tables(in: RulingSnapper().snap(rulings)).first)
    #expect(table.rowCount == 2 && table.columnCount == 2)
    #expect(table.cells.count == 4)
  }

  @Test func linesBeyondToleranceStayApart() throws {
    var rulings = Self.rows([0, 30, 36, 60], from: 0, to: 200)
    rulings += Self.columns([0, 100, 200], from: 0, to: 60)
    let table = try #require(LatticeFinder().tables(in: RulingSnapper().snap(rulings)).first)
    #expect(table.rowCount == 3)
  }

  @Test func separateTablesAndLoneLines() {
    var rulings =
      Self.rows([0, 20, 40], from: 0, to: 100) + Self.columns([0, 100], from: 0, to: 40)
    rulings +=
      Self.rows([200, 220], from: 0, to: 100) + Self.columns([0, 50, 100], from: 200, to: 220)
    // An underline that meets nothing is not a table.
    rulings.append(Ruling(.horizontal, at: 500, from: 0, to: 80))
    let tables = LatticeFinder().tables(in: RulingSnapper().snap(rulings))
    #expect(tables.map(\.rowCount) == [2, 1])
    #expect(tables.map(\.columnCount) == [1, 2])
  }

  @Test func openSidedTableEndsWhereItsLinesEnd() throws {
    // Ruled only between columns and rows: no outer vertical border.
    let rulings = Self.rows([0, 20, 40], from: 0, to: 200) + Self.columns([100], from: 0, to: 40)
    let table = try #require(LatticeFinder().tables(in: RulingSnapper().snap(rulings)).first)
    #expect(table.xs == [0, 100, 200])
    #expect(table.cells.count == 4)
  }
}
