import Foundation
import TablemendModel
import TablemendValues
import TablemendVocabulary

/// Reads one table (and the paragraphs before it) into a `Form`.
struct FormReader {
  let view: GridView
  let preceding: [(String, Location)]
  var diagnostics: [Diagnostic] = []

  var title: String?
  var year: Int?
  var fields: [String: String] = [:]
  var funds: [Fund] = []
  var goals: [Goal] = []
  var indicators: [Indicator] = []
  var records: [Record] = []
  var unit = "万元"

  init(table: Table, preceding: [(String, Location)]) {
    self.view = GridView(table)
    self.preceding = preceding
  }

  static let titleWords = ["绩效目标表", "绩效目标申报表", "绩效目标填报表", "绩效自评表", "自评表", "目标表"]

  mutating func read() -> Form? {
    for (text, _) in preceding { readParagraph(text) }
    // A money label anywhere in the table may state the unit: 项目资金（元）, 资金总额(万元).
    for cell in view.table.cells {
      // A label of money with its unit, or the unit alone on a wrapped label's second line.
      guard let end = cell.text.last, end == ")" || end == "）" else { continue }
      let f = TextFolding.fold(cell.text)
      let money = ["资金", "金额", "预算", "拨款"].contains { f.has($0) }
      if f.count <= 16, money || f.hasPrefix("("),
        let m = f.firstMatch(of: Patterns.moneyUnitLabel)
      {
        unit = String(m.1)
        break
      }
    }
    var goalPeriods: [String] = []
    var r = 0
    while r < view.rowCount {
      let cells = view.filled(r)
      guard let first = cells.first else {
        r += 1
        continue
      }
      let lead = TextFolding.fold(first.text)
      // A full-width single cell: a title or a year line inside the table.
      if cells.count == 1 && first.columnSpan == view.columnCount || cells.count == 1 && r < 3 {
        readParagraph(first.text)
        r += 1
        continue
      }
      if IndicatorReader.isHeader(view, r) {
        let end = blockEnd(after: r)
        let label = view.cell(r, 0).map { TextFolding.fold($0.text) } ?? ""
        let blockPeriod = PeriodWords.period(of: label)
        var reader = IndicatorReader(view: view)
        let periods = goalPeriods.isEmpty ? [] : goalPeriods
        indicators += reader.read(
          header: r, end: end, blockPeriod: blockPeriod, periods: periods)
        diagnostics += reader.diagnostics
        r = end
        continue
      }
      if lead.has("资金") && first.column == 0 {
        let end = fundsEnd(after: r)
        readFunds(r, end)
        r = end
        continue
      }
      if first.column == 0, isGoalLabel(lead) {
        let end = sectionEnd(after: r)
        goalPeriods = readGoals(r, end, label: lead)
        r = end
        continue
      }
      if first.column == 0, cells.count >= 4, r + 1 < view.rowCount,
        view.index(r + 1, 0) == view.index(r, 0),
        cells.dropFirst().allSatisfy({ $0.text.count <= 14 && Double(clean($0.text)) == nil })
      {
        let end = sectionEnd(after: r)
        readRecords(r, end, section: TextFolding.joinLines(first.paragraphs))
        r = end
        continue
      }
      readFieldRow(cells)
      r += 1
    }
    guard !indicators.isEmpty || fields.keys.contains(where: { isIdentityField($0) }) else {
      return nil
    }
    let kind = formKind()
    return Form(
      kind: kind, title: title, year: year, fields: fields, funds: funds, goals: goals,
      indicators: indicators, records: records, tables: [view.table.id],
      location: view.table.cells.first?.location ?? Location(line: 1, column: 1))
  }

  func isIdentityField(_ label: String) -> Bool {
    let f = TextFolding.fold(label)
    return f.has("项目名称") || f.has("部门(单位)名称") || f.has("单位名称")
      || f.has("部门名称")
  }

  func formKind() -> Form.Kind {
    let t = title.map(TextFolding.fold) ?? ""
    let department =
      t.has("部门整体") || t.has("整体支出") || t.has("部门绩效")
      || (!t.has("项目") && fields.keys.contains { !$0.has("项目") && isIdentityField($0) })
    if t.has("自评") {
      return department ? .departmentSelfEvaluation : .projectSelfEvaluation
    }
    return department ? .departmentTargets : .projectTargets
  }

