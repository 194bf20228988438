import Foundation

/// Numbers shown the way a sheet shows them: built-in and custom number format codes
/// (percent, fixed decimals, thousands separators, literal text, sections by sign), dates and
/// times in the 1900 and 1904 systems, and Excel's General.
///
/// Padding (`_x`) and fill (`*x`) are layout, not text: they are left out, and the result is
/// trimmed. Colours, locales and conditions in brackets are ignored.
enum NumberFormat {
  /// The format code of a built-in format id, including the Chinese (zh-CN) built-ins 27–36
  /// and 50–58; nil for General and unknown ids.
  static func builtin(_ id: Int) -> String? {
    switch id {
    case 1: return "0"
    case 2: return "0.00"
    case 3: return "#,##0"
    case 4: return "#,##0.00"
    case 9: return "0%"
    case 10: return "0.00%"
    case 11: return "0.00E+00"
    case 12: return "# ?/?"
    case 13: return "# ??/??"
    case 14: return "yyyy/m/d"
    case 15: return "d-mmm-yy"
    case 16: return "d-mmm"
    case 17: return "mmm-yy"
    case 18: return "h:mm AM/PM"
    case 19: return "h:mm:ss AM/PM"
    case 20: return "h:mm"
    case 21: return "h:mm:ss"
    case 22: return "yyyy/m/d h:mm"
    case 27, 36, 50, 52, 57: return "yyyy\"年\"m\"月\""
    case 28, 29, 51, 53, 54, 58: return "m\"月\"d\"日\""
    case 30: return "m-d-yy"
    case 31: return "yyyy\"年\"m\"月\"d\"日\""
    case 32: return "h\"时\"mm\"分\""
    case 33: return "h\"时\"mm\"分\"ss\"秒\""
    case 34, 55: return "上午/下午h\"时\"mm\"分\""
    case 35, 56: return "上午/下午h\"时\"mm\"分\"ss\"秒\""
    case 37: return "#,##0 ;(#,##0)"
    case 38: return "#,##0 ;[Red](#,##0)"
    case 39: return "#,##0.00;(#,##0.00)"
    case 40: return "#,##0.00;[Red](#,##0.00)"
    case 41: return "_(* #,##0_);_(* (#,##0);_(* \"-\"_);_(@_)"
    case 42: return "_(\"$\"* #,##0_);_(\"$\"* (#,##0);_(\"$\"* \"-\"_);_(@_)"
    case 43: return "_(* #,##0.00_);_(* (#,##0.00);_(* \"-\"??_);_(@_)"
    case 44: return "_(\"$\"* #,##0.00_);_(\"$\"* (#,##0.00);_(\"$\"* \"-\"??_);_(@_)"
    case 45: return "mm:ss"
    case 46: return "[h]:mm:ss"
    case 47: return "mm:ss.0"
    case 48: return "##0.0E+0"
    case 49: return "@"
    default: return nil
    }
  }

  /// `value` as a cell with format `code` (nil or `General`: Excel's General) shows it.
  static func format(_ value: Double, code: String?, date1904: Bool) -> String {
    format(value, compiled: Compiled(code), date1904: date1904)
  }

  /// A format code cut into its sections' tokens once, for the cells of a style.
  struct Compiled {
    /// Nil for General (no code, an empty one, or `General`).
    let sections: [[Token]]?

    init(_ code: String?) {
      guard let code, !code.isEmpty, code.caseInsensitiveCompare("General") != .orderedSame else {
        sections = nil
        return
      }
      sections = NumberFormat.sections(code).map(NumberFormat.tokenize)
    }
  }

