import TablemendModel

/// What a target means under a 时效 二级.
public enum TimeLimits {
  /// Under a 时效 二级, a target that says "on schedule" (`按期完工`, `及时`, `全年`) is a
  /// deadline whose date the form does not give (`date.relation` `by`, nothing else), one that
  /// names a date in words (`2021年全年`) a deadline with that date, and a target that is a bare length of time (`1个月`, `4个月`) is a time
  /// limit: a deadline given as a duration (its op, value and unit kept, no date). A compared
  /// length (`≤7工作日`, `一周内`, `≥1年`) stays a comparison, as the labelled real pages read
  /// it; other 二级 leave the value as it is.
  public static func reading(_ value: Value, under level2: String) -> Value {
    // Cheap tests first: most values are neither.
    switch value.kind {
    case .qualitative:
      guard let text = value.text.map(LabelFolding.key),
        onSchedule.contains(where: { text.has($0) }) || value.date != nil,
        isTimeliness(level2)
      else { return value }
      var out = value
      out.kind = .deadline
      if out.date == nil { out.date = Value.DateParts(relation: "by") }
      return out
    case .comparison:
      guard value.op == .equal, let unit = value.unit,
        durationUnits.contains(LabelFolding.key(unit)),
        isTimeliness(level2)
      else { return value }
      var out = value
      out.kind = .deadline
      return out
    default:
      return value
    }
  }

  /// True for a 时效 二级 (`时效指标`, `产出时效`, `時效指標`).
  static func isTimeliness(_ level2: String) -> Bool {
    guard level2.utf8.count <= 48 else { return false }
    return LevelLabels.core(level2).map { $0.hasSuffix("时效") } == true
  }

  /// Words that name a deadline without its date.
  static let onSchedule = [
    "按期", "按时", "如期", "限期", "及时", "全年", "计划时间内", "计划完成时间内", "规定时间内", "规定期限内", "规定时限内",
  ]

  static let durationUnits: Set<String> = [
    "个月", "月", "天", "日", "周", "年", "小时", "工作日", "个工作日", "分钟", "季度", "星期",
  ]
}
