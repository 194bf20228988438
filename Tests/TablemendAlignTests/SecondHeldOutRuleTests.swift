import TablemendModel
import Testing

@testable import TablemendAlign

/// One synthetic text per rule that the second round of held-out pages (session 11) led to.
@Suite("IndicatorAligner, second held-out rules")
struct SecondHeldOutRuleTests {
  typealias Row = AlignedRow

  /// A text written one cell a line, each cell closed by ` |`, with the line breaks of a long
  /// cell kept: the lines before the closing bar are the cell's start.
  @Test func linesBeforeAClosingBarAreOneCell() {
    let text = """
      一级指标 |
      二级指标 |
      三级指标 |
      指标值 |
      产出指标 |
      数量指标 |
      开展运动种类 |
      1种 |
      效益指标 |
      社会效益指标 |
      打造金安国际网球
      公开赛等系列品牌赛事 |
      影响可持续 |
      满意度指标 |
      满意度指标 |
      群众满意度 |
      ≥95% |
      """
    #expect(
      rows(text) == [
        Row(level1: "产出指标", level2: "数量指标", name: "开展运动种类", raw: "1种"),
        Row(level1: "效益指标", level2: "社会效益指标", name: "打造金安国际网球公开赛等系列品牌赛事", raw: "影响可持续"),
        Row(level1: "满意度指标", level2: "满意度指标", name: "群众满意度", raw: "≥95%"),
      ])
  }

  /// `成本指标` right after the 一级 `产出指标` of its own row is that row's 二级, though newer
  /// templates print it as a 一级.
  @Test func costLabelAfterItsRowsLevel1IsALevel2() {
    // Blank-line cells with long-term and annual columns; the empty cells are single spaces.
    let text = """
      一级指标

      二级指标(长期)

      三级指标(长期)

      指标值(长期)

      二级指标(年度)

      三级指标(年度)

      指标值(年度)

      产出指标

      数量指标

      \u{20}

      \u{20}

      数量指标

      重点建设工程安排数量

      2

      产出指标

      成本指标

      \u{20}

      \u{20}

      成本指标

      建设项目成本

      参照政府采购成本控制

      效益指标

      社会效益指标

      \u{20}

      \u{20}

      社会效益指标

      基础教育学校办学条件

      持续改善
      """
    #expect(
      rows(text).map { "\($0.level1)/\($0.level2)/\($0.name)" } == [
        "产出指标/数量指标/重点建设工程安排数量", "产出指标/成本指标/建设项目成本", "效益指标/社会效益指标/基础教育学校办学条件",
      ])
  }

  /// A document site's text layer with its line breaks turned into spaces: a count word alone
  /// before its number is the value's (`各 1 次`), a unit made of a unit and 次 (`种次`) is one,
  /// and a value that opens a cell before a name (`85%年度、半年趋势报告及时率`, `100%当地…发布率85%`)
  /// closes the row before it.
  @Test func valuesRunIntoTheNextNameInASpacedRow() {
    let text = """
      指标 指标内容 指标值
      产出指标 年度、半年趋势报告次数 各 1 次 上报林业有害生物种次 2000 种次 测报准确率 85%年度、半年趋势报告及时率 100%当地主要林业有害生物预报发布率85%
      """
    #expect(
      rows(text).map { "\($0.name)=\($0.raw)" } == [
        "年度、半年趋势报告次数=各 1 次", "上报林业有害生物种次=2000 种次", "测报准确率=85%", "年度、半年趋势报告及时率=100%",
        "当地主要林业有害生物预报发布率=85%",
      ])
  }

  /// A self-evaluation run together (a document site's text layer): numbering before a label
  /// (`指标2:质量指标`) is a template's empty row, and a target and result written alike before
  /// the score (`符合相关文件要求符合相关文件要求5`) are two cells.
  @Test func runTogetherSelfEvaluationWithEmptyNumberingAndDoubledTargets() {
    let text =
      "一级指标二级指标三级指标指标值实际值得分产出指标数量指标保障人数2370人2370人10指标2:质量指标公用经费标准符合相关文件要求符合相关文件要求5指标2:时效指标公用经费完成时间2021年12月完成2021年12月完成5"
    #expect(
      rows(text) == [
        Row(level1: "产出指标", level2: "数量指标", name: "保障人数", raw: "2370人"),
        Row(level1: "产出指标", level2: "质量指标", name: "公用经费标准", raw: "符合相关文件要求"),
        Row(level1: "产出指标", level2: "时效指标", name: "公用经费完成时间", raw: "2021年12月完成"),
      ])
  }

  /// A date right after a name that asks for one (`完成时间12月已完成`) is the target, and what
  /// follows it the result.
  @Test func dateAfterATimeNameIsTheTarget() {
    let text = """
      一级指标二级指标三级指标年度指标值全年完成值
      时效指标完成时间12月已完成
      时效指标完成时限2023年12月底前完成已完成
      """
    #expect(
      rows(text).map { "\($0.name)=\($0.raw)" } == [
        "完成时间=12月", "完成时限=2023年12月底前完成",
      ])
  }

  /// A name alone on a pipe row, longer than the name above it, is a row of its own whose
  /// target a merged cell above covers, not the rest of that name.
  @Test func longerLoneNameIsARowOfItsOwn() {
    let text = """
      一级指标 | 二级指标 | 三级指标 | 年度指标值 | 实际完成值 | 分值 | 得分 |
      效益指标 | 社会效益 | 使读者更方便快捷查找检阅 | 独有数据资源查询 | 独有数据资源查询 | 10 | 10 |
      促进黄石文化经济发展,丰富市民文化活动 |||||||
      环境效益 | 数字图书馆环境优良无污染 | 良好 | 良好 | 10 | 10 |
      """
    #expect(
      rows(text).map(\.name) == [
        "使读者更方便快捷查找检阅", "促进黄石文化经济发展,丰富市民文化活动", "数字图书馆环境优良无污染",
      ])
  }

  /// A 项目公示 outline: the 二级 and its items on one numbered line. The numbers are no cells,
  /// `4、成本指标` is a 二级 because `1、` numbers the text's 二级 labels, a value before `。` ends
  /// its item, and `达标` after a quantity is the value's.
  @Test func numberedOutlineOfLabelsAndItems() {
    let text = """
      (一)产出指标
      1、数量指标:资助建档立卡贫困子女1966人。
      2、质量指标:资助标准100%达标。
      3、时效指标:资助经费发放率100%达标,资助经费到位率100%达标。
      4、成本指标:享受国家助学金平均每生每年3300元。
      """
    #expect(
      rows(text).map { "\($0.level1)/\($0.level2)/\($0.name)=\($0.raw)" } == [
        "产出指标/数量指标/资助建档立卡贫困子女=1966人", "产出指标/质量指标/资助标准=100%达标",
        "产出指标/时效指标/资助经费发放率=100%达标", "产出指标/时效指标/资助经费到位率=100%达标",
        "产出指标/成本指标/享受国家助学金平均每生每年=3300元",
      ])
  }

  /// Run-together rows whose value has a unit per two things (`1130元/月/人`) or only 万 after a
  /// sign (`≦380万`): the whole unit is the value's, so the name and value are cut apart.
  @Test func compoundUnitsAndATenThousandAfterASign() {
    let text = """
      一级指标二级指标三级指标指标内容指标值绩效标准
      成本指标补贴标准解困工资发放标准1130元/月/人计划标准
      成本指标预算成本项目预算成本≦380万计划标准
      """
    #expect(rows(text).map(\.raw) == ["1130元/月/人", "≦380万"])
  }

  /// Right after a value, `反映` opens the explanation column however it ends (Hunan's 2023
  /// template run together: `补助学生数量168反映补助学生人数发放到位得10分,…`).
  @Test func explanationAfterABareValue() {
    let text = """
      一级指标二级指标三级指标指标值指标值内容评(扣分标准)度量单位指标值类型备注
      产出指标数量指标补助学生数量168反映补助学生人数发放到位得10分,每减少1%,扣1分-定量
      """
    #expect(rows(text).map { "\($0.name)=\($0.raw)" } == ["补助学生数量=168"])
  }

  /// Space-separated rows: a bare 二级 core after a wider 二级 on its line is the row's name
  /// (`社会公众或服务对象满意度 服务对象满意度 满意`), and a year goes on with the deadline word set
  /// apart from it (`2023年 年底前`).
  @Test func narrowerLabelIsANameAndAYearGoesOnWithItsDeadline() {
    let text = """
      一级指标 二级指标 三级指标 指标值及单位 绩效标准 备注
      产出指标 时效指标 开展工伤预防培训 2023年 年底前 计划标准 定量指标
      社会公众或服务对象满意度 服务对象满意度 满意 历史标准 定性指标
      """
    #expect(
      rows(text).map { "\($0.level2)/\($0.name)=\($0.raw)" } == [
        "时效指标/开展工伤预防培训=2023年 年底前", "社会公众或服务对象满意度/服务对象满意度=满意",
      ])
  }

  /// A number set apart from its unit by a space (a document site's text layer), glued to the
  /// name before it and run into the next name after it: the value ends at its unit.
  @Test func spacedQuantityBetweenTwoNames() {
    let text = """
      指标 指标内容 指标值
      产出指标 测报员培训人次 200 人次 上报林业有害生物种次2000 种次汇总发生情况月报表次数 12 次
      """
    #expect(
      rows(text).map { "\($0.name)=\($0.raw)" } == [
        "测报员培训人次=200 人次", "上报林业有害生物种次=2000 种次", "汇总发生情况月报表次数=12 次",
      ])
  }

  func rows(_ text: String) -> [Row] { AlignedRow.rows(text) }
}
