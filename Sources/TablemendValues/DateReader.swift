import TablemendModel

/// Reads dates and deadline words: `2021年12月31日`, `2023-12-31`, `6月底`, `第三季度`,
/// `年底`, `上半年`, with the relation written after them (前, 底, 内, 后).
enum DateReader {
  /// A date written in the text, with its span.
  struct Token {
    var start: Int
    var end: Int
    var parts: Value.DateParts
    /// The start of a stated period (`1月-12月`).
    var from: Value.DateParts?
  }

  static let relativeWords = Lexicon.Table<(Int?, String)>(
    [
      ("年底", (12, "by")), ("年末", (12, "by")), ("年终", (12, "by")), ("年内", (12, "by")),
      ("年度内", (12, "by")), ("年度末", (12, "by")), ("年度终", (12, "by")),
      ("当年内", (12, "by")), ("本年内", (12, "by")), ("本年度内", (12, "by")),
      ("当年底", (12, "by")), ("上半年", (6, "by")), ("下半年", (12, "by")),
      ("年中", (6, "by")), ("月底", (nil, "by")), ("月末", (nil, "by")), ("年初", (1, "in")),
    ])

  static let relationWords = Lexicon.Table<String>(
    [
      ("底前", "by"), ("末前", "by"), ("底", "by"), ("末", "by"), ("终", "by"),
      ("之前", "before"), ("以前", "before"), ("前", "before"),
      ("以内", "by"), ("之内", "by"), ("内", "by"),
      ("之后", "after"), ("以后", "after"), ("后", "after"),
    ])

  /// A number read as Arabic or Chinese at `i`.
  static func number(_ t: Scalars, _ i: Int) -> NumberReader.Number? {
    NumberReader.arabic(t, i) ?? NumberReader.chinese(t, i)
  }

  static func isWhole(_ n: NumberReader.Number, _ range: ClosedRange<Double>) -> Bool {
    !n.hasFraction && range.contains(n.value)
  }

  /// A quarter (`第三季度`, `一季度`, `Q3`) at `i`.
  static func quarter(_ t: Scalars, _ i: Int) -> (Int, Int)? {
    var k = i
    if t.at(k) == "第" { k += 1 }
    guard let n = number(t, k), isWhole(n, 1...4) else { return nil }
    var j = n.end
    if t.at(j) == "季" {
      j += 1
      if t.at(j) == "度" { j += 1 }
      return (Int(n.value), j)
    }
    return nil
  }

  /// A date at `i` (which holds a digit, a Chinese numeral or 第).
  static func read(_ t: Scalars, _ i: Int) -> Token? {
    var parts = Value.DateParts()
    var j = i
    var from: Value.DateParts?
    if let (q, e) = quarter(t, i) {
      parts.quarter = q
      parts.month = q * 3
      j = e
    } else {
      guard var n = number(t, i) else { return nil }
      if !n.chinese, n.hasFraction, n.integerDigits == 4, t.at(i + 4) == "." {
        // 2023.12: read the year alone, the month follows the point.
        n = NumberReader.Number(
          value: (n.value).rounded(.down), end: i + 4, chinese: false, integerDigits: 4,
          hasFraction: false)
      }
      let c = t.at(n.end)
      if c == "年", n.integerDigits == 4, isWhole(n, 1900...2100) {
        parts.year = Int(n.value)
        j = n.end + 1
        if t.at(j) == "度" { j += 1 }
        if let (q, e) = quarter(t, j) {
          parts.quarter = q
          parts.month = q * 3
          j = e
        } else if let (m, d, e) = monthDay(t, j) {
          parts.month = m
          parts.day = d
          j = e
        } else if let r = relativeAfterYear(t, j) {
          parts.month = r.0
          parts.relation = r.1
          j = r.2
        }
      } else if !n.chinese, n.integerDigits == 4, isWhole(n, 1900...2100),
        c == "-" || c == "." || c == "/",
        let m = monthAfter(t, n.end + 1, separator: c), m.integerDigits <= 2,
        isWhole(m, 1...12),
        !Scalars.isDigit(t.at(m.end + 1)) || t.at(m.end) == c
      {
        parts.year = Int(n.value)
        parts.month = Int(m.value)
        j = m.end
        if t.at(j) == c, let d = NumberReader.arabic(t, j + 1), d.integerDigits <= 2,
          isWhole(d, 1...31)
        {
          parts.day = Int(d.value)
          j = d.end
        }
        if t.at(j) == "日" || t.at(j) == "号" { j += 1 }
        // A dotted period whose end leaves out the year: `2021.1.1-12.31`.
        if c == ".", parts.day != nil, t.at(j) == "-" || t.at(j) == "~" || t.at(j) == "至",
          let (m2, d2, e) = dottedMonthDay(t, j + 1)
        {
          from = parts
          parts = Value.DateParts(year: parts.year, month: m2, day: d2)
          j = e
        }
      } else if let (m, d, e) = monthDay(t, i) {
        parts.month = m
        parts.day = d
        j = e
      } else if isWhole(n, 1...12), c == "-" || c == "~" || c == "至" || c == "到",
        let (m2, d2, e) = monthDay(t, n.end + 1)
      {
        from = Value.DateParts(month: Int(n.value))
        parts.month = m2
        parts.day = d2
        j = e
      } else {
        return nil
      }
    }
    if parts.relation == nil, let (len, rel) = relationWords.match(t, j) {
      parts.relation = rel
      j += len
    } else if parts.relation == "by", let (len, _) = relationWords.match(t, j) {
      j += len
    }
    return Token(start: i, end: j, parts: parts, from: from)
  }

