import TablemendModel
import Testing

@testable import TablemendAlign
@testable import TablemendVocabulary

/// One synthetic text per rule the held-out pages led to (session 6): a bare 指标 name header,
/// prose under outline headings, an explanation run in between name and value, a 一级 printed
/// mid-block, a name that is its label's words, wrap spaces.
@Suite("IndicatorAligner, held-out rules")
struct HeldOutRuleTests {
  typealias Row = AlignedRow

  func rows(_ text: String) -> [Row] { AlignedRow.rows(text) }

  @Test func bareNameHeaderWithWeightUnitSignAndValueColumns() {
    let text = """
      绩效指标 |
      指标 |
      指标权重 |
      计量单位 |
      指标性质 |
      指标值 |
      发放人数 |
      20 |
      人 |
      ≥ |
      80 |
      促进社会和谐 |
      20 |
      |
      定性 |
      |
      """
    let got = rows(text)
    #expect(got.map(\.name) == ["发放人数", "促进社会和谐"])
    #expect(got.first?.raw == "≥ 80 人")
  }

  @Test func proseUnderOutlineHeadings() {
    let text = """
      一、产出指标
      (一)数量指标
      设施温棚种植人员(县内培训)≧300人;
      (二)时效指标
      完成时限,2025年10月底前;
      二、效益指标
      (一)经济效益指标
      带动村集体及种植户增收致富,增加;
      """
    #expect(
      rows(text) == [
        Row(level1: "产出指标", level2: "数量指标", name: "设施温棚种植人员(县内培训)", raw: "≧300人"),
        Row(level1: "产出指标", level2: "时效指标", name: "完成时限", raw: "2025年10月底前"),
        Row(level1: "效益指标", level2: "经济效益指标", name: "带动村集体及种植户增收致富", raw: "增加"),
      ])
  }

  @Test func explanationRunInBetweenNameAndValueIsANote() {
    let text =
      "一级指标二级指标三级指标指标值产出指标数量指标办公大楼日常维修维护次数反映办公大楼全年维修维护情况280次"
      + "质量指标设备更新验收合格率反映设备更新验收情况≥95%"
    #expect(
      rows(text) == [
        Row(level1: "产出指标", level2: "数量指标", name: "办公大楼日常维修维护次数", raw: "280次"),
        Row(level1: "产出指标", level2: "质量指标", name: "设备更新验收合格率", raw: "≥95%"),
      ])
  }

  @Test func level1CentredMidBlockKeepsThe2ji() {
    let text = """
      一级指标 | 二级指标 | 三级指标 | 指标值 |
      数量指标 | 主体班培训人次 | 280人次 |
      | 情景教学或外训批次 | 6次 |
      产出指标 | 开设课程数量 | 220 |
      质量指标 | 培训完成率 | 100% |
      """
    let got = rows(text)
    #expect(got.count == 4)
    #expect(
      got.count == 4 && got[2] == Row(level1: "产出指标", level2: "数量指标", name: "开设课程数量", raw: "220"))
  }

  @Test func aNameThatIsTheLabelsWords() {
    let text = """
      一级指标
      二级指标
      三级指标
      年度指标值
      满意度指标
      服务对象满意度指标
      服务对象满意度
      ≥90%
      """
    #expect(
      rows(text) == [
        Row(level1: "满意度指标", level2: "服务对象满意度指标", name: "服务对象满意度", raw: "≥90%")
      ])
  }

  @Test func wrapSpacesAreRemovedBetweenChineseCharactersOnly() {
    #expect(WrapSpaces.joined("县级储备粮管理制 度严格执行率 100%") == "县级储备粮管理制度严格执行率 100%")
    #expect(WrapSpaces.joined("产出指标  数量指标") == nil)
    #expect(WrapSpaces.joined("name 100") == nil)
  }

  @Test func outlineNumbersTellALabelsLevel() {
    let text = """
      一、产出指标
      (一)数量指标
      培训人数≥300人;
      三、满意度指标
      参训学员满意度≥95%。
      """
    let got = rows(text)
    #expect(got.last == Row(level1: "满意度指标", level2: "", name: "参训学员满意度", raw: "≥95%"))
  }

  @Test func aTargetAndAResultSayingTheSameWordsAreCutOffTheName() {
    #expect(
      RunTogetherSegmenter.segments(of: "成本指标种薯采购价格不高于市场价8是是8效益指标")
        .contains("是"))
    #expect(
      RunTogetherSegmenter.doubledVerdict("群众生产生活条件改善状况10显著提升显著提升", memo: KindMemo())
        == "显著提升")
    #expect(RunTogetherSegmenter.doubledVerdict("天天向上活动开展次数", memo: KindMemo()) == nil)
  }

  /// Prose items (`name value;`) among lines that are one cell each: the values are cut off,
  /// with a suffix word (`以上`) and a unit the value parser knows (`尾`).
  @Test func proseItemsAreCutAtTheirValuesAmongOneCellLines() {
    let memo = KindMemo()
    memo.linesAreCells = true
    #expect(
      RunTogetherSegmenter.segments(of: "渔业增殖放流规模150万尾;", memo: memo)
        == ["渔业增殖放流规模", "150万尾"])
    #expect(
      RunTogetherSegmenter.segments(of: "检验检疫≥90%,放流品种原种、良种率100%;", memo: memo)
        == ["检验检疫", "≥90%", ",放流品种原种、良种率", "100%"])
    #expect(
      RunTogetherSegmenter.segments(of: "伙食补助发放率90%以上;", memo: KindMemo())
        == ["伙食补助发放率", "90%以上"])
    // A suffix word closes the value before an explanation column's text, and is no phrase
    // repeated after values of its own.
    let line = "伙食补助资金到位率90%以上实际收到伙食补助金额/2023年伙食补助预算"
    #expect(RunTogetherSegmenter.segments(of: line).contains("90%以上"))
    let lines = ["伙食补助发放率90%以上实际发放伙食补助金额/应发放伙食补助金额", line, "伙食补助覆盖率90%以上实际领取伙食补助人数/应发放伙食补助人数"]
    #expect(
      !RunTogetherSegmenter.repeatedPhrases(in: lines.map { Array($0) }).contains {
        String($0).hasPrefix("以上")
      })
    // A prose item that is one space-separated cell of a line (line breaks became spaces).
    #expect(
      RunTogetherSegmenter.segments(of: "完成时限,2025年10月底前;", wholeLine: false)
        .contains("2025年10月底前"))
    // An outline number before a bare 二级 is a heading: the label is cut out.
    #expect(RunTogetherSegmenter.segments(of: "(2)社会效益").contains("社会效益"))
    // A line that is one cell and no prose item stays whole.
    #expect(RunTogetherSegmenter.segments(of: "放流品种良种率100%", memo: memo) == ["放流品种良种率100%"])
  }

  /// A self-evaluation whose unit column follows the result, the unit run into the result
  /// (`1 次`) as a page with its line breaks lost writes it: the target takes the unit.
  @Test func theResultsUnitIsTheTargetsWhenTheUnitColumnIsEmpty() {
    let text =
      "一级指标 二级指标 三级指标 指标性质 指标方向 年度指标值 实际完成值 计量单位 分值 得分 "
      + "产出指标 数量指标 指标1:租车次数 正向 大于等于 1 1 次 8 8 "
      + "质量指标 指标1:租车达标率 正向 等于 100 100 % 8 8"
    let values = IndicatorAligner.blocks(in: text).flatMap(\.indicators).map(\.value)
    #expect(values.map(\.unit) == ["次", "%"])
    #expect(values.map(\.op) == [.greaterOrEqual, .equal])
  }

  /// 分值 | 年度指标值 | 全年实际值 | 得分 with a row of the weight and the score alone (`10 10`):
  /// no target, not 10.
  @Test func aWeightWrittenTwiceIsTheScoreNotTheTarget() {
    let text = """
      一级指标 二级指标 三级指标 分值 年度指标值 全年实际值 得分
      产出指标 数量指标 ★补助各类粮食作物种植面积 10 10
      产出指标 数量指标 红薯种植面积 10 5.5亩 5.5亩 10
      """
    let values = IndicatorAligner.blocks(in: text).flatMap(\.indicators).map(\.value.raw)
    #expect(values == ["", "5.5亩"])
  }

  /// A bar row that ends at the name, its values on lines of their own.
  @Test func valuesOnTheirOwnBarLinesFinishTheRowAbove() {
    let text = """
      | 二级指标 | 三级指标 | 指标方向 | 指标值 | 度量单位 | 实际完成值 | 分值 | 得分 |
      | 质量指标 | 营养改善计划覆盖率 | ≧ | 100 | % | 100% | 10 | 10 |
      | 经济效益 指标 | 减轻贫困学生家庭经济负担 |
      | 有效 |
      | 有效 | 10 | 10 |
      | 社会效益 指标 | 政策知晓率 | ═ | 100 | % | 98% | 10 | 9 |
      """
    let got = rows(text)
    #expect(got.map(\.name) == ["营养改善计划覆盖率", "减轻贫困学生家庭经济负担", "政策知晓率"])
    #expect(got.dropFirst().first?.raw == "有效")
  }

  @Test func aScoreGluedBeforeAMonthIsCutOff() {
    let pieces = RunTogetherSegmenter.segments(of: "时效指标指标1资金支付811月底完成100%100%8成本指标")
    #expect(pieces.contains("8") && pieces.contains { $0.hasPrefix("11月底") })
    #expect(RunTogetherSegmenter.scoresBeforeMonths(Array("2021年11月30日")).isEmpty)
    #expect(RunTogetherSegmenter.scoresBeforeMonths(Array("完成1012月")).map(\.1) == [4])
  }

  @Test func ofTwoTextsBeforeTheValueTheFirstIsTheName() {
    let text = """
      一级指标 二级指标 三级指标 预期指标值
      产出指标 质量指标 符合条件申报对象覆盖率 享受补贴政策人数占符合条件申报对象总数的比例 >=98%
      """
    #expect(rows(text).first?.name == "符合条件申报对象覆盖率")
  }

  @Test func weightAndUnitGluedWhereTheHeaderGivesEachAColumn() {
    var text = "绩效指标指标名称指标权重计量单位指标性质指标值\n"
    text += "预算执行率10%=100\n预决算及时编制率10%=100\n农村公路养护里程10公里=125\n合计\n"
    // Enough one-cell lines after it that the text would otherwise read as a cell a line.
    text += String(repeating: "单位:万元\n", count: 24)
    let got = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(got.map(\.level3) == ["预算执行率", "预决算及时编制率", "农村公路养护里程"])
    #expect(got.last?.value.value == 125 && got.last?.value.unit == "公里")
    #expect(got.first?.value.unit == "%")
  }

  @Test func a2jiUnderAnother1jiThanTheOneCarriedDownTakesItsOwn() {
    let text = """
      一级指标 | 二级指标 | 三级指标 | 指标值 |
      产出指标 | 时效指标 | 补助发放及时性 | 及时发放 |
      社会效益 | 婴幼儿健康管理率 | 95% |
      """
    #expect(rows(text).last?.level1 == "效益指标")
  }

  // Session 7.

  @Test func anOutlineNumberBetweenTwoLabelsIsNoScore() {
    let pieces = RunTogetherSegmenter.segments(
      of: "一、产出指标(一)数量指标设施温棚种植人员≧300人;(二)质量指标参训人员结业率≥100%;")
    #expect(pieces.contains("产出指标") && pieces.contains("数量指标") && pieces.contains("(二)"))
    #expect(CellClassifier.classify("(二)") == .filler)
    // A score after a label still stays with it.
    #expect(RunTogetherSegmenter.segments(of: "产出指标(50分)数量指标培训人数≥300人").first == "产出指标(50分)")
  }

  @Test func proseItemsRunTogetherAreCutAtEachComma() {
    let text = "带动村集体及种植户增收致富,增加;学员素质素养和种植技术水平,提高;培训人员绿色种植意识,提高。"
    let found = RunTogetherSegmenter.proseItemValues(Array(text), memo: KindMemo())
    #expect(found.count == 3)
    let pieces = RunTogetherSegmenter.segments(of: text)
    // The `;` before a name stays on it, as numbering would: an item starts there.
    #expect(pieces.contains(";学员素质素养和种植技术水平") && pieces.filter { $0 == "提高" }.count == 2)
  }

  @Test func aNumberedNameOrAnEmptyNumberedSlotIsNoValue() {
    #expect(CellClassifier.afterNameNumbering("指标1工程完工率") == "工程完工率")
    #expect(CellClassifier.afterNameNumbering("指标2") == "")
    #expect(CellClassifier.afterNameNumbering("指标100%") == nil)
    #expect(CellClassifier.afterNameNumbering("指标5个") == nil)
    #expect(CellClassifier.classify("指标1工程完工率") == .text)
    #expect(CellClassifier.classify("指标2") == .shortText)
    #expect(CellClassifier.classify("≥100%") == .value)
  }

  @Test func cellColumnsAreFoundPastDroppedPunctuation() {
    #expect(
      CellStreamReader.offsets(of: ["产出指标", "(一)", "数量指标"], in: "产出指标;(一)数量指标") == [0, 5, 8])
    #expect(CellStreamReader.offsets(of: ["ab"], in: "ab") == [0])
  }

  @Test func aNumberWrittenTwiceAndAScoreAreThreeCellsInASelfEvaluation() {
    let found = RunTogetherSegmenter.doubledNumbers(Array("公猪舍(≥**平方米)22.822.81母猪舍1801803仓库111"))
    #expect(found.count == 3)
    #expect(found.first == [11, 15, 19])
    // A weight and a score after the number written twice: one reading only.
    #expect(RunTogetherSegmenter.doubledNumbers(Array("工程完工率1001001010")) == [[5, 8, 11, 13]])
    // A quantity with its unit, a number with two readings, or no number twice: left whole.
    #expect(RunTogetherSegmenter.doubledNumbers(Array("免费发放原原种550万粒")).isEmpty)
    #expect(RunTogetherSegmenter.doubledNumbers(Array("数量5555")).isEmpty)
    #expect(RunTogetherSegmenter.doubledNumbers(Array("数量1234")).isEmpty)
    // Only in a text with result and score columns.
    let memo = KindMemo()
    memo.resultsAndScores = true
    #expect(
      RunTogetherSegmenter.segments(of: "数量指标母猪舍(≥**平方米)1801803育肥猪舍", memo: memo)
        .filter { $0 == "180" }.count == 2)
    #expect(
      !RunTogetherSegmenter.segments(of: "数量指标母猪舍(≥**平方米)1801803育肥猪舍")
        .contains("180"))
  }

  @Test func aParagraphListingSignedTargetsIsABlockOfItsOwn() {
    let text = """
      一、项目基本情况
      (二)绩效目标:道路硬化≥0.565km;项目验收合格率≥100% ;受益贫困人口满意度≥96%;受益人口数≥23人改善村基础设施。
      """
    let got = rows(text)
    #expect(got.first == Row(level1: "", level2: "", name: "道路硬化", raw: "≥0.565km"))
    #expect(got.count >= 3)
    #expect(RunTogetherSegmenter.headingColon(Array("(二)绩效目标:道路硬化")) == 7)
    #expect(RunTogetherSegmenter.headingColon(Array("项目名称:道路硬化")) == nil)
  }

  @Test func aRowRunTogetherAfterAWeightHeaderIsNameWeightUnitAndTarget() {
    #expect(RunTogetherSegmenter.weightedRow(Array("森林受灾率10%1")) == ["森林受灾率", "10", "%", "1"])
    #expect(
      RunTogetherSegmenter.weightedRow(Array("开展各种文艺活动场次1020")) == ["开展各种文艺活动场次", "10", "20"])
    #expect(
      RunTogetherSegmenter.weightedRow(Array("民政优抚对象生活水平改善情况10有效改善"))
        == ["民政优抚对象生活水平改善情况", "10", "有效改善"])
    #expect(RunTogetherSegmenter.weightedRow(Array("服务对象满意度5%95")) == ["服务对象满意度", "5", "%", "95"])
    #expect(RunTogetherSegmenter.weightedRow(Array("完成项目数1005")) == nil)
    // Only where a header puts the weight just after the name.
    let memo = KindMemo()
    memo.weightAfterName = true
    #expect(RunTogetherSegmenter.segments(of: "森林受灾率10%1", memo: memo).count == 4)
    #expect(RunTogetherSegmenter.segments(of: "森林受灾率10%1").count < 4)
    let text = """
      绩效指标指标名称指标权重计量单位指标性质指标值
      预算执行率10%=100
      森林受灾率10%1
      服务对象满意度5%95
      """
    let got = rows(text)
    #expect(got.map(\.name) == ["预算执行率", "森林受灾率", "服务对象满意度"])
    #expect(got.last?.raw.contains("95") == true)
  }

  @Test func aComparisonWithATargetWordIsAnExplanationNotAHeader() {
    #expect(CellClassifier.targetPhrases(Array("资金支出率达到目标值95%10")) == [5..<10])
    #expect(CellClassifier.targetPhrases(Array("满意度达到目标值以上")) == [3..<10])
    #expect(CellClassifier.classify("达到预计值") == .standard)
    #expect(CellClassifier.classify("目标值") != .standard)
    let text = """
      评价指标评价内容指标名称指标说明目标值分值备注
      产出数量指标享受资助人数达到预计值2100 10
      资金支出率达到目标值95%10
      质量指标建档立卡学生全面覆盖100%10
      """
    let got = rows(text)
    #expect(got.map(\.name).contains("资金支出率"))
    #expect(got.first { $0.name == "资金支出率" }?.raw == "95%")
  }

  @Test func aSignedNumberBeforeALongNameEndsThere() {
    let pieces = RunTogetherSegmenter.segments(
      of: "预算执行率10%=100预决算及时编制率10%=100政府预决算公开率(除涉密信息外)10%=100")
    #expect(pieces.contains("=100") && pieces.contains("预决算及时编制率"))
    // Markup's `>` is no sign, and a unit after the number stays with it.
    #expect(!RunTogetherSegmenter.segments(of: "<p>1、贯彻执行党中央国务院的方针政策</p>").contains(">1"))
    #expect(RunTogetherSegmenter.segments(of: "培训人次≥100人次满意度≥95%").contains("≥100人次"))
  }

  @Test func aFewSpacesOfTheTextsOwnAreNoWraps() {
    #expect(WrapSpaces.joined("部门 名称 中共 鄂州") != nil)
    #expect(WrapSpaces.joined("部门 名称 中共 鄂州", minimum: 8) == nil)
    let wrapped = String(repeating: "县级储备粮管理制 度严格执行率 ", count: 8)
    #expect(WrapSpaces.joined(wrapped, minimum: 8) != nil)
  }

  @Test func aNameAndItsValueInOneCellOfASpacedRowAreTwoCells() {
    let pieces = RunTogetherSegmenter.segments(of: "按照物价部门定价标准采购100%", wholeLine: false)
    #expect(pieces == ["按照物价部门定价标准采购", "100%"])
    // A number inside the cell says it is a value of its own, not a name and a value.
    let value = "全市10家公立医院周转池编制2280名、中小学周转池编制1748名"
    #expect(RunTogetherSegmenter.segments(of: value, wholeLine: false) == [value])
    // Before a value cell, a name ending in a number is one name.
    let got = rows(
      """
      一级指标   二级指标   三级指标   指标值
      产出指标   质量指标   设施建设质量达标率100%   >=98%
      产出指标   数量指标   按照物价部门定价标准采购100%
      """)
    #expect(got.map(\.name) == ["设施建设质量达标率100%", "按照物价部门定价标准采购"])
    #expect(got.map(\.raw) == [">=98%", "100%"])
  }

  @Test func aPercentageBetweenTwoNamesEndsTheFirstRow() {
    let pieces = RunTogetherSegmenter.segments(of: "质量指标应补尽补率100%审核准确性100%补助发放准确率100%")
    #expect(pieces == ["质量指标", "应补尽补率", "100%", "审核准确性", "100%", "补助发放准确率", "100%"])
    // A count with its unit inside a name stays there (`10个村庄…`), and so does a short word
    // after a percentage (`100%以上`).
    #expect(RunTogetherSegmenter.segments(of: "建成10个村庄示范点完成率100%").contains("建成10个村庄示范点完成率"))
  }

  @Test func bracketedLevelHeadingsAndBracketedTargetsOfNumberedItems() {
    // `【一级-二级】` headings over numbered items whose target stands in brackets at the end.
    let got = rows(
      """
      【产出指标-数量指标】

      指标1:机柜数量(≥77台)

      【效益指标-社会效益指标】

      指标1:服务保障民生(有力保障)
      """)
    #expect(got.map(\.description) == ["产出指标/数量指标/机柜数量=≥77台", "效益指标/社会效益指标/服务保障民生=有力保障"])
    #expect(RunTogetherSegmenter.bracketedTarget("指标1:服务保障民生(有力保障)")?.target == "有力保障")
    // Only a numbered item's bracket at its end, of twelve characters or fewer.
    #expect(RunTogetherSegmenter.bracketedTarget("服务保障民生(有力保障)") == nil)
    // With a value after it, the bracket is a note on the name.
    let noted = rows(
      """
      一级指标 | 二级指标 | 三级指标 | 指标值 |
      产出指标 | 数量指标 | 指标1:周转猪舍(≥**平方米) | 50 |
      """)
    #expect(noted.first?.raw == "50")
    #expect(RunTogetherSegmenter.bracketedTarget("指标1:周转猪舍(≥**平方米)建设") == nil)
  }

  @Test func aNumberSetApartFromItsUnitEndsTheRowBeforeTheNextName() {
    // A document site's text layer: `name N unit` run on with the next name.
    #expect(
      RunTogetherSegmenter.segments(of: "2000 次汇总突发事件季度报告次数", wholeLine: false) == [
        "2000 次", "汇总突发事件季度报告次数",
      ])
    let got = rows("指标 指标内容 指标值产出指标 趋势会商会次数 1 次测报员培训人次 200 人次上报发生情况月报次数 12 次")
    #expect(got.map(\.name) == ["趋势会商会次数", "测报员培训人次", "上报发生情况月报次数"])
    #expect(got.map(\.raw) == ["1 次", "200 人次", "12 次"])
    // A unit written close to its number keeps the text whole (`100次以上的培训`).
    #expect(RunTogetherSegmenter.segments(of: "100次以上的培训场次", wholeLine: false).count == 1)
  }

  @Test func costIndicatorsAfterOutputsTwoJiIsATwoJiUnlessCostTwoJiFollow() {
    // An older template: 成本指标 is a 二级 under 产出指标, after 数量 / 质量 / 时效.
    let older = rows(
      """
      一级指标 | 二级指标 | 三级指标 | 绩效指标描述 | 指标值 |
      产出指标 | 数量指标 | 维修面积 | 维修面积 | ≥400平方米 |
      质量指标 | 验收合格率 | 验收合格率 | ≥98% | |
      时效指标 | 资金支付及时率 | 资金支付及时率 | 100% | |
      成本指标 | 项目成本 | 项目成本 | 20万元 | |
      效益指标 | 可持续影响指标 | 消除安全隐患 | 消除安全隐患 | 持续影响 |
      """)
    #expect(older.map(\.description).contains("产出指标/成本指标/项目成本=20万元"))
    // A newer one: 成本指标 is a 一级 with its own 二级 labels.
    let newer = rows(
      """
      一级指标 | 二级指标 | 三级指标 | 指标值 |
      产出指标 | 时效指标 | 资金支付及时率 | 100% |
      成本指标 | 经济成本指标 | 项目成本 | ≤20万元 |
      """)
    #expect(newer.last?.description == "成本指标/经济成本指标/项目成本=≤20万元")
  }
}

