import TablemendModel
import TablemendValues
import TablemendVocabulary

/// The first 一级 and 二级 labels of a block that held labels but no indicator: the labels of
/// the rows that follow when a PDF's text was read column by column.
struct PendingLabels {
  var level1 = ""
  var level2 = ""

  init() {}

  /// These labels, with `other`'s where these have none.
  func adding(_ other: PendingLabels) -> PendingLabels {
    var out = self
    if out.level1.isEmpty { out.level1 = other.level1 }
    if out.level2.isEmpty { out.level2 = other.level2 }
    return out
  }

  init(_ cells: [StreamCell]) {
    for cell in cells {
      if level1.isEmpty, cell.kind == .level1 { level1 = LabelFolding.display(cell.text) }
      if level2.isEmpty, cell.kind == .level2 || cell.kind == .eitherLevel {
        level2 = LabelFolding.display(cell.text)
      }
    }
  }
}

/// The indicators of one block that `IndicatorAligner` read.
public struct AlignedBlock: Sendable, Hashable {
  /// The indicators, in order.
  public var indicators: [Indicator]
  /// The columns the block was read with.
  public var template: IndicatorTemplate
  /// What was guessed: rows whose 一级/二级 were inherited or inferred, cells dropped.
  public var diagnostics: [Diagnostic]
  /// Where the block starts.
  public var location: Location
  /// The aligned row each indicator was read from.
  var rows: [Int] = []
  /// The header row's cells as printed (empty when the block has no header).
  public var header: [StreamCell] = []
  /// The cells placed in each aligned row, by template column (a column placed twice holds the
  /// texts joined).
  public var grid: [[Int: StreamCell]] = []
  /// Where the block's first cell (its header, or its first row) starts.
  public var start = Location(line: 1, column: 1)
  /// Where the block's last cell starts.
  public var end = Location(line: 1, column: 1)
}

/// Reads indicator blocks from any flattened text: cells from `CellStreamReader`, blocks found
/// by their header rows (or, in an excerpt with no header, by their first level label or
/// first row holding a value), and rows placed by `RowAligner`.
public enum IndicatorAligner {
  /// Every indicator block in `text`.
  public static func blocks(in text: String) -> [AlignedBlock] {
    let stream = CellStreamReader.read(text)
    var out: [AlignedBlock] = []
    var pending = PendingLabels()
    forEachBlock(stream) { found in
      guard let slice = found.slice, let placements = found.placements else { return }
      let periods = periods(before: stream.cells, found, found.template)
      var block = read(
        slice, placements: placements, template: found.template, pending: pending,
        periods: periods)
      block.header = Array(stream.cells[found.headerStart..<found.dataStart])
      // Rows right under a header before any label: the label is centred over them. (An
      // excerpt without a header may start inside a span whose label was cut off.)
      if !block.header.isEmpty {
        let (centred, notes) = CentredLabels.backfill(block.indicators)
        block.indicators = centred
        block.diagnostics += notes
      }
      block.end = stream.cells[found.end - 1].location
      // The block starts with its header, or with a block label or two printed before the
      // header on its line (`绩效指标 | 一级指标 | …`).
      let start = found.headerStart
      let line = stream.cells[start].location.line
      var k = start
      while k > 0, stream.cells[k - 1].location.line == line, start - k < 2 { k -= 1 }
      if k == 0 || stream.cells[k - 1].location.line != line {
        // The block's line is all its own: it starts at the line's start.
        block.start = Location(line: line, column: 1)
      } else {
        block.start = stream.cells[start].location
      }
      if !block.indicators.isEmpty { out.append(block) }
      pending = block.indicators.isEmpty ? pending.adding(PendingLabels(slice)) : PendingLabels()
    }
    // Statements in prose (`名称:指标值为“…”`), where no table block covers their lines.
    if let statements = StatementReader.block(in: text),
      !out.contains(where: {
        $0.start.line <= statements.end.line && statements.start.line <= $0.end.line
      })
    {
      out.append(statements)
      out.sort { $0.start < $1.start }
    }
    return out
  }

