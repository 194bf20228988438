import TablemendModel
import TablemendVocabulary

/// Rebuilds the rows of an indicator block from a stream of cells with no row breaks and no
/// empty cells (mammoth's raw text, web pages with one cell per paragraph).
///
/// The header (from 一级指标 up to the first label) gives the columns: one or more period
/// groups of 二级 | 三级 | value columns (指标值, 绩效标准 …). Sub-header words are reduced to
/// the columns the rows fill: `近两年指标值` gives way to `上年` / `前年` under it, `指标值` to
/// `预期当年实现值`, and earlier values come first, then the target, then the rest (依据,
/// 标准). A row is an optional 一级 label, then per group an optional 二级 label, a 三级 and
/// its values: the first cell after a 三级 is its value; further cells stay in the row while
/// they read as values or standards (a number, a comparison, `…标准`), never a `指标 N：`
/// item or a label.
public struct IndicatorStream: Sendable {
  /// One period group's columns.
  struct Group: Sendable {
    var level2: Int
    var level3: Int
    var slots: [Int]
  }

  /// The header cells, reduced to the columns the rows fill.
  public var header: [TextCell]
  var level1: Int
  var groups: [Group]
  /// Columns named as values (指标值, 实际完成值, 上年 …), not standards or notes.
  var valueColumns: Set<Int> = []
  var width: Int { header.count }

  /// Reads the header cells (a block label first when there is one).
  public init?(header raw: [TextCell]) {
    let texts = raw.map { squeezed($0.text) }
    guard let l1 = texts.firstIndex(where: { $0.hasPrefix("一级指标") }) else { return nil }
    // Reduce sub-header words per group to the columns rows fill.
    var cells = Array(raw[...l1])
    var groups: [Group] = []
    var k = l1 + 1
    while k < raw.count {
      guard texts[k].hasPrefix("二级指标") else {
        k += 1
        continue
      }
      let l2 = k
      var end = k + 1
      while end < raw.count, !texts[end].hasPrefix("二级指标") { end += 1 }
      let l3 = (l2 + 1..<end).first { texts[$0].hasPrefix("三级指标") || texts[$0] == "指标内容" }
      let rest = l3.map { Array(raw[($0 + 1)..<end]) } ?? []
      let level2Column = cells.count
      cells.append(raw[l2])
      cells.append(l3.map { raw[$0] } ?? TextCell(text: "三级指标", location: raw[l2].location))
      let slotsStart = cells.count
      cells += Self.leaves(rest)
      groups.append(
        Group(
          level2: level2Column, level3: level2Column + 1,
          slots: Array(slotsStart..<max(slotsStart + 1, cells.count))))
      if cells.count == slotsStart {
        cells.append(TextCell(text: "指标值", location: raw[l2].location))
      }
      k = end
    }
    guard !groups.isEmpty else { return nil }
    for group in groups {
      for slot in group.slots where slot < cells.count {
        let t = squeezed(cells[slot].text)
        if t.hasSuffix("值") || t.hasSuffix("完成情况") || Self.historyWords.contains(t) {
          valueColumns.insert(slot)
        }
      }
    }
    header = cells
    level1 = l1
    self.groups = groups
  }

  static let historyWords = ["上年", "前年", "上上年", "历史值", "上年实际值"]
  static let targetWords = ["预期当年实现值", "年度指标值", "目标值", "当年"]

  /// The value columns under a group's header words, in the order rows fill them.
  static func leaves(_ words: [TextCell]) -> [TextCell] {
    let texts = words.map { squeezed($0.text) }
    let hasHistoryLeaf = texts.contains { t in historyWords.contains(t) || isYear(t) }
    let hasTargetLeaf = texts.contains { targetWords.contains($0) }
    var history: [TextCell] = []
    var target: [TextCell] = []
    var other: [TextCell] = []
    for (word, t) in zip(words, texts) {
      if t == "近两年指标值" && hasHistoryLeaf { continue }
      if t == "指标值" && hasTargetLeaf && hasHistoryLeaf { continue }
      if historyWords.contains(t) || isYear(t) || t == "近两年指标值" {
        history.append(word)
      } else if targetWords.contains(t) || t.hasSuffix("指标值") || t.hasSuffix("目标值") {
        target.append(word)
      } else {
        other.append(word)
      }
    }
    return history.isEmpty ? words : history + target + other
  }

  static func isYear(_ t: String) -> Bool {
    t.count <= 8 && t.prefix(4).allSatisfy(\.isNumber) && t.dropFirst(4).hasPrefix("年")
  }

  /// True for a cell that opens a header: 一级指标, or a block label right before it.
  public static func opensHeader(_ cells: [TextCell], _ i: Int) -> Bool {
    let s = squeezed(cells[i].text)
    if s.hasPrefix("一级指标") { return true }
    guard i + 1 < cells.count, isBlockLabel(s) else { return false }
    return squeezed(cells[i + 1].text).hasPrefix("一级指标")
  }

