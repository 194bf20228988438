import TablemendVocabulary

/// Names that are a label's words: the 三级 `服务对象满意度` under the 二级
/// `服务对象满意度指标`.
enum LabelNames {
  /// `cells` with a bare label core (no 指标 or 目标 after it) that follows the same label
  /// written in full read as text: it is the indicator's name, not the label again.
  static func mark(_ cells: [StreamCell]) -> [StreamCell] {
    var out = cells
    for i in cells.indices.dropFirst() {
      switch cells[i].kind {
      case .level1, .level2, .eitherLevel: break
      default: continue
      }
      let previous = cells[i - 1]
      switch previous.kind {
      case .level1, .level2, .eitherLevel: break
      default: continue
      }
      let key = LabelFolding.withoutScore(LabelFolding.key(cells[i].text))
      let full = LabelFolding.withoutScore(LabelFolding.key(previous.text))
      guard key.count >= 3, full.count > key.count, full.hasPrefix(key),
        LevelLabels.core(previous.text) == key
      else { continue }
      out[i].kind = key.count <= 4 ? .shortText : .text
    }
    return out
  }

  /// `cells` with a label that is both a 一级 and a 二级 (`满意度指标`) read by the outline number
  /// before it, in prose that lists indicators under headings: `三、满意度指标` is a 一级,
  /// `(三)满意度指标` a 二级.
  static func markOutlineLevels(_ cells: [StreamCell]) -> [StreamCell] {
    var out = cells
    for i in cells.indices.dropFirst() where cells[i].kind == .eitherLevel {
      let number = LabelFolding.key(cells[i - 1].text)
      guard CellClassifier.isOutlineNumber(number) else { continue }
      out[i].kind = number.hasPrefix("(") ? .level2 : .level1
    }
    return out
  }
}