  /// One block as the walk over a cell stream finds it.
  struct FoundBlock {
    /// Where the search for it started, where its data starts and ends.
    var from, dataStart, end: Int
    /// Where its header starts (header cells, and the fillers among them, before `dataStart`);
    /// `dataStart` when it has none.
    var headerStart: Int
    var template: IndicatorTemplate
    /// The data cells (tier labels demoted) and their placements; nil when the block is empty
    /// or its header is not modelled.
    var slice: [StreamCell]?
    var placements: [RowAligner.Placement?]?
  }

  /// Calls `body` with every block of `stream` in order, aligned: the one walk `blocks(in:)`
  /// and `trace(_:)` share.
  static func forEachBlock(_ stream: CellStream, _ body: (FoundBlock) -> Void) {
    let cells = stream.cells
    var i = 0
    while i < cells.count {
      guard let (template, dataStart) = nextBlock(cells, from: i) else { break }
      let end = blockEnd(cells, from: dataStart)
      var headerStart = dataStart
      while headerStart > i, AlignedHeader.isHeaderish(cells[headerStart - 1]) { headerStart -= 1 }
      var found = FoundBlock(
        from: i, dataStart: dataStart, end: end, headerStart: headerStart, template: template)
      if dataStart < end, template != .unsupported {
        let slice = WeightUnits.split(
          LevelLabels.demotingUnderTiers(Array(cells[dataStart..<end])), for: template)
        found.slice = slice
        found.placements = RowAligner(template: template, linesAreRows: stream.linesAreRows)
          .align(slice)
      }
      body(found)
      i = max(end, dataStart + 1)
    }
  }

  /// The template and first data cell of the next block at or after `from`.
  static func nextBlock(_ cells: [StreamCell], from: Int) -> (IndicatorTemplate, Int)? {
    var i = from
    while i < cells.count {
      let kind = cells[i].kind
      if kind.isLevelHeader {
        // The header row: header cells (and fillers) from here, with the ones just before.
        var start = i
        while start > from, isHeaderish(cells[start - 1]) { start -= 1 }
        var end = i
        while end < cells.count, isHeaderish(cells[end]) { end += 1 }
        let header = HeaderLines.merge(Array(cells[start..<end]))
        if let template = IndicatorTemplate.from(header: header) { return (template, end) }
        // A header this aligner does not model (period groups side by side): its block is left
        // to the grid reading.
        return (.unsupported, end)
      }
      if isLevel(kind)
        || (cells[i].rowBreak == .strong && rowHoldsValue(cells, i) && labelFollows(cells, i))
        || signedItemsFollow(cells, i)
      {
        return (.headerless, i)
      }
      i += 1
    }
    return nil
  }

  static func isHeaderish(_ cell: StreamCell) -> Bool { AlignedHeader.isHeaderish(cell) }
}

/// Which cells belong to a header row.
enum AlignedHeader {
  static func isHeaderish(_ cell: StreamCell) -> Bool {
    if case .header = cell.kind { return true }
    return cell.kind == .filler || HeaderLines.isPrefix(cell.text)
  }
}

extension IndicatorAligner {

  static func isLevel(_ kind: CellKind) -> Bool {
    kind == .level1 || kind == .level2 || kind == .eitherLevel
  }

  /// True when the row starting at `i` has a name and then a value within its next cells.
  static func rowHoldsValue(_ cells: [StreamCell], _ i: Int) -> Bool {
    guard cells[i].kind == .text || cells[i].kind == .shortText else { return false }
    var j = i + 1
    while j < cells.count, j <= i + 3, cells[j].rowBreak != .strong {
      if cells[j].kind == .value || cells[j].kind == .op { return true }
      j += 1
    }
    return false
  }

  /// True when three names or more, each followed by a target written with a sign, start at
  /// `i` (`道路硬化` `≥0.565km` `验收合格率` `≥100%` `满意度` `≥96%`): the items of a paragraph
  /// that lists a project's targets, with no header and no level label.
  static func signedItemsFollow(_ cells: [StreamCell], _ i: Int) -> Bool {
    var j = i
    var items = 0
    while j + 1 < cells.count, cells[j].kind == .text || cells[j].kind == .shortText,
      cells[j + 1].kind == .value, let first = LabelFolding.key(cells[j + 1].text).first,
      "≥≤><=≧≦".contains(first)
    {
      items += 1
      j += 2
    }
    return items >= 3
  }