  /// The row where the section starting at `row` (its column-0 cell and the rows that cell
  /// spans, plus rows with empty column 0 after it) ends.
  func sectionEnd(after row: Int) -> Int {
    var owner = view.index(row, 0)
    let label = view.cell(row, 0)?.text ?? ""
    var r = row + 1
    while r < view.rowCount {
      // Column 0 covered by the section's cell, or by no cell at all (a dialect that only
      // knows where the row's cells start), continues the section.
      if view.index(r, 0) == owner || view.index(r, 0) == nil { r += 1; continue }
      // The same label written again on every row (exports that repeat a merged cell).
      if !label.isEmpty, let c = view.cell(r, 0), c.row == r, c.text == label, c.columnSpan == 1,
        !IndicatorReader.isHeader(view, r)
      {
        owner = view.index(r, 0)
        r += 1
        continue
      }
      if let c = view.cell(r, 0), c.row == r, c.text.isEmpty, !IndicatorReader.isHeader(view, r) {
        r += 1
        continue
      }
      break
    }
    return r
  }

  /// The end of an indicator block: rows continuing the header's column-0 cell, or, when the
  /// header has no label column, rows until the next labelled section.
  func blockEnd(after header: Int) -> Int {
    let headerLead = view.cell(header, 0).map { TextFolding.fold($0.text) } ?? ""
    // A block label in column 0 (绩效指标, 年度绩效指标) spans its rows; a column header there
    // (一级指标, 单位名称) does not, and the block runs to the next section.
    let blockLabel =
      headerLead.hasSuffix("指标") && ColumnRole.of(header: headerLead) != .level1
      || headerLead.hasSuffix("目标")
    if blockLabel {
      // Past the rows the label spans, rows that open with an indicator label (a row whose
      // first cells were lost and whose 二级 moved into column 0) still belong to the block.
      var r = sectionEnd(after: header)
      while r < view.rowCount, !IndicatorReader.isHeader(view, r), let lead = view.leadLabel(r),
        LevelLabels.isLevel2Label(lead) || LevelLabels.isLevel1Label(lead)
      {
        r = sectionEnd(after: r)
      }
      return r
    }
    var r = header + 1
    while r < view.rowCount {
      if IndicatorReader.isHeader(view, r) { break }
      if let lead = view.leadLabel(r), isGoalLabel(lead) || lead.has("资金") { break }
      r += 1
    }
    return r
  }

  /// The end of a funds section: the rows its column-0 label spans, then rows whose own
  /// column-0 label names money (其中：当年财政拨款, 上年结转资金, 项目资金（元）…), as layout
  /// text and flat grids write them.
  func fundsEnd(after row: Int) -> Int {
    var r = sectionEnd(after: row)
    while r < view.rowCount, let lead = view.leadLabel(r), !isGoalLabel(lead),
      !IndicatorReader.isHeader(view, r),
      ["资金", "拨款", "总额", "金额", "结转", "其中", "合计"].contains(where: { lead.has($0) })
    {
      r = sectionEnd(after: r)
    }
    return r
  }