/// A date that `pdftotext` sets apart by spaces around its digits is one value.
@Suite struct SpacedDateTests {
  @Test(arguments: [
    ("项目完工时间    2023 年 12 月底前", ["项目完工时间", "2023 年 12 月底前"]),
    ("完成时间    2024 年 6 月 30 日前", ["完成时间", "2024 年 6 月 30 日前"]),
    // Not a date: a count after a year's figure stays its own cell.
    ("培训人次  2023 年 120 人次", ["培训人次", "2023 年", "120 人次"]),
    // A number before the next name that starts with a unit's character (项目).
    ("辅警人员 人 = 512 项目持续期 定性", ["辅警人员", "人", "= 512", "项目持续期", "定性"]),
    // A bracketed unit one space after a name is the name's.
    ("扶持发展新型农业经营主体 (个) 15 6 8.0", ["扶持发展新型农业经营主体 (个)", "15", "6", "8.0"]),
  ])
  func split(line: String, cells: [String]) {
    #expect(CellStreamReader.split(line).map(\.0) == cells)
  }
}

/// A merged label printed on the middle line of the rows it spans, as text browsers dump a
/// table (`elinks -dump`): the rows under the header before it take it.
@Suite struct CentredLabelTests {
  @Test func rowsBeforeACentredLabelTakeIt() {
    let text = """
      一级指标 二级指标 三级指标                  指标值
                        红薯种植面积              5.5亩
                        梨树种植面积              6亩
      产出指标 数量指标 葡萄种植面积              4.5亩
                        苹果种植面积              4.7亩
                        猪养殖数量                80头
      """
    let indicators = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(indicators.map(\.level3) == ["红薯种植面积", "梨树种植面积", "葡萄种植面积", "苹果种植面积", "猪养殖数量"])
    #expect(indicators.allSatisfy { $0.level1 == "产出指标" && $0.level2 == "数量指标" })
  }