  /// True when a level label follows within the next twelve cells: rows of an excerpt that
  /// starts mid-table, not a page's label/value lines.
  static func labelFollows(_ cells: [StreamCell], _ i: Int) -> Bool {
    cells[(i + 1)..<min(cells.count, i + 13)].contains { isLevel($0.kind) }
  }

  /// Where the block that starts at `from` ends: a closing row, a new header row, or prose.
  static func blockEnd(_ cells: [StreamCell], from: Int) -> Int {
    var i = from
    while i < cells.count {
      let cell = cells[i]
      switch cell.kind {
      case .closing: return i
      case .header(let role) where [.level1, .level2, .level3].contains(role): return i
      case .header where startsHeader(cells, i): return i
      case .text, .shortText:
        // Prose that starts a line ends the table; prose after other cells on its line is a
        // row's note (评分标准, 指标解释: `本指标满分6分,…达9个得6分,…`).
        if isProse(cell.text), cell.rowBreak != .none || i == from { return i }
        // A period label before a new header row (年度绩效指标 | 一级指标 …).
        if startsHeader(cells, i), LabelFolding.key(cell.text).hasSuffix("指标") { return i }
      default: break
      }
      i += 1
    }
    return cells.count
  }

  /// The period a label just before the block's header names (长期绩效指标 → `long-term`,
  /// 中期 → `mid-term`); `annual` otherwise.
  static func period(before cells: [StreamCell], _ found: FoundBlock) -> String {
    for cell in cells[max(found.from, found.headerStart - 3)..<found.headerStart].reversed() {
      // The label, or the end of a run-together cell (`…改革。长期绩效指标`).
      let k = String(LabelFolding.key(cell.text).suffix(8))
      guard k.hasSuffix("指标") || k.hasSuffix("目标") || k.count <= 6 else { continue }
      if k.contains("长期") { return "long-term" }
      if k.contains("中期") { return "mid-term" }
      if k.contains("年度") || k.contains("当年") { return "annual" }
    }
    return "annual"
  }

  /// True when a level header (一级/二级/三级指标) follows within the next three cells.
  static func startsHeader(_ cells: [StreamCell], _ i: Int) -> Bool {
    cells[(i + 1)..<min(cells.count, i + 4)].contains { $0.kind.isLevelHeader }
  }

  /// A sentence rather than a cell: long, with sentence punctuation.
  static func isProse(_ text: String) -> Bool {
    guard text.count >= 40 else { return false }
    return text.count >= 80 || text.contains("。")
      || text.filter({ $0 == "，" || $0 == "," }).count >= 2
  }

  // MARK: Rows to indicators

  /// The periods of a block's groups: each group's own header word (中期指标值), else the
  /// periods the goals before the block name in order (中期目标 … 年度目标) when they name one
  /// per group, else mid-term, annual, long-term in turn. One group: the label before the
  /// header (`period(before:)`).
  static func periods(
    before cells: [StreamCell], _ found: FoundBlock, _ template: IndicatorTemplate
  ) -> [String] {
    let (from, dataStart) = (found.from, found.dataStart)
    let single = period(before: cells, found)
    guard template.groupCount > 1 else { return [single] }
    var named: [String] = []
    for cell in cells[max(from, dataStart - 120)..<dataStart] {
      let k = LabelFolding.key(cell.text)
      guard k.count <= 24, k.contains("目标") || k.contains("指标"),
        let p = PeriodWords.period(of: k), named.last != p
      else { continue }
      named.append(p)
    }
    let defaults = ["mid-term", "annual", "long-term"]
    return (0..<template.groupCount).map { g in
      let (group, _) = template.group(g)
      if let own = group.labels.lazy.compactMap({ PeriodWords.period(of: $0) }).first { return own }
      if named.count == template.groupCount { return named[g] }
      return defaults[min(g, defaults.count - 1)]
    }
  }

