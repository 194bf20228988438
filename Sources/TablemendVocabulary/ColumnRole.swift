import TablemendModel

/// What a column of an indicator table holds, as its header names it.
public enum ColumnRole: String, Sendable, Hashable, CaseIterable {
  /// 一级指标.
  case level1
  /// 二级指标.
  case level2
  /// 三级指标, 指标名称.
  case level3
  /// 指标值, 年度指标值, 年初目标值, 目标值: the target.
  case target
  /// 指标性质 / 指标方向: `≥`, `=`, `定性` written apart from the value.
  case op
  /// 度量单位 / 计量单位: the unit written apart from the value.
  case unit
  /// 实际完成值, 完成值, 实施进度: the result of a self-evaluation.
  case result
  /// 分值, 权重: the points an indicator is worth.
  case weight
  /// 得分: the points it got.
  case score
  /// 偏差原因分析及改进措施 and similar free text.
  case reason
  /// 评价标准, 指标值确定依据, 指标说明, 备注 and other text columns.
  case note

  static let noteHeaders: Set<String> = [
    "评价标准", "绩效标准", "评分标准", "依据", "确定依据", "说明", "指标说明", "指标解释", "备注", "标准",
    "指标标准", "计算方法", "评价要点", "指标内涵", "指标值类型", "指标类型",
  ]

  /// True when a line (white space removed) is a row of indicator headers: 一级指标 and
  /// 二级指标 with 三级指标, 指标值 or 指标内容.
  public static func isIndicatorHeaderLine(_ text: String) -> Bool {
    let k = LabelFolding.key(text)
    return k.has("一级指标") && k.has("二级指标")
      && (k.has("三级指标") || k.has("指标值") || k.has("指标内容"))
  }

  /// True when a header names an earlier year's values (近两年指标值, 上年实际值, 前年, 历史值):
  /// kept as notes, never the target.
  public static func isHistory(header text: String) -> Bool {
    ["近两年", "上年", "前年", "历史"].contains { text.has($0) }
  }

  /// `一级`, `一级指标`, `一级指标(分值)`: the level word alone or with 指标 after it (not
  /// `一级种薯繁育基地`).
  static func levelHeader(_ k: String, _ level: String) -> Bool {
    k == level || k.hasPrefix(level + "指标") || k.hasPrefix(level + "(")
  }

  /// The role a header cell names, or nil when the text is not an indicator header word.
  public static func of(header text: String) -> ColumnRole? {
    let k = LabelFolding.key(text)
    guard !k.isEmpty, k.count <= 24 else { return nil }
    guard let role = role(k) else { return nil }
    // Two cells run together (`完成值产出指标`, `偏差原因分析及改进措施指标值`): a header word
    // followed by a level label or by another column's word is no header.
    if k.count > 4, LevelLabels.fullSpellings.contains(where: { k.hasSuffix($0) && $0 != k }) {
      return nil
    }
    if ![.target, .result].contains(role), !isHistory(header: k),
      k.hasSuffix("指标值") || k.hasSuffix("完成值"), Self.role(String(k.dropLast(3))) != nil
    {
      return nil
    }
    return role
  }

  /// The role a folded header names, before the run-together checks.
  static func role(_ k: String) -> ColumnRole? {
    if levelHeader(k, "一级") { return .level1 }
    if levelHeader(k, "二级") { return .level2 }
    if levelHeader(k, "三级") || k == "指标名称" || k == "绩效指标名称" || k == "指标内容" { return .level3 }
    // A rate is an indicator's name (预算执行偏差率, 方向正确率), never a column's header.
    if k.hasSuffix("率") { return nil }
    if k.has("偏差") || k.has("原因") || k.has("改进措施") { return .reason }
    // Earlier years' values (近两年指标值, 上年实际值, 前年): kept as notes, never the target.
    if isHistory(header: k) { return .note }
    // The word, with a note in brackets or a word before it (指标得分, 得分(分)); not a word
    // run into the cell after it (`得分产出指标`).
    if k.hasPrefix("得分系数") { return .note }
    if k == "得分" || k.hasPrefix("得分(") || k.hasSuffix("得分") || k.hasSuffix("得分(分)") {
      return .score
    }
    if k == "分值" || k.hasSuffix("分值") || k.hasPrefix("分值(") || k.hasSuffix("权重")
      || k.hasPrefix("权重") && k.count <= 6
    {
      return .weight
    }
    // The header before a note in brackets (年初目标值(A), 全年实际值(B)).
    let bare = k.firstIndex(of: "(").map { String(k[..<$0]) } ?? k
    // `实际` names a result column when the header ends as one (实际完成值, 全年实际值(B),
    // 实际完成情况); an indicator's name may mention it (签约居民就医实际支出金额节约率).
    if bare.has("实际")
      && (bare == "实际" || ["值", "情况", "完成", "进度", "目标"].contains { bare.hasSuffix($0) })
      || k.has("完成值") || k.has("实施进度") || k == "完成情况" || k.hasPrefix("实际完成")
    {
      return .result
    }
    if k.has("性质") || k.has("方向") || k == "比较符" || k == "符号" { return .op }
    if k.has("度量单位") || k.has("计量单位") || k == "单位" { return .unit }
    // Standards and notes: the header words themselves, not names that mention a standard
    // (补助标准).
    if noteHeaders.contains(k) || k.hasSuffix("依据") || k.hasPrefix("备注") || k.hasPrefix("指标值确定")
      || k.hasPrefix("是否核心") || k.hasPrefix("得分系数") || k.hasPrefix("评分标准")
    {
      return .note
    }
    // The target's header ends with its word, before a note in brackets (年度指标值,
    // 年初目标值(A), 指标值(包含数字及文字描述)); `指标值永安真武庙戏台` is no header.
    if ["指标值", "目标值", "预期值", "实现值", "年度数值"].contains(where: { bare.hasSuffix($0) })
      || k == "年度目标" || k == "指标目标"
    {
      return .target
    }
    return nil
  }
}
