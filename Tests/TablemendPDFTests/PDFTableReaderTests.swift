import TablemendModel
import Testing

@testable import TablemendPDF

/// Pages of glyphs and rulings to tables: cells by glyph centre, page continuation, pages
/// that cannot be read.
@Suite struct PDFTableReaderTests {
  typealias G = GlyphLinesTests

  /// A page with a two-column table of `rows` rows, each 20 pt high, from `top`, and `texts`
  /// written into its cells row by row.
  static func page(
    _ number: Int, top: Double, texts: [[String]], height: Double = 842, extra: [Glyph] = []
  ) -> PageContent {
    let ys = (0...texts.count).map { top + Double($0) * 20 }
    var rulings = LatticeFinderTests.rows(ys, from: 50, to: 450)
    rulings += LatticeFinderTests.columns([50, 150, 450], from: top, to: ys.last ?? top)
    var glyphs = extra
    for (r, row) in texts.enumerated() {
      for (c, text) in row.enumerated() {
        glyphs += G.glyphs(text, x: c == 0 ? 55 : 155, y: ys[r] + 5)
      }
    }
    return PageContent(number: number, width: 595, height: height, glyphs: glyphs, rulings: rulings)
  }

  @Test func glyphsGoToCellsAndTextOutsideIsAParagraph() throws {
    let title = G.glyphs("绩效目标表", x: 100, y: 50)
    let page = Self.page(
      1, top: 100, texts: [["一级指标", "三级指标"], ["产出指标", "规划建筑面积"]], extra: title)
    let read = PDFTableReader().read([page])
    #expect(read.blocks.count == 2)
    guard case .paragraph(let text, let location) = read.blocks[0] else {
      Issue.record("a paragraph first")
      return
    }
    #expect(text == "绩效目标表")
    #expect(location.page == 1)
    guard case .table(let table) = read.blocks[1] else {
      Issue.record("then a table")
      return
    }
    #expect(table.id == "t1")
    #expect(table.rowCount == 2 && table.columnCount == 2)
    #expect(table.cells.map(\.text) == ["一级指标", "三级指标", "产出指标", "规划建筑面积"])
    #expect(table.cells[3].location.page == 1)
    #expect(table.cells[3].location.box == Box(x0: 150, y0: 120, x1: 450, y1: 140))
  }

  @Test func tableRunningOntoTheNextPageIsOneTableWithoutTheRepeatedHeader() throws {
    // Page 1: a header and ten rows; the last two rows' left cells are one merged cell (no
    // line between them left of x = 150).
    var first = Self.page(
      1, top: 600, texts: [["一级", "三级"]] + (0..<10).map { ["\($0 < 9 ? "产出指标" : "")", "指标\($0)"] })
    first.rulings.removeAll { $0.axis == .horizontal && $0.position == 800 }
    first.rulings.append(Ruling(.horizontal, at: 800, from: 150, to: 450))
    let second = Self.page(
      2, top: 40, texts: [["一级", "三级"], ["", "指标10"], ["效益指标", "指标11"]])
    let read = PDFTableReader().read([first, second])
    let tables = read.blocks.compactMap(\.table)
    let table = try #require(tables.first)
    #expect(tables.count == 1)
    #expect(table.rowCount == 11 + 2)
    #expect(table.cells.first { $0.row == 9 && $0.column == 0 }?.rowSpan == 3)
    #expect(table.cells.filter { $0.text == "一级" }.count == 1)
    // The empty top cell of page 2 continues the cell above it (a merge cut by the break).
    let continued = try #require(table.cells.first { $0.row == 9 && $0.column == 0 })
    #expect(continued.text == "产出指标")
    #expect(continued.inferred == ["rowSpan"])
    // Under a one-row cell an empty cell stays a cell of its own.
    let lone = Self.page(1, top: 780, texts: [["甲", "乙"], ["丙", "丁"]])
    let next = Self.page(2, top: 40, texts: [["", "戊"]])
    let kept = PDFTableReader().read([lone, next]).blocks
    guard case .table(let joined) = kept.first else {
      Issue.record("one joined table")
      return
    }
    #expect(joined.cells.count == 6)
    #expect(table.cells.last?.location.page == 2)
    #expect(read.diagnostics.map(\.code) == ["pdf-header-repeated", "pdf-table-continued"])
  }

