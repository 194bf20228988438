import Foundation
import Testing

@testable import Tablemend

/// Text exports read through the typed row aligner, as a user converts them.
@Suite struct AlignedFormsTests {
  func convert(_ text: String) throws -> Document {
    try Converter().convert(data: Data(text.utf8), path: "page.txt")
  }

  @Test func twoFormsOnOnePageKeepTheirOwnNamesAndIndicators() throws {
    let text = """
      项目支出绩效目标表
      项目名称：甲项目
      一级指标 | 二级指标 | 三级指标 | 指标值 |
      产出指标 | 数量指标 | 培训人次 | ≥500人次 |

      项目支出绩效自评表
      项目名称：乙项目
      一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
      产出指标 | 质量指标 | 合格率 | 100% | 98% | 10 | 9 |
      """
    let document = try convert(text)
    #expect(document.forms.map(\.kind) == [.projectTargets, .projectSelfEvaluation])
    #expect(document.forms.map { $0.fields["项目名称"] } == ["甲项目", "乙项目"])
    #expect(document.forms.map { $0.indicators.map(\.level3) } == [["培训人次"], ["合格率"]])
    #expect(document.forms.last?.indicators.first?.evaluation?["实际完成值"] == "98%")
  }

  @Test func theTableShowsTheAlignedGridWithItsMergedLabels() throws {
    let text = """
      项目名称 | 甲项目 |
      绩效指标 | 一级指标 | 二级指标 | 三级指标 | 指标值 |
      产出指标 | 数量指标 | 培训人次 | ≥500人次 |
      合格率 | 100% |
      效益指标 | 社会效益指标 | 群众知晓率 | 90% |
      """
    let document = try convert(text)
    #expect(document.forms.first?.fields["项目名称"] == "甲项目")
    let table = try #require(document.tables.first)
    func cell(_ text: String) -> Cell? { table.cells.first { $0.text == text } }
    // The header row names the aligner's columns; the rows follow it.
    let header = try #require(cell("一级指标"))
    #expect(cell("三级指标")?.row == header.row)
    #expect(cell("合格率")?.column == cell("培训人次")?.column)
    // 产出指标 and 数量指标, printed once, span the row that inherits them, and say so.
    let level1 = try #require(cell("产出指标"))
    #expect(level1.rowSpan == 2 && level1.inferred.contains("rowSpan"))
    #expect(cell("数量指标")?.rowSpan == 2)
    #expect(cell("效益指标")?.rowSpan == 1)
    #expect(cell("100%")?.column == cell("≥500人次")?.column)
  }

  @Test func aTableCopiedOutOfABrowserDropsItsCoveredCells() throws {
    // Tab-separated like a word processor's "save as text", but the slots a merged 一级 or
    // 二级 cell covers are not written at all.
    let text = [
      "项目名称\t甲项目",
      "一级指标\t二级指标\t三级指标\t指标值",
      "产出指标\t数量指标\t培训人次\t≥500人次",
      "合格率\t100%",
      "质量指标\t验收合格率\t≥95%",
      "效益指标\t社会效益指标\t群众知晓率\t90%",
    ].joined(separator: "\n")
    let document = try convert(text)
    #expect(document.source.dialect == "tab-per-row")
    let indicators = try #require(document.forms.first?.indicators)
    #expect(
      indicators.map { "\($0.level1)/\($0.level2)/\($0.level3)=\($0.value.raw)" } == [
        "产出指标/数量指标/培训人次=≥500人次", "产出指标/数量指标/合格率=100%",
        "产出指标/质量指标/验收合格率=≥95%", "效益指标/社会效益指标/群众知晓率=90%",
      ])
  }

  @Test func anExcerptWithNoHeaderStillGivesAForm() throws {
    let text = """
      安全警示标志设置及时率 | = | 100 | % | 100 | 5 |
      成本指标 | 安全隐患排查成本预算 | = | 6 | 万元 | 6 | 5 |
      合计 | 100 |
      """
    let document = try convert(text)
    let indicators = try #require(document.forms.first?.indicators)
    #expect(indicators.map(\.level3) == ["安全警示标志设置及时率", "安全隐患排查成本预算"])
    #expect(indicators.last?.value.value == 6)
    #expect(indicators.last?.value.unit == "万元")
    #expect(document.diagnostics.contains { $0.code == "indicators-aligned" })
  }

  @Test func labelsWithoutAFormAreReported() throws {
    let document = try convert("产出指标\n数量指标\n效益指标\n")
    #expect(document.forms.isEmpty)
    #expect(document.diagnostics.contains { $0.code == "no-form" && $0.severity == .warning })
  }
}
