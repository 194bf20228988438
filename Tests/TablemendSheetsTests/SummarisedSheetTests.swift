import Foundation
import TablemendModel
import Testing

@testable import TablemendSheets

/// A sheet too large to hold (`SheetsReader.readGrids` with a survey, more than `keptCells`
/// cells with text) is summarised as it is read and its cells read again as its tables are
/// written: the same tables, paragraphs and diagnostics as the sheet read whole, and each
/// table's survey tally the one of its cells.
@Suite struct SummarisedSheetTests {
  /// Marks a text holding 级; counts its characters.
  static let survey = SheetTextSurvey {
    { text in SheetTextSurvey.Tally(marked: text.contains("级"), count: text.count) }
  }

  /// A worksheet body: a merged title, blocks of four columns (shared strings, inline strings
  /// with entities and two lines, numbers and dates) split by blank rows, a lone cell, a
  /// hidden row and column, and the merges given (after `sheetData`, or before it).
  static func body(
    rows: Int = 60, merges: [String] = ["A1:D1"], mergesFirst: Bool = false,
    swapped: Int? = nil, extra: String = "", blankEvery: Int = 17
  ) -> String {
    var lines: [(Int, String)] = [(1, "<c r=\"A1\" t=\"inlineStr\"><is><t>某单位绩效汇总表</t></is></c>")]
    for r in 3...rows where r % blankEvery != 0 && !(30...33).contains(r) {
      var cells = "<c r=\"A\(r)\" t=\"s\"><v>\(r % 3)</v></c>"
      cells += "<c r=\"B\(r)\" t=\"inlineStr\"><is><t>项目\(r) &amp; &lt;乙&gt;</t></is></c>"
      if r % 5 != 0 { cells += "<c r=\"C\(r)\" s=\"1\"><v>\(Double(r) / 8)</v></c>" }
      cells += "<c r=\"D\(r)\" s=\"2\"><v>\(44_000 + r)</v></c>"
      if r % 7 == 0 { cells += "<c r=\"E\(r)\" t=\"inlineStr\"><is><t>二级\n指标</t></is></c>" }
      lines.append((r, cells))
    }
    lines.append((32, "<c r=\"C32\" t=\"inlineStr\"><is><t>单独一格</t></is></c>"))
    lines.sort { $0.0 < $1.0 }
    if let swapped, let at = lines.firstIndex(where: { $0.0 == swapped }), at + 1 < lines.count {
      lines.swapAt(at, at + 1)
    }
    var data = "<sheetData>"
    for (r, cells) in lines {
      data += "<row r=\"\(r)\"\(r == 20 ? " hidden=\"1\"" : "")>\(cells)</row>"
    }
    data += "</sheetData>"
    let mergeCells =
      merges.isEmpty
      ? ""
      : "<mergeCells count=\"\(merges.count)\">"
        + merges.map { "<mergeCell ref=\"\($0)\"/>" }.joined() + "</mergeCells>"
    let cols = "<cols><col min=\"6\" max=\"6\" hidden=\"1\"/></cols>"
    return cols + (mergesFirst ? mergeCells + data : data + mergeCells) + extra
  }

  static func workbook(_ bodies: [String]) throws -> Data {
    try Workbooks.xlsx(
      sheets: bodies.enumerated().map { ("表\($0.offset + 1)", $0.element) },
      strings: ["<t>甲</t>", "<t>一级指标</t>", "<t>乙\n丙</t>"],
      styles:
        "<cellXfs count=\"3\"><xf numFmtId=\"0\"/><xf numFmtId=\"10\"/><xf numFmtId=\"14\"/></cellXfs>"
    )
  }

  /// The grid path's items with cells held (as `read` makes them) and summarised (the cells
  /// spilled to a temporary file, or read again from the part).
  static func both(_ data: Data, keptCells: Int = 5, spill: Bool) throws -> (
    whole: [SheetItem], summarised: [SheetItem], same: Bool
  ) {
    let whole = try SheetsReader.readGrids(data, format: .xlsx)
    let summarised = try SheetsReader.readGrids(
      data, format: .xlsx, survey: survey, keptCells: keptCells,
      spillDirectory: spill ? NSTemporaryDirectory() : nil)
    return (whole.items, summarised.items, whole.diagnostics == summarised.diagnostics)
  }

  /// Each item as the blocks `read` gives (tables built), and the survey's tallies.
  static func blocks(_ items: [SheetItem]) -> [Block] {
    items.map { item in
      switch item {
      case .block(let block): return block
      case .grid(let grid): return .table(grid.table())
      }
    }
  }

  /// Checks that the summarised items are the whole ones, the cells spilled and read again
  /// from the part; returns how many tables were summarised.
  @discardableResult
  static func check(_ data: Data, keptCells: Int = 5) throws -> Int {
    let spilled = try check(data, keptCells: keptCells, spill: true)
    #expect(try check(data, keptCells: keptCells, spill: false) == spilled)
    return spilled
  }

  static func check(_ data: Data, keptCells: Int, spill: Bool) throws -> Int {
    let (whole, summarised, sameDiagnostics) = try both(
      data, keptCells: keptCells, spill: spill)
    #expect(sameDiagnostics)
    #expect(blocks(summarised) == blocks(whole))
    #expect(blocks(whole) == (try SheetsReader.read(data)).blocks)
    var count = 0
    for case .grid(let grid) in summarised {
      #expect(grid.readFailure == nil)
      let table = grid.table()
      // One cell at a time, in the table's order: the table's cells.
      var cells: [Cell] = []
      grid.forEachCell { cells.append($0) }
      #expect(cells == table.cells)
      guard let tally = grid.surveyed else { continue }
      count += 1
      var expected = SheetTextSurvey.Tally()
      for cell in table.cells where !cell.text.isEmpty {
        expected.marked = expected.marked || cell.text.contains("级")
        expected.count += cell.text.count
      }
      #expect(tally == expected)
      var texts: [String] = []
      grid.forEachText { texts.append($0) }
      #expect(texts == table.cells.map(\.text).filter { !$0.isEmpty })
    }
    return count
  }

  @Test func aSummarisedSheetGivesTheWholeSheetsTables() throws {
    // A merged title over the first row only (no text hidden), a lone cell, blank rows.
    let data = try Self.workbook([Self.body(), Self.body(rows: 8)])
    #expect(try Self.check(data) >= 3)
  }

  @Test func textHiddenUnderAMergeIsLeftOutEarlyOrLate() throws {
    // B4:C4 hides C4's text among the first cells; B50:C51 among the later ones; a tall merge.
    for merges in [["A1:D1", "B4:C4"], ["A1:D1", "B50:C51"], ["A40:A58", "E1:E3"]] {
      let data = try Self.workbook([Self.body(merges: merges)])
      #expect(try Self.check(data) >= 1)
    }
  }

  @Test func aSheetOfManyInflatedPiecesAsWhole() throws {
    // About 400 KB of worksheet: two 256 KiB pieces, the summary begun in the first, a merge
    // hiding text far down (the sheet read once more), tables across the pieces' end.
    let data = try Self.workbook([
      Self.body(rows: 3_000, merges: ["A1:D1", "B2800:C2801"], blankEvery: 1_000)
    ])
    #expect(try Self.check(data, keptCells: 1_000) >= 3)
  }

  @Test func mergesBeforeTheCellsAndNoMergesAtAll() throws {
    let data = try Self.workbook([
      Self.body(merges: ["A1:D1", "B50:C51"], mergesFirst: true), Self.body(merges: []),
    ])
    #expect(try Self.check(data) >= 2)
  }

  @Test func cellsOutOfOrderAreHeldAsRead() throws {
    // Rows 40 and 41 swapped: after the summary began (held whole from then), and before it.
    for keptCells in [5, 100_000] {
      let data = try Self.workbook([Self.body(swapped: 40)])
      #expect(try Self.check(data, keptCells: keptCells) == 0)
    }
  }

  @Test func aSmallSheetIsHeldAndCarriesNoTally() throws {
    let data = try Self.workbook([Self.body()])
    #expect(try Self.check(data, keptCells: 100_000) == 0)
  }

  @Test func tablesAskedOutOfOrderReadTheSheetAgain() throws {
    let data = try Self.workbook([Self.body(rows: 80)])
    let items = try SheetsReader.readGrids(data, format: .xlsx, survey: Self.survey, keptCells: 5)
      .items
    let grids = items.compactMap { item -> SheetGrid? in
      if case .grid(let grid) = item { return grid }
      return nil
    }
    #expect(grids.count >= 3)
    let tables = grids.map { $0.table() }
    // Last first, then the first, then all in order, then the first again.
    for index in [grids.count - 1, 0] + Array(grids.indices) + [0] {
      var cells: [Cell] = []
      grids[index].forEachCell { cells.append($0) }
      #expect(cells == tables[index].cells)
    }
  }

  @Test func mergesMayHideOnlyTextTheyCoverBesideTheirTopLeftSlot() {
    var summary = SheetSummary()
    let early = [(0, 0), (0, 3), (1, 1), (2, 0)]
    for (row, column) in early {
      let added = summary.add(
        SheetCell(row: row, column: column, text: "x"), tally: .init(), early: true)
      #expect(added)
    }
    for row in 5...9 {
      let added = summary.add(
        SheetCell(row: row, column: 2, text: "y"), tally: .init(), early: false)
      #expect(added)
    }
    // Out of order: refused.
    let refused = !summary.add(
      SheetCell(row: 9, column: 1, text: "z"), tally: .init(), early: false)
    #expect(refused)
    func hides(_ ranges: String...) -> Bool {
      summary.mayHideText(
        under: SheetMerges(ranges.compactMap { CellRange(a1: $0) }, sheet: "表"))
    }
    #expect(!hides("A1:C1"))  // only its top-left slot holds text
    #expect(hides("A1:D1"))  // D1
    #expect(!hides("C2:D4"))
    #expect(hides("A2:B2"))  // B2
    #expect(!hides("C6:D6"))  // the later run's C6 is the top-left
    #expect(hides("B6:C6"))  // C6, in a later run
    #expect(!hides("A4:B9"))  // beside the later run's column
    #expect(summary.runs.count == 2)
    #expect(summary.loneText(at: Slot(0, 0)) == nil)
  }

  @Test func aLoneCellIsAParagraphOfItsOwn() throws {
    let data = try Self.workbook([Self.body()])
    let items = try SheetsReader.readGrids(data, format: .xlsx, survey: Self.survey, keptCells: 5)
      .items
    let paragraphs = items.compactMap { item -> String? in
      if case .block(.paragraph(let text, _)) = item { return text }
      return nil
    }
    #expect(paragraphs == ["单独一格"])
  }
}