  static func read(
    _ cells: [StreamCell], placements: [RowAligner.Placement?], template: IndicatorTemplate,
    pending: PendingLabels = PendingLabels(), periods: [String] = ["annual"]
  )
    -> AlignedBlock
  {
    var rows: [[Int: StreamCell]] = []
    for (cell, placement) in zip(cells, placements) {
      guard let placement else { continue }
      while rows.count <= placement.row { rows.append([:]) }
      if let existing = rows[placement.row][placement.column] {
        var joined = existing
        joined.text += cell.text
        rows[placement.row][placement.column] = joined
      } else {
        rows[placement.row][placement.column] = cell
      }
    }
    let location = cells.first?.location ?? Location(line: 1, column: 1)
    guard template.groupCount > 1 else {
      var block = readRows(rows, template: template, pending: pending)
      for n in block.indicators.indices { block.indicators[n].period = periods.first ?? "annual" }
      block.location = location
      block.grid = rows
      return block
    }
    // Period groups side by side: each group read as a table of its own (its 二级 labels carried
    // down its own column), the indicators then in row order, the groups of a row in turn.
    var read: [(row: Int, group: Int, indicator: Indicator)] = []
    var diagnostics: [Diagnostic] = []
    for g in 0..<template.groupCount {
      let (groupTemplate, columns) = template.group(g)
      let groupRows = rows.map { row in
        var out: [Int: StreamCell] = [:]
        for (n, c) in columns.enumerated() { out[n] = row[c] }
        return out
      }
      let block = readRows(groupRows, template: groupTemplate, pending: pending)
      for (n, var indicator) in block.indicators.enumerated() {
        indicator.period = g < periods.count ? periods[g] : "annual"
        read.append((block.rows[n], g, indicator))
      }
      diagnostics += block.diagnostics
    }
    read.sort { ($0.row, $0.group) < ($1.row, $1.group) }
    var block = AlignedBlock(
      indicators: read.map(\.indicator), template: template, diagnostics: diagnostics,
      location: location)
    block.grid = rows
    return block
  }