  /// `value` as a cell with the compiled format shows it (what `format(_:code:date1904:)`
  /// gives for its code).
  static func format(_ value: Double, compiled: Compiled, date1904: Bool) -> String {
    guard value.isFinite, let sections = compiled.sections else { return general(value) }
    var tokens = sections[0]
    var magnitude = value
    var explicitSign = false
    if sections.count >= 2, value < 0 {
      tokens = sections[1]
      magnitude = -value
      explicitSign = true
    } else if sections.count >= 3, value == 0 {
      tokens = sections[2]
    }
    let text: String
    if tokens.contains(where: \.isDatePart) {
      text = formatDate(value, tokens: tokens, date1904: date1904) ?? general(value)
    } else if tokens.contains(where: { if case .general = $0 { return true } else { return false } }
    ) {
      text = tokens.map { token -> String in
        switch token {
        case .literal(let s): return s
        case .general: return general(explicitSign ? magnitude : value)
        default: return ""
        }
      }.joined()
    } else {
      text = formatNumber(explicitSign ? magnitude : value, tokens: tokens)
    }
    return trimmingBlanks(text)
  }

  /// `text.trimmingCharacters(in: .whitespaces)` (tab and the space separators, Zs), compared
  /// scalar by scalar, and the text itself when there is nothing to trim.
  static func trimmingBlanks(_ text: String) -> String {
    func isBlank(_ s: Unicode.Scalar) -> Bool {
      switch s.value {
      case 0x09, 0x20, 0xA0, 0x1680, 0x2000...0x200A, 0x202F, 0x205F, 0x3000: return true
      default: return false
      }
    }
    let scalars = text.unicodeScalars
    guard let first = scalars.first, let last = scalars.last else { return text }
    if !isBlank(first) && !isBlank(last) { return text }
    guard let start = scalars.firstIndex(where: { !isBlank($0) }),
      let end = scalars.lastIndex(where: { !isBlank($0) })
    else { return "" }
    return String(scalars[start...end])
  }

  /// `String(format: "%.<decimals><conversion>", value)` (`f` or `E`) through the C library's
  /// `snprintf`, which Foundation's formatting calls for doubles, without building a format
  /// string and an `NSString` per number.
  static func printf(_ value: Double, decimals: Int, conversion: UInt8) -> String {
    let format: [CChar] = [0x25, 0x2E, 0x2A, CChar(bitPattern: conversion), 0]  // %.*f
    return withUnsafeTemporaryAllocation(of: CChar.self, capacity: 400) { buffer in
      guard let base = buffer.baseAddress else { return "" }
      let n = withVaList([Int32(decimals), value]) { arguments in
        vsnprintf(base, buffer.count, format, arguments)
      }
      guard n >= 0, Int(n) < buffer.count else {
        return String(format: "%.\(decimals)" + (conversion == 0x45 ? "E" : "f"), value)
      }
      return String(
        decoding: UnsafeRawBufferPointer(start: base, count: Int(n)), as: UTF8.self)
    }
  }

  /// True when the code shows a date or time.
  static func isDate(_ code: String) -> Bool {
    guard let first = sections(code).first else { return false }
    return tokenize(first).contains(where: \.isDatePart)
  }

  // MARK: - General

  /// Excel's General: integers as integers, other numbers with up to 10 significant digits
  /// (11 characters), very large or small ones in scientific notation.
  static func general(_ value: Double) -> String {
    if value.isNaN { return "#NUM!" }
    if value.isInfinite { return "#NUM!" }
    if value == 0 { return "0" }
    let magnitude = abs(value)
    if magnitude >= 1e11 || magnitude < 1e-9 {
      var s = printf(value, decimals: 5, conversion: UInt8(ascii: "E"))
      // 1.23450E+11 → 1.2345E+11
      if let e = s.firstIndex(of: "E") {
        var mantissa = String(s[..<e])
        let exponent = String(s[e...])
        while mantissa.hasSuffix("0") { mantissa.removeLast() }
        if mantissa.hasSuffix(".") { mantissa.removeLast() }
        s = mantissa + exponent
      }
      return s
    }
    if value == value.rounded(), magnitude < 1e15 { return String(Int64(value)) }
    let integerDigits = magnitude >= 1 ? Int(log10(magnitude).rounded(.down)) + 1 : 1
    let decimals = max(0, 10 - integerDigits)
    // The shortest digits that read back as the value (`description`: 1.25, 0.01) are what
    // rounding it to `decimals` places and dropping trailing zeros gives whenever they have
    // no more places: they lie within half an ulp of the value (about 1e-16 of it), far less
    // than half a unit of the last place kept (at least 5e-11 of it).
    let shortest = value.description
    if let point = shortest.utf8.firstIndex(of: UInt8(ascii: ".")),
      !shortest.containsByte(UInt8(ascii: "e")),
      shortest.utf8.distance(from: point, to: shortest.utf8.endIndex) - 1 <= decimals
    {
      return shortest
    }
    var s = printf(value, decimals: decimals, conversion: UInt8(ascii: "f"))
    if s.utf8.contains(UInt8(ascii: ".")) {
      while s.hasSuffix("0") { s.removeLast() }
      if s.hasSuffix(".") { s.removeLast() }
    }
    return s == "-0" ? "0" : s
  }

