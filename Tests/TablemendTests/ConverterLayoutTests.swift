import Foundation
import Testing

@testable import Tablemend

/// Converter exports of a form printed as two tables (a small 项目名称 / 主管部门 table above
/// the indicator table), as w3m and pdftotext write them.
@Suite struct ConverterLayoutTests {
  func convert(_ text: String) throws -> Document {
    try Converter().convert(data: Data(text.utf8), path: "export.txt")
  }

  func indicators(_ document: Document) -> [String] {
    document.forms.flatMap(\.indicators).map { "\($0.level2)/\($0.level3)=\($0.value.raw)" }
  }

  /// w3m draws each bordered table of a page with box-drawing characters, the second one's top
  /// border on the line after the first one's bottom border.
  @Test func boxTablesThatTouchAreTwoTables() throws {
    let text = """
      项目支出绩效目标表

      ┌────────┬──────────┐
      │项目名称│河道保洁  │
      ├────────┼──────────┤
      │主管部门│某某局    │
      └────────┴──────────┘
      ┌────────┬────────┬──────────────┬──────────┐
      │一级指标│二级指标│三级指标      │指标值    │
      ├────────┼────────┼──────────────┼──────────┤
      │产出指标│数量指标│清扫道路条数  │≥485条    │
      │        ├────────┼──────────────┼──────────┤
      │        │质量指标│保洁合格率    │≥95%      │
      └────────┴────────┴──────────────┴──────────┘
      """
    let document = try convert(text)
    #expect(document.tables.count == 2)
    #expect(document.forms.first?.fields["项目名称"] == "河道保洁")
    #expect(indicators(document) == ["数量指标/清扫道路条数=≥485条", "质量指标/保洁合格率=≥95%"])
    #expect(document.forms.first?.indicators.first?.level1 == "产出指标")
  }

  /// `pdftotext -layout` of a one-page PDF (one form feed, at the end): the page's columns,
  /// thrown off by the field table above, give no indicator, and the aligner's reading is
  /// taken.
  @Test func aOnePageLayoutTextThatGivesNoIndicatorIsReadByTheAligner() throws {
    let text = """
      项目支出绩效目标表

      项目名称               河道保洁项目
      主管部门               某某局


      一级指标   二级指标   三级指标                    指标值
      产出指标   数量指标   清扫保洁道路条数                485 条
                    垃圾清运车辆                      12 辆
             质量指标   道路保洁合格率                   ≥95%
             时效指标   项目完工时间                  2023 年 12 月底前
      \u{0C}
      """
    let document = try convert(text)
    #expect(document.source.dialect == "pdftotext-layout")
    let names = document.forms.flatMap(\.indicators).map(\.level3)
    #expect(names == ["清扫保洁道路条数", "垃圾清运车辆", "道路保洁合格率", "项目完工时间"])
    #expect(document.forms.flatMap(\.indicators).allSatisfy { $0.level1 == "产出指标" })
  }

