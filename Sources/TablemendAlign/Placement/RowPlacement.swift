import TablemendModel
import TablemendVocabulary

/// A cell's text and where it starts, before alignment.
public struct TextCell: Sendable, Hashable {
  /// The cell's text as the dialect read it.
  public var text: String
  /// Where the cell starts in the source.
  public var location: Location

  public init(text: String, location: Location) {
    self.text = text
    self.location = location
  }
}

/// Puts the cells of web-page exports back into columns, using the indicator vocabulary.
///
/// Web pages drop the cells hidden under vertical merges: a row under 产出指标 / 数量指标
/// starts with its 三级指标. After an indicator header row (一级指标 二级指标 三级指标 …),
/// a row starting with a known 一级 label is placed at the 一级 column, one starting with a
/// known 二级 label at the 二级 column, any other at the 三级 column; the columns left of
/// it are filled with empty cells, which the grid stage reads as vertical merges.
public enum RowPlacement {
  /// Words that end an indicator block (a total row, the conclusions under the table).
  public static let blockEnders = ["合计", "总分", "评价结论", "存在问题", "改进措施", "注:", "注：", "财政部门"]

  /// Joins label fragments and squeezes spaced-out labels in one row's cells.
  public static func normalise(_ cells: [TextCell]) -> [TextCell] {
    var out: [TextCell] = []
    var k = 0
    for (index, cell) in cells.enumerated() {
      // A run of single CJK characters (a vertical label, one character per paragraph).
      if index < k { continue }
      var end = index
      while end < cells.count, cells[end].text.count == 1,
        cells[end].text.first.map(isCJK) == true
      {
        end += 1
      }
      if end - index >= 2 {
        let word = cells[index..<end].map(\.text).joined()
        out.append(TextCell(text: word, location: cell.location))
        k = end
        continue
      }
      // Three paragraphs that make one known label (`可持续` `影响` `指标`).
      if index + 3 <= cells.count {
        let parts = cells[index..<(index + 3)].map { squeezed($0.text) }
        let word = parts.joined()
        if !parts.contains(where: \.isEmpty), isKnownLabel(word), !isKnownLabel(parts[0]) {
          out.append(TextCell(text: word, location: cell.location))
          k = index + 3
          continue
        }
      }
      var text = cell.text.trimmingSpaces()
      let tight = squeezed(text)
      if tight != text, isKnownLabel(tight) { text = tight }
      if let last = out.last, shouldJoin(last.text, text) {
        out[out.count - 1].text = last.text + squeezed(text)
        continue
      }
      out.append(TextCell(text: text, location: cell.location))
    }
    return out
  }

  public static func isKnownLabel(_ s: String) -> Bool {
    let bare = LabelFolding.withoutScore(s)
    return LevelLabels.isFullLevel1(bare) || LevelLabels.isFullLevel2(bare)
      || ["一级指标", "二级指标", "三级指标"].contains(bare)
      || ["绩效指标", "总体目标", "年度目标", "指标值", "绩效目标", "绩效标准"].contains(bare)
  }

  /// True when `next` continues the label `previous` (`社会效益` + `指标`, `指标` + `(50分)`).
  static func shouldJoin(_ previous: String, _ next: String) -> Bool {
    let p = squeezed(previous)
    let n = squeezed(next)
    if LevelLabels.isLabelTail(n), !p.hasSuffix("标"), LevelLabels.isLabelHead(p) {
      return true
    }
    if LevelLabels.isLabelHead(p), isKnownLabel(p + n) { return true }
    if n.hasPrefix("("), n.hasSuffix("分)"), LabelFolding.isScoreNote(n),
      p.hasSuffix("指标")
    {
      return true
    }
    return false
  }

  /// Whether a label that is both a 一级 and a 二级 word (成本指标, 满意度指标) is a 二级
  /// here: not when a 二级 label follows it; yes under a 一级 it belongs to.
  static func ambiguousIsLevel2(_ label: String, next: String?, level1: String?) -> Bool {
    if let next, LevelLabels.isFullLevel2(next) { return false }
    let s = LabelFolding.withoutScore(squeezed(label))
    guard let level1 = level1.map({ squeezed($0) }) else { return false }
    if s == "成本指标" { return level1.hasPrefix("产出") || level1.hasPrefix("项目完成") }
    return level1.hasPrefix("满意度")
  }

