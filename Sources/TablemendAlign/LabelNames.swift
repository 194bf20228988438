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
      let sameLabel =
        key.count >= 3 && full.count > key.count && full.hasPrefix(key)
        && LevelLabels.core(previous.text) == key
      // A bare 二级 core after a wider 二级 on its line, with a target after it on the line
      // (`社会公众或服务对象满意度 | 服务对象满意度 | 满意`): the row's name.
      let narrower =
        key.count >= 3 && !key.hasSuffix("指标") && full != key && full.hasSuffix(key)
        && cells[i].kind == .level2 && i + 1 < cells.count
        && cells[i + 1].location.line == cells[i].location.line
        && previous.location.line == cells[i].location.line
        && [.value, .verdict, .shortText].contains(cells[i + 1].kind)
      guard sameLabel || narrower else { continue }
      out[i].kind = key.count <= 4 ? .shortText : .text
    }
    return out
  }

  /// `cells` with a label that is both a 一级 and a 二级 (`满意度指标`) read by the outline number
  /// before it, in prose that lists indicators under headings: numbered in the style the text
  /// numbers its plain 一级 or 二级 labels with (`(一)产出指标` … `1、数量指标` … `4、成本指标` is a
  /// 二级), or else `三、满意度指标` a 一级 and `(三)满意度指标` a 二级.
  static func markOutlineLevels(_ cells: [StreamCell]) -> [StreamCell] {
    var out = cells
    var level1Styles = Set<OutlineStyle>()
    var level2Styles = Set<OutlineStyle>()
    for i in cells.indices.dropFirst() where cells[i].kind == .level1 || cells[i].kind == .level2 {
      let number = LabelFolding.key(cells[i - 1].text)
      guard CellClassifier.isOutlineNumber(number) else { continue }
      if cells[i].kind == .level1 {
        level1Styles.insert(OutlineStyle(number))
      } else {
        level2Styles.insert(OutlineStyle(number))
      }
    }
    for i in cells.indices.dropFirst() where cells[i].kind == .eitherLevel {
      let number = LabelFolding.key(cells[i - 1].text)
      guard CellClassifier.isOutlineNumber(number) else { continue }
      let style = OutlineStyle(number)
      if level2Styles.contains(style) && !level1Styles.contains(style) {
        out[i].kind = .level2
      } else if level1Styles.contains(style) && !level2Styles.contains(style) {
        out[i].kind = .level1
      } else {
        out[i].kind = number.hasPrefix("(") ? .level2 : .level1
      }
    }
    return out
  }

  /// How an outline number is written: in brackets or not, in Chinese numerals or digits
  /// (`(一)`, `1、`, `三、`).
  struct OutlineStyle: Hashable {
    var bracketed: Bool
    var chinese: Bool

    init(_ number: String) {
      bracketed = number.hasPrefix("(")
      chinese = number.contains { "一二三四五六七八九十".contains($0) }
    }
  }

  /// `cells` with `成本指标`, a 一级 in newer templates and a 二级 under 产出指标 in older ones,
  /// read by its neighbours: a 二级 when the label before it is a 二级 under 产出指标
  /// (数量 / 质量 / 时效), or is 产出指标 itself in the cell right before it (a row that repeats
  /// its 一级: `产出指标 | 成本指标 | …`), and no cost 二级 (`经济成本指标` …) follows it as its own.
  static func markCostLevel(_ cells: [StreamCell]) -> [StreamCell] {
    var out = cells
    var previousLabel: String?
    for i in cells.indices {
      let kind = cells[i].kind
      guard kind == .level1 || kind == .level2 || kind == .eitherLevel else { continue }
      defer { previousLabel = LabelFolding.withoutScore(LabelFolding.key(cells[i].text)) }
      guard kind == .eitherLevel,
        LabelFolding.withoutScore(LabelFolding.key(cells[i].text)) == "成本指标",
        let before = previousLabel,
        (LevelLabels.isLevel2(before) && !LevelLabels.isLevel1(before)
          && LevelLabels.usualParent(ofLevel2: before) == "产出指标")
          || (before == "产出指标" && cells[i - 1].kind == .level1)
      else { continue }
      let next = cells[(i + 1)...].prefix(8).first {
        $0.kind == .level1 || $0.kind == .level2 || $0.kind == .eitherLevel
      }
      if let next, next.kind == .level2,
        LevelLabels.acceptedParents(ofLevel2: next.text).first == "成本指标"
      {
        continue
      }
      out[i].kind = .level2
    }
    return out
  }
}
