import TablemendModel

/// What a target means under a 时效 二级.
public enum TimeLimits {
  /// Under a 时效 二级, a target that is a bare length of time (`1个月`, `4个月`) is a time
  /// limit: a deadline given as a duration (its op, value and unit kept, no date). A compared
  /// length (`≤7工作日`, `一周内`, `≥1年`) stays a comparison, as the labelled real pages read
  /// it; other 二级 leave the value as it is.
  public static func reading(_ value: Value, under level2: String) -> Value {
    guard value.kind == .comparison, LevelLabels.core(level2).map({ $0.hasSuffix("时效") }) == true,
      value.op == .equal,
      let unit = value.unit, durationUnits.contains(LabelFolding.key(unit))
    else { return value }
    var out = value
    out.kind = .deadline
    return out
  }

  static let durationUnits: Set<String> = [
    "个月", "月", "天", "日", "周", "年", "小时", "工作日", "个工作日", "分钟", "季度", "星期",
  ]
}
