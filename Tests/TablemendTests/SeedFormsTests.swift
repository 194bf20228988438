import Foundation
import Testing

@testable import Tablemend

/// The package root, found from this file's path.
let packageRoot = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
  .deletingLastPathComponent().deletingLastPathComponent()

func seed(_ name: String) throws -> Data {
  try Data(contentsOf: packageRoot.appendingPathComponent("corpus/seeds/\(name)"))
}

let seed000 = "000_8ec80c4d32cadcc0.txt"
let seed002 = "002_2504e2a5ee8feded.txt"

@Suite struct ProjectSeedTests {
  let document: Document

  init() throws {
    document = try Converter().convert(data: try seed(seed002), path: seed002)
  }

  @Test func fiveProjectFormsWithTheirNames() {
    #expect(document.source.dialect == "cell-per-line")
    #expect(document.forms.map(\.kind) == Array(repeating: .projectTargets, count: 5))
    #expect(
      document.forms.map { $0.fields["项目名称"] ?? "" } == [
        "机构编制管理及编制周转池改革工作", "机构编制实名制网上业务办理及控编减编督查工作",
        "加快构建权责清单制度体系", "深化事业单位改革", "中文域名注册管理工作",
      ])
    #expect(document.forms.allSatisfy { $0.year == 2021 && $0.title == "项目支出绩效目标表" })
  }

  @Test func fundsOfTheFirstForm() throws {
    let funds = try #require(document.forms.first).funds
    #expect(funds.contains { $0.label == "中期资金总额" && $0.amount == 90 && $0.period == "mid-term" })
    #expect(funds.contains { $0.label == "年度资金总额" && $0.amount == 30 && $0.period == "annual" })
    #expect(funds.contains { $0.label == "财政拨款" && $0.amount == 30 && $0.period == "annual" })
    #expect(funds.allSatisfy { $0.unit == "万元" })
  }

  @Test func indicatorCountsPerPeriod() {
    let annual = document.forms.map { $0.indicators.filter { $0.period == "annual" }.count }
    let midTerm = document.forms.map { $0.indicators.filter { $0.period == "mid-term" }.count }
    #expect(annual == [15, 7, 8, 10, 6])
    #expect(midTerm.first == 15)
    let all = document.forms.flatMap(\.indicators)
    #expect(all.allSatisfy { !$0.level1.isEmpty && !$0.level2.isEmpty && !$0.level3.isEmpty })
    #expect(!all.contains { $0.level3.hasPrefix("指标") })
  }

  @Test func displacedTimelinessLabelIsRepairedFromTheOtherPeriod() throws {
    let form = document.forms[2]
    let annual = form.indicators.filter { $0.period == "annual" && $0.level3 == "对权责清单进行即时更新" }
    #expect(annual.map(\.level2) == ["时效指标"])
    #expect(document.diagnostics.contains { $0.code == "level2-repaired" })
  }

  @Test func placeholdersAreReportedNotCounted() {
    #expect(document.diagnostics.filter { $0.code == "placeholder-row" }.count >= 10)
  }

  @Test func verticalLabelsAndGoals() throws {
    let form = try #require(document.forms.first)
    #expect(form.goals.map(\.period) == ["mid-term", "annual"])
    #expect(form.goals.first?.items.count == 2)
    #expect(form.goals.first?.items.first?.hasPrefix("坚持优化协同高效的原则") == true)
    #expect(document.tables.first?.cells.contains { $0.text == "总体目标" } == true)
    #expect(form.fields["项目属性"] == "延续项目")
  }

  @Test func typedValues() throws {
    let all = document.forms.flatMap(\.indicators)
    let training = try #require(all.first { $0.level3 == "实名制系统培训" && $0.period == "mid-term" })
    #expect(training.value.kind == .comparison)
    #expect(training.value.op == .greaterOrEqual)
    #expect(training.value.value == 3)
    #expect(training.value.unit == "次")
    let rate = try #require(all.first { $0.level3 == "中文域名注册率" })
    #expect(rate.value.op == .equal)
    #expect(rate.value.value == 100)
    #expect(rate.value.unit == "%")
  }
}

@Suite struct DepartmentSeedTests {
  let document: Document

