/// The words of the domain the real-export dialects lean on to split and align cells.
///
/// Labels are compared after removing spaces (web pages space them out: `产 出 指 标`).
enum IndicatorVocabulary {
  /// 一级指标 labels, current and older templates.
  static let level1: Set<String> = [
    "产出指标", "效益指标", "满意度指标", "成本指标", "项目完成指标", "项目效益指标",
    "实施效果指标", "过程管理指标", "社会公众或服务对象满意度指标", "服务对象满意度",
    // 部门整体 templates' 一级 (the forms stage knew them; the text dialects did not).
    "履职效能指标", "管理指标", "决策指标", "过程指标",
  ]

  /// 二级指标 labels.
  static let level2: Set<String> = [
    "数量指标", "质量指标", "时效指标", "成本指标", "经济效益指标", "社会效益指标",
    "生态效益指标", "可持续影响指标", "服务对象满意度指标", "社会公众或服务对象满意度指标",
    "经济成本指标", "社会成本指标", "生态环境成本指标", "满意度指标",
  ]

  /// 二级 label → the 一级 labels real templates put it under (the usual one first).
  static let parentsOfLevel2: [String: Set<String>] = [
    "数量指标": ["产出指标"], "质量指标": ["产出指标"], "时效指标": ["产出指标"],
    "成本指标": ["产出指标", "成本指标"], "经济效益指标": ["效益指标"], "社会效益指标": ["效益指标"],
    "生态效益指标": ["效益指标"], "可持续影响指标": ["效益指标"],
    "服务对象满意度指标": ["满意度指标", "效益指标"], "社会公众或服务对象满意度指标": ["满意度指标", "效益指标"],
    "经济成本指标": ["成本指标", "产出指标"], "社会成本指标": ["成本指标", "产出指标"],
    "生态环境成本指标": ["成本指标", "产出指标"],
  ]

  /// True when the taxonomy puts the 二级 label under another 一级 than the one given (both
  /// known, standard labels); false when it agrees or does not know.
  static func contradicts(level1: String, level2: String) -> Bool {
    let l1 = withoutScore(squeezed(level1))
    let l2 = withoutScore(squeezed(level2))
    guard ["产出指标", "效益指标", "满意度指标", "成本指标"].contains(l1),
      let parents = parentsOfLevel2[l2]
    else { return false }
    return !parents.contains(l1)
  }

  /// Header words that name the indicator columns.
  static let headerWords = ["一级指标", "二级指标", "三级指标"]

  /// `text` without any whitespace.
  static func squeezed<S: StringProtocol>(_ text: S) -> String {
    // Most cells hold no space: checked scalar by scalar, without grapheme breaking.
    let spaced = text.unicodeScalars.contains { $0.isSpaceLike || $0 == "\u{F8FF}" }
    if !spaced { return String(text) }
    return String(text.filter { !$0.isWhitespace && $0 != LayoutLine.pad })
  }

  /// Drops a trailing score annotation such as `(50分)` / `（30分）`.
  static func withoutScore(_ text: String) -> String {
    var chars = Array(text)
    guard let last = chars.last, last == ")" || last == "）" else { return text }
    guard let open = chars.lastIndex(where: { $0 == "(" || $0 == "（" }) else { return text }
    let inner = String(chars[(open + 1)..<(chars.count - 1)])
    guard inner.hasSuffix("分"), inner.dropLast().allSatisfy({ $0.isNumber || $0 == "." }) else {
      return text
    }
    chars.removeSubrange(open...)
    return String(chars)
  }

  /// True when `text` (spaces and a score removed) is a known 一级 label.
  static func isLevel1(_ text: String) -> Bool {
    level1.contains(withoutScore(squeezed(text)))
  }

  /// True when `text` (spaces and a score removed) is a known 二级 label.
  static func isLevel2(_ text: String) -> Bool {
    level2.contains(withoutScore(squeezed(text)))
  }

  /// True when the text is a row of indicator headers (一级指标 … 三级指标 or 指标值).
  static func isIndicatorHeader<S: StringProtocol>(_ text: S) -> Bool {
    let s = squeezed(text)
    return s.has("一级指标") && s.has("二级指标")
      && (s.has("三级指标") || s.has("指标值") || s.has("指标内容"))
  }

  /// True when `text` is only the tail of a label broken over lines (`指标`, `标`, `响指标`).
  static func isLabelTail(_ text: String) -> Bool {
    let s = squeezed(text)
    return !s.isEmpty && s.count <= 5 && s.hasSuffix("标") && !level1.contains(s)
      && !level2.contains(s)
  }

  /// True when `text` looks like the head of a label broken over lines (`社会效益`, `可持续影`).
  static func isLabelHead(_ text: String) -> Bool {
    let s = squeezed(text)
    guard s.count >= 2, s.count <= 10, !s.hasSuffix("标") else { return false }
    guard s.allSatisfy({ isCJK($0) }) else { return false }
    return level1.union(level2).union(headerWords).union(["绩效标准", "绩效指标"]).contains {
      $0.hasPrefix(s) && $0 != s
    }
  }

  /// True for a CJK ideograph.
  static func isCJK(_ c: Character) -> Bool {
    guard let v = c.unicodeScalars.first?.value else { return false }
    return (0x4E00...0x9FFF).contains(v) || (0x3400...0x4DBF).contains(v)
  }

  /// Characters that open a target value.
  /// Comparison words a value's text opens with (`大于等于100个`, `不低于 80%`), longest first:
  /// the compound and negated ones, which are never anything but a comparison, then the plain
  /// two-character ones, which also occur inside ordinary words.
  static let strictComparisonWords = [
    "大于等于", "小于等于", "不低于", "不少于", "不高于", "不超过", "不大于", "不小于",
  ]
  static let comparisonWords = strictComparisonWords + ["大于", "小于", "等于", "达到", "超过", "低于"]

  static let comparators: Set<Character> = [
    "≥", "≤", "＞", "＜", ">", "<", "=", "＝", "≧", "≦", "≈", "~", "～",
  ]

  /// Words that open a target value.
  static let valueWords = [
    "大于等于", "小于等于", "不低于", "不少于", "不高于", "不超过", "不大于", "不小于", "大于", "小于",
    "达到", "≥", "≤",
  ]

  /// True when `text` reads as a target value (a number, a comparison, a percentage).
  static func looksLikeValue(_ text: String) -> Bool {
    let s = squeezed(text)
    guard let first = s.first else { return false }
    if comparators.contains(first) || first.isNumber { return true }
    if valueWords.contains(where: { s.hasPrefix($0) }) { return true }
    return s.hasSuffix("%") && s.contains(where: { $0.isNumber })
  }
}
