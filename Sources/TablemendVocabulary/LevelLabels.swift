/// The 一级 and 二级 labels of indicator trees, current and older templates.
///
/// A label is recognised by its core: the key (`LabelFolding.key`) without a score and without
/// the suffix 指标 / 目标 / 类指标 / 值, so `产 出 指 标 (50分)`, `產出目標` and `产出` all read as the
/// 一级 `产出`. `满意度指标` and `成本指标` are both 一级 and 二级 labels; which one a cell is
/// follows from its column.
public enum LevelLabels {
  /// Cores of 一级 labels.
  static let level1Cores: Set<String> = [
    "产出", "效益", "满意度", "成本", "项目完成", "项目效益", "实施效果", "过程管理", "管理",
    "履职效能", "决策", "过程", "项目产出", "项目决策", "项目管理", "项目过程", "预期产出", "预期效果",
    "效果",

  ]

  /// Cores of 二级 labels, with the 一级 core they usually sit under.
  static let level2Parents: [String: String] = [
    "数量": "产出", "质量": "产出", "时效": "产出", "成本": "产出", "进度": "产出",
    "产出数量": "产出", "产出质量": "产出", "产出时效": "产出", "产出成本": "产出",
    "经济效益": "效益", "社会效益": "效益", "生态效益": "效益", "环境效益": "效益",
    "可持续影响": "效益", "可持续发展": "效益", "社会影响": "效益",
    "服务对象满意度": "满意度", "社会公众或服务对象满意度": "满意度", "社会公众满意度": "满意度",
    "满意度": "满意度", "受益对象满意度": "满意度", "使用者满意度": "满意度",
    "经济成本": "成本", "社会成本": "成本", "生态环境成本": "成本", "生态成本": "成本",
    "环境成本": "成本",
    // The 以工代赈 template's 过程管理 二级.
    "计划管理": "过程管理", "资金管理": "过程管理", "项目管理": "过程管理", "监督检查": "过程管理",
    // Guangdong's 预期产出 / 效果 template.
    "预算控制": "产出", "投资规模控制": "产出", "社会、经济、生态效益": "效益", "社会经济生态效益": "效益",
  ]

  /// The suffixes a label's core is printed with, longest first, as scalars (`值` in templates
  /// that print `产出值` / `数量值` / `经济效益值`).
  static let suffixes: [[Unicode.Scalar]] = ["类指标", "指标", "目标", "类", "值"].map {
    Array($0.unicodeScalars)
  }

  /// The core of a label: its key without a trailing score and suffix, or nil when the text is
  /// too long to be a label.
  public static func core(_ text: String) -> String? {
    coreCache.value(for: text, compute: uncachedCore)
  }

  /// Cores already worked out in this process (`core` is a pure function of the text).
  private static let coreCache = TextCache<String?>()

  static func uncachedCore(_ text: String) -> String? {
    // Too long for a label: known without folding (a label folds to at most 18 characters, and
    // folding removes at most the spaces, notes and score a cell of 80 scalars can hold).
    guard text.unicodeScalars.count <= 80 else { return nil }
    let k = LabelFolding.withoutScore(LabelFolding.key(text))
    let scalars = k.unicodeScalars
    guard !scalars.isEmpty, scalars.count <= 18 else { return nil }
    // Suffixes compared scalar by scalar (the labels are plain ideographs).
    for suffix in suffixes
    where scalars.count > suffix.count && scalars.reversed().starts(with: suffix.reversed()) {
      return String(String.UnicodeScalarView(scalars.dropLast(suffix.count)))
    }
    return k
  }

  /// True when the text is a 一级 label.
  public static func isLevel1(_ text: String) -> Bool {
    guard let c = core(text), level1Cores.contains(c) else { return false }
    return !suffixedOnlyLevel1.contains(c) || hasSuffix(text, core: c)
  }

  /// True when the text is a 二级 label.
  public static func isLevel2(_ text: String) -> Bool {
    guard let c = core(text) else { return false }
    return parent(ofCore: c, text) != nil
  }

