import TablemendVocabulary

/// The columns of one indicator block, in order, with the header text that named each.
///
/// Always starts 一级, 二级, 三级; the columns after the name come from the header (or, with no
/// header, a superset that the aligner fills where the cells fit). An optional sign column
/// before the first target and a unit column after it are added when the header has none, so a
/// target split over cells (`≥ | 95 | %`) is read as one value.
public struct IndicatorTemplate: Sendable, Hashable {
  /// The role of each column.
  public var roles: [ColumnRole]
  /// The header text of each column ("" where the template added the column).
  public var labels: [String]
  /// True when the columns come from a header row in the text.
  public var fromHeader: Bool

  /// The template with no header: sign, target, unit, standard, result, score, reason.
  public static let headerless = IndicatorTemplate(
    roles: [.level1, .level2, .level3, .op, .target, .unit, .note, .result, .score, .reason],
    labels: ["", "", "", "", "", "", "", "实际完成值", "得分", "偏差原因"], fromHeader: false,
    level1Column: 0)

  /// A header the aligner does not model: its block is skipped.
  public static let unsupported = IndicatorTemplate(
    roles: [], labels: [], fromHeader: true, level1Column: 0)

  /// The template a header row names, or nil when the row does not name a 三级 column. Period
  /// groups printed side by side (`一级 | 二级 | 三级 | 指标值 | 二级 | 三级 | 指标值`, a mid-term and
  /// an annual group sharing the 一级) become one group of columns each after the shared 一级.
  public static func from(header unordered: [StreamCell]) -> IndicatorTemplate? {
    let cells = levelLineFirst(unordered)
    var roles: [ColumnRole] = []
    var labels: [String] = []
    // Columns a listing puts before the indicator's own (项目名称 | 预算数 | 年度目标 | 一级指标 …)
    // on the level headers' line: kept as leading notes.
    var leading: [String] = []
    let levelAt = cells.firstIndex { $0.kind.isLevelHeader }
    // A header written one word a line puts every word before the level words in the listing.
    let oneWordLines =
      levelAt.map { at in
        cells.filter { $0.location.line == cells[at].location.line }.count == 1
      } ?? false
    for (n, cell) in cells.enumerated() {
      guard case .header(let role) = cell.kind else { continue }
      if let levelAt, n < levelAt,
        cell.location.line == cells[levelAt].location.line || oneWordLines,
        ![.level1, .level2, .level3].contains(role)
      {
        leading.append(LabelFolding.display(cell.text))
        continue
      }
      roles.append(role)
      labels.append(LabelFolding.display(cell.text))
    }
    guard roles.contains(.level3) || roles.contains(.level2) else { return nil }
    let groups = periodGroups(Array(zip(roles, labels)))
    // A 一级 column repeated in a later group is not modelled.
    if groups.dropFirst().contains(where: { $0.contains { $0.0 == .level1 } }) { return nil }
    var outRoles: [ColumnRole] =
      Array(repeating: .note, count: leading.count) + [.level1, .level2, .level3]
    var outLabels = leading + ["一级指标", "二级指标", "三级指标"]
    var laterGroups: [Int] = []
    for (g, group) in groups.enumerated() {
      if g > 0 {
        laterGroups.append(outRoles.count)
        outRoles += [.level2, .level3]
        outLabels += ["二级指标", "三级指标"]
      }
      for (role, label) in valueColumns(group) {
        outRoles.append(role)
        outLabels.append(label)
      }
    }
    var template = IndicatorTemplate(
      roles: outRoles, labels: outLabels, fromHeader: true, level1Column: leading.count)
    template.laterGroups = laterGroups
    return template
  }

  /// The header's columns cut into period groups: a new group starts where a 二级 (or, with
  /// none, a 三级) column comes again after a 三级 column.
  static func periodGroups(_ columns: [(ColumnRole, String)]) -> [[(ColumnRole, String)]] {
    let opener: ColumnRole = columns.contains { $0.0 == .level2 } ? .level2 : .level3
    var groups: [[(ColumnRole, String)]] = [[]]
    var sawName = false
    for column in columns {
      if column.0 == opener, sawName {
        groups.append([])
        sawName = false
      }
      if column.0 == .level3 { sawName = true }
      groups[groups.count - 1].append(column)
    }
    return groups
  }

