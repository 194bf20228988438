import TablemendVocabulary

/// A header printed on two lines, each column's words split between them
/// (`年度 | 实际 | 分值` over `指标值 | 完成值`): the second line's words are the tails of the
/// first line's unfinished ones, in order.
enum HeaderLines {
  /// Words that begin a column header and need a tail (`年度` + `指标值`, `实际` + `完成值`).
  static let prefixes: Set<String> = ["年度", "年初", "实际", "全年", "预期", "当年", "本年", "调整后", "目标"]

  /// True when the text is a header word's first half.
  static func isPrefix(_ text: String) -> Bool {
    prefixes.contains(LabelFolding.key(text))
  }

  /// The header cells with second-line tails joined to their first-line halves.
  static func merge(_ cells: [StreamCell]) -> [StreamCell] {
    guard let firstLine = cells.first?.location.line else { return cells }
    let top = cells.filter { $0.location.line == firstLine }
    let tails = cells.filter { $0.location.line != firstLine && !isPrefix($0.text) }
    let halves = top.indices.filter { isPrefix(top[$0].text) }
    guard !halves.isEmpty, !tails.isEmpty else { return cells }
    var out = top
    for (n, index) in halves.enumerated() where n < tails.count {
      let cell = top[index]
      out[index] = StreamCell(
        text: cell.text + tails[n].text, location: cell.location, rowBreak: cell.rowBreak)
    }
    if tails.count > halves.count { out += tails[halves.count...] }
    return out
  }
}
