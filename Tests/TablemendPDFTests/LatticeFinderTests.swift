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

  /// A glyph at (x, y).
  static func glyph(_ text: String, x: Double, y: Double) -> Glyph {
    Glyph(text: text, box: Box(x0: x - 4, y0: y - 4, x1: x + 4, y1: y + 4), fontSize: 8)
  }

  @Test func cutMergedCellAboveABreakEndsAtTheLastRow() throws {
    // Chromium's page above a break: a merged label (x 0–100) drawn down to the page's foot
    // (y 90), its row cut there, beside two rows of two cells (y 0–60) and nothing below
    // them. The region x 100–300, y 60–90 has two drawn sides and no text: outside. The
    // table is two rows, the label spanning both.
    var rulings = Self.rows([0, 30, 60], from: 100, to: 300)
    rulings.append(Ruling(.horizontal, at: 0, from: 0, to: 100))
    rulings += Self.columns([0, 100], from: 0, to: 90)
    rulings += Self.columns([200, 300], from: 0, to: 60)
    let glyphs = [
      Self.glyph("年", x: 50, y: 15), Self.glyph("一", x: 150, y: 15),
      Self.glyph("二", x: 250, y: 15), Self.glyph("三", x: 150, y: 45),
    ]
    let snapped = RulingSnapper().snap(rulings)
    let table = try #require(LatticeFinder().tables(in: snapped, glyphs: glyphs).first)
    #expect(table.rowCount == 2 && table.columnCount == 3)
    #expect(table.ys == [0, 30, 90])
    let spans = table.cells.map { [$0.row, $0.column, $0.rowSpan, $0.columnSpan] }
    #expect(spans == [[0, 0, 2, 1], [0, 1, 1, 1], [0, 2, 1, 1], [1, 1, 1, 1], [1, 2, 1, 1]])
    // Without glyphs the grid is as drawn: a third row with an empty cell two columns wide.
    let drawn = try #require(LatticeFinder().tables(in: snapped).first)
    #expect(drawn.rowCount == 3)
  }

  @Test func cutMergedCellBelowABreakCoversItsRows() throws {
    // The page below the break: the merged label's rest (x 0–100) is drawn with no top and
    // ends at y 40, in the middle of the second row (y 30–60) of the cells beside it. The
    // piece keeps three sides and stays (empty, for the page join to extend); the slot under
    // it has two and no text, so y 40 is no row line: two rows, the piece spanning both.
    var rulings = Self.rows([0, 30, 60], from: 100, to: 300)
    rulings.append(Ruling(.horizontal, at: 40, from: 0, to: 100))
    rulings.append(Ruling(.vertical, at: 0, from: 0, to: 40))
    rulings += Self.columns([100, 200, 300], from: 0, to: 60)
    let glyphs = [
      Self.glyph("一", x: 150, y: 15), Self.glyph("二", x: 250, y: 15),
      Self.glyph("三", x: 150, y: 45), Self.glyph("四", x: 250, y: 45),
    ]
    let snapped = RulingSnapper().snap(rulings)
    let table = try #require(LatticeFinder().tables(in: snapped, glyphs: glyphs).first)
    #expect(table.rowCount == 2 && table.columnCount == 3)
    let spans = table.cells.map { [$0.row, $0.column, $0.rowSpan, $0.columnSpan] }
    #expect(spans == [[0, 0, 2, 1], [0, 1, 1, 1], [0, 2, 1, 1], [1, 1, 1, 1], [1, 2, 1, 1]])
    #expect(table.cellIndex(x: 50, y: 50) == 0)
  }

  @Test func emptyCellsOfAFramedTableStay() throws {
    // A framed 2 × 2 grid with an empty corner cell: closed on four sides, it is a cell.
    let rulings =
      Self.rows([0, 30, 60], from: 0, to: 200) + Self.columns([0, 100, 200], from: 0, to: 60)
    let glyphs = [Self.glyph("一", x: 50, y: 15)]
    let table = try #require(
      LatticeFinder().tables(in: RulingSnapper().snap(rulings), glyphs: glyphs).first)
    #expect(table.rowCount == 2 && table.columnCount == 2 && table.cells.count == 4)
  }

  @Test func bareVerticalRunningATablesHeightIsItsColumnLine() throws {
    // The middle page of a label column cut above and below: its outer line (x 0) meets no
    // horizontal ruling, and starts and ends where the table's lines do.
    let table =
      Self.rows([30], from: 100, to: 400) + Self.columns([100, 200, 300, 400], from: 0, to: 60)
    let glyphs = [Self.glyph("一", x: 150, y: 15), Self.glyph("二", x: 150, y: 45)]
    let edge = Self.columns([0], from: 0, to: 60)
    let found = try #require(
      LatticeFinder().tables(in: RulingSnapper().snap(table + edge), glyphs: glyphs).first)
    #expect(found.xs == [0, 100, 200, 300, 400])
    #expect(found.openTop && found.openBottom)
    #expect(found.cells.first.map { [$0.row, $0.column, $0.rowSpan] } == [0, 0, 2])
    // A line far from the table, or shorter than it, stays out.
    let far = Self.columns([-200], from: 0, to: 60) + Self.columns([40], from: 0, to: 50)
    let alone = try #require(
      LatticeFinder().tables(in: RulingSnapper().snap(table + far), glyphs: glyphs).first)
    #expect(alone.xs == [100, 200, 300, 400])
  }

  @Test func pieceEndingMidRowBetweenEmptySlotsIsNoRowLine() throws {
    // Three framed columns, rows y 0–40 and 40–80; in the left column a merged cell's piece
    // ends at y 20 (drawn only there). Both slots it divides are empty, so y 20 is no line.
    var rulings = Self.rows([0, 40, 80], from: 0, to: 300)
    rulings.append(Ruling(.horizontal, at: 20, from: 0, to: 100))
    rulings += Self.columns([0, 100, 200, 300], from: 0, to: 80)
    let glyphs = [Self.glyph("一", x: 150, y: 20), Self.glyph("二", x: 150, y: 60)]
    let snapped = RulingSnapper().snap(rulings)
    let table = try #require(LatticeFinder().tables(in: snapped, glyphs: glyphs).first)
    #expect(table.ys == [0, 40, 80])
    #expect(table.cells.count == 6)
    // With text under it, the line divides two cells and stays.
    let written = glyphs + [Self.glyph("三", x: 50, y: 30)]
    let kept = try #require(LatticeFinder().tables(in: snapped, glyphs: written).first)
    #expect(kept.ys == [0, 20, 40, 80])
  }

  @Test func shortRowsMissingSlotsAreOneCellEach() throws {
    // Three framed columns and three rows; the middle row has one cell (x 0–100), its two
    // missing slots drawn with no line between them and none at the table's right edge (as
    // LibreOffice prints a row shorter than the table). Top and bottom are drawn: that
    // region is the short row's two missing slots, one empty cell each, not a cell two
    // columns wide.
    var rulings = Self.rows([0, 30, 60, 90], from: 0, to: 300)
    rulings += Self.columns([0, 100], from: 0, to: 90)
    for x in [200.0, 300] {
      rulings += [
        Ruling(.vertical, at: x, from: 0, to: 30), Ruling(.vertical, at: x, from: 60, to: 90),
      ]
    }
    let glyphs = [
      Self.glyph("一", x: 50, y: 15), Self.glyph("二", x: 150, y: 15),
      Self.glyph("三", x: 250, y: 15), Self.glyph("四", x: 50, y: 45),
      Self.glyph("五", x: 50, y: 75), Self.glyph("六", x: 150, y: 75),
    ]
    let snapped = RulingSnapper().snap(rulings)
    let table = try #require(LatticeFinder().tables(in: snapped, glyphs: glyphs).first)
    #expect(table.rowCount == 3 && table.columnCount == 3)
    #expect(table.cells.count == 9)
    #expect(table.cells.allSatisfy { $0.rowSpan == 1 && $0.columnSpan == 1 })
    // Missing at the row's start (open at the left edge), the same.
    var leading = Self.rows([0, 30, 60, 90], from: 0, to: 300)
    leading += Self.columns([200, 300], from: 0, to: 90)
    for x in [0.0, 100] {
      leading += [
        Ruling(.vertical, at: x, from: 0, to: 30), Ruling(.vertical, at: x, from: 60, to: 90),
      ]
    }
    let shifted = glyphs.map { $0.text == "四" ? Self.glyph("四", x: 250, y: 45) : $0 }
    let start = try #require(
      LatticeFinder().tables(in: RulingSnapper().snap(leading), glyphs: shifted).first)
    #expect(start.cells.count == 9)
    // Without glyphs the grid is as drawn: one empty cell two columns wide.
    let drawn = try #require(LatticeFinder().tables(in: snapped).first)
    #expect(drawn.cells.count == 8)
    // A region open at the table's bottom as well (a page break's cut) is not split.
    var cut = Self.rows([0, 30], from: 0, to: 300)
    cut += Self.columns([0, 100], from: 0, to: 90)
    cut += Self.columns([200, 300], from: 0, to: 30)
    cut += Self.rows([60, 90], from: 0, to: 100)
    let cutTable = try #require(
      LatticeFinder().tables(in: RulingSnapper().snap(cut), glyphs: Array(glyphs.prefix(4)))
        .first)
    let spans = cutTable.cells.map { [$0.row, $0.column, $0.rowSpan, $0.columnSpan] }
    #expect(spans.contains([1, 1, 2, 2]))
  }
}