  /// The 一级 core of a 二级 core as printed in `text`: the taxonomy's, and 满意度 for any
  /// group's satisfaction printed as a label (`群众满意度指标`, `学生满意度指标`).
  static func parent(ofCore c: String, _ text: String) -> String? {
    if let known = level2Parents[c] {
      return !suffixedOnly.contains(c) || hasSuffix(text, core: c) ? known : nil
    }
    if c.hasSuffix("满意度"), (4...9).contains(c.count), hasSuffix(text, core: c),
      satisfiedGroups.contains(where: { c.dropLast(3).hasSuffix($0) })
    {
      return "满意度"
    }
    return nil
  }

  /// Who a satisfaction 二级 asks (`群众满意度指标`, `学生满意度指标`), as the word ends.
  static let satisfiedGroups = [
    "群众", "学生", "家长", "公众", "社会", "人员", "村民", "居民", "职工", "企业", "患者", "游客",
    "读者", "学员", "农户", "师生", "教师", "干部", "群体", "用户", "市民", "人群", "单位", "商户",
  ]

  /// 二级 cores that are everyday words without their suffix (`监督检查`, `资金管理`): 二级
  /// labels only as `监督检查指标` (bare `项目管理` stays the 一级 of 绩效评价 forms).
  static let suffixedOnly: Set<String> = ["计划管理", "资金管理", "项目管理", "监督检查"]

  /// 一级 cores that are everyday words without their suffix: labels only as `预期效果指标`.
  static let suffixedOnlyLevel1: Set<String> = ["预期产出", "预期效果", "效果"]

  /// True when the label is printed with a suffix after its core (`…指标`, `…目标`).
  static func hasSuffix(_ text: String, core c: String) -> Bool {
    LabelFolding.withoutScore(LabelFolding.key(text)) != c
  }

  /// True when a grid cell with this text reads as a 二级 label: any 二级 label except
  /// `满意度指标`, which templates use as a 一级 far more often (`成本指标` stays 二级: the
  /// column decides).
  public static func isLevel2Label(_ text: String) -> Bool {
    guard let c = core(text) else { return false }
    return isLevel2(text) && c != "满意度"
  }

  /// True when a grid cell with this text reads as a 一级 label: a standard one, or a 一级
  /// label that is no 二级 label.
  public static func isLevel1Label(_ text: String) -> Bool {
    guard let c = core(text) else { return false }
    return standardLevel1Cores.contains(c) || isLevel1(text) && !isLevel2(text)
  }

  /// The 一级 cores whose 二级 labels the taxonomy knows.
  static let standardLevel1Cores: Set<String> = ["产出", "效益", "满意度", "成本"]

  /// True when the text is one of the standard 一级 labels (产出 / 效益 / 满意度 / 成本指标).
  public static func isStandardLevel1(_ text: String) -> Bool {
    guard let c = core(text) else { return false }
    return standardLevel1Cores.contains(c)
  }

  /// The 一级 labels real templates put a 二级 label under: the usual one first, then the
  /// variants written on purpose (cost under 产出 before 2021 and under 成本 since,
  /// satisfaction under 效益); empty when the label is no 二级 label.
  public static func acceptedParents(ofLevel2 text: String) -> [String] {
    guard let c = core(text), let usual = parent(ofCore: c, text) else { return [] }
    if c.hasSuffix("成本") { return [usual + "指标", (usual == "成本" ? "产出" : "成本") + "指标"] }
    if usual == "满意度" { return ["满意度指标", "效益指标"] }
    return [usual + "指标"]
  }

  /// True when the taxonomy puts the 二级 label under another standard 一级 than the one
  /// given (both known); false when it agrees or does not know.
  public static func contradicts(level1: String, level2: String) -> Bool {
    guard isStandardLevel1(level1), isLevel2(level2) else { return false }
    let parents = acceptedParents(ofLevel2: level2).compactMap(core)
    return !parents.isEmpty && !parents.contains(core(level1) ?? "")
  }

