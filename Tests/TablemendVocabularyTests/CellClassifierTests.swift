import TablemendValues
import Testing

@testable import TablemendVocabulary

/// The one classifier, table-driven: text as exports print it → the kind every stage reads.
@Suite("CellClassifier")
struct CellClassifierTests {
  static let cases: [(String, CellKind)] = [
    // 一级, spaced out, with a score, traditional, with pinyin notes, older templates.
    ("产出指标", .level1), ("产 出 指 标", .level1), ("产出指标(50分)", .level1),
    ("效益指标（30）", .level1), ("產出指標", .level1), ("產(chǎn)出指標(biāo)", .level1),
    ("產出目標", .level1), ("项目完成指标", .level1), ("实施效果指标", .level1),
    // 二级, with or without 指标, wrapped, traditional.
    ("数量指标", .level2), ("社会效益", .level2), ("经济效益指标", .level2), ("產出數量", .level2),
    ("數量目標", .level2), ("可持续影响指标", .level2), ("服务对象满意度指标", .level2),
    // Both.
    ("满意度指标", .eitherLevel), ("成本指标", .eitherLevel),
    // Header words name their column.
    ("一级指标", .header(.level1)), ("二级指标", .header(.level2)), ("三级指标", .header(.level3)),
    ("指标名称", .header(.level3)), ("年度指标值", .header(.target)), ("年初目标值(A)", .header(.target)),
    ("实际完成值", .header(.result)), ("全年实际值", .header(.result)), ("分值", .header(.weight)),
    ("权重", .header(.weight)), ("得分", .header(.score)), ("偏差原因分析及改进措施", .header(.reason)),
    ("指标性质", .header(.op)), ("度量单位", .header(.unit)), ("指标值确定依据", .header(.note)),
    ("近两年指标值", .header(.note)),
    ("年度数值", .header(.target)),
    // Templates that print 值 for 指标.
    ("产出值", .level1), ("经济效益值", .level2), ("可持续影响值", .level2),
    ("实际完成值(B)", .header(.result)), ("实际完成情况", .header(.result)),
    // A name that starts like a header, or mentions a result, is a name.
    ("一级种薯繁育基地", .text), ("签约居民就医实际支出金额节约率", .text), ("预算执行偏差率", .text),
    ("发展方向正确率", .text),
    // Values, signs, units, numbers.
    ("≥95%", .value), ("不少于3次", .value), ("大于等于 100 个", .value), ("1.2万亩", .value),
    ("≤104萬元", .value), ("12月底前", .value), ("至少全年完成2次宣传", .value),
    ("≥", .op), ("=", .op), ("定性", .op), ("正向指标", .op),
    ("%", .unit), ("万元", .unit), ("万起", .unit), ("千人次", .unit), ("人次", .unit), ("百分比", .unit),
    ("10", .number), ("22.5", .number), ("3,309,840.00", .number),
    // Verdicts and standards.
    ("进一步完善", .verdict), ("逐步提高", .verdict), ("长期", .verdict), ("是", .verdict),
    ("计划标准", .standard), ("行业标准", .standard),
    // Block ends and fillers.
    ("合计", .closing), ("总分", .closing), ("评价结论", .closing), ("项目负责人:", .closing),
    ("项目支出绩效目标表", .closing), ("返回顶部", .closing),
    ("……", .filler), ("/", .filler), ("—", .filler), ("", .filler),
    // Names.
    ("宣传次数", .shortText), ("机构编制实名制宣传", .text), ("森林火災(zāi)受害面積", .text),
  ]

  @Test("every case", arguments: cases)
  func classify(_ c: (String, CellKind)) {
    #expect(CellClassifier.classify(c.0) == c.1, "\(c.0)")
  }

  @Test func labelsFoldToOneKey() {
    #expect(LabelFolding.key("產(chǎn)出指標(biāo)") == "产出指标")
    #expect(LabelFolding.key("产 出\n指 标") == "产出指标")
    #expect(LabelFolding.display("产出指标(50分)") == "产出指标")
    #expect(LabelFolding.display("效益指 标（30）") == "效益指标")
    #expect(LabelFolding.display("滿意度指標") == "滿意度指標")
  }

  @Test func level2KnowsItsUsualParent() {
    #expect(LevelLabels.usualParent(ofLevel2: "数量指标") == "产出指标")
    #expect(LevelLabels.usualParent(ofLevel2: "社会效益") == "效益指标")
    #expect(LevelLabels.usualParent(ofLevel2: "服务对象满意度指标") == "满意度指标")
    #expect(LevelLabels.usualParent(ofLevel2: "培训人次") == nil)
  }

