import TablemendModel
import Testing

@testable import TablemendAlign

/// Rows with known row breaks placed in the columns of an indicator header
/// (`RowPlacement.align`): a row whose leading cells a merged cell above covers starts at the
/// column its first cell's kind names.
@Suite struct RowPlacementTests {
  func cells(_ texts: [String], line: Int) -> [TextCell] {
    texts.enumerated().map {
      TextCell(text: $1, location: Location(line: line, column: $0 * 8 + 1))
    }
  }

  @Test(arguments: [
    // (row after the header, column of its first cell)
    (["产出指标", "数量指标", "培训人次", "≥500人次"], 0),
    (["质量指标", "合格率", "100%"], 1),
    (["合格率", "100%"], 2),
    (["效益指标", "社会效益指标", "群众知晓率", "≥90%"], 0),
  ])
  func aRowStartsAtTheColumnOfItsFirstCellsKind(row: [String], column: Int) throws {
    let header = cells(["一级指标", "二级指标", "三级指标", "指标值"], line: 1)
    let placed = RowPlacement.align([header, cells(row, line: 2)])
    let last = try #require(placed.last)
    let first = try #require(last.cells.first { !$0.paragraphs.isEmpty })
    // A full row is left to the next free columns (no hint), a shorter one is placed.
    #expect((first.column ?? 0) == column)
    #expect((first.column == nil) == (column == 0))
    #expect(last.cells.filter { $0.paragraphs.isEmpty }.count == column)
    #expect(last.cells.last?.text == row.last)
  }

  @Test func aHeaderIsFoundAndATotalRowEndsTheBlock() {
    #expect(RowPlacement.header(cells(["一级指标", "二级指标", "三级指标"], line: 1)) != nil)
    #expect(RowPlacement.header(cells(["项目名称", "某项目"], line: 1)) == nil)
    let placed = RowPlacement.align([
      cells(["一级指标", "二级指标", "三级指标", "指标值"], line: 1),
      cells(["合计", "100"], line: 2),
    ])
    #expect(placed.last?.cells.first?.column == nil)
  }
}
