import TablemendModel
import TablemendValues

/// One classifier for every stage: the text of a cell to its `CellKind`.
///
/// The order of the tests is the order of precedence: a header word before a label (so that
/// `三级指标` is a header, not a label), a label before a value, a value before text.
public enum CellClassifier {
  /// The kind of a cell's text.
  public static func classify(_ text: String) -> CellKind {
    cache.value(for: text, compute: uncached)
  }

  /// Texts already classified in this process (`classify` is a pure function of the text).
  private static let cache = TextCache<CellKind>()

  /// The kind of a cell's text, worked out from its words.
  static func uncached(_ text: String) -> CellKind {
    let k = LabelFolding.key(text)
    if k.isEmpty || isFiller(k) { return .filler }
    if isClosing(k) { return .closing }
    if isStandard(k) { return .standard }
    if let role = ColumnRole.of(header: k), isHeaderWord(k) { return .header(role) }
    let l1 = LevelLabels.isLevel1(k)
    let l2 = LevelLabels.isLevel2(k)
    if l1 && l2 { return .eitherLevel }
    if l1 { return .level1 }
    if l2 { return .level2 }
    if isOp(k) { return .op }
    if isNumber(k) { return .number }
    if isUnit(k) { return .unit }
    // A numbered name (`指标1工程完工率`) or an empty numbered slot (`指标2`) is no value.
    if let rest = afterNameNumbering(k) { return rest.count + 3 <= 4 ? .shortText : .text }
    // The value parser reads the key: traditional characters folded (`(計劃標準)`).
    if looksLikeValue(k) { return .value }
    if k.count <= 10 {
      let v = ValueParser.parse(k)
      if v.kind == .qualitative && (v.direction != nil || v.grade != nil) { return .verdict }
    }
    return k.count <= 4 ? .shortText : .text
  }

  /// What follows the numbering of a numbered name (`指标1工程完工率` → `工程完工率`, `指标2：` and
  /// `指标2` → empty), or nil when `k` is no numbered name: one or two digits after `指标`, then
  /// the end, a colon or a Chinese character that starts no unit (`指标100%`, `指标5个` are a
  /// label's end and a value).
  public static func afterNameNumbering(_ k: String) -> String? {
    guard k.hasPrefix("指标") else { return nil }
    let chars = Array(k.dropFirst(2))
    var digits = 0
    while digits < chars.count, chars[digits].isASCII, chars[digits].isNumber { digits += 1 }
    guard (1...2).contains(digits) else { return nil }
    var rest = chars[digits...]
    if let first = rest.first, ":：.、".contains(first) { rest = rest.dropFirst() }
    guard let first = rest.first else { return "" }
    guard !first.isASCII, first.isLetter, !isUnit(String(first)) else { return nil }
    return String(rest)
  }

  /// Header words are short and name a column outright (not a sentence that mentions one).
  static func isHeaderWord(_ k: String) -> Bool {
    k.count <= 16 && !k.has(":") && !k.has("，") && !k.has(",")
  }

  /// `……`, `/`, `—`, `-`, `无`, `——`; punctuation alone (`:`, `；`, `。`), which prose that
  /// lists indicators leaves between a label and a name.
  public static func isFiller(_ k: String) -> Bool {
    k.allSatisfy { "…./／—–-_、\\*＊:：;；,，。".contains($0) } || k == "无" || k == "暂无"
      || isOutlineNumber(k)
  }

  /// An outline number alone: `一、`, `(一)`, `（四）`, `三.`, `1、`, `(2)`, the numbering of
  /// headings in prose that lists indicators (`一、产出指标` / `(一)数量指标`).
  public static func isOutlineNumber(_ k: String) -> Bool {
    var chars = Array(k)
    guard chars.count >= 2, chars.count <= 5 else { return false }
    if chars.first == "(", chars.last == ")" {
      chars = Array(chars.dropFirst().dropLast())
    } else if let last = chars.last, "、.．".contains(last) {
      chars.removeLast()
    } else {
      return false
    }
    guard !chars.isEmpty, chars.count <= 3 else { return false }
    return chars.allSatisfy { "一二三四五六七八九十".contains($0) }
      || chars.allSatisfy { $0.isASCII && $0.isNumber }
  }