  @Test func anExcerptWithoutAHeaderKeepsItsFirstRowsUnlabelled() {
    let text = """
      安全警示标志设置及时率 | = | 100 | % |
      成本指标 | 安全隐患排查成本预算 | = | 6 | 万元 |
      警示标志设置成本预算 | = | 5 | 万元 |
      清理垃圾成本预算 | = | 4 | 万元 |
      """
    let indicators = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(indicators.first?.level3 == "安全警示标志设置及时率")
    #expect(indicators.first?.level2 == "")
  }

  @Test func moreRowsAboveThanAroundTheLabelAreNotTaken() {
    let rows = ["甲", "乙", "丙", "丁"].enumerated().map { n, name in
      Indicator(
        period: "annual", level1: "", level2: n == 3 ? "数量指标" : "", level3: name,
        value: Value(raw: "1个", kind: .comparison), location: Location(line: n + 1, column: 1))
    }
    // Three rows above the label and none below it: not a centred label's rows.
    #expect(CentredLabels.backfill(rows).0.map(\.level2) == ["", "", "", "数量指标"])
    // One row above and one below: centred.
    let centred =
      Array(rows[2...])
      + [rows[0]].map { row in
        var row = row
        row.level2 = "数量指标"
        return row
      }
    #expect(CentredLabels.backfill(centred).0.map(\.level2) == ["数量指标", "数量指标", "数量指标"])
  }
}

