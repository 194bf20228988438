import Tablemend

/// One indicator flattened with the form it belongs to: a row of `indicators.csv`.
public struct IndicatorRow: Sendable, Hashable {
  /// The header of `indicators.csv`, in column order.
  public static let columns = [
    "file", "form_kind", "form_title", "name", "period", "level1", "level2", "level3", "raw",
    "kind", "op", "value", "unit", "standard", "year", "form", "min", "max", "per", "history",
    "evaluation",
  ]

  /// Field labels read into the `name` column, first found wins.
  public static let nameLabels = ["项目名称", "部门名称", "单位名称", "部门（单位）名称", "部门(单位)名称"]

  public var file: String
  public var formKind: String
  public var formTitle: String?
  /// 项目名称 of a project form, 部门名称 of a department form.
  public var name: String?
  public var period: String
  public var level1: String
  public var level2: String
  public var level3: String
  public var raw: String
  public var kind: String
  public var op: String?
  public var value: Double?
  public var unit: String?
  public var standard: String?
  /// The form's year.
  public var year: Int?
  /// The form's number in its document, from 1.
  public var formNumber: Int
  /// A range's bounds.
  public var min: Double?
  public var max: Double?
  /// What the value is counted per (`元/人`: `人`).
  public var per: String?
  /// History values (上年 / 前年) as `label=raw`, joined by ` | `.
  public var history: String
  /// A self-evaluation's results (实际完成值, 分值, 得分 …) as `label=value`, joined by ` | `.
  public var evaluation: String

  /// Flattens `indicator` of `form` (number `formNumber` of its document, from 1) in the
  /// file `path`.
  public init(path: String, form: Form, indicator: Indicator, formNumber: Int = 1) {
    file = path
    formKind = form.kind.rawValue
    formTitle = form.title
    name = IndicatorRow.name(of: form)
    period = indicator.period
    level1 = indicator.level1
    level2 = indicator.level2
    level3 = indicator.level3
    raw = indicator.value.raw
    kind = indicator.value.kind.rawValue
    op = indicator.value.op?.rawValue
    value = indicator.value.value
    unit = indicator.value.unit
    standard = indicator.standard
    year = form.year
    self.formNumber = formNumber
    min = indicator.value.min
    max = indicator.value.max
    per = indicator.value.per
    history = indicator.history.map { "\($0.label)=\($0.value.raw)" }.joined(separator: " | ")
    evaluation = (indicator.evaluation ?? [:]).keys.sorted().map {
      "\($0)=\(indicator.evaluation?[$0] ?? "")"
    }.joined(separator: " | ")
  }

  /// Every indicator row of `document`, forms and indicators in order.
  public static func rows(of document: Document) -> [IndicatorRow] {
    document.forms.enumerated().flatMap { number, form in
      form.indicators.map {
        IndicatorRow(
          path: document.source.path, form: form, indicator: $0, formNumber: number + 1)
      }
    }
  }

  /// The form's 项目名称 or 部门名称 (or a close label), if it states one.
  public static func name(of form: Form) -> String? {
    for label in nameLabels {
      if let value = form.fields[label], !value.isEmpty { return value }
    }
    let near = form.fields.keys.sorted().first {
      $0.hasSuffix("名称") && !$0.contains("指标") && form.fields[$0]?.isEmpty == false
    }
    return near.flatMap { form.fields[$0] }
  }

  /// The row's fields in `columns` order, as text (empty for nil); every text column guarded
  /// against formula injection (`CSVFormat.guarded`), the number column left a number.
  public var fields: [String] {
    let texts = [
      file, formKind, formTitle ?? "", name ?? "", period, level1, level2, level3, raw, kind,
      op ?? "",
    ].map(CSVFormat.guarded)
    return texts + [
      value.map(IndicatorRow.number) ?? "", CSVFormat.guarded(unit ?? ""),
      CSVFormat.guarded(standard ?? ""), year.map(String.init) ?? "", String(formNumber),
      min.map(IndicatorRow.number) ?? "", max.map(IndicatorRow.number) ?? "",
      CSVFormat.guarded(per ?? ""), CSVFormat.guarded(history), CSVFormat.guarded(evaluation),
    ]
  }

  /// A number as people write it: `100`, `98.5`, `0.001` (no `.0`, no exponent for
  /// ordinary sizes).
  public static func number(_ x: Double) -> String {
    if x.isNaN || x.isInfinite { return "\(x)" }
    if x == x.rounded(), abs(x) < 1e15 { return String(Int64(x)) }
    return "\(x)"
  }
}