  // MARK: - Tokens

  enum Token: Equatable {
    case literal(String)
    /// A run of one date letter, lower-cased (`yyyy`, `m`, `dd`, `h`, `ss`, `e`).
    case date(Character, Int)
    /// `[h]`, `[mm]`, `[s]`: elapsed time.
    case elapsed(Character, Int)
    /// `AM/PM`, `A/P`, `上午/下午`.
    case ampm(am: String, pm: String)
    /// `0`, `#`, `?`.
    case digit(Character)
    case point
    case comma
    case percent
    /// `E+` / `E-`.
    case exponent(plus: Bool)
    case slash
    case general
    case text

    var isDatePart: Bool {
      switch self {
      case .date, .elapsed, .ampm: return true
      default: return false
      }
    }
  }

  /// The code's sections, split at `;` outside quotes, escapes and brackets.
  static func sections(_ code: String) -> [[Character]] {
    var sections: [[Character]] = [[]]
    var quoted = false
    var bracket = false
    var escaped = false
    for character in code {
      if escaped {
        escaped = false
      } else if quoted {
        if character == "\"" { quoted = false }
      } else if bracket {
        if character == "]" { bracket = false }
      } else if character == "\"" {
        quoted = true
      } else if character == "[" {
        bracket = true
      } else if character == "\\" {
        escaped = true
      } else if character == ";" {
        sections.append([])
        continue
      }
      sections[sections.count - 1].append(character)
    }
    return sections
  }

  static func tokenize(_ section: [Character]) -> [Token] {
    var tokens: [Token] = []
    var index = 0
    func literal(_ s: String) {
      if case .literal(let old)? = tokens.last {
        tokens[tokens.count - 1] = .literal(old + s)
      } else {
        tokens.append(.literal(s))
      }
    }
    func matches(_ word: String) -> Bool {
      let chars = Array(word)
      guard index + chars.count <= section.count else { return false }
      for k in 0..<chars.count
      where String(section[index + k]).lowercased() != String(chars[k]).lowercased() {
        return false
      }
      return true
    }
    while index < section.count {
      let c = section[index]
      switch c {
      case "\"":
        var s = ""
        index += 1
        while index < section.count, section[index] != "\"" {
          s.append(section[index])
          index += 1
        }
        index += 1
        literal(s)
        continue
      case "\\":
        if index + 1 < section.count { literal(String(section[index + 1])) }
        index += 2
        continue
      case "_":
        index += 2  // padding the width of the next character
        continue
      case "*":
        index += 2  // fill with the next character
        continue
      case "[":
        var inner = ""
        index += 1
        while index < section.count, section[index] != "]" {
          inner.append(section[index])
          index += 1
        }
        index += 1
        let lower = inner.lowercased()
        if let first = lower.first, ["h", "m", "s"].contains(first),
          lower.allSatisfy({ $0 == first })
        {
          tokens.append(.elapsed(first, lower.count))
        }
        continue
      default: break
      }
      if matches("AM/PM") {
        tokens.append(.ampm(am: "AM", pm: "PM"))
        index += 5
        continue
      }
      if matches("A/P") {
        tokens.append(.ampm(am: "A", pm: "P"))
        index += 3
        continue
      }
      if matches("上午/下午") {
        tokens.append(.ampm(am: "上午", pm: "下午"))
        index += 5
        continue
      }
      if matches("General") {
        tokens.append(.general)
        index += 7
        continue
      }
      let lower = c.lowercased().first ?? c
      switch lower {
      case "y", "m", "d", "h", "s", "e":
        if lower == "e", index + 1 < section.count,
          section[index + 1] == "+" || section[index + 1] == "-"
        {
          tokens.append(.exponent(plus: section[index + 1] == "+"))
          index += 2
          continue
        }
        var count = 0
        while index < section.count, (section[index].lowercased().first ?? section[index]) == lower
        {
          count += 1
          index += 1
        }
        tokens.append(.date(lower == "e" ? "y" : lower, lower == "e" ? 4 : count))
        continue
      case "0", "#", "?": tokens.append(.digit(c))
      case ".": tokens.append(.point)
      case ",": tokens.append(.comma)
      case "%": tokens.append(.percent)
      case "/": tokens.append(.slash)
      case "@": tokens.append(.text)
      default: literal(String(c))
      }
      index += 1
    }
    return tokens
  }