  @Test func tableEndingMidPageIsNotContinued() {
    // Two forms of one template on consecutive pages: same columns, the first ends mid-page.
    let first = Self.page(1, top: 40, texts: [["项目名称", "甲"]])
    let second = Self.page(2, top: 40, texts: [["项目名称", "乙"]])
    let read = PDFTableReader().read([first, second])
    #expect(read.blocks.count == 2)
    #expect(read.diagnostics.isEmpty)
  }

  @Test func scannedPageAndUnmappedGlyphsAreReported() {
    let scan = PageContent(number: 3, width: 595, height: 842, imageCount: 1)
    var broken = Self.page(4, top: 40, texts: [["a", "b"]])
    broken.unmappedGlyphs = 12
    let read = PDFTableReader().read([scan, broken])
    #expect(read.diagnostics.map(\.code) == ["pdf-scanned-page", "pdf-unmapped-glyphs"])
    #expect(read.diagnostics.map(\.location?.page) == [3, 4])
    #expect(read.diagnostics[0].message.contains("page 3"))
  }
}

/// A row that breaks across the page: its rest on the next page is joined to it.
@Suite struct SplitRowTests {
  @Test func restOfARowAfterThePageBreakJoinsItsCells() throws {
    // Four columns (lines at x 50, 150, 290, 370, 450). Page 1 ends in a row whose value cell
    // wraps: `大于等于100` there, `次` on page 2; the label column is one merged cell over the
    // last two rows and runs on as well.
    var first = PDFTableReaderTests.page(
      1, top: 600, texts: (0..<10).map { ["\($0 < 9 ? "产出指标" : "")", "指标\($0)"] })
    first.rulings.removeAll { $0.axis == .horizontal && $0.position == 780 }
    first.rulings.append(Ruling(.horizontal, at: 780, from: 150, to: 450))
    first.rulings += LatticeFinderTests.columns([290, 370], from: 600, to: 800)
    first.glyphs += GlyphLinesTests.glyphs("大于等于100", x: 295, y: 785, width: 5)
    first.glyphs += GlyphLinesTests.glyphs("计划", x: 375, y: 785)
    var second = PDFTableReaderTests.page(2, top: 40, texts: [["", ""], ["", "指标10"]])
    second.rulings += LatticeFinderTests.columns([290, 370], from: 40, to: 80)
    second.glyphs += GlyphLinesTests.glyphs("次", x: 295, y: 45, width: 5)
    let read = PDFTableReader().read([first, second])
    guard case .table(let table) = read.blocks.first else {
      Issue.record("one table")
      return
    }
    #expect(read.blocks.count == 1)
    #expect(table.rowCount == 11)
    let value = try #require(table.cells.first { $0.text.hasPrefix("大于等于") })
    #expect(value.text == "大于等于100次")
    #expect(value.inferred == ["text"])
    let label = try #require(table.cells.first { $0.text == "产出指标" && $0.row == 8 })
    #expect(label.rowSpan == 3)
    #expect(read.diagnostics.map(\.code) == ["pdf-row-split", "pdf-table-continued"])
  }

  @Test func aNewRowWithEmptyCellsIsNotASplitRow() {
    // Key/value rows: the next page's first row has its value empty; it stays a row.
    let first = PDFTableReaderTests.page(
      1, top: 760, texts: [["甲", "乙"], ["丙", "丁"], ["戊", "己"]])
    let second = PDFTableReaderTests.page(2, top: 40, texts: [["庚", ""], ["辛", "壬"]])
    let read = PDFTableReader().read([first, second])
    guard case .table(let table) = read.blocks.first else {
      Issue.record("one table")
      return
    }
    #expect(table.rowCount == 5)
    #expect(!read.diagnostics.map(\.code).contains("pdf-row-split"))
  }
}

