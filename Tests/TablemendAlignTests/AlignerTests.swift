import Testing

@testable import TablemendAlign
@testable import TablemendVocabulary

/// Synthetic streams, one per kind of evidence: rows whose covered cells were dropped, a
/// headerless fragment, a self-evaluation row with an empty target, run-together text.
@Suite("IndicatorAligner")
struct AlignerTests {
  typealias Row = AlignedRow

  func rows(_ text: String) -> [Row] { AlignedRow.rows(text) }

  @Test func pipeRowsMissingTheirCoveredLeadingCells() {
    let text = """
      一级指标 | 二级指标 | 三级指标 | 指标值 |
      产出指标 | 数量指标 | 培训人次 | ≥500人次 |
      | 开展活动次数 | ≥28次 |
      质量指标 | 知晓率 | ≥95% |
      效益指标 | 社会效益指标 | 群众获得感 | 逐步提高 |
      """
    #expect(
      rows(text) == [
        Row(level1: "产出指标", level2: "数量指标", name: "培训人次", raw: "≥500人次"),
        Row(level1: "产出指标", level2: "数量指标", name: "开展活动次数", raw: "≥28次"),
        Row(level1: "产出指标", level2: "质量指标", name: "知晓率", raw: "≥95%"),
        Row(level1: "效益指标", level2: "社会效益指标", name: "群众获得感", raw: "逐步提高"),
      ])
  }

  @Test func headerlessFragmentStartingMidTable() {
    let text = """
      安全警示标志设置及时率 | = | 100 | % | 100 | 5 |
      成本指标 | 安全隐患排查成本预算 | = | 6 | 万元 | 6 | 5 |
      """
    let got = rows(text)
    #expect(got.count == 2)
    #expect(got.last == Row(level1: "产出指标", level2: "成本指标", name: "安全隐患排查成本预算", raw: "= 6 万元"))
  }

  @Test func selfEvaluationRowWithAnEmptyTargetKeepsItEmpty() {
    let text = """
      一级指标 二级指标 三级指标 年度指标值 实际完成值 分值 得分
      产出指标 数量指标 指标1:完成项目数量 1 1 10 10
      质量指标 指标1:工程质量合格 10 10
      """
    let got = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(got.map(\.level3) == ["完成项目数量", "工程质量合格"])
    #expect(got.first?.value.value == 1)
    #expect(got.last?.value.kind == .empty)
    #expect(got.last?.evaluation?["得分"] == "10")
  }

  @Test func runTogetherWithARepeatedResultPhrase() {
    let text =
      "一级指标二级指标三级指标年初目标值实际完成值未完成原因及改进措施产出指标产出数量灭火设备配备率100%1000件达成预期指标"
      + "监控系统维护率100%5个达成预期指标产出质量火因查明率不低于95%达成预期指标案件查处率不低于90%达成预期指标"
    let got = rows(text)
    #expect(got.map(\.name) == ["灭火设备配备率", "监控系统维护率", "火因查明率", "案件查处率"])
    #expect(got.map(\.level2) == ["产出数量", "产出数量", "产出质量", "产出质量"])
    #expect(got.map(\.raw) == ["100%", "100%", "不低于95%", "不低于90%"])
  }

  @Test func wrappedLabelsAndATwoLineHeader() {
    let text = """
      一级指标 二级指标 三级指标 年度 实际 分值 得分
      指标值 完成值
      产出指标 数量指标 修缮建筑面积 6000平方米 6000平方米 7 7
      效益指标 社会效益
      指标
      文物安全 程度较高 程度较高 15 15
      """
    let got = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(got.map(\.level2) == ["数量指标", "社会效益指标"])
    #expect(got.first?.value.value == 6000)
    #expect(got.first?.evaluation?["实际完成值"] == "6000平方米")
  }

  @Test func aTwoLineHeaderWhoseLineBreakWasLost() {
    let text =
      "一级指标 二级指标 三级指标 年度 实际 分值 得分 指标值 完成值 "
      + "产出指标 数量指标 修缮建筑面积 6000平方米 5000平方米 7 6"
    let got = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(got.first?.value.value == 6000)
    #expect(got.first?.evaluation?["实际完成值"] == "5000平方米")
    #expect(got.first?.evaluation?["得分"] == "6")
  }

  @Test func periodGroupsSideBySideAreOneGroupOfColumnsEach() {
    // Goals name the periods in order; the second group's 二级 is covered on the second row.
    let text = """
      总体目标 | 中期目标 | 年度目标 |
      一级指标 | 二级指标 | 三级指标 | 指标值 | 二级指标 | 三级指标 | 指标值 |
      产出指标 | 数量指标 | 甲 | 1个 | 数量指标 | 乙 | 2个 |
      丙 | 3个 | 丁 | 4个 |
      """
    let blocks = IndicatorAligner.blocks(in: text)
    #expect(blocks.first?.template.groupCount == 2)
    let got = blocks.flatMap(\.indicators).map {
      "\($0.period) \($0.level1)/\($0.level2)/\($0.level3)=\($0.value.raw)"
    }
    #expect(
      got == [
        "mid-term 产出指标/数量指标/甲=1个", "annual 产出指标/数量指标/乙=2个",
        "mid-term 产出指标/数量指标/丙=3个", "annual 产出指标/数量指标/丁=4个",
      ])
  }

  @Test func fitPrefersALabelInItsColumn() {
    let aligner = RowAligner(template: .headerless, linesAreRows: true)
    #expect(aligner.fit(.level1, 0) > aligner.fit(.text, 0))
    #expect(aligner.fit(.level2, 1) > aligner.fit(.level1, 1))
    #expect(aligner.fit(.text, 2) > aligner.fit(.value, 2))
    #expect(aligner.fit(.value, 4) > aligner.fit(.text, 4))
    #expect(aligner.fit(.op, 3) > 0 && aligner.fit(.text, 3) < -10)
  }
}

@Suite("RowAligner windows")
struct RowAlignerWindowTests {
  @Test func aLongBlockAlignedInWindowsGivesTheSameRows() {
    var text = "一级指标 | 二级指标 | 三级指标 | 指标值 |\n"
    for n in 0..<300 { text += "产出指标 | 数量指标 | 培训人次\(n) | ≥\(n)人次 |\n" }
    let stream = CellStreamReader.read(text)
    let cells = Array(
      stream.cells.drop { if case .header = $0.kind { return true } else { return false } })
    let aligner = RowAligner(template: .headerless, linesAreRows: true)
    let whole = aligner.align(cells)
    let windowed = aligner.align(cells, window: 100)
    #expect(whole == windowed)
    #expect(Set(whole.compactMap { $0?.row }).count == 300)
  }
}