  init() throws {
    document = try Converter().convert(data: try seed(seed000), path: seed000)
  }

  @Test func oneDepartmentForm() throws {
    #expect(document.source.dialect == "tab-per-row")
    #expect(document.forms.count == 1)
    let form = try #require(document.forms.first)
    #expect(form.kind == .departmentTargets)
    #expect(form.fields["部门(单位)名称"] == "中共鄂州市委机构编制委员会办公室")
    #expect(form.fields["填报日期"] == "2022年11月25日")
    #expect(
      form.funds.contains { $0.label == "财政拨款" && $0.amount == 347.93 && $0.period == "annual" })
  }

  @Test func projectSpendingRecords() throws {
    let records = try #require(document.forms.first).records.filter { $0.section == "项目支出情况" }
    #expect(records.count == 5)
    #expect(records.first?.fields["项目名称"] == "人员经费")
    #expect(records.first?.fields["项目总预算"] == "257.95")
    #expect(records.last?.fields["项目总预算"] == "15")
  }

  @Test func indicatorsPerPeriodWithRepairedLevels() throws {
    let form = try #require(document.forms.first)
    #expect(form.indicators.filter { $0.period == "long-term" }.count == 7)
    #expect(form.indicators.filter { $0.period == "annual" }.count == 7)
    let units = try #require(form.indicators.first { $0.level3 == "审核单位个数" })
    #expect(units.period == "annual")
    #expect(units.level1 == "产出指标")
    #expect(units.level2 == "数量指标")
    #expect(units.value.op == .greaterOrEqual)
    #expect(units.value.value == 100)
    #expect(units.value.unit == "个")
    let satisfaction = form.indicators.filter { $0.level3 == "服务对象满意率" }
    #expect(satisfaction.allSatisfy { $0.level1 == "满意度指标" })
    let longTerm = try #require(satisfaction.first { $0.period == "long-term" })
    #expect(longTerm.value.op == .greaterOrEqual)
    #expect(longTerm.value.value == 98)
    #expect(longTerm.value.unit == "%")
    let economic = try #require(form.indicators.first { $0.level2 == "经济效益指标" })
    #expect(economic.level1 == "效益指标")
  }

  @Test func repairsAreReportedAndMarkupIsGone() throws {
    let codes = Set(document.diagnostics.map(\.code))
    for code in [
      "page-break-rejoined", "stray-fragment-attached", "header-shifted", "level1-repaired",
      "markup-removed",
    ] {
      #expect(codes.contains(code), "missing diagnostic \(code)")
    }
    let json = String(decoding: try JSONOutput.encode(document), as: UTF8.self)
    #expect(!json.contains("<p>"))
    #expect(!json.contains("</p>"))
    let duties = try #require(document.forms.first?.fields["部门职能概述"])
    #expect(duties.contains("考评的具体工作。协同有关部门"))
  }
}

@Suite struct EncodingVariantTests {
  func forms(_ data: Data) throws -> [Form] {
    try Converter().convert(data: data, path: "variant").forms
  }

  @Test(arguments: [seed000, seed002])
  func reencodedSeedsGiveTheSameForms(name: String) throws {
    let original = try seed(name)
    let text = String(decoding: original, as: UTF8.self)
    let expected = try forms(original)
    #expect(!expected.isEmpty)
    let gb = try #require(text.data(using: String.Encoding(rawValue: 0x8000_0632)))
    var utf16 = Data([0xFF, 0xFE])
    utf16.append(try #require(text.data(using: .utf16LittleEndian)))
    let bom = Data([0xEF, 0xBB, 0xBF]) + original
    let crlf = Data(text.replacingOccurrences(of: "\n", with: "\r\n").utf8)
    for variant in [gb, utf16, bom, crlf] {
      #expect(try forms(variant) == expected)
    }
  }

  @Test func undecodableBytesNameTheOffset() throws {
    var bytes = Data("项目名称\t测试\n".utf8)
    bytes.append(contentsOf: [0x81])  // a GB18030 lead byte with nothing after it
    #expect {
      _ = try Converter().convert(data: bytes, path: "broken.txt")
    } throws: { error in
      let text = String(describing: error)
      return text.hasPrefix("broken.txt:byte ") && text.contains("GB18030")
    }
  }
}
