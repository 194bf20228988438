/// What a cell of an indicator block says it is, before any column is known.
public enum CellKind: Sendable, Hashable {
  /// A 一级 label (`产出指标`, `產出目標`).
  case level1
  /// A 二级 label (`数量指标`, `社会效益`).
  case level2
  /// A label that is both (`满意度指标`, `成本指标`).
  case eitherLevel
  /// A header word naming a column.
  case header(ColumnRole)
  /// A row that ends the indicators: 合计, 总分, 评价结论, 项目负责人 ….
  case closing
  /// A comparison written alone: `≥`, `=`, `定性`, `正向`.
  case op
  /// A unit written alone: `%`, `万元`, `人次`.
  case unit
  /// A bare number: a score, a weight, or a value whose unit is in another column.
  case number
  /// What the value parser reads as a comparison, range, deadline or frequency.
  case value
  /// A qualitative target or verdict: text the value parser reads with a direction or grade
  /// (`进一步完善`, `逐步提高`, `长期`, `是`, `优`).
  case verdict
  /// A standard the target was set by (`计划标准`, `行业标准`), or what the indicator measures
  /// (指标解释: `反映…情况`): a note column's text.
  case standard
  /// A filler: `……`, `/`, `—`, `无`.
  case filler
  /// Short free text (up to four characters): `是`, `优`, `长期`, `显著`.
  case shortText
  /// Longer free text: an indicator name, a qualitative target, a reason.
  case text
}

extension CellKind {
  /// True for a header word naming a level column (一级指标, 二级指标, 三级指标).
  public var isLevelHeader: Bool {
    if case .header(let role) = self { return [.level1, .level2, .level3].contains(role) }
    return false
  }
}
