import TablemendVocabulary

/// A header printed on two lines, each column's words split between them
/// (`年度 | 实际 | 分值` over `指标值 | 完成值`): the second line's words are the tails of the
/// first line's unfinished ones, in order.
enum HeaderLines {
  /// Words that begin a column header and need a tail (`年度` + `指标值`, `实际` + `完成值`).
  static let prefixes: Set<String> = ["年度", "年初", "实际", "全年", "预期", "当年", "本年", "调整后", "目标"]

  /// Second halves of header words.
  static let tailWords: Set<String> = ["指标值", "完成值", "目标值", "实现值", "执行数", "预算数"]

  /// True when the text is a header word's first half.
  static func isPrefix(_ text: String) -> Bool {
    prefixes.contains(LabelFolding.key(text))
  }

  /// The header cells with second-line tails joined to their first-line halves.
  static func merge(_ cells: [StreamCell]) -> [StreamCell] {
    guard let firstLine = cells.first?.location.line else { return cells }
    var top = cells.filter { $0.location.line == firstLine }
    var tails = cells.filter { $0.location.line != firstLine && !isPrefix($0.text) }
    if tails.isEmpty {
      // One line (the line breaks were lost): the tails are the header's last cells, each a
      // bare tail word (`年度 实际 分值 得分 指标值 完成值`).
      var n = top.count
      while n > 0, tailWords.contains(LabelFolding.key(top[n - 1].text)) { n -= 1 }
      tails = Array(top[n...])
      top = Array(top[..<n])
    }
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
