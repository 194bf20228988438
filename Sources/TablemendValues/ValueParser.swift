import TablemendModel

/// Turns indicator text into a typed `Value`. Pure: no I/O, no global state.
///
/// The rules, kinds and fields are described in docs/values.md.
public enum ValueParser {
  /// Every unit spelling the parser reads after a number (`万元`, `人次`, `尾`, `km`).
  public static let unitSpellings: [String] = Lexicon.unitEntries.map(\.0)

  /// Normalises one indicator value.
  /// - Parameter text: the cell text as cleaned by the reader (may contain `\n`).
  /// - Returns: a typed value that keeps `text` as `raw`.
  public static func parse(_ text: String) -> Value {
    let t = Scalars(folding: text)
    if t.count == 0 { return .empty(raw: text) }
    if isEmptyMark(t) { return .empty(raw: text) }
    let segments = split(t)
    if segments.count >= 2 {
      var numeric: [(Scalars, QuantityReader.Analysis)] = []
      var all: [(Scalars, QuantityReader.Analysis)] = []
      for r in segments {
        let s = t.slice(r)
        let a = QuantityReader.analyse(s)
        all.append((s, a))
        if !a.quantities.isEmpty { numeric.append((s, a)) }
      }
      if numeric.count >= 2 {
        if all.count == 2, let v = twoSidedRange(text, all[0], all[1]) { return v }
        var v = Value(raw: text, kind: .multiple)
        v.parts = all.map { s, a in
          var p = single(raw: s.string(0, s.count), s, a)
          let label = p.subject
          p.subject = nil
          return Value.Part(label: label, value: p)
        }
        return v
      }
    }
    return single(raw: text, t, QuantityReader.analyse(t))
  }

  /// `/`, `——`, `……`, `N/A`, `空`: nothing stated.
  static func isEmptyMark(_ t: Scalars) -> Bool {
    if t.s.allSatisfy({
      $0 == "/" || $0 == "-" || $0 == "…" || $0 == "." || $0 == "\\" || $0 == "*"
    }) {
      return true
    }
    guard t.count <= 4, let f = t.s.first, !Scalars.isDigit(f) else { return false }
    return Lexicon.emptyMarks.contains(t.key(0, t.count))
  }

  /// Splits at separators outside brackets.
  static func split(_ t: Scalars) -> [Range<Int>] {
    var out: [Range<Int>] = []
    var depth = 0
    var start = 0
    var i = 0
    while i < t.count {
      let c = t[i]
      if c == "(" || c == "[" {
        depth += 1
      } else if c == ")" || c == "]" {
        depth = max(0, depth - 1)
      } else if depth == 0, Scalars.isSeparator(c), !(c == "," && NumberReader.isThousands(t, i)) {
        if i > start { out.append(start..<i) }
        start = i + 1
      }
      i += 1
    }
    if start < t.count { out.append(start..<t.count) }
    return out
  }

  /// `≥95%，≤100%`: a lower and an upper bound in two parts.
  static func twoSidedRange(
    _ raw: String, _ a: (Scalars, QuantityReader.Analysis), _ b: (Scalars, QuantityReader.Analysis)
  ) -> Value? {
    guard a.1.quantities.count == 1, b.1.quantities.count == 1 else { return nil }
    let q1 = a.1.quantities[0]
    let q2 = b.1.quantities[0]
    guard q1.start == 0, q2.start == 0, q1.end == a.0.count, q2.end == b.0.count else {
      return nil
    }
    return rangeOf(raw, q1, q2)
  }

  static func rangeOf(_ raw: String, _ q1: Quantity, _ q2: Quantity) -> Value? {
    guard let o1 = q1.op, let o2 = q2.op, q1.max == nil, q2.max == nil else { return nil }
    var lo = q1
    var hi = q2
    var lop = o1
    var hop = o2
    if (o1 == .lessOrEqual || o1 == .less) && (o2 == .greaterOrEqual || o2 == .greater) {
      swap(&lo, &hi)
      swap(&lop, &hop)
    }
    guard lop == .greaterOrEqual || lop == .greater, hop == .lessOrEqual || hop == .less else {
      return nil
    }
    if let u1 = lo.unit, let u2 = hi.unit, u1 != u2 { return nil }
    var v = Value(raw: raw, kind: .range)
    v.min = lo.value
    v.max = hi.value
    v.minInclusive = lop == .greaterOrEqual
    v.maxInclusive = hop == .lessOrEqual
    v.unit = lo.unit ?? hi.unit
    return v
  }

