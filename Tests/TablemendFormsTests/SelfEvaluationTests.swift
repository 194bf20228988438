import TablemendGrid
import TablemendModel
import TablemendText
import Testing

@testable import TablemendForms

/// Runs tab-per-row text through the text, grid and forms stages.
func forms(fromTabText text: String) throws -> Recognition {
  let lines = text.split(separator: "\n", omittingEmptySubsequences: false)
  let tokens = try TabPerRowDialect.tokenize(lines, limits: .standard)
  let built = try GridBuilder.build(tokens, limits: .standard)
  return FormRecognizer.recognize(built.blocks)
}

@Suite struct SelfEvaluationTests {
  // Columns as in a real 2023 部门预算项目支出绩效自评表 (dyxrmt.cn): 指标性质, 指标值 and
  // 度量单位 apart, then 完成值, 权重, 得分.
  let text = [
    "部门预算项目支出绩效自评表(2023年度)",
    "项目名称\t2023年全县安可替代补助资金项目\t\t\t\t\t\t\t\t",
    "主管部门\t大英县财政局\t实施单位\t大英县财政局\t\t\t\t\t\t",
    "一级指标\t二级指标\t三级指标\t指标性质\t指标值\t度量单位\t完成值\t权重\t得分\t未完成原因分析",
    "产出指标\t经济成本指标\t成本控制数\t≤\t30\t万元\t完成\t90\t90\t",
    "\t时效指标\t按时发放率\t=\t100\t%\t100\t5\t5\t",
    "效益指标\t可持续影响指标\t管理机制健全性\t定性\t优良中低差\t\t优\t10\t10\t",
  ].joined(separator: "\n")

  @Test func kindTitleAndYear() throws {
    let form = try #require(try forms(fromTabText: text).forms.first)
    #expect(form.kind == .projectSelfEvaluation)
    #expect(form.year == 2023)
    #expect(form.fields["项目名称"] == "2023年全县安可替代补助资金项目")
    #expect(form.fields["实施单位"] == "大英县财政局")
  }

  @Test func splitOperatorValueAndUnitMakeOneTypedValue() throws {
    let indicators = try #require(try forms(fromTabText: text).forms.first).indicators
    #expect(indicators.count == 3)
    let cost = indicators[0]
    #expect(cost.level1 == "产出指标")
    #expect(cost.level2 == "经济成本指标")
    #expect(cost.value.op == .lessOrEqual)
    #expect(cost.value.value == 30)
    #expect(cost.value.unit == "万元")
    #expect(cost.evaluation?["完成值"] == "完成")
    #expect(cost.evaluation?["得分"] == "90")
    let rate = indicators[1]
    #expect(rate.level1 == "产出指标")
    #expect(rate.value.op == .equal)
    #expect(rate.value.unit == "%")
    let quality = indicators[2]
    #expect(quality.value.kind != .comparison)
    #expect(quality.evaluation?["指标性质"] == "定性")
    #expect(quality.evaluation?["完成值"] == "优")
  }
}