  @Test func headerWordsRunTogetherAreNoHeader() {
    #expect(ColumnRole.of(header: "完成值") == .result)
    #expect(ColumnRole.of(header: "完成值产出指标") == nil)
    #expect(ColumnRole.of(header: "偏差原因分析及改进措施") == .reason)
    #expect(ColumnRole.of(header: "偏差原因分析及改进措施指标值") == nil)
    #expect(ColumnRole.of(header: "近两年指标值") == .note)
    #expect(ColumnRole.of(header: "年度指标值") == .target)
  }

  @Test func textStageLabelsAreWrittenInFull() {
    #expect(LevelLabels.isFullLevel1("产 出 指 标(50分)"))
    #expect(!LevelLabels.isFullLevel1("满意度"))
    #expect(LevelLabels.isLevel1("满意度"))
    #expect(LevelLabels.isLabelHead("可持续影"))
    #expect(!LevelLabels.isLabelHead("可持续影响指标"))
    // Spaces and pinyin notes fold away; the ideographs count (at most ten for a head, five
    // for a tail), known without folding a long cell.
    #expect(LevelLabels.isLabelHead("社 会 效 益"))
    #expect(LevelLabels.isLabelTail("指 标"))
    #expect(!LevelLabels.isLabelHead("保障机关事业单位编制实名制管理工作透明度"))
    #expect(LevelLabels.hasIdeographs(moreThan: 5, "產出指標數量"))
    #expect(!LevelLabels.hasIdeographs(moreThan: 5, "产(chǎn) 出 指 标 (50分)"))
    #expect(LevelLabels.contradicts(level1: "效益指标", level2: "数量指标"))
    #expect(!LevelLabels.contradicts(level1: "产出指标", level2: "成本指标"))
  }

  @Test func timeLimitsReadTraditionalCharacters() {
    let month = TimeLimits.reading(ValueParser.parse("1個月"), under: "時效指標")
    #expect(month.kind == .deadline)
    let onTime = TimeLimits.reading(ValueParser.parse("按時完成"), under: "時效指標")
    #expect(onTime.kind == .deadline)
  }

  @Test func timelinessTargetsInWordsAreDeadlines() {
    for text in ["及时", "及时足额", "全年", "按时保质完成"] {
      let value = TimeLimits.reading(ValueParser.parse(text), under: "时效指标")
      #expect(value.kind == .deadline, "\(text)")
      #expect(value.date?.relation == "by")
    }
    let year = TimeLimits.reading(ValueParser.parse("2021年全年"), under: "时效指标")
    #expect(year.kind == .deadline)
    #expect(year.date?.year == 2021)
    // Under another 二级 the same words stay what they are.
    #expect(TimeLimits.reading(ValueParser.parse("及时"), under: "质量指标").kind == .qualitative)
  }

  @Test func requirementNotesAndOddSignsAreFolded() {
    #expect(LabelFolding.withoutScore("数量指标 (必填硬性指标)") == "数量指标")
    #expect(LabelFolding.withoutScore("经济效益指标（选填）") == "经济效益指标")
    #expect(LabelFolding.isScoreNote("(必填)"))
    #expect(!LabelFolding.isScoreNote("(亩)"))
    #expect(CellClassifier.classify("═") == .op)
    let value = ValueParser.parse("═100%")
    #expect(value.kind == .comparison && value.op == .equal && value.value == 100)
    for punctuation in [":", "；", "。", "，"] {
      #expect(CellClassifier.classify(punctuation) == .filler)
    }
  }

  @Test func labelsWithAlternativesInBracketsAreLabels() {
    #expect(LevelLabels.isLevel2("数量指标(或建筑规模指标)"))
    #expect(LevelLabels.isLevel2("时效指标(工期指标、形象进度指标)"))
    #expect(LevelLabels.isLevel2("预算(或投资规模)控制指标"))
    #expect(LevelLabels.isLevel1("预期产出指标"))
    #expect(LabelFolding.withoutScore("预算(或投资规模)控制指标") == "预算控制指标")
    #expect(CellClassifier.isOutlineNumber("(一)") && CellClassifier.isOutlineNumber("三、"))
    #expect(!CellClassifier.isOutlineNumber("一级") && !CellClassifier.isOutlineNumber("100"))
  }

  @Test func aGroupsSatisfactionPrintedAsALabelIsASatisfaction2ji() {
    #expect(LevelLabels.isLevel2("群众满意度 指标"))
    #expect(LevelLabels.usualParent(ofLevel2: "学生满意度指标") == "满意度指标")
    // Without 指标 it is a name (三级); a target glued before 满意度指标 is no group.
    #expect(!LevelLabels.isLevel2("群众满意度"))
    #expect(!LevelLabels.isLevel2("长期满意度指标"))
    #expect(!LevelLabels.isLevel2("100%满意度指标"))
    // Everyday words are 二级 labels only with their suffix.
    #expect(LevelLabels.isLevel2("监督检查指标") && !LevelLabels.isLevel2("监督检查"))
    #expect(LevelLabels.isLevel1("项目管理"))
  }
}
