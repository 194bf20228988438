import TablemendModel

/// The words that name an indicator's or a fund's period.
public enum PeriodWords {
  /// The period a label names: 中期 → `mid-term`, 长期 → `long-term`, 年度 / 当年 / 本年 →
  /// `annual`; nil when it names none.
  public static func period(of text: String) -> String? {
    let k = LabelFolding.key(text)
    if k.has("中期") { return "mid-term" }
    if k.has("长期") { return "long-term" }
    if k.has("年度") || k.has("当年") || k.has("本年") { return "annual" }
    return nil
  }
}
