import Foundation
import TablemendModel
import TablemendValues
import TablemendVocabulary

/// Reads one indicator block: a header row naming 一级/二级/三级指标, then the rows under it,
/// possibly with several periods side by side sharing the 一级 column.
struct IndicatorReader {
  enum Role: Equatable {
    case level1, level2, level3, value, standard
    /// 指标性质 / 指标方向 (≥, ≤, =, 定性): the operator written apart from the value.
    case op
    /// 度量单位 / 计量单位: the unit written apart from the value.
    case unit
    case history(String)
    case evaluation(String)
  }

  /// One period's columns.
  struct Group {
    var period: String
    var level2: Int
    var roles: [Int: Role]
    /// The leftmost column headed 三级 (a header spanning columns names each of them).
    var level3: Int? { roles.filter { $0.value == .level3 }.keys.min() }
  }

  let view: GridView
  var diagnostics: [Diagnostic] = []
  /// Labels of the earlier-value columns (前年, 上年), in header order.
  var historyLabels: [String] = []
  /// True when a sub-header names the value column after the earlier-value columns
  /// (前年 | 上年 | 预期当年实现值): the row's last value cell is then the target.
  var valueAfterHistory = false

  init(view: GridView) {
    self.view = view
  }

  /// True when `row` is an indicator header row.
  static func isHeader(_ view: GridView, _ row: Int) -> Bool {
    // Cheap test first: a header names 二级/三级 somewhere.
    guard view.mentionsLevel(row) else { return false }
    let cells = view.filled(row)
    guard cells.contains(where: { $0.text.has("级") }) else { return false }
    let texts = cells.map { TextFolding.fold($0.text) }
    let hasLevel2 = texts.contains { ColumnRole.of(header: $0) == .level2 }
    let hasLevel3 = texts.contains { ColumnRole.of(header: $0) == .level3 }
    return hasLevel2 && hasLevel3
  }

