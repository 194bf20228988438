import Tablemend

/// A golden and a fresh conversion compared the way a reviewer reads forms: indicators matched
/// by period and levels (`annual/产出指标/数量指标/培训人次`), fields by name and funds by label
/// and period, not by position, so that one removed indicator is one line and not a shift of
/// every indicator after it.
public enum KeyedReview {
  /// One line per indicator, field or fund added, removed or changed, form by form (forms are
  /// matched by their place; a form added or removed is one line too).
  public static func lines(old: Document, new: Document) -> [String] {
    var out: [String] = []
    for index in 0..<max(old.forms.count, new.forms.count) {
      let prefix = "form \(index + 1)"
      guard index < old.forms.count else {
        out.append("+ \(prefix) added: \(describe(new.forms[index]))")
        continue
      }
      guard index < new.forms.count else {
        out.append("- \(prefix) removed: \(describe(old.forms[index]))")
        continue
      }
      let before = old.forms[index]
      let after = new.forms[index]
      if before.kind != after.kind || before.title != after.title || before.year != after.year {
        out.append("~ \(prefix): \(describe(before)) → \(describe(after))")
      }
      out += compare(
        keyed(before.indicators, key: indicatorKey), keyed(after.indicators, key: indicatorKey),
        what: "\(prefix) indicator", show: showIndicator)
      out += compare(
        keyed(before.fields.sorted { $0.key < $1.key }, key: { $0.key }),
        keyed(after.fields.sorted { $0.key < $1.key }, key: { $0.key }),
        what: "\(prefix) field", show: { $0.value })
      out += compare(
        keyed(before.funds, key: fundKey), keyed(after.funds, key: fundKey),
        what: "\(prefix) fund", show: { "\(IndicatorRow.number($0.amount)) \($0.unit)" })
    }
    return out
  }

  /// Paths of the JSON differences that the keyed lines account for (indicators, fields and
  /// funds of forms present in both).
  public static func isKeyed(_ path: String) -> Bool {
    guard path.hasPrefix("forms[") else { return false }
    return [".indicators", ".fields", ".funds"].contains { path.contains($0) }
  }

  static func indicatorKey(_ i: Indicator) -> String {
    [i.period, i.level1, i.level2, i.level3].joined(separator: "/")
  }

  static func fundKey(_ fund: Fund) -> String { "\(fund.label) (\(fund.period))" }

  static func showIndicator(_ i: Indicator) -> String {
    var text = i.value.raw.isEmpty ? "(empty)" : i.value.raw
    text += " [\(i.value.kind.rawValue)"
    if let op = i.value.op { text += " \(op.rawValue)" }
    if let value = i.value.value { text += " \(IndicatorRow.number(value))" }
    if let unit = i.value.unit { text += " \(unit)" }
    text += "]"
    if let standard = i.standard { text += " standard \(standard)" }
    if let evaluation = i.evaluation, !evaluation.isEmpty {
      text +=
        " "
        + evaluation.keys.sorted().map { "\($0)=\(evaluation[$0] ?? "")" }.joined(
          separator: ", ")
    }
    return text
  }

  static func describe(_ form: Form) -> String {
    "\(form.title ?? "(untitled)") [\(form.kind.rawValue)\(form.year.map { ", \($0)" } ?? "")], "
      + "\(form.indicators.count) indicators"
  }

  /// Items by key; a key seen again gets `#2`, `#3` … so that repeated names stay apart.
  static func keyed<T>(_ items: [T], key: (T) -> String) -> [(String, T)] {
    var seen: [String: Int] = [:]
    return items.map { item in
      let base = key(item)
      let n = (seen[base] ?? 0) + 1
      seen[base] = n
      return (n == 1 ? base : "\(base) #\(n)", item)
    }
  }

  /// Lines for the items removed, added and changed, in the order of the old list, then the
  /// new one's additions.
  static func compare<T>(
    _ old: [(String, T)], _ new: [(String, T)], what: String, show: (T) -> String
  ) -> [String] {
    let newByKey = Dictionary(new.map { ($0.0, $0.1) }, uniquingKeysWith: { first, _ in first })
    let oldKeys = Set(old.map(\.0))
    var out: [String] = []
    for (key, item) in old {
      guard let other = newByKey[key] else {
        out.append("- \(what) removed: \(key) = \(show(item))")
        continue
      }
      let before = show(item)
      let after = show(other)
      if before != after { out.append("~ \(what) \(key): \(before) → \(after)") }
    }
    for (key, item) in new where !oldKeys.contains(key) {
      out.append("+ \(what) added: \(key) = \(show(item))")
    }
    return out
  }
}