  // MARK: - Numbers

  static func formatNumber(_ value: Double, tokens: [Token]) -> String {
    guard
      let first = tokens.firstIndex(where: {
        if case .digit = $0 { return true } else { return false }
      }),
      let last = tokens.lastIndex(where: {
        if case .digit = $0 { return true } else { return false }
      })
    else {
      // No digit placeholder: literals only (`"-"`), percent signs kept.
      return tokens.map { token -> String in
        switch token {
        case .literal(let s): return s
        case .percent: return "%"
        case .point: return "."
        default: return ""
        }
      }.joined()
    }
    if tokens.contains(.slash)
      || tokens.contains(where: { if case .exponent = $0 { return true } else { return false } })
    {
      return scientificOrGeneral(value, tokens: tokens)
    }
    var scaled = abs(value)
    let percents = tokens.filter { $0 == .percent }.count
    for _ in 0..<percents where scaled.isFinite { scaled *= 100 }
    // Past what a double holds: shown as General (Excel shows #### in the cell).
    guard scaled.isFinite else { return general(value) }
    // Commas right after the last integer placeholder (before the point or the end) scale by 1000.
    let pointIndex =
      tokens[first...last].firstIndex(of: .point) ?? tokens[first...].firstIndex(of: .point)
    var integerEnd = pointIndex ?? (last + 1)
    var trailingCommas = 0
    var k = integerEnd - 1
    while k > first, tokens[k] == .comma {
      trailingCommas += 1
      k -= 1
    }
    if pointIndex == nil {
      var j = last + 1
      while j < tokens.count, tokens[j] == .comma {
        trailingCommas += 1
        j += 1
      }
      integerEnd = last + 1
    }
    for _ in 0..<trailingCommas { scaled /= 1000 }
    let integerTokens = tokens[first..<integerEnd]
    let grouping = integerTokens.dropLast(trailingCommas).contains(.comma)
    let minimumInteger = integerTokens.filter { $0 == .digit("0") }.count
    let spaceInteger = integerTokens.filter { $0 == .digit("?") }.count
    var zeroDecimals = 0
    var optionalDecimals = 0
    if let pointIndex {
      for token in tokens[(pointIndex + 1)...] {
        if case .digit(let d) = token {
          if d == "0" || d == "?" {
            zeroDecimals += 1 + optionalDecimals
            optionalDecimals = 0
          } else {
            optionalDecimals += 1
          }
        } else if case .literal = token {
          break
        }
      }
    }
    let decimals = zeroDecimals + optionalDecimals
    var (integerDigits, fractionDigits) = fixed(scaled, decimals: decimals)
    // Optional decimals (`#`) drop trailing zeros down to the required ones.
    while fractionDigits.count > zeroDecimals, fractionDigits.last == "0" {
      fractionDigits.removeLast()
    }
    if integerDigits == "0" && minimumInteger == 0 { integerDigits = spaceInteger > 0 ? " " : "" }
    while integerDigits.count < minimumInteger { integerDigits = "0" + integerDigits }
    if grouping, integerDigits.count > 3, integerDigits.allSatisfy(\.isNumber) {
      var grouped = ""
      for (n, ch) in integerDigits.enumerated() {
        if n > 0, (integerDigits.count - n) % 3 == 0 { grouped.append(",") }
        grouped.append(ch)
      }
      integerDigits = grouped
    }
    var number = integerDigits
    if pointIndex != nil, !fractionDigits.isEmpty || zeroDecimals > 0 || decimals == 0 {
      number += "." + fractionDigits
    } else if pointIndex != nil {
      number += "."
    }
    let isZero = number.allSatisfy { $0 == "0" || $0 == "." || $0 == "," || $0 == " " }
    var out = ""
    if value < 0, !isZero { out = "-" }
    for token in tokens[..<first] {
      switch token {
      case .literal(let s): out += s
      case .percent: out += "%"
      default: break
      }
    }
    out += number
    for token in tokens[(last + 1)...] {
      switch token {
      case .literal(let s): out += s
      case .percent: out += "%"
      default: break
      }
    }
    return out
  }