  /// Reads the block whose header is `header`, up to (not including) `end`.
  /// - Parameters:
  ///   - periods: the periods of the form's goal columns, in order, used when the block holds
  ///     several groups side by side.
  mutating func read(header: Int, end: Int, blockPeriod: String?, periods: [String])
    -> [Indicator]
  {
    // 1. Header cells; a 一级 label printed on the header row is displaced, not a header.
    var displacedLevel1: String?
    var shift = 0
    var roles: [Int: Role] = [:]
    var level1Column: Int?
    var level2Columns: [Int] = []
    for cell in view.origins(header) {
      let f = TextFolding.fold(cell.text)
      if f.isEmpty { continue }
      if LevelLabels.isLevel1Label(f) && ColumnRole.of(header: f) != .level1 {
        displacedLevel1 = f
        shift += cell.columnSpan
        diagnostics.append(
          Diagnostic(
            .warning, "header-shifted",
            "the 一级指标 label '\(f)' sits on the header row; the header cells after it were "
              + "moved \(cell.columnSpan) column(s) left",
            at: cell.location))
        continue
      }
      let start = cell.column - shift
      guard let role = Self.role(of: f) else { continue }
      for c in start..<(start + cell.columnSpan) where c >= 0 { roles[c] = role }
      if role == .level1 { level1Column = start }
      if role == .level2 { level2Columns.append(start) }
    }
    // 2. Sub-header rows under it refine the value columns.
    var firstData = header + 1
    while firstData < end, !hasLevel2Label(firstData), isSubHeader(firstData) {
      var sawHistory = false
      for cell in view.filled(firstData) {
        let f = TextFolding.fold(cell.text)
        guard let role = Self.role(of: f) else { continue }
        if case .history(let label) = role {
          sawHistory = true
          if label != "近两年指标值" && label != "历史值" { historyLabels.append(label) }
        } else if role == .value && sawHistory {
          valueAfterHistory = true
        }
        // A guessed span claims only columns no header has named yet.
        let guessed = cell.inferred.contains("columnSpan")
        for c in cell.column..<(cell.column + cell.columnSpan) {
          if let existing = roles[c] {
            if [.level1, .level2, .level3].contains(existing) { continue }
            if guessed && c > cell.column { continue }
          }
          roles[c] = role
        }
      }
      firstData += 1
    }
    guard !level2Columns.isEmpty else { return [] }
    // 3. Period groups.
    var groups: [Group] = []
    let sortedL2 = level2Columns.sorted()
    for (g, l2) in sortedL2.enumerated() {
      let upper = g + 1 < sortedL2.count ? sortedL2[g + 1] : view.columnCount + 1
      var groupRoles: [Int: Role] = [:]
      for (c, role) in roles where c >= l2 && c < upper { groupRoles[c] = role }
      let period: String
      if sortedL2.count > 1 {
        let defaults = ["mid-term", "annual", "long-term"]
        period = g < periods.count ? periods[g] : defaults[min(g, defaults.count - 1)]
      } else {
        period = blockPeriod ?? periods.last ?? "annual"
      }
      groups.append(Group(period: period, level2: l2, roles: groupRoles))
    }
    // 4. Rows.
    var level1 = displacedLevel1
    var level2 = [String?](repeating: nil, count: groups.count)
    var out: [Indicator] = []
    let l1col = level1Column ?? max(0, (sortedL2.first ?? 1) - 1)
    for r in firstData..<end {
      // A closing row (合计, 总分, 评价结论, 项目负责人 …) ends the indicators.
      if let lead = view.firstFilled(r), Self.isClosingRow(TextFolding.fold(lead.text)) {
        break
      }
      var rowShift = 0
      // A row whose 二级 label sits left of the 二级 column lost a cell: shift it back.
      if let first = groups.first {
        for c in stride(from: first.level2, through: 0, by: -1) {
          if let cell = view.fresh(r, c), LevelLabels.isLevel2Label(cell.text) {
            rowShift = c - first.level2
            break
          }
        }
      }
      // The 一级 cell of this row: in its column, or where the shift puts it; a shifted row
      // whose 二级 sits in the 一级 column has none.
      let level1Slot = l1col + rowShift
      if level1Slot >= 0, level1Slot < groups[0].level2 + rowShift,
        let cell = view.fresh(r, level1Slot)
      {
        let f = TextFolding.fold(cell.text)
        let label = TextFolding.withoutScore(f)
        if !label.isEmpty && !LevelLabels.isLevel2Label(label) {
          level1 = label
        } else if label.isEmpty && !f.isEmpty {
          // Only a score such as (50分) is left of the label: the 一级 is silent here.
          level1 = nil
        }
      }
      if rowShift != 0, let first = view.fresh(r, groups[0].level2 + rowShift) {
        diagnostics.append(
          Diagnostic(
            .warning, "row-shifted",
            "this row's cells start \(-rowShift) column(s) left of the header; read as shifted",
            at: first.location))
      }
      for (g, group) in groups.enumerated() {
        let stated = statedLevel2(r, group, rowShift)
        if let stated {
          level2[g] = stated
        } else if let repaired = displacedLevel2(r, g, groups, rowShift) {
          level2[g] = repaired
          diagnostics.append(
            Diagnostic(
              .warning, "level2-repaired",
              "the 二级指标 cell of this \(group.period) row is empty and its label '\(repaired)' "
                + "sits one row down; the other period states it here",
              at: view.cell(r, group.level2 + rowShift)?.location))
        }
        guard let indicator = readRow(r, group, rowShift, level1: level1, level2: level2[g])
        else { continue }
        out.append(indicator)
      }
    }
    return out
  }

  /// Words that open the rows after a form's indicators: totals, the evaluation's verdict
  /// and the signatures.
  static let closingWords = [
    "合计", "总计", "总分", "评价结论", "自评结论", "存在问题", "改进措施", "项目负责人", "财务负责人",
    "单位负责人", "填报人", "审核人",
  ]
  private static let closingWordBytes = closingWords.map { Array($0.utf8) }

