/// Reads Arabic numbers (`13,459.00`, `1.5`) and Chinese numerals (`十二`, `两千`, `三万五千`).
enum NumberReader {
  /// A number read at a position.
  struct Number {
    var value: Double
    var end: Int
    var chinese: Bool
    /// Digits before the point, for telling years (`2021`) from counts.
    var integerDigits: Int
    var hasFraction: Bool
  }

  static let powersOfTen: [Double] = [
    1, 10, 100, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15,
  ]

  /// An Arabic number at `i` (digits, thousands commas, one decimal point).
  static func arabic(_ t: Scalars, _ i: Int) -> Number? {
    guard Scalars.isDigit(t.at(i)) else { return nil }
    var j = i
    var mantissa: UInt64 = 0
    var digits = 0
    var intDigits = 0
    var fracDigits = 0
    var overflow = false
    var extra = 0  // integer digits beyond what the mantissa holds
    func add(_ d: UInt64) {
      if digits < 18 {
        mantissa = mantissa * 10 + d
        digits += 1
      } else {
        overflow = true
      }
    }
    while j < t.count {
      let c = t[j]
      if Scalars.isDigit(c) {
        if overflow { extra += 1 } else { add(UInt64(c.value - 0x30)) }
        intDigits += 1
        j += 1
      } else if c == "," && isThousands(t, j) {
        j += 1
      } else {
        break
      }
    }
    if t.at(j) == "." && Scalars.isDigit(t.at(j + 1)) {
      j += 1
      while j < t.count, Scalars.isDigit(t[j]) {
        if !overflow && digits < 15 {
          add(UInt64(t[j].value - 0x30))
          fracDigits += 1
        }
        j += 1
      }
    }
    var value = Double(mantissa)
    if fracDigits > 0 { value /= powersOfTen[fracDigits] }
    if extra > 0 { value *= pow10(extra) }
    return Number(
      value: value, end: j, chinese: false, integerDigits: intDigits, hasFraction: fracDigits > 0)
  }

  static func pow10(_ n: Int) -> Double {
    var v = 1.0
    for _ in 0..<n { v *= 10 }
    return v
  }

  /// A comma between digits with exactly three digits after it.
  static func isThousands(_ t: Scalars, _ j: Int) -> Bool {
    Scalars.isDigit(t.at(j - 1)) && Scalars.isDigit(t.at(j + 1)) && Scalars.isDigit(t.at(j + 2))
      && Scalars.isDigit(t.at(j + 3)) && !Scalars.isDigit(t.at(j + 4))
  }

  static func digit(_ c: Unicode.Scalar) -> Int? {
    switch c {
    case "零", "〇": return 0
    case "一", "壹": return 1
    case "二", "贰", "两": return 2
    case "三", "叁": return 3
    case "四", "肆": return 4
    case "五", "伍": return 5
    case "六", "陆": return 6
    case "七", "柒": return 7
    case "八", "捌": return 8
    case "九", "玖": return 9
    default: return nil
    }
  }

  static func multiplier(_ c: Unicode.Scalar) -> Double? {
    switch c {
    case "十", "拾": return 10
    case "百", "佰": return 100
    case "千", "仟": return 1000
    case "万": return 1e4
    case "亿": return 1e8
    default: return nil
    }
  }

  static func isChineseStart(_ c: Unicode.Scalar) -> Bool {
    digit(c) != nil || c == "十" || c == "拾"
  }

  /// A Chinese numeral at `i`. A trailing 万/亿 followed by a unit is left for the unit
  /// (`两万元` → 2 万元), like `3万元`.
  static func chinese(_ t: Scalars, _ i: Int) -> Number? {
    guard isChineseStart(t.at(i)) else { return nil }
    var j = i
    var total = 0.0
    var section = 0.0
    var number = 0.0
    var sawDigit = false
    var sawMultiplier = false
    var digitRun = 0.0
    var runLength = 0
    while j < t.count {
      let c = t[j]
      if let d = digit(c) {
        number = Double(d)
        digitRun = digitRun * 10 + Double(d)
        runLength += 1
        sawDigit = true
        j += 1
      } else if let m = multiplier(c) {
        if m >= 1e4 {
          // Leave 万/亿 to the unit when a unit follows it.
          if j + 1 < t.count, QuantityReader.unitAfterScale(t, j + 1) != nil {
            break
          }
          section += number
          if m == 1e8 {
            total = (total + section) * m
          } else {
            total += section * m
          }
          section = 0
        } else {
          let n = (number == 0 && !sawDigit) ? 1 : number
          section += n * m
        }
        number = 0
        sawDigit = false
        sawMultiplier = true
        runLength = 0
        j += 1
      } else {
        break
      }
    }
    if j == i { return nil }
    if !sawMultiplier && runLength > 1 {
      // 二〇二一: digit by digit.
      return Number(
        value: digitRun, end: j, chinese: true, integerDigits: runLength, hasFraction: false)
    }
    let value = total + section + number
    // Counted by division: past 2^63 `Int(value)` traps (一亿亿亿 is 10^24; a long run of 亿
    // is infinite).
    var digitsCount = 1
    var rest = value
    while rest >= 10, digitsCount <= 309 {
      rest /= 10
      digitsCount += 1
    }
    return Number(
      value: value, end: j, chinese: true, integerDigits: digitsCount, hasFraction: false)
  }

}