/// Narrow cells of a PDF page's layout text wrapped onto the next line (`pdftotext -layout`).
@Suite struct WrappedLayoutCellTests {
  @Test func shortFragmentsUnderACellAreItsRest() {
    // Character columns, as pdftotext writes them.
    let text = [
      "一级指标        二级指标        三级指标            年度指标值           实际完成值        分值    得分",
      "项目完成指       数量指标        维修房屋面积统         ≥400            401          10    10",
      "标                       计",
      "            质量指标        验收合格率           ≥98%            99%          10    10",
    ].joined(separator: "\n")
    let indicators = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(indicators.map(\.level3) == ["维修房屋面积统计", "验收合格率"])
    #expect(indicators.map(\.level1) == ["项目完成指标", "项目完成指标"])
    #expect(indicators.first?.value.raw == "≥400")
  }

  @Test func aLabelsLastCharacterOnTheNextRowsLineCompletesIt() {
    let text = [
      "一级指标        二级指标        三级指标                指标值",
      "项目完成指       数量指标        查处各类交通违法行为          7万起",
      "标           质量指标        查处重点违法行为            3000起",
      "            时效指标        任务完成百分比             100%",
    ].joined(separator: "\n")
    let indicators = IndicatorAligner.blocks(in: text).flatMap(\.indicators)
    #expect(indicators.map(\.level3) == ["查处各类交通违法行为", "查处重点违法行为", "任务完成百分比"])
    #expect(indicators.allSatisfy { $0.level1 == "项目完成指标" })
  }

  @Test func wordsSetApartBySingleSpacesAreNoColumns() {
    var lines: [CellStreamReader.Line] = [
      (1, [("绩效指标", 1), ("项目完成", 6)], false, false, false, false),
      (2, [("指标", 1)], false, true, false, false),
    ]
    CellStreamReader.joinWrappedLayoutCells(&lines)
    #expect(lines[0].cells.map(\.0) == ["绩效指标", "项目完成"])
    #expect(lines[1].cells.map(\.0) == ["指标"])
  }
}
