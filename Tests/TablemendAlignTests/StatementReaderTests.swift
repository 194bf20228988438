import TablemendModel
import Testing

@testable import TablemendAlign

/// Indicators written as sentences in a self-evaluation report (`名称:指标值为“…”`).
@Suite struct StatementReaderTests {
  @Test func statementsUnderLevelLinesGiveIndicatorsWithTheirResults() throws {
    let text = """
      (三)绩效指标完成情况分析。
      1.产出指标
      (1)数量指标
      建设占地面积:指标值为“约12000平方米”,全年实际完成值约20000平方米;
      项目竣工验收合格率:指标值为“100%”,全年实际完成值为0,因项目尚在建设工期内;
      (2)时效指标
      完工日期:年度目标值为2021年4月15日,全年实际完成值为0;
      """
    let block = try #require(StatementReader.block(in: text))
    #expect(block.indicators.count == 3)
    let first = block.indicators[0]
    #expect(first.level1 == "产出指标" && first.level2 == "数量指标")
    #expect(first.level3 == "建设占地面积")
    #expect(first.value.raw == "约12000平方米")
    #expect(first.evaluation?["实际完成值"] == "约20000平方米")
    #expect(first.location == Location(line: 4, column: 1))
    #expect(block.indicators[2].level2 == "时效指标")
    #expect(block.indicators[2].value.kind == .deadline)
    #expect(block.grid.count == 3)
  }

  @Test func statementsRunTogetherOnOneLineAreCutAtTheirSemicolons() throws {
    let text =
      "(三)绩效指标完成情况分析。建设占地面积:指标值为“约12000平方米”,全年实际完成值约20000平方米;"
      + "设施质量合格率:指标值为“100%”,使用的物料均为合格产品;完成值为100%;"
      + "完工日期:指标值为“2021年4月15日”,全年实际完成值为0"
    let block = try #require(StatementReader.block(in: text))
    #expect(block.indicators.map(\.level3) == ["建设占地面积", "设施质量合格率", "完工日期"])
    #expect(block.indicators[1].value.raw == "100%")
    #expect(block.indicators[1].location == Location(line: 1, column: 55))
    // A name after a comma is a clause of prose, not a statement's name.
    #expect(StatementReader.read("项目总投资,其中建设面积:指标值为“100%”") == nil)
  }

  @Test func oneStatementOrProseWithColonsIsNoBlock() {
    #expect(StatementReader.block(in: "建设占地面积:指标值为“约12000平方米”。") == nil)
    #expect(StatementReader.read("项目名称:道路工程,指标值为100%") == nil)
    #expect(StatementReader.read("主管部门:财政局") == nil)
  }

  @Test func theAlignerAddsStatementsWhereNoTableCoversThem() {
    let text = """
      一、绩效目标完成情况分析
      建设占地面积:指标值为“约12000平方米”,全年实际完成值约20000平方米;
      设施质量合格率:指标值为“100%”,完成值为100%;
      """
    let names = IndicatorAligner.blocks(in: text).flatMap(\.indicators).map(\.level3)
    #expect(names == ["建设占地面积", "设施质量合格率"])
  }
}
