import TablemendModel

/// A number with what qualifies it: operator words around it, unit, range end, period.
struct Quantity {
  /// Where the number (or its minus sign) starts.
  var numStart: Int
  /// Just past the unit and any suffix word.
  var end: Int
  var value: Double
  var max: Double?
  var unit: String?
  var prefixOp: Value.Operator?
  var prefixWeak = false
  var opSpan: Range<Int>?
  var suffixOp: Value.Operator?
  /// 余 / 多 after the number.
  var moreThan = false
  var per: String?
  var perSpan: Range<Int>?

  var op: Value.Operator? {
    if let s = suffixOp, prefixOp == nil || prefixWeak { return s }
    return prefixOp ?? suffixOp
  }

  var approximate: Bool {
    moreThan || prefixOp == .approximately || suffixOp == .approximately
  }

  /// The first index this quantity's own words cover.
  var start: Int { Swift.min(numStart, opSpan?.lowerBound ?? numStart) }
}

/// Finds the quantities and dates in a run of folded text.
enum QuantityReader {
  struct Analysis {
    var quantities: [Quantity] = []
    var dates: [DateReader.Token] = []
  }

  static let percentWord = Lexicon.word("百分之")

  static func analyse(_ t: Scalars) -> Analysis {
    var a = Analysis()
    var i = 0
    var gapStart = 0
    while i < t.count {
      let c = t[i]
      if c == "第" {
        if let d = DateReader.read(t, i) {
          a.dates.append(d)
          i = d.end
          gapStart = i
          continue
        }
        // An ordinal (第一次, 第3批): not a count.
        var j = i + 1
        while j < t.count,
          Scalars.isDigit(t[j]) || NumberReader.isChineseStart(t[j])
            || NumberReader.multiplier(t[j]) != nil
        {
          j += 1
        }
        if j < t.count, j > i + 1 { j += 1 }
        i = j
        continue
      }
      let startsNumber =
        Scalars.isDigit(c) || NumberReader.isChineseStart(c) || t.has(percentWord, at: i)
        || (c == "-" && Scalars.isDigit(t.at(i + 1)) && (i == 0 || isOperatorSymbol(t[i - 1])))
      if startsNumber {
        if c != "-", let d = DateReader.read(t, i) {
          a.dates.append(d)
          i = d.end
          gapStart = i
          continue
        }
        if Scalars.isDigit(c), let n = NumberReader.arabic(t, i), t.at(n.end) == ":",
          let m = NumberReader.arabic(t, n.end + 1)
        {
          // A ratio (1:1): not a count.
          i = m.end
          continue
        }
        if let q = quantity(t, i, gapStart: gapStart) {
          a.quantities.append(q)
          i = q.end
          gapStart = i
          continue
        }
        if Scalars.isDigit(c) {
          var j = i
          while j < t.count, Scalars.isDigit(t[j]) || t[j] == "." { j += 1 }
          i = j
        } else {
          i += 1
        }
        continue
      }
      if let d = DateReader.relative(t, i) {
        a.dates.append(d)
        i = d.end
        gapStart = i
        continue
      }
      i += 1
    }
    mergePeriodCounts(&a.quantities)
    return a
  }

  static func isOperatorSymbol(_ c: Unicode.Scalar) -> Bool {
    c == "≥" || c == "≤" || c == ">" || c == "<" || c == "=" || c == "~" || c == "≈"
      || c == ":" || c == "为"
  }

  static let periodUnits: Set<String> = ["年", "月", "周", "天", "日", "季度", "个月", "学期"]

  /// `一年一次`, `两年一次`: the first count is the period of the second.
  static func mergePeriodCounts(_ qs: inout [Quantity]) {
    var k = 0
    while k + 1 < qs.count {
      let a = qs[k]
      let b = qs[k + 1]
      if a.end == b.numStart, a.op == nil, a.max == nil, b.per == nil,
        let u = a.unit, case let key = Scalars.simplified(u), periodUnits.contains(key)
      {
        var merged = b
        merged.per = a.value == 1 ? (key == "个月" ? "月" : u) : formatNumber(a.value) + u
        merged.perSpan = a.numStart..<a.end
        qs[k + 1] = merged
        qs.remove(at: k)
        continue
      }
      k += 1
    }
  }

  static func formatNumber(_ v: Double) -> String {
    if v == v.rounded(), abs(v) < 1e15 { return String(Int64(v)) }
    return String(v)
  }