  /// `12.31` at `i`: a month and a day joined by a dot, no digit after them.
  static func dottedMonthDay(_ t: Scalars, _ i: Int) -> (Int, Int, Int)? {
    var k = i
    var month = 0
    while Scalars.isDigit(t.at(k)), k - i < 2 {
      month = month * 10 + Int(t.at(k).value - 0x30)
      k += 1
    }
    guard k > i, t.at(k) == "." else { return nil }
    k += 1
    let dayStart = k
    var day = 0
    while Scalars.isDigit(t.at(k)), k - dayStart < 2 {
      day = day * 10 + Int(t.at(k).value - 0x30)
      k += 1
    }
    guard k > dayStart, !Scalars.isDigit(t.at(k)), (1...12).contains(month), (1...31).contains(day)
    else { return nil }
    return (month, day, k)
  }

  /// The month after a year and its separator: with dots (`2021.12.31`) the number reader
  /// reads `12.31` as one decimal, so the month is its whole part when a dot and a day follow.
  static func monthAfter(_ t: Scalars, _ i: Int, separator: Unicode.Scalar) -> NumberReader.Number?
  {
    guard let m = NumberReader.arabic(t, i) else { return nil }
    guard separator == ".", m.hasFraction, m.integerDigits <= 2,
      t.at(i + m.integerDigits) == "."
    else { return m }
    return NumberReader.Number(
      value: m.value.rounded(.down), end: i + m.integerDigits, chinese: false,
      integerDigits: m.integerDigits, hasFraction: false)
  }

  /// `12月`, `12月31日`, `6月份` at `i`.
  static func monthDay(_ t: Scalars, _ i: Int) -> (Int, Int?, Int)? {
    guard let m = number(t, i), isWhole(m, 1...12), t.at(m.end) == "月" else { return nil }
    var j = m.end + 1
    if t.at(j) == "份" { j += 1 }
    var day: Int?
    if let d = number(t, j), isWhole(d, 1...31), t.at(d.end) == "日" || t.at(d.end) == "号" {
      day = Int(d.value)
      j = d.end + 1
    }
    return (Int(m.value), day, j)
  }

  /// `底`, `末`, `内`, `上半年` right after a year.
  static func relativeAfterYear(_ t: Scalars, _ j: Int) -> (Int?, String, Int)? {
    if let (len, r) = relativeWords.match(t, j - 1), t.at(j - 1) == "年" {
      return (r.0, r.1, j - 1 + len)
    }
    if let (len, r) = relativeWords.match(t, j) { return (r.0, r.1, j + len) }
    return nil
  }

  /// A deadline word with no number (`年底`, `年内`, `上半年`) at `i`.
  static func relative(_ t: Scalars, _ i: Int) -> Token? {
    guard let (len, r) = relativeWords.match(t, i) else { return nil }
    var parts = Value.DateParts(month: r.0, relation: r.1)
    var j = i + len
    if let (l2, rel) = relationWords.match(t, j) {
      if parts.relation == "in" { parts.relation = rel }
      j += l2
    }
    return Token(start: i, end: j, parts: parts, from: nil)
  }
}
