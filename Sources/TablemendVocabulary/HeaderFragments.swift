/// The pieces a header row breaks into when its words wrap in narrow columns or stand under a
/// merged header cell: `指标` under `三级`, `上年` / `前年` under `近两年指标值`, `2021年实际值`.
public enum HeaderFragments {
  /// Words that end a header word wrapped in a narrow column.
  public static let tails: Set<String> = ["指标", "标准", "依据", "值", "名称", "准", "据", "标"]

  /// Sub-header words (columns under 指标值 and the like).
  public static let subHeaderWords: Set<String> = [
    "上年", "前年", "当年", "近两年指标值", "历史值", "度量单位", "计量单位", "指标性质", "分值", "得分",
    "备注", "完成值", "实际完成值", "年初目标值", "全年目标值", "偏差原因分析",
  ]

  /// True when `text` can continue a header: a wrapped tail or a sub-header word.
  public static func isFragment(_ text: String) -> Bool {
    let s = squeezed(text)
    guard !s.isEmpty, s.count <= 12 else { return false }
    if LevelLabels.isFullLevel1(s) || LevelLabels.isFullLevel2(s) {
      return false
    }
    if tails.contains(s) || subHeaderWords.contains(s) { return true }
    for suffix in ["指标值", "目标值", "实现值", "依据", "标准"] where s.hasSuffix(suffix) {
      return true
    }
    // 2021年, 2022年实际值 …
    let digits = s.prefix { $0.isNumber }
    return digits.count == 4 && s.dropFirst(4).hasPrefix("年")
  }
}