  /// `计划标准`, `行业标准`, `历史标准`: a standard cell, not the header of a standard column; and an
  /// indicator's explanation (`isExplanation`), which belongs to the same kind of note column.
  public static func isStandard(_ k: String) -> Bool {
    if isExplanation(k) { return true }
    guard k.hasSuffix("标准"), k.count <= 6 else { return false }
    return ["计划", "行业", "历史", "其他", "国家", "省", "市", "县", "地方", "部门"].contains { k.hasPrefix($0) }
  }

  /// The national template's 指标解释: `反映办公大楼全年维修维护情况`, what an indicator
  /// measures, not its name or target; or a comparison with a target word alone
  /// (`达到目标值`, `达到预计值`, `不低于计划值`), a 指标说明 cell.
  static func isExplanation(_ k: String) -> Bool {
    if k.hasPrefix("反映") && k.hasSuffix("情况") && k.count <= 42 { return true }
    guard k.count <= 12, k.hasSuffix("值") || k.hasSuffix("以上") || k.hasSuffix("以下"),
      let first = k.first, verbFirsts.contains(first)
    else { return false }
    let chars = Array(k)
    return targetPhrases(chars).first == 0..<chars.count
  }

  /// Verbs of comparison that open a target phrase.
  public static let comparisonVerbs: [[Character]] = [
    "不低于", "不高于", "不少于", "达到", "高于", "低于", "超过", "接近",
  ].map { Array($0) }

  static let verbFirsts = Set(comparisonVerbs.compactMap(\.first))

