import TablemendModel

/// A compact, hand-checkable description of a value's core: kind, operator, number, unit,
/// bounds, period, approximation. Subject and unparsed text are checked separately.
func describe(_ v: Value) -> String {
  func num(_ d: Double?) -> String {
    guard let d else { return "?" }
    if d == d.rounded(), abs(d) < 1e15 { return String(Int64(d)) }
    return String(d)
  }
  func unit(_ u: String?) -> String { u.map { " " + $0 } ?? "" }
  func date(_ d: Value.DateParts?) -> String {
    guard let d else { return "none" }
    let y = d.year.map(String.init) ?? "?"
    let m = d.month.map(String.init) ?? "?"
    let day = d.day.map(String.init) ?? "?"
    return "\(y)-\(m)-\(day)" + (d.relation.map { " " + $0 } ?? "")
  }
  var s: String
  switch v.kind {
  case .empty:
    s = "empty"
  case .comparison:
    s = "\(v.op?.rawValue ?? "nil") \(num(v.value))\(unit(v.unit))"
  case .range:
    let lo = v.minInclusive == true ? "[" : "("
    let hi = v.maxInclusive == true ? "]" : ")"
    s = "\(lo)\(num(v.min)),\(num(v.max))\(hi)\(unit(v.unit))"
  case .deadline:
    s = "deadline " + date(v.date)
    if let f = v.from { s += " from " + date(f) }
  case .frequency:
    s = "every " + (v.every ?? "?") + (v.at.map { " at " + $0 } ?? "")
  case .qualitative:
    s = "qual"
    if let d = v.direction { s += " " + d }
    if let g = v.grade { s += " grade=" + g }
  case .multiple:
    let parts = (v.parts ?? []).map { p in (p.label.map { $0 + ": " } ?? "") + describe(p.value) }
    s = "multi[" + parts.joined(separator: " | ") + "]"
  }
  if let p = v.per { s += " per " + p }
  if v.approximate == true { s += " approx" }
  return s
}