  /// One value from one run of text.
  static func single(raw: String, _ t: Scalars, _ a: QuantityReader.Analysis) -> Value {
    if t.count == 0 { return .empty(raw: raw) }
    if !a.quantities.isEmpty { return quantityValue(raw: raw, t, a) }
    if let f = frequency(raw: raw, t, a) { return f }
    if let d = deadline(raw: raw, t, a) { return d }
    return qualitative(raw: raw, t, a)
  }

  // MARK: Quantities

  static func quantityValue(raw: String, _ t: Scalars, _ a: QuantityReader.Analysis) -> Value {
    let qs = a.quantities
    var v: Value
    var covered: [Range<Int>] = []
    // Two bounds in one run: 大于90%小于100%, ≥95%且≤100%.
    if qs.count == 2, let r = rangeOf(raw, qs[0], qs[1]), onlyJoiners(t, qs[0].end, qs[1].start) {
      v = r
      covered = spans(qs[0]) + spans(qs[1]) + [qs[0].end..<qs[1].start]
    } else {
      let q = qs.first { $0.op != nil } ?? qs[qs.count - 1]
      covered = spans(q)
      if let mx = q.max {
        v = Value(raw: raw, kind: .range)
        v.min = q.value
        v.max = mx
        v.minInclusive = true
        v.maxInclusive = true
        v.unit = q.unit
        if q.approximate { v.approximate = true }
      } else {
        var op = q.op ?? .equal
        // 约 / 左右 say how exact the number is, not how it compares: `=` with `approximate`.
        if op == .approximately { op = .equal }
        if q.moreThan, op == .equal { op = .greater }
        v = .comparison(raw: raw, op: op, value: q.value, unit: q.unit, per: q.per)
        if q.approximate { v.approximate = true }
        if let u = q.unit { scale(&v, q.value, u) }
      }
      if v.kind == .range { v.per = q.per }
    }
    if let d = mergedDate(a.dates) { v.date = d.0 }
    let (subject, unparsed) = leftovers(t, covered)
    v.subject = subject
    v.unparsed = unparsed
    if let d = directionBefore(t, covered.map(\.lowerBound).min() ?? 0), d == "up" || d == "down" {
      v.direction = d
    }
    return v
  }

  static func onlyJoiners(_ t: Scalars, _ lo: Int, _ hi: Int) -> Bool {
    if hi < lo || hi - lo > 3 { return false }
    for k in lo..<hi {
      switch t[k] {
      case ",", ";", "、", "且", "并", "而", "和", "但", "-", "~", "至", "到": continue
      default: return false
      }
    }
    return true
  }

  static func spans(_ q: Quantity) -> [Range<Int>] {
    var r: [Range<Int>] = [q.numStart..<q.end]
    if let o = q.opSpan { r.append(o) }
    if let p = q.perSpan { r.append(p) }
    return r
  }

  /// Adds the base value beside a scaled unit (`万元` → `元`).
  static func scale(_ v: inout Value, _ value: Double, _ unit: String) {
    guard let f = unit.unicodeScalars.first else { return }
    if unit.unicodeScalars.count == 1 {
      // 万 or 亿 alone: the base value without a unit.
      switch Scalars.simplified(f) {
      case "万": v.baseValue = value * 1e4
      case "亿": v.baseValue = value * 1e8
      default: break
      }
      return
    }
    let rest = String(unit.unicodeScalars.dropFirst())
    switch Scalars.simplified(f) {
    case "万":
      v.baseValue = value * 1e4
      v.baseUnit = rest
    case "亿":
      v.baseValue = value * 1e8
      v.baseUnit = rest
    case "千" where rest == "元":
      v.baseValue = value * 1e3
      v.baseUnit = rest
    default: break
    }
  }