  /// The indicators of one group's rows (column → cell), with the row each came from.
  static func readRows(
    _ placed: [[Int: StreamCell]], template: IndicatorTemplate, pending: PendingLabels
  ) -> AlignedBlock {
    var rows = placed
    var rowOf: [Int] = []
    // Labels a block of labels alone left before this one (text whose columns were read one
    // after the other: 一级指标 二级指标 数量指标 产出指标 … 三级指标 指标值 永安真武庙戏台 1处).
    var level1 = pending.level1
    var level2 = pending.level2
    var indicators: [Indicator] = []
    var diagnostics: [Diagnostic] = []
    let roles = template.roles
    for index in rows.indices {
      let row = rows[index]
      // A name alone on its row after a complete row is the rest of that name, wrapped: no
      // longer than the name's first line (a wrapped cell fills its first line), else it is a
      // row whose other cells a merged cell above covers.
      if row.count == 1, let only = row[template.nameColumn], index + 1 < rows.count,
        index > 0, let above = rows[index - 1][template.nameColumn],
        only.text.count <= above.text.count + 1,
        rows[index - 1].keys.contains(where: { $0 > template.nameColumn }),
        let last = indicators.indices.last, withoutNumbering(only.text) == only.text
      {
        indicators[last].level3 += only.text
        continue
      }
      // A name with nothing after it, and the next row a name with values but no labels: one
      // name wrapped over two lines (`保障机关事业单位编制实名` / `制管理工作透明度、公信力`).
      if let nameCell = row[template.nameColumn],
        !row.keys.contains(where: { $0 > template.nameColumn }),
        index + 1 < rows.count, let next = rows[index + 1][template.nameColumn],
        rows[index + 1][template.level1Column] == nil,
        rows[index + 1][template.level2Column] == nil,
        rows[index + 1].keys.contains(where: { $0 > template.nameColumn }),
        withoutNumbering(next.text) == next.text, next.location.line == nameCell.location.line + 1
      {
        if let l1 = row[template.level1Column] {
          level1 = LabelFolding.display(l1.text); level2 = ""
        }
        if let l2 = row[template.level2Column] { level2 = LabelFolding.display(l2.text) }
        rows[index + 1][template.nameColumn]?.text = nameCell.text + next.text
        rows[index + 1][template.nameColumn]?.location = nameCell.location
        continue
      }
      if let l1 = row[template.level1Column] {
        // The 一级 already in force (or, where none was printed yet, the 二级's usual parent),
        // printed mid-block (a merged cell's label centred on one of its rows), leaves the 二级
        // above in force too.
        let key = LabelFolding.key(l1.text)
        let repeated =
          key == LabelFolding.key(level1)
          || (level1.isEmpty && !level2.isEmpty
            && LevelLabels.usualParent(ofLevel2: level2).map(LabelFolding.key) == key)
        level1 = LabelFolding.display(l1.text)
        if !repeated { level2 = "" }
      }
      if let l2 = row[template.level2Column] {
        level2 = LabelFolding.display(l2.text)
        // A 二级 the taxonomy puts under another standard 一级 than the one carried down, with
        // no 一级 on its row: the merged 一级 cell above it was lost (`社会效益` after 时效
        // rows under 产出指标); its usual parent is read instead.
        if row[template.level1Column] == nil,
          LevelLabels.contradicts(level1: level1, level2: level2),
          let parent = LevelLabels.usualParent(ofLevel2: level2)
        {
          diagnostics.append(
            Diagnostic(
              .info, "level1-inferred",
              "the 二级 '\(level2)' belongs under '\(parent)', not under '\(level1)' carried "
                + "down from the rows above, and no 一级 is printed for it: read under '\(parent)'",
              at: l2.location))
          level1 = parent
        }
      }
      guard let nameCell = row[template.nameColumn] else { continue }
      let name = withoutNumbering(nameCell.text)
      guard !name.isEmpty else { continue }
      var op = ""
      var target = ""
      var unit = ""
      var evaluation: [String: String] = [:]
      var standard: String?
      var history: [HistoryValue] = []
      for c in row.keys.sorted() where c > template.nameColumn {
        guard let cell = row[c] else { continue }
        switch roles[c] {
        // A sign (≥) wins over a direction (正向指标) when a form has both columns.
        case .op: if op.isEmpty || isDirectionWord(op) { op = cell.text }
        case .target: target = cell.text
        case .unit: unit = cell.text
        case .result, .weight, .score, .reason:
          let label = template.labels[c].isEmpty ? roles[c].rawValue : template.labels[c]
          evaluation[label] = cell.text
        case .note:
          let label = template.labels[c]
          if label.contains("标准") || label.contains("依据") {
            standard = cell.text
          } else if ColumnRole.isHistory(header: label) {
            history.append(HistoryValue(label: label, value: ValueParser.parse(cell.text)))
          } else {
            evaluation[template.labels[c].isEmpty ? "备注" : template.labels[c]] = cell.text
          }
        case .level1, .level2, .level3: break
        }
      }
      // A weight glued to the target (`8550万粒` before the result `550万粒`, weight 8).
      if let (weight, rest) = gluedWeight(target: target, row: row, template: template) {
        if let w = roles.firstIndex(of: .weight) { evaluation[template.labels[w]] = weight }
        target = rest
      }
      // A row whose target and result are empty and whose weight is written twice (`10 10`
      // under 分值 | 年度指标值 | 全年实际值 | 得分): the second is the score.
      if let (s, score) = scoreReadAsTarget(row: row, template: template) {
        evaluation[template.labels[s].isEmpty ? roles[s].rawValue : template.labels[s]] = score
        target = ""
      }
      if unit.isEmpty, let u = resultsUnit(target: target, row: row, template: template) {
        unit = u
      }
      var l1 = level1
      if l1.isEmpty, let parent = LevelLabels.usualParent(ofLevel2: level2) {
        l1 = parent
        diagnostics.append(
          Diagnostic(
            .info, "level1-inferred",
            "no 一级指标 is printed for '\(name)'; its 二级 '\(level2)' gives '\(parent)'",
            at: nameCell.location))
      }
      let value = TimeLimits.reading(
        composeValue(op: op, target: target, unit: unit), under: level2)
      rowOf.append(index)
      indicators.append(
        Indicator(
          period: "annual", level1: l1, level2: level2, level3: name, value: value,
          standard: standard, history: history,
          evaluation: template.fromHeader && !evaluation.isEmpty ? evaluation : nil,
          location: nameCell.location))
    }
    var block = AlignedBlock(
      indicators: indicators, template: template, diagnostics: diagnostics,
      location: Location(line: 1, column: 1))
    block.rows = rowOf
    return block
  }