  /// pandoc 2's plain text of a DOCX whose tables have a header row: multiline tables that
  /// open and close with a rule across the table and have one dash run per column under the
  /// header.
  @Test func pandocMultilineTablesWithAHeaderRow() throws {
    let text = """
      项目支出绩效目标表

        ------------------------------------------------------------
        项目名称                      河道保洁项目
        ----------------------------- ------------------------------
        主管部门                      某某局

        ------------------------------------------------------------

        ------------------------------------------------------------------------
        一级指标       二级指标       三级指标                 指标值
        -------------- -------------- ------------------------ ----------------
        产出指标       数量指标       清扫保洁道路条数         485条

                                      垃圾清运车辆             12辆

                       质量指标       道路保洁合格率           ≥95%
        ------------------------------------------------------------------------
      """
    let document = try convert(text)
    #expect(document.source.dialect == "pandoc-grid")
    #expect(document.forms.count == 1)
    #expect(document.forms.first?.fields["主管部门"] == "某某局")
    #expect(
      indicators(document) == [
        "数量指标/清扫保洁道路条数=485条", "数量指标/垃圾清运车辆=12辆", "质量指标/道路保洁合格率=≥95%",
      ])
  }

  /// w3m's dump of a page whose labels carry pinyin notes (`數(shù)量指標(biāo)`): its display
  /// columns drift, and the layout reading runs every 二级 label into one; the aligner reads as
  /// many indicators, clearly better, and its reading is taken.
  @Test func aDriftingLayoutIsReadByTheAlignerWhenItReadsAsManyClearlyBetter() throws {
    let text = """
      项目支出绩效目标表

      一级指标             二级指标                 三级指标             指标值
                           數(shù)量指標(biāo)      业务工作支出安排金额 28.8万元
      產(chǎn)出指標(biāo) 質(zhì)量指標(biāo)      业务工作支出到位率   100%
                           時(shí)效指標(biāo)      工作安排时间         2023年12月底前
                           成本指標(biāo)           社会成本指标         100%
      效益指標(biāo)       社會(huì)效益指標(biāo)  保证单位正常运转     效果明显
      """
    let document = try convert(text)
    let level2s = document.forms.flatMap(\.indicators).map(\.level2)
    #expect(level2s == ["數量指標", "質量指標", "時效指標", "成本指標", "社會效益指標"])
  }

  /// lynx's dump of a self-evaluation form: lynx lays Chinese text out one column wide, so the
  /// display columns give one row; the aligner reads every row, each one whole, and is taken.
  @Test func moreIndicatorsEachReadWholeAreTakenFromALayoutText() throws {
    let text = """
         项目支出绩效自评表

         项目名称 出差保障项目
         一级指标 二级指标 三级指标        年度指标值      实际完成值      分值 得分 偏差原因分析及改进措施
         产出指标 数量指标 出差人数        8          8          10 10
                   出差人次        24人/次      24人/次      10 10
              质量指标 工作任务完成率     100%       100%       10 10
              时效指标 项目财政资金到位时间  2023年12月底前 2023年12月完成 10 10
                   财政资金到位及时支付率 100%       100%       10 9
              成本指标 出差总成本       1万元        1万元        10 10
         总分                                          60 59
      """
    let document = try convert(text)
    let rows = document.forms.flatMap(\.indicators)
    #expect(
      rows.map(\.level3) == ["出差人数", "出差人次", "工作任务完成率", "项目财政资金到位时间", "财政资金到位及时支付率", "出差总成本"])
    #expect(rows.map(\.value.raw) == ["8", "24人/次", "100%", "2023年12月底前", "100%", "1万元"])
    #expect(rows.first?.evaluation?["得分"] == "10")
  }

  @Test func onlyAFormFeedWithTextAfterItIsAPageBreak() {
    #expect(!AlignedIndicators.isFromPDF("一页\n\u{0C}"))
    #expect(!AlignedIndicators.isFromPDF("一页\n\u{0C}\n  \n"))
    #expect(AlignedIndicators.isFromPDF("第一页\n\u{0C}第二页\n\u{0C}"))
  }
}

/// Text whose commas are prose (a document site's preface over a table run together) is not
/// read as CSV when its fields give no indicator.
@Suite struct ProseCommaTests {
  @Test func proseCommasOverARunTogetherTableAreNotCSV() throws {
    let text = """
      《项目支出绩效自评表.docx》由会员分享,可在线阅读,更多相关《项目支出绩效自评表.docx》请在文库上搜索。
      1、项目支出绩效目标表项目名称河道保洁,主管部门某某局,实施单位某某所一级指标二级指标三级指标指标值
      2、产出指标数量指标清扫道路条数≥485条质量指标保洁合格率≥95%,且达标,时效指标完成时间2021年12月底前
      3、满意度指标服务对象满意度指标群众满意度≥90%,逐年提高,总分
      """
    let document = try Converter().convert(data: Data(text.utf8), path: "export.txt")
    let names = document.forms.flatMap(\.indicators).map(\.level3)
    #expect(names.contains("清扫道路条数"))
    #expect(names.contains("群众满意度"))
  }
}