/// Tables without rulings, guessed from the gaps between words.
@Suite struct StreamTableTests {
  typealias G = GlyphLinesTests

  /// A line of cells at `y`: each text at its x.
  static func line(_ cells: [(String, Double)], y: Double) -> [Glyph] {
    cells.flatMap { G.glyphs($0.0, x: $0.1, y: y) }
  }

  @Test func alignedColumnsWithoutRulingsAreAGuessedTable() throws {
    let xs: [Double] = [60, 130, 250, 380]
    var glyphs = G.glyphs("项目支出绩效目标表", x: 100, y: 10)
    glyphs += Self.line(zip(["一级指标", "二级指标", "三级指标", "指标值"], xs).map { ($0, $1) }, y: 40)
    glyphs += Self.line(zip(["产出指标", "数量指标", "规划建筑面积", "≥13459平方"], xs).map { ($0, $1) }, y: 70)
    glyphs += G.glyphs("米", x: 380, y: 82)
    glyphs += Self.line(zip(["效益指标", "社会效益", "完善社区", "完善率"], xs).map { ($0, $1) }, y: 105)
    glyphs += G.glyphs("这是表格下面的一段说明文字", x: 60, y: 200)
    let page = PageContent(number: 5, width: 595, height: 842, glyphs: glyphs)
    let read = PDFTableReader().read([page])
    let tables = read.blocks.compactMap(\.table)
    let table = try #require(tables.first)
    #expect(table.rowCount == 3 && table.columnCount == 4)
    #expect(
      table.cells.map(\.text) == [
        "一级指标", "二级指标", "三级指标", "指标值", "产出指标", "数量指标", "规划建筑面积", "≥13459平方米",
        "效益指标", "社会效益", "完善社区", "完善率",
      ])
    #expect(table.cells.allSatisfy { $0.inferred == ["rowSpan", "columnSpan"] })
    #expect(read.diagnostics.map(\.code) == ["pdf-stream-table"])
    #expect(read.blocks.count == 3)  // the title, the table, the note
  }

  @Test func proseAndTwoColumnTextAreNotTables() {
    var glyphs: [Glyph] = []
    for row in 0..<6 {
      glyphs += G.glyphs("左栏正文第\(row)行的文字", x: 50, y: Double(row) * 14)
      glyphs += G.glyphs("右栏正文第\(row)行的文字", x: 320, y: Double(row) * 14)
    }
    let read = PDFTableReader().read([
      PageContent(number: 1, width: 595, height: 842, glyphs: glyphs)
    ])
    #expect(read.diagnostics.isEmpty)
    #expect(read.blocks.allSatisfy { if case .paragraph = $0 { true } else { false } })
  }

  /// A Chromium-style page: a table from `top` with row lines at `ys` across `xs`, the top
  /// and bottom lines left out when `openTop` / `openBottom`; `texts` by (row, column).
  static func drawnPage(
    _ number: Int, xs: [Double], ys: [Double], openTop: Bool, openBottom: Bool,
    texts: [(Int, Int, String)]
  ) -> PageContent {
    var lines = ys
    if openTop { lines.removeFirst() }
    if openBottom { lines.removeLast() }
    var rulings = LatticeFinderTests.rows(lines, from: xs[0], to: xs[xs.count - 1])
    rulings += LatticeFinderTests.columns(xs, from: ys[0], to: ys[ys.count - 1])
    var glyphs: [Glyph] = []
    for (r, c, text) in texts { glyphs += G.glyphs(text, x: xs[c] + 5, y: ys[r] + 5) }
    return PageContent(number: number, width: 595, height: 842, glyphs: glyphs, rulings: rulings)
  }

  @Test func rowDrawnOpenAcrossTheBreakIsOneRowOnTheUnionOfColumns() throws {
    // Page 1: two columns, its last row drawn without a bottom line; page 2: the row's rest
    // drawn without a top line, then a row with a column line (x 300) that page 1 lacks.
    let ys1 = (0...9).map { 620 + Double($0) * 20 }
    let first = Self.drawnPage(
      1, xs: [50, 150, 450], ys: ys1, openTop: false, openBottom: true,
      texts: (0..<9).map { ($0, 1, "指标\($0)") } + [(8, 0, "目标")])
    var second = Self.drawnPage(
      2, xs: [50, 150, 450], ys: [40, 60, 80], openTop: true, openBottom: false,
      texts: [(0, 1, "续"), (1, 0, "一级"), (1, 1, "三级")])
    second.rulings.append(Ruling(.vertical, at: 300, from: 60, to: 80))
    second.glyphs += G.glyphs("指标值", x: 305, y: 65)
    let read = PDFTableReader().read([first, second])
    guard case .table(let table) = read.blocks.first else {
      Issue.record("one table")
      return
    }
    #expect(read.blocks.count == 1)
    #expect(table.rowCount == 10 && table.columnCount == 3)
    let cut = try #require(table.cells.first { $0.row == 8 && $0.column == 1 })
    #expect(cut.text == "指标8续" && cut.columnSpan == 2)
    #expect(table.cells.filter { $0.row == 9 }.map(\.text) == ["一级", "三级", "指标值"])
    #expect(read.diagnostics.map(\.code) == ["pdf-row-split", "pdf-table-continued"])
  }

  @Test func emptyRowStartDrawnAtThePageFootIsDropped() throws {
    // Page 1 ends in a row drawn open below with nothing in it but a merged label running
    // into it; page 2 starts closed, its first row's label cell empty: the label's rest.
    var first = Self.drawnPage(
      1, xs: [50, 150, 450], ys: (0...9).map { 620 + Double($0) * 20 }, openTop: false,
      openBottom: true, texts: (0..<8).map { ($0, 1, "指标\($0)") } + [(7, 0, "效益指标")])
    // The label (rows 7–8) has no line between them.
    first.rulings.removeAll { $0.axis == .horizontal && $0.position == 780 }
    first.rulings.append(Ruling(.horizontal, at: 780, from: 150, to: 450))
    let second = Self.drawnPage(
      2, xs: [50, 150, 450], ys: [40, 60, 80], openTop: false, openBottom: false,
      texts: [(0, 1, "指标8"), (1, 0, "满意度"), (1, 1, "指标9")])
    let read = PDFTableReader().read([first, second])
    guard case .table(let table) = read.blocks.first else {
      Issue.record("one table")
      return
    }
    #expect(read.blocks.count == 1)
    #expect(table.rowCount == 10)
    let label = try #require(table.cells.first { $0.text == "效益指标" })
    #expect(label.row == 7 && label.rowSpan == 2)
    #expect(table.cells.first { $0.text == "指标8" }?.row == 8)
  }

  @Test func tableInsideACellIsATableOfItsOwn() throws {
    // A framed 1 × 2 table (x 50–450, y 100–200); inside its right cell, clear of its lines,
    // a 2 × 1 table (x 200–400, y 130–170), with 前 above it and 后 below it in the cell.
    var rulings = LatticeFinderTests.rows([100, 200], from: 50, to: 450)
    rulings += LatticeFinderTests.columns([50, 150, 450], from: 100, to: 200)
    rulings += LatticeFinderTests.rows([130, 150, 170], from: 200, to: 400)
    rulings += LatticeFinderTests.columns([200, 400], from: 130, to: 170)
    let glyphs =
      G.glyphs("外", x: 55, y: 105) + G.glyphs("前", x: 155, y: 110)
      + G.glyphs("内一", x: 205, y: 135) + G.glyphs("内二", x: 205, y: 155)
      + G.glyphs("后", x: 155, y: 180)
    let page = PageContent(number: 1, width: 595, height: 842, glyphs: glyphs, rulings: rulings)
    let tables = PDFTableReader().read([page]).blocks.compactMap { block -> Table? in
      if case .table(let table) = block { return table }
      return nil
    }
    #expect(tables.map(\.id) == ["t1", "t2"])
    #expect(tables.first?.cells.map(\.text) == ["外", "前后"])
    #expect(tables.last?.cells.map(\.text) == ["内一", "内二"])
  }
}