  static func isAmbiguous(_ text: String) -> Bool {
    LevelLabels.isFullLevel1(text) && LevelLabels.isFullLevel2(text)
  }

  /// The header's columns: where 一级, 二级 and 三级 sit and how wide the table is.
  public struct Header {
    var level1: Int
    var level2: Int
    var level3: Int
    var width: Int
    /// Every column headed 二级指标 (one per period group printed side by side).
    var level2Columns: [Int] = []
  }

  public static func header(_ cells: [TextCell]) -> Header? {
    let texts = cells.map { squeezed($0.text) }
    guard let l1 = texts.firstIndex(where: { $0.hasPrefix("一级指标") }),
      let l2 = texts.firstIndex(where: { $0.hasPrefix("二级指标") }), l2 > l1
    else { return nil }
    let l3 = texts.firstIndex { $0.hasPrefix("三级指标") || $0.hasPrefix("指标内容") } ?? l2 + 1
    return Header(
      level1: l1, level2: l2, level3: l3, width: max(cells.count, l3 + 2),
      level2Columns: texts.indices.filter { texts[$0].hasPrefix("二级指标") })
  }

  /// Rows with known row breaks (one table row per line or per record), aligned.
  public static func align(_ rows: [[TextCell]]) -> [PlacedRow] {
    var out: [PlacedRow] = []
    var current: Header?
    var shifted = false  // 实施效果指标 above 产出指标: 一级 words sit in the 二级 column
    var level1: String?
    var headerRow: (index: Int, cells: [TextCell])?  // the header just read, while no row follows
    var k = 0
    while k < rows.count {
      var cells = normalise(rows[k])
      k += 1
      guard let lead = cells.first else { continue }
      if var h = header(cells) {
        // Sub-header rows under it (`近两年指标值 | 指标值确定依据`, `上年 | 预期当年实现值`) are
        // read into one header row with the columns the data rows fill.
        var words = cells
        while k < rows.count, case let next = normalise(rows[k]), !next.isEmpty,
          next.allSatisfy({ HeaderFragments.isFragment($0.text) })
        {
          words += next
          k += 1
        }
        if words.count > cells.count, let folded = IndicatorStream(header: words)?.header,
          let refolded = header(folded)
        {
          cells = folded
          h = refolded
        }
        current = h
        shifted = false
        headerRow = (out.count, cells)
        out.append(rawRow(cells, startingAt: 0))
        continue
      }
      // A block label leading the row after the header (`绩效指标`, a vertical label that
      // reading order prints once the header is done) is the header row's first column.
      if let read = headerRow, var h = current, h.level1 == 0,
        IndicatorStream.isBlockLabel(squeezed(lead.text))
      {
        out[read.index] = rawRow([lead] + read.cells, startingAt: 0)
        h.level1 += 1
        h.level2 += 1
        h.level3 += 1
        h.width += 1
        h.level2Columns = h.level2Columns.map { $0 + 1 }
        current = h
        cells.removeFirst()
      }
      headerRow = nil
      guard let first = cells.first else { continue }
      if current == nil, cells.count >= 4, LevelLabels.isFullLevel1(first.text),
        LevelLabels.isFullLevel2(cells[1].text)
      {
        current = Header(level1: 0, level2: 1, level3: 2, width: cells.count)
      }
      if blockEnders.contains(where: { squeezed(first.text).hasPrefix($0) }) {
        current = nil
      }
      guard let h = current else {
        out.append(rawRow(cells, startingAt: 0))
        continue
      }
      let column: Int
      let firstText = squeezed(first.text)
      let isScore = firstText.hasPrefix("(") && LabelFolding.isScoreNote(firstText)
      if cells.count >= 2, LevelLabels.isFullLevel1(first.text),
        LevelLabels.isFullLevel1(cells[1].text), !LevelLabels.isFullLevel2(cells[1].text)
      {
        shifted = true
      }
      if let columns = groupColumns(cells, h, shifted: shifted) {
        if LevelLabels.isFullLevel1(first.text) { level1 = first.text }
        out.append(rawRow(cells, at: columns))
        continue
      }
      let processWords = ["实施效果指标", "过程管理指标"]
      let next = cells.count > 1 ? cells[1].text : nil
      if firstText.isEmpty {
        column = 0  // already aligned (rebuilt from a stream)
      } else if isScore || (shifted && processWords.contains(firstText)) {
        column = h.level1
      } else if isAmbiguous(first.text) && !shifted {
        column =
          ambiguousIsLevel2(first.text, next: next, level1: level1) ? h.level2 : h.level1
      } else if LevelLabels.isFullLevel1(first.text) && !shifted {
        column = h.level1
      } else if LevelLabels.isFullLevel2(first.text)
        || (shifted && LevelLabels.isFullLevel1(first.text))
      {
        column = h.level2
      } else if cells.count >= h.width {
        column = 0
      } else if h.level2Columns.count > 1,
        case let open = (h.level3..<h.width).filter({ !h.level2Columns.contains($0) }),
        cells.count <= open.count,
        cells.count > open.filter({ $0 < h.level2Columns[1] }).count
      {
        // Period groups side by side, every 二级 label covered, and more cells than the first
        // group holds (trailing empty cells may be gone): the cells fill the columns that are
        // not 二级 ones.
        out.append(rawRow(cells, at: open))
        continue
      } else {
        column = max(0, min(h.level3, h.width - cells.count))
      }
      if column == h.level1 { level1 = first.text }
      out.append(rawRow(cells, startingAt: column))
    }
    return out
  }