  /// The text outside the quantity's own words: a subject, and notes or stray units that
  /// could not be accounted for.
  static func leftovers(_ t: Scalars, _ covered: [Range<Int>]) -> (String?, [String]?) {
    var lastCovered = 0
    var firstCovered = t.count
    for r in covered {
      lastCovered = max(lastCovered, r.upperBound)
      firstCovered = min(firstCovered, r.lowerBound)
    }
    func isCovered(_ k: Int) -> Bool {
      for r in covered where r.contains(k) { return true }
      return false
    }
    // Positions in `t`, so that the text is reported as written.
    var before: [Int] = Array(0..<min(firstCovered, t.count))
    var between: [Int] = []
    if firstCovered < lastCovered {
      for k in firstCovered..<min(lastCovered, t.count) where !isCovered(k) { between.append(k) }
    }
    var after: [Int] = Array(min(lastCovered, t.count)..<t.count)
    var unparsed: [String] = []
    // Trailing notes in brackets: (计划标准).
    while let l = after.last, t[l] == ")" || t[l] == "]",
      let open = after.lastIndex(where: { t[$0] == "(" || t[$0] == "[" })
    {
      unparsed.insert(t.string(at: after[open...]), at: 0)
      after.removeSubrange(open...)
    }
    after = trim(t, after)
    if !after.isEmpty, allUnits(after.map { t[$0] }) {
      unparsed.insert(t.string(at: after), at: 0)
      after = []
    }
    if let f = after.first, t[f] == "的" { after.removeFirst() }
    before = trim(t, trim(t, before) + trim(t, between))
    var subject: String?
    if !before.isEmpty && !after.isEmpty {
      subject = t.string(at: before) + "…" + t.string(at: after)
    } else if !before.isEmpty {
      subject = t.string(at: before)
    } else if !after.isEmpty {
      subject = t.string(at: after)
    }
    return (subject, unparsed.isEmpty ? nil : unparsed)
  }

  static func isTrimmable(_ c: Unicode.Scalar) -> Bool {
    Scalars.isSeparator(c) || c == ":" || c == " " || c == "\"" || c == "'" || c == "("
      || c == ")" || c == "!" || c == "?"
  }

  /// `positions` of `t` without trimmable characters at either end.
  static func trim(_ t: Scalars, _ positions: [Int]) -> [Int] {
    var lo = 0
    var hi = positions.count
    while lo < hi, isTrimmable(t[positions[lo]]) { lo += 1 }
    while hi > lo, isTrimmable(t[positions[hi - 1]]) { hi -= 1 }
    // Keep balanced brackets: drop an unmatched trailing "(" only.
    return Array(positions[lo..<hi])
  }

  /// True when the text is nothing but units (the stray `次` of `100% 次`).
  static func allUnits(_ a: [Unicode.Scalar]) -> Bool {
    var i = 0
    while i < a.count {
      guard let (len, _) = Lexicon.units.match(a, i) else { return false }
      // A Latin unit ends its word (`mins` is not `min` and `s`).
      if Scalars.isLatin(a[i + len - 1]), i + len < a.count, Scalars.isLatin(a[i + len]) {
        return false
      }
      i += len
    }
    return a.count <= 4
  }

  /// The date a run states: the last token, with the year and period start carried over.
  static func mergedDate(_ tokens: [DateReader.Token]) -> (Value.DateParts, Value.DateParts?)? {
    guard var last = tokens.last else { return nil }
    var from = last.from
    if tokens.count >= 2 {
      let prev = tokens[tokens.count - 2]
      if last.start - prev.end <= 1 && from == nil && prev.parts.relation == nil {
        from = prev.parts
      }
      if last.parts.year == nil, let y = tokens.lazy.compactMap({ $0.parts.year }).last {
        last.parts.year = y
      }
    }
    if var f = from, f.year == nil, let y = last.parts.year {
      f.year = y
      from = f
    }
    return (last.parts, from)
  }

  // MARK: Frequencies and deadlines