  /// The value columns of one group, in the order the aligner expects: a second target is a
  /// note, history before the target named after it, standards last before the reason, and a
  /// sign and a unit column around the target where the header has none.
  static func valueColumns(_ columns: [(ColumnRole, String)]) -> [(ColumnRole, String)] {
    var rest: [(ColumnRole, String)] = []
    var sawTarget = false
    for (role, label) in columns where ![.level1, .level2, .level3].contains(role) {
      if role == .target && sawTarget {
        rest.append((.note, label))
        continue
      }
      if role == .target { sawTarget = true }
      rest.append((role, label))
    }
    // History columns (近两年, 上年) with a target named after them (预期当年实现值): that one is
    // the target, the spanning 指标值 above them is not a column of its own.
    if let later = rest.lastIndex(where: { $0.0 == .note && isTargetWord($0.1) }),
      let first = rest.firstIndex(where: { $0.0 == .target }), first < later,
      rest[..<later].contains(where: { $0.0 == .note && ColumnRole.isHistory(header: $0.1) })
    {
      rest[later].0 = .target
      // The spanning header, and its repeats where an export wrote a merged cell once per
      // column (docx2python), are no columns of their own.
      let spanning = rest[first].1
      rest.removeAll { ($0.0 == .target || $0.0 == .note) && $0.1 == spanning }
    }
    // A group label over the history columns (近两年指标值 over 上年 | 前年) is no column.
    if rest.contains(where: { $0.0 == .note && ($0.1.contains("上年") || $0.1.contains("前年")) }) {
      rest.removeAll { $0.0 == .note && $0.1.contains("近两年") }
    }
    // A standard (…依据, …标准) column is the last of the value columns.
    let standards = rest.filter { $0.0 == .note && ($0.1.contains("依据") || $0.1.contains("标准")) }
    rest.removeAll { $0.0 == .note && ($0.1.contains("依据") || $0.1.contains("标准")) }
    let reasonAt = rest.firstIndex { $0.0 == .reason } ?? rest.count
    rest.insert(contentsOf: standards, at: reasonAt)
    if !sawTarget {
      // A result column with no target column before it: a target column is assumed first.
      rest.insert((.target, ""), at: 0)
    }
    if !rest.contains(where: { $0.0 == .op }), let t = rest.firstIndex(where: { $0.0 == .target }) {
      rest.insert((.op, ""), at: t)
    }
    if !rest.contains(where: { $0.0 == .unit }), let t = rest.firstIndex(where: { $0.0 == .target })
    {
      rest.insert((.unit, ""), at: t + 1)
    }
    return rest
  }

  /// A header over two lines whose level words are on the second (`绩效指标 | 年度指标值 |
  /// 实际完成值 | 分值` over `一级指标 | 二级指标 | 三级指标 | 指标性质 | 指标值 | 度量单位`): the
  /// level line's columns come first, then the other line's; a target above the level line's
  /// own target is the group label over it.
  static func levelLineFirst(_ cells: [StreamCell]) -> [StreamCell] {
    guard
      let level = cells.first(where: {
        if case .header(let role) = $0.kind { return role == .level3 || role == .level2 }
        return false
      })?.location.line,
      let first = cells.first?.location.line, first < level,
      // Lines that are rows of the header: a cell-per-line export has one header word a line.
      cells.filter({ $0.location.line == level }).count >= 2
    else { return cells }
    let own = cells.filter { $0.location.line >= level }
    let ownTarget = own.contains { $0.kind == .header(.target) }
    let above = cells.filter {
      $0.location.line < level && !(ownTarget && $0.kind == .header(.target))
    }
    // A level word printed above the level line (`一级` / `指标` wrapped onto lines of its own)
    // is still the first column.
    return above.filter(\.kind.isLevelHeader) + own + above.filter { !$0.kind.isLevelHeader }
  }

  static func isTargetWord(_ label: String) -> Bool {
    label.contains("实现值") || label.contains("预期") || label.contains("目标值")
  }

  /// The first column (the 二级) of each period group after the first; empty for one group.
  public var laterGroups: [Int] = []

  /// The columns of period group `g` as a one-group template, with the full template's column
  /// of each of its columns.
  public func group(_ g: Int) -> (template: IndicatorTemplate, columns: [Int]) {
    let first = g == 0 ? level2Column : laterGroups[g - 1]
    let end = g < laterGroups.count ? laterGroups[g] : roles.count
    let columns = Array(0...level1Column) + Array(first..<end)
    let template = IndicatorTemplate(
      roles: columns.map { roles[$0] }, labels: columns.map { labels[$0] },
      fromHeader: fromHeader, level1Column: level1Column)
    return (template, columns)
  }

  /// The number of period groups.
  public var groupCount: Int { laterGroups.count + 1 }

  /// The index of the 一级 column (after a listing's leading columns).
  public var level1Column: Int = 0
  /// The index of the 二级 column.
  public var level2Column: Int { level1Column + 1 }
  /// The index of the 三级 column.
  public var nameColumn: Int { level1Column + 2 }
}