  /// Columns for a row of period groups printed side by side when empty cells are gone
  /// (`数量指标 指标1：… 值 数量指标 指标1：… 值`, its 绩效标准 cells empty): each group starts
  /// at its 二级 label or at a numbered 三级 item (`指标2：…`) once the group before has its
  /// 三级, and its other cells follow in its own columns. Nil when the header has one group,
  /// or the row shows no second group's start.
  static func groupColumns(_ cells: [TextCell], _ h: Header, shifted: Bool) -> [Int]? {
    guard h.level2Columns.count > 1, !shifted else { return nil }
    let starts = h.level2Columns
    var columns: [Int] = []
    var group = -1
    var next = 0  // next free column
    var hasLevel3 = false
    for (i, cell) in cells.enumerated() {
      let text = cell.text
      if i == 0, LevelLabels.isFullLevel1(text), !LevelLabels.isFullLevel2(text) {
        columns.append(h.level1)
        continue
      }
      if LevelLabels.isFullLevel2(text) {
        guard group + 1 < starts.count else { return nil }
        group += 1
        columns.append(starts[group])
        next = starts[group] + 1
        hasLevel3 = false
        continue
      }
      if group < 0 || (IndicatorStream.isNumberedItem(text) && hasLevel3) {
        guard group + 1 < starts.count else { return nil }
        group += 1
        next = starts[group] + 1
        hasLevel3 = false
      }
      // The cell stays inside its group.
      guard next < (group + 1 < starts.count ? starts[group + 1] : h.width) else { return nil }
      columns.append(next)
      hasLevel3 = true
      next += 1
    }
    // Only rows that reach a second group are placed here.
    guard group >= 1, zip(columns, columns.dropFirst()).allSatisfy({ $0 < $1 }),
      columns.allSatisfy({ $0 < h.width })
    else { return nil }
    return columns
  }

  /// A row whose cells go to `columns` (one each, increasing).
  static func rawRow(_ cells: [TextCell], at columns: [Int]) -> PlacedRow {
    let location = cells.first?.location ?? Location(line: 1, column: 1)
    let placed = zip(cells, columns).map { cell, column in
      PlacedCell(text: cell.text, location: cell.location, column: column, columnSpan: 1)
    }
    return PlacedRow(cells: placed, location: location)
  }

