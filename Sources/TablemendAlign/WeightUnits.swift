import TablemendModel
import TablemendVocabulary

/// A weight and a unit glued where a header gives each a column, the weight's first
/// (Chongqing's 一般性项目绩效目标表: `指标名称 | 指标权重 | 计量单位 | 指标性质 | 指标值`, run
/// together as `预算执行率10%=100`: weight 10, unit %, sign =, value 100).
enum WeightUnits {
  /// `cells` with each unsigned number-and-unit value (`10%`, `10公里`) cut into the number and
  /// the unit, for a template whose unit column follows its weight column; unchanged
  /// otherwise.
  static func split(_ cells: [StreamCell], for template: IndicatorTemplate) -> [StreamCell] {
    let roles = template.roles
    guard template.fromHeader, let w = roles.firstIndex(of: .weight), w + 1 < roles.count,
      roles[w + 1] == .unit
    else { return cells }
    var out: [StreamCell] = []
    out.reserveCapacity(cells.count)
    for cell in cells {
      guard cell.kind == .value, let (number, unit) = numberAndUnit(cell.text) else {
        out.append(cell)
        continue
      }
      let at = cell.location
      out.append(StreamCell(text: number, kind: .number, location: at, rowBreak: cell.rowBreak))
      out.append(
        StreamCell(
          text: unit, kind: .unit,
          location: Location(line: at.line, column: at.column + number.count), rowBreak: .none))
    }
    return out
  }

  /// `10%` → (`10`, `%`); nil for a value with a sign, words or no unit.
  static func numberAndUnit(_ text: String) -> (String, String)? {
    let digits = text.prefix { ($0.isASCII && $0.isNumber) || $0 == "." }
    guard !digits.isEmpty, digits.first != ".", digits.count < text.count else { return nil }
    let unit = String(text.dropFirst(digits.count))
    guard CellClassifier.classify(unit) == .unit else { return nil }
    return (String(digits), unit)
  }
}
