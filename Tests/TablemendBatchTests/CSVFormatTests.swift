import Tablemend
import Testing

@testable import TablemendBatch

@Suite("CSVFormat and IndicatorRow")
struct CSVFormatTests {
  @Test("RFC 4180: quote fields with comma, quote, CR or LF; double inner quotes; CRLF records")
  func quoting() {
    #expect(CSVFormat.field("满意度") == "满意度")
    #expect(CSVFormat.field("") == "")
    #expect(CSVFormat.field("a,b") == "\"a,b\"")
    #expect(CSVFormat.field("说\"好\"") == "\"说\"\"好\"\"\"")
    #expect(CSVFormat.field("第一行\n第二行") == "\"第一行\n第二行\"")
    #expect(CSVFormat.field("a\rb") == "\"a\rb\"")
    #expect(CSVFormat.field(" ≥98% ") == " ≥98% ")
    #expect(CSVFormat.record(["a", "b,c", ""]) == "a,\"b,c\",\r\n")
    #expect(CSVFormat.byteOrderMark == [0xEF, 0xBB, 0xBF])
  }

  @Test("numbers are written as people write them")
  func numbers() {
    #expect(IndicatorRow.number(100) == "100")
    #expect(IndicatorRow.number(98.5) == "98.5")
    #expect(IndicatorRow.number(-3) == "-3")
    #expect(IndicatorRow.number(0.001) == "0.001")
    #expect(IndicatorRow.number(13459) == "13459")
  }

  @Test("a row carries the form's kind, title and name and the indicator's value")
  func row() {
    var value = Value.comparison(
      raw: "≥13459.00(平方米)", op: .greaterOrEqual, value: 13459, unit: "平方米")
    value.approximate = nil
    let indicator = Indicator(
      period: "annual", level1: "产出指标", level2: "数量指标", level3: "保洁面积", value: value,
      standard: "计划标准", location: Location(line: 3, column: 1))
    let form = Form(
      kind: .projectTargets, title: "财政项目支出绩效目标填报表",
      fields: ["项目名称": "市容环境", "主管部门": "万里街道"], indicators: [indicator], tables: ["t1"],
      location: Location(line: 1, column: 1))
    let document = Document(
      source: Source(path: "forms/x.txt", sha256: "00", encoding: "utf-8", dialect: "tab-per-row"),
      tables: [],
      forms: [
        form, Form(kind: .departmentTargets, tables: [], location: Location(line: 9, column: 1)),
      ],
      diagnostics: [])
    let rows = IndicatorRow.rows(of: document)
    #expect(rows.count == 1)
    #expect(
      rows[0].fields == [
        "forms/x.txt", "project-targets", "财政项目支出绩效目标填报表", "市容环境", "annual", "产出指标", "数量指标",
        "保洁面积", "≥13459.00(平方米)", "comparison", ">=", "13459", "平方米", "计划标准", "", "1", "",
        "", "", "", "",
      ])
    #expect(rows[0].fields.count == IndicatorRow.columns.count)
  }

  @Test("year, form number, range, history and evaluation columns; funds and fields rows")
  func moreColumns() {
    var range = Value(raw: "3-5个", kind: .range)
    range.min = 3
    range.max = 5
    range.unit = "个"
    let indicator = Indicator(
      period: "annual", level1: "产出指标", level2: "数量指标", level3: "培训场次", value: range,
      history: [HistoryValue(label: "上年指标值", value: Value(raw: "4个", kind: .comparison))],
      evaluation: ["得分": "10", "实际完成值": "=HYPERLINK(1)"], location: Location(line: 3, column: 1))
    let form = Form(
      kind: .projectTargets, year: 2022, fields: ["项目名称": "培训", "主管部门": "+局"],
      funds: [Fund(label: "年度资金总额", period: "annual", amount: 30, unit: "万元")],
      indicators: [indicator], tables: [], location: Location(line: 1, column: 1))
    let document = Document(
      source: Source(path: "x.txt", sha256: "00", encoding: "utf-8", dialect: "pipe-rows"),
      tables: [],
      forms: [
        Form(kind: .departmentTargets, tables: [], location: Location(line: 1, column: 1)), form,
      ],
      diagnostics: [])
    let row = IndicatorRow.rows(of: document)[0]
    let fields = Dictionary(uniqueKeysWithValues: zip(IndicatorRow.columns, row.fields))
    #expect(fields["year"] == "2022")
    #expect(fields["form"] == "2")
    #expect(fields["min"] == "3" && fields["max"] == "5")
    #expect(fields["history"] == "上年指标值=4个")
    // Labels lead the cell, so a result written as a formula cannot start it.
    #expect(fields["evaluation"] == "实际完成值==HYPERLINK(1) | 得分=10")
    #expect(
      FormRows.funds(of: document) == [
        ["x.txt", "2", "project-targets", "培训", "2022", "年度资金总额", "annual", "30", "万元", ""]
      ])
    #expect(
      FormRows.fields(of: document).map { $0.suffix(2) } == [["主管部门", "'+局"], ["项目名称", "培训"]])
  }

  @Test("the name column falls back from 项目名称 to 部门名称 to another 名称 label")
  func names() {
    let location = Location(line: 1, column: 1)
    #expect(
      IndicatorRow.name(
        of: Form(kind: .departmentTargets, fields: ["部门名称": "区财政局"], tables: [], location: location)
      ) == "区财政局")
    #expect(
      IndicatorRow.name(
        of: Form(
          kind: .departmentTargets, fields: ["预算单位名称": "福利院"], tables: [], location: location))
        == "福利院")
    #expect(
      IndicatorRow.name(
        of: Form(
          kind: .projectTargets, fields: ["项目名称": "", "主管部门": "x"], tables: [], location: location))
        == nil)
  }

  @Test func textThatASpreadsheetWouldRunIsGuarded() {
    for risky in ["=HYPERLINK(\"http://x\",\"y\")", "+1", "-3%", "@SUM(A1)", "\t=1", "\r=1", "="] {
      #expect(CSVFormat.guarded(risky) == "'" + risky, "\(risky)")
    }
    for plain in ["满意度", "≥95%", "100", "", "'already"] {
      #expect(CSVFormat.guarded(plain) == plain)
    }
    // A record keeps its quoting after the guard.
    #expect(CSVFormat.record([CSVFormat.guarded("=a,b")]) == "\"'=a,b\"\r\n")
  }
}