  /// The number at `i` and what goes with it, or nil when it is not a quantity
  /// (a Chinese numeral inside a word, such as 统一 or 一级).
  static func quantity(_ t: Scalars, _ i: Int, gapStart: Int) -> Quantity? {
    var k = i
    var negative = false
    if t.at(k) == "-" {
      negative = true
      k += 1
    }
    var percent = false
    if t.has(percentWord, at: k) {
      percent = true
      k += percentWord.count
    }
    var hundred: NumberReader.Number?
    if percent && t.at(k) == "百" {
      // 百分之百
      hundred = NumberReader.Number(
        value: 100, end: k + 1, chinese: true, integerDigits: 3, hasFraction: false)
    }
    guard let n = hundred ?? NumberReader.arabic(t, k) ?? NumberReader.chinese(t, k) else {
      return nil
    }
    var value = negative ? -n.value : n.value
    var j = n.end
    var q = Quantity(numStart: i, end: j, value: value)
    if t.at(j) == "余" || (t.at(j) == "多" && t.at(j + 1) != "于") {
      q.moreThan = true
      j += 1
    }
    var unit: String? = percent ? "%" : nil
    if unit == nil {
      guard let u = readUnit(t, &j, &value, chinese: n.chinese) else { return nil }
      unit = u.unit
    }
    let c0 = t.at(j)
    let rangeNext = c0 == "至" || c0 == "到" || c0 == "-" || c0 == "~"
    if n.chinese && unit == nil && !rangeNext {
      // A bare numeral only as the whole value (两千, 不少于三).
      guard j == t.count else { return nil }
      var probe = Quantity(numStart: i, end: j, value: value)
      prefix(t, gapStart, i, &probe)
      guard i == 0 || probe.opSpan?.upperBound == i else { return nil }
    }
    if n.chinese, t.at(j) == "性" { return nil }
    if !q.moreThan, t.at(j) == "余" || (t.at(j) == "多" && t.at(j + 1) != "于") {
      q.moreThan = true
      j += 1
    }
    q.value = value
    q.unit = unit
    // A range: 3-5个, 95%-100%, 3至5, 三到五.
    let c = t.at(j)
    if c == "-" || c == "~" || c == "至" || c == "到" || c == "—",
      !(c == "至" && t.at(j + 1) == "少"), !(c == "到" && t.at(j + 1) == "位")
    {
      var m = j + 1
      var pct2 = false
      if t.has(percentWord, at: m) {
        pct2 = true
        m += percentWord.count
      }
      if let n2 = NumberReader.arabic(t, m) ?? NumberReader.chinese(t, m) {
        var v2 = n2.value
        var e = n2.end
        if let u2 = readUnit(t, &e, &v2, chinese: n2.chinese) {
          let unit2 = pct2 ? "%" : u2.unit
          if !(n2.chinese && unit2 == nil && !pct2) {
            q.max = v2
            if q.unit == nil { q.unit = unit2 }
            j = e
            if t.at(j) == "之" && t.at(j + 1) == "间" { j += 2 }
          }
        }
      }
    }
    if n.chinese && q.unit == nil && q.max == nil && j != t.count { return nil }
    if let (len, op) = Lexicon.suffixOps.match(t, j) {
      // 内 after a plain count is only "within" for time units.
      q.suffixOp = op
      j += len
    }
    if t.at(j) == "(" && t.at(j + 1) == "含" && t.at(j + 2) == ")" { j += 3 }
    q.end = j
    prefix(t, gapStart, q.start, &q)
    return q
  }

  struct UnitRead {
    var unit: String?
  }

  /// A unit written at `j`: its length, the lexicon's spelling (`key`, for the lexicon's own
  /// checks) and the text to report: as written when it is the lexicon's word (`個`, `萬元`
  /// keep their traditional characters), else the lexicon's spelling (`m2` → `m²`). A Latin
  /// unit must end the word: `5min` is not `5m`.
  static func unit(_ t: Scalars, _ j: Int) -> (length: Int, key: String, text: String)? {
    guard let (len, u) = Lexicon.units.match(t, j) else { return nil }
    if Scalars.isLatin(t[j + len - 1]), Scalars.isLatin(t.at(j + len)) { return nil }
    return (len, u, t.written(j, j + len, lexicon: u))
  }

  /// True for 万 and 亿 (and so for 萬 and 億, read as these).
  static func isScale(_ c: Unicode.Scalar) -> Bool { c == "万" || c == "亿" }

  /// The unit after a scale (`万元`, `万人次`, and any unit character: `万粒`, `万尾`).
  static func unitAfterScale(_ t: Scalars, _ j: Int) -> (length: Int, text: String)? {
    if let u = unit(t, j) { return (u.length, u.text) }
    if isUnitCharacter(t, j) { return (1, t.string(j, j + 1)) }
    return nil
  }

  /// Words that never stand as a unit after 万/亿 (a numeral, 余/多, a range or joining word).
  static let notUnitCharacters: Set<Unicode.Scalar> = [
    "余", "多", "至", "到", "每", "的", "和", "与", "或", "及", "且", "并", "以", "之", "不",
    "约", "为", "是", "达", "左", "上", "下", "前", "后", "内", "外", "第", "这", "那",
  ]

  /// A character the lexicon does not list that still stands as a unit after 万/亿
  /// (`550万粒`, `3万尾`): an ideograph that ends the word (what follows is not another
  /// ideograph, or is a suffix word such as 以上), and is no numeral, operator or joining word.
  static func isUnitCharacter(_ t: Scalars, _ j: Int) -> Bool {
    let c = t.at(j)
    guard Scalars.isIdeograph(c), !notUnitCharacters.contains(c),
      NumberReader.digit(c) == nil, NumberReader.multiplier(c) == nil,
      Lexicon.suffixOps.match(t, j) == nil, Lexicon.prefixOps.match(t, j) == nil
    else { return false }
    let n = t.at(j + 1)
    return !Scalars.isIdeograph(n) || Lexicon.suffixOps.match(t, j + 1) != nil
  }