  /// 绩效指标, 长期绩效指标, 年度绩效指标 …
  static func isBlockLabel(_ s: String) -> Bool {
    s.count <= 10 && s.hasSuffix("绩效指标")
  }

  /// True for a 一级 or 二级 label.
  public static func isLabel(_ text: String) -> Bool {
    LevelLabels.isFullLevel1(text) || LevelLabels.isFullLevel2(text)
  }

  /// True for a cell that starts another form: its title (`财政项目支出绩效目标填报表`,
  /// `项目支出绩效自评表（2022年度）`) or its first field (`项目名称`).
  static func opensForm(_ s: String) -> Bool {
    if s == "项目名称" || s == "部门名称" || s.hasPrefix("项目名称:") || s.hasPrefix("项目名称：") {
      return true
    }
    return isFormTitle(s)
  }

  /// True for a form's title: `财政项目支出绩效目标填报表`, `部门整体绩效目标申报表`,
  /// `项目支出绩效自评表（2022年度）`.
  public static func isFormTitle(_ s: String) -> Bool {
    guard s.count <= 30 else { return false }
    let core = s.split(whereSeparator: { $0 == "(" || $0 == "（" }).first.map(String.init) ?? s
    return ["目标表", "填报表", "申报表", "自评表", "评价表"].contains { core.hasSuffix($0) }
      && core.contains("绩效")
  }

  /// `指标1：…`, `指标 2:` — a numbered 三级 item.
  public static func isNumberedItem(_ text: String) -> Bool {
    let s = squeezed(text)
    guard s.hasPrefix("指标"), let c = s.dropFirst(2).first else { return false }
    return c.isNumber
  }

  /// A cell that can follow a row's value: another value or a standard.
  static func looksLikeSlot(_ text: String) -> Bool {
    let s = squeezed(text)
    if isNumberedItem(s) { return false }
    if ComparisonWords.opensValue(s) { return true }
    if s.hasSuffix("标准") || s.hasSuffix("依据") { return true }
    return s.count <= 12 && s.contains { $0.isNumber }
  }

  /// The block's rows from `cells[start...]`, each as wide as the header; returns where the
  /// block ends (a new header, a block ender, or the end of the stream).
  func rows(_ cells: [TextCell], from start: Int) -> (rows: [[TextCell]], end: Int) {
    var out: [[TextCell]] = []
    var i = start
    var level1Text: String?
    // The 一级 the last 二级 belongs to, for a stream whose 一级 labels come after their rows
    // (pdftotext's reading order prints a label merged over rows once they are done).
    var impliedLevel1: String?
    func stops(_ k: Int) -> Bool {
      let s = squeezed(cells[k].text)
      return Self.opensHeader(cells, k)
        || RowPlacement.blockEnders.contains { s.hasPrefix($0) }
        || Self.opensForm(s)
    }
    while i < cells.count, !stops(i) {
      let before = i
      let location = cells[i].location
      var row = Array(repeating: TextCell(text: "", location: location), count: width)
      let first = cells[i].text
      let next = i + 1 < cells.count ? cells[i + 1].text : nil
      let asLevel1 =
        RowPlacement.isAmbiguous(first)
        ? !RowPlacement.ambiguousIsLevel2(
          first, next: next, level1: level1Text ?? impliedLevel1)
        : LevelLabels.isFullLevel1(first)
      if asLevel1 {
        row[level1] = cells[i]
        level1Text = first
        i += 1
      }
      for group in groups {
        guard i < cells.count, !stops(i) else { break }
        if LevelLabels.isFullLevel2(cells[i].text) {
          row[group.level2] = cells[i]
          let label = LabelFolding.withoutScore(squeezed(cells[i].text))
          let parents = LevelLabels.acceptedParents(ofLevel2: label)
          if parents.count == 1 { impliedLevel1 = parents.first }
          i += 1
        }
        guard i < cells.count, !stops(i), !Self.isLabel(cells[i].text) else { break }
        row[group.level3] = cells[i]
        i += 1
        for (k, slot) in group.slots.enumerated() {
          guard i < cells.count, !stops(i) else { break }
          let text = cells[i].text
          if Self.isLabel(text) || Self.isNumberedItem(text) { break }
          // After the value, a free-text cell fills a value column (实际完成值, 预期当年实现值)
          // but not a standard's: there it more likely opens the next row.
          if k > 0 && !Self.looksLikeSlot(text) && !valueColumns.contains(slot) { break }
          row[slot] = cells[i]
          i += 1
        }
      }
      if i == before {
        // Nothing matched (a stray label): keep the cell in a row of its own.
        row[groups[0].level3] = cells[i]
        i += 1
      }
      while row.count > 1, row.last?.text.isEmpty == true { row.removeLast() }
      out.append(row)
    }
    return (out, i)
  }
}