  /// A weight glued before the target in run-together text: the template has a weight column
  /// just before the target, the row has none, and the target ends with the row's result.
  static func gluedWeight(target: String, row: [Int: StreamCell], template: IndicatorTemplate)
    -> (String, String)?
  {
    let roles = template.roles
    guard let w = roles.firstIndex(of: .weight), row[w] == nil,
      let t = roles.firstIndex(of: .target), t > w, t - w <= 2,
      let r = roles.firstIndex(of: .result), let result = row[r]?.text, !result.isEmpty,
      target.count > result.count, target.hasSuffix(result)
    else { return nil }
    let weight = String(target.dropLast(result.count))
    guard CellClassifier.isNumber(weight), let n = Double(weight), n <= 100 else { return nil }
    return (weight, result)
  }

  /// The score of a row whose weight column stands before the target and which holds the same
  /// bare number in the weight and target columns, its result and score columns empty: the
  /// number is its score (full marks), the target cell empty: the score column and the number.
  static func scoreReadAsTarget(row: [Int: StreamCell], template: IndicatorTemplate)
    -> (column: Int, score: String)?
  {
    let roles = template.roles
    guard let w = roles.firstIndex(of: .weight), let weight = row[w]?.text,
      let t = roles.firstIndex(of: .target), w < t, let target = row[t]?.text, target == weight,
      CellClassifier.isNumber(LabelFolding.key(target)),
      let s = roles.firstIndex(of: .score), row[s] == nil,
      roles.firstIndex(of: .result).map({ row[$0] == nil }) ?? true
    else { return nil }
    return (s, target)
  }

  /// The unit of a self-evaluation's unit column run into the result before it (`100 %` after
  /// the target `等于 100`, the unit column empty): the target's unit too.
  static func resultsUnit(target: String, row: [Int: StreamCell], template: IndicatorTemplate)
    -> String?
  {
    let roles = template.roles
    guard let u = roles.firstIndex(of: .unit), row[u] == nil,
      let r = roles.firstIndex(of: .result), r < u, let result = row[r]?.text
    else { return nil }
    let targetValue = ValueParser.parse(target)
    guard targetValue.kind == .comparison, targetValue.unit == nil else { return nil }
    let value = ValueParser.parse(result)
    guard value.kind == .comparison, let unit = value.unit, value.per == nil else { return nil }
    return unit
  }

  /// `定性`, `正向指标`: what kind of indicator, not a comparison.
  static func isDirectionWord(_ text: String) -> Bool {
    ["定性", "定量", "正向", "反向", "正向指标", "反向指标", "定量指标", "定性指标", "区间"]
      .contains(LabelFolding.key(text))
  }

  /// The target read from its sign, number and unit cells.
  static func composeValue(op: String, target: String, unit: String) -> Value {
    let sign = isDirectionWord(op) ? "" : op
    let t = target.trimmedPadding()
    if t.isEmpty || CellClassifier.isFiller(LabelFolding.key(t)) {
      return ValueParser.parse("")
    }
    var u = unit
    if LabelFolding.key(u) == "百分比" { u = "%" }
    if !u.isEmpty, t.hasSuffix(u) { u = "" }
    let joined =
      sign + t + (CellClassifier.isNumber(LabelFolding.key(t)) ? u : (u.isEmpty ? "" : u))
    var value = ValueParser.parse(joined)
    value.raw = [op, target, unit].filter { !$0.isEmpty }.joined(separator: " ")
    return value
  }

  /// `指标1：培训人次` → `培训人次`; also `1.`, `1、`, `（1）`, and punctuation before the name.
  static func withoutNumbering(_ text: String) -> String {
    var chars = Array(text.trimmedPadding())
    // Prose that lists indicators leaves the punctuation after a label on the name (`:完成及时率`).
    while let first = chars.first, ":：;；,，。".contains(first) { chars.removeFirst() }
    if chars.count > 2, chars[0] == "指", chars[1] == "标" || chars[1] == "標" {
      if let end = RunTogetherSegmenter.numberingEnd(chars, at: 0) { chars.removeFirst(end) }
    } else {
      var j = 0
      if j < chars.count, chars[j] == "(" || chars[j] == "（" { j += 1 }
      let digits = j
      while j < chars.count, chars[j].isASCII, chars[j].isNumber { j += 1 }
      if j > digits, j < chars.count, "、.)）".contains(chars[j]), j + 1 < chars.count,
        !(chars[j] == "." && chars[j + 1].isNumber)
      {
        chars.removeFirst(j + 1)
      }
    }
    return String(chars).trimmedPadding()
  }
}