  /// A row whose first cell goes to `column`, with empty cells before it.
  static func rawRow(_ cells: [TextCell], startingAt column: Int) -> PlacedRow {
    let location = cells.first?.location ?? Location(line: 1, column: 1)
    let hinted = column > 0 || cells.first?.text.isEmpty == true
    var placed: [PlacedCell] = (0..<column).map {
      PlacedCell(text: "", location: location, column: $0)
    }
    for (i, cell) in cells.enumerated() {
      placed.append(
        PlacedCell(
          text: cell.text, location: cell.location, column: hinted ? column + i : nil))
    }
    return PlacedRow(cells: placed, location: location)
  }

  /// Rows rebuilt from a stream of cells with no row breaks (blank-line-separated cells).
  ///
  /// Before an indicator header, a cell ending in a field word or a colon starts a row;
  /// after it, a 一级 or 二级 label starts a row, and a 三级 follows a full row.
  public static func rowsFromStream(_ stream: [TextCell]) -> [[TextCell]] {
    let cells = normalise(stream)
    var rows: [[TextCell]] = []
    var row: [TextCell] = []
    var header: Header?
    var column = 0  // next column of `row` in the indicator block
    var level1: String?
    var i = 0
    func flush() {
      if !row.isEmpty { rows.append(row) }
      row = []
    }
    while i < cells.count {
      let cell = cells[i]
      let squeezed = squeezed(cell.text)
      if IndicatorStream.opensHeader(cells, i) {
        // The header runs to the first label; a block label just before it belongs to it.
        var j = i
        while j < cells.count, !IndicatorStream.isLabel(cells[j].text) { j += 1 }
        if let stream = IndicatorStream(header: Array(cells[i..<j])) {
          flush()
          rows.append(stream.header)
          let block = stream.rows(cells, from: j)
          rows += block.rows
          header = nil
          i = block.end
          continue
        }
      }
      if header == nil, squeezed.hasPrefix("一级指标") {
        // The header runs from 一级指标 to the first 一级 label.
        var j = i
        var headerCells: [TextCell] = []
        while j < cells.count, !LevelLabels.isFullLevel1(cells[j].text) {
          headerCells.append(cells[j])
          j += 1
        }
        if row.count == 1 { headerCells.insert(row[0], at: 0) } else { flush() }
        row = []
        if let h = Self.header(headerCells) {
          header = h
          rows.append(headerCells)
          i = j
          column = h.width
          continue
        }
        row = headerCells
        i = j
        continue
      }
      guard let h = header else {
        if isFieldLabel(cell.text) { flush() }
        row.append(cell)
        i += 1
        continue
      }
      if blockEnders.contains(where: { squeezed.hasPrefix($0) }) {
        flush()
        header = nil
        row.append(cell)
        i += 1
        continue
      }
      let empty = TextCell(text: "", location: cell.location)
      let next = i + 1 < cells.count ? cells[i + 1].text : nil
      let asLevel1 =
        isAmbiguous(cell.text)
        ? column != h.level2 && !ambiguousIsLevel2(cell.text, next: next, level1: level1)
        : LevelLabels.isFullLevel1(cell.text)
      if asLevel1 {
        level1 = cell.text
        flush()
        row = Array(repeating: empty, count: h.level1) + [cell]
        column = h.level1 + 1
      } else if LevelLabels.isFullLevel2(cell.text) {
        if column != h.level2 {
          flush()
          row = Array(repeating: empty, count: h.level2)
        }
        row.append(cell)
        column = h.level2 + 1
      } else {
        if column >= h.width
          || (column > h.level3 + 2 && !ComparisonWords.opensValue(cell.text))
        {
          flush()
          row = Array(repeating: empty, count: h.level3)
          column = h.level3
        }
        while column < h.level3 {
          row.append(empty)
          column += 1
        }
        row.append(cell)
        column += 1
      }
      i += 1
    }
    flush()
    return rows
  }

  /// Words that name a form field (and so start a row) in a stream of cells.
  public static func isFieldLabel(_ text: String) -> Bool {
    let s = squeezed(text)
    guard s.count <= 16 else { return false }
    if s.hasSuffix("：") || s.hasSuffix(":") { return true }
    let words = [
      "项目名称", "项目负责人", "主管部门", "实施单位", "资金情况", "其中", "其他资金", "总体目标",
      "绩效指标", "预算单位", "项目资金",
    ]
    return words.contains { s.hasPrefix($0) }
  }
}
