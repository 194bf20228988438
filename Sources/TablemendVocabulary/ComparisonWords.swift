/// The words and signs a target value opens with (`≥`, `大于等于`, `不低于`), for the text
/// dialects that cut cells where a value starts.
public enum ComparisonWords {
  /// The compound and negated comparison words, never anything but a comparison.
  public static let strict = [
    "大于等于", "小于等于", "不低于", "不少于", "不高于", "不超过", "不大于", "不小于",
  ]

  /// Every comparison word a value's text opens with, longest first: the strict ones, then the
  /// plain two-character ones, which also occur inside ordinary words.
  public static let all = strict + ["大于", "小于", "等于", "达到", "超过", "低于"]

  /// Comparison signs.
  public static let signs: Set<Character> = [
    "≥", "≤", "＞", "＜", ">", "<", "=", "＝", "≧", "≦", "≈", "~", "～", "═", "﹦",
  ]

  /// Words that open a target value.
  static let openers = [
    "大于等于", "小于等于", "不低于", "不少于", "不高于", "不超过", "不大于", "不小于", "大于", "小于",
    "达到", "≥", "≤",
  ]

  /// True when `text` reads as a target by its shape (white space ignored): it opens with a
  /// sign, a digit or a comparison word, or is a percentage.
  public static func opensValue(_ text: String) -> Bool {
    let s = text.filter { !$0.isWhitespace }
    guard let first = s.first else { return false }
    if signs.contains(first) || first.isNumber { return true }
    if openers.contains(where: { s.hasPrefix($0) }) { return true }
    return s.hasSuffix("%") && s.contains(where: { $0.isNumber })
  }
}
