/// The domain's words: indicator levels, section labels and how to compare labels.
enum Vocabulary {
  /// Folds a label for comparison: no white space (ASCII, full-width, line breaks), ASCII
  /// parentheses and colons.
  static func fold(_ s: String) -> String {
    foldStandalone(s) ?? foldCharacters(s)
  }

  /// `fold` character by character: right for any text.
  static func foldCharacters(_ s: String) -> String {
    var out = ""
    out.reserveCapacity(s.count)
    for ch in s {
      if ch.isWhitespace || ch == "\u{3000}" { continue }
      switch ch {
      case "（": out.append("(")
      case "）": out.append(")")
      case "：": out.append(":")
      default: out.append(ch)
      }
    }
    return out
  }

  /// `fold` for text whose every scalar is a character of its own (ASCII and Latin-1, CJK
  /// ideographs, radicals and punctuation, full-width forms, general punctuation without
  /// joiners, letter-like and number forms, arrows, operators, shapes, dingbats): the usual
  /// label, folded scalar by scalar without grapheme breaking or normalising compares, and
  /// returned as is when nothing folds. Nil when any other scalar (a combining mark, a joiner,
  /// a variation selector, an emoji) appears.
  static func foldStandalone(_ s: String) -> String? {
    var changed = false
    for scalar in s.unicodeScalars {
      switch fold(standalone: scalar.value) {
      case .notStandalone: return nil
      case .keep: continue
      case .drop, .replace: changed = true
      }
    }
    if !changed { return s }
    var out = String.UnicodeScalarView()
    for scalar in s.unicodeScalars {
      switch fold(standalone: scalar.value) {
      case .notStandalone, .drop: continue
      case .keep: out.append(scalar)
      case .replace(let ascii): out.append(ascii)
      }
    }
    return String(out)
  }

  private enum StandaloneFold {
    case notStandalone, keep, drop
    case replace(Unicode.Scalar)
  }

  private static func fold(standalone v: UInt32) -> StandaloneFold {
    switch v {
    // Character.isWhitespace over the ranges below, and U+3000.
    case 0x09...0x0D, 0x20, 0x85, 0xA0, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return .drop
    case 0xFF08: return .replace("(")
    case 0xFF09: return .replace(")")
    case 0xFF1A: return .replace(":")
    case 0..<0x300, 0x2010...0x2027, 0x2030...0x205E, 0x2070...0x20CF, 0x2100...0x27BF,
      0x2E80...0x2FDF, 0x3001...0x3029, 0x3030...0x303F, 0x3400...0x4DBF, 0x4E00...0x9FFF,
      0xFF01...0xFF5E:
      return .keep
    default: return .notStandalone
    }
  }

  /// Joins wrapped lines of one label or sentence: no space between CJK characters.
  static func joinLines(_ paragraphs: [String]) -> String {
    if paragraphs.count == 1 { return paragraphs[0].trimmedPadding() }
    var out = ""
    for p in paragraphs.map { $0.trimmedPadding() } where !p.isEmpty {
      if let last = out.last, let first = p.first, last.isASCII && first.isASCII,
        last.isLetter || last.isNumber, first.isLetter || first.isNumber
      {
        out += " "
      }
      out += p
    }
    return out
  }

  /// 二级指标 → its usual 一级指标.
  static let parentOfLevel2: [String: String] = [
    "数量指标": "产出指标", "质量指标": "产出指标", "时效指标": "产出指标", "成本指标": "产出指标",
    "经济效益指标": "效益指标", "社会效益指标": "效益指标", "生态效益指标": "效益指标",
    "可持续影响指标": "效益指标", "服务对象满意度指标": "满意度指标",
    "社会公众或服务对象满意度指标": "满意度指标",
    "经济成本指标": "成本指标", "社会成本指标": "成本指标", "生态环境成本指标": "成本指标",
  ]

  /// The 一级 labels real templates put a 二级 under: the usual one first, then the variants
  /// that are written on purpose (cost before and since 2021, satisfaction under 效益).
  static func acceptedParents(of level2: String) -> [String] {
    guard let usual = parentOfLevel2[level2] else { return [] }
    if level2.has("成本") { return [usual, usual == "成本指标" ? "产出指标" : "成本指标"] }
    if level2.has("满意度") { return [usual, "效益指标"] }
    return [usual]
  }

  /// The standard 一级指标 names whose 二级 the taxonomy knows.
  static let standardLevel1: Set<String> = ["产出指标", "效益指标", "满意度指标", "成本指标"]

  /// Every 一级 label seen on real forms, standard or not.
  static let level1Labels: Set<String> = standardLevel1.union([
    "项目完成指标", "项目效益指标", "实施效果指标", "过程管理指标", "产出", "效益", "满意度",
    "管理指标", "履职效能指标", "决策指标", "过程指标",
  ])

