import TablemendVocabulary

/// Headers of tables without level columns, whose name column is headed by a bare `指标`
/// (Chongqing's 一般性项目绩效目标表: `指标 | 指标权重 | 计量单位 | 指标性质 | 指标值`).
///
/// `指标` alone is a name header only in such a header row: elsewhere it is half of a wrapped
/// `绩效 / 指标` band label or a word of a sentence.
enum NameHeaders {
  /// `cells` with each bare `指标` read as the 三级 header where at least two of the next four
  /// cells head a target, sign, unit or weight column and no level header is within five
  /// cells either side.
  static func mark(_ cells: [StreamCell]) -> [StreamCell] {
    var out = cells
    for i in cells.indices where LabelFolding.key(cells[i].text) == "指标" {
      let after = cells[(i + 1)..<min(cells.count, i + 5)]
      let columns = after.count {
        if case .header(let role) = $0.kind {
          return [.target, .op, .unit, .weight].contains(role)
        }
        return false
      }
      let near = cells[max(0, i - 5)..<min(cells.count, i + 6)]
      guard columns >= 2, !near.contains(where: { $0.kind.isLevelHeader }) else { continue }
      out[i].kind = .header(.level3)
    }
    return out
  }
}
