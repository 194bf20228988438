import Foundation
import TablemendDocx
import TablemendModel
import Testing

/// The DOCX versions of the two seed forms keep their real merges.
@Suite struct SeedFormTests {
  @Test func projectFormOfSeed002() throws {
    let content = try Fixtures.read("seed-002-project.docx")
    #expect(
      Fixtures.paragraphs(content) == [
        "宿州市委编办2021年项目及绩效目标情况", "1.“机构编制管理及编制周转池改革工作”项目。",
        "（1）项目概述：机构编制管理及编制周转池改革工作。", "（5）年度预算安排：30万元。", "（6）绩效目标和指标：详见下表。",
      ])
    let table = try #require(Fixtures.tables(content).first)
    #expect(table.columnCount == 10)
    #expect(table.rowCount == 26)
    func cell(_ text: String) -> Box? {
      table.cells.first { $0.text == text }.map {
        Box($0.row, $0.column, $0.rowSpan, $0.columnSpan, $0.text)
      }
    }
    #expect(cell("项目支出绩效目标表") == Box(0, 0, 1, 10, "项目支出绩效目标表"))
    #expect(cell("项目资金\n（万元）") == Box(5, 0, 3, 2, "项目资金\n（万元）"))
    #expect(cell("总\n体\n目\n标") == Box(8, 0, 2, 1, "总\n体\n目\n标"))
    // 绩效指标 runs from the header row to the last indicator: 1 + 6 + 7 + 2 rows.
    #expect(cell("绩\n效\n指\n标") == Box(10, 0, 16, 1, "绩\n效\n指\n标"))
    #expect(cell("产\n出\n指\n标") == Box(11, 1, 6, 1, "产\n出\n指\n标"))
    #expect(cell("效\n益\n指\n标") == Box(17, 1, 7, 1, "效\n益\n指\n标"))
    #expect(cell("满意度指标") == Box(24, 1, 2, 1, "满意度指标"))
    // Two periods side by side, each with its own 二级指标 merged over its rows.
    let quantity = table.cells.filter { $0.text == "数量指标" }.map { ($0.row, $0.column, $0.rowSpan) }
    #expect(quantity.count == 2)
    #expect(quantity.first.map { [$0.0, $0.1, $0.2] } == [11, 2, 2])
    #expect(quantity.last.map { [$0.0, $0.1, $0.2] } == [11, 6, 2])
    #expect(cell("生态效益\n指标").map(\.rowSpan) == 1)
    // Every slot of the grid is covered exactly once.
    let slots = table.slotIndex()
    #expect(slots.allSatisfy { $0.allSatisfy { $0 != nil } })
    #expect(table.cells.map { $0.rowSpan * $0.columnSpan }.reduce(0, +) == 26 * 10)
  }

  @Test func departmentFormOfSeed000() throws {
    let content = try Fixtures.read("seed-000-department.docx")
    #expect(
      Fixtures.paragraphs(content) == ["附 2:", "部门整体绩效目标申报表", "填报日期: 2022年11月25日", "单位: 万元"])
    let table = try #require(Fixtures.tables(content).first)
    #expect(table.columnCount == 7)
    func box(_ text: String) -> [Int]? {
      table.cells.first { $0.text == text }.map { [$0.row, $0.column, $0.rowSpan, $0.columnSpan] }
    }
    #expect(box("部门总体资金情况") == [2, 0, 8, 1])
    #expect(box("总体资金情况") == [2, 1, 2, 2])
    #expect(box("收入构成") == [4, 1, 3, 1])
    #expect(box("长期绩效指标") == [11, 0, 8, 1])
    #expect(box("年度绩效指标") == [19, 0, 10, 1])
    #expect(box("指标值确定依据")?.prefix(2) == [11, 5])
    let level1 = table.cells.filter { $0.text == "产出指标" }.map { [$0.row, $0.column, $0.rowSpan] }
    #expect(level1 == [[12, 1, 4], [22, 1, 4]])
    let slots = table.slotIndex()
    #expect(slots.allSatisfy { $0.allSatisfy { $0 != nil } })
  }
}