  /// True when `text` (white space ignored) is only the tail of a label broken over lines
  /// (`指标`, `标`, `响指标`): at most five characters ending in 标, and no label itself.
  public static func isLabelTail(_ text: String) -> Bool {
    if hasIdeographs(moreThan: 5, text) { return false }
    let k = LabelFolding.key(text)
    return !k.isEmpty && k.count <= 5 && k.hasSuffix("标") && !isLevel1(k) && !isLevel2(k)
  }

  /// True when `text` (white space ignored) looks like the head of a label or an indicator
  /// header word broken over lines (`社会效益`, `可持续影`, `一级`): 2 to 10 ideographs that
  /// a longer spelling starts with.
  public static func isLabelHead(_ text: String) -> Bool {
    if hasIdeographs(moreThan: 10, text) { return false }
    let k = LabelFolding.key(text)
    guard k.count >= 2, k.count <= 10, !k.hasSuffix("标") else { return false }
    guard k.unicodeScalars.allSatisfy({ (0x3400...0x9FFF).contains($0.value) }) else {
      return false
    }
    return headPrefixes.contains(k)
  }

  /// True when `text` holds more than `limit` ideographs: its key then holds as many
  /// (folding drops white space and pinyin notes, never an ideograph), so it is too long for a
  /// label's head or tail; known without folding a long cell.
  static func hasIdeographs(moreThan limit: Int, _ text: String) -> Bool {
    var count = 0
    for scalar in text.unicodeScalars where (0x3400...0x9FFF).contains(scalar.value) {
      count += 1
      if count > limit { return true }
    }
    return false
  }

  /// Every proper prefix (two characters or more) of `headSpellings`.
  static let headPrefixes: Set<String> = {
    var out = Set<String>()
    for spelling in headSpellings {
      let chars = Array(spelling)
      for n in 2..<max(2, chars.count) { out.insert(String(chars[..<n])) }
    }
    return out
  }()

  /// The spellings a broken label's head is looked up in: the labels, the level header words
  /// and the block labels.
  static let headSpellings: [String] =
    spellings + ["一级指标", "二级指标", "三级指标", "绩效标准", "绩效指标"]

  /// True when the text is a 一级 label written in full, with its 指标 (`产出指标`, `产 出 指 标
  /// (50分)`), not a bare core such as `满意度` that a value or a name can be.
  public static func isFullLevel1(_ text: String) -> Bool {
    isLevel1(text) && LabelFolding.withoutScore(LabelFolding.key(text)).hasSuffix("指标")
  }

  /// True when the text is a 二级 label written in full, with its 指标.
  public static func isFullLevel2(_ text: String) -> Bool {
    isLevel2(text) && LabelFolding.withoutScore(LabelFolding.key(text)).hasSuffix("指标")
  }

  /// True when `key` is a 二级 core written without 指标 (`产出数量`, `社会效益`).
  public static func isBareLevel2Core(_ key: String) -> Bool {
    level2Parents[key] != nil && !suffixedOnly.contains(key)
  }

  /// The usual 一级 label (`产出指标`) of a 二级 label, or nil.
  public static func usualParent(ofLevel2 text: String) -> String? {
    guard let c = core(text), let parent = parent(ofCore: c, text) else { return nil }
    return parent + "指标"
  }

  /// The labels written in full (`产出指标`, `数量指标`), for telling a label run into a cell.
  public static let fullSpellings: [String] = spellings.filter { $0.hasSuffix("指标") }

  /// Every label spelling the segmenter of run-together text looks for, longest first: the
  /// cores with their suffixes, in simplified characters (match against `LabelFolding.key`).
  public static let spellings: [String] = {
    var all = Set<String>()
    for core in level1Cores.union(level2Parents.keys) where core.count >= 2 {
      all.insert(core + "指标")
      all.insert(core + "目标")
    }
    // Four-character 二级 cores stand alone in some templates (产出数量, 社会效益).
    for core in level2Parents.keys where core.count >= 4 && !suffixedOnly.contains(core) {
      all.insert(core)
    }
    return all.sorted { $0.count != $1.count ? $0.count > $1.count : $0 < $1 }
  }()
}
