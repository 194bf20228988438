import Foundation
import TablemendModel
import Testing

@testable import TablemendText

/// The real web-page excerpts under `../shared/real/pages`, each read by its own dialect.
@Suite(
  "Web-page dialects on real pages",
  .enabled(if: RealExports.available, "needs ../shared/real (the real exports)"))
struct WebPageDialectTests {
  /// Detects and tokenizes a page; returns the dialect name and the tokens.
  static func read(_ file: String) throws -> (String, TokenizedText) {
    let text = try RealExports.page(file)
    let name = try #require(RealExports.detect(text))
    let dialect = try #require(DialectRegistry.dialect(named: name))
    return (name, try dialect.tokenize(RealExports.lines(text), limits: .standard))
  }

  /// The texts of the row whose cells include `text`, by column hint (or position).
  static func row(containing text: String, in tokens: TokenizedText) -> [Int: String]? {
    guard let row = RealExports.rows(tokens).first(where: { $0.cells.contains { $0.text == text } })
    else { return nil }
    var out: [Int: String] = [:]
    for (i, cell) in row.cells.enumerated() { out[cell.column ?? i] = cell.text }
    return out
  }

  static func truncated(_ tokens: TokenizedText) -> Bool {
    tokens.diagnostics.contains { $0.code == "truncated-input" }
  }