  static func frequency(raw: String, _ t: Scalars, _ a: QuantityReader.Analysis) -> Value? {
    var i = 0
    while i < t.count {
      let c = t[i]
      if c == "每" || c == "按" {
        var k = i + 1
        if t.at(k) == "个" || t.at(k) == "一" { k += 1 }
        if let (len, period) = Lexicon.periods.match(t, k) {
          let p = t.written(k, k + len, lexicon: period)
          var v = Value(raw: raw, kind: .frequency)
          v.every = p
          let rest = trim(t, Array((k + len)..<t.count))
          let before = trim(t, Array(0..<i))
          if let f = rest.first.map({ t[$0] }),
            Scalars.isDigit(f) || NumberReader.isChineseStart(f) || f == "第" || f == "月"
              || f == "年" || f == "季" || f == "周" || f == "初" || f == "末" || f == "底"
              || f == "中" || f == "上" || f == "下"
          {
            let atText = t.string(at: rest)
            v.at = (f == "初" || f == "末" || f == "底" || f == "中") ? p + atText : atText
          } else if !rest.isEmpty {
            v.subject = t.string(at: rest)
          }
          if !before.isEmpty {
            let b = t.string(at: before)
            v.subject = v.subject.map { b + "…" + $0 } ?? b
          }
          return v
        }
      }
      i += 1
    }
    return nil
  }

  static func deadline(raw: String, _ t: Scalars, _ a: QuantityReader.Analysis) -> Value? {
    guard let (d, from) = mergedDate(a.dates) else { return nil }
    let dated = d.month != nil || d.day != nil || d.quarter != nil || d.relation != nil
    if !dated && d.year == nil { return nil }
    var covered: [Range<Int>] = a.dates.map { $0.start..<$0.end }
    if a.dates.count >= 2 {
      for k in 1..<a.dates.count {
        let g = a.dates[k - 1].end..<a.dates[k].start
        if onlyJoiners(t, g.lowerBound, g.upperBound) { covered.append(g) }
      }
    }
    let (subject, unparsed) = leftovers(t, covered)
    // A year alone is a deadline only as the whole value (`2021年`, `2021年度`); in a sentence
    // (`较2020年有所提高`) it is the date of a qualitative target.
    if !dated && subject != nil { return nil }
    var v = Value(raw: raw, kind: .deadline)
    v.date = d
    v.from = from
    v.subject = subject
    v.unparsed = unparsed
    return v
  }

  // MARK: Qualitative

  static func qualitative(raw: String, _ t: Scalars, _ a: QuantityReader.Analysis) -> Value {
    var v = Value(raw: raw, kind: .qualitative)
    let text = t.string(0, t.count)
    v.text = text
    if let g = grade(t) {
      v.grade = g.0
      if g.1 { v.op = .greaterOrEqual }
    }
    if v.grade == nil { v.direction = direction(t) }
    if let (d, _) = mergedDate(a.dates) { v.date = d }
    return v
  }

  static func grade(_ t: Scalars) -> (String, Bool)? {
    var lo = 0
    var hi = t.count
    if hi > 12 { return nil }
    for p in Lexicon.gradePrefixWords where p.count < hi && t.has(p, at: 0) {
      lo = p.count
      break
    }
    var atLeast = false
    for suf in Lexicon.gradeSuffixWords where suf.count < hi - lo && t.has(suf, at: hi - suf.count)
    {
      if suf.last == "上" { atLeast = true }
      hi -= suf.count
      break
    }
    if hi - lo > 5 { return nil }
    if !Lexicon.grades.contains(t.key(lo, hi)), hi - lo > 1, t[hi - 1] == "级" { hi -= 1 }
    return Lexicon.grades.contains(t.key(lo, hi)) ? (t.string(lo, hi), atLeast) : nil
  }

  /// A direction word written right before a number (`下降2个百分点`, `提高5%`).
  static func directionBefore(_ t: Scalars, _ start: Int) -> String? {
    var p = max(0, start - 4)
    while p < start {
      if let (len, d) = Lexicon.directions.match(t, p), p + len == start { return d }
      p += 1
    }
    return nil
  }

  static func direction(_ t: Scalars) -> String? {
    var i = 0
    while i < t.count {
      if let (len, d) = Lexicon.directions.match(t, i) {
        // 不 before a word turns it round (不增加 is listed; 不断提高 is not a negation).
        if i > 0, t[i - 1] == "不", d != "maintain", !(i > 1 && t[i - 2] == "只") {
          return d == "up" ? "maintain" : d == "down" ? "maintain" : nil
        }
        return d
      }
      i += 1
    }
    return nil
  }
}