  /// True when a row's first cell closes the indicator block (`合计`, `总分`, `项目负责人:查小兵`).
  static func isClosingRow(_ folded: String) -> Bool {
    if TextFolding.isPlainCJK(folded) && !folded.utf8.contains(0x0D) {
      // One scalar per character and equal exactly when the bytes are: compare bytes (the
      // `count` and `hasPrefix` below break graphemes and normalise, 15,000 instructions a row).
      guard folded.unicodeScalars.count <= 24 else { return false }
      return closingWordBytes.contains { word in
        guard folded.utf8.starts(with: word) else { return false }
        guard let next = folded.utf8.dropFirst(word.count).first else { return true }
        // ASCII after the word, or an ideograph's lead byte (E4...E9 for U+4E00...U+9FFF).
        return next < 0x80
      }
    }
    guard folded.count <= 24 else { return false }
    return closingWords.contains { word in
      guard folded.hasPrefix(word) else { return false }
      // `合计` or `项目负责人:查小兵`, not an indicator that starts with the word (`合计完成率`).
      guard let next = folded.dropFirst(word.count).unicodeScalars.first else { return true }
      return !(0x4E00...0x9FFF).contains(next.value)
    }
  }

  /// The role a header cell names, as `ColumnRole` reads header words; an earlier year's column
  /// (`2021年`) is history, and 指标方向性 (正向 / 反向) an evaluation column.
  static func role(of folded: String) -> Role? {
    let f = folded
    if f.count <= 8, f.first?.isNumber == true,
      f.range(of: #"^\d{4}年"#, options: .regularExpression) != nil
    {
      return .history(f)
    }
    if f == "指标方向性" || f == "方向性" { return .evaluation(f) }
    switch ColumnRole.of(header: f) {
    case .level1: return .level1
    case .level2: return .level2
    case .level3: return .level3
    case .target: return .value
    case .op: return .op
    case .unit: return .unit
    case .result, .weight, .score, .reason: return .evaluation(f)
    case .note: return ColumnRole.isHistory(header: f) ? .history(f) : .standard
    case nil:
      // 年度(/项目)指标值, 2023年指标值, 中期目标值 …
      if f.count <= 16 && (f.hasSuffix("指标值") || f.hasSuffix("目标值")) { return .value }
      return nil
    }
  }

  func hasLevel2Label(_ r: Int) -> Bool {
    view.filled(r).contains { LevelLabels.isLevel2Label($0.text) }
  }

  func isSubHeader(_ r: Int) -> Bool {
    let cells = view.filled(r)
    return !cells.isEmpty && cells.allSatisfy { Self.role(of: TextFolding.fold($0.text)) != nil }
  }

  func statedLevel2(_ r: Int, _ group: Group, _ shift: Int) -> String? {
    guard let cell = view.fresh(r, group.level2 + shift) else { return nil }
    let label = TextFolding.withoutScore(TextFolding.fold(cell.text))
    return label.isEmpty ? nil : label
  }

  /// An empty 二级 cell whose label the same period prints one row down while another period
  /// prints it on this row.
  func displacedLevel2(_ r: Int, _ g: Int, _ groups: [Group], _ shift: Int) -> String? {
    guard view.cell(r, groups[g].level2 + shift).map({ $0.row == r && $0.text.isEmpty }) ?? false
    else { return nil }
    guard let below = statedLevel2(r + 1, groups[g], 0) else { return nil }
    for (h, other) in groups.enumerated() where h != g {
      if statedLevel2(r, other, shift) == below { return below }
    }
    return nil
  }

  /// `指标1：`, `指标 12 :` … at the start of a 三级 label: what the ICU pattern
  /// `^指标\s*\d+\s*[：:]*\s*` removes, matched by hand (an `NSRegularExpression` per row was a
  /// top cost of big tables). ICU's `\s` is `\p{White_Space}`, `\d` is `\p{Nd}`.
  static func stripNumbering(_ s: String) -> String {
    var text = s
    return text.withUTF8 { utf8 -> String in
      // A byte test stands for `hasPrefix`: the pattern needs a space or a digit next, and
      // neither can extend the 标 grapheme.
      let prefix: StaticString = "指标"
      let length = prefix.utf8CodeUnitCount
      guard utf8.count >= length,
        (0..<length).allSatisfy({ utf8[$0] == prefix.utf8Start[$0] })
      else { return s }
      var i = length
      // The scalar at byte `i` and its length (the bytes are valid UTF-8).
      func scalar() -> (Unicode.Scalar, Int)? {
        guard i < utf8.count else { return nil }
        let lead = utf8[i]
        let count = lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4
        guard i + count <= utf8.count else { return nil }
        var value = count == 1 ? UInt32(lead) : UInt32(lead) & (0xFF >> (count + 1))
        for k in 1..<max(1, count) { value = value << 6 | UInt32(utf8[i + k] & 0x3F) }
        return Unicode.Scalar(value).map { ($0, count) }
      }
      func skip(_ accepts: (Unicode.Scalar) -> Bool) -> Int {
        var skipped = 0
        while let (next, count) = scalar(), accepts(next) {
          i += count
          skipped += 1
        }
        return skipped
      }
      _ = skip(isRegexSpace)
      guard skip(isDecimalDigit) > 0 else { return s }
      _ = skip(isRegexSpace)
      _ = skip { $0 == "：" || $0 == ":" }
      _ = skip(isRegexSpace)
      return String(decoding: UnsafeBufferPointer(rebasing: utf8[i...]), as: UTF8.self)
    }
  }

  private static func isDecimalDigit(_ scalar: Unicode.Scalar) -> Bool {
    if scalar.isASCII { return scalar.value >= 0x30 && scalar.value <= 0x39 }
    if scalar.value >= 0x3000 && scalar.value < 0xA000 { return false }  // CJK: no Nd here
    return scalar.properties.generalCategory == .decimalNumber
  }

  private static func isRegexSpace(_ scalar: Unicode.Scalar) -> Bool {
    switch scalar.value {
    case 0x09...0x0D, 0x20: return true
    case 0..<0x80: return false
    default: return scalar.properties.isWhitespace
    }
  }

  /// A text made only of filler (`……`, `/`, `无`, dashes, spaces): compared scalar by scalar,
  /// which gives what comparing characters gives, as none of these has a canonical equivalent.
  static func isFiller(_ text: String) -> Bool {
    text.unicodeScalars.allSatisfy { scalar in
      switch scalar {
      case "…", ".", "/", "、", "-", "—", "_", " ", "无": return true
      default: return false
      }
    }
  }

  mutating func readRow(
    _ r: Int, _ group: Group, _ shift: Int, level1: String?, level2: String?
  ) -> Indicator? {
    guard let l3col = group.level3, let l3cell = view.fresh(r, l3col + shift) else { return nil }
    let level3Text = Self.stripNumbering(TextFolding.joinLines(l3cell.paragraphs))
    var values: [Cell] = []
    var standards: [Cell] = []
    var history: [(String, Cell)] = []
    var evaluation: [String: String] = [:]
    var opText: String?
    var unitText: String?
    // Cells already read (a cell spanning several role columns counts once): a short list,
    // a set for wide groups.
    var seenList: [Int] = []
    var seenSet = Set<Int>()
    let wide = group.roles.count > 16
    for (c, role) in group.roles.sorted(by: { $0.key < $1.key }) {
      let column = c + shift
      guard let index = view.index(r, column),
        !(wide ? seenSet.contains(index) : seenList.contains(index)),
        let cell = view.cell(r, column), cell.row == r, !cell.text.isEmpty
      else { continue }
      if wide { seenSet.insert(index) } else { seenList.append(index) }
      switch role {
      case .value: values.append(cell)
      case .standard: standards.append(cell)
      case .history(let label): history.append((label, cell))
      case .evaluation(let label): evaluation[label] = cell.text
      case .op:
        // Two operator-like columns: keep the one with a comparison sign.
        let text = cell.text.trimmedPadding()
        if opText == nil || text.contains(where: { "<>=≥≤≧≦＞＜＝".contains($0) }) { opText = text }
      case .unit: unitText = cell.text.trimmedPadding()
      default: break
      }
    }
    // Several cells under the standard column: the last is the standard, the others are
    // values that a shifted row pushed right.
    var displaced: [Cell] = []
    if standards.count > 1 {
      displaced = Array(standards.dropLast())
      standards = Array(standards.suffix(1))
    }
    let blank: (String) -> Bool = Self.isFiller
    // A 二级 or 一级 label alone on its row (a level the form lists without an indicator
    // under it), or the block's own label (绩效指标, printed after the rows it spans in
    // reading order), is not an indicator either.
    let folded3 = TextFolding.fold(level3Text)
    let namesALevel =
      LevelLabels.isLevel2Label(folded3) || LevelLabels.isLevel1Label(folded3)
      || (folded3.hasSuffix("绩效指标") && folded3.count <= 8)
    if blank(level3Text) || namesALevel {
      if values.allSatisfy({ blank($0.text.trimmedPadding()) }) {
        diagnostics.append(
          Diagnostic(
            .info, "placeholder-row",
            "'\(l3cell.text)' names no indicator and has no value; not an indicator",
            at: l3cell.location))
        return nil
      }
    }
    let valueCell: Cell?
    if valueAfterHistory {
      // 前年 | 上年 | 预期当年实现值: the last value-like cell is the target, the ones before it
      // are earlier values, labelled from the right.
      let ordered = (values + history.map(\.1) + displaced).sorted { $0.column < $1.column }
      valueCell = ordered.last
      let earlier = ordered.dropLast()
      let labels = historyLabels.suffix(earlier.count)
      let padding = earlier.count - labels.count
      history = earlier.enumerated().map { k, cell in
        (k < padding ? "" : labels[labels.startIndex + k - padding], cell)
      }
    } else {
      valueCell = values.first
      history += (values.dropFirst() + displaced).map { ("", $0) }
    }
    var valueText = valueCell?.text ?? ""
    var parsed: Value?
    if opText != nil || unitText != nil {
      // 指标性质 + 指标值 + 度量单位 in separate columns: one typed value from the three.
      let op = opText ?? ""
      let qualitative = op.has("定性") || op.has("正向") || op.has("反向")
      let combined =
        (qualitative ? "" : op) + valueText.trimmedPadding() + (unitText ?? "")
      if !valueText.trimmedPadding().isEmpty {
        valueText = combined
        parsed = ValueParser.parse(combined)
        if qualitative { evaluation["指标性质"] = op }
      }
    }
    var l1 = level1 ?? ""
    let l2 = level2 ?? ""
    if let parent = LevelLabels.usualParent(ofLevel2: l2), LevelLabels.isLevel2Label(l2) {
      let core1 = LevelLabels.core(l1)
      let keep =
        LevelLabels.acceptedParents(ofLevel2: l2).contains { LevelLabels.core($0) == core1 }
        || !LevelLabels.isStandardLevel1(l1)
      if !keep || l1.isEmpty {
        diagnostics.append(
          Diagnostic(
            l1.isEmpty ? .info : .warning, "level1-repaired",
            l1.isEmpty
              ? "no 一级指标 for '\(l2)'; the taxonomy gives '\(parent)'"
              : "the grid puts '\(l2)' under '\(l1)'; the taxonomy gives '\(parent)'",
            at: l3cell.location))
        l1 = parent
      }
    }
    if l1.isEmpty && l2.isEmpty && valueText.trimmedPadding().isEmpty {
      diagnostics.append(
        Diagnostic(
          .info, "not-an-indicator",
          "'\(level3Text)' has no 一级, 二级 or value under the indicator header; not an indicator",
          at: l3cell.location))
      return nil
    }
    if l1.isEmpty || l2.isEmpty {
      diagnostics.append(
        Diagnostic(
          .warning, "level-missing",
          "indicator '\(level3Text)' has no \(l1.isEmpty ? "一级" : "二级")指标", at: l3cell.location))
    }
    return Indicator(
      period: group.period, level1: l1, level2: l2, level3: level3Text,
      value: TimeLimits.reading(parsed ?? ValueParser.parse(valueText), under: l2),
      standard: standards.first.map { TextFolding.joinLines($0.paragraphs) },
      history: history.map { HistoryValue(label: $0.0, value: ValueParser.parse($0.1.text)) },
      evaluation: evaluation.isEmpty ? nil : evaluation,
      location: l3cell.location)
  }
}
