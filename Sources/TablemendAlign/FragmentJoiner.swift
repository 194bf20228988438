import TablemendVocabulary

/// Joins labels and header words that an export wrapped over several cells (`数量` / `指标`,
/// `经济效` / `益指标`, `年度` / `指标值`, `偏差原因` / `分析及` / `改进措施`) and drops score notes
/// printed under a label (`(50)`, `30分)`).
public enum FragmentJoiner {
  /// The stream with wrapped labels joined.
  static func join(_ cells: [StreamCell], memo: KindMemo = KindMemo()) -> [StreamCell] {
    var out: [StreamCell] = []
    var i = 0
    while i < cells.count {
      var cell = cells[i]
      // A score note under a level label belongs to the label.
      if let last = out.last, isLevel(last.kind), LabelFolding.isScoreNote(cell.text) {
        i += 1
        continue
      }
      // A label printed down a cell, a character or two a line (`产出` / `指` / `标`): the
      // pieces join when together they make a level label.
      if let end = verticalLabelEnd(cells, from: i, memo: memo) {
        let text = cells[i...end].map(\.text).joined()
        out.append(
          StreamCell(
            text: text, kind: memo.kind(of: text), location: cell.location,
            rowBreak: cell.rowBreak))
        i = end + 1
        continue
      }
      var j = i + 1
      while j < cells.count, j - i <= 3 {
        // A header word's first half (`实际`, `年度`) starts a header of its own.
        if HeaderLines.isPrefix(cells[j].text) { break }
        // Only short pieces make up a label or a header word.
        guard joinable(cell.kind), joinable(cells[j].kind), cell.text.count <= 16,
          cells[j].text.count <= 12
        else { break }
        let merged = cell.text + cells[j].text
        let joinedKind = memo.kind(of: merged)
        guard joins(cell.kind, cells[j].kind, into: joinedKind, merged) else { break }
        // Across a row break only a label's wrapped tail (`指标`, `满意度指标`) joins.
        if cells[j].rowBreak == .strong && cell.rowBreak != .weak
          && !isWrappedTail(cells[j], joinedKind)
        {
          break
        }
        let location = cell.location
        let evidence = cell.rowBreak
        cell = StreamCell(text: merged, kind: joinedKind, location: location, rowBreak: evidence)
        j += 1
      }
      out.append(cell)
      i = j
    }
    return out
  }

  /// The last cell of a vertical label starting at `i`: up to four following cells of one or
  /// two CJK characters each that, with it, make a level label (the longest such run).
  static func verticalLabelEnd(_ cells: [StreamCell], from i: Int, memo: KindMemo) -> Int? {
    let first = cells[i]
    guard first.text.count <= 4, isFragment(first.kind) || isLevel(first.kind) else { return nil }
    var text = first.text
    var k = i + 1
    var end: Int?
    while k < cells.count, k - i <= 4 {
      let piece = cells[k].text
      guard piece.count <= 2, piece.unicodeScalars.allSatisfy({ $0.value >= 0x3400 }) else {
        break
      }
      text += piece
      // The longest run that is a label (`产` `出` `指` `标`, not `产` `出`).
      if k > i + 1 || !isLevel(first.kind), isLevel(memo.kind(of: text)) { end = k }
      k += 1
    }
    return end
  }

  /// Kinds a half of a label or header word can have.
  static func joinable(_ k: CellKind) -> Bool {
    if case .header = k { return true }
    return isFragment(k) || isLevel(k)
  }

  /// Whether two cells are the two halves of one label or header word.
  static func joins(_ a: CellKind, _ b: CellKind, into joined: CellKind, _ text: String) -> Bool {
    switch joined {
    case .header(let role):
      // Two whole header words are two columns; only a reason's wrapped tail (偏差原因分析及 /
      // 改进措施) joins.
      if case .header(let ra) = a, case .header(let rb) = b {
        return ra == role && rb == role && role == .reason
      }
      // A header word and its wrapped tail (`偏差原因分析及` + `改进措施`): the tail is short.
      if case .header = a { return isFragment(b) && text.count <= 16 }
      if case .header = b { return isFragment(a) }
      return isFragment(a) && isFragment(b)
    case .level1, .level2, .eitherLevel:
      // `经济效益` + `指标`, `服务对象` + `满意度指标`, `经济效` + `益指标`; never two labels.
      if isLevel(a) && isLevel(b) { return false }
      return (isFragment(a) || isLevel(a)) && (isFragment(b) || isLevel(b))
    default:
      return false
    }
  }

  /// The second line of a wrapped label: short, and the join is a level label.
  static func isWrappedTail(_ cell: StreamCell, _ joined: CellKind) -> Bool {
    guard isLevel(joined) else { return false }
    return LabelFolding.key(cell.text).count <= 5
  }

  static func isFragment(_ k: CellKind) -> Bool {
    k == .shortText || k == .text
  }

  static func isLevel(_ k: CellKind) -> Bool {
    k == .level1 || k == .level2 || k == .eitherLevel
  }
}
