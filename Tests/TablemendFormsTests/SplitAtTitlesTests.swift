import TablemendModel
import Testing

@testable import TablemendForms

/// `FormRecognizer.splitAtTitles`: one table holding two forms, each with its title row and
/// indicator header, becomes two tables; a cell that spans the cut is clipped into both parts
/// (its text stays with the part where it starts).
@Suite struct SplitAtTitlesTests {
  func cell(_ r: Int, _ c: Int, _ text: String, rowSpan: Int = 1) -> Cell {
    Cell(
      row: r, column: c, rowSpan: rowSpan, columnSpan: 1, paragraphs: [text],
      location: Location(line: r + 1, column: c + 1))
  }

  func twoForms(spanningCell: Bool) -> Table {
    var cells = [
      cell(0, 0, "一级指标"), cell(0, 1, "二级指标"), cell(0, 2, "三级指标"), cell(0, 3, "指标值"),
      cell(1, 1, "数量指标"), cell(1, 2, "审核单位个数"), cell(1, 3, "≥100个"),
      cell(2, 0, "项目支出绩效目标表"),
      cell(3, 0, "一级指标"), cell(3, 1, "二级指标"), cell(3, 2, "三级指标"), cell(3, 3, "指标值"),
      cell(4, 0, "产出指标"), cell(4, 1, "质量指标"), cell(4, 2, "合格率"), cell(4, 3, "100%"),
    ]
    // 产出指标 of the first form covers its row and, as an export may merge it, the title's.
    cells.insert(cell(1, 0, "产出指标", rowSpan: spanningCell ? 2 : 1), at: 4)
    return Table(id: "t1", rowCount: 5, columnCount: 4, cells: cells)
  }

  @Test func cutsAtATitleAfterAHeader() {
    let parts = FormRecognizer.splitAtTitles(twoForms(spanningCell: false))
    #expect(parts.map(\.id) == ["t1", "t1.2"])
    #expect(parts.map(\.rowCount) == [2, 3])
    #expect(parts[0].cells.map(\.text).contains("审核单位个数"))
    #expect(parts[1].cells.first?.text == "项目支出绩效目标表")
    #expect(parts[1].cells.first?.row == 0)
    #expect(parts[1].cells.last.map { ($0.row, $0.text) } ?? (0, "") == (2, "100%"))
    #expect(parts[0].cells.count + parts[1].cells.count == 17)
  }

  @Test func aCellOverTheCutIsClippedIntoBothParts() {
    let parts = FormRecognizer.splitAtTitles(twoForms(spanningCell: true))
    #expect(parts.count == 2)
    let first = parts[0].cells.first { $0.row == 1 && $0.column == 0 }
    #expect(first?.text == "产出指标")
    #expect(first?.rowSpan == 1)
    let clipped = parts[1].cells.filter { $0.row == 0 && $0.column == 0 }
    #expect(clipped.map(\.text).sorted() == ["", "项目支出绩效目标表"])
    #expect(parts[0].cells.count + parts[1].cells.count == 18)
  }

  @Test func aTableWithOneFormStaysWhole() {
    let table = Table(
      id: "t1", rowCount: 2, columnCount: 2,
      cells: [cell(0, 0, "一级指标"), cell(0, 1, "三级指标"), cell(1, 0, "产出指标"), cell(1, 1, "合格率")])
    #expect(FormRecognizer.splitAtTitles(table).map(\.id) == ["t1"])
  }
}