  /// Canonical form of a 二级 label (`经济效益` → `经济效益指标`), or nil when it is not one.
  static func level2(_ text: String) -> String? {
    let f = fold(text)
    if isPlainCJK(f) {
      // Byte equality is string equality here: compare bytes, skipping String hashing.
      var bytes = Array(f.utf8)
      if let entry = level2ByBytes[UTF8Key(bytes)] { return entry.key }
      bytes.append(contentsOf: "指标".utf8)
      return level2ByBytes[UTF8Key(bytes)]?.key
    }
    if parentOfLevel2[f] != nil { return f }
    if parentOfLevel2[f + "指标"] != nil { return f + "指标" }
    return nil
  }

  /// The usual 一级 of a 二级 label (`parentOfLevel2[label]`).
  static func parent(ofLevel2 label: String) -> String? {
    guard isPlainCJK(label) else { return parentOfLevel2[label] }
    return level2ByBytes[UTF8Key(Array(label.utf8))]?.parent
  }

  private static let level2ByBytes: [UTF8Key: (key: String, parent: String)] = Dictionary(
    uniqueKeysWithValues: parentOfLevel2.map { (UTF8Key(Array($0.key.utf8)), ($0.key, $0.value)) })

  /// A label's UTF-8 bytes as a dictionary key, hashed in one call (`[UInt8]` hashes byte by
  /// byte: 8 M instructions on the 2,000-row benchmark).
  struct UTF8Key: Hashable {
    let bytes: [UInt8]
    init(_ bytes: [UInt8]) { self.bytes = bytes }
    func hash(into hasher: inout Hasher) {
      bytes.withUnsafeBytes { hasher.combine(bytes: $0) }
    }
  }

  /// ASCII and CJK unified ideographs only: text in NFC with no canonical equivalent but
  /// itself, so two such strings are equal exactly when their bytes are.
  static func isPlainCJK(_ s: String) -> Bool {
    s.unicodeScalars.allSatisfy { $0.isASCII || (0x4E00...0x9FFF).contains($0.value) }
  }

  static func isLevel1(_ text: String) -> Bool {
    let f = fold(text)
    if isPlainCJK(f) {
      // Byte equality is string equality here: look the bytes up, skipping String hashing.
      let bytes = UTF8Key(Array(f.utf8))
      if standardLevel1Bytes.contains(bytes) { return true }
      return level1LabelBytes.contains(bytes) && level2(f) == nil
    }
    return level1Labels.contains(f) && level2(f) == nil || standardLevel1.contains(f)
  }

  private static let standardLevel1Bytes = Set(standardLevel1.map { UTF8Key(Array($0.utf8)) })
  private static let level1LabelBytes = Set(level1Labels.map { UTF8Key(Array($0.utf8)) })

  /// A folded label without the score printed in it: `满意度指标(10分)` → `满意度指标`,
  /// `(50分)` → empty.
  static func withoutScore(_ folded: String) -> String {
    guard folded.has("分") else { return folded }
    return folded.replacing(Patterns.score, with: "")
  }

  /// Period named by a label: 中期 → mid-term, 年度/当年 → annual, 长期 → long-term.
  static func period(of text: String) -> String? {
    let f = fold(text)
    if f.has("中期") { return "mid-term" }
    if f.has("长期") { return "long-term" }
    if f.has("年度") || f.has("当年") || f.has("本年") { return "annual" }
    return nil
  }

  static func isHeader(_ text: String, _ words: [String]) -> Bool {
    let f = fold(text)
    return words.contains { f == $0 || f.hasPrefix($0) }
  }

  static let level1Header = ["一级指标"]
  static let level2Header = ["二级指标"]
  static let level3Header = ["三级指标"]
  static let valueHeader = [
    "指标值", "目标值", "年度指标值", "预期当年实现值", "年初目标值", "预期目标值", "指标目标值",
    "绩效目标值", "全年目标值", "中期指标值", "年度指标值", "目标值(A)",
  ]
  static let standardHeader = [
    "绩效标准", "指标值确定依据", "评价标准", "评分标准", "确定依据", "指标值设定依据", "备注",
  ]
  static let historyHeader = ["近两年指标值", "前年", "上年", "历史值", "上年实际值"]
  static let evaluationHeader = [
    "实际完成值", "全年实际值", "完成值", "分值", "得分", "偏差原因分析及改进措施", "偏差原因",
    "未完成原因", "权重", "指标方向性", "年度目标", "实际完成情况",
  ]
  static let operatorHeader = ["指标性质", "指标方向", "比较符", "符号"]
  static let unitHeader = ["度量单位", "计量单位", "单位"]
}
