import Foundation
import TablemendModel
import Testing

@testable import TablemendText

/// Rows of a layout table with merged labels copied down their rowSpan, by column hint.
func resolvedRows(_ rows: [RawRow]) -> [[Int: String]] {
  var carried: [Int: (text: String, left: Int)] = [:]
  var out: [[Int: String]] = []
  for row in rows {
    var resolved: [Int: String] = [:]
    for (column, carry) in carried where carry.left > 0 {
      resolved[column] = carry.text
      carried[column] = (carry.text, carry.left - 1)
    }
    for cell in row.cells {
      guard let column = cell.column else { continue }
      if resolved[column] == nil || !cell.isEmpty { resolved[column] = cell.text }
      if let span = cell.rowSpan, span > 1 { carried[column] = (cell.text, span - 1) }
    }
    out.append(resolved)
  }
  return out
}

@Suite(
  "pdftotext -layout dialect on the Wanli PDF",
  .enabled(if: RealExports.pdfAvailable, "needs ../shared/real and pdftotext (poppler-utils)"))
struct PdftotextLayoutTests {
  static let text: String = (try? RealExports.pdftotext(
    "wanli-2023-budget-performance-targets.pdf", mode: "-layout")) ?? ""

  /// The tables holding an indicator header, with their indicator rows resolved.
  static func indicatorTables() throws -> [(all: [RawRow], indicators: [[Int: String]])] {
    let tokens = try PdftotextLayoutDialect.tokenize(RealExports.lines(text), limits: .standard)
    var tables: [(all: [RawRow], indicators: [[Int: String]])] = []
    for segment in tokens.segments {
      guard case .rows(let rows) = segment else { continue }
      guard let h = rows.firstIndex(where: { row in row.cells.contains { $0.text == "三级指标" } })
      else { continue }
      let resolved = resolvedRows(Array(rows[h...]))
      tables.append((rows, Array(resolved.dropFirst())))
    }
    return tables
  }

  @Test func detectedAsLayout() {
    #expect(RealExports.detect(Self.text) == "pdftotext-layout")
    #expect(PdftotextLayoutDialect.score(RealExports.lines(Self.text)) > 0.8)
  }

  @Test func fiveFormsWithTheirIndicatorCounts() throws {
    let tables = try Self.indicatorTables()
    #expect(tables.map(\.indicators.count) == [5, 4, 4, 43, 9])
    let names = tables.map { table in
      table.all.first { $0.cells.first?.text == "项目名称" }?.cells.dropFirst().first?.text
    }
    #expect(
      names == [
        "新建万里街道社区公共服务中心", "就业援助基地补贴", "社区环境整治和建设经费", "各类工作经费",
        "公共服务设施运行经费",
      ])
    // Every indicator row has a 一级, a 二级, a 三级 and a value after the merges are applied.
    for table in tables {
      for row in table.indicators {
        #expect((1...4).allSatisfy { !(row[$0] ?? "").isEmpty }, "incomplete row \(row)")
      }
    }
  }

  @Test func mergedLabelsReachTheirRows() throws {
    let all = try Self.indicatorTables().flatMap(\.indicators)
    func row(_ level3: String) -> [Int: String]? { all.first { $0[3] == level3 } }
    #expect(row("规划建筑面积") == [0: "绩效指标", 1: "产出指标", 2: "数量指标", 3: "规划建筑面积", 4: "≥13459.00(平方米)"])
    #expect(row("补贴对象满意度")?[1] == "满意度指标")
    #expect(row("补贴对象满意度")?[2] == "服务对象满意度指标")
    #expect(row("补贴对象满意度")?[4] == "≥80.00(%)")
    #expect(row("中心全年活动人次")?[4] == "=5.00(万人次)")
    #expect(row("中心全年活动人次")?[2] == "质量指标")
    // Checked against the rendered page 34: the last two 质量指标 rows, then 社会效益指标.
    #expect(row("寒托班、暑托班完成班级数")?[2] == "质量指标")
    #expect(row("民兵训练及备勤工作")?[1] == "产出指标")
    #expect(row("扩大禁毒宣传教育覆盖面")?[2] == "社会效益指标")
    #expect(row("安全责任事故")?[2] == "社会效益指标")
    // A label broken over lines (`社会效益指` / `标`) comes back whole.
    #expect(row("安全责任事故")?[1] == "效益指标")
    #expect(row("工作人员满意度")?[2] == "服务对象满意度指标")
  }

  @Test func wrappedCellsComeBackWhole() throws {
    let all = try Self.indicatorTables().flatMap(\.indicators)
    let wrapped = all.first { ($0[3] ?? "").hasPrefix("提升居民、驻区单位质量") }
    #expect(wrapped?[3] == "提升居民、驻区单位质量及节能环保意识 提升驻区企业，依法统计意识 优化营商环境")
    #expect(wrapped?[4] == "提升")
    let long = all.first { ($0[3] ?? "").hasPrefix("全面提升社区党员党性修养") }
    #expect(long?[3] == "全面提升社区党员党性修养，提升书记综合素质，牢固树立全心全意为民服务意识")
    #expect(long?[4] == "有效")
  }

  @Test func fieldRowsKeepLabelsNextToValues() throws {
    let first = try #require(try Self.indicatorTables().first)
    let texts = first.all.map { $0.cells.map(\.text) }
    #expect(texts.contains(["项目资金总额", "4,100,000.00", "年度资金申请总额", "4,100,000.00"]))
    #expect(texts.contains(["项目名称", "新建万里街道社区公共服务中心", "项目性质", "阶段性项目", "项目类别", "特定目标类"]))
    #expect(texts.contains(["项目资金\n（元）"]))
    let goals = try #require(first.all.first { $0.cells.first?.text == "项目绩效目标" })
    #expect(goals.cells.count == 3)
    #expect(goals.cells[2].text.hasPrefix("建成后作为万里街道社区事务受理、社区管理"))
    #expect(goals.cells[2].text.hasSuffix("优质的社区服务和生活配套设施。"))
  }

  @Test func locationsPointAtTheSource() throws {
    let lines = RealExports.lines(Self.text)
    let all = try Self.indicatorTables().flatMap(\.all)
    let cell = try #require(all.flatMap(\.cells).first { $0.text == "规划建筑面积" })
    let line = Array(lines[cell.location.line - 1])
    let start = cell.location.column - 1
    #expect(String(line[start..<(start + 6)]) == "规划建筑面积")
  }
}
