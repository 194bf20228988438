import TablemendModel
import Testing

@testable import TablemendForms

@Suite struct IndicatorHeaderTests {
  /// A grid whose 三级指标 header spans two columns (as a web-writer PDF's layout text gives
  /// it): the 三级 text sits in the leftmost of them.
  func spannedLevel3Grid() -> [Block] {
    let at = Location(line: 1, column: 1)
    func cell(_ r: Int, _ c: Int, _ text: String, span: Int = 1) -> Cell {
      Cell(
        row: r, column: c, rowSpan: 1, columnSpan: span, paragraphs: [text], location: at,
        inferred: [])
    }
    let cells = [
      cell(0, 0, "项目名称"), cell(0, 1, "机构编制管理", span: 4),
      cell(1, 0, "一级指标"), cell(1, 1, "二级指标"), cell(1, 2, "三级指标", span: 2),
      cell(1, 4, "指标值"),
      cell(2, 0, "产出指标"), cell(2, 1, "数量指标"), cell(2, 2, "审核单位个数", span: 2),
      cell(2, 4, "大于等于100个"),
      cell(3, 0, "满意度指标"), cell(3, 1, "服务对象满意度指标"), cell(3, 2, "服务对象满意率", span: 2),
      cell(3, 4, "≥98%"),
    ]
    return [
      .paragraph("项目支出绩效目标表", at),
      .table(Table(id: "t1", rowCount: 4, columnCount: 5, cells: cells)),
    ]
  }

  // The 三级 column used to be the first such column in dictionary order, which changes with
  // the process's hash seed: about one `tablemend convert` run in three read the web-writer
  // PDF's department form with a bogus indicator. Within one process the order is fixed, so
  // this test catches that only in the processes whose seed puts the right column second.
  @Test func level3HeaderOverTwoColumnsIsReadAtItsLeftColumn() throws {
    for _ in 0..<50 {
      let form = try #require(FormRecognizer.recognize(spannedLevel3Grid()).forms.first)
      #expect(form.indicators.map(\.level3) == ["审核单位个数", "服务对象满意率"])
      #expect(form.indicators.first?.value.value == 100)
    }
  }
}

@Suite struct IndicatorBlockEndTests {
  // As a 2022 自评表 ends (tianchang, dyxrmt.cn): a 二级 listed with no indicator under it (a
  // space-split export repeats its label into the 三级 column),
  // then the total and the signatures.
  let text = [
    "项目支出绩效自评表（2022年度）",
    "项目名称\t农村饮水安全工程\t\t\t",
    "一级指标\t二级指标\t三级指标\t年度指标值\t实际完成值",
    "产出指标\t数量指标\t新建供水站\t≥3座\t3座",
    "效益指标\t经济效益指标\t经济效益指标\t\t",
    "\t社会效益指标\t受益人口\t≥5000人\t5200人",
    "合计\t100\t100\t\t",
    "项目负责人:查小兵\t财务负责人:唐勇\t\t\t",
  ].joined(separator: "\n")

  @Test func closingRowsAndALevelAloneAreNotIndicators() throws {
    let form = try #require(try forms(fromTabText: text).forms.first)
    #expect(form.indicators.map(\.level3) == ["新建供水站", "受益人口"])
    #expect(form.indicators.last?.level1 == "效益指标")
    #expect(form.indicators.last?.value.value == 5000)
  }

  @Test func anIndicatorNamedAfterAClosingWordIsKept() {
    #expect(IndicatorReader.isClosingRow("合计"))
    #expect(IndicatorReader.isClosingRow("项目负责人:查小兵"))
    #expect(!IndicatorReader.isClosingRow("合计完成率"))
  }
}