  @Test func pipeRowsAlignRowsUnderMergedLabels() throws {
    let (name, tokens) = try Self.read("www.nanyue.gov.cn__i3224710.html.txt")
    #expect(name == "pipe-rows")
    // `产 出 指 标` is squeezed; the rows below lose their 一级 cell and are shifted right.
    #expect(
      Self.row(containing: "年度申请就学补助户数", in: tokens) == [
        0: "", 1: "产出指标", 2: "数量指标", 3: "年度申请就学补助户数", 4: ">=101人/次",
      ])
    #expect(
      Self.row(containing: "逾期发放率", in: tokens) == [
        0: "", 1: "", 2: "质量指标", 3: "逾期发放率", 4: ">=100%",
      ])
    #expect(Self.truncated(tokens))
    #expect(tokens.diagnostics.first?.location?.line == 22)
  }

  @Test func pipeRowsWithRepeatedLabels() throws {
    let (name, tokens) = try Self.read("m.qbidia.com__baa621fd1ec74c86bf45aa16dfd0603d.shtml.txt")
    #expect(name == "pipe-rows")
    let row = try #require(Self.row(containing: "维持时效", in: tokens))
    #expect(row[4] == "产出指标" && row[5] == "时效指标" && row[7] == "≥" && row[8] == "1" && row[9] == "年")
    // A row that also starts a new project keeps its full width.
    let project = try #require(Self.row(containing: "辖区内群众满意度", in: tokens))
    #expect(project[1] == "基层组织活动经费" && project[4] == "满意度指标")
  }

  @Test func pipeRowsSelfEvaluation() throws {
    let (name, tokens) = try Self.read("dyxrmt.cn__article-157795-21.txt")
    #expect(name == "pipe-rows")
    let row = try #require(Self.row(containing: "成本控制数", in: tokens))
    #expect(
      row[1] == "产出指标" && row[2] == "经济成本指标" && row[4] == "≤" && row[5] == "30" && row[6] == "万元")
    #expect(Self.truncated(tokens))
  }

  @Test func pipeRowsWithoutHeaderFromTheRaggedPage() throws {
    let (name, tokens) = try Self.read("dyrmt.com__article-133731-63.html.txt")
    #expect(name == "pipe-rows")
    #expect(Self.row(containing: "安全隐患排查有效处置率", in: tokens)?[2] == "安全隐患排查有效处置率")
    #expect(Self.row(containing: "环境治理亮化美化率", in: tokens)?[0] == "效益指标")
    // The page ends with a closed row: not reported as cut.
    #expect(!Self.truncated(tokens))
  }

  @Test func pipeCellPerLine() throws {
    let (name, tokens) = try Self.read("zwfwzx.ezhou.gov.cn__t20221108_506320.txt")
    #expect(name == "pipe-cell-per-line")
    #expect(Self.row(containing: "预算执行率", in: tokens)?[1] == "产出指标")
    #expect(
      Self.row(containing: "预算资金拨款率", in: tokens) == [
        0: "", 1: "", 2: "", 3: "预算资金拨款率", 4: "100%", 5: "100%", 6: "10", 7: "10", 8: "",
      ])
    #expect(Self.row(containing: "大厅运行正常率", in: tokens)?[2] == "经济效益指标")
    #expect(Self.truncated(tokens))
  }

  @Test func pipeCellPerLineOlderLevelNames() throws {
    let (name, tokens) = try Self.read("www.tyc-yl.com__t20220710_5930157.html.txt")
    #expect(name == "pipe-cell-per-line")
    // 实施效果指标 sits above 产出指标 / 效益指标, which take the 二级 column.
    #expect(
      Self.row(containing: "建设项目个数(含续建)", in: tokens) == [
        0: "", 1: "实施效果指标", 2: "产出指标", 3: "建设项目个数(含续建)", 4: "1",
      ])
    #expect(Self.row(containing: "完工项目县畜禽粪污综合利用率", in: tokens)?[2] == "效益指标")
    #expect(Self.row(containing: "总体目标", in: tokens)?[1] == "提高畜禽粪污综合利用率和规模养殖场设施装备配套率。")
    #expect(Self.truncated(tokens))
  }

  @Test func blankLineCells() throws {
    let (name, tokens) = try Self.read("www.yyx.gov.cn__content_2016103.html.txt")
    #expect(name == "blank-line-cells")
    #expect(
      Self.row(containing: "脱贫村村内道路硬化里程", in: tokens) == [
        0: "", 1: "产出指标", 2: "数量指标", 3: "脱贫村村内道路硬化里程", 4: "≥100公里",
      ])
    // `经济效益` / `指标` on two lines is one label; 成本指标 under 产出指标 is a 二级.
    #expect(Self.row(containing: "年增粮食", in: tokens)?[2] == "经济效益指标")
    #expect(Self.row(containing: "工程设计使用年限", in: tokens)?[2] == "可持续影响指标")
    #expect(Self.row(containing: "财政资金补助", in: tokens)?[2] == "成本指标")
    #expect(Self.row(containing: "项目名称", in: tokens)?[1] == "岳阳县2022年高标准农田建设项目")
    #expect(!Self.truncated(tokens))
  }

  @Test func spaceRowsWithBrokenLabels() throws {
    let (name, tokens) = try Self.read("zhmail.cnzh.gov.cn__20220301121626208.html.txt")
    #expect(name == "space-rows")
    #expect(Self.row(containing: "项目实施时间", in: tokens)?[2] == "时效指标")
    // `项目效益` / `指标` and `社会效益` / `指标` lines lead the next row.
    let row = try #require(Self.row(containing: "促进人口与经济、社会、资源、环境协调和可持续发展", in: tokens))
    #expect(row[1] == "项目效益指标" && row[2] == "社会效益指标" && row[4] == "100%")
    #expect(Self.row(containing: "受益群众满意度", in: tokens)?[1] == "满意度指标")
  }

  @Test func spaceRowsSelfEvaluationWithLostLabels() throws {
    let (name, tokens) = try Self.read("NO-ADDRESS__tianchang_shuili_zipingbiao_2022.txt")
    #expect(name == "space-rows")
    let first = try #require(Self.row(containing: "指标1:完成中型灌区节水改造项目数量", in: tokens))
    #expect(first[1] == "(50分)" && first[2] == "数量指标" && first[4] == "1" && first[7] == "10")
    #expect(Self.row(containing: "指标1:已建工程良性运行", in: tokens)?[2] == "可持续影响指标")
    #expect(Self.row(containing: "指标1:服务对象满意度", in: tokens)?[2] == "服务对象满意度指标")
  }

  @Test func spaceRowsKeepBracketedSpaces() throws {
    let (name, tokens) = try Self.read("www.nanyue.gov.cn__i951217.html.txt")
    #expect(name == "space-rows")
    #expect(Self.row(containing: "贫困地区旅游景点开发数量( ≥**个 )", in: tokens)?[4] == ">=4个")
    let satisfaction = try #require(Self.row(containing: "旅游行业经营主体满意度(≥**%)", in: tokens))
    #expect(satisfaction[1] == "满意度指标" && satisfaction[2] == "服务对象满意度指标")
  }

  @Test func wholeTableOnOneLine() throws {
    let (name, tokens) = try Self.read("anthempetcare.com__upload_cz_download_id502364.txt")
    #expect(name == "space-rows")
    #expect(
      Self.row(containing: "基建工程委托业务项目数量", in: tokens) == [
        0: "", 1: "产出指标(50分)", 2: "数量指标", 3: "基建工程委托业务项目数量", 4: "≥50个", 5: "50", 6: "8", 7: "8",
      ])
    #expect(Self.row(containing: "经费支出合规性", in: tokens)?[4] == "严格执行相关制度规定")
    #expect(Self.truncated(tokens))
  }

  @Test func runTogether() throws {
    let (name, tokens) = try Self.read("dyrmt.com__article-132779-22.txt")
    #expect(name == "run-together")
    #expect(
      Self.row(containing: "足额保障率", in: tokens) == [
        0: "产出指标", 1: "数量指标", 2: "足额保障率", 3: "=100%", 4: "22.5",
      ])
    #expect(Self.row(containing: "科目调整次数", in: tokens)?[3] == "≤10次")
    #expect(Self.row(containing: "按时发放率", in: tokens)?[1] == "时效指标")
  }

  @Test func seedsAreNotStolen() throws {
    let seeds = RealExports.root.appendingPathComponent("../seeds").standardizedFileURL
    for file in ["000_8ec80c4d32cadcc0.txt", "002_2504e2a5ee8feded.txt"] {
      let data = try Data(contentsOf: seeds.appendingPathComponent(file))
      let lines = RealExports.lines(String(decoding: data, as: UTF8.self))
      for dialect in DialectRegistry.all
      where !["tab-per-row", "cell-per-line"].contains(dialect.name) {
        #expect(
          dialect.score(lines) < 0.2, "\(dialect.name) scores \(dialect.score(lines)) on \(file)")
      }
    }
  }
}