  /// Reads the unit at `j` (and a scale such as 万 before it); nil when the number must be
  /// rejected (a Chinese numeral with a unit it never takes).
  static func readUnit(_ t: Scalars, _ j: inout Int, _ value: inout Double, chinese: Bool)
    -> UnitRead?
  {
    var unit: String?
    let c = t.at(j)
    if let u = Self.unit(t, j) {
      if chinese, u.length == 1, Lexicon.numeralBlockedUnits.contains(u.key) { return nil }
      unit = u.text
      j += u.length
    } else if isScale(c), let u = unitAfterScale(t, j + 1) {
      // 万元, 亿元, 万粒: the number stays as written, the scale goes with the unit.
      unit = t.string(j, j + 1) + u.text
      j += 1 + u.length
    } else if isScale(c), !chinese, Self.unit(t, j + 1) == nil {
      // 150万 with no unit after it: the number as written, 万 as the unit (base value beside).
      unit = t.string(j, j + 1)
      j += 1
    } else if isScale(c) || (c == "千" && !chinese) || (c == "百" && !chinese && t.at(j + 1) != "分") {
      switch c {
      case "万": value *= 1e4
      case "亿": value *= 1e8
      case "千": value *= 1e3
      default: value *= 100
      }
      j += 1
      if let u = Self.unit(t, j) {
        unit = u.text
        j += u.length
      }
    } else if c == "(" {
      // (平方米), (%), (次), (万元)
      var e = j + 1
      while e < t.count, e - j <= 6, t[e] != ")" { e += 1 }
      if t.at(e) == ")" {
        if let u = Self.unit(t, j + 1), j + 1 + u.length == e {
          unit = u.text
          j = e + 1
        } else if isScale(t.at(j + 1)), let u = unitAfterScale(t, j + 2), j + 2 + u.length == e {
          unit = t.string(j + 1, j + 2) + u.text
          j = e + 1
        }
      }
    }
    // Compound units: 元/个/年, 人/次, 元/平方米, 元/人·月, 元/人*月.
    if unit != nil {
      while t.at(j) == "/" || t.at(j) == "·" || t.at(j) == "*" {
        let sep = String(t.at(j))
        if let u = Self.unit(t, j + 1) {
          unit = (unit ?? "") + sep + u.text
          j += 1 + u.length
        } else if let (len, p) = Lexicon.periods.match(t, j + 1) {
          unit = (unit ?? "") + sep + t.written(j + 1, j + 1 + len, lexicon: p)
          j += 1 + len
        } else if Scalars.isIdeograph(t.at(j + 1)), !Scalars.isIdeograph(t.at(j + 2)) {
          unit = (unit ?? "") + sep + t.string(j + 1, j + 2)
          j += 2
        } else {
          break
        }
      }
    }
    return UnitRead(unit: unit)
  }

  static let perWords = Lexicon.Table<String>(
    [
      ("年均", "年"), ("月均", "月"), ("日均", "日"), ("人均", "人"), ("户均", "户"),
      ("周均", "周"), ("亩均", "亩"), ("平均每年", "年"), ("平均每月", "月"),
    ])

  /// Looks back over `gapStart..<end` for the operator word and the 每 period before a number.
  static func prefix(_ t: Scalars, _ gapStart: Int, _ end: Int, _ q: inout Quantity) {
    var i = gapStart
    while i < end {
      if let (len, op) = Lexicon.prefixOps.match(t, i), i + len <= end {
        let first = t[i]
        let weak =
          (len == 1 && (first == "为" || first == "是" || first == "达"))
          || (len == 2 && (first == "达" || first == "确")) || (len == 3 && first == "控")
        let adjacent = i + len == end
        let single = len == 1 && Scalars.isIdeograph(first)
        if single && !adjacent {
          i += 1
          continue
        }
        q.prefixOp = op
        q.prefixWeak = weak
        q.opSpan = i..<(i + len)
        i += len
        continue
      }
      if t[i] == "每", i + 1 < end {
        var k = i + 1
        if t.at(k) == "个" || t.at(k) == "一" { k += 1 }
        if let (len, p) = Lexicon.periods.match(t, k), k + len <= end {
          q.per = t.written(k, k + len, lexicon: p)
          q.perSpan = i..<(k + len)
          i = k + len
          continue
        }
        if k < end, Scalars.isIdeograph(t[k]) {
          q.per = t.string(k, k + 1)
          q.perSpan = i..<(k + 1)
          i = k + 1
          continue
        }
      }
      if let (len, p) = perWords.match(t, i), i + len <= end {
        q.per = p
        q.perSpan = i..<(i + len)
        i += len
        continue
      }
      i += 1
    }
  }
}
