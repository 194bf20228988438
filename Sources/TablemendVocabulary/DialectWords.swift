/// The words the text dialects look for while they read a page's syntax: which words are
/// one cell, which start a row or a field, which units and signs a space may separate from
/// their number. Kept here, beside the labels and header words, so that the text stage holds
/// no vocabulary of its own.
public enum DialectWords {
  /// The standards a target is set against, as forms write them under 依据 / 绩效标准.
  public static let standards: Set<String> = ["计划标准", "行业标准", "历史标准", "其他标准", "国家标准", "地方标准"]

  /// Block labels and longer header words that run-together text must not cut inside.
  public static let blockHeaders: Set<String> = [
    "一级指标", "二级指标", "三级指标", "指标值", "绩效指标", "长期绩效指标", "年度绩效指标", "中期绩效指标",
    "指标值确定依据", "近两年指标值", "预期当年实现值", "年度指标值", "绩效标准",
  ]

  /// Labels that a paragraph-per-line export breaks over lines and that are joined back
  /// (`社会效益` + `指标`) only when the join is one of these.
  public static let joinedLabels: Set<String> = [
    "一级指标", "二级指标", "三级指标", "绩效标准", "绩效指标", "总体目标", "产出指标", "效益指标",
    "满意度指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标", "可持续影响指标",
    "服务对象满意度指标", "社会公众或服务对象满意度指标", "指标值确定依据", "年度绩效指标",
    "长期绩效指标",
  ]

  /// Words of an indicator header row, one paragraph each (compared as prefixes).
  public static let headerRow = [
    "一级指标", "二级指标", "三级指标", "指标值", "绩效标准", "指标值确定依据", "评价标准", "年度指标值",
    "指标性质", "度量单位", "计量单位", "目标值",
  ]

  /// The common 二级 labels, with 指标 (a paragraph that is one of them is a 二级 cell).
  public static let commonLevel2: Set<String> = [
    "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标", "生态效益指标",
    "可持续影响指标", "服务对象满意度指标", "经济成本指标", "社会成本指标", "生态环境成本指标",
  ]

  /// Field labels that start a row of a form's upper part, one paragraph each.
  public static let rowFields = [
    "项目名称", "主管部门", "实施单位", "项目属性", "项目期", "项目资金", "总体目标", "部门(单位)名称",
    "填报人", "联系电话", "部门总体资金情况", "年度工作任务", "项目支出情况", "整体绩效总目标",
  ]

  /// Field labels that a single space may separate from the value before them in layout text.
  public static let spacedFields = [
    "项目类别", "项目性质", "实施单位", "主管部门", "计划完成日期", "计划开始日期", "年度资金申请总额",
    "其他资金", "上年结转资金", "其中：当年财政拨款", "其中：财政资金", "项目资金总额",
  ]

  /// Comparisons written apart from their number (`大于等于 100`).
  public static let spacedComparisons: Set<String> = [
    "大于等于", "小于等于", "等于", "大于", "小于", "≥", "≤", "=", ">", "<", "＞", "＜", ">=", "<=",
  ]

  /// Units that follow a number as a word of their own (`100 个`).
  public static let spacedUnits: Set<String> = [
    "个", "次", "%", "人", "家", "元", "天", "年", "月", "项", "场", "篇", "份", "座", "亩", "户", "所", "名",
    "件", "台", "套", "处", "万元", "亿元", "人次", "万人次", "平方米", "公里", "千米", "小时", "分钟",
    "个月", "工作日", "批次",
  ]

  /// One-character units that end a value in run-together text.
  public static let gluedUnits: Set<Character> = [
    "次", "个", "人", "家", "元", "%", "天", "年", "月", "项", "场", "篇", "份", "座", "亩", "户", "所", "名",
  ]

  /// True when `word` is a unit written apart from the number that ends in `last`
  /// (`100` `个`, `98%` `次`).
  public static func isSpacedUnit(_ word: String, after last: Character?) -> Bool {
    guard let last, last.isNumber || last == "%" else { return false }
    return spacedUnits.contains(word)
  }
}