  /// Digits of a non-negative value rounded half away from zero to `decimals` places, as
  /// Excel rounds (on the value's 15 significant digits).
  static func fixed(_ value: Double, decimals: Int) -> (String, String) {
    let places = min(decimals, 15)
    let power = pow(10, Double(places))
    let x = value * power
    let rounded = (x + x * 1e-14).rounded(.toNearestOrAwayFromZero)
    if rounded < 9e15 {
      let whole = Int64(rounded)
      let scale = Int64(power)
      let integer = String(whole / scale)
      var fraction = places > 0 ? String(whole % scale) : ""
      while fraction.count < places { fraction = "0" + fraction }
      return (integer, fraction)
    }
    let s = String(format: "%.\(places)f", value)
    let parts = s.split(separator: ".", omittingEmptySubsequences: false)
    return (String(parts[0]), parts.count > 1 ? String(parts[1]) : "")
  }

  /// Scientific codes (`0.00E+00`) and fractions (shown as General).
  static func scientificOrGeneral(_ value: Double, tokens: [Token]) -> String {
    guard
      let e = tokens.firstIndex(where: {
        if case .exponent = $0 { return true } else { return false }
      }),
      !tokens.contains(.slash)
    else { return general(value) }
    var decimals = 0
    if let point = tokens[..<e].firstIndex(of: .point) {
      decimals =
        tokens[point..<e].filter { if case .digit = $0 { return true } else { return false } }.count
    }
    let exponentDigits = max(
      1, tokens[e...].filter { if case .digit = $0 { return true } else { return false } }.count)
    let s = String(format: "%.\(decimals)E", value)
    guard let at = s.firstIndex(of: "E") else { return s }
    let mantissa = s[..<at]
    let exponent = Int(s[s.index(after: at)...]) ?? 0
    var digits = String(abs(exponent))
    while digits.count < exponentDigits { digits = "0" + digits }
    let plus: Bool
    if case .exponent(let p) = tokens[e] { plus = p } else { plus = true }
    return mantissa + "E" + (exponent < 0 ? "-" : (plus ? "+" : "")) + digits
  }

  // MARK: - Dates

  /// The civil date of a day count from 1970-01-01 (Howard Hinnant's algorithm).
  static func civil(_ days: Int) -> (year: Int, month: Int, day: Int) {
    let z = days + 719_468
    let era = (z >= 0 ? z : z - 146_096) / 146_097
    let doe = z - era * 146_097
    let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
    let y = yoe + era * 400
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
    let mp = (5 * doy + 2) / 153
    let d = doy - (153 * mp + 2) / 5 + 1
    let m = mp < 10 ? mp + 3 : mp - 9
    return (m <= 2 ? y + 1 : y, m, d)
  }