  /// Where a comparison with a target word stands (`达到预计值`, `不低于目标值`, `达到目标值以上`):
  /// a verb, one to four Chinese characters ending in 值, then an optional 以上/以下.
  public static func targetPhrases(_ chars: [Character]) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var i = 0
    while i < chars.count {
      guard verbFirsts.contains(chars[i]),
        let verb = comparisonVerbs.first(where: { v in
          i + v.count <= chars.count && v.indices.allSatisfy { chars[i + $0] == v[$0] }
        })
      else {
        i += 1
        continue
      }
      var j = i + verb.count
      var end: Int?
      while j < chars.count, j < i + verb.count + 4, !chars[j].isASCII, chars[j].isLetter {
        if chars[j] == "值", j > i + verb.count {
          end = j + 1
          break
        }
        j += 1
      }
      guard var stop = end else {
        i += verb.count
        continue
      }
      for tail in ["以上", "以下"]
      where stop + 2 <= chars.count && String(chars[stop..<(stop + 2)]) == tail {
        stop += 2
      }
      out.append(i..<stop)
      i = stop
    }
    return out
  }

  /// Words that end an indicator block.
  public static func isClosing(_ k: String) -> Bool {
    for word in [
      "合计", "总分", "总计", "评价结论", "存在问题", "项目负责人", "财务负责人", "填表人", "联系电话",
      "审核意见", "主管部门审核", "单位负责人", "自评总分", "综合评价", "结论", "经办人", "上报时间", "填报人",
      "审核人", "联系人", "填报日期",
    ]
    where k.hasPrefix(word) && k.count <= word.count + 12 {
      return true
    }
    for word in ["注:", "备注:", "说明:", "填报说明", "注1"] where k.hasPrefix(word) { return true }
    if k.count <= 24, furniture.contains(where: { k.has($0) }) { return true }
    // Sign-off cells: 财政部门审核意见, (盖章).
    if k.count <= 16, k.hasSuffix("审核意见") || k.hasSuffix("初审意见") || k == "(盖章)" { return true }
    return isFormTitle(k)
  }

  /// A form's title (`项目支出绩效目标表`, `部门整体绩效自评表（2021年度）`): another form starts.
  public static func isFormTitle(_ k: String) -> Bool {
    guard k.count >= 5, k.count <= 40, k.has("绩效") else { return false }
    let core = k.hasSuffix(")") ? String(k[..<(k.lastIndex(of: "(") ?? k.endIndex)]) : k
    return core.hasSuffix("表") && !core.hasSuffix("指标")
  }

  /// Page furniture of web pages and document sites: after it, no table goes on.
  static let furniture = [
    "扫码", "下载APP", "联系客服", "返回顶部", "qrcode", "关注微信", "分享到", "关闭窗口", "浏览次数", "浏览量",
    "责任编辑", "上一篇", "下一篇", "相关链接", "版权所有", "网站地图", "主办单位", "【字体", "字号:", "打印本页",
    "收藏本页", "点击次数", "阅读次数", "下载本文档", "还剩", "继续阅读", "〈meta", "<meta",
  ]

  /// Words a target opens with: a cell that starts with one is a value, however long.
  static let signWords = [
    "≥", "≤", ">", "<", "=", "＞", "＜", "＝", "≧", "≦", "═", "至少", "不低于", "不少于", "不高于", "不超过", "大于",
    "小于", "高于", "低于", "达到", "控制在", "约",
  ]

  static let opWords: Set<String> = [
    "≥", "≤", "=", ">", "<", "＞", "＜", "＝", "﹦", "═", ">=", "<=", "≧", "≦", "定性", "定量", "正向", "反向",
    "正向指标", "反向指标", "定量指标", "定性指标", "大于等于", "小于等于", "大于", "小于", "等于", "不低于",
    "不高于", "不少于", "不多于", "不超过", "≈", "~", "约", "区间",
  ]

  /// A comparison written alone.
  public static func isOp(_ k: String) -> Bool { opWords.contains(k) }

  /// Digits with at most one decimal point (and thousands commas).
  public static func isNumber(_ k: String) -> Bool {
    var digits = 0
    var dots = 0
    for ch in k {
      if ch.isASCII && ch.isNumber {
        digits += 1
      } else if ch == "." {
        dots += 1
      } else if ch != "," {
        return false
      }
    }
    return digits > 0 && dots <= 1 && digits <= 12
  }

  static let unitWords: Set<String> = [
    "百分比", "百分率", "%", "％", "‰", "元", "万元", "亿元", "个", "次", "人", "人次",
    "户", "天", "日", "月", "年", "小时", "件", "项", "处", "所", "名", "场", "篇", "期", "份", "台", "辆", "套", "座",
    "公里", "千米", "米", "平方米", "亩", "万亩", "公顷", "吨", "批", "家", "本", "册", "条", "种", "株", "棵", "头",
    "只", "批次", "课时", "学时", "分", "元/人", "元/年", "人/次", "km", "m", "个月", "周", "季度", "万人", "万人次",
    "千瓦", "立方米", "万立方米", "万平方米", "平方公里", "所/个", "张", "部", "门", "册/件",
  ]

  /// A unit written alone (`%`, `万元`, `人次`).
  public static func isUnit(_ k: String) -> Bool {
    if unitWords.contains(k) { return true }
    // A unit with a scale before it (`万起`, `千人次`; the scale is a numeral to `isNumber`).
    if let first = k.first, "万千亿".contains(first), k.count >= 2 {
      return isUnit(String(k.dropFirst()))
    }
    guard k.count <= 6, !k.contains(where: { $0.isNumber }) else { return false }
    let v = ValueParser.parse("1" + k)
    return v.kind == .comparison && v.unit == k
  }

  /// True when the value parser reads the text as a comparison, range, deadline or frequency
  /// with nothing left over, or as one of those from short text.
  public static func looksLikeValue(_ text: String) -> Bool {
    guard text.contains(where: { $0.isNumber }) || text.has("底") || text.has("前") else {
      return false
    }
    let v = ValueParser.parse(text)
    let k = LabelFolding.key(text)
    switch v.kind {
    case .comparison, .range, .deadline, .frequency:
      if signWords.contains(where: { k.hasPrefix($0) }) { return true }
      return (v.unparsed ?? []).isEmpty && v.subject.map { $0.count <= 2 } ?? true
        || LabelFolding.key(text).count <= 8
    case .qualitative, .multiple, .empty:
      return false
    }
  }
}
