import Tablemend

/// The rows of `funds.csv` and `fields.csv`: each fund and each field of a form, with the
/// file, the form's number in its document (from 1), kind, name and year.
public enum FormRows {
  /// The header of `funds.csv`.
  public static let fundColumns = [
    "file", "form", "form_kind", "name", "year", "label", "period", "amount", "unit", "category",
  ]
  /// The header of `fields.csv`.
  public static let fieldColumns = ["file", "form", "form_kind", "name", "year", "field", "value"]

  /// Every fund of `document`, as CSV fields (text guarded against formulas).
  public static func funds(of document: Document) -> [[String]] {
    document.forms.enumerated().flatMap { number, form in
      form.funds.map { fund in
        lead(document, number, form) + [
          CSVFormat.guarded(fund.label), CSVFormat.guarded(fund.period),
          IndicatorRow.number(fund.amount), CSVFormat.guarded(fund.unit),
          CSVFormat.guarded(fund.category ?? ""),
        ]
      }
    }
  }

  /// Every field of `document`, as CSV fields, names sorted within a form.
  public static func fields(of document: Document) -> [[String]] {
    document.forms.enumerated().flatMap { number, form in
      form.fields.keys.sorted().map { name in
        lead(document, number, form) + [
          CSVFormat.guarded(name), CSVFormat.guarded(form.fields[name] ?? ""),
        ]
      }
    }
  }

  static func lead(_ document: Document, _ number: Int, _ form: Form) -> [String] {
    [
      CSVFormat.guarded(document.source.path), String(number + 1), form.kind.rawValue,
      CSVFormat.guarded(IndicatorRow.name(of: form) ?? ""), form.year.map(String.init) ?? "",
    ]
  }
}