  /// The date and time of a serial: 1900 system (serial 60 is the 1900-02-29 Excel keeps from
  /// Lotus 1-2-3) or 1904 system (serial 0 is 1904-01-01).
  static func dateParts(_ serial: Double, date1904: Bool) -> (
    year: Int, month: Int, day: Int, weekday: Int, seconds: Int, fraction: Double
  )? {
    guard serial >= 0, serial < 2_958_466 else { return nil }
    var days = Int(serial.rounded(.down))
    let exact = (serial - Double(days)) * 86400
    var seconds = Int(exact.rounded())
    let fraction = exact - exact.rounded(.down)
    if seconds >= 86400 {
      days += 1
      seconds -= 86400
    }
    // Days from 1970-01-01 of serial 0: 1899-12-31 (1900, below 60), 1899-12-30 (1900, from 61),
    // 1904-01-01 (1904).
    let weekday: Int
    if date1904 {
      let date = civil(days - 24107)
      weekday = (days + 5) % 7  // 1904-01-01 was a Friday
      return (date.year, date.month, date.day, weekday, seconds, fraction)
    }
    weekday = (days + 6) % 7  // serial 1 (1900-01-01) is a Sunday in Excel's calendar
    if days == 60 { return (1900, 2, 29, weekday, seconds, fraction) }
    if days == 0 { return (1900, 1, 0, weekday, seconds, fraction) }
    let date = civil(days < 60 ? days - 25568 : days - 25569)
    return (date.year, date.month, date.day, weekday, seconds, fraction)
  }

  private static let monthNames = [
    "January", "February", "March", "April", "May", "June", "July", "August", "September",
    "October", "November", "December",
  ]
  private static let dayNames = [
    "Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday",
  ]

  static func formatDate(_ value: Double, tokens: [Token], date1904: Bool) -> String? {
    guard let parts = dateParts(value, date1904: date1904) else { return nil }
    let hasAMPM = tokens.contains { if case .ampm = $0 { return true } else { return false } }
    let hour24 = parts.seconds / 3600
    let minute = (parts.seconds / 60) % 60
    let second = parts.seconds % 60
    // `m` is minutes right after an hour or right before a second, else the month.
    var minuteAt = Set<Int>()
    var previous: Character?
    for (index, token) in tokens.enumerated() {
      guard case .date(let letter, let count) = token else {
        if case .elapsed(let letter, _) = token { previous = letter }
        continue
      }
      if letter == "m", count <= 2 {
        let next = tokens[(index + 1)...].first {
          if case .date = $0 { return true } else { return false }
        }
        var nextIsSecond = false
        if case .date(let l, _)? = next, l == "s" { nextIsSecond = true }
        if previous == "h" || nextIsSecond { minuteAt.insert(index) }
      }
      previous = letter
    }
    func pad(_ n: Int, _ width: Int) -> String {
      let s = String(n)
      return s.count >= width ? s : String(repeating: "0", count: width - s.count) + s
    }
    var out = ""
    var afterSeconds = false
    for (index, token) in tokens.enumerated() {
      switch token {
      case .literal(let s): out += s
      case .date(let letter, let count):
        afterSeconds = false
        switch letter {
        case "y": out += count <= 2 ? pad(parts.year % 100, 2) : pad(parts.year, 4)
        case "m" where minuteAt.contains(index): out += pad(minute, count)
        case "m":
          switch count {
          case 1, 2: out += pad(parts.month, count)
          case 3: out += String(monthNames[parts.month - 1].prefix(3))
          case 5: out += String(monthNames[parts.month - 1].prefix(1))
          default: out += monthNames[parts.month - 1]
          }
        case "d":
          switch count {
          case 1, 2: out += pad(parts.day, count)
          case 3: out += String(dayNames[parts.weekday].prefix(3))
          default: out += dayNames[parts.weekday]
          }
        case "h":
          let hour = hasAMPM ? (hour24 % 12 == 0 ? 12 : hour24 % 12) : hour24
          out += pad(hour, min(count, 2))
        case "s":
          out += pad(second, min(count, 2))
          afterSeconds = true
        default: break
        }
      case .elapsed(let letter, let count):
        let total = Int((value * 86400).rounded())
        switch letter {
        case "h": out += pad(total / 3600, count)
        case "m": out += pad(total / 60, count)
        default: out += pad(total, count)
        }
      case .ampm(let am, let pm): out += hour24 < 12 ? am : pm
      case .point:
        if afterSeconds { out += "." } else { out += "." }
      case .digit(let d):
        if afterSeconds || d == "0" {
          out += String(Int(parts.fraction * 10) % 10)
        }
      case .comma: out += ","
      case .percent: out += "%"
      case .slash: out += "/"
      default: break
      }
    }
    return out
  }
}