  func isGoalLabel(_ folded: String) -> Bool {
    guard !folded.has("指标") else { return false }
    return folded.hasSuffix("目标") || folded.has("总目标") || folded.has("总体目标")
      || (folded.has("目标")
        && folded.range(of: #"^(长期|中期|年度)目标\d*[:.]?$"#, options: .regularExpression) != nil)
  }

  // MARK: - Paragraphs and fields

  mutating func readParagraph(_ text: String) {
    let f = TextFolding.fold(text)
    if f.isEmpty { return }
    if title == nil, Self.titleWords.contains(where: { f.has($0) }), f.count <= 40 {
      title = text.trimmedPadding()
    }
    let hasYear = f.has("年")
    if hasYear, let m = f.firstMatch(of: Patterns.budgetYear), f.count <= 24 || f.hasPrefix("(") {
      year = Int(m.1)
    } else if hasYear, year == nil, title != nil, let m = f.firstMatch(of: Patterns.titleYear) {
      year = Int(m.1)
    }
    if f.hasPrefix("单位:"), let m = f.firstMatch(of: Patterns.unitLine) {
      unit = String(m.1)
      fields["单位"] = String(m.1)
      return
    }
    if text.containsByte(0x3A) || text.has("："), f.count <= 40,
      let colon = text.firstIndex(where: { $0 == ":" || $0 == "：" })
    {
      let label = String(text[..<colon]).trimmedPadding()
      let value = String(text[text.index(after: colon)...]).trimmedPadding()
      let labelShape =
        (2...10).contains(label.unicodeScalars.count)
        ? label.range(of: #"^[\p{Han}][\p{Han}()（）]{1,9}$"#, options: .regularExpression) : nil
      if labelShape != nil, !value.isEmpty, !label.hasPrefix("附"), !FieldLabels.isFurniture(label),
        !FieldLabels.isFieldLabel(value)
      {
        fields[label] = value
      }
    }
  }

  mutating func readFieldRow(_ cells: [Cell]) {
    var i = 0
    while i < cells.count {
      let label = TextFolding.joinLines(cells[i].paragraphs)
      guard i + 1 < cells.count else {
        if let colon = label.firstIndex(where: { $0 == ":" || $0 == "：" }) {
          let l = String(label[..<colon]).trimmedPadding()
          let v = String(label[label.index(after: colon)...]).trimmedPadding()
          if !l.isEmpty && !v.isEmpty { fields[l] = v }
        }
        break
      }
      let value = cells[i + 1].paragraphs.map { $0.trimmedPadding() }.filter { !$0.isEmpty }
        .joined(separator: "\n")
      let key = label.trimmingCharacters(in: CharacterSet(charactersIn: ":： "))
      // A label whose value cell was dropped is followed by the next label (`主管部门 |
      // 实施单位 | …`): it has no value, and the next cell starts the next pair.
      if FieldLabels.isFieldLabel(value) && FieldLabels.isFieldLabel(key) {
        i += 1
        continue
      }
      if !FieldLabels.isFurniture(key), FieldLabels.isLabelShaped(key) {
        fields[key] = fieldValue(key, value, at: cells[i + 1].location)
      }
      i += 2
    }
  }

  /// Interprets check boxes: `□新增项目 延续项目` → the option without an empty box.
  mutating func fieldValue(_ label: String, _ value: String, at location: Location) -> String {
    // One word (no space, ideographic space or line break in it) lists no options.
    guard value.containsByte(0x20) || value.containsByte(0x0A) || value.has("\u{3000}") else {
      return value
    }
    let boxed = value.unicodeScalars.contains { scalar in
      (0x221A...0x2714).contains(scalar.value) && "□☐■☑☒√✓✔".unicodeScalars.contains(scalar)
    }
    // Options are read only where a box is or the label asks for one (项目属性, 项目类型).
    guard boxed || label.has("属性") || label.has("类型") else { return value }
    let options = value.split(whereSeparator: { $0 == " " || $0 == "\u{3000}" || $0 == "\n" })
      .map(String.init).filter { !$0.isEmpty }
    guard options.count >= 2, boxed else {
      if options.count >= 2, label.has("属性") || label.has("类型") {
        diagnostics.append(
          Diagnostic(
            .warning, "checkbox-unknown",
            "'\(label)' lists options without check boxes; which one is chosen is not known",
            at: location))
      }
      return value
    }
    let boxes = Self.checkBoxes
    let checked = options.filter { "■☑☒√✓✔".contains($0.first ?? " ") }
    if checked.count == 1, let only = checked.first {
      return String(only.drop(while: { boxes.contains($0) }))
    }
    let unboxed = options.filter { !boxes.contains($0.first ?? " ") }
    if unboxed.count == 1, let only = unboxed.first {
      diagnostics.append(
        Diagnostic(
          .info, "checkbox-inferred",
          "'\(label)': every other option has an empty box, so '\(only)' is taken as chosen",
          at: location))
      return only
    }
    return value
  }

  /// Check boxes, ticked or not, and the letters that fonts' check boxes become in text.
  static let checkBoxes: Set<Character> = ["□", "☐", "■", "☑", "☒", "√", "✓", "✔", "▇", "R", "£"]

  // MARK: - Funds

  func clean(_ s: String) -> String {
    var t = s.trimmedPadding()
    if t.utf8.contains(UInt8(ascii: ",")) { t = t.replacingOccurrences(of: ",", with: "") }
    for suffix in ["万元", "元"] where t.hasSuffix(suffix) { t = String(t.dropLast(suffix.count)) }
    return t.trimmedPadding()
  }

  mutating func readFunds(_ start: Int, _ end: Int) {
    var sectionUnit = unit
    // The unit may be printed on any label of the section: 项目资金（元）.
    for r in start..<end {
      for cell in view.origins(r) {
        if cell.text.has("元"),
          let m = TextFolding.fold(cell.text).firstMatch(of: Patterns.moneyUnit)
        {
          sectionUnit = String(m.1)
        }
      }
    }
    var columnPeriod: [Int: String] = [:]
    var shareColumns = Set<Int>()
    var category: String?
    for r in start..<end {
      let numeric = view.filled(r).contains { $0.column > 0 && Double(clean($0.text)) != nil }
      if !numeric && r > start {
        let cells = view.filled(r).filter { $0.column > 0 }
        if cells.count >= 2 && cells.contains(where: { $0.text.count > 20 }) {
          readFieldRow(cells)
          continue
        }
      }
      var label: String?
      var labelColumn = -1
      var rowCategory: String?
      let origins = view.origins(r)
      for (k, cell) in origins.enumerated() {
        // Column 0 is the section's own label unless a number follows it (项目资金总额 | 410万).
        if cell.column == 0 {
          let next = origins.dropFirst(k + 1).first { !$0.text.isEmpty }
          if next.map({ Double(clean($0.text)) == nil }) ?? true { continue }
        }
        let text = cell.text.trimmedPadding()
        if text.isEmpty { continue }
        let number = Double(clean(text))
        if number == nil {
          if text.hasSuffix("%") { continue }
          let f = TextFolding.fold(text)
          if f.has("占比") || f.has("比例") || f.has("比重") {
            for c in cell.column..<(cell.column + cell.columnSpan) { shareColumns.insert(c) }
            continue
          }
          if let p = PeriodWords.period(of: f),
            f.has("金额") || f.has("资金") || f.hasSuffix("目标")
          {
            for c in cell.column..<(cell.column + cell.columnSpan) { columnPeriod[c] = p }
          }
          if f.range(of: #"^\d{4}年$"#, options: .regularExpression) != nil {
            for c in cell.column..<(cell.column + cell.columnSpan) {
              columnPeriod[c] = String(f.dropLast())
            }
            continue
          }
          if label != nil && labelColumn >= 0 && cell.column == labelColumn + 1 {
            rowCategory = label
          }
          label = text
          labelColumn = cell.column
          continue
        }
        guard let amount = number, let rawLabel = label, !shareColumns.contains(cell.column) else {
          continue
        }
        var name = rawLabel.trimmingCharacters(in: CharacterSet(charactersIn: ":：  \u{3000}"))
        var cat = rowCategory ?? category
        if let m = name.firstMatch(of: Patterns.ofWhich) {
          name = String(m.1)
          cat = "其中"
        }
        let period =
          columnPeriod[cell.column] ?? PeriodWords.period(of: name) ?? columnPeriod[labelColumn]
          ?? "annual"
        if let p = PeriodWords.period(of: name) {
          for c in labelColumn...cell.column { columnPeriod[c] = p }
        }
        funds.append(
          Fund(label: name, period: period, amount: amount, unit: sectionUnit, category: cat))
      }
      if let rowCategory { category = rowCategory }
    }
  }

  // MARK: - Goals

  mutating func readGoals(_ start: Int, _ end: Int, label: String) -> [String] {
    var periodColumns: [(period: String, columns: Range<Int>)] = []
    for cell in view.origins(start) where cell.column > 0 {
      if let p = PeriodWords.period(of: cell.text), TextFolding.fold(cell.text).has("目标") {
        periodColumns.append((p, cell.column..<(cell.column + cell.columnSpan)))
      }
    }
    var items: [String: [String]] = [:]
    var order: [String] = periodColumns.map(\.period)
    let ownPeriod = PeriodWords.period(of: label)
    for r in start..<end {
      for cell in view.origins(r) where cell.column > 0 && !cell.text.isEmpty {
        if r == start && !periodColumns.isEmpty { continue }
        let period =
          periodColumns.first { $0.columns.contains(cell.column) }?.period ?? ownPeriod
          ?? "annual"
        if !order.contains(period) { order.append(period) }
        items[period, default: []] += Self.splitGoals(cell.paragraphs)
      }
    }
    for period in order {
      guard let list = items[period], !list.isEmpty else { continue }
      if let i = goals.firstIndex(where: { $0.period == period }) {
        goals[i].items += list
      } else {
        goals.append(Goal(period: period, items: list))
      }
    }
    return periodColumns.map(\.period)
  }

  /// Splits goal text into items at 目标N：/ N、 numbering, dropping the numbering.
  static func splitGoals(_ paragraphs: [String]) -> [String] {
    var out: [String] = []
    let marker = Patterns.goalNumbering
    for paragraph in paragraphs {
      let text = paragraph.trimmedPadding()
      if text.isEmpty { continue }
      // Numbering always holds a digit: skip the regular expression for text without one.
      let matches =
        text.utf8.contains(where: { (0x30...0x39).contains($0) }) ? text.matches(of: marker) : []
      if matches.isEmpty {
        out.append(text)
        continue
      }
      var pieces: [String] = []
      let head = String(text[..<matches[0].range.lowerBound]).trimmedPadding()
      if !head.isEmpty { pieces.append(head) }
      for (k, m) in matches.enumerated() {
        let stop = k + 1 < matches.count ? matches[k + 1].range.lowerBound : text.endIndex
        let piece = String(text[m.range.upperBound..<stop]).trimmedPadding()
        if !piece.isEmpty { pieces.append(piece) }
      }
      out += pieces
    }
    return out
  }

  // MARK: - Records

  mutating func readRecords(_ start: Int, _ end: Int, section: String) {
    let headers = view.origins(start).filter { $0.column > 0 }
    for r in (start + 1)..<end {
      var fields: [String: String] = [:]
      for header in headers {
        let key = TextFolding.joinLines(header.paragraphs)
        if key.isEmpty { continue }
        if let cell = view.cell(r, header.column), cell.row == r, !cell.text.isEmpty {
          fields[key] = cell.text
        }
      }
      if !fields.isEmpty { records.append(Record(section: section, fields: fields)) }
    }
  }
}
